"""The December 2026 red-team pass, bulk answers and the answer cache (N9, N12, N13), and the
mutation sample's survivors in bulk.py."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

D = dt.date
DAY = D(2009, 12, 23)


def test_n9_the_answer_cache_keys_on_the_type_of_horizon() -> None:
    """N9: a pandas Timedelta answered first let a numpy timedelta64 through, and a plain
    timedelta caller received the pandas object."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    kb = nk.load_knowledge_base()  # a fresh cache
    day = D(2024, 6, 1)
    with pytest.raises(nk.ArgumentTypeError):
        kb.can_resettle("KP", "CN", "KR", on=day, horizon=np.timedelta64(400, "D"))
    first = kb.can_resettle("KP", "CN", "KR", on=day, horizon=pd.Timedelta(days=400))
    with pytest.raises(nk.ArgumentTypeError):
        kb.can_resettle("KP", "CN", "KR", on=day, horizon=np.timedelta64(400, "D"))
    plain = kb.can_resettle("KP", "CN", "KR", on=day, horizon=dt.timedelta(days=400))
    assert type(first.horizon) is dt.timedelta and type(plain.horizon) is dt.timedelta
    assert plain == first
    assert nk.from_json(nk.to_json(plain), nk.Assessment) == plain


@pytest.mark.parametrize("empty", ["nan", "NaT", "NA"])
def test_n12_an_empty_date_in_bulk_is_refused_never_today(empty: str) -> None:
    pd = pytest.importorskip("pandas")
    value = {"nan": float("nan"), "NaT": pd.NaT, "NA": pd.NA}[empty]
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: on is missing"):
        nk.assess_many([("KP", "CN", "KR", value)])
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: via is missing"):
        nk.assess_many([("KP", value, "KR", DAY)])


@pytest.mark.parametrize(("row", "kind"), [
    (("KP", "XX", "KR", DAY), nk.UnknownCountryError),
    (("KP", "Atlantis and a rather long name that goes on and on and on", "KR", DAY), nk.UnknownCountryError),
    (("KP", None, "Korea", None), nk.AmbiguousCountryError),   # mutation survivor bulk.py:144
    (("KP", "CN", "KP", DAY), nk.InvalidRouteError),
])
def test_n13_a_bad_row_is_the_can_resettle_error_prefixed_once(row: tuple[object, ...], kind: type) -> None:
    with pytest.raises(kind) as direct:
        nk.can_resettle(row[0], row[1], row[2], on=row[3])
    with pytest.raises(kind) as bulk:
        nk.assess_many([("KP", "RU", "KR", DAY), row])
    assert str(bulk.value) == f"row 1: {direct.value}"
    assert str(bulk.value).count("row 1") == 1
    for name in ("query", "suggestions", "candidates"):
        assert getattr(bulk.value, name, None) == getattr(direct.value, name, None)


def test_n13_a_dict_row_is_refused_not_read_as_its_keys() -> None:
    with pytest.raises(nk.ArgumentTypeError, match=r"^row 0: each row is a tuple"):
        nk.assess_many([{"origin": "KP", "via": None, "dest": "KR", "on": DAY}])


@pytest.mark.parametrize("via", [None, "CN", "RU", ("CN", "TH")])
@pytest.mark.parametrize("dest", ["KR", "US"])
def test_a_period_question_gives_the_best_verdict_over_its_days(via: object, dest: str) -> None:
    """Mutation survivor bulk.py:36: which day answers a question asked over a year. The
    rule: documented if any day is, else blocked if any day is, else undocumented; the
    answer's ``on`` is a day with that verdict."""
    rank = {nk.Verdict.DOCUMENTED: 0, nk.Verdict.BLOCKED: 1, nk.Verdict.UNDOCUMENTED: 2}
    for year in (2004, 2012, 2016):
        whole = nk.can_resettle("KP", via, dest, on=year)
        assert whole.on.year == year
        assert nk.can_resettle("KP", via, dest, on=whole.on).verdict is whole.verdict
        days = [D(year, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 5)]
        best = min((nk.can_resettle("KP", via, dest, on=d).verdict for d in days), key=rank.__getitem__)
        assert rank[whole.verdict] <= rank[best]
        assert nk.assess_many([("KP", via, dest, whole.on)]) == (whole.verdict,)


def test_a_dataframe_on_column_with_times_of_day_or_zones_is_refused() -> None:
    """A fresh mutation sample (bulk.py:178): datetime64 days must be whole days, zone-free."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"origin": ["KP"], "via": ["RU"], "dest": ["KR"],
                          "on": pd.to_datetime(["2009-12-23 12:30"])})
    with pytest.raises(nk.ArgumentTypeError, match="times of day"):
        nk.assess_many(frame)
    with pytest.raises(nk.ArgumentTypeError, match="times of day"):
        nk.assess_many(frame.assign(on=pd.to_datetime(["2009-12-23"]).tz_localize("UTC")))
    whole = frame.assign(on=pd.to_datetime(["2009-12-23"]))
    assert nk.assess_many(whole) == (nk.can_resettle("KP", "RU", "KR", on=DAY).verdict,)


def test_every_row_of_a_mixed_panel_is_its_can_resettle_verdict() -> None:
    """A fresh mutation sample (bulk.py:118, :186): a journey whose origin and destination
    an earlier row resolved, and a DataFrame's named vias, are answered as asked."""
    days = [D(2002, 9, 11), DAY, D(2016, 6, 16), D(2024, 6, 1)]
    vias: list[object] = [None, "CN", "RU", ("CN", "LA", "TH"), "MN"]
    rows = [("KP", via, "KR", day) for day in days for via in vias]
    expected = tuple(nk.can_resettle(*row[:3], on=row[3]).verdict for row in rows)
    assert len(set(expected)) > 1
    assert nk.assess_many(rows) == expected
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"origin": [r[0] for r in rows], "via": [r[1] for r in rows],
                          "dest": [r[2] for r in rows], "on": pd.to_datetime([r[3] for r in rows])})
    assert nk.assess_many(frame) == expected
