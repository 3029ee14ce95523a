"""A griffe extension for the API reference: read nkasylum's docstrings as written.

The docstrings head their doctests ``Example:`` (singular), which griffe's Google parser
would show as a plain admonition, turning ``>>>`` lines into block quotes; they also describe
several fields on one line (``valid_from, valid_until, undated: ...``) and cross-reference
with Sphinx roles (``:func:`nkasylum.routes```). All three are rewritten when griffe loads the
code, so the source keeps its wording and the reference renders it right: roles that name a
public name become links, the others plain code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import nkasylum

_EXAMPLE = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:func|class|data|meth|attr|exc|mod):`~?(?P<target>[^`]+)`")
_SHARED = re.compile(r"^(?P<indent>[ \t]+)(?P<names>\w+(?:,[ \t]*\w+)+):[ \t]*(?P<text>.*)$", re.MULTILINE)


def rewrite(text: str) -> str:
    """``Example:`` -> ``Examples:``; ``a, b: text`` -> one ``name: text`` line per name;
    ``:class:`nkasylum.Policy``` -> a link to the reference entry."""
    text = _EXAMPLE.sub(r"\g<indent>Examples:", text)

    def link(m: re.Match[str]) -> str:
        target = m["target"]
        name = target.removeprefix("nkasylum.")
        short = target.rsplit(".", 1)[-1]
        if target.startswith("nkasylum.") and name in nkasylum.__all__:
            return f"[`{short}`][nkasylum.{name}]"
        return f"`{short}`"

    text = _ROLE.sub(link, text)

    def split(m: re.Match[str]) -> str:
        names = [n.strip() for n in m["names"].split(",")]
        return "\n".join(f"{m['indent']}{n}: {m['text']}" for n in names)

    return _SHARED.sub(split, text)


class ExampleSections(griffe.Extension):
    """Rewrite every docstring of the loaded package with :func:`rewrite`."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rewrite(obj.docstring.value)
