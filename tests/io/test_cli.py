"""The ``nkasylum`` command line: run as the installed script and as ``python -m nkasylum``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nkasylum as nk
from nkasylum.core.text import date_words
from nkasylum.io.cli import main
from nkasylum.io.interop import FRAMES

SCRIPT = Path(sys.executable).with_name("nkasylum.exe" if os.name == "nt" else "nkasylum")
COMMANDS = ("country", "policy", "timeline", "cases", "routes", "assess", "sources", "series",
            "conflicts", "export", "coverage", "data")


def _runner(kind: str) -> list[str]:
    if kind == "script":
        if not SCRIPT.is_file():
            pytest.skip(f"the console script is not installed at {SCRIPT} (pip install the package)")
        return [str(SCRIPT)]
    return [sys.executable, "-m", "nkasylum"]


# The installed console script calls the same main() as ``python -m nkasylum``: its runs of
# every command are slow (a second interpreter each); CI runs them with --slow.
@pytest.fixture(params=[pytest.param("script", marks=pytest.mark.slow), "module"])
def run(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """Run the command line in a subprocess, the way a shell script would."""
    prefix = _runner(request.param)

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([*prefix, *args], capture_output=True, text=True, encoding="utf-8",
                              cwd=tmp_path, env=env, timeout=120, check=False)

    return call


def _one_line_error(result: subprocess.CompletedProcess[str], command: str) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"nkasylum {command}: error: ")
    return lines[0]


# ------------------------------------------------------------ through a subprocess
def test_version(run: Any) -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"nkasylum {nk.__version__}, data {nk.data_version}\n"  # both, to cite


def test_help_lists_every_command(run: Any) -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_assess_documented_exits_0_with_the_route(run: Any) -> None:
    result = run("assess", "KP", "CN", "KR", "--on", "2002-09-11")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "KP to KR via CN on 2002-09-11: documented"
    assert "route: KP > CN > third country > KR" in lines
    assert "voa-2002-09-11" in result.stdout


def test_assess_not_documented_exits_1_so_scripts_can_test_it(run: Any) -> None:
    # 2024-06-01: China is seen sending North Koreans back, and no passage on to Seoul is
    # seen that day (the route was last documented on 2023-08-16).
    blocked = run("assess", "KP", "CN", "KR", "--on", "2024-06-01")
    assert blocked.returncode == 1
    assert blocked.stdout.splitlines()[0].endswith(": blocked")
    assert blocked.stderr == ""
    lines = blocked.stdout.splitlines()
    assert "last known: documented on 2023-08-16, 290 days before the date asked, by " \
           "KP > CN > third country > KR" in "\n".join(lines).replace("\n  ", " ")
    assert "observations are not carried forward past their last sighting" in lines


def test_assess_json_is_to_json_of_the_assessment(run: Any) -> None:
    result = run("assess", "KP", "any", "KR", "--on", "2009-12-23", "--json")
    expected = nk.can_resettle("KP", None, "KR", on=dt.date(2009, 12, 23))
    assert result.returncode == 0
    assert result.stdout == nk.to_json(expected) + "\n"
    assert nk.from_json(result.stdout, nk.Assessment) == expected


def test_bad_input_is_one_line_on_stderr_and_exit_2(run: Any) -> None:
    line = _one_line_error(run("assess", "KP", "Atlantis", "KR"), "assess")
    assert "unknown country 'Atlantis'" in line
    line = _one_line_error(run("assess", "Syria", "any", "DE"), "assess")
    assert "North Korea" in line  # out of scope, and says what is covered


def test_usage_errors_exit_2_with_one_line_and_no_traceback(run: Any) -> None:
    for args in (("policy", "CN", "--on", "11/09/2002"), ("frobnicate",), (), ("cases", "--outcome")):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr and "--help" in result.stderr
    assert "YYYY-MM-DD" in run("policy", "CN", "--on", "11/09/2002").stderr


def test_export_json_and_csv(run: Any, tmp_path: Path, kb: nk.KnowledgeBase) -> None:
    result = run("export", "--out", "out")
    assert result.returncode == 0, result.stderr
    written = tmp_path / "out" / "knowledge-base.json"
    assert result.stdout.strip() == str(Path("out") / "knowledge-base.json")
    assert written.read_text(encoding="utf-8") == nk.to_json(kb) + "\n"
    result = run("export", "--format", "csv", "--out", "tables", "--json")
    assert result.returncode == 0, result.stderr
    names = [Path(p).name for p in json.loads(result.stdout)]
    assert names == [*(f"{name}.csv" for name in FRAMES), "meta.json"]
    meta = json.loads((tmp_path / "tables" / "meta.json").read_text(encoding="utf-8"))
    assert meta["data_version"] == str(kb.data_version) and meta["nkasylum"] == nk.__version__
    with (tmp_path / "tables" / "cases.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [c.id for c in kb.all_cases]


def test_every_other_command_runs_as_a_script(run: Any) -> None:
    for args, needle in [
        (("country", "DPRK"), "PRK"),
        (("policy", "RU", "--on", "2009-12-23"), "repatriates"),
        (("timeline", "RU"), "period"),
        (("cases", "--country", "RU", "--outcome", "resettled"), " cases"),
        (("routes", "KP", "KR", "--on", "2009-12-23"), "KP > RU > KR"),
        (("sources",), "voa-2002-09-11"),
        (("series", "arrivals-in-south-korea"), "year"),
        (("conflicts",), "versions"),
    ]:
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert needle in result.stdout, args


# ------------------------------------------------------------------- in process
def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_of_every_query_command_is_to_json_of_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    on = dt.date(2009, 12, 23)
    expected = {
        ("policy", "RU", "--on", "2009-12-23"): nk.policy_answer("RU", on=on),
        ("policy", "KR", "--on", "1900-01-01"): nk.policy_answer("KR", on=dt.date(1900, 1, 1)),
        ("policy", "TH", "--on", "2015/2017", "--horizon", "365"):
            nk.policy_answer("TH", on="2015/2017", horizon=dt.timedelta(days=365)),
        ("timeline", "CN"): nk.policy_timeline("CN"),
        ("cases", "--country", "CN", "--since", "2002-01-01", "--until", "2002-12-31"):
            nk.cases(country="CN", since=dt.date(2002, 1, 1), until=dt.date(2002, 12, 31)),
        ("cases", "--outcome", "temporary-asylum"): nk.cases(outcome="temporary-asylum"),
        ("routes", "KP", "KR", "--on", "2002-09-11", "--max-transits", "1"):
            nk.routes("KP", "KR", on=dt.date(2002, 9, 11), max_transits=1),
        ("routes", "KP", "KR", "--on", "2024-06", "--horizon", "400", "--last-known"):
            nk.routes("KP", "KR", on="2024-06", horizon=dt.timedelta(days=400), last_known=True),
        ("sources",): nk.sources(),
        ("series", "arrivals-in-south-korea", "--country", "KR"):
            nk.series("arrivals-in-south-korea", country="KR"),
        ("conflicts",): nk.conflicts(),
        ("assess", "KP", "RU", "KR", "--on", "2009-12-23"): nk.can_resettle("KP", "RU", "KR", on=on),
        ("assess", "KP", "any", "KR", "--on", "2015"): nk.can_resettle("KP", None, "KR", on=2015),
    }
    for args, value in expected.items():
        for flags in (("--json", *args), (*args, "--json")):  # before or after the command
            code, out, err = _main(capsys, *flags)
            assert code == 0 and err == "", flags
            assert out == nk.to_json(value) + "\n", flags


def test_assess_via_several_countries_and_any(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "--json", "assess", "KP", "CN", "TH", "KR", "--on", "2002-09-11")
    a = nk.from_json(out, nk.Assessment)
    assert a == nk.can_resettle("KP", ["CN", "TH"], "KR", on=dt.date(2002, 9, 11))
    assert code == (0 if a else 1)
    code, out, _ = _main(capsys, "--json", "assess", "KP", "-", "KR", "--on", "2009-12-23")
    assert nk.from_json(out, nk.Assessment).via is None and code == 0


@pytest.mark.parametrize(("args", "says"), [
    (("assess", "KP", "KR"), "one or more transit countries"),
    (("assess", "KP", "any", "CN", "KR"), "'any' stands alone"),
    (("assess", "KP", "Korea", "KR"), "ambiguous country 'Korea'"),
    (("policy", "Pyongyang"), "unknown country"),
    (("cases", "--outcome", "escaped"), "unknown outcome 'escaped'"),
    (("cases", "--country", "Atlantis"), "unknown country"),
    (("routes", "KP", "KR", "--max-transits", "9"), "max_transits"),
    (("routes", "RU", "KR"), "scope"),
    (("country", "Congo"), "ambiguous"),
])
def test_bad_input_messages(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str) -> None:
    code, out, err = _main(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and says in err
    assert err.startswith(f"nkasylum {args[0]}: error: ")


def test_human_output_reads_well(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "policy", "CN", "--on", "2002-09-11")
    assert code == 0 and out.startswith("China (CN): policy documented on 11 September 2002")
    assert "  repatriates:    yes" in out
    code, out, _ = _main(capsys, "policy", "KR", "--on", "1900-01-01")
    assert "undocumented, not 'none'" in out
    assert "Last known: nothing earlier is documented either." in out
    code, out, _ = _main(capsys, "country", "South", "Korea")
    assert "alpha-2        KR" in out
    code, out, _ = _main(capsys, "--json", "country", "408")
    assert json.loads(out)["alpha_3"] == "PRK"
    code, out, _ = _main(capsys, "routes", "KP", "KR", "--on", "1950-01-01")
    assert "No documented route on 1950-01-01" in out
    code, out, _ = _main(capsys, "series", "nk-workers")  # a measure, but no yearly figure
    assert "No yearly figures" in out and "arrivals-in-south-korea" in out
    code, out, _ = _main(capsys, "cases", "--country", "RU")
    assert out.splitlines()[0].split() == ["date", "place", "people", "outcome", "id"]
    assert out.strip().endswith(f"{len(nk.cases(country='RU'))} cases")


def test_dates_print_as_precise_as_their_sources(capsys: pytest.CaptureFixture[str]) -> None:
    # in words, never a made-up day: 2013, not 1 January 2013; no EDTF marks (../, ~, /)
    _, out, _ = _main(capsys, "sources")
    rows = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert "undated" in rows["explainer-what-countries-allow"]
    yearly = [src for src in nk.sources() if src.published is not None and str(src.published).isdigit()]
    assert yearly and all(f" {src.published} " in rows[src.id] and " 1 January " not in rows[src.id]
                          for src in yearly if src.id in rows)
    head = out.splitlines()[0]
    start, end = head.index("published"), head.index("publisher")
    column = [line[start:end] for line in rows.values()]
    assert not any(re.search(r"\d{4}-\d\d|\.\./|~|/", cell) for cell in column)
    _, out, _ = _main(capsys, "cases", "--country", "CN")
    assert "\nFebruary 2012 " in out and "\n1 February 2012" not in out  # a month stays a month
    assert "by 11 September 2002" in out and "../" not in out


def test_on_takes_a_day_a_year_a_month_or_a_period(capsys: pytest.CaptureFixture[str]) -> None:
    for text, value in [("2015", 2015), ("2015-07", "2015-07"), ("2015/2017", "2015/2017")]:
        code, out, _ = _main(capsys, "--json", "assess", "KP", "any", "KR", "--on", text)
        answer = nk.from_json(out, nk.Assessment)
        assert code == (0 if answer else 1)
        assert answer == nk.can_resettle("KP", None, "KR", on=value)
        assert str(answer.asked) == text
        _, out, _ = _main(capsys, "assess", "KP", "any", "KR", "--on", text)
        assert out.splitlines()[0].startswith(f"KP to KR via any route at some time in {text} (last on ")


def test_assess_shows_support_per_leg_evidence_age_and_undated_context(
        capsys: pytest.CaptureFixture[str]) -> None:
    # the legs as named (--exact): each leg's support is shown
    code, out, _ = _main(capsys, "assess", "KP", "CN", "KR", "--on", "2024-06-01", "--horizon", "400",
                         "--explain", "--exact")
    a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1), horizon=dt.timedelta(days=400), exact=True)
    # The crossing into China is carried forward 290 days, within the horizon, but China's
    # returns are seen that day: a carried-forward way never outranks a block seen then.
    assert code == 1 and a.verdict is nk.Verdict.BLOCKED
    lines = out.splitlines()
    assert "support on 2024-06-01:" in lines
    row = next(line for line in lines if "kp-cn-border-crossing" in line).split()
    assert row[:3] == ["KP", ">", "CN"] and "carried forward" in " ".join(row) and row[-2:] == ["290", "days"]
    assert any(line.startswith("CN > KR") and "seen" in line for line in lines)
    assert f"evidence age: {a.evidence_age.days} days" in lines  # type: ignore[union-attr]
    assert "observations carried forward up to 400 days (--horizon)" in lines
    # Undated context once: a paragraph per statement, no second list of their ids.
    assert out.count("Undated context (") == len(a.undated) and out.count("It answers no dated question.") \
        == len(a.undated)
    # Without the horizon the same question is blocked, and says what was last known.
    code, out, _ = _main(capsys, "assess", "KP", "CN", "KR", "--on", "2024-06-01")
    assert code == 1 and "last known: documented on 2023-08-16" in out


def test_policy_prints_support_and_undated_context_instead_of_a_bare_no(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "policy", "CN", "--on", "2024-06-01")
    assert code == 0 and "statement" in out and "Support:" in out
    assert any("cn-2024-2025-forced-returns-hrw" in line and "seen" in line for line in out.splitlines())
    assert any("cn-1986-border-protocol" in line and "rule in force" in line for line in out.splitlines())
    assert "Evidence age: 0 days" in out
    flat = " ".join(out.split())
    assert "Undated context: " in flat and "(they answer no dated question)" in flat
    assert "cn-explainer-economic-migrants" in flat
    # Nothing documented on the day: the last known policy, its date and age, and the context.
    code, out, _ = _main(capsys, "policy", "TH", "--on", "2024-06-01")
    answer = nk.policy_answer("TH", on=dt.date(2024, 6, 1))
    assert not answer and answer.last_known is not None
    assert out.startswith("No policy of Thailand (TH) is documented on 1 June 2024")
    days = (dt.date(2024, 6, 1) - answer.last_known.on).days
    assert f"Last known: {date_words(answer.last_known.on)}, {days:,} days before the date asked" in out
    assert "th-illegal-entrants-sent-to-south-korea" in " ".join(out.split())
    # Carried forward on request, and said so.
    code, out, _ = _main(capsys, "policy", "TH", "--on", "2024-06-01", "--horizon", "3000")
    assert out.startswith("Thailand (TH): policy documented on 1 June 2024")
    assert "carried forward" in out and "Observations carried forward up to 3,000 days" in out


def test_tables_line_up(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _main(capsys, "sources")
    header, rule, *rows = out.splitlines()
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    assert header.split() == ["id", "published", "publisher", "title"]
    for row in rows:
        assert all(row[i - 1] == " " for i in starts[1:] if i <= len(row)), row
    assert len(rows) == len(nk.sources())


def test_csv_export_needs_no_pandas(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path, kb: nk.KnowledgeBase) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    code, _, err = _main(capsys, "export", "--format", "csv", "--out", str(tmp_path))
    assert code == 0 and err == ""
    with (tmp_path / "policies.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(kb.all_policies)
    first = kb.all_policies[0]
    assert rows[0]["id"] == first.id
    assert rows[0]["valid_from"] == (str(first.valid_from) if first.valid_from else "")  # EDTF text
    assert rows[0]["repatriates"] == {None: "", True: "true", False: "false"}[first.repatriates]


def test_csv_columns_match_the_data_frames(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    import pandas as pd

    from nkasylum.io.interop import write_csv

    frames = nk.to_frames()
    for path in write_csv(tmp_path)[:-1]:  # the last is meta.json
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame = frames[path.stem]
        assert list(table.columns) == list(frame.columns)
        assert len(table) == len(frame)


def test_export_to_an_unwritable_place_is_a_clean_error(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _main(capsys, "export", "--out", str(blocker / "sub"))
    assert code == 3 and "cannot write to" in err and len(err.strip().splitlines()) == 1


def test_help_exits_0_and_bad_usage_2_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "usage:" in capsys.readouterr().out
    assert main(["routes", "KP"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nkasylum routes: error: ") and len(err.splitlines()) == 1


def test_the_readme_commands_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                 tmp_path: Path) -> None:
    import shlex

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    commands = [part.strip() for line in readme.splitlines()
                for part in line.split("#")[0].replace("&&", ";").split(";")
                if part.strip().startswith("nkasylum ")]
    assert "nkasylum assess KP CN KR --on 2002-09-11" in commands  # the set-up line's main job
    assert {shlex.split(c)[1] for c in commands} >= {"assess", "routes", "policy", "cases", "export"}
    monkeypatch.chdir(tmp_path)
    for command in commands:
        args = shlex.split(command)[1:]
        code = main(args)
        capsys.readouterr()
        if args[0] == "assess":  # exit 1 means "not documented", which the README shows on purpose
            main(["--json", *args])
            assert code == (0 if nk.from_json(capsys.readouterr().out, nk.Assessment) else 1), command
        else:
            assert code == 0, command


# ------------------------------------------- the exit-status contract (issue 15, item 11)
CLI_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "cli.md"


def _script() -> list[str]:
    return _runner("script")


def _exec(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """Run the installed script with bytes output (an encoding failure must not be ours)."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([*_script(), *args], stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                          timeout=120, check=False, **kwargs)


def _one_stderr_line(result: subprocess.CompletedProcess[bytes], status: int) -> str:
    err = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == status, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("nkasylum") and ": error: " in lines[0]
    return lines[0]


BAD_INPUT = [
    ("policy", "CN", "--on", "11/09/2002"), ("policy", "CN", "--on", "2002-02-30"), ("--bogus",),
    ("assess", "KP", "CN", "KR", "--bogus"), ("frobnicate",), (), ("cases", "--outcome"),
    ("routes", "KP"), ("routes", "KP", "KR", "--max-transits", "x"), ("export", "--format", "xml"),
    ("country", "Atlantis"), ("country", "Congo"), ("country", "\u202eKP"), ("country", "8"),
    ("assess", "KP", "KR"), ("assess", "Syria", "any", "DE"), ("cases", "--outcome", "escaped"),
    ("series", "--country", "Atlantis", "m"), ("timeline", "x" * 5000),
    ("assess", "KP", "CN", "KR", "--on", "2015/"), ("policy", "CN", "--horizon", "-5"),
    ("routes", "KP", "KR", "--horizon", "a year"), ("policy", "CN", "--on", "2015-13"),
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=lambda a: " ".join(a)[:40] or "no arguments")
def test_every_bad_input_prints_exactly_one_stderr_line(args: tuple[str, ...]) -> None:
    result = _exec(*args)
    assert result.stdout == b""
    line = _one_stderr_line(result, 2)
    assert len(line) < 1000


def test_a_full_disk_exits_3_with_one_line() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = _exec("assess", "KP", "CN", "KR", "--on", "2002-09-11", stdout=full)
    assert "No space left" in _one_stderr_line(result, 3)
    with open("/dev/full", "wb") as full:  # --help goes to stdout too
        assert _exec("--help", stdout=full).returncode == 3


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell to close stdout")
def test_a_closed_stdout_exits_3_with_one_line() -> None:
    result = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *_script(), "sources"],
                            stderr=subprocess.PIPE, timeout=120, check=False)
    assert "standard output is closed" in _one_stderr_line(result, 3)


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_output_the_stdout_encoding_cannot_hold_exits_3_and_writes_nothing(json_flag: tuple[str, ...]) -> None:
    result = _exec(*json_flag, "country", "CI", env={"PYTHONIOENCODING": "ascii"})
    assert result.stdout == b""
    assert "U+00F4" in _one_stderr_line(result, 3)  # the ô of Côte d'Ivoire
    ascii_only = _exec(*json_flag, "country", "KP", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_only.returncode == 0 and b"PRK" in ascii_only.stdout
    chosen = _exec(*json_flag, "country", "CI", env={"PYTHONIOENCODING": "ascii:backslashreplace"})
    assert chosen.returncode == 0 and b"\\xf4" in chosen.stdout


@pytest.mark.slow  # twenty runs of each: test_a_reader_that_leaves_before_the_output_gives_141_quietly is the quick one
@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
@pytest.mark.parametrize(("args", "status"), [
    (("assess", "KP", "CN", "KR", "--on", "2002-09-11"), 0),
    (("assess", "KP", "CN", "KR", "--on", "2024-06-01"), 1),
])
def test_a_pipe_into_head_gives_the_same_status_every_run(args: tuple[str, ...], status: int) -> None:
    statuses = set()
    for _ in range(20):
        writer = subprocess.Popen([*_script(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert writer.stdout is not None and writer.stderr is not None
        reader = subprocess.run(["head", "-c", "1"], stdin=writer.stdout, capture_output=True, check=False)
        writer.stdout.close()
        err = writer.stderr.read()
        writer.stderr.close()
        statuses.add(writer.wait(timeout=120))
        assert reader.stdout and err == b"", err
    assert statuses == {status}


def test_a_reader_that_leaves_before_the_output_gives_141_quietly() -> None:
    statuses = set()
    for _ in range(5):
        writer = subprocess.Popen([*_script(), "--json", "sources"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        assert writer.stdout is not None
        writer.stdout.close()  # long before the knowledge base is loaded and the answer written
        _, err = writer.communicate(timeout=120)
        assert err == b"", err
        statuses.add(writer.returncode)
    assert statuses == {141}


def test_a_bug_is_status_4_never_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from nkasylum.io import commands

    def broken(args: Any, out: Any) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(commands.COMMANDS, "sources", broken)
    code, out, err = _main(capsys, "sources")
    assert code == 4 and out == ""
    assert "RuntimeError: boom" in err and err.splitlines()[-1].startswith("nkasylum sources: error: internal")


def test_the_contract_is_written_once_and_help_agrees_with_it() -> None:
    from nkasylum.io import cli

    section = CLI_GUIDE.read_text(encoding="utf-8").split("## Exit status", 1)[1].split("\n## ", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert documented == {0, 1, 2, 3, 4, 141}
    epilog = cli.build_parser().epilog or ""
    assert {int(m) for m in re.findall(r"(?:: |; )(\d+) ", epilog)} == documented
    assert "exactly one line" in section
    for text in (cli.main.__doc__ or "", cli.__doc__ or "",
                 (CLI_GUIDE.parent.parent.parent / "README.md").read_text(encoding="utf-8")):
        assert "Exit status" in text and "cli.md" in text


@pytest.mark.parametrize("args", [
    ("assess", "KP", "CN", "KR", "--on", "2002-09-11"),  # the README's first command
    ("assess", "KP", "CN", "KR", "--on", "2024-06-01"),
    ("assess", "KP", "CN", "KR", "--on", "2010"),
    ("assess", "KP", "CN", "KR", "--on", "2024-06-01", "--exact"),
    ("assess", "KP", "any", "KR", "--on", "2015"),
])
def test_assess_prints_one_screen_by_default(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    _, out, _ = _main(capsys, *args)
    lines = out.splitlines()
    assert len(lines) <= 25, out
    assert lines[0].endswith((": documented", ": blocked", ": undocumented"))
    assert sum(line.startswith("undated context: ") for line in lines) <= 1
    assert sum("last known" in line for line in lines) <= len(lines[0].split(">")) + 1
    _, full, _ = _main(capsys, *args, "--explain")
    assert len(full.splitlines()) > len(lines)


def test_assess_names_the_route_found_through_the_waypoints(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "assess", "KP", "CN", "KR", "--on", "2010")
    assert code == 0 and out.splitlines()[:2] == [
        "KP to KR via CN at some time in 2010 (last on 2010-12-31): documented",
        "route: KP > CN > third country > KR"]
    code, out, _ = _main(capsys, "assess", "KP", "CN", "KR", "--on", "2024-06-01", "--exact")
    assert code == 1 and out.splitlines()[0] == "KP to KR via exactly CN on 2024-06-01: blocked"


def test_routes_through_waypoints(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "routes", "KP", "KR", "--on", "2010", "--via", "CN")
    assert code == 0 and "KP > CN > third country > KR" in out
    code, out, _ = _main(capsys, "routes", "KP", "KR", "--on", "2024-06-01", "--via", "CN", "--exact")
    assert code == 0 and out.startswith("No documented route on 2024-06-01")
