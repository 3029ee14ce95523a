"""Loading a knowledge base from a data folder, optionally checking every anchor against its document.

It sits above both the storage layer (which reads the files) and the anchor checker (which
needs the knowledge base built from them).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.engine.knowledge import KnowledgeBase, from_entries
from nkasylum.io.anchors import check_quotes
from nkasylum.store.bundle import load_bundled, read_folder

__all__ = ["load_knowledge_base"]


def load_knowledge_base(
    folder: str | Path | None = None, *, documents: str | Path | None = None
) -> KnowledgeBase:
    """Load and validate a knowledge base from a data folder.

    Args:
        folder: a data folder laid out as the bundled one; ``None`` loads the bundled data
            (use :func:`nkasylum.default_knowledge_base` for the cached copy).
        documents: the shared documents folder (holding ``seeds/`` and ``sources/``); when
            given, every source's quotes are checked against its document (every anchor is
            checked against its source's quotes when a data folder is read, in any case).

    Raises:
        DataError: a file that does not parse or an entry that does not validate; the
            message names the file, the entry and the field.
        ArgumentTypeError: ``folder`` is not a path.

    Example:
        >>> import nkasylum as nk
        >>> kb = nk.load_knowledge_base()
        >>> kb == nk.default_knowledge_base()
        True
    """
    if folder is not None and not isinstance(folder, (str, PurePath)):
        raise ArgumentTypeError(
            f"folder= takes a path (str or pathlib.Path) or None, not {type(folder).__name__}"
        )
    if folder is not None and not Path(folder).is_dir():
        raise DataError(f"no data folder at {folder}")
    entries = load_bundled() if folder is None else read_folder(folder)
    kb = from_entries(entries)
    if documents is not None:
        problems = check_quotes(kb, documents)
        if problems:
            first = problems[0]
            raise DataError(first.message, file=entries.files.get(first.entry_id),
                            entry=first.entry, field=first.field)
    return kb
