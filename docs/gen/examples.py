"""The Examples page (docs/examples.md): each script in examples/ with its real output.

Marker: ``examples`` (for each script, quickstart first: the question from its docstring,
its code, and what it printed when run at build time in its own interpreter).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import ROOT, log, main

EXAMPLES = ROOT / "examples"


def example_scripts() -> list[Path]:
    """Every example script, sorted, quickstart first."""
    return sorted(EXAMPLES.glob("*.py"), key=lambda p: (p.name != "quickstart.py", p.name))


def run_example(path: Path, workdir: str) -> subprocess.CompletedProcess[str]:
    """Run an example in its own interpreter, as a user would (output files go to ``workdir``)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(path), workdir], capture_output=True, text=True,
                          cwd=workdir, env=env, timeout=120, check=False)


def gen_examples(args: list[str]) -> str:
    """Each example's question, code and real output."""
    out = []
    for path in example_scripts():
        source = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(source)) or path.stem
        first, _, rest = doc.partition("\n")
        with tempfile.TemporaryDirectory() as tmp:
            done = run_example(path, tmp)
        if done.returncode != 0:
            log.warning("examples/%s failed (exit %d):\n%s", path.name, done.returncode, done.stderr)
        printed = done.stdout.replace(tmp, "<output folder>")
        out += [f"## {first.strip()}", ""]
        if rest.strip():
            out += [rest.strip(), ""]
        out += [f'```python title="examples/{path.name}"', source.rstrip(), "```", "",
                f"`python examples/{path.name}` prints:", "",
                '```text title="Output"', printed.rstrip() or "(nothing printed)", "```", ""]
    return "\n".join(out)


GENERATORS = {"examples": gen_examples}

main(__name__, "examples.md", GENERATORS)
