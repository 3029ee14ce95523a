"""``nkasylum data check``: the round trip of adding a fact, as one command.

It validates a data folder (every entry, every evidence anchor against its source's quoted
words, then what no single entry can check), checks every quote against the source documents,
and rebuilds the folder's compiled bundle
(what ``python -m nkasylum._compile`` does for the bundled data), in that order, stopping
at the first problem with the error that names the file, the entry and the field.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

import attrs

from nkasylum.core.countries import check_alias_table
from nkasylum.core.errors import DataError
from nkasylum.core.resources import ALIASES, BUNDLE, QUICK, data_root, parse_data_toml
from nkasylum.core.values import value_type
from nkasylum.engine.fast.quick import quick_tables
from nkasylum.engine.knowledge import Entry, KnowledgeBase, from_entries
from nkasylum.io.anchors import documents_folder, quote_problems
from nkasylum.io.commands import WriteError
from nkasylum.io.writing import write_files
from nkasylum.model.provenance import DataVersion
from nkasylum.store.bundle import compile_bundle, compile_quick, read_folder

__all__ = ["DataCheck", "check_data", "data_command"]


@attrs.frozen
@value_type
class DataCheck:
    """What :func:`check_data` checked and wrote.

    Attributes:
        folder: the data folder checked.
        entries: how many entries (policies, passages, cases, statistics, conflicts) it holds.
        sources: how many sources.
        anchors: how many evidence anchors were checked against their sources' quotes.
        quotes: how many quotes were checked against the documents (0 when skipped).
        documents: the documents folder they were checked against, or ``None`` when skipped.
        bundle: the compiled bundle rebuilt, or ``None`` for a folder without ``aliases.toml``
            (only the package's own data folder has a bundle: other folders are always read
            from their TOML files).
        changed: whether the bundle's content changed.
        data_version: the data version of the knowledge base the folder holds.
    """

    folder: Path
    entries: int
    sources: int
    anchors: int
    quotes: int
    documents: Path | None
    bundle: Path | None
    changed: bool
    data_version: DataVersion


def check_data(folder: str | Path | None = None, *, documents: str | Path | None = None,
               anchors: bool = True) -> DataCheck:
    """Validate ``folder`` (default: the bundled data), check its anchors, rebuild its bundle.

    Args:
        folder: a data folder laid out as the bundled one.
        documents: the shared documents folder (holding ``seeds/`` and ``sources/``); default:
            ``$NKASYLUM_DOCUMENTS``, else a ``shared`` folder beside or above ``folder``.
        anchors: ``False`` skips the check of the quotes against the documents (say so when
            you report the result); anchors are always checked against the quotes.

    Raises:
        DataError: the first problem: a file, entry or field that does not validate, an
            anchor that does not stand in its document (the message counts the others), or
            no documents folder found.
        OSError: the bundle could not be written.
    """
    root = Path(str(data_root())) if folder is None else Path(folder)
    if not root.is_dir():
        raise DataError(f"no data folder at {root} (a data folder holds sources/, countries/, cases/, "
                        "statistics/ and conflicts/)")
    if (root / ALIASES).is_file():
        # before the entries: their country names are read through it, and a broken table
        # would otherwise be blamed on the first entry that names a country
        check_alias_table(parse_data_toml(_utf8(root / ALIASES), ALIASES))
    found = read_folder(root)  # the TOML files, never a compiled bundle beside them
    kb = from_entries(found)
    docs: Path | None = None
    count = sum(len(e.evidence) for group in _groups(kb) for e in group)  # checked in read_folder
    quoted = 0
    if anchors:
        docs = documents_folder(documents, root)
        problems = quote_problems(kb, docs, found.files)
        if problems is not None:
            raise problems
        quoted = sum(len(s.quotes) for s in kb.all_sources if s.document is not None)
    bundle, changed = None, False
    if (root / ALIASES).is_file():
        bundle = root / BUNDLE
        # the bundle and the quick tables beside it (see nkasylum.engine.fast.quick), together and
        # atomically: a full disk leaves the previous pair, which still answers to its data
        new = [(target, text) for target, text in ((bundle, compile_bundle(root)),
                                                   (root / QUICK, compile_quick(quick_tables(kb), root)))
               if not target.is_file() or target.read_text(encoding="utf-8") != text]
        write_files(new, folder=root)
        changed = bool(new)
    entries = sum(map(len, _groups(kb)))
    return DataCheck(root, entries, len(kb.all_sources), count, quoted, docs, bundle, changed,
                     kb.data_version)


def _utf8(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text: {err}", file=path.name) from None


def _groups(kb: KnowledgeBase) -> tuple[tuple[Entry, ...], ...]:
    return (kb.all_policies, kb.all_passages, kb.all_cases, kb.all_statistics, kb.all_conflicts)


def data_command(args: argparse.Namespace, out: TextIO) -> int:
    """``nkasylum data check``: print what was checked and written; errors exit 2 (or 3)."""
    try:
        done = check_data(args.folder, documents=args.documents, anchors=not args.no_anchors)
    except OSError as err:
        raise WriteError(f"cannot read the data folder or write its bundle: {err.strerror or err}") from None
    if args.json:
        print(json.dumps({"folder": str(done.folder), "entries": done.entries, "sources": done.sources,
                          "anchors": done.anchors, "quotes": done.quotes,
                          "documents": done.documents and str(done.documents),
                          "bundle": done.bundle and str(done.bundle), "changed": done.changed,
                          "data_version": str(done.data_version)}, indent=2), file=out)
        return 0
    print(f"valid: {done.entries} entries and {done.sources} sources in {done.folder}", file=out)
    print(f"anchors: all {done.anchors} stand in their sources' quotes", file=out)
    print(f"quotes: all {done.quotes} stand in the documents under {done.documents}" if done.documents
          else "quotes: not checked against the documents (--no-anchors)", file=out)
    if done.bundle is None:
        print(f"bundle: none ({done.folder} has no {ALIASES}; nk.load_knowledge_base reads its TOML files)",
              file=out)
    else:
        print(f"bundle: {'rebuilt' if done.changed else 'already up to date'}: {done.bundle}", file=out)
    print(f"data version: {done.data_version}", file=out)
    return 0
