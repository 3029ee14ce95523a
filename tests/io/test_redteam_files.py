"""The December 2026 red-team pass, files nkasylum writes and checks (N2, N5)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from test_datacheck import _mini, _run  # the one-source data folder of the data check tests

import nkasylum as nk
from nkasylum.core.resources import BUNDLE, QUICK
from nkasylum.io import columns
from nkasylum.io.cli import main
from nkasylum.io.interop import write_csv
from nkasylum.io.writing import UnsafeTargetError, write_files


@pytest.mark.parametrize(("edit", "says"), [
    (lambda t: t.replace("[aliases]\n", '[aliases]\nZZ = ["Zedland"]\n'), "unknown ISO code 'ZZ'"),
    (lambda t: t.replace('KR = ["South Korea"', 'KR = ["DPRK", "South Korea"'), "names both KP and KR"),
    (lambda t: t + "\nx = [\n", "not valid TOML"),
    (lambda t: t.replace("\n[end]", "\n"), "[end]"),
    (lambda t: t.replace("[ambiguous]\n", '[ambiguous]\n"Zed" = ["ZZ", "KP"]\n'), "[ambiguous]"),
])
def test_n2_data_check_validates_the_alias_table(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 edit: Any, says: str) -> None:
    """N2: a broken aliases.toml passed `data check`, and every name look-up failed after."""
    data, docs = _mini(tmp_path)
    aliases = data / "aliases.toml"
    aliases.write_text(edit(aliases.read_text("utf-8")), "utf-8")
    code, out, err = _run(capsys, str(data), "--documents", str(docs))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("nkasylum data: error: aliases.toml: ") and says in err
    assert not (data / BUNDLE).exists()  # nothing is compiled from data that failed


def test_n5_export_refuses_to_write_through_a_link(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """N5: a link named knowledge-base.json in --out overwrote the file it pointed at."""
    victim = tmp_path / "system-file"
    victim.write_text("keep me", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "knowledge-base.json").symlink_to(victim)
    for args in (["export", "--out", str(out)], ["export", "--format", "csv", "--out", str(out)]):
        if "csv" in args:
            (out / "cases.csv").symlink_to(victim)
        code, stdout, err = main(args), *capsys.readouterr()
        assert (code, stdout) == (3, "") and err.count("\n") == 1 and "symbolic link" in err
        assert victim.read_text("utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == ["cases.csv", "knowledge-base.json"]  # the links only


def test_n5_a_failed_csv_export_leaves_the_previous_files_whole(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """N5: a full disk cut evidence.csv short beside complete-looking tables."""
    first = write_csv(tmp_path)
    before = {p.name: p.read_bytes() for p in first}
    calls = 0
    real = columns.write_rows

    def fails_on_the_third_table(handle: Any, rows: Any, spec: Any) -> None:
        nonlocal calls
        calls += 1
        real(handle, rows[: len(rows) // 2], spec)
        if calls == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(columns, "write_rows", fails_on_the_third_table)
    with pytest.raises(OSError, match="No space left"):
        write_csv(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no .part file either


def test_n5_a_failed_json_export_keeps_the_previous_one(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["export", "--out", str(tmp_path)]) == 0
    previous = (tmp_path / "knowledge-base.json").read_bytes()
    import nkasylum.io.writing as writing

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full)
    capsys.readouterr()
    assert main(["export", "--out", str(tmp_path)]) == 3
    assert "No space left on device" in capsys.readouterr().err
    assert (tmp_path / "knowledge-base.json").read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["knowledge-base.json"]
    json.loads(previous)


def test_n5_data_check_rebuild_is_all_or_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data, docs = _mini(tmp_path)
    assert _run(capsys, str(data), "--documents", str(docs))[0] == 0
    kept = {name: (data / name).read_bytes() for name in (BUNDLE, QUICK)}
    case = data / "cases" / "example.toml"
    case.write_text(case.read_text("utf-8").replace("An example.", "An example, edited."), "utf-8")
    import nkasylum.io.writing as writing

    real_replace = os.replace

    def second_fails(src: str, dst: Any) -> None:
        if str(dst).endswith(QUICK):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", second_fails)
    code, out, err = _run(capsys, str(data), "--documents", str(docs))
    assert (code, out) == (3, "") and "No space left on device" in err
    assert (data / QUICK).read_bytes() == kept[QUICK]
    assert not [p for p in data.iterdir() if p.name.endswith(".part")]


def test_n5_a_target_outside_the_folder_asked_is_refused(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    with pytest.raises(UnsafeTargetError, match="outside the folder"):
        write_files([(tmp_path / "x.json", "{}")], folder=tmp_path / "inner")
    assert not (tmp_path / "x.json").exists()


def test_n5_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    write_files([(path, "{}")])
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    assert nk.__version__
