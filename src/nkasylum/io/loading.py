"""Loading a knowledge base from a data folder, optionally checking every anchor against its document.

It sits above both the storage layer (which reads the files) and the anchor checker (which
needs the knowledge base built from them).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.engine.knowledge import KnowledgeBase, from_entries
from nkasylum.io.anchors import documents_folder, quote_problems
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
        DataError: a file that does not parse or cannot be read, an entry that does not
            validate, a quote not found in its document, or no documents folder at
            ``documents``; the message names the file, the entry and the field, and
            :attr:`~nkasylum.DataError.problems` holds every problem found, not only the first.
        ArgumentTypeError: ``folder`` or ``documents`` is not a path.

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
    if folder is not None and (not str(folder) or not Path(folder).is_dir()):
        raise DataError(f"no data folder at {folder!r}")
    # checked before the data is read: a wrong folder is not a broken anchor in the first file
    docs = None if documents is None else documents_folder(documents)
    try:
        entries = load_bundled() if folder is None else read_folder(folder)
    except OSError as err:  # a folder that vanished or cannot be listed while it is read
        raise DataError(f"cannot read the data folder {folder}: {err.strerror or err}") from None
    kb = from_entries(entries)
    if docs is not None:
        problems = quote_problems(kb, docs, entries.files)
        if problems is not None:
            raise problems
    return kb
