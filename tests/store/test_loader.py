"""Broken data files give DataErrors that name the file, the entry and the field."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

import nkasylum as nk

BUNDLED = Path(str(resources.files("nkasylum") / "data"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _error(data: Path, documents: Path | None = None) -> nk.DataError:
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(data, documents=documents)
    return info.value


def test_a_copy_of_the_bundled_data_loads_equal(data: Path) -> None:
    assert nk.load_knowledge_base(data) == nk.default_knowledge_base()


def test_only_the_toml_files_of_a_data_folder_are_read(data: Path) -> None:
    # A user's notes beside the data are not data; a folder whose name ends in .toml is
    # named, not skipped (red-team N4: a data file that cannot be read leaves entries out).
    (data / "sources" / "README.md").write_text("[[source]]\nthis is not TOML", "utf-8")
    assert nk.load_knowledge_base(data) == nk.default_knowledge_base()
    (data / "cases" / "old.toml").mkdir()
    (data / "cases" / "old.toml" / "x.toml").write_text("not = [valid", "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(data)
    assert info.value.file == "cases/old.toml" and "a folder" in info.value.message


def test_a_zipped_data_folder_reads_as_the_folder(data: Path, tmp_path: Path) -> None:
    # A zipped install reaches its data through importlib.resources, not os: the same files.
    import zipfile

    from nkasylum.core.resources import data_files

    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(data.rglob("*")):
            if path.is_file() and path.parent.name != "cases":  # a sub-folder it lacks
                zipped.write(path, f"data/{path.relative_to(data).as_posix()}")
    with zipfile.ZipFile(archive) as zipped:
        found = data_files(zipfile.Path(zipped, "data/"))
    expected = [row for row in data_files(data) if row[0] != "cases"]
    assert found == expected
    assert {row[0] for row in found} == {"sources", "countries", "statistics", "conflicts"}


def test_unknown_key(data: Path) -> None:
    _edit(data / "countries/ru.toml", 'repatriates = true', 'repatriated = true')
    err = _error(data)
    assert err.file == "countries/ru.toml"
    assert err.entry == "policy 'ru-2009-deportation-in-principle'"
    assert "repatriated" in str(err)


def test_missing_evidence(data: Path) -> None:
    path = data / "countries/us.toml"
    text = path.read_text("utf-8")
    path.write_text(text.split("[[policy.evidence]]")[0] + "[end]\n", "utf-8")
    err = _error(data)
    assert (err.file, err.entry, err.field) == ("countries/us.toml", "policy 'us-explainer-usrap'",
                                                "evidence")
    assert "evidence" in err.message


def test_anchor_not_in_its_sources_quotes(data: Path) -> None:
    # Checked without the documents: the quotes ship with the data.
    _edit(data / "countries/ca.toml", 'anchor = "based on the Geneva Convention',
          'anchor = "based on the Refugee Convention')
    err = _error(data)
    assert err.file == "countries/ca.toml"
    assert err.entry == "policy 'ca-explainer-irb'"
    assert err.field == "evidence[1].anchor"
    assert "stands in none of the quotes of source 'explainer-what-countries-allow'" in err.message


def test_quote_not_in_its_document(data: Path, documents: Path) -> None:
    _edit(data / "sources/seeds.toml", "which assesses their claims based on the Geneva Convention",
          "which assesses their claims under the Geneva Convention")
    _edit(data / "countries/ca.toml", 'anchor = "based on the Geneva Convention',
          'anchor = "under the Geneva Convention')
    err = _error(data, documents)
    assert err.file == "sources/seeds.toml"
    assert err.entry == "source 'explainer-what-countries-allow'"
    assert err.field.startswith("quotes[")
    assert "does not stand verbatim" in err.message


def test_unknown_source_id(data: Path) -> None:
    _edit(data / "countries/ca.toml", 'source = "explainer-what-countries-allow"',
          'source = "explainer-what-country-allow"')
    err = _error(data)
    assert err.file == "countries/ca.toml"
    assert err.entry == "policy 'ca-explainer-irb'"
    assert err.field == "evidence[0].source"
    assert "explainer-what-countries-allow" in err.message  # the suggestion


def test_country_that_does_not_resolve(data: Path) -> None:
    _edit(data / "countries/ca.toml", 'country = "CA"', 'country = "Kanada"')
    err = _error(data)
    assert (err.file, err.entry, err.field) == ("countries/ca.toml", "policy 'ca-explainer-irb'",
                                                "country")
    assert "Kanada" in err.message
    assert "unknown error" not in err.message  # the resolver's own words, not cattrs' wrapper
    assert "'Canada'" in err.message  # its suggestion survives


def test_valid_until_before_valid_from(data: Path) -> None:
    _edit(data / "countries/us.toml", 'valid_from = "2004"\n', 'valid_from = "2004"\nvalid_until = "2003"\n')
    err = _error(data)
    assert err.entry == "policy 'us-nkhra-2004'"
    assert err.field == "valid_until"
    assert "before" in err.message


def test_qualifier_that_does_not_exist(data: Path) -> None:
    _edit(data / "statistics/cn.toml", 'qualifier = "more-than"', 'qualifier = "over"')
    err = _error(data)
    assert err.file == "statistics/cn.toml"
    assert err.entry == "statistic 'cn-mission-departures-2002-09-11'"
    assert err.field == "value.qualifier"
    assert "more-than" in err.message


def test_an_observation_gives_no_dates_of_its_own(data: Path) -> None:
    # An observation is dated by its evidence (its sightings): dates of its own would claim
    # more than was seen.
    _edit(data / "countries/ru.toml", 'id = "ru-2009-deportation-in-principle"\n',
          'id = "ru-2009-deportation-in-principle"\nvalid_until = "2009-12-23"\n')
    err = _error(data)
    assert (err.file, err.entry, err.field) == (
        "countries/ru.toml", "policy 'ru-2009-deportation-in-principle'", "valid_until")
    assert "an observation is dated by its evidence" in err.message


def test_duplicate_id(data: Path) -> None:
    _edit(data / "countries/gb.toml", 'id = "gb-explainer-small-number"',
          'id = "au-explainer-small-number"')
    err = _error(data)
    assert err.field == "id"
    assert "already used" in err.message


def test_bad_toml(data: Path) -> None:
    (data / "countries/xx.toml").write_text("[[policy]\nid = ", "utf-8")
    err = _error(data)
    assert err.file == "countries/xx.toml"
    assert "TOML" in err.message


def test_contradicting_statements_over_one_period(data: Path) -> None:
    (data / "countries/ru-extra.toml").write_text(
        '[[policy]]\nid = "ru-contradiction"\ncountry = "RU"\nsummary = "s"\n'
        'basis = "observation"\n'
        'repatriates = false\n[[policy.evidence]]\nsource = "kyodo-2009-12-23"\n'
        'anchor = "in principal deports to the North"\nnote = "n"\n[end]\n', "utf-8")
    err = _error(data)
    assert err.field == "repatriates"
    assert "contradicts" in err.message


def test_missing_folder() -> None:
    with pytest.raises(nk.DataError, match="no data folder"):
        nk.load_knowledge_base("/nonexistent/nkasylum-data")


# ------------------------------------------------- pinned checks (mutation audit 2026-11)
def test_a_rule_without_a_start_date(data: Path) -> None:
    _edit(data / "countries/us.toml", 'basis = "rule"\nvalid_from = "2004"\n', 'basis = "rule"\n')
    err = _error(data)
    assert (err.file, err.entry, err.field) == ("countries/us.toml", "policy 'us-nkhra-2004'",
                                                "valid_from")
    assert "a rule needs the date it took effect" in err.message


def test_an_order_of_magnitude_that_is_not_a_power_of_ten(data: Path) -> None:
    _edit(data / "statistics/th.toml", 'value = { value = 46, qualifier = "exact" }',
          'value = { value = 46, qualifier = "order-of-magnitude" }')
    err = _error(data)
    assert err.file == "statistics/th.toml"
    assert err.field == "value.value"
    assert "an order of magnitude is one of [10, 100" in err.message


@pytest.mark.parametrize("value", ["2015-11-01", dt.datetime(2015, 11, 1), 2015])
@pytest.mark.parametrize("field", ["valid_from", "valid_until"])
def test_a_period_must_be_made_of_dates(field: str, value: object) -> None:
    # What a scenario built in code meets (data files go through the JSON/TOML date hook).
    with pytest.raises(nk.DataError, match="must be an EDTF date") as info:
        nk.Policy(id="x", country="RU", summary="s", basis=nk.Basis.RULE,
                  evidence=(nk.Evidence("s", "one two three", "n"),),
                  **{"valid_from": nk.When.year(2015), field: value})  # type: ignore[arg-type]
    assert info.value.field == field
