"""A notebook run in a real Jupyter kernel renders what a researcher asks for: an assessment,
a policy, a slice of cases and the coverage as Markdown, a chart as an image, and a Mermaid
chart as a diagram, in a notebook of modest size (answers are not dumped as huge reprs).

Needs nbclient, nbformat and ipykernel (the ``test`` extra); skips without them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook check needs nbformat (the test extra)")
nbclient = pytest.importorskip("nbclient", reason="the notebook check needs nbclient (the test extra)")
pytest.importorskip("ipykernel", reason="the notebook check runs an ipykernel")
pytest.importorskip("matplotlib", reason="the notebook draws a chart")

ROOT = Path(__file__).resolve().parents[2]
CELLS = {
    "setup": "import datetime as dt\nimport nkasylum as nk",
    "assessment": 'nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))',
    "policy": 'nk.policy("CN", on=dt.date(2002, 9, 11))',
    "cases": 'nk.cases(country="CN")[:3]',
    "coverage": "nk.coverage()",
    "chart": 'nk.plot_series("arrivals-in-south-korea", country="KR")',
    "mermaid": "nk.transit_map(on=dt.date(2009, 12, 23))",
}
BUDGET = 400_000
"""The most bytes the executed notebook may weigh (one chart as PNG is most of it)."""


def test_a_notebook_renders_answers_tables_charts_and_diagrams(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code) for code in CELLS.values()]
    env_path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    os.environ["PYTHONPATH"] = env_path  # the kernel imports this checkout
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={
        "metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = dict(zip(CELLS, (cell.outputs for cell in notebook.cells), strict=True))
    for name in ("assessment", "policy", "cases", "coverage", "mermaid"):
        data = outputs[name][0]["data"]
        assert "text/markdown" in data, name
        assert len(data["text/plain"]) < 5_000, (name, len(data["text/plain"]))  # no huge repr beside it
    assert outputs["cases"][0]["data"]["text/markdown"].startswith("**3 cases**")
    assert "| country |" in outputs["coverage"][0]["data"]["text/markdown"]
    assert outputs["mermaid"][0]["data"]["text/markdown"].startswith("```mermaid")
    assert any("image/png" in out.get("data", {}) for out in outputs["chart"])
    path = tmp_path / "rendered.ipynb"
    nbformat.write(notebook, path)
    size = path.stat().st_size
    print(f"executed notebook: {size:,} bytes; per cell: "
          + json.dumps({name: len(json.dumps(out)) for name, out in outputs.items()}))
    assert size < BUDGET
