"""The Dask how-to runs as written: its script, with the process scheduler, prints the
verdicts shown on the page, and they are those ``assess_many`` gives in one process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nkasylum as nk

PAGE = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "scale-out.md"
SKIP = "Dask is an optional extra: pip install 'nkasylum[dask]'"


def _script_and_output() -> tuple[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    code = re.search(r"^```py3\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    shown = re.search(r'^```text title="Output"\n(.*?)^```', text, re.MULTILINE | re.DOTALL)
    assert code is not None and shown is not None, "the how-to keeps its script and its output"
    return code[1], shown[1]


def test_the_script_prints_what_the_page_shows(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe", reason=SKIP)
    code, shown = _script_and_output()
    script = tmp_path / "panel.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == shown.strip()


def test_the_partitions_give_the_verdicts_of_one_process() -> None:
    pytest.importorskip("dask.dataframe", reason=SKIP)
    import pandas as pd

    code, _ = _script_and_output()
    namespace: dict[str, Any] = {"__name__": "panel"}
    exec(compile(code, str(PAGE), "exec"), namespace)
    panel = pd.DataFrame({
        "origin": ["KP"] * 8, "via": ["RU", None, "CN", "MN", None, "CN", "RU", None],
        "dest": ["KR", "KR", "KR", "KR", "US", "KR", "KR", "JP"],
        "on": pd.to_datetime(["2009-12-23", "2015-06-01", "2002-09-11", "2010-01-01",
                              "2009-12-23", "2024-06-01", "2016-06-16", "2020-01-01"]),
    })
    got = namespace["assess_panel"](panel, "synchronous").tolist()
    assert got == [v.value for v in nk.default_knowledge_base().assess_many(panel)]
