"""README.md cannot drift: its Python block runs, and each ``print(...)  # comment`` line's
comment starts with what that line prints (a note may follow after ``: ``, ``, `` or `` (``).

tests/docs/test_docs.py runs the README's blocks too; this test reads the comments, which
is how the README shows its outputs.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
FENCE = re.compile(r"^```python\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def _comments(code: str) -> dict[int, str]:
    """The comment on each line, by line number."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string.lstrip("#").strip()
    return found


def _shown(expected: str, printed: str) -> bool:
    if expected == printed:
        return True
    return expected.startswith(printed) and expected[len(printed):][:2] in (": ", ", ", " (")


def test_readme_comments_show_what_each_print_prints() -> None:
    blocks = FENCE.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no python block"
    checked = 0
    for code in blocks:
        comments = _comments(code)
        namespace: dict[str, object] = {"__name__": "__readme__"}
        for statement in ast.parse(code).body:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(ast.Module([statement], []), "README.md", "exec"), namespace)
            is_print = (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
                        and getattr(statement.value.func, "id", None) == "print")
            if not is_print:
                continue
            comment = comments.get(statement.end_lineno or statement.lineno)
            assert comment is not None, f"README line {statement.lineno}: a print without its output as a comment"
            printed = out.getvalue().strip()
            assert _shown(comment, printed), f"README line {statement.lineno} prints {printed!r}, shows {comment!r}"
            checked += 1
    assert checked >= 8


def test_a_wrong_comment_is_caught() -> None:
    assert _shown("documented: carried forward", "documented")
    assert _shown("True", "True")
    assert not _shown("documented", "blocked")
    assert not _shown("2023-08-16", "2023-08-1")
