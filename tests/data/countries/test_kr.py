"""South Korea: the yearly arrivals series researchers cite most, pinned year by year.

Every figure here has its place and measure said either by its source's quoted words or, for
the Unification Ministry's own yearly tables only, by the ministry's page title and name
(``subject_from_title``; the rule in the header of ``statistics/kr.toml`` and the codebook). A
year the sources give only in words that say neither is a gap, never a guess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from facts import (
    CountryFacts,
    conflict,
    file_of,
    happened_spans,
    ids_of,
    policy_entry,
    sources_of,
    statement,
    statistic,
    support_on,
)

import nkasylum as nk
from nkasylum.core.resources import data_root

ARRIVALS = "arrivals-in-south-korea"
EXACT, ABOUT, MORE, FEWER, ALMOST = (nk.Qualifier.EXACT, nk.Qualifier.ABOUT, nk.Qualifier.MORE_THAN,
                                     nk.Qualifier.FEWER_THAN, nk.Qualifier.ALMOST)
PCT = nk.Unit.PERCENT

# year -> every figure of that year, sorted: (value, qualifier)
# The Unification Ministry's own yearly table (its Chinese-language page; the English page's
# agrees up to 2011): year -> total, men, women, share of women as printed.
MINISTRY: dict[int, tuple[int, int, int, str]] = {
    2002: (1142, 510, 632, "55.3"), 2003: (1285, 474, 811, "63.1"), 2004: (1898, 626, 1272, "67.0"),
    2005: (1384, 424, 960, "69.4"), 2006: (2028, 515, 1513, "74.6"), 2007: (2554, 573, 1981, "77.6"),
    2008: (2803, 608, 2195, "78.3"), 2009: (2914, 662, 2252, "77.3"), 2010: (2402, 591, 1811, "75.4"),
    2011: (2706, 795, 1911, "70.6"), 2012: (1502, 404, 1098, "73.1"), 2013: (1514, 369, 1145, "75.6"),
    2014: (1397, 305, 1092, "78.2"), 2015: (1275, 251, 1024, "80.3"), 2016: (1418, 302, 1116, "78.7"),
    2017: (1127, 188, 939, "83.3"), 2018: (1137, 168, 969, "85.2"), 2019: (1047, 202, 845, "80.7"),
}
TABLE_SOURCES = ("unikorea-undated", "unikorea-cn-defectors")

# year -> every figure of that year, sorted: (value, qualifier); the ministry's tables give
# one figure per page (two pages up to 2011, one after)
SERIES: dict[int, list[tuple[int, nk.Qualifier]]] = {
    1993: [(34, EXACT)],
    1995: [(100, FEWER)], 1996: [(100, FEWER)], 1997: [(100, FEWER)],
    1998: [(100, FEWER), (306, EXACT)],
    1999: [(100, MORE), (148, EXACT)],
    2001: [(583, EXACT), (583, EXACT)],
    2002: [(1139, EXACT)] + [(1142, EXACT)] * 2,
    2003: [(1281, EXACT), (1281, EXACT)] + [(1285, EXACT)] * 2,
    2004: [(1894, EXACT), (1900, ALMOST)] + [(1898, EXACT)] * 2,
    2005: [(1382, EXACT)] + [(1384, EXACT)] * 2,
    2006: [(2018, EXACT)] + [(2028, EXACT)] * 2,
    2007: [(2544, EXACT)] + [(2554, EXACT)] * 2,
    2008: [(2800, MORE), (2809, EXACT)] + [(2803, EXACT)] * 2,
    2009: [(2927, EXACT)] + [(2914, EXACT)] * 2,
    2010: [(2376, EXACT), (2423, EXACT)] + [(2402, EXACT)] * 2,
    2011: [(2706, EXACT)] * 3,
    2012: [(63, EXACT), (1508, EXACT), (1502, EXACT)],
    2013: [(1514, EXACT)] * 2,
    2014: [(1397, EXACT)] * 2,
    2015: [(1275, EXACT), (1275, EXACT), (1277, EXACT)],
    2016: [(1417, EXACT), (1418, EXACT), (1418, EXACT)],
    2017: [(1127, EXACT)] * 3,
    2018: [(1137, EXACT)] * 2,
    2019: [(1047, EXACT)] * 3,
    2020: [(229, EXACT)],
    2021: [(63, EXACT)] * 6,
    2022: [(67, EXACT)] * 4 + [(100, FEWER)],
    2023: [(196, EXACT)] * 3 + [(200, MORE)],
    2024: [(236, EXACT), (236, EXACT)],
    2025: [(224, EXACT), (224, EXACT)],
}

DISPUTED: dict[int, set[str]] = {
    1998: {"kr-arrivals-1998-pr2"}, 2002: {"kr-arrivals-2002-pr2"}, 2003: {"kr-arrivals-2003"},
    2004: {"kr-arrivals-2004"}, 2005: {"kr-arrivals-2005-pr2", "kr-arrivals-2005-freekorea"},
    2006: {"kr-arrivals-2006-pr2"}, 2007: {"kr-arrivals-2007-pr2"}, 2008: {"kr-arrivals-2008-pr2"},
    2009: {"kr-arrivals-2009-pr2"}, 2010: {"kr-arrivals-2010-pr2"},
    2012: {"kr-arrivals-2012-pr2", "kr-arrivals-2012-donga"}, 2015: {"kr-arrivals-2015-1275-or-1277"},
    2016: {"kr-arrivals-2016"},
    2023: {"kr-arrivals-2023"}, 2025: {"kr-arrivals-2025-corrected"},
}

# The 21 statistics the December 2026 audit found resting on a title or the collector's heading.
# The ministry's own table rows (12) are back under the rule for an authority's own table; the
# news reports' figures (9), and AFP's two whose words name no place either, stay out.
RESTORED = ({"kr-arrivals-cumulative-1998-unikorea", "kr-arrivals-1999-2001-unikorea"}
            | {f"kr-arrivals-{y}-unikorea" for y in range(2002, 2012)})
DROPPED = ({f"kr-arrivals-{y}-yonhap-2012" for y in (2005, 2007, 2008, 2009, 2010, 2011)}
           | {f"kr-arrivals-{y}-koreaherald-2018" for y in (2013, 2014, 2015)}
           | {"kr-arrivals-2019-taipeitimes", "kr-arrivals-2020-taipeitimes"})

# Words in a quote that say the count is of people in (or entering) South Korea: the place
# named, entry into "the country" in a South Korean report, 귀순 (coming over to the South), or
# South Korea's Unification Ministry as the counter.
PLACE_WORDS = ("South Korea", "the South", "the south", "ROK", "남한", "한국", "韓国", "국내", "입국", "귀순",
               "통일부", "統一部", "Unification Ministry", "unification ministry", "MOU")


def _cells(quote: str) -> list[str]:
    """A table row's cells, quote marks folded to ’ ("(暂定)", provisional, belongs to its heading)."""
    cells: list[str] = []
    for word in quote.replace("'", "’").split():
        if word == "(暂定)":
            cells[-1] += " " + word
        else:
            cells.append(word)
    return cells


def _columns(cells: list[str], anchor: str) -> set[int]:
    """The columns an anchor covers in a row (it stands there once)."""
    words = _cells(anchor)
    hits = [i for i in range(len(cells)) if cells[i:i + len(words)] == words]
    assert len(hits) == 1, (anchor, cells)
    return set(range(hits[0], hits[0] + len(words)))


def _cell_value(cell: str) -> nk.Quantity:
    if cell.endswith("%"):
        share = float(cell[:-1])
        return nk.Quantity(int(share), EXACT if share == int(share) else MORE, PCT)
    return nk.Quantity(int(cell.replace(",", "")))


def _by_year(measure: str) -> dict[int, list[nk.SeriesPoint]]:
    years: dict[int, list[nk.SeriesPoint]] = {}
    for p in nk.series(measure, country="KR"):
        years.setdefault(p.year, []).append(p)
    return years


class TestSouthKorea(CountryFacts):
    code = "KR"

    def header(self) -> str:
        lines = (Path(str(data_root())) / "statistics" / "kr.toml").read_text("utf-8").splitlines()
        return "\n".join(line for line in lines[:next(i for i, x in enumerate(lines) if not x.startswith("#"))])

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
        period = statistic("kr-arrivals-1999-2001-nkd")
        assert (period.value, str(period.as_of), period.year) == (nk.Quantity(1043), "1999/2001", None)

    def test_disputed_years_are_marked_with_their_conflict(self) -> None:
        years = _by_year(ARRIVALS)
        disputed = {y: {c for p in ps for c in p.disputed} for y, ps in years.items() if any(p.disputed for p in ps)}
        assert disputed == DISPUTED
        for year, conflicts in DISPUTED.items():
            versions = set().union(*(conflict(c).versions for c in conflicts))
            assert {p.statistic for p in years[year] if p.disputed} <= versions
            # each point is marked by exactly the conflicts that name it
            for p in years[year]:
                assert set(p.disputed) == {c for c in conflicts if p.statistic in conflict(c).versions}

    def test_every_figure_says_where_it_was_counted_in_its_quoted_words(self) -> None:
        # the one exception is a row of the ministry's own table, which says so on the figure
        for s in nk.statistics(country="KR"):
            if not (s.measure.startswith(ARRIVALS) or s.measure.startswith("female-share")):
                continue
            if s.subject_from_title:
                assert {e.source for e in s.evidence} <= set(TABLE_SOURCES), s.id
                continue
            quotes = [self.kb.source(e.source).quote_for(e.anchor) or "" for e in s.evidence]
            assert any(w in q for q in quotes for w in PLACE_WORDS), s.id

    def test_the_audited_statistics_ministry_rows_back_news_figures_out(self) -> None:
        ids = {s.id: s for s in nk.statistics()}
        assert set(ids) >= RESTORED and not DROPPED & set(ids)
        assert all(ids[i].subject_from_title for i in RESTORED)
        yearly = [ids[f"kr-arrivals-{y}-unikorea"] for y in range(2002, 2012)]
        assert [s.value.value for s in yearly] == [1142, 1285, 1898, 1384, 2028, 2554, 2803, 2914, 2402, 2706]
        assert all((s.measure, s.year, s.arrivals) == (ARRIVALS, int(str(s.as_of)), True) for s in yearly)
        running = ids["kr-arrivals-cumulative-1998-unikorea"]
        assert (running.measure, running.value.value, running.arrivals) == (ARRIVALS + "-cumulative", 947, False)
        period = ids["kr-arrivals-1999-2001-unikorea"]
        assert (period.value.value, str(period.as_of), period.year) == (1043, "1999/2001", None)
        # the news reports' figures stay out, and their sources say why
        for source in ("yonhapnews-2012-10-28", "koreaherald-2018-09-30", "taipeitimes-2021-01-21"):
            note = nk.source(source).note
            assert "no " in note.lower() and "rests on" in note and "subject_from_title" in note
        # the table's rows are the ministry page's quoted words again
        assert nk.source("unikorea-undated").quote_for("Total 947 1,043 1,142") is not None
        assert len(nk.source("unikorea-cn-defectors").quotes) == 5

    # ------------------------------------------------------ the ministry's own tables
    def test_each_table_figure_is_the_cell_under_its_heading(self) -> None:
        # each figure has a row anchor and a heading anchor: exactly one column lies under
        # both whose cell is the figure's value and whose heading is the span it is dated
        spans = {"~’98": "1998", "~’98’": "1998", "~’01": "1999/2001", "’20.09 (暂定)": "2020-01/2020-09",
                 "合计": "2020-09"}
        flagged = [s for s in nk.statistics(country="KR") if s.subject_from_title]
        assert len(flagged) == 12 + 22 * 4
        for s in flagged:
            row_ev, head_ev = s.evidence
            source = nk.source(row_ev.source)
            row = _cells(source.quote_for(row_ev.anchor) or "")
            head = _cells(source.quote_for(head_ev.anchor) or "")
            if source.id == "unikorea-undated":
                head = ["", *head]  # the English heading row has no label cell
            under_row = _columns(row, row_ev.anchor)
            under_head = _columns(head, head_ev.anchor)
            matches = [c for c in under_row & under_head if c > 0 and _cell_value(row[c]) == s.value
                       and str(s.as_of) == spans.get(head[c], f"20{head[c][-2:]}")]
            assert len(matches) == 1, (s.id, row_ev.anchor, head_ev.anchor)
            assert s.note.startswith("Read from the row"), s.id

    def test_the_ministry_table_by_year(self) -> None:
        for year, (total, men, women, share) in MINISTRY.items():
            tag = [f"-{year}-unikorea-cn"] + ([f"-{year}-unikorea"] if year <= 2011 else [])
            for t in tag:
                assert statistic("kr-arrivals" + t).value == nk.Quantity(total), year
            assert statistic(f"kr-arrivals-men-{year}-unikorea-cn").value == nk.Quantity(men)
            assert statistic(f"kr-arrivals-women-{year}-unikorea-cn").value == nk.Quantity(women)
            pct = statistic(f"kr-female-share-{year}-unikorea-cn")
            whole = int(float(share))
            assert pct.value == nk.Quantity(whole, EXACT if share.endswith(".0") else MORE, PCT)
            assert f"{share} percent" in pct.note or share.endswith(".0")
            assert men + women == total
        assert all(s.arrivals for s in nk.statistics(country="KR") if s.id.endswith("-unikorea-cn")
                   and s.measure.startswith(ARRIVALS) and "cumulative" not in s.measure)

    def test_the_ministry_table_beyond_single_years(self) -> None:
        assert statistic("kr-arrivals-cumulative-1998-unikorea-cn").value == nk.Quantity(947)
        assert statistic("kr-arrivals-cumulative-men-1998-unikorea-cn").value == nk.Quantity(831)
        assert statistic("kr-arrivals-cumulative-women-1998-unikorea-cn").value == nk.Quantity(116)
        for sex, n in (("", 1043), ("men-", 565), ("women-", 478)):
            s = statistic(f"kr-arrivals-{sex}1999-2001-unikorea-cn")
            assert (s.value.value, str(s.as_of), s.year, s.arrivals) == (n, "1999/2001", None, True)
        ytd = statistic("kr-arrivals-2020-to-09-unikorea-cn")
        assert (ytd.value.value, str(ytd.as_of), ytd.year, ytd.measure) == (195, "2020-01/2020-09", None,
                                                                            ARRIVALS + "-year-to-date")
        # the provisional column equals the first three quarters other sources give
        assert sum(statistic(f"kr-arrivals-2020-q{n}-ajunews").value.value or 0 for n in (1, 2, 3)) == 195
        assert "provisional" in ytd.note
        # its share of women disagrees with its own counts, and the note says so
        assert "67.2" in statistic("kr-female-share-2020-to-09-unikorea-cn").note
        total = statistic("kr-arrivals-cumulative-2020-09-unikorea-cn")
        assert (total.value.value, str(total.as_of), total.arrivals) == (33718, "2020-09", False)
        assert statistic("kr-arrivals-cumulative-men-2020-09-unikorea-cn").value == nk.Quantity(9427)
        assert statistic("kr-arrivals-cumulative-women-2020-09-unikorea-cn").value == nk.Quantity(24291)
        assert statistic("kr-female-share-cumulative-2020-09-unikorea-cn").value == nk.Quantity(72, EXACT, PCT)

    @pytest.mark.parametrize(("conflict_id", "versions"), [
        ("kr-arrivals-2002-pr2", {1142: 2, 1139: 1}), ("kr-arrivals-2003", {1285: 2, 1281: 2}),
        ("kr-arrivals-2004", {1898: 2, 1894: 1}), ("kr-arrivals-2005-pr2", {1384: 2, 1382: 1}),
        ("kr-arrivals-2006-pr2", {2028: 2, 2018: 1}), ("kr-arrivals-2007-pr2", {2554: 2, 2544: 1}),
        ("kr-arrivals-2008-pr2", {2803: 2, 2809: 1}), ("kr-arrivals-2009-pr2", {2914: 2, 2927: 1}),
        ("kr-arrivals-2010-pr2", {2402: 2, 2423: 1, 2376: 1}), ("kr-arrivals-2012-pr2", {1502: 1, 1508: 1}),
        ("kr-arrivals-2016", {1417: 1, 1418: 2}),
        ("kr-arrivals-by-sex-2003", {474: 1, 811: 1, 468: 1, 813: 1}),
        ("kr-arrivals-women-2015", {1024: 1, 1025: 1}),
        ("kr-arrivals-by-sex-2017", {188: 1, 939: 1, 189: 1, 938: 1}),
    ])
    def test_the_ministry_tables_against_the_press(self, conflict_id: str, versions: dict[int, int]) -> None:
        c = conflict(conflict_id)
        got: dict[int, int] = {}
        for v in c.versions:
            got[statistic(v).value.value or 0] = got.get(statistic(v).value.value or 0, 0) + 1
        assert got == versions
        assert any(statistic(v).subject_from_title for v in c.versions)
        assert any(not statistic(v).subject_from_title for v in c.versions)

    def test_values_keep_their_wording(self) -> None:
        assert statistic("kr-arrivals-2004-reuters").value == nk.Quantity(1900, ALMOST)
        assert statistic("kr-arrivals-2008-grantmontgomery").value == nk.Quantity(2800, MORE)
        assert statistic("kr-arrivals-2022-canindia").value == nk.Quantity(100, FEWER)
        assert statistic("kr-arrivals-2023-kbs").value == nk.Quantity(200, MORE)
        assert statistic("kr-arrivals-cumulative-2008-grantmontgomery").value == nk.Quantity(17000, ALMOST)
        assert statistic("kr-arrivals-cumulative-2007-icg").value == nk.Quantity(10000, ABOUT)

    # -------------------------------------------------------------- 2012 and 2025
    def test_2012_first_count_against_the_ministrys_table_and_the_dong_a_misprint(self) -> None:
        first, final = statistic("kr-arrivals-2012-koreaherald-2013"), statistic("kr-arrivals-2012-unikorea-cn")
        assert (first.value, final.value) == (nk.Quantity(1508), nk.Quantity(1502))
        # where each stands: a sentence of 2 January 2013, and the total row under '12
        assert str(nk.source("koreaherald-2013-01-02").published) == "2013-01-02"
        assert "entered South Korea during 2012" in (nk.source("koreaherald-2013-01-02").quote_for(
            first.evidence[0].anchor) or "")
        row = nk.source("unikorea-cn-defectors").quote_for(final.evidence[0].anchor) or ""
        assert row.startswith("合计(名)") and "2,706 1,502 1,514" in row
        assert "'12" in (nk.source("unikorea-cn-defectors").quote_for(final.evidence[1].anchor) or "")
        assert not first.subject_from_title and final.subject_from_title
        c = conflict("kr-arrivals-2012-pr2")
        assert set(c.versions) == {first.id, final.id}
        assert "provisional" in c.note and "2 January 2013" in c.note
        # the Dong-A Ilbo's 63 disagrees with both
        donga = conflict("kr-arrivals-2012-donga")
        assert set(donga.versions) == {first.id, final.id, "kr-arrivals-2012-donga-2024"}
        printed = statistic("kr-arrivals-2012-donga-2024")
        assert printed.value == nk.Quantity(63)
        assert "2012년, 2022년 입국자 수는 각각 63명" in (nk.source("donga-2024-04-30").quote_for(
            printed.evidence[0].anchor) or "")

    def test_2025_first_announcement_against_the_correction(self) -> None:
        c = conflict("kr-arrivals-2025-corrected")
        assert set(c.versions) == {"kr-arrivals-2025", "kr-arrivals-2025-newsis",
                                   "kr-arrivals-men-2025-newspic", "kr-arrivals-men-2025-newsis"}
        assert statistic("kr-arrivals-men-2025-newspic").value == nk.Quantity(26)
        assert statistic("kr-arrivals-men-2025-newsis").value == nk.Quantity(25)
        assert str(nk.source("newsis-2026-02-04").published) == "2026-02-04"
        men = _by_year(ARRIVALS + "-men")[2025]
        assert {p.value.value for p in men} == {25, 26}
        assert all(p.disputed == ("kr-arrivals-2025-corrected",) for p in men)
        women = _by_year(ARRIVALS + "-women")[2025]
        assert {p.value.value for p in women} == {198} and not any(p.disputed for p in women)
        totals = conflict("kr-arrivals-cumulative-2026-corrected")
        assert {statistic(v).value.value for v in totals.versions} == {34538, 34537, 9594, 9593}

    # ------------------------------------------------------------------- by sex
    @pytest.mark.parametrize(("year", "women", "men"), [
        (2003, {813, 811}, {468, 474}), (2010, {1811}, {591}), (2012, {1098}, {404}), (2015, {1024, 1025}, {251}),
        (2017, {938, 939}, {189, 188}), (2019, {845}, {202}), (2021, {23}, {40}), (2022, {32}, {35}),
        (2023, {164}, {32}), (2024, {210}, {26}), (2025, {198}, {25, 26}),
    ])
    def test_arrivals_by_sex(self, year: int, women: set[int], men: set[int]) -> None:
        assert {p.value.value for p in _by_year(ARRIVALS + "-women")[year]} == women
        assert {p.value.value for p in _by_year(ARRIVALS + "-men")[year]} == men

    def test_by_sex_years(self) -> None:
        # every year from 2002 but 2020 (whose split stands only on pages that cannot be dated)
        years = set(range(2002, 2026)) - {2020}
        assert set(_by_year(ARRIVALS + "-women")) == years
        assert set(_by_year(ARRIVALS + "-men")) == years
        assert "2020" in self.header() and "sbs-N1006178374" in self.header()
        assert statistic("kr-arrivals-women-2015-chosun").value == nk.Quantity(1025)

    def test_quarters_of_2022_by_sex(self) -> None:
        q = {s.id: s.value.value for s in nk.statistics(country="KR") if s.id.startswith("kr-arrivals-2022-q")
             and s.id.endswith("-dailynk-2023")}
        assert [q[f"kr-arrivals-2022-q{n}-dailynk-2023"] for n in range(1, 5)] == [11, 8, 23, 25]
        assert [q[f"kr-arrivals-2022-q{n}-men-dailynk-2023"] for n in range(1, 5)] == [2, 1, 14, 18]
        assert [q[f"kr-arrivals-2022-q{n}-women-dailynk-2023"] for n in range(1, 5)] == [9, 7, 9, 7]
        assert str(statistic("kr-arrivals-2022-q3-dailynk-2023").as_of) == "2022-07/2022-09"

    def test_quarters_of_2020(self) -> None:
        q = [statistic(f"kr-arrivals-2020-q{n}-ajunews").value.value for n in range(1, 5)]
        assert q == [135, 12, 48, 34]
        assert sum(q) == statistic("kr-arrivals-2020-koreaherald-2022").value.value

    # -------------------------------------------------------------- shares of women
    def test_share_of_women_by_year(self) -> None:
        shares = {y: {(p.value.value, p.value.qualifier) for p in ps}
                  for y, ps in _by_year("female-share-of-defectors-in-south-korea").items()}
        press = {2002: {(50, MORE)}, 2010: {(76, EXACT)}, 2012: {(73, MORE)}, 2013: {(75, MORE)},
                 2014: {(78, MORE)}, 2015: {(80, MORE)}, 2017: {(83, EXACT)}}
        table = {y: {(int(float(s)), EXACT if s.endswith(".0") else MORE)} for y, (_, _, _, s) in MINISTRY.items()}
        assert shares == {y: press.get(y, set()) | table.get(y, set()) for y in {*press, *table}}
        # 2010: the table's 75.4 against the ICG's 76, a disagreement, not a rounding
        c = conflict("kr-female-share-2010")
        assert set(c.versions) == {"kr-female-share-2010-unikorea-cn", "kr-female-share-2010-icg"}
        # a decimal share is kept as the bound it meets, and the note keeps the figure
        assert "73.1 percent" in statistic("kr-female-share-2012-henrypatrick").note
        assert all(p.value.unit is PCT for ps in _by_year("female-share-of-defectors-in-south-korea").values()
                   for p in ps)

    def test_shares_of_the_1990s_are_in_dispute_not_in_the_series(self) -> None:
        c = conflict("kr-female-share-1990s")
        assert set(c.versions) == {"kr-female-share-1998-icg", "kr-female-share-to-1999-jnnews",
                                   "kr-female-share-1997-henrypatrick", "kr-female-share-2000-henrypatrick",
                                   "kr-female-share-cumulative-1998-unikorea-cn"}
        # whether 1997's and 2000's shares are of that year's arrivals is not said: no `year`
        assert statistic("kr-female-share-1997-henrypatrick").year is None
        assert statistic("kr-female-share-2000-henrypatrick").year is None

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
        kbs = statistic("kr-arrivals-2023-kbs")
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
        assert sorted(p.value.value or 0 for p in points) == [1275, 1275, 1277]
        assert all(p.disputed == ("kr-arrivals-2015-1275-or-1277",) for p in points)

    def test_consulates_protect_defectors_and_no_more_mass_rescues(self) -> None:
        found = {p.id: p for p in nk.policies("KR")}
        assert found["kr-consulates-protect-defectors-inside"].procedures
        rescues = found["kr-no-more-large-scale-rescues"]
        assert {str(e.happened) for e in rescues.evidence} == {"2004/2005"}

    # From seed 000, the undated explainer "What countries allow North Koreans?":
    def test_south_korea_grants_citizenship(self) -> None:
        (p,) = [p for p in nk.policies("KR") if p.id == "kr-explainer-citizenship"]
        assert nk.Status.CITIZENSHIP in p.grants
        assert nk.Classification.CITIZEN in p.classification

    def test_the_facts_the_vocabulary_cannot_carry_are_context_or_a_note(self) -> None:
        # audit 2026-12: South Korea's appeal and the reasons for leaving are undated context
        # (no field set); "other countries may offer ..." names no country, so only a note
        kb = nk.default_knowledge_base()
        appeal = kb.entry("kr-explainer-most-desirable-destination")
        assert isinstance(appeal, nk.Policy) and appeal.undated
        assert (appeal.admits, appeal.grants, appeal.classification) == (None, (), ())
        reasons = kb.entry("kp-why-people-flee")
        assert isinstance(reasons, nk.Policy) and reasons.repatriates is None
        assert {e.source for e in reasons.evidence} == {"explainer-what-countries-allow", "voa-2002-09-11"}
        assert "may offer permanent residency or refugee status" in nk.source("explainer-what-countries-allow").note

    # From seed 003, Anadolu Agency of 16 August 2023:
    def test_seoul_would_welcome_all_defectors_and_urges_china_to_call_them_refugees(self) -> None:
        p = nk.policy("KR", on=dt.date(2023, 8, 16))
        assert p is not None and p.admits is True
        # Seoul urging Beijing is not Seoul's own classification (fact audit 2026-11)
        assert nk.Classification.REFUGEE not in p.classification
        assert nk.Urging(nk.country("CN"), (nk.Classification.REFUGEE,)) in p.urges

    # From the first collection (public-reports.md sections 4-9):
    def test_south_korea_constitution_and_settlement_act_are_undated_rules(self) -> None:
        territory = statement("KR", "kr-constitution-territory")
        act = statement("KR", "kr-settlement-support-act")
        assert territory.undated and act.undated
        assert territory.basis is act.basis is nk.Basis.RULE
        assert act.admits is True
        # The act's number and 13 January 1997 date are only in the excerpt's one-line
        # summary: the undated entries answer no dated question, and the 1997 Act is a rule of
        # its own from the day it came into force, 14 July 1997.
        for day in (dt.date(1997, 1, 13), dt.date(1997, 7, 13)):
            p = nk.policy("KR", on=day)
            assert p is not None, day
            assert p.id == "kr-supreme-court-1996-nationality+kr-constitution-1987-territory", day
        act_1997 = statement("KR", "kr-1997-defectors-protection-act")
        assert act_1997.basis is nk.Basis.RULE and str(act_1997.valid_from) == "1997-07-14"
        assert act_1997.valid_until is None and act_1997.admits is True
        for day in (dt.date(1997, 7, 14), dt.date(1999, 7, 8), dt.date(2010, 1, 1)):
            p = nk.policy("KR", on=day)
            assert p is not None and "kr-1997-defectors-protection-act" in p.id.split("+"), day
            assert not {"kr-constitution-territory", "kr-settlement-support-act"} & set(
                p.id.split("+")), day

    def test_south_korea_escapees_are_mostly_citizens_in_2014(self) -> None:
        p = nk.policy("KR", on=dt.date(2014, 1, 1))
        assert p is not None and nk.Classification.CITIZEN in p.classification
        assert "most" in p.summary

    def test_hanawon_three_months_against_two_months(self) -> None:
        three = statement("KR", "kr-hanawon-three-months")
        assert three.undated and sources_of(three) == {"wikipedia-hanawon"}
        # WTOP's two short quotes name no facility, people or country: the "two months" side
        # and its conflict are gone
        assert not [p for p in nk.policies("KR") if p.id == "kr-hanawon-two-months"]
        assert not [c for c in nk.conflicts() if c.id == "kr-hanawon-length"]
        (c,) = [c for c in nk.conflicts() if c.id == "kr-hanawon-course-length-pr2"]
        assert set(c.versions) == {three.id, "kr-hanawon-12-week-course"}
        assert nk.source("wtop-cnn-2023-07").url is None  # named in the excerpt, no address
        assert "no entry rests on this source" in nk.source("wtop-cnn-2023-07").note

    def test_arrivals_in_south_korea_as_a_series_with_gaps_and_conflicts(self) -> None:
        # The whole series is pinned in tests/data/countries/test_kr.py; here, the gaps that this
        # collection's unquoted figures leave, and the conflicts gone with their entries.
        points = nk.series("arrivals-in-south-korea", country="KR")
        years = {p.year for p in points}
        assert [p.year for p in points] == sorted(p.year for p in points)
        for gap in (1994, 2000):
            assert gap not in years  # left as gaps: no quoted words say what and where
        # 2015 rests on the ministry's own table (its subject from the page's title) and on the
        # Southeast Asia collection's press totals, whose words name the South
        assert {p.statistic for p in points if p.year == 2015} == {
            "kr-arrivals-2015-unikorea-cn", "kr-arrivals-2015-reuters-hurriyet", "kr-arrivals-2015-dailynkjp"}
        # the first collection's conflicts are gone with the entries they compared
        assert not {"kr-arrivals-2009", "kr-arrivals-2015"} & {c.id for c in nk.conflicts()}

    def test_arrivals_cite_the_shared_sources_for_2000_2003_and_2015_2016(self) -> None:
        by_year: dict[int, list[nk.SeriesPoint]] = {}
        for p in nk.series("arrivals-in-south-korea", country="KR"):
            by_year.setdefault(p.year, []).append(p)
        # the BBC's 2000-2003 figures stand outside its quoted words: 2000 is a gap, and
        # 2001-2003 rest on other sources
        assert 2000 not in by_year
        assert "refworld-2002-06-10" in {e.source for p in by_year[2001] for e in p.evidence}
        assert all(e.source != "bbc-2004-07-28" for ps in by_year.values() for p in ps for e in p.evidence)
        assert "no entry rests on this source" in nk.source("bbc-2004-07-28").note
        # Reuters' 2015/2016 figures and the Korea Herald's 2015 ones do not say what was counted
        # or where: 2015 rests on the ministry's own table and on the third collection's press
        # totals whose words name the South, and 2016 on other sources
        assert {p.statistic for p in by_year[2015]} == {
            "kr-arrivals-2015-unikorea-cn", "kr-arrivals-2015-reuters-hurriyet", "kr-arrivals-2015-dailynkjp"}
        assert not {"timesofoman-reuters-2017-08-01", "koreaherald-2016-06-21", "koreaherald-2018-09-30"} & {
            e.source for p in by_year[2016] for e in p.evidence}
        ids = {s.id for s in nk.statistics()}
        assert not {"kr-arrivals-2015-reuters", "kr-arrivals-2015-koreaherald",
                    "kr-arrivals-2015-koreaherald-2018"} & ids
        assert "it is not used" in nk.source("timesofoman-reuters-2017-08-01").note
        assert "no entry rests on this source" in nk.source("koreaherald-2016-06-21").note

    def test_conflicts_lists_every_disagreement_of_these_sections(self) -> None:
        ids = {c.id for c in nk.conflicts()}
        assert "ru-readmission-signing-date" in ids
        # the audit removed the first collection's arrival and Hanawon conflicts with their
        # entries; the second collection's arrival conflicts stand in their place
        assert not {"kr-arrivals-2009", "kr-arrivals-2015", "kr-hanawon-length"} & ids
        assert {f"kr-arrivals-{year}-pr2" for year in (1998, 2010)} | {"kr-hanawon-course-length-pr2"} <= ids
        # the conflicts whose other versions are the ministry's own table rows, dropped in December
        # 2026 and back under the rule for an authority's own table (subject_from_title)
        assert {f"kr-arrivals-{year}-pr2" for year in (2002, 2005, 2006, 2007, 2008, 2009, 2012)} <= ids

    # From the second collection (public-reports-2.md):
    def test_the_1997_act_is_a_rule_from_14_july_1997(self) -> None:
        act = policy_entry("kr-1997-defectors-protection-act")
        assert act.basis is nk.Basis.RULE
        assert str(act.valid_from) == "1997-07-14" and act.valid_until is None
        assert act.admits is True and act.classification == (nk.Classification.DEFECTOR,)
        assert {"refworld-undated", "koreaherald-2024-02-21", "kbs-2024-05"} <= {e.source for e in act.evidence}
        # passed in December 1996, in force from 14 July 1997 (Korea Herald, KBS)
        assert {"1996-12", "1997-07-14"} <= happened_spans(act)
        assert act.id not in ids_of(nk.policy("KR", on=dt.date(1997, 7, 13)))
        on_the_day = nk.policy("KR", on=dt.date(1997, 7, 14))
        assert act.id in ids_of(on_the_day) and on_the_day is not None and on_the_day.admits is True
        assert support_on(act.id, dt.date(2010, 1, 1)) is nk.Support.RULE

    def test_the_2021_amendment_is_its_own_rule_from_6_july_2021(self) -> None:
        amended = policy_entry("kr-defectors-act-2021-amendment")
        assert amended.basis is nk.Basis.RULE and str(amended.valid_from) == "2021-07-06"
        assert happened_spans(amended) == {"2021-07-06", "2021-01-05"}  # enforcement, Act No. 17821
        assert any("17821" in e.anchor for e in amended.evidence)
        assert amended.admits is None  # settlement support is not in this page's quoted words
        assert amended.id not in ids_of(nk.policy("KR", on=dt.date(2021, 7, 5)))
        both = ids_of(nk.policy("KR", on=dt.date(2021, 7, 6)))
        # the amendment does not end the 1997 Act: both are in force
        assert {"kr-defectors-act-2021-amendment", "kr-1997-defectors-protection-act"} <= set(both)

    def test_south_korea_1997_and_2021_answers_rest_on_the_rules(self) -> None:
        a = nk.can_resettle("KP", None, "KR", on=dt.date(2021, 7, 6))
        supports = {b.entry: b.support for b in a.backing}
        assert supports["kr-defectors-act-2021-amendment"] is nk.Support.RULE
        assert supports["kr-1997-defectors-protection-act"] is nk.Support.RULE

    @pytest.mark.parametrize(("year", "values", "conflict"), [
        (1998, {306, 100}, "kr-arrivals-1998-pr2"),
        (2010, {2376, 2423, 2402}, "kr-arrivals-2010-pr2"),
    ])
    def test_disputed_arrival_years_keep_every_version(self, year: int, values: set[int], conflict: str) -> None:
        points = [p for p in nk.series("arrivals-in-south-korea", country="KR") if p.year == year]
        assert {p.value.value for p in points} == values
        assert all(p.disputed == (conflict,) for p in points)
        (c,) = [c for c in nk.conflicts() if c.id == conflict]
        assert set(c.versions) == {p.statistic for p in points}

    def test_yearly_arrivals_by_source(self) -> None:
        stat = {s.id: s for s in nk.statistics(country="KR", measure="arrivals-in-south-korea")}
        assert stat["kr-arrivals-2007-oananews"].value == nk.Quantity(2544)
        assert stat["kr-arrivals-1998-icg"].value == nk.Quantity(100, nk.Qualifier.FEWER_THAN)
        assert str(stat["kr-arrivals-2011-koreaherald-2013"].as_of) == "2011"
        # Yonhap's 2012 list and AFP's 2019-2020 sentence do not say what was counted or where: no
        # entry rests on them; the ministry's own table rows take their subject from its page title
        assert not [i for i in stat if i.endswith(("-yonhap-2012", "-taipeitimes"))]
        assert stat["kr-arrivals-2005-unikorea"].value == nk.Quantity(1384)
        assert all(stat[i].subject_from_title for i in stat if i.endswith(("-unikorea", "-unikorea-cn")))
        # a yearly count documents that some way to South Korea was used that year; where no
        # named route is documented, the any-route answer rests on it alone
        for year in (1998, 2024):  # (2005 now has a named route: the Vladivostok consulate, between sightings)
            a = nk.can_resettle("KP", None, "KR", on=dt.date(year, 7, 1))
            assert a and {b.entry for b in a.backing} >= {"counted-arrivals.kp.kr"}
            assert str(a.route) == "KP > KR" and a.route.legs[0].channel is nk.Channel.UNKNOWN_ROUTE  # type: ignore[union-attr]

    def test_a_named_route_still_needs_its_passages(self) -> None:
        # counts prove some way was used, never which: KP > RU > KR in 2007 rests on passages
        a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2007, 7, 1))
        assert "counted-arrivals.kp.kr" not in {b.entry for b in a.backing}
