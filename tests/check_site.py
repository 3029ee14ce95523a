"""Check a built documentation site: every public name has its own entry in the API reference.

    python tests/check_site.py SITE_DIR

reads ``SITE_DIR/reference/index.html`` (built by ``mkdocs build``) and checks, for every
name in ``nkasylum.__all__``, that the reference has a section of its own (``id="nkasylum.NAME"``)
and that it shows what a caller needs:

* a function: its signature, ``NAME(...)``, naming every parameter;
* a class with parameters (the attrs value types, the errors): the same for its constructor;
* an enum: every member, each with its own entry;
* a constant: its name with its type or value.

It also checks that no Returns section is split into one row per line of its text. Exit
status 1 and one line per problem when something is missing; ``.ci/run`` runs it on the site
it builds, and ``tests/docs/test_site.py`` runs it from the test suite.
"""

from __future__ import annotations

import enum
import html
import inspect
import re
import sys
from pathlib import Path

import nkasylum as nk

_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r'<h3 id="(?P<id>[^"]+)"')


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def sections(page: str) -> dict[str, str]:
    """Each level-3 section of the reference page (one per public name), by its anchor."""
    found = list(_HEADING.finditer(page))
    return {m["id"]: page[m.start():(found[i + 1].start() if i + 1 < len(found) else len(page))]
            for i, m in enumerate(found)}


def _signature(section: str) -> str:
    m = re.search(r'<div class="doc-signature[^"]*"[^>]*>(.*?)</div>', section, re.DOTALL)
    return _text(m[1]) if m else ""


def _parameters(obj: object) -> list[str]:
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    return [p.name for p in signature.parameters.values()
            if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)]


def problems(page: str, names: list[str] | None = None) -> list[str]:
    """What the reference page lacks, one line each (empty when complete)."""
    found = sections(page)
    out = []
    for name in nk.__all__ if names is None else names:
        section = found.get(f"nkasylum.{name}")
        if section is None:
            out.append(f"{name}: no section of its own (no id=\"nkasylum.{name}\")")
            continue
        obj = getattr(nk, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            missing = [m.name for m in obj if f'id="nkasylum.{name}.{m.name}"' not in section]
            if missing:
                out.append(f"{name}: members without an entry: {', '.join(missing)}")
            continue
        if callable(obj):
            wanted = _parameters(obj)
            if not wanted and isinstance(obj, type):
                continue   # a class that takes nothing: its heading is its signature
            signature = _signature(section)
            if not re.search(rf"\b{re.escape(name)}\(", signature):
                out.append(f"{name}: no signature {name}(...) (shown: {signature[:80]!r})")
                continue
            absent = [p for p in wanted if not re.search(rf"\b{re.escape(p)}\b", signature)]
            if absent:
                out.append(f"{name}: the signature leaves out {', '.join(absent)}")
            returns = re.search(r"Returns:</span></p>\s*<table>.*?<tbody>(.*?)</tbody>", section, re.DOTALL)
            if returns and returns[1].count("<tr") > 1:
                out.append(f"{name}: its Returns section is split into {returns[1].count('<tr')} rows")
            continue
        if name != "__version__" and not re.search(rf"\b{re.escape(name)}\b\s*[:=]", _text(section)):
            out.append(f"{name}: the constant's type or value is not shown")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    page = Path(argv[1]) / "reference" / "index.html"
    if not page.is_file():
        print(f"no API reference at {page}: build the site first (mkdocs build --site-dir {argv[1]})",
              file=sys.stderr)
        return 2
    found = problems(page.read_text(encoding="utf-8"))
    for line in found:
        print(line)
    print(f"API reference: {len(nk.__all__) - len(found)} of {len(nk.__all__)} public names documented "
          "with their own signature")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
