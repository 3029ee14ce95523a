"""South Korea: the yearly arrivals series researchers cite most, pinned year by year.

Every figure here is one the sources' quoted words give with its place and measure (the rule in
the header of ``statistics/kr.toml``); a year the sources give only in words that do not say
what was counted or where is a gap, never a guess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from facts import CountryFacts, file_of

import nkasylum as nk
from nkasylum.core.resources import data_root

ARRIVALS = "arrivals-in-south-korea"
EXACT, ABOUT, MORE, FEWER, ALMOST = (nk.Qualifier.EXACT, nk.Qualifier.ABOUT, nk.Qualifier.MORE_THAN,
                                     nk.Qualifier.FEWER_THAN, nk.Qualifier.ALMOST)
PCT = nk.Unit.PERCENT

# year -> every figure of that year, sorted: (value, qualifier)
SERIES: dict[int, list[tuple[int, nk.Qualifier]]] = {
    1993: [(34, EXACT)],
    1995: [(100, FEWER)], 1996: [(100, FEWER)], 1997: [(100, FEWER)],
    1998: [(100, FEWER), (306, EXACT)],
    1999: [(100, MORE), (148, EXACT)],
    2001: [(583, EXACT), (583, EXACT)],
    2002: [(1139, EXACT)],
    2003: [(1281, EXACT), (1281, EXACT)],
    2004: [(1894, EXACT), (1900, ALMOST)],
    2005: [(1382, EXACT)],
    2006: [(2018, EXACT)],
    2007: [(2544, EXACT)],
    2008: [(2800, MORE), (2809, EXACT)],
    2009: [(2927, EXACT)],
    2010: [(2376, EXACT), (2423, EXACT)],
    2011: [(2706, EXACT)],
    2012: [(63, EXACT), (1508, EXACT)],
    2013: [(1514, EXACT)],
    2014: [(1397, EXACT)],
    2015: [(1275, EXACT), (1277, EXACT)],
    2016: [(1417, EXACT), (1418, EXACT)],
    2017: [(1127, EXACT), (1127, EXACT)],
    2018: [(1137, EXACT)],
    2019: [(1047, EXACT), (1047, EXACT)],
    2020: [(229, EXACT)],
    2021: [(63, EXACT)] * 6,
    2022: [(67, EXACT)] * 4 + [(100, FEWER)],
    2023: [(196, EXACT)] * 3 + [(200, MORE)],
    2024: [(236, EXACT), (236, EXACT)],
    2025: [(224, EXACT), (224, EXACT)],
}

DISPUTED = {1998: "kr-arrivals-1998-pr2", 2005: "kr-arrivals-2005-freekorea", 2010: "kr-arrivals-2010-pr2",
            2012: "kr-arrivals-2012-donga", 2015: "kr-arrivals-2015-1275-or-1277", 2016: "kr-arrivals-2016", 2023: "kr-arrivals-2023",
            2025: "kr-arrivals-2025-corrected"}

# The 21 statistics the December 2026 audit found resting on a title or the collector's heading,
# and AFP's two whose words name no place either: dropped, their years covered elsewhere.
DROPPED = ({"kr-arrivals-cumulative-1998-unikorea", "kr-arrivals-1999-2001-unikorea"}
           | {f"kr-arrivals-{y}-unikorea" for y in range(2002, 2012)}
           | {f"kr-arrivals-{y}-yonhap-2012" for y in (2005, 2007, 2008, 2009, 2010, 2011)}
           | {f"kr-arrivals-{y}-koreaherald-2018" for y in (2013, 2014, 2015)}
           | {"kr-arrivals-2019-taipeitimes", "kr-arrivals-2020-taipeitimes"})

# Words in a quote that say the count is of people in (or entering) South Korea: the place
# named, entry into "the country" in a South Korean report, 귀순 (coming over to the South), or
# South Korea's Unification Ministry as the counter.
PLACE_WORDS = ("South Korea", "the South", "the south", "ROK", "남한", "한국", "韓国", "국내", "입국", "귀순",
               "통일부", "統一部", "Unification Ministry", "unification ministry", "MOU")


def _stat(statistic_id: str) -> nk.Statistic:
    (found,) = [s for s in nk.statistics(country="KR") if s.id == statistic_id]
    return found


def _conflict(conflict_id: str) -> nk.Conflict:
    (found,) = [c for c in nk.conflicts() if c.id == conflict_id]
    return found


def _by_year(measure: str) -> dict[int, list[nk.SeriesPoint]]:
    years: dict[int, list[nk.SeriesPoint]] = {}
    for p in nk.series(measure, country="KR"):
        years.setdefault(p.year, []).append(p)
    return years


class TestSouthKorea(CountryFacts):
    code = "KR"

    # ------------------------------------------------------------- the yearly series
    def test_one_point_per_source_for_every_year_the_sources_give(self) -> None:
        years = _by_year(ARRIVALS)
        got = {y: sorted((p.value.value or 0, p.value.qualifier) for p in ps) for y, ps in years.items()}
        assert got == {y: sorted(v) for y, v in SERIES.items()}
        assert all(p.value.unit is nk.Unit.PEOPLE for ps in years.values() for p in ps)

    def test_years_without_a_figure_are_gaps_listed_in_the_data(self) -> None:
        years = set(_by_year(ARRIVALS))
        gaps = set(range(1993, 2026)) - years
        assert gaps == {1994, 2000}
        lines = (Path(str(data_root())) / "statistics" / "kr.toml").read_text("utf-8").splitlines()
        header = "\n".join(line for line in lines[:next(i for i, x in enumerate(lines) if not x.startswith("#"))])
        for year in gaps:
            assert f"# - {year}:" in header  # each gap says what was searched

    def test_part_year_figures_stand_beside_the_gaps(self) -> None:
        # 1994 and 2015 have counts for part of the year only: their own measure, no `year`
        ytd = {s.id: s for s in nk.statistics(country="KR", measure=ARRIVALS + "-year-to-date")}
        assert ytd["kr-arrivals-1994-to-07-hankookilbo"].value == nk.Quantity(25)
        assert str(ytd["kr-arrivals-1994-to-07-hankookilbo"].as_of) == "1994-01/1994-07-28"
        assert ytd["kr-arrivals-2015-to-11-soompi"].value == nk.Quantity(1088)
        assert all(s.year is None for s in ytd.values())
        period = _stat("kr-arrivals-1999-2001-nkd")
        assert (period.value, str(period.as_of), period.year) == (nk.Quantity(1043), "1999/2001", None)

    def test_disputed_years_are_marked_with_their_conflict(self) -> None:
        years = _by_year(ARRIVALS)
        disputed = {y: {c for p in ps for c in p.disputed} for y, ps in years.items() if any(p.disputed for p in ps)}
        assert disputed == {y: {c} for y, c in DISPUTED.items()}
        for year, conflict in DISPUTED.items():
            versions = set(_conflict(conflict).versions)
            assert {p.statistic for p in years[year] if p.disputed} <= versions

    def test_every_figure_says_where_it_was_counted_in_its_quoted_words(self) -> None:
        for s in nk.statistics(country="KR"):
            if not (s.measure.startswith(ARRIVALS) or s.measure.startswith("female-share")):
                continue
            quotes = [self.kb.source(e.source).quote_for(e.anchor) or "" for e in s.evidence]
            assert any(w in q for q in quotes for w in PLACE_WORDS), s.id

    def test_the_audited_statistics_are_gone_and_their_sources_say_why(self) -> None:
        ids = {s.id for s in nk.statistics()}
        assert not DROPPED & ids
        for source in ("unikorea-undated", "yonhapnews-2012-10-28", "koreaherald-2018-09-30",
                       "taipeitimes-2021-01-21", "unikorea-cn-defectors"):
            assert "no " in nk.source(source).note.lower() and "rests on" in nk.source(source).note
        # the table rows are no longer among the ministry page's quoted words
        assert nk.source("unikorea-undated").quote_for("Total 947 1,043 1,142") is None
        # the ministry's Chinese table is on record, with nothing resting on it
        assert nk.source("unikorea-cn-defectors").quotes == ()

    def test_values_keep_their_wording(self) -> None:
        assert _stat("kr-arrivals-2004-reuters").value == nk.Quantity(1900, ALMOST)
        assert _stat("kr-arrivals-2008-grantmontgomery").value == nk.Quantity(2800, MORE)
        assert _stat("kr-arrivals-2022-canindia").value == nk.Quantity(100, FEWER)
        assert _stat("kr-arrivals-2023-kbs").value == nk.Quantity(200, MORE)
        assert _stat("kr-arrivals-cumulative-2008-grantmontgomery").value == nk.Quantity(17000, ALMOST)
        assert _stat("kr-arrivals-cumulative-2007-icg").value == nk.Quantity(10000, ABOUT)

    # -------------------------------------------------------------- 2012 and 2025
    def test_2012_the_korea_herald_against_the_dong_a_misprint(self) -> None:
        c = _conflict("kr-arrivals-2012-donga")
        assert set(c.versions) == {"kr-arrivals-2012-koreaherald-2013", "kr-arrivals-2012-donga-2024"}
        assert _stat("kr-arrivals-2012-koreaherald-2013").value == nk.Quantity(1508)
        printed = _stat("kr-arrivals-2012-donga-2024")
        assert printed.value == nk.Quantity(63)
        assert "2012년, 2022년 입국자 수는 각각 63명" in (nk.source("donga-2024-04-30").quote_for(
            printed.evidence[0].anchor) or "")
        # the ministry's final 1,502 stands only in table rows and sentences that do not say
        # what was counted or where: no entry carries it
        assert not [s for s in nk.statistics(country="KR") if s.year == 2012 and s.value.value == 1502]
        assert "1,502" in nk.source("unikorea-cn-defectors").note

    def test_2025_first_announcement_against_the_correction(self) -> None:
        c = _conflict("kr-arrivals-2025-corrected")
        assert set(c.versions) == {"kr-arrivals-2025", "kr-arrivals-2025-newsis",
                                   "kr-arrivals-men-2025-newspic", "kr-arrivals-men-2025-newsis"}
        assert _stat("kr-arrivals-men-2025-newspic").value == nk.Quantity(26)
        assert _stat("kr-arrivals-men-2025-newsis").value == nk.Quantity(25)
        assert str(nk.source("newsis-2026-02-04").published) == "2026-02-04"
        men = _by_year(ARRIVALS + "-men")[2025]
        assert {p.value.value for p in men} == {25, 26}
        assert all(p.disputed == ("kr-arrivals-2025-corrected",) for p in men)
        women = _by_year(ARRIVALS + "-women")[2025]
        assert {p.value.value for p in women} == {198} and not any(p.disputed for p in women)
        totals = _conflict("kr-arrivals-cumulative-2026-corrected")
        assert {_stat(v).value.value for v in totals.versions} == {34538, 34537, 9594, 9593}

    # ------------------------------------------------------------------- by sex
    @pytest.mark.parametrize(("year", "women", "men"), [
        (2003, {813}, {468}), (2017, {938}, {189}), (2021, {23}, {40}), (2022, {32}, {35}),
        (2023, {164}, {32}), (2024, {210}, {26}), (2025, {198}, {25, 26}),
    ])
    def test_arrivals_by_sex(self, year: int, women: set[int], men: set[int]) -> None:
        assert {p.value.value for p in _by_year(ARRIVALS + "-women")[year]} == women
        assert {p.value.value for p in _by_year(ARRIVALS + "-men")[year]} == men

    def test_by_sex_years(self) -> None:
        assert set(_by_year(ARRIVALS + "-women")) == {2003, 2015, 2017, 2021, 2022, 2023, 2024, 2025}
        assert set(_by_year(ARRIVALS + "-men")) == {2003, 2017, 2021, 2022, 2023, 2024, 2025}
        assert _stat("kr-arrivals-women-2015-chosun").value == nk.Quantity(1025)

    def test_quarters_of_2022_by_sex(self) -> None:
        q = {s.id: s.value.value for s in nk.statistics(country="KR") if s.id.startswith("kr-arrivals-2022-q")
             and s.id.endswith("-dailynk-2023")}
        assert [q[f"kr-arrivals-2022-q{n}-dailynk-2023"] for n in range(1, 5)] == [11, 8, 23, 25]
        assert [q[f"kr-arrivals-2022-q{n}-men-dailynk-2023"] for n in range(1, 5)] == [2, 1, 14, 18]
        assert [q[f"kr-arrivals-2022-q{n}-women-dailynk-2023"] for n in range(1, 5)] == [9, 7, 9, 7]
        assert str(_stat("kr-arrivals-2022-q3-dailynk-2023").as_of) == "2022-07/2022-09"

    def test_quarters_of_2020(self) -> None:
        q = [_stat(f"kr-arrivals-2020-q{n}-ajunews").value.value for n in range(1, 5)]
        assert q == [135, 12, 48, 34]
        assert sum(q) == _stat("kr-arrivals-2020-koreaherald-2022").value.value

    # -------------------------------------------------------------- shares of women
    def test_share_of_women_by_year(self) -> None:
        shares = {y: {(p.value.value, p.value.qualifier) for p in ps}
                  for y, ps in _by_year("female-share-of-defectors-in-south-korea").items()}
        assert shares == {2002: {(50, MORE)}, 2010: {(76, EXACT)}, 2012: {(73, MORE)}, 2013: {(75, MORE)},
                          2014: {(78, MORE)}, 2015: {(80, MORE)}, 2017: {(83, EXACT)}}
        # a decimal share is kept as the bound it meets, and the note keeps the figure
        assert "73.1 percent" in _stat("kr-female-share-2012-henrypatrick").note
        assert all(p.value.unit is PCT for ps in _by_year("female-share-of-defectors-in-south-korea").values()
                   for p in ps)

    def test_shares_of_the_1990s_are_in_dispute_not_in_the_series(self) -> None:
        c = _conflict("kr-female-share-1990s")
        assert set(c.versions) == {"kr-female-share-1998-icg", "kr-female-share-to-1999-jnnews",
                                   "kr-female-share-1997-henrypatrick", "kr-female-share-2000-henrypatrick"}
        # whether 1997's and 2000's shares are of that year's arrivals is not said: no `year`
        assert _stat("kr-female-share-1997-henrypatrick").year is None
        assert _stat("kr-female-share-2000-henrypatrick").year is None

    # -------------------------------------------------------------- running totals
    def test_running_totals(self) -> None:
        totals = {s.id: (s.value, str(s.as_of)) for s in nk.statistics(country="KR", measure=ARRIVALS + "-cumulative")}
        assert totals["kr-arrivals-cumulative-1997-02-donga"] == (nk.Quantity(788), "1997-02-09")
        assert totals["kr-arrivals-cumulative-2003-hankookilbo"] == (nk.Quantity(4410), "2003")
        assert totals["kr-arrivals-cumulative-2017-12-koreaherald-2018"] == (nk.Quantity(31339), "2017-12")
        assert totals["kr-arrivals-cumulative-2023-sedaily"] == (nk.Quantity(34078), "2023")
        assert totals["kr-arrivals-cumulative-2026-01-20-newspic"] == (nk.Quantity(34538), "2026-01-20")
        assert totals["kr-arrivals-cumulative-2026-02-04-newsis"] == (nk.Quantity(34537), "2026-02-04")
        assert totals["kr-arrivals-cumulative-after-2016-11-dailynk"] == (nk.Quantity(30208), "2016-11/..")
        # a total is never an arrival count
        assert not [s for s in nk.statistics(country="KR", measure=ARRIVALS + "-cumulative") if s.arrivals]

    # -------------------------------------------------------------- evidence a user reads
    def test_a_relative_year_is_resolved_only_from_the_words(self) -> None:
        # an undated page's "last year" is placed only where its own words fix it
        kbs = _stat("kr-arrivals-2023-kbs")
        assert "tripled" in kbs.note and kbs.evidence[0].happened == nk.When.parse("2023")
        assert nk.source("daijiworld-668057").published is None
        assert "No entry rests on it" in nk.source("daijiworld-668057").note
        assert "No entry rests on it" in nk.source("wowkorea-479654").note

    def test_quotes_ship_with_the_data(self) -> None:
        hankook = nk.source("hankookilbo-2004-03-12")
        assert hankook.quote_for("통일부는 지난해 입국한 탈북자가 1,281명으로") is not None
        assert str(hankook.published) == "2004-03-12"
        sea = [s for s in nk.statistics(country="KP") if s.measure == "defectors-by-sea"]
        assert {(str(s.as_of), s.value.value) for s in sea} == {("2023-05", 9), ("2023-10", 4), ("2023", 13)}

    def test_new_sources_live_in_their_collections_files(self) -> None:
        assert file_of("soompi-undated-802067") == "sources/public-reports-3-china-russia-korea.toml"
        assert file_of("newsis-2026-02-04") == "sources/public-reports-3-resettlement.toml"
        assert "sources/public-reports-3-resettlement.md" in nk.source("theqoo-3599659408").also_in

    def test_citizenship_on_arrival_and_on_return(self) -> None:
        by_id = {p.id: p for p in nk.policies("KR")}
        on_arrival = by_id["kr-citizenship-on-arrival-nl-2013"]
        assert nk.Status.CITIZENSHIP in on_arrival.grants
        assert nk.Classification.CITIZEN in by_id["kr-returnees-treated-as-citizens-2014-ukut"].classification

    def test_a_settled_defector_claims_refugee_status_in_australia(self) -> None:
        (p,) = nk.passages("KR", "AU", any_date=True)
        assert p.channel is nk.Channel.REFUGEE_PROGRAMME
        seen = nk.default_knowledge_base().support(p.id, on=dt.date(2001, 12, 12))
        assert seen.support is nk.Support.SEEN

    def test_arrivals_in_2015_are_1275_or_1277(self) -> None:
        points = [p for p in nk.series("arrivals-in-south-korea", country="KR") if p.year == 2015]
        assert sorted(p.value.value or 0 for p in points) == [1275, 1277]
        assert all(p.disputed == ("kr-arrivals-2015-1275-or-1277",) for p in points)

    def test_consulates_protect_defectors_and_no_more_mass_rescues(self) -> None:
        found = {p.id: p for p in nk.policies("KR")}
        assert found["kr-consulates-protect-defectors-inside"].procedures
        rescues = found["kr-no-more-large-scale-rescues"]
        assert {str(e.happened) for e in rescues.evidence} == {"2004/2005"}
