"""International bodies and worldwide counts: what researchers rely on from
public-reports-3-resettlement.md (sections 9 and 10), asked through the public API: UNHCR's
yearly worldwide counts of refugees and asylum seekers of North Korean origin, and the UN's
dated statements on returns."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk


def _years(measure: str) -> dict[int, set[int | None]]:
    years: dict[int, set[int | None]] = {}
    for p in nk.series(measure, country="international"):
        years.setdefault(p.year, set()).add(p.value.value)
    return years


class TestInternational(CountryFacts):
    code = "international"

    def test_unhcr_worldwide_series_2014_to_2017(self) -> None:
        refugees = _years("unhcr-recorded-refugees")
        assert refugees[2014] == {1282} and refugees[2015] == {1103}
        assert refugees[2016] == {1422} and refugees[2017] == {1175}
        # year-end stocks of this collection carry their year (end-2020, end-2022)
        assert refugees[2020] == {782} and refugees[2022] == {260}
        seekers = _years("nk-asylum-seekers-pending")
        assert seekers[2014] == {240} and seekers[2015] == {230} and seekers[2016] == {533} and seekers[2017] == {591}

    def test_year_end_stocks_keep_their_month(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="international")}
        assert str(by_id["unhcr-nk-refugees-2022-12-asiatoday"].as_of) == "2022-12"
        assert by_id["unhcr-nk-refugees-2022-12-asiatoday"].value == nk.Quantity(260)
        assert by_id["unhcr-nk-refugees-2020-12-asiatoday"].value == nk.Quantity(782)
        assert by_id["nk-refugees-worldwide-2016-12-kmib"].value == nk.Quantity(1422)
        # UNHCR is not named in Kukmin Ilbo's quoted words: not filed as UNHCR's count
        assert by_id["nk-refugees-worldwide-2016-12-kmib"].measure == "nk-refugees-worldwide"

    def test_disputed_2017_asylum_seekers(self) -> None:
        (c,) = [c for c in nk.conflicts() if c.id == "unhcr-asylum-seekers-2017-591-or-593"]
        assert set(c.versions) == {"unhcr-nk-asylum-seekers-2017-voa", "unhcr-nk-asylum-seekers-spn-undated"}

    def test_un_statements_on_returns_are_dated(self) -> None:
        kb = nk.default_knowledge_base()
        for id, day in [("international-un-sr-2012-02-urges-china", "2012-02-23"),
                        ("international-ohchr-2013-05-31-returned-via-china", "2013-05-31"),
                        ("international-un-sr-2019-06-21-china-should-not-repatriate", "2019-06-21"),
                        ("international-un-experts-2023-10-17", "2023-10-17"),
                        ("international-ohchr-2023-10-30-deputy-non-refoulement", "2023-10-30")]:
            on = dt.date.fromisoformat(day)
            assert kb.support(id, on=on).support is nk.Support.SEEN, id
        (undated,) = [p for p in nk.policies("international")
                      if p.id == "international-ohchr-gravely-concerned-undated"]
        assert undated.undated
