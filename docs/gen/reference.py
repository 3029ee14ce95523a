"""The API reference page (docs/reference.md): every name in ``nkasylum.__all__``, grouped.

Marker: ``api`` (a mkdocstrings directive for every public name; nothing is hand-listed,
so a new name appears as soon as it is exported). ``tests/check_site.py`` reads the built
page and checks that every name is there with its own signature.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import main

NO_DOCSTRING = {"__version__"}
"""Public names that carry no docstring of their own: the page writes their section."""


def api_groups() -> dict[str, list[str]]:
    """Every name in ``nkasylum.__all__``, grouped for the reference page."""
    groups: dict[str, list[str]] = {"Functions": [], "Knowledge base": [], "Types": [], "Enumerations": [],
                                    "Places and constants": [], "Exceptions": []}
    for name in nk.__all__:
        obj = getattr(nk, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            groups["Exceptions"].append(name)
        elif isinstance(obj, type) and issubclass(obj, enum.Enum):
            groups["Enumerations"].append(name)
        elif obj is nk.KnowledgeBase or name in {"default_knowledge_base", "load_knowledge_base"}:
            groups["Knowledge base"].append(name)
        elif isinstance(obj, type):
            groups["Types"].append(name)
        elif callable(obj):
            groups["Functions"].append(name)
        else:
            groups["Places and constants"].append(name)
    return {k: v for k, v in groups.items() if v}


def gen_api(args: list[str]) -> str:
    """A mkdocstrings directive for every public name, grouped."""
    out = []
    for group, names in api_groups().items():
        out += [f"## {group}", ""]
        for name in names:
            if name in NO_DOCSTRING:
                # An HTML heading: in Markdown's `{ #id }` the underscores of __version__ read as bold.
                out += [f'<h3 id="nkasylum.{name}"><code>nkasylum.{name}</code></h3>', "",
                        f"The installed version as a string (this site was built with `{nk.__version__}`). "
                        "Record it with your results; see [Pin a version and cite it](how-to/reproduce-and-cite.md).",
                        ""]
                continue
            out += [f"::: nkasylum.{name}", ""]
    return "\n".join(out)


GENERATORS = {"api": gen_api}

main(__name__, "reference.md", GENERATORS)
