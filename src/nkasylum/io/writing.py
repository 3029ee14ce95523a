"""Writing files safely: all or nothing, and never through a link.

Every file nkasylum writes (exports, the panel, schemas, the compiled bundle) goes through
:func:`write_files`: each is written to a temporary file in its own folder, flushed to
disk, and only then renamed over its target, so a full disk or a crash leaves the previous
file as it was (a rename within a folder is atomic). A group of files (the CSV tables and
their ``meta.json``) is renamed only once every one was written, so a failed export never
leaves a short table beside complete-looking ones.

A target that is a symbolic link is refused: writing through it would change whatever it
points at (a system file, another project's data), outside the folder asked for.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

__all__ = ["UnsafeTargetError", "write_files", "write_text"]

Writer = Callable[[TextIO], object] | str
"""What a file holds: its text, or a function that writes it into a stream."""


class UnsafeTargetError(OSError):
    """A file nkasylum was asked to write is a symbolic link (or not in the folder asked
    for): it is refused, and nothing is written. An ``OSError``, as the failure to write
    a file is; the command line reports it with status 3."""


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`write_files`); return the path."""
    return write_files([(Path(path), text)])[0]


def write_files(files: Sequence[tuple[Path, Writer]], *, folder: Path | None = None) -> list[Path]:
    """Write every ``(path, writer)``, all or nothing; return the paths. ``writer`` is the
    file's text, or a function given a UTF-8 text stream (``\\n`` line ends) to write it into.

    Args:
        files: the targets and what writes each.
        folder: the folder the caller was asked to write into; a target outside it is refused.

    Raises:
        UnsafeTargetError: a target is a symbolic link, or lies outside ``folder``; nothing
            is written.
        OSError: a file could not be written (a full disk, no permission); every target
            keeps its previous content, and no temporary file is left.
    """
    for path, _ in files:
        _check_target(path, folder)
    staged: list[tuple[str, Path]] = []
    try:
        for path, writer in files:
            staged.append((_stage(path, writer), path))
        for temporary, path in staged:
            _check_target(path, folder)  # again: a link may have been put there meanwhile
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    return [path for path, _ in files]


def _check_target(path: Path, folder: Path | None) -> None:
    if path.is_symlink():
        raise UnsafeTargetError(errno.ELOOP, f"{path} is a symbolic link; nkasylum does not write "
                                             "through links (remove it, or write into another folder)")
    if folder is not None and Path(os.path.realpath(path.parent)) != Path(os.path.realpath(folder)):
        raise UnsafeTargetError(errno.EXDEV, f"{path} is outside the folder asked for ({folder})")


def _stage(path: Path, writer: Writer) -> str:
    """Write a temporary file beside ``path`` and return its name; it is removed on failure."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(writer, str):
                handle.write(writer)
            else:
                writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _mode(path: Path) -> int:
    """The previous file's permissions, else what ``open`` would give a new file (mkstemp's
    temporary file is readable by its owner only)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    # Reading the umask means setting it; done once a process.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
