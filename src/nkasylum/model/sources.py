"""Sources and evidence: where every fact in the knowledge base comes from."""

from __future__ import annotations

import enum
import re

import attrs

from nkasylum.core.checks import check_types, freeze_sequences
from nkasylum.core.errors import DataError
from nkasylum.core.text import prose_key, word_count
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import evidence_text, source_markdown, source_text

__all__ = ["Evidence", "Source", "SourceKind"]


class SourceKind(enum.Enum):
    """How much weight a source carries, from primary legal text to an unattributed page.

    Example:
        >>> import nkasylum as nk
        >>> nk.SourceKind("news-report")
        <SourceKind.NEWS_REPORT: 'news-report'>
    """

    LAW_OR_COURT = "law-or-court"
    """The text of a law, treaty, constitution or court decision, or an official record of one."""
    OFFICIAL_STATEMENT = "official-statement"
    """A statement or report by a government, parliament, UN body or public auditor."""
    NEWS_REPORT = "news-report"
    """A report by a named news organisation."""
    REPOST = "repost"
    """A repost or mirror of another publisher's piece (``original_publisher`` names it)."""
    ENCYCLOPEDIA = "encyclopedia"
    """An encyclopaedia article."""
    RESEARCH = "research"
    """Academic or legal-research writing."""
    BLOG_OR_NGO = "blog-or-ngo"
    """A blog, NGO or advocacy page."""
    UNATTRIBUTED = "unattributed"
    """A page that names no publisher or author."""


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Source:
    """A document that the knowledge base cites.

    Attributes:
        id: stable identifier, e.g. ``"voa-2002-09-11"``.
        title: the document's title.
        publisher: who published it, or ``None`` when the document does not say.
        author: byline, where the document gives one.
        published: when it was published (EDTF, as precise as the page shows: a page
            dated only by month is ``2024-05``), or ``None`` for an undated page. A date
            that stands only in a page's address counts as its publication date.
        document: the collection that excerpts the page, as a path relative to the shared
            documents folder (``seeds/...`` or ``sources/...``); ``None`` only for a page
            the project collected itself (``collected``).
        also_in: further documents that quote the same page (the same address excerpted
            in two collections); anchors may stand in any of them.
        url: the address of the page, where known.
        kind: how much weight the source carries.
        language: ISO 639-1 code of the quoted text.
        original_publisher: for reposts and mirrors, the publisher of the original.
        located_by: extra phrases that mark this source's passages in a document holding
            several sources (e.g. ``"same Wikipedia page"``), besides its ``url``.
        note: how the date or attribution was established, in the project's words.
        quotes: (added in version 0.2) the source's own words that the knowledge base cites, verbatim (each a
            quoted passage of its collection, or a sentence of a seed document): every
            evidence anchor stands in one of them, so the installed library can show the
            sentence behind any fact (:meth:`quote_for`) and check every anchor.
        collected: (added in version 0.2) the project found this page itself in stored public pages (it is in
            none of the shared collections, or they excerpt it without the words cited here,
            and then the ``note`` names their record); its ``url`` and ``published`` are the
            page's own, and audits sample these sources.

    Example:
        >>> import nkasylum as nk
        >>> str(nk.source("kyodo-2009-12-23").published)
        '2009-12-23'
        >>> nk.source("kyodo-2009-12-23").quote_for("in principal deports") is not None
        True
    """

    id: str
    title: str
    # a page the project collected itself has no shared document, so a data file may
    # leave the key out (the check below refuses that for every other source)
    document: str | None = attrs.field(default=None, kw_only=True)
    kind: SourceKind
    publisher: str | None = None
    published: When | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    original_publisher: str | None = None
    located_by: tuple[str, ...] = ()
    note: str = ""
    also_in: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    collected: bool = False

    def __attrs_post_init__(self) -> None:
        check_types(self)
        if self.document is None and not self.collected:
            raise DataError("a source from the shared collections names its document "
                            "(sources/....md or seeds/....txt); only a page the project "
                            "collected itself (collected = true) has none", field="document")
        if self.collected and not self.quotes:
            raise DataError("a page the project collected itself carries the words it is "
                            "cited for in quotes (there is no shared document to read them "
                            "from)", field="quotes")
        for i, quote in enumerate(self.quotes):
            if not quote.strip():
                raise DataError("a quote is the source's own words, not empty text",
                                field=f"quotes[{i}]")
        for name, path in (("document", self.document),
                           *((f"also_in[{i}]", p) for i, p in enumerate(self.also_in))):
            if path is not None and not _DOCUMENT.fullmatch(path):
                # the anchor check reads this path under the documents folder: it must stay there
                raise DataError(f"a document is a path inside the shared documents folder, "
                                f"seeds/... or sources/... (no '..', no absolute path), not {path!r}",
                                field=name)

    def quote_for(self, anchor: str) -> str | None:
        """The quoted words of this source in which ``anchor`` stands (quote marks and
        spacing folded), or ``None`` when none holds it.

        Added in version 0.2.
        """
        key = prose_key(anchor)
        for quote in self.quotes:
            if key in prose_key(quote):
                return quote
        return None

    def __str__(self) -> str:
        return source_text(self)

    def _repr_markdown_(self) -> str:
        return source_markdown(self)


_DOCUMENT = re.compile(r"(?:seeds|sources)(?:/(?!\.\.?(?:/|$))[A-Za-z0-9._-]+)+", re.ASCII)


@attrs.frozen
@value_type
class Evidence:
    """What supports a fact: a source, a verbatim anchor phrase and a note.

    Attributes:
        source: the id of a :class:`Source`.
        anchor: a 3 to 12 word phrase that stands verbatim in the source's document and
            locates the supporting passage (like a URL text fragment).
        note: what the passage supports, in the project's own words (how a date was
            resolved, how a count was read).
        happened: when the quoted words say the reported thing happened or held (EDTF),
            e.g. ``2009`` for "in 2009 Russia deported ..."; ``None`` for a statement in
            the present tense, which is dated by its source's publication date.

    Example:
        >>> import nkasylum as nk
        >>> ev = nk.policy("CN", on=__import__("datetime").date(2002, 9, 11)).evidence[0]
        >>> ev.source in {s.id for s in nk.sources()}
        True
    """

    source: str
    anchor: str
    note: str
    happened: When | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("source", "anchor", "note"):
            if not isinstance(getattr(self, name), str):
                raise DataError(f"must be text, not {getattr(self, name)!r}", field=name)
        if not self.source.strip():
            raise DataError("evidence needs a source id", field="source")
        words = word_count(self.anchor)
        if not 3 <= words <= 12:
            raise DataError(
                f"an anchor is a verbatim phrase of 3 to 12 words; {self.anchor!r} has {words}",
                field="anchor",
            )
        if self.happened is not None and not isinstance(self.happened, When):
            raise DataError(f"must be an EDTF date (nkasylum.When) or None, not {self.happened!r}",
                            field="happened")
        if not self.note.strip():
            raise DataError(
                "evidence needs a note saying what the passage supports", field="note"
            )

    def __str__(self) -> str:
        return evidence_text(self)
