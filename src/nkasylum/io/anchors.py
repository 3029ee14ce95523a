"""Checking evidence: every anchor in its source's quoted words, every quote in its document.

Two checks, one on the package's own data and one against the shared documents:

* :func:`check_anchors`: every evidence anchor stands verbatim (quote marks and whitespace
  normalised) in one of its source's :attr:`~nkasylum.Source.quotes`. It needs nothing but
  the knowledge base, so it runs wherever the library is installed.
* :func:`check_quotes`: every quote of a source stands verbatim in the quoted words of the
  document its source names (a page the project collected itself has no such document and
  is left to the audits).

A document that holds several sources (the excerpt files in ``sources/``) is cut into
segments at every line that names an address or says ``source:``; a quote must stand in the
*quoted words* of a segment that belongs to its source (one whose first line holds the
source's ``url`` or one of its ``located_by`` phrases): the text after ``quote:`` on a line,
or a "double-quoted" passage on a line that names the source's own address or marker (e.g. a
``[conflict: ...]`` note citing another page). Words found only in a ``source:`` line, an
address or the collector's bolded summary are refused: those are the collector's words, not
the source's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePath

import attrs

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.text import prose_key
from nkasylum.core.values import value_type
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.model.sources import Evidence, Source

__all__ = ["AnchorProblem", "check_anchors", "check_quotes", "documents_folder", "find_documents",
           "quote_problems"]

_DOUBLE_QUOTED = re.compile(r'"([^"]+)"')


@attrs.frozen
@value_type
class AnchorProblem:
    """An evidence anchor that does not stand where its source says.

    Attributes:
        entry_id: the entry whose evidence it is.
        entry: a readable label of the entry.
        field: the field path of the evidence.
        message: what is wrong.
    """

    entry_id: str
    entry: str
    field: str
    message: str


def find_documents(start: str | Path | None = None) -> Path | None:
    """Locate the shared documents folder: ``$NKASYLUM_DOCUMENTS``, else a ``shared``
    folder holding ``seeds/`` beside or above ``start`` (default: this file)."""
    env = os.environ.get("NKASYLUM_DOCUMENTS")
    if env:
        return Path(env) if (Path(env) / "seeds").is_dir() else None
    here = Path(start or __file__).resolve()
    for parent in [here, *here.parents]:
        candidate = parent / "shared"
        if (candidate / "seeds").is_dir():
            return candidate
        sibling = parent.parent / "shared"
        if (sibling / "seeds").is_dir():
            return sibling
    return None


def _segments(text: str, source: Source, markers: tuple[str, ...]) -> list[str]:
    """The quoted words of ``source`` in a multi-source document, one text per quote."""
    own = tuple(m for m in (source.url, *source.located_by) if m)
    quoted: list[str] = []
    current = False
    for line in text.splitlines():
        if _is_boundary(line, markers):
            current = any(m in line for m in own)
        if not current:
            continue
        stripped = line.strip()
        if "quote:" in stripped:
            # the collection escapes a page's own double quote mark as \"
            quoted.append(stripped.split("quote:", 1)[1].replace('\\"', '"'))
        elif not stripped.startswith(("source:", "also:", "- **")) and any(m in stripped for m in own):
            # a line that names this source's address (or marker) and quotes it, e.g.
            # a [conflict: ...] note citing another page: its "double-quoted" words
            quoted.extend(_DOUBLE_QUOTED.findall(stripped))
    return quoted


def _is_boundary(line: str, markers: tuple[str, ...]) -> bool:
    return ("source:" in line or "http://" in line or "https://" in line
            or any(m in line for m in markers))


def _evidence(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, Evidence]]:
    for kind, entries in (("policy", kb.all_policies), ("passage", kb.all_passages),
                          ("case", kb.all_cases), ("statistic", kb.all_statistics),
                          ("conflict", kb.all_conflicts)):
        for entry in entries:
            for i, ev in enumerate(entry.evidence):
                yield entry.id, f"{kind} {entry.id!r}", f"evidence[{i}].anchor", ev


def check_anchors(kb: KnowledgeBase,
                  evidence: Iterable[tuple[str, str, str, Evidence]] | None = None,
                  ) -> tuple[AnchorProblem, ...]:
    """Check that every evidence anchor of ``kb`` stands in its source's quoted words.

    Returns the problems found (empty when every anchor stands in a quote of its source).

    Example:
        >>> import nkasylum as nk
        >>> from nkasylum.io.anchors import check_anchors
        >>> check_anchors(nk.default_knowledge_base())
        ()
    """
    by_id = {s.id: s for s in kb.all_sources}
    problems: list[AnchorProblem] = []
    for entry_id, label, field, ev in evidence if evidence is not None else _evidence(kb):
        source = by_id[ev.source]
        if source.quote_for(ev.anchor) is None:
            problems.append(AnchorProblem(
                entry_id, label, field,
                f"anchor {ev.anchor!r} stands in none of the {len(source.quotes)} quotes of "
                f"source {source.id!r}" if source.quotes else
                f"source {source.id!r} carries no quotes, so anchor {ev.anchor!r} cannot be "
                "checked; add the sentence it stands in to the source's quotes"))
    return tuple(problems)


def documents_folder(documents: object, root: Path | None = None) -> Path:
    """The documents folder to check quotes against: ``documents`` (a path), else the one
    :func:`find_documents` finds from ``root``.

    Raises:
        ArgumentTypeError: ``documents`` is not a path (an int, an empty text).
        DataError: no such folder, or it holds neither ``seeds/`` nor ``sources/``.
    """
    if documents is not None and (not isinstance(documents, (str, PurePath)) or not str(documents)):
        raise ArgumentTypeError(f"documents= takes a path (a non-empty str or a pathlib.Path) or None, "
                                f"not {type(documents).__name__}: {documents!r}")
    docs = Path(documents) if documents is not None else find_documents(root)
    if docs is None or not ((docs / "seeds").is_dir() or (docs / "sources").is_dir()):
        state = "it holds no seeds/ or sources/" if docs is not None and docs.is_dir() else "no such folder"
        where = f"at {documents} ({state})" if documents is not None else (
            f"($NKASYLUM_DOCUMENTS is unset and no shared/ folder holding seeds/ is beside or above {root})")
        raise DataError(f"no documents folder {where}: quotes are checked against the documents in "
                        "seeds/ and sources/; give --documents DIR, or --no-anchors to skip the check")
    return docs


def quote_problems(kb: KnowledgeBase, documents: Path, files: Mapping[str, str]) -> DataError | None:
    """Every quote problem of :func:`check_quotes` as one :class:`DataError` (naming each
    file, entry and field), or ``None`` when every quote stands in its document."""
    problems = check_quotes(kb, documents)
    if not problems:
        return None
    return DataError.collect(DataError(p.message, file=files.get(p.entry_id), entry=p.entry, field=p.field)
                             for p in problems)


def _read_document(root: Path, document: str, source: Source, label: str,
                   problems: list[AnchorProblem]) -> str | None:
    """The text of a document, ``None`` when there is none, ``""`` when it cannot be read
    (not UTF-8, a folder, no permission: the problem is added, naming the document)."""
    path = root / document
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        why = f"not UTF-8 text (byte 0x{err.object[err.start]:02X} at position {err.start})"
    except OSError as err:
        why = f"cannot be read ({err.strerror or err})"
    problems.append(AnchorProblem(source.id, label, "document",
                                  f"document {document!r} of source {source.id!r} under {root} is {why}"))
    return ""


def check_quotes(kb: KnowledgeBase, documents: str | Path) -> tuple[AnchorProblem, ...]:
    """Check every quote of every source in ``kb`` against the documents under ``documents``:
    each must stand verbatim in the source's quoted words there.

    Problems name the source (``entry_id`` is its id, ``field`` the quote's position).
    Sources the project collected itself have no shared document and are not checked here.

    Example:
        >>> import nkasylum as nk
        >>> from nkasylum.io.anchors import check_quotes, find_documents
        >>> docs = find_documents()
        >>> docs is None or check_quotes(nk.default_knowledge_base(), docs) == ()
        True
    """
    root = Path(documents)
    texts: dict[str, str | None] = {}
    markers = tuple(m for s in kb.all_sources for m in s.located_by)
    problems: list[AnchorProblem] = []
    for source in kb.all_sources:
        if source.document is None or not source.quotes:
            continue
        label = f"source {source.id!r}"
        haystacks: list[str] = []
        missing = False
        for document in (source.document, *source.also_in):
            if document not in texts:
                texts[document] = _read_document(root, document, source, label, problems)
            text = texts[document]
            if text == "":  # unreadable: its problem is already listed
                missing = True
            elif text is None:
                missing = True
                problems.append(AnchorProblem(source.id, label, "document",
                                              f"source {source.id!r} names document "
                                              f"{document!r}, not found under {root}"))
            elif document.endswith(".md"):  # an excerpt file: only the source's quoted words
                haystacks.extend(prose_key(s) for s in _segments(text, source, markers))
            else:  # a seed: the page's own text
                haystacks.append(prose_key(text))
        if missing:
            continue
        where = " or ".join((source.document, *source.also_in))
        if not haystacks:
            # An excerpt that never names the source's address (nor a located_by marker) has
            # no quoted words for it: its quotes would otherwise go unchecked.
            problems.append(AnchorProblem(source.id, label, "url",
                                          f"no quoted words of {source.url or source.id} in "
                                          f"{where}: neither its address nor a located_by "
                                          "marker stands there"))
            continue
        for i, quote in enumerate(source.quotes):
            if not any(prose_key(quote) in h for h in haystacks):
                problems.append(AnchorProblem(source.id, label, f"quotes[{i}]",
                                              f"quote {quote[:60]!r}... does not stand verbatim "
                                              f"in the quoted words of {source.url or source.id} "
                                              f"in {where}"))
    return tuple(problems)
