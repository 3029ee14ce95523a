"""Regressions of the second red-team pass (issue 15) that sit in the engine and value types."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.core.resources import toml

D = dt.date


def test_a_hand_built_country_never_leaks_into_answers_or_caches() -> None:
    fake = nk.Country("KP", "PRK", "408", name="Atlantis", iso_name="Atlantis")
    first = nk.can_resettle(fake, "RU", "KR", on=D(2009, 12, 23))
    assert first.origin.name == "North Korea"
    again = nk.can_resettle(nk.country("KP"), "RU", "KR", on=D(2009, 12, 23))
    assert again.origin.name == "North Korea"
    assert nk.place(fake).name == "North Korea"
    with pytest.raises(nk.UnknownCountryError):
        nk.place(nk.Country("ZZ", "ZZZ", "999", name="Nowhere", iso_name="Nowhere"))


def test_a_conflict_with_no_version_is_refused() -> None:
    ev = (nk.Evidence("s", "one two three", "a note"),)
    with pytest.raises(nk.DataError) as info:
        nk.Conflict("c", "subject", (), ev)
    assert info.value.field == "versions"


def test_without_removes_exactly_what_it_names_and_what_depends_on_it() -> None:
    kb = nk.default_knowledge_base()
    conflict = kb.all_conflicts[0]
    version = conflict.versions[0]
    smaller = kb.without(version)
    assert version not in {e.id for e in (*smaller.all_policies, *smaller.all_passages,
                                          *smaller.all_cases, *smaller.all_statistics)}
    kept = {c.id: c for c in smaller.all_conflicts}
    if len(conflict.versions) > 1:
        assert version not in kept[conflict.id].versions
    else:
        assert conflict.id not in kept
    # nothing else went
    before = {e.id for e in (*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics)}
    after = {e.id for e in (*smaller.all_policies, *smaller.all_passages, *smaller.all_cases,
                            *smaller.all_statistics)}
    assert before - after == {version}
    assert {c.id for c in kb.all_conflicts} - set(kept) <= {conflict.id}
    with pytest.raises(nk.UnknownEntryError):
        kb.without("no-such-entry")


# ------------------------------------------------- constructors check their fields

_EV = (nk.Evidence("s", "one two three", "a note"),)
_GOOD = {
    nk.Source: {"id": "s", "title": "t", "document": "seeds/x.txt", "kind": nk.SourceKind.REPOST},
    nk.Passage: {"id": "p", "origin": "KP", "dest": "CN", "channel": nk.Channel.BROKER, "summary": "s",
                     "basis": nk.Basis.OBSERVATION, "evidence": _EV},
    nk.Policy: {"id": "p", "country": "CN", "summary": "s", "basis": nk.Basis.RULE, "evidence": _EV,
                    "valid_from": nk.When.year(2004)},
    nk.Case: {"id": "c", "title": "t", "place": "CN", "people": nk.Quantity(3), "outcome": nk.Outcome.DETAINED,
                  "evidence": _EV},
    nk.Statistic: {"id": "x", "measure": "m", "description": "d", "place": "CN", "value": nk.Quantity(3),
                       "evidence": _EV},
    nk.Conflict: {"id": "c", "subject": "s", "versions": ("a", "b"), "evidence": _EV},
    nk.Leg: {"origin": "KP", "dest": "CN"},
    nk.Urging: {"target": "CN", "classification": (nk.Classification.REFUGEE,)},
}
_WRONG = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.binary(max_size=3),
                   st.dates(), st.datetimes(), st.just(nk.Basis.RULE), st.just(3.5),
                   st.lists(st.integers(), max_size=2), st.just(object()))


@pytest.mark.parametrize("kind", list(_GOOD), ids=lambda k: k.__name__)
@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_a_wrong_typed_field_is_refused_at_construction(kind: type, data: st.DataObject) -> None:
    good = dict(_GOOD[kind])
    kind(**good)  # the reference value builds
    field = data.draw(st.sampled_from(sorted(good)))
    good[field] = data.draw(_WRONG)
    try:
        value = kind(**good)
    except (nk.ArgumentTypeError, nk.DataError, nk.UnknownCountryError,
            nk.AmbiguousCountryError, nk.InvalidRouteError):
        return
    # accepted: then it must be a value every query and export can use
    nk.to_json(value)
    str(value)


# ------------------------------------------------------------ loading (items 2-4)

BUNDLED = Path(str(resources.files("nkasylum") / "data"))


def test_a_folder_that_is_not_a_knowledge_base_is_refused(tmp_path: Path) -> None:
    with pytest.raises(nk.DataError, match="not a knowledge base folder"):
        nk.load_knowledge_base(tmp_path)


@pytest.mark.parametrize("part", ["sources", "countries", "cases", "statistics", "conflicts"])
def test_each_missing_part_is_named(tmp_path: Path, part: str) -> None:
    shutil.copytree(BUNDLED, tmp_path / "data")
    shutil.rmtree(tmp_path / "data" / part)
    with pytest.raises(nk.DataError, match=f"lacks {part}/"):
        nk.load_knowledge_base(tmp_path / "data")


@pytest.mark.parametrize("scope", [[], ["kp"], ["ZZ"], ["KP", 3], "KP"])
def test_a_bad_scope_is_refused_when_read(scope: object) -> None:
    import json

    data = json.loads(nk.to_json(nk.default_knowledge_base()))
    data["scope"] = scope
    with pytest.raises((nk.DataError, nk.UnknownCountryError)):
        nk.from_json(json.dumps(data), nk.KnowledgeBase)


def test_an_edited_bundle_is_never_served(tmp_path: Path) -> None:
    from nkasylum.core.resources import data_files, fingerprint, parse_bundle

    raw = (BUNDLED / "compiled.json").read_bytes()
    expected = fingerprint(data_files(BUNDLED), (BUNDLED / "aliases.toml").read_bytes())
    assert parse_bundle(raw, expected) is not None
    edited = raw.replace(b"\ntrue", b'\n"no"', 1)  # a flag (e.g. repatriates) made text
    assert edited != raw
    assert parse_bundle(edited, expected) is None
    assert parse_bundle(raw.replace(b'"KP"', b'"KR"', 1), expected) is None


@pytest.mark.parametrize(("table", "says"), [
    ("[aliases\nKP = 1", "not valid TOML"),
    ('[aliases]\nKP = ["Korea North"]\nKR = ["Korea North"]\n[ambiguous]\n[not_countries]\n[end]\n',
     "names both KP and KR"),
    # cut short between two sections: valid TOML, refused for the missing end marker
    ("TRUNCATED", "[end]"),
])
def test_a_broken_alias_table_is_a_data_error_naming_it(tmp_path: Path, table: str, says: str) -> None:
    import subprocess
    import sys

    src = Path(nk.__file__).parent
    copy = tmp_path / "nkasylum"
    shutil.copytree(src, copy)
    path = copy / "data" / "aliases.toml"
    if table == "TRUNCATED":
        text = path.read_text("utf-8")
        table = text[: text.index("[not_countries]")]
    path.write_text(table, encoding="utf-8")
    code = ("import nkasylum as nk\ntry:\n    nk.country('DPRK')\nexcept nk.DataError as e:\n"
            "    print('DataError', e.file)\n    print(e.message)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path), "PATH": ""}, check=False)
    first, _, message = out.stdout.partition("\n")
    assert first == "DataError aliases.toml", out.stderr[-500:]
    assert says in message


# ------------------------------------------------------------ assess_many rows (item 7)
D0 = D(2009, 12, 23)


# "2015" is a year, as can_resettle reads it (red-team N18): a text that is no date is bad
@pytest.mark.parametrize("bad", ["soon", [1], 2.5, dt.datetime(2009, 12, 23)])
def test_a_bad_on_in_a_later_row_is_the_same_error_naming_the_row(bad: object) -> None:
    kb = nk.default_knowledge_base()
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 1: "):
        kb.assess_many([("KP", "RU", "KR", D0), ("KP", "RU", "KR", bad)])
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: "):
        kb.assess_many([("KP", "RU", "KR", bad)])


def test_missing_values_follow_one_rule() -> None:
    """None means any route or today, as for can_resettle; NaN, NaT and pd.NA are refused as
    can_resettle refuses them, except in a DataFrame's via column (red-team N12: in a tuple
    they meant any route, and an empty date meant today)."""
    pd = pytest.importorskip("pandas")
    kb = nk.default_knowledge_base()
    # a typed DataFrame column cannot hold None: there an empty via cell is any route
    df = pd.DataFrame({"origin": ["KP"] * 3, "via": [None, float("nan"), pd.NA], "dest": ["KR"] * 3,
                       "on": [pd.Timestamp(D0)] * 3})
    assert kb.assess_many(df) == (nk.can_resettle("KP", None, "KR", on=D0).verdict,) * 3
    assert kb.assess_many([("KP", "RU", "KR", None)]) == (nk.can_resettle("KP", "RU", "KR").verdict,)
    for empty in (float("nan"), pd.NA, pd.NaT):
        with pytest.raises(nk.ArgumentTypeError, match=r"^row 1: via is missing"):
            kb.assess_many([("KP", None, "KR", D0), ("KP", empty, "KR", D0)])
        with pytest.raises(nk.ArgumentTypeError):
            nk.can_resettle("KP", empty, "KR", on=D0)
        with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: on is missing"):
            kb.assess_many([("KP", "RU", "KR", empty)])
        with pytest.raises(nk.ArgumentTypeError):
            nk.can_resettle("KP", "RU", "KR", on=empty)
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: on is missing"):
        kb.assess_many(pd.DataFrame({"origin": ["KP"], "via": ["RU"], "dest": ["KR"], "on": [pd.NaT]}))
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: origin must be a country"):
        kb.assess_many([(None, None, "KR", D0)])


def test_a_dataframe_with_a_column_twice_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"origin": ["KP"], "via": ["RU"], "dest": ["KR"], "on": [D0]})
    with pytest.raises(nk.ArgumentTypeError, match="more than one column named on"):
        nk.assess_many(pd.concat([df, df[["on"]]], axis=1))


# --------------------------------------------- corrupted data folders (issue 15)

_FILES = sorted(p.relative_to(BUNDLED).as_posix() for p in BUNDLED.glob("*/*.toml"))


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data, ignore=shutil.ignore_patterns("compiled.json"))
    return data


@pytest.mark.parametrize("name", _FILES)
@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75, 0.99])
def test_a_truncated_file_is_named(tmp_path: Path, name: str, fraction: float) -> None:
    data = _copy(tmp_path)
    text = (data / name).read_text("utf-8")
    (data / name).write_text(text[: int(len(text) * fraction)], "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(data)
    assert info.value.file == name


@pytest.mark.parametrize("name", _FILES)
def test_a_file_cut_between_two_entries_is_refused_not_loaded_short(tmp_path: Path, name: str) -> None:
    # The cut that parsing alone cannot see: valid TOML with fewer entries.
    data = _copy(tmp_path)
    text = (data / name).read_text("utf-8")
    starts = [i for i in range(1, len(text)) if text.startswith("\n[[", i - 1)]
    if len(starts) < 2:
        pytest.skip(f"{name} holds a single entry")
    cut = text[: starts[len(starts) // 2]]
    assert toml().loads(cut)  # still valid TOML: only the end marker tells it is short
    (data / name).write_text(cut, "utf-8")
    with pytest.raises(nk.DataError, match=r"\[end\]") as info:
        nk.load_knowledge_base(data)
    assert info.value.file == name


def test_the_end_marker_must_close_the_file(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "countries" / "th.toml"
    text = path.read_text("utf-8")
    moved = text.replace("\n[end]\n", "\n").replace("[[policy]]", "[end]\n\n[[policy]]", 1)
    path.write_text(moved, "utf-8")
    with pytest.raises(nk.DataError, match=r"\[end\]") as info:
        nk.load_knowledge_base(data)
    assert info.value.file == "countries/th.toml"


def _entries() -> list[tuple[str, str, str, str]]:
    found = []
    for name in _FILES:
        tables = toml().loads((BUNDLED / name).read_text("utf-8"))
        for table, rows in tables.items():
            for row in rows:
                for field, value in row.items():
                    if field not in ("evidence", "id") and not isinstance(value, (list, dict)):
                        found.append((name, table, row["id"], field))
    return random.Random(15).sample(found, 40)


@pytest.mark.parametrize(("name", "table", "ident", "field"), _entries())
def test_a_field_of_the_wrong_type_is_named_with_its_file_and_entry(
        tmp_path: Path, name: str, table: str, ident: str, field: str) -> None:
    data = _copy(tmp_path)
    path = data / name
    lines = path.read_text("utf-8").splitlines()
    start = lines.index(f'id = "{ident}"')
    for i in range(start, len(lines)):
        if lines[i].startswith(f"{field} = "):
            old = lines[i].split(" = ", 1)[1]
            lines[i] = f"{field} = " + ("[1, 2]" if old.startswith('"') else '"wrong"')
            break
    else:
        pytest.skip(f"{field} of {ident} spans several lines")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(data)
    err = info.value
    assert err.file == name and ident in (err.entry or "") and err.field is not None
    assert err.field.split(".")[0].split("[")[0] == field or field in err.message


def test_iter_routes_refuses_a_bad_question_at_the_call() -> None:
    with pytest.raises(nk.UnknownCountryError):
        nk.iter_routes("KP", "Atlantis")
    with pytest.raises(nk.InvalidRouteError):
        nk.iter_routes("KP", "KP")
    lazy = nk.iter_routes("KP", "KR", on=D(2009, 12, 23))
    assert str(next(lazy)) in {"KP > RU > KR", "KP > CN > TH > KR"}
