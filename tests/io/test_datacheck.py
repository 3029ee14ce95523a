"""``nkasylum data check``: validate, check anchors, rebuild the bundle, in one command."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import nkasylum as nk
from nkasylum.core.resources import BUNDLE, data_files
from nkasylum.io.anchors import find_documents
from nkasylum.io.cli import main
from nkasylum.io.datacheck import check_data
from nkasylum.store.bundle import compile_bundle, from_bundle

BUNDLED = Path(nk.__file__).parent / "data"
DOCUMENTS = find_documents()


QUOTE = "More than 30 North Korean asylum seekers have been allowed to leave China."


def _mini(tmp_path: Path, anchor: str = "More than 30 North Korean asylum seekers",
          place: str = "CN", quote: str = QUOTE) -> tuple[Path, Path]:
    """A one-source, one-case data folder and its one document."""
    data, docs = tmp_path / "data", tmp_path / "documents"
    for sub in ("sources", "countries", "cases", "statistics", "conflicts"):
        (data / sub).mkdir(parents=True)
    (docs / "sources").mkdir(parents=True)
    shutil.copy(BUNDLED / "aliases.toml", data)
    (docs / "sources" / "example.md").write_text(
        "source: https://example.org/report\n"
        "quote: More than 30 North Korean asylum seekers have been allowed to leave China.\n", "utf-8")
    (data / "sources" / "example.toml").write_text(
        '[[source]]\nid = "example-2002"\ntitle = "An example"\ndocument = "sources/example.md"\n'
        'kind = "news-report"\npublished = "2002-09-11"\nurl = "https://example.org/report"\n'
        f'quotes = ["{quote}"]\n\n[end]\n', "utf-8")
    (data / "cases" / "example.toml").write_text(
        f'[[case]]\nid = "cn-example-2002"\ntitle = "An example."\ndate = "2002-09-11"\nplace = "{place}"\n'
        'people = {{ value = 30, qualifier = "more-than" }}\noutcome = "left-for-third-country"\n\n'
        f'[[case.evidence]]\nsource = "example-2002"\nanchor = "{anchor}"\nnote = "The count."\n\n[end]\n'
        .replace("{{", "{").replace("}}", "}"), "utf-8")
    return data, docs


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["data", "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_good_folder_passes_and_its_bundle_is_rebuilt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data, docs = _mini(tmp_path)
    code, out, err = _run(capsys, str(data), "--documents", str(docs))
    assert (code, err) == (0, "")
    kb = nk.load_knowledge_base(data)
    assert out.splitlines() == [
        f"valid: 1 entries and 1 sources in {data}", "anchors: all 1 stand in their sources' quotes",
        f"quotes: all 1 stand in the documents under {docs}",
        f"bundle: rebuilt: {data / BUNDLE}", f"data version: {kb.data_version}"]
    assert (data / BUNDLE).read_text("utf-8") == compile_bundle(data)
    assert from_bundle(data, data_files(data)) is not None  # fresh: it would be served
    code, out, _ = _run(capsys, str(data), "--documents", str(docs), "--json")
    assert code == 0 and json.loads(out)["changed"] is False and json.loads(out)["anchors"] == 1


@pytest.mark.parametrize(("change", "field", "says"), [
    ({"place": "China PR"}, "field place", "did you mean 'China'"),
    ({"anchor": "More than"}, "field evidence[0].anchor", "3 to 12 words"),
    ({"anchor": "More than 30 North Korean refugees"}, "field evidence[0].anchor",
     "stands in none of the quotes of source 'example-2002' (sources/example.toml)"),
])
def test_each_mistake_is_one_line_naming_file_entry_and_field(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, str], field: str, says: str) -> None:
    data, docs = _mini(tmp_path, **change)
    code, out, err = _run(capsys, str(data), "--documents", str(docs))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("nkasylum data: error: cases/example.toml: case 'cn-example-2002': " + field)
    assert says in err
    assert not (data / BUNDLE).exists()  # nothing is compiled from data that failed


def test_a_quote_the_document_does_not_hold_names_the_source(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data, docs = _mini(tmp_path, quote="More than 30 North Korean asylum seekers have left China.")
    code, out, err = _run(capsys, str(data), "--documents", str(docs))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("nkasylum data: error: sources/example.toml: source 'example-2002': field quotes[0]")
    assert "does not stand verbatim in the quoted words of https://example.org/report" in err


def test_every_quote_problem_is_counted(tmp_path: Path) -> None:
    data, docs = _mini(tmp_path, quote="More than 30 North Korean asylum seekers have left China.")
    text = (data / "sources" / "example.toml").read_text("utf-8")
    (data / "sources" / "second.toml").write_text(text.replace("example-2002", "example-2002-b"), "utf-8")
    text = (data / "cases" / "example.toml").read_text("utf-8")
    (data / "cases" / "second.toml").write_text(text.replace("example-2002", "example-2002-b"), "utf-8")
    # every problem is listed (it used to count them only)
    with pytest.raises(nk.DataError, match=r"\(and 1 more problem: sources/second.toml: source 'example-2002-b'"):
        check_data(data, documents=docs)


def test_without_documents_it_stops_and_says_how_to_go_on(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data, _ = _mini(tmp_path)
    monkeypatch.delenv("NKASYLUM_DOCUMENTS", raising=False)
    code, out, err = _run(capsys, str(data))
    assert code == 2 and out == ""
    assert "no documents folder" in err and "--documents DIR" in err and "--no-anchors" in err
    code, _, err = _run(capsys, str(data), "--documents", str(tmp_path / "nowhere"))
    assert code == 2 and "no such folder" in err
    code, out, _ = _run(capsys, str(data), "--no-anchors")
    assert code == 0 and "quotes: not checked against the documents (--no-anchors)" in out
    monkeypatch.setenv("NKASYLUM_DOCUMENTS", str(tmp_path / "documents"))
    (tmp_path / "documents" / "seeds").mkdir()
    code, out, _ = _run(capsys, str(data))
    assert code == 0 and "quotes: all 1 stand" in out


def test_a_folder_that_is_not_one_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, str(tmp_path / "missing"), "--no-anchors")
    assert code == 2 and "no data folder at" in err
    code, _, err = _run(capsys, str(tmp_path), "--no-anchors")
    assert code == 2 and "lacks sources/" in err


def test_a_folder_without_an_alias_table_has_no_bundle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data, docs = _mini(tmp_path)
    (data / "aliases.toml").unlink()
    code, out, _ = _run(capsys, str(data), "--documents", str(docs))
    assert code == 0 and "bundle: none" in out and not (data / BUNDLE).exists()


@pytest.mark.skipif(os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="permissions do not stop the superuser (or Windows)")
def test_an_unwritable_bundle_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data, docs = _mini(tmp_path)
    data.chmod(0o555)
    try:
        code, out, err = _run(capsys, str(data), "--documents", str(docs))
    finally:
        data.chmod(0o755)
    assert code == 3 and out == "" and "cannot read the data folder or write its bundle" in err


@pytest.mark.skipif(DOCUMENTS is None, reason="the shared documents are not beside the checkout "
                                              "(set NKASYLUM_DOCUMENTS)")
def test_the_bundled_data_passes_every_check(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(BUNDLED, copy)
    done = check_data(copy, documents=DOCUMENTS)
    assert not done.changed  # the committed bundle is fresh
    assert done.anchors == sum(len(e.evidence) for e in (
        *nk.default_knowledge_base().all_policies, *nk.default_knowledge_base().all_passages,
        *nk.default_knowledge_base().all_cases, *nk.default_knowledge_base().all_statistics,
        *nk.default_knowledge_base().all_conflicts))
    assert done.data_version == nk.data_version
