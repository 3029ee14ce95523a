"""The Dask how-to runs as written: its block, with Dask's synchronous scheduler, prints the
verdicts that ``assess_many`` gives in one process for the same panel."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

import nkasylum as nk

PAGE = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "scale-out.md"


def _block_and_output() -> tuple[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    code = re.search(r"^```py\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    shown = re.search(r'^```text title="Output"\n(.*?)^```', text, re.MULTILINE | re.DOTALL)
    assert code is not None and shown is not None, "the how-to keeps one py block and its output"
    return code[1], shown[1]


def test_the_how_to_names_its_scheduler_in_one_place() -> None:
    code, _ = _block_and_output()
    assert code.count('SCHEDULER = "processes"') == 1 and "scheduler=SCHEDULER" in code


def test_the_dask_how_to_gives_the_verdicts_of_one_process() -> None:
    pytest.importorskip("dask.dataframe", reason="Dask is an optional extra: pip install 'nkasylum[dask]'")
    code, shown = _block_and_output()
    # The synchronous scheduler runs every partition in this process: the same function,
    # the same partitions, without starting workers in a test.
    code = code.replace('SCHEDULER = "processes"', 'SCHEDULER = "synchronous"')
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(PAGE), "exec"), namespace)
    assert out.getvalue().strip() == shown.strip()
    expected = [v.value for v in nk.default_knowledge_base().assess_many(namespace["panel"])]
    assert namespace["result"].tolist() == expected
