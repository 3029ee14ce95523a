"""The December 2026 red-team pass, N18: every query takes ``on=`` in the one date grammar.

The README says "every query takes ``on=`` (a day, a year or a period)". ``transit_graph``,
``transit_map``, ``kb.support`` and ``assess_many`` rows refused a year with "on= takes a
datetime.date or None" while ``can_resettle``, ``routes`` and ``passages`` answered it.
"""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

YEAR_FORMS: list[object] = [2009, "2009", nk.When.parse("2009")]
PERIODS: list[object] = [2009, "2012", "2009-12/2010-01", "2015/..", "../2003", 1990, "2019/2024",
                         nk.When.parse("2004-06")]


@pytest.fixture(scope="module")
def kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


@pytest.mark.parametrize("on", YEAR_FORMS, ids=repr)
def test_n18_transit_graph_takes_a_year_as_passages_reads_it(on: object, kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("networkx")
    g = nk.transit_graph(on=on)  # type: ignore[arg-type]
    assert {key for _, _, key in g.edges(keys=True)} == {p.id for p in kb.passages(on=on)}  # type: ignore[arg-type]
    assert g.graph["on"] == nk.When.parse("2009")
    # the year holds every passage of each of its days
    day = {key for _, _, key in nk.transit_graph(on=dt.date(2009, 12, 23)).edges(keys=True)}
    assert day and day <= {key for _, _, key in g.edges(keys=True)}


def test_n18_transit_graph_of_a_one_day_text_is_that_day() -> None:
    pytest.importorskip("networkx")
    g = nk.transit_graph(on="2009-12-23")
    assert g.graph["on"] == dt.date(2009, 12, 23)
    assert set(g.edges(keys=True)) == set(nk.transit_graph(on=dt.date(2009, 12, 23)).edges(keys=True))


@pytest.mark.parametrize("on", YEAR_FORMS, ids=repr)
def test_n18_transit_map_takes_a_year(on: object) -> None:
    year = nk.transit_map(on=on)  # type: ignore[arg-type]
    for day in (dt.date(2009, 1, 1), dt.date(2009, 12, 23), dt.date(2009, 12, 31)):
        assert set(nk.transit_map(on=day).splitlines()) <= set(year.splitlines())
    assert nk.transit_map(on="2009-12-23") == nk.transit_map(on=dt.date(2009, 12, 23))


@pytest.mark.parametrize("on", PERIODS, ids=repr)
def test_n18_support_of_a_period_is_its_last_documented_day(on: object, kb: nk.KnowledgeBase) -> None:
    entry = "ru-kr-unhcr-moscow"
    asked = on if isinstance(on, nk.When) else nk.When.parse(str(on))
    lo = asked.lower or dt.date(1, 1, 1)
    hi = asked.upper or dt.date(9999, 12, 31)
    found = kb.support(entry, on=on)
    documenting = {nk.Support.SEEN, nk.Support.BETWEEN_SIGHTINGS, nk.Support.RULE,
                   nk.Support.CARRIED_FORWARD}
    # the support of some day of the period: documented if any day of it is
    days = [lo + dt.timedelta(days=n) for n in range(0, (min(hi, dt.date(2026, 12, 31)) - lo).days + 1, 7)]
    if any(kb.support(entry, on=d).support in documenting for d in days):
        assert found.support in documenting
    else:
        assert found == kb.support(entry, on=hi)


def test_n18_support_of_a_day_given_as_text_is_that_day(kb: nk.KnowledgeBase) -> None:
    day = dt.date(2009, 12, 23)
    assert kb.support("ru-kr-unhcr-moscow", on="2009-12-23") == kb.support("ru-kr-unhcr-moscow", on=day)
    with pytest.raises(nk.ArgumentTypeError, match="not a date nkasylum reads"):
        kb.support("ru-kr-unhcr-moscow", on="23 December 2009")


JOURNEYS: list[tuple[str, object, str]] = [
    ("KP", "CN", "KR"), ("KP", None, "KR"), ("KP", "RU", "KR"), ("KP", None, "TH"),
    ("KP", ("CN", "TH"), "KR"), ("KP", "CN", "MN"), ("KP", None, "US"),
]


@pytest.mark.parametrize("exact", [False, True])
def test_n18_assess_many_rows_take_a_period_as_can_resettle_does(exact: bool, kb: nk.KnowledgeBase) -> None:
    """assess_many promises exactly can_resettle(...).verdict for each row: a year or an
    interval in a row is read as can_resettle reads it (documented on some day, else
    blocked on some day, else undocumented)."""
    rows = [(o, v, d, on) for o, v, d in JOURNEYS if not (exact and v is None) for on in PERIODS]
    expected = tuple(kb.can_resettle(o, v, d, on=on, exact=exact).verdict for o, v, d, on in rows)  # type: ignore[arg-type]
    assert kb.assess_many(rows, exact=exact) == expected
    assert expected.count(nk.Verdict.DOCUMENTED) and expected.count(nk.Verdict.UNDOCUMENTED)


def test_n18_assess_many_still_refuses_a_text_that_is_no_date(kb: nk.KnowledgeBase) -> None:
    with pytest.raises(nk.ArgumentTypeError, match="row 1: on= 'soon'"):
        kb.assess_many([("KP", "CN", "KR", 2009), ("KP", "CN", "KR", "soon")])


def test_n18_applies_takes_a_year_or_period_as_some_day_of_it(kb: nk.KnowledgeBase) -> None:
    """Policy.applies and Passage.applies raised a raw TypeError for on=2009 on a dated rule
    (and answered False for an undated one): a period applies when some day of it is covered."""
    dated = [p for p in kb.all_policies if p.valid_from is not None and not p.undated][:40]
    assert dated
    for policy in dated:
        year = policy.valid_from.start.year  # type: ignore[union-attr]
        assert policy.applies(year) and policy.applies(str(year)) and policy.applies(nk.When.parse(str(year)))
        assert not policy.applies(year - 1) and not policy.applies(f"../{year - 1}")
        assert policy.applies(f"{year - 1}/{year}") and policy.applies(policy.valid_from.start)  # type: ignore[union-attr]
    for entry in (*kb.all_policies[:5], *kb.all_passages[:5]):
        with pytest.raises(nk.ArgumentTypeError):
            entry.applies("soon")
        assert entry.applies(None) == entry.applies(dt.date.today())
