"""Every page: run its code blocks at build time and check or fill in what they print.

Every ```` ```python ```` block of a page runs, in order and in one namespace (like a
notebook). A ```` ```text ```` block right after it is its expected output and must match
what the code prints (``...`` matches anything, as in doctest); the marker
``<!-- nkasylum:output -->`` right after it is replaced by what the code prints
(``<!-- nkasylum:output mermaid -->`` draws it instead). Shell blocks run with bash when
they show an output (install commands do not). A mismatch or an error is a warning, so
``mkdocs build --strict`` fails on it.

This script runs first (``mkdocs.yml``), on the pages as written, before the page
generators add their sections: generated code listings (the examples) are shown, not run.
``tests/docs/test_docs.py`` runs the same blocks with its own extractor.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import MARKER, OUTPUT_MARKER, log

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<attrs>[^\n`]*)$")
_CHECKER = doctest.OutputChecker()
PYTHON = ("python", "py", "python3")
SHELL = ("bash", "sh", "shell")


@dataclass(frozen=True)
class Fence:
    """One fenced code block of a Markdown page (lines are 0-based, ``end`` is the closing fence)."""

    start: int
    end: int
    indent: str
    lang: str
    code: str


def fences(markdown: str) -> list[Fence]:
    """Every fenced code block in ``markdown``, in order (nested fences are not split)."""
    lines = markdown.split("\n")
    found = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is None:
            i += 1
            continue
        indent, fence = m["indent"], m["fence"]
        close = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[i + 1:j]]
        found.append(Fence(i, j, indent, m["lang"].lower(), "\n".join(body)))
        i = j + 1
    return found


def _next_content_line(lines: list[str], after: int) -> int | None:
    for k in range(after + 1, len(lines)):
        if lines[k].strip():
            return k
    return None


@dataclass(frozen=True)
class Block:
    """A code block with what follows it: an expected output block, an output marker, or nothing."""

    code: Fence
    expected: Fence | None
    marker_line: int | None
    marker_lang: str = "text"


def python_blocks(markdown: str) -> list[Block]:
    """The page's code blocks that run, each paired with its expected output or output marker:
    every Python block, and the shell blocks that show an output (install commands do not)."""
    lines = markdown.split("\n")
    all_fences = fences(markdown)
    by_start = {f.start: f for f in all_fences}
    blocks = []
    for f in all_fences:
        if f.lang not in PYTHON + SHELL:
            continue
        k = _next_content_line(lines, f.end)
        expected = marker = None
        lang = "text"
        if k is not None:
            nxt = by_start.get(k)
            if nxt is not None and nxt.lang == "text":
                expected = nxt
            m = MARKER.match(lines[k])
            if m is not None and m["name"] == OUTPUT_MARKER:
                marker = k
                lang = m["args"].strip() or "text"
        if f.lang in SHELL and expected is None and marker is None:
            continue
        blocks.append(Block(f, expected, marker, lang))
    return blocks


def run_code(code: str, namespace: dict[str, Any]) -> str:
    """Run ``code`` in ``namespace`` and return what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs>", "exec"), namespace)
    return out.getvalue()


def run_shell(code: str, workdir: str) -> str:
    """Run a shell block with bash in ``workdir``, with this interpreter's scripts (``nkasylum``)
    first on PATH; return what it printed on stdout. A non-zero exit raises."""
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=workdir,
                          env=env, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"exit status {done.returncode}; stderr:\n{done.stderr}")
    return done.stdout


def output_matches(expected: str, got: str) -> bool:
    """Doctest's comparison: exact, except that ``...`` in ``expected`` matches anything."""
    want = expected.strip("\n") + "\n"
    return _CHECKER.check_output(want, got.strip("\n") + "\n", doctest.ELLIPSIS)


def _text_fence(indent: str, text: str, lang: str = "text") -> str:
    body = text.rstrip("\n") or "(nothing printed)"
    opening = "```mermaid" if lang == "mermaid" else f'```{lang} title="Output"'
    lines = [opening, *body.split("\n"), "```"]
    return "\n".join(indent + line if line else line for line in lines)


def execute_page(markdown: str, where: str) -> str:
    """Run the page's code blocks; check expected outputs and fill output markers."""
    blocks = python_blocks(markdown)
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    fills: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as workdir:   # where the page's shell blocks run, in turn
        for number, block in enumerate(blocks, 1):
            try:
                if block.code.lang in SHELL:
                    got = run_shell(block.code.code, workdir)
                else:
                    got = run_code(block.code.code, namespace)
            except Exception:
                log.warning("%s: code block %d (line %d) raised:\n%s", where, number,
                            block.code.start + 1, traceback.format_exc(limit=-3))
                continue
            if block.expected is not None and not output_matches(block.expected.code, got):
                log.warning("%s: code block %d (line %d) printed something else than its output "
                            "block shows.\n--- shown ---\n%s\n--- printed ---\n%s", where, number,
                            block.code.start + 1, block.expected.code, got)
            if block.marker_line is not None:
                fills[block.marker_line] = _text_fence(block.code.indent, got, block.marker_lang)
    for k, text in fills.items():
        lines[k] = text
    return "\n".join(lines)


def main() -> None:
    import mkdocs_gen_files  # lazy: only present when the site is being built

    pages = [f.src_uri for f in mkdocs_gen_files.FilesEditor.current().files.documentation_pages()]
    for page in pages:
        with mkdocs_gen_files.open(page, "r") as f:
            text = f.read()
        done = execute_page(text, page)
        if done != text:
            with mkdocs_gen_files.open(page, "w") as f:
                f.write(done)


if __name__ == "<run_path>":   # run by mkdocs-gen-files
    main()
