"""International bodies and worldwide counts: what researchers rely on from
public-reports-3-resettlement.md (sections 9 and 10), asked through the public API: UNHCR's
yearly worldwide counts of refugees and asylum seekers of North Korean origin, and the UN's
dated statements on returns."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, series_years, sources_of, statement

import nkasylum as nk


class TestInternational(CountryFacts):
    code = "international"

    def test_unhcr_worldwide_series_2014_to_2017(self) -> None:
        refugees = series_years("unhcr-recorded-refugees", "international")
        assert refugees[2014] == {1282} and refugees[2015] == {1103}
        assert refugees[2016] == {1422} and refugees[2017] == {1175}
        # year-end stocks of this collection carry their year (end-2020, end-2022)
        assert refugees[2020] == {782} and refugees[2022] == {260}
        seekers = series_years("nk-asylum-seekers-pending", "international")
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

    # From the first collection (public-reports.md sections 4-9):
    def test_unhcr_2003_appeal_to_china(self) -> None:
        p = nk.policy("international", on=dt.date(2003, 1, 21))
        assert p is not None and p.id == "international-unhcr-2003-call-on-china"
        assert sources_of(p) == {"unhcr-2003-01-21"}
        assert p.country is nk.INTERNATIONAL

    def test_persons_of_concern_2004_is_second_hand(self) -> None:
        p = nk.policy("international", on=dt.date(2004, 6, 1))
        assert p is not None and sources_of(p) == {"hrnk-2020-07-21"}
        assert nk.source("hrnk-2020-07-21").kind is nk.SourceKind.BLOG_OR_NGO

    def test_refugees_sur_place_attributed_to_the_cecc_and_the_coi(self) -> None:
        cecc = nk.policy("international", on=dt.date(2006, 10, 3))
        coi = nk.policy("international", on=dt.date(2023, 7, 1))
        assert cecc is not None and coi is not None
        assert sources_of(cecc) == {"cecc-2006-10-03"} and "CECC" in cecc.summary
        # the COI finding is seen on the Diplomat's date alongside Resolution 2397's deadline
        assert set(coi.id.split("+")) == {"international-coi-refugees-sur-place",
                                          "international-unsc-2397-worker-repatriation"}
        assert sources_of(coi) == {"thediplomat-2023-07", "nknews-2018-02"} and "COI" in coi.summary
        assert sources_of(statement("international", "international-coi-refugees-sur-place")) == {
            "thediplomat-2023-07"}
        for p in (cecc, coi):
            assert nk.Classification.REFUGEE in p.classification
        # no UNHCR-authored sur-place statement was found: neither is put in UNHCR's mouth
        assert "not a UNHCR statement" in cecc.summary and "UNHCR" not in coi.summary

    def test_unhcr_record_of_1052_and_the_japanese_country_split(self) -> None:
        # UNHCR as the recorder stands only in the address and the summary: measure renamed
        (world,) = nk.statistics(country="international", measure="refugees-on-record-worldwide")
        assert world.id == "international-nk-refugees-on-record"
        assert world.value == nk.Quantity(1052) and world.as_of is None  # "2011" is not quoted
        assert sources_of(world) == {"dailynk-unhcr-1052"}
        assert "UNHCR" not in world.description
        assert all(s.value.value != 1052 for s in
                   nk.statistics(country="international", measure="unhcr-recorded-refugees"))
        # KBS World's Japanese split stands outside the quoted words: not stored; the split
        # left comes from other sources
        # (public-reports-3-resettlement.md adds other sources' country figures to the measure)
        earlier = {"news-undated", "kbs-2006-03-09"}
        split = {s.place.alpha_2: s.value.value
                 for s in nk.statistics(measure="nk-refugees-by-host-country")
                 if isinstance(s.place, nk.Country) and sources_of(s) <= earlier}
        assert split == {"CA": 478, "DE": 276, "GB": 81, "NL": 46, "RU": 57}
        assert not [s for s in nk.statistics(measure="nk-refugees-by-host-country")
                    if sources_of(s) & earlier and not sources_of(s) <= earlier]
        assert "no entry rests on this source" in nk.source("kbs-world-ja-44137").note
