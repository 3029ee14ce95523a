"""BibTeX for the sources an answer rests on, and for the library and data version.

Plain string helpers: the value types call them (``Assessment.cite``), the command line
too (``--cite``). Entries are in a fixed order with fixed keys, so the same answer always
gives the same text: first the library (``@software``, its version and the data version),
then one ``@misc`` per source, sorted by key. A source's key is its id wherever the id is
a valid BibTeX key (ids are stable once released, so a key in a paper keeps meaning the same
document), and text is escaped for LaTeX, so a ``%``, ``&`` or ``_`` in a title cannot break
the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from nkasylum._version import RELEASED, __version__
from nkasylum.model.provenance import DataVersion
from nkasylum.model.sources import Source

__all__ = ["TITLE", "Citing", "bibtex", "bibtex_key", "escape"]

TITLE = "nkasylum: a cited, time-aware knowledge base of North Koreans' routes to protection"
"""The library's title, as in ``CITATION.cff``."""
AUTHORS = "nkasylum developers"
HOME = "https://nkasylum.readthedocs.io"
"""The documentation site that ``pyproject.toml`` names (the project states no code repository)."""


class Citing(Protocol):
    """What citing needs of a knowledge base: its sources by id and its data version."""

    def source(self, id: str) -> Source: ...

    @property
    def data_version(self) -> DataVersion: ...


# BibTeX counts braces even after a backslash, so a lone brace becomes a command, not "\{".
_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
            "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+/-]*")


def escape(text: str) -> str:
    """``text`` safe inside a BibTeX field: LaTeX's special characters escaped, braces balanced.

    Example:
        >>> print(escape("50% of {all} cases & more_than #1"))
        50\\% of \\textbraceleft{}all\\textbraceright{} cases \\& more\\_than \\#1
    """
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m[0]], " ".join(text.split()))


def _url(text: str) -> str:
    # A url field is read verbatim by the url package, so only what would end the field or
    # the entry is percent-encoded.
    return "".join(f"%{ord(c):02X}" if c in "{}\\ " else c for c in text)


def bibtex_key(source_id: str) -> str:
    """The BibTeX key of a source: its id when that is a valid key, else a cleaned form.

    Example:
        >>> bibtex_key("voa-2002-09-11"), bibtex_key("a b,{c}")
        ('voa-2002-09-11', 'a-b-c')
    """
    if _KEY.fullmatch(source_id):
        return source_id
    cleaned = "-".join(re.findall(r"[A-Za-z0-9_.:+/]+", source_id))
    return cleaned if cleaned and cleaned[0].isalnum() else f"source-{cleaned}".rstrip("-")


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def _library(version: DataVersion | None) -> str:
    data = "" if version is None else f", data version {version}"
    fields = [("title", escape(TITLE)), ("author", f"{{{AUTHORS}}}"), ("year", RELEASED[:4]),
              ("date", RELEASED), ("version", __version__), ("url", HOME),
              ("note", escape(f"Python library nkasylum {__version__}{data}"))]
    return _entry("software", f"nkasylum-{__version__}", fields)


def _source(key: str, s: Source) -> str:
    fields = [("title", f"{{{escape(s.title)}}}")]  # double braces: keep the title's capitals
    if s.author:
        fields.append(("author", escape(s.author)))
    elif s.publisher:
        fields.append(("author", f"{{{escape(s.publisher)}}}"))  # a body as author, kept whole
    if s.publisher:
        fields.append(("publisher", escape(s.publisher)))
    if s.published is not None:
        if s.published.lower is not None:
            fields.append(("year", str(s.published.lower.year)))
        fields.append(("date", str(s.published)))  # EDTF, which biblatex reads (2009~, 2002/2004)
    if s.url:
        fields.append(("url", _url(s.url)))
    fields.append(("note", escape(f"nkasylum source {s.id}" + ("" if s.published else "; undated"))))
    return _entry("misc", key, fields)


def bibtex(sources: Iterable[Source], version: DataVersion | None = None) -> str:
    """BibTeX: the library (with ``version``, the data version, when given), then each source.

    Keys are unique: two ids that clean to the same key get ``-2``, ``-3``... in id order.

    Example:
        >>> import nkasylum as nk
        >>> text = bibtex([nk.source("voa-2002-09-11")], nk.data_version)
        >>> text.count("@"), "@misc{voa-2002-09-11," in text
        (2, True)
    """
    by_id = {s.id: s for s in sources}
    keyed: dict[str, Source] = {}
    for id_ in sorted(by_id):
        key = base = bibtex_key(id_)
        n = 1
        while key in keyed or key == f"nkasylum-{__version__}":
            n += 1
            key = f"{base}-{n}"
        keyed[key] = by_id[id_]
    return "\n\n".join([_library(version), *(_source(k, keyed[k]) for k in sorted(keyed))]) + "\n"
