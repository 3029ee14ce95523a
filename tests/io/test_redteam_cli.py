"""The December 2026 red-team pass, command-line kinds (N1, N11, N14, N21): each kept as a test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import pytest

from nkasylum.io.cli import main


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _python_m(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-m", "nkasylum", *args], env=env, **kwargs)


@pytest.mark.parametrize("command", [["assess", "KP", "CN", "KR"], ["routes", "KP", "KR"], ["policy", "CN"]])
@pytest.mark.parametrize("days", ["1000000000", "999999999999", "9" * 40])
def test_n1_a_huge_horizon_is_bad_input_in_one_line(capsys: pytest.CaptureFixture[str], command: list[str],
                                                    days: str) -> None:
    """N1: past what a timedelta holds, --horizon is refused (exit 2, one line), never a traceback."""
    code, out, err = _main(capsys, *command, "--horizon", days, "--on", "2024-06-01")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--horizon" in err and "Traceback" not in err


def test_n1_the_longest_horizon_a_timedelta_holds_is_answered(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main(capsys, "assess", "KP", "CN", "KR", "--on", "2024-06-01", "--horizon", "999999999")
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize("args", [
    ["assess", "KP", "CN", "KR", "--on", "٢٠١٥"],          # Arabic-Indic digits
    ["assess", "KP", "CN", "KR", "--on", "２０１５-０７"],    # fullwidth digits
    ["assess", "KP", "CN", "KR", "--horizon", "２"],
    ["assess", "KP", "CN", "KR", "--horizon", "²"],
    ["routes", "KP", "KR", "--max-transits", "٣"],
    ["coverage", "--years", "２０１５"],
    ["coverage", "--years", "2015-２０１６"],
    ["coverage", "--day", "０７-01"],
])
def test_n11_non_ascii_digits_are_refused_on_the_command_line(capsys: pytest.CaptureFixture[str],
                                                              args: list[str]) -> None:
    code, out, err = _main(capsys, *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "_horizon" not in err and "invalid" not in err


def test_n14_with_stderr_closed_nothing_reaches_stdout() -> None:
    """N14: `2>&-` must not turn the error line into data on stdout."""
    proc = _python_m("country", "Atlantis", stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                     preexec_fn=lambda: os.close(2))
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 2 and out == b""


def test_n21_a_reader_that_leaves_early_on_long_output_gets_141() -> None:
    """N21: output longer than a pipe holds, read in part, is reported as 141, not success."""
    proc = _python_m("--json", "sources", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    time.sleep(2)  # let the command fill the pipe; the status does not depend on how long
    proc.stdout.read(10)
    proc.stdout.close()
    with proc.stderr:
        assert proc.wait(timeout=120) == 141
        assert proc.stderr.read() == b""
