"""pandas frames and networkx graphs of the knowledge base (optional extras)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import knowledge_bases

import nkasylum as nk
from nkasylum.io.interop import FRAMES


# ------------------------------------------------------------------ missing extras
@pytest.mark.parametrize(("module", "call"), [
    ("pandas", lambda: nk.to_frames()),
    ("networkx", lambda: nk.transit_graph(on=dt.date(2009, 12, 23))),
])
def test_a_missing_extra_names_what_to_install(monkeypatch: pytest.MonkeyPatch, module: str,
                                               call: Any) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes "import module" raise ImportError
    with pytest.raises(nk.MissingExtraError) as info:
        call()
    err = info.value
    assert isinstance(err, ImportError) and isinstance(err, nk.NKAsylumError)
    assert f'pip install "nkasylum[{module}]"' in str(err)
    assert err.extra == module and err.name == module


def test_importing_nkasylum_imports_neither_extra() -> None:
    code = ("import sys, nkasylum; print(sorted(m for m in ('pandas', 'networkx', 'cattrs', 'pycountry') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bad_arguments_are_refused_before_anything_is_built() -> None:
    with pytest.raises(nk.ArgumentTypeError, match="KnowledgeBase"):
        nk.to_frames("kb")  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError, match="not a date nkasylum reads"):
        nk.transit_graph(on="23 December 2009")
    with pytest.raises(nk.ArgumentTypeError, match="KnowledgeBase"):
        nk.transit_graph(on=dt.date(2009, 12, 23), kb=[])  # type: ignore[arg-type]


# ------------------------------------------------------------------------- pandas
@pytest.fixture(scope="module")
def frames() -> dict[str, Any]:
    pytest.importorskip("pandas")
    return nk.to_frames()


def test_one_frame_per_kind_and_one_row_per_entry(frames: dict[str, Any], kb: nk.KnowledgeBase) -> None:
    assert tuple(frames) == FRAMES
    assert list(frames["policies"]["id"]) == [p.id for p in kb.all_policies]
    assert list(frames["passages"]["id"]) == [p.id for p in kb.all_passages]
    assert list(frames["cases"]["id"]) == [c.id for c in kb.all_cases]
    assert list(frames["statistics"]["id"]) == [s.id for s in kb.all_statistics]
    assert list(frames["sources"]["id"]) == [s.id for s in kb.all_sources]
    assert list(frames["conflicts"]["id"]) == [c.id for c in kb.all_conflicts]
    entries = (*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics, *kb.all_conflicts)
    assert len(frames["evidence"]) == sum(len(e.evidence) for e in entries)


def test_dtypes_suit_analysis(frames: dict[str, Any]) -> None:
    import pandas as pd

    cases, stats, policies = frames["cases"], frames["statistics"], frames["policies"]
    # Every date is its EDTF text (as precise as the source) with the earliest and latest
    # days it can mean beside it; no *_precision column, no "until" column.
    for frame, name in [(cases, "date"), (policies, "valid_from"), (policies, "valid_until"),
                        (stats, "as_of"), (frames["sources"], "published"),
                        (frames["evidence"], "happened"), (frames["evidence"], "published"),
                        (frames["passages"], "valid_from")]:
        assert isinstance(frame[name].dtype, pd.StringDtype), name
        assert frame[f"{name}_lower"].dtype == "datetime64[ns]", name
        assert frame[f"{name}_upper"].dtype == "datetime64[ns]", name
    for frame in frames.values():
        assert not [c for c in frame.columns if c.endswith("_precision") or c == "until"]
    assert isinstance(cases["place"].dtype, pd.StringDtype)
    assert isinstance(frames["evidence"]["source"].dtype, pd.StringDtype)
    assert list(cases["outcome"].cat.categories) == [o.value for o in nk.Outcome]
    assert list(cases["channel"].cat.categories) == [c.value for c in nk.Channel]
    assert list(stats["value_qualifier"].cat.categories) == [q.value for q in nk.Qualifier]
    assert list(policies["basis"].cat.categories) == [b.value for b in nk.Basis]
    assert str(cases["people_value"].dtype) == "Int64"
    assert str(stats["year"].dtype) == "Int64"
    assert str(policies["repatriates"].dtype) == "boolean"


def test_values_are_the_knowledge_base_values(frames: dict[str, Any], kb: nk.KnowledgeBase) -> None:
    import pandas as pd

    cases = frames["cases"].set_index("id")
    german = kb.case("cn-german-school-15-2002")
    row = cases.loc[german.id]
    assert german.date is not None and row["date"] == str(german.date) == "2002-09-11"
    assert row["date_lower"] == row["date_upper"] == pd.Timestamp(2002, 9, 11)
    assert row["place"] == german.place.alpha_2 and row["place_name"] == german.place.name
    assert row["people_value"] == german.people.value
    assert row["people_qualifier"] == german.people.qualifier.value
    assert row["outcome"] == german.outcome.value
    assert row["route"] == (str(german.route) if german.route else pd.NA) or pd.isna(row["route"])
    stats = frames["statistics"].set_index("id")
    for s in kb.all_statistics:
        got = stats.loc[s.id]
        assert (pd.isna(got["value"]) and s.value.value is None) or got["value"] == s.value.value
        assert got["value_qualifier"] == s.value.qualifier.value
        if s.as_of is None:
            assert pd.isna(got["as_of"]) and pd.isna(got["as_of_lower"])
        else:
            assert got["as_of"] == str(s.as_of)
            assert pd.isna(got["as_of_lower"]) if s.as_of.lower is None else \
                got["as_of_lower"] == pd.Timestamp(s.as_of.lower)
            assert pd.isna(got["as_of_upper"]) if s.as_of.upper is None else \
                got["as_of_upper"] == pd.Timestamp(s.as_of.upper)


def test_a_year_stays_a_year(frames: dict[str, Any], kb: nk.KnowledgeBase) -> None:
    import pandas as pd

    years = [c for c in kb.all_cases if c.date is not None and c.date.precision is nk.DatePrecision.YEAR
             and not c.date.is_interval]
    assert years, "the bundled cases include one dated to the year only"
    row = frames["cases"].set_index("id").loc[years[0].id]
    year = int(str(years[0].date)[:4])
    assert row["date"] == str(years[0].date)  # e.g. "2014", not "2014-01-01"
    assert row["date_lower"] == pd.Timestamp(year, 1, 1) and row["date_upper"] == pd.Timestamp(year, 12, 31)


def test_unknown_stays_unknown(frames: dict[str, Any], kb: nk.KnowledgeBase) -> None:
    import pandas as pd

    policies = frames["policies"].set_index("id")
    for p in kb.all_policies:
        got = policies.loc[p.id, "repatriates"]
        assert pd.isna(got) if p.repatriates is None else bool(got) is p.repatriates
        if p.valid_until is None:
            assert pd.isna(policies.loc[p.id, "valid_until"])
    # "more than 30" keeps its qualifier and bounds; it never becomes an exact 30.
    stats = frames["statistics"]
    more = stats[stats["value_qualifier"] == "more-than"]
    assert (more["value_lower_bound"] == more["value"] + 1).all()


def test_evidence_rows_link_entries_to_dated_sources(frames: dict[str, Any], kb: nk.KnowledgeBase) -> None:
    import pandas as pd

    ev = frames["evidence"]
    assert list(ev["entry_type"].cat.categories) == ["policy", "passage", "case", "statistic", "conflict"]
    assert set(ev["source"]) <= {s.id for s in kb.all_sources}
    first = ev[ev["source"] == "voa-2002-09-11"].iloc[0]
    assert first["published"] == "2002-09-11" and first["published_lower"] == pd.Timestamp(2002, 9, 11)
    # When the quoted words say the thing happened, beside when it was reported.
    happened = ev.dropna(subset=["happened"])
    assert len(happened) >= 1
    for row in happened.head(20).itertuples():
        entry = kb.entry(row.entry_id)
        assert row.happened == str(entry.evidence[row.position].happened)
    german = ev[ev["entry_id"] == "cn-german-school-15-2002"]
    assert set(german["entry_type"]) == {"case"}
    assert list(german["position"]) == list(range(len(german)))


def test_multi_valued_fields_explode(frames: dict[str, Any]) -> None:
    grants = frames["policies"][["id", "grants"]].explode("grants").dropna()
    assert set(grants["grants"]) <= {s.value for s in nk.Status}
    assert len(grants) >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(knowledge_bases(max_entries=4, days=(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
                 knowledge_bases(max_entries=4)))
def test_generated_knowledge_bases_convert_or_say_why(kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    spans = [w for w in (
        *(x for p in (*kb.all_policies, *kb.all_passages) for x in (p.valid_from, p.valid_until)),
        *(c.date for c in kb.all_cases), *(e.happened for x in (*kb.all_policies, *kb.all_passages,
                                                                 *kb.all_cases, *kb.all_statistics,
                                                                 *kb.all_conflicts) for e in x.evidence),
        *(s.as_of for s in kb.all_statistics), *(s.published for s in kb.all_sources),
    ) if w is not None]
    dates = [d for w in spans for d in (w.lower, w.upper) if d is not None]
    if all(dt.date(1678, 1, 1) <= d <= dt.date(2262, 1, 1) for d in dates):
        frames = nk.to_frames(kb)
        assert len(frames["cases"]) == len(kb.all_cases)
        assert len(frames["sources"]) == len(kb.all_sources)
        assert frames["evidence"]["entry_id"].isin([e.id for e in (*kb.all_policies, *kb.all_passages,
                                                    *kb.all_cases, *kb.all_statistics,
                                                    *kb.all_conflicts)]).all()
    elif any(d.year < 1677 or d.year > 2262 for d in dates):
        with pytest.raises(nk.DataError, match=r"datetime64\[ns\]"):
            nk.to_frames(kb)


def test_a_date_pandas_cannot_hold_is_a_data_error() -> None:
    pytest.importorskip("pandas")
    source = nk.Source(id="old", title="t", document="sources/d.md", kind=nk.SourceKind.RESEARCH,
                       published=nk.When.parse("1500"))
    with pytest.raises(nk.DataError, match=r"sources\.published_lower"):
        nk.to_frames(nk.KnowledgeBase(all_sources=(source,)))


def test_a_number_past_64_bits_is_a_data_error_not_an_overflow(kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    import attrs

    # Quantity values are bounded (10**10) when made; Case.applications is not bounded yet.
    case = attrs.evolve(kb.all_cases[0], applications=2**63)
    with pytest.raises(nk.DataError, match=r"cases\.applications"):
        nk.to_frames(kb.with_case(case))
    assert nk.to_frames(kb.with_case(attrs.evolve(case, applications=2**63 - 1))) is not None


def test_an_empty_knowledge_base_gives_empty_typed_frames() -> None:
    pytest.importorskip("pandas")
    frames = nk.to_frames(nk.KnowledgeBase(all_sources=()))
    assert all(len(f) == 0 for name, f in frames.items() if name != "coverage")
    # The coverage grid is a grid whatever the data: every cell says "nothing", never a gap.
    assert len(frames["coverage"]) == 17 * 26 and set(frames["coverage"]["support"]) == {"nothing"}
    assert frames["cases"]["date_lower"].dtype == "datetime64[ns]"
    assert list(frames["cases"]["outcome"].cat.categories) == [o.value for o in nk.Outcome]


# ----------------------------------------------------------------------- networkx
@pytest.mark.parametrize("day", [dt.date(2002, 9, 11), dt.date(2009, 12, 23), dt.date(2023, 8, 16)])
def test_transit_graph_has_one_edge_per_passage_on_the_date(day: dt.date, kb: nk.KnowledgeBase) -> None:
    nx = pytest.importorskip("networkx")
    g = nk.transit_graph(on=day)
    assert isinstance(g, nx.MultiDiGraph) and g.graph["on"] == day
    documented = kb.passages(on=day)
    assert sorted(k for _, _, k in g.edges(keys=True)) == sorted(p.id for p in documented)
    for p in documented:
        data = g.edges[p.origin.alpha_2 if isinstance(p.origin, nk.Country) else p.origin.id,
                       p.dest.alpha_2 if isinstance(p.dest, nk.Country) else p.dest.id, p.id]
        assert data["channel"] == p.channel.value
        assert data["valid_from"] == p.valid_from and data["valid_until"] == p.valid_until
        assert data["sources"] == tuple(dict.fromkeys(e.source for e in p.evidence))


def test_transit_graph_nodes_and_paths_agree_with_routes() -> None:
    nx = pytest.importorskip("networkx")
    day = dt.date(2009, 12, 23)
    g = nk.transit_graph(on=day)
    assert g.nodes["KP"] == {"name": "North Korea", "kind": "country", "alpha_3": "PRK"}
    assert nx.has_path(g, "KP", "KR") == bool(nk.routes("KP", "KR", on=day))
    channels = [d["channel"] for _, _, d in g.edges("RU", data=True)]
    assert "unhcr-office" in channels  # seen that day; the consulate lies between two sightings
    assert sorted(channels) == sorted(p.channel.value for p in nk.passages("RU", on=day))


def test_transit_graph_of_a_date_with_nothing_documented_is_empty() -> None:
    pytest.importorskip("networkx")
    g = nk.transit_graph(on=dt.date(1950, 1, 1))
    assert g.number_of_nodes() == 0 and g.number_of_edges() == 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knowledge_bases(max_entries=6), st.dates())
def test_transit_graph_of_generated_knowledge_bases(kb: nk.KnowledgeBase, day: dt.date) -> None:
    pytest.importorskip("networkx")
    g = nk.transit_graph(on=day, kb=kb)
    assert g.number_of_edges() == len(kb.passages(on=day))
    for _, _, data in g.edges(data=True):
        assert data["passage"] in {p.id for p in kb.passages(on=day)}
