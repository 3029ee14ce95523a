"""CI runs what the README says it runs: every test, the slow sweeps included.

The default ``python -m pytest`` leaves out the tests marked ``slow`` (tests/conftest.py), so
a CI that ran it would silently skip the exhaustive sweeps; the README names both commands,
and these tests keep ``.ci/run`` and the README (and CONTRIBUTING's table) on the same one.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _commands(text: str) -> list[str]:
    """Every shell command of a text's lines, split at ``&&`` and ``;``, comments dropped."""
    return [part.strip() for line in text.splitlines()
            for part in line.split("#")[0].replace("&&", ";").split(";") if part.strip()]


def _ci() -> list[str]:
    return _commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))


def _readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return _commands("\n".join(re.findall(r"```bash\n(.*?)```", text, flags=re.S)))


def _pytest_runs(commands: list[str]) -> list[str]:
    return [c for c in commands if c.startswith("python -m pytest")]


def test_ci_runs_every_test_with_the_readmes_full_command() -> None:
    (ci,) = _pytest_runs(_ci())
    assert "--slow" in shlex.split(ci), f".ci/run must run the slow tests too, not only {ci!r}"
    assert ci in _readme_blocks(), f"README's 'Set up' must name CI's test command {ci!r}"


def test_the_readme_names_the_fast_run_and_the_full_one() -> None:
    runs = _pytest_runs(_readme_blocks())
    assert "python -m pytest" in runs  # the fast default while working
    assert [r for r in runs if "--slow" in shlex.split(r)] == _pytest_runs(_ci())


def test_ci_installs_what_the_readme_installs() -> None:
    def installs(commands: list[str]) -> set[str]:
        return {shlex.split(c)[-1] for c in commands if c.startswith("python -m pip install") and "-e" in c}
    assert installs(_ci()) == installs(_readme_blocks()) == {".[test]"}


def test_contributing_runs_every_test_with_the_same_selection() -> None:
    # CONTRIBUTING's table may leave out ``-q`` (how much is printed), never the selection
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = [m for m in re.findall(r"`(python -m pytest[^`]*)`", text) if "--slow" in m]
    (ci,) = _pytest_runs(_ci())
    assert rows and all(set(shlex.split(r)) - {"-q"} == set(shlex.split(ci)) - {"-q"} for r in rows)


def test_the_wheels_smoke_test_shows_the_words_behind_a_fact() -> None:
    # The quoted words ship with the data (issue 28): the smoke test, which .ci/run runs
    # against the installed wheel alone and outside the source tree, must show the sentence
    # behind a fact and check every anchor against the package's own quotes.
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'cd "\$pkg_tmp"\n\s*"\$pkg_tmp/venv/bin/python" -I -W error "\$repo/tests/smoke.py"', run)
    smoke = (ROOT / "tests" / "smoke.py").read_text(encoding="utf-8")
    assert ".quote_for(" in smoke and "print(f\"the words behind" in smoke
    assert "NKASYLUM_DOCUMENTS" not in smoke and "../shared" not in smoke
