"""The December 2026 red-team pass, reading a data folder (N3, N4, N15, N20) and one report of
every problem a folder has."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import attrs
import pytest

import nkasylum as nk

BUNDLED = Path(nk.__file__).parent / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(BUNDLED, copy)
    return copy


def _problem_files(err: nk.DataError) -> list[str | None]:
    return [p.file for p in err.problems]


@pytest.mark.skipif(os.name == "nt", reason="links and FIFOs as POSIX makes them")
@pytest.mark.parametrize("kind", ["dangling link", "link loop", "folder", "fifo"])
def test_n4_a_data_file_that_is_not_a_regular_file_is_named(folder: Path, kind: str) -> None:
    """N4: mn.toml as a dangling link (or a folder, a FIFO) was skipped, and Mongolia's
    policies vanished without a word."""
    target = folder / "countries" / "mn.toml"
    target.unlink()
    if kind == "dangling link":
        target.symlink_to(folder / "nowhere.toml")
    elif kind == "link loop":
        target.symlink_to(target)
    elif kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(folder)
    assert info.value.file == "countries/mn.toml"
    assert "not a readable regular file" in info.value.message


def test_n4_a_link_to_a_regular_file_is_read(folder: Path, tmp_path: Path) -> None:
    moved = tmp_path / "mn.toml"
    shutil.move(folder / "countries" / "mn.toml", moved)
    (folder / "countries" / "mn.toml").symlink_to(moved)
    assert nk.load_knowledge_base(folder) == nk.default_knowledge_base()


def test_loading_reports_every_problem_not_only_the_first(folder: Path) -> None:
    for name in ("mn.toml", "vn.toml"):
        path = folder / "countries" / name
        path.write_text(path.read_text("utf-8").replace('basis = "', 'basis = "nonsense-', 1), "utf-8")
    (folder / "cases" / "zz.toml").write_bytes(b"\xff\xfe not text")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(folder)
    files = _problem_files(info.value)
    assert {"countries/mn.toml", "countries/vn.toml", "cases/zz.toml"} <= set(files)
    assert all(p.entry for p in info.value.problems if p.file != "cases/zz.toml")
    assert f"and {len(files) - 1} more problem" in str(info.value)


def test_one_problem_is_one_error_as_before(folder: Path) -> None:
    path = folder / "countries" / "mn.toml"
    path.write_text(path.read_text("utf-8").replace('basis = "', 'basis = "nonsense-', 1), "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(folder)
    assert info.value.problems == (info.value,) and "more problem" not in str(info.value)


@pytest.mark.parametrize("documents", [5, b"/tmp", "", ["docs"]])
def test_n15_a_documents_argument_that_is_not_a_path_is_refused(documents: object) -> None:
    with pytest.raises(nk.ArgumentTypeError, match="documents="):
        nk.load_knowledge_base(None, documents=documents)  # type: ignore[arg-type]


def test_n15_a_missing_documents_folder_is_named_not_blamed_on_an_anchor(tmp_path: Path) -> None:
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(None, documents=tmp_path / "nowhere")
    assert "no documents folder at" in info.value.message and info.value.file is None


@pytest.mark.parametrize("document", ["/etc/passwd", "../../../../etc/passwd", "sources/../../x.md",
                                      "elsewhere/x.md", "sources/"])
def test_n20_a_document_outside_the_documents_folder_is_refused(document: str) -> None:
    source = nk.default_knowledge_base().all_sources[0]
    with pytest.raises(nk.DataError) as info:
        attrs.evolve(source, document=document)
    assert info.value.field == "document"
    with pytest.raises(nk.DataError) as also:
        attrs.evolve(source, also_in=(document,))
    assert also.value.field == "also_in[0]"


def test_n3_a_document_that_is_not_utf8_is_a_data_error_naming_it(tmp_path: Path) -> None:
    kb = nk.default_knowledge_base()
    source = next(s for s in kb.all_sources if s.document is not None and s.quotes)
    docs = tmp_path / "documents"
    path = docs / source.document  # type: ignore[operator]
    path.parent.mkdir(parents=True)
    path.write_bytes(b"quoted words \xff here")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(None, documents=docs)
    named = [p for p in info.value.problems if source.document in p.message and "not UTF-8" in p.message]
    assert named and "0xFF" in named[0].message


@pytest.mark.parametrize(("table", "field"), [("sources", "published"), ("cases", "date")])
def test_n16_a_date_after_today_is_a_data_error(folder: Path, table: str, field: str) -> None:
    """N16: a source published in 2999 passed every check and dated the data 'evidence to 2999'."""
    path = next(p for p in sorted((folder / table).glob("*.toml")) if f"\n{field} = " in p.read_text("utf-8"))
    text = path.read_text("utf-8")
    start = text.index(f"\n{field} = ") + len(f"\n{field} = ")
    end = text.index("\n", start)
    path.write_text(text[:start] + '"2999-08-16"' + text[end:], "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(folder)
    assert info.value.field == field and "after today" in info.value.message
    assert info.value.file == f"{table}/{path.name}"
