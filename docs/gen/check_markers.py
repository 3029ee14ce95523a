"""Every page, last: a ``<!-- nkasylum:... -->`` marker that no page generator filled is a
warning (a page without a generator script of its own, or a misspelt marker)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import MARKER, log


def unfilled(markdown: str) -> list[str]:
    """The markers left in ``markdown``, as written."""
    return [m[0].strip() for m in MARKER.finditer(markdown)]


if __name__ == "<run_path>":   # run by mkdocs-gen-files, after every page generator
    import mkdocs_gen_files  # lazy: only present when the site is being built

    for f in mkdocs_gen_files.FilesEditor.current().files.documentation_pages():
        with mkdocs_gen_files.open(f.src_uri, "r") as page:
            left = unfilled(page.read())
        if left:
            log.warning("%s: no generator filled %s (a page's markers are filled by docs/gen/<page>.py)",
                        f.src_uri, ", ".join(left))
