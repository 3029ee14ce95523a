"""Further public sources, rest of the world (public-reports.md sections 4-9): Russia, the
United States, Canada, the U.K., Germany, the Netherlands, Australia, Japan, South Korea,
UNHCR and NKDB. What a careful reader of those excerpts expects, and what they leave out."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

NEAR = dt.timedelta(days=30)  # a gap cap that keeps answers to what is seen around the day
FIVE_YEARS = dt.timedelta(days=5 * 365)

D = dt.date


def _stored(country: str, id: str) -> nk.Policy:
    (found,) = [p for p in nk.policies(country) if p.id == id]
    return found


def _stat(id: str) -> nk.Statistic:
    (found,) = [s for s in nk.statistics() if s.id == id]
    return found


def _sources(entry: nk.Policy | nk.Passage | nk.Statistic | nk.Case | nk.Conflict) -> set[str]:
    return {e.source for e in entry.evidence}


# ------------------------------------------------------------------------- sources
def test_every_address_of_sections_4_to_9_is_one_source() -> None:
    by_url = {s.url: s for s in nk.sources() if s.url}
    for url, kind, language in [
        ("https://www.oananews.org/node/96523", nk.SourceKind.REPOST, "en"),
        ("https://www.asyl.net/rsdb/M28781?type=98", nk.SourceKind.LAW_OR_COURT, "de"),
        ("https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:RBDHA:2014:7607",
         nk.SourceKind.LAW_OR_COURT, "nl"),
        ("http://world.kbs.co.kr/service/news_view.htm?Seq_Code=44137&lang=j",
         nk.SourceKind.NEWS_REPORT, "ja"),
        ("http://www.unhcr.org/3e2d81b94.html", nk.SourceKind.OFFICIAL_STATEMENT, "en"),
    ]:
        assert by_url[url].kind is kind and by_url[url].language == language, url


def test_the_oana_copy_of_the_kyodo_article_is_its_own_source() -> None:
    oana, kyodo = nk.source("oana-kyodo-2009-12-23"), nk.source("kyodo-2009-12-23")
    assert str(oana.published) == str(kyodo.published) == "2009-12-23"
    assert oana.published == kyodo.published == nk.When.day(D(2009, 12, 23))
    assert oana.document != kyodo.document
    assert oana.original_publisher == "Kyodo"
    (unhcr,) = [p for p in nk.passages("RU", "KR", any_date=True) if p.id == "ru-kr-unhcr-moscow"]
    assert {"kyodo-2009-12-23", "oana-kyodo-2009-12-23"} <= _sources(unhcr)
    # an observation dated by its evidence: no period of its own
    assert unhcr.valid_from is None and unhcr.valid_until is None
    seen = nk.default_knowledge_base().support("ru-kr-unhcr-moscow", on=D(2009, 12, 23))
    assert seen.support is nk.Support.SEEN and str(seen.sighting) == "2009-12-23"
    # same date: the copy is seen on the same day as the original
    assert {"kyodo-2009-12-23", "oana-kyodo-2009-12-23"} <= {e.source for e in seen.evidence}


def test_month_only_and_undated_pages_are_stored_as_such() -> None:
    assert nk.source("thediplomat-2015-06").published == nk.When.parse("2015-06")
    assert nk.source("thediplomat-2023-07").published == nk.When.parse("2023-07")
    assert str(nk.source("thediplomat-2015-06").published) == "2015-06"
    july_2023 = nk.source("thediplomat-2023-07").published
    assert july_2023 is not None and july_2023.precision is nk.DatePrecision.MONTH
    for undated in ("time-new-malden", "helplinelaw-rok-constitution", "wikipedia-hanawon",
                    "dailynk-unhcr-1052", "kbs-world-ja-44137", "klri-settlement-support-act"):
        assert nk.source(undated).published is None, undated


# -------------------------------------------------------------------------- Russia
def test_russia_2014_deal_deports_within_30_days_but_is_not_a_rule() -> None:
    # The Guardian's quoted words name neither Russia nor North Korea (only the page's
    # address does): the audited data keeps no entry on it.
    assert not [p for p in nk.policies("RU") if "2014-planned" in p.id or "30-day" in p.id]
    assert not [p for p in nk.policies("RU") if any("30 days" in a for a in p.agreements)]
    assert not [e for p in nk.policies("RU") for e in p.evidence
                if e.source == "guardian-2014-11-11"]
    assert "no entry rests on this source" in nk.source("guardian-2014-11-11").note
    # a reported plan does not close the way: 2014 stays undocumented, not blocked (with the
    # gaps of the UNHCR way, 2009 to 2022, capped at five years: uncapped it lies between them)
    a = nk.can_resettle("KP", "RU", "KR", on=D(2014, 11, 11), max_gap=FIVE_YEARS)
    assert a.verdict is nk.Verdict.UNDOCUMENTED


def test_russia_extradition_treaty_of_november_2015() -> None:
    p = _stored("RU", "ru-2015-extradition-treaty")
    # signed in November 2015; entry into force is not documented, so it is an observation
    # seen on the report's day, not a rule from the signing month (audit 2026-12)
    assert p.basis is nk.Basis.OBSERVATION and p.valid_from is None and p.valid_until is None
    assert p.repatriates is True
    assert "November 2015" in p.agreements[0] and "entry into force not documented" in p.agreements[0]
    assert _sources(p) == {"upi-2016-01-29"}
    assert nk.default_knowledge_base().support(p.id, on=D(2016, 1, 29)).support is nk.Support.SEEN


def test_russia_readmission_agreement_due_2_february_reported_signed_4_february() -> None:
    p = _stored("RU", "ru-readmission-agreement-2016")
    # "signed" and 4 February came from the page's address and date: not a rule
    assert p.basis is nk.Basis.OBSERVATION
    assert p.valid_from is None and p.valid_until is None  # dated by its evidence
    assert p.repatriates is True
    assert {"upi-2016-01-29", "moscowtimes-2016-02-04"} <= _sources(p)
    assert any(e.anchor == "the agreement is to be signed on Feb. 2" for e in p.evidence)
    kb = nk.default_knowledge_base()
    assert kb.support(p.id, on=D(2016, 1, 29)).support is nk.Support.SEEN
    assert kb.support(p.id, on=D(2016, 2, 4)).support is nk.Support.SEEN
    # the next day lies between its sightings and the seed's (June 2016): a value's series
    assert kb.support(p.id, on=D(2016, 2, 5)).support is nk.Support.BETWEEN_SIGHTINGS
    assert kb.support(p.id, on=D(2016, 2, 5), max_gap=NEAR).support is nk.Support.LAST_KNOWN
    # the seed entry is an observation seen on the repost's day, not a rule from 2015
    seed = _stored("RU", "ru-readmission-agreement")
    assert seed.basis is nk.Basis.OBSERVATION and seed.valid_from is None
    assert kb.support(seed.id, on=D(2016, 6, 16)).support is nk.Support.SEEN
    assert kb.support(seed.id, on=D(2015, 11, 1)).support is nk.Support.NOTHING


def test_the_signing_date_is_a_conflict_with_the_seed() -> None:
    (c,) = [c for c in nk.conflicts() if c.id == "ru-readmission-signing-date"]
    assert set(c.versions) == {"ru-readmission-agreement", "ru-readmission-agreement-2016"}
    # The Moscow Times' 4 February is its publication date, not a version of the signing
    assert _sources(c) == {"nknews-repost-2016-06-16", "upi-2016-01-29"}


@pytest.mark.parametrize("day", [D(2016, 2, 4), D(2016, 6, 16)])
def test_russia_in_2016_is_blocked_and_says_disputed_on_the_reports_days(day: dt.date) -> None:
    # uncapped, the UNHCR way (2009 and late 2022) lies between sightings, beside the block
    assert nk.can_resettle("KP", "RU", "KR", on=day).verdict is nk.Verdict.DOCUMENTED
    a = nk.can_resettle("KP", "RU", "KR", on=day, max_gap=FIVE_YEARS)
    assert a.verdict is nk.Verdict.BLOCKED
    # the third collection's dates of the signing (2 or 3 February 2016) are disputed too
    assert set(a.disputed) == {"ru-readmission-signing-date", "ru-readmission-signing-day-2016"}
    assert any(line.startswith("Disputed:") and "ru-readmission-signing-date" in line
               for line in a.explanation)


@pytest.mark.parametrize("day", [D(2016, 2, 5), D(2016, 3, 1), D(2018, 1, 1)])
def test_after_february_2016_the_extradition_treaty_is_only_last_known(day: dt.date) -> None:
    # an observation seen on 29 January 2016, not a rule in force from its signing month
    backing = nk.default_knowledge_base().support("ru-2015-extradition-treaty", on=day)
    assert backing.support is nk.Support.LAST_KNOWN
    # with sightings bridged only within a month (uncapped, the readmission statements of
    # January, February and June 2016 form one series)
    a = nk.can_resettle("KP", "RU", "KR", on=day, max_gap=NEAR)
    # neither of the seed's readmission versions is seen on these days, so its conflict is
    # not raised (the third collection's versions, dated 2 and 3 February 2016, may be)
    assert "ru-readmission-signing-date" not in a.disputed
    assert not any(line.startswith("Disputed:") and "ru-readmission-signing-date" in line
                   for line in a.explanation)
    assert "moscowtimes-2016-02-04" not in {e.source for e in a.evidence}


def test_no_2015_applicant_in_russia_was_protected() -> None:
    # The activist's 2015 counts do not say to which country people applied (Russia is
    # only in the address): no 2015 statistic and no 2015 "no one protected" entry.
    ids = {s.id for s in nk.statistics()}
    assert not {"ru-refugee-status-applications-2015", "ru-temporary-asylum-applications-2015",
                "ru-protection-granted-2015-applicants"} & ids
    assert not [s for s in nk.statistics(country="RU") if s.year == 2015]
    assert "no entry rests on this source" in nk.source("refugee-ru-2016-03-22").note
    p = nk.policy("RU", on=D(2015, 6, 1), max_gap=NEAR)  # uncapped, other statements' series join
    assert p is not None and p.id == "ru-2011-2019-one-grant-among-207-applicants"
    assert p.grants == ()
    # the 2015 labourer figure in the excerpt's summary is not quoted: not stored
    assert all(s.value.value != 33000 for s in nk.statistics(country="RU"))


# ------------------------------------------------------------------- United States
def test_us_north_korean_human_rights_act_of_2004() -> None:
    p = _stored("US", "us-nkhra-2004")
    assert p.basis is nk.Basis.RULE and str(p.valid_from) == "2004"  # year only
    assert p.valid_from == nk.When.year(2004) and p.valid_until is None
    assert {"govinfo-statute-118-1287", "yonhap-2020-01-07"} <= _sources(p)
    assert nk.policy("US", on=D(2003, 12, 31)) is None
    day_one = nk.policy("US", on=D(2004, 1, 1))
    assert day_one is not None and day_one.id == "us-nkhra-2004"


def test_us_code_7842_a_dprk_national_is_not_an_rok_national() -> None:
    p = _stored("US", "us-22-usc-7842")
    assert p.undated  # the quoted clause carries no date
    assert nk.Classification.DUAL_NATIONAL not in p.classification
    assert any("not be considered a national of the Republic of Korea" in e.anchor
               for e in p.evidence)


def test_us_admissions_only_the_years_the_quotes_give() -> None:
    # Yonhap's quoted words of January 2020 give 2006 only (public-reports-3-resettlement.md
    # adds other sources' years to the same series)
    points = [p for p in nk.series("us-refugee-admissions", country="US")
              if {e.source for e in p.evidence} == {"yonhap-2020-01-07"}]
    assert [(p.year, p.value) for p in points] == [(2006, nk.Quantity(9))]
    # the 2008 peak (38 or 37) and "none in 2019" are in the excerpt's summary or in an
    # unaddressed bracket only: left as gaps, not zeros
    assert all(p.year not in (2008, 2019) for p in points)
    assert not [p for p in nk.series("us-refugee-admissions", country="US") if p.year == 2019]
    total = _stat("us-refugee-admissions-total-2020-01")
    assert total.value == nk.Quantity(218) and total.as_of == nk.When.day(D(2020, 1, 7))


def test_gao_238_cases_opened_94_arrived() -> None:
    opened = _stat("us-refugee-cases-opened-2004-2010")
    arrived = _stat("us-refugee-arrivals-2004-2010")
    assert opened.value == nk.Quantity(238, nk.Qualifier.EXACT, nk.Unit.CASES)
    assert arrived.value == nk.Quantity(94)
    # the GAO counts run from October 2004: cases to March 2010, arrivals to 24 June 2010
    assert str(opened.as_of) == "2004-10/2010-03"
    assert str(arrived.as_of) == "2004-10/2010-06-24"
    assert _sources(opened) == {"gao-10-691-justia"}


@pytest.mark.parametrize("day", [D(2006, 6, 1), D(2010, 3, 31), D(2020, 1, 7)])
def test_us_admits_on_the_documents_dates_but_no_route_is_documented(day: dt.date) -> None:
    p = nk.policy("US", on=day)
    assert p is not None and p.admits is True
    # No passage from North Korea to the U.S. is documented; the yearly counts of arrivals
    # (public-reports-3-resettlement.md) document that some way was used, route unknown.
    assert not nk.passages("KP", "US", any_date=True)


def test_us_admissions_after_the_january_2020_report_are_not_assumed() -> None:
    # Later reports (public-reports-3-resettlement.md) saw admissions up to November 2021;
    # after that last sighting nothing is assumed.
    later = nk.policy("US", on=D(2021, 12, 1))
    assert later is not None and later.id == "us-nkhra-2004"  # the Act, with no admits flag
    assert later.admits is None


# -------------------------------------------------------------------------- Canada
def test_canada_acceptance_over_half_peaking_at_72_percent_in_2010() -> None:
    # The Korea Herald's quoted sentence names no country (only the collector files it
    # under Canada): neither the "over half" nor the 72% of 2010 is stored.
    ids = {s.id for s in nk.statistics()}
    assert not {"ca-claim-acceptance-rate-to-2014", "ca-claim-acceptance-rate-2010"} & ids
    # (RFA and Yonhap give 72% for 2010 with Canada named: public-reports-3-resettlement.md)
    herald = "koreaherald-yonhap-2014-03-14"
    assert not [s for s in nk.statistics() if s.value.value == 72
                and s.value.unit is nk.Unit.PERCENT and herald in _sources(s)]
    (only,) = [p for p in nk.series("refugee-claim-acceptance-rate", country="CA")
               if p.statistic == "ca-claim-acceptance-rate-2012-davidmckie"]
    assert (only.year, only.value) == (2012, nk.Quantity(79, nk.Qualifier.EXACT, nk.Unit.PERCENT))
    assert _sources(_stat("ca-claim-acceptance-rate-2012-davidmckie")) != {herald}
    assert "no entry rests on this source" in nk.source(herald).note
    assert not [p for p in nk.policies("CA") if herald in _sources(p)]
    assert not [p for p in nk.policies("CA") if p.id == "ca-2010-2014-claims-accepted"]


def test_canada_deported_242_escapees_since_2018_and_512_in_process() -> None:
    # the South Korean citizenship was only in the page's address: ids renamed, not claimed
    assert not {"ca-deported-rok-citizens-2018-2022"} & {s.id for s in nk.statistics()}
    deported = _stat("ca-deported-2018-2022")
    assert deported.value == nk.Quantity(242) and str(deported.as_of) == "2018/2022-10-18"
    in_process = _stat("ca-deportations-in-process-2022")
    assert in_process.value == nk.Quantity(512) and str(in_process.as_of) == "2022-10-18"
    assert not [p for p in nk.policies("CA") if p.id == "ca-2018-2022-deportation-of-rok-citizens"]
    p = nk.policy("CA", on=D(2022, 10, 18))
    assert p is not None and "ca-2018-2022-deportations" in p.id.split("+")
    assert "North Korean escapees" in p.summary and "South Korean citizenship" not in p.summary
    assert p.repatriates is None and p.admits is None  # where they went is not quoted
    a = nk.can_resettle("KP", None, "CA", on=D(2022, 10, 18))
    assert a.verdict is nk.Verdict.UNDOCUMENTED


# ------------------------------------------------------------------ United Kingdom
def test_uk_fingerprints_checked_against_south_koreas_citizenship_database() -> None:
    p = nk.policy("GB", on=D(2008, 9, 29))
    assert p is not None
    assert any("citizenship database" in x for x in p.procedures)
    # (the grants of 2005-2009 in public-reports-3-resettlement.md cover the day before)
    before = nk.policy("GB", on=D(2008, 9, 28))
    assert before is None or "gb-2008-fingerprint-checks" not in before.id.split("+")
    assert nk.can_resettle("KP", None, "GB", on=D(2008, 9, 29)).verdict is nk.Verdict.UNDOCUMENTED


def test_uk_902_applications_without_an_invented_period() -> None:
    # The quoted words name neither the receiving country nor the period: the newsflash.one
    # figures are not stored at all (the U.K. and 2003-2016 were the collector's).
    assert not [s for s in nk.statistics() if "newsflash" in s.id]
    assert not {902, 408, 413, 77} & {s.value.value for s in nk.statistics(country="GB")}
    assert "no entry rests on this source" in nk.source("newsflash-one-2018-03-22").note
    # the UNHCR-based figures are the collector's paraphrase, not a quote
    assert not {544, 505} & {s.value.value for s in nk.statistics(country="GB")}
    # (the readmission agreement of 2011, public-reports-3-resettlement.md, is in force then)
    on_the_day = nk.policy("GB", on=D(2018, 3, 22))
    assert on_the_day is None or not any(e.source == "newsflash-one-2018-03-22" for e in on_the_day.evidence)


def test_uk_2013_rejections_only_as_far_as_the_quote_goes() -> None:
    by_measure = {s.measure: s.value for s in nk.statistics(country="GB") if s.year == 2013}
    assert by_measure == {
        "asylum-applications": nk.Quantity(40, unit=nk.Unit.APPLICATIONS),
        "asylum-applications-refused": nk.Quantity(30, unit=nk.Unit.APPLICATIONS),
    }  # no "accepted" figure: the other ten are not said to have been accepted


def test_new_malden_about_1000_at_an_undated_peak() -> None:
    s = _stat("gb-new-malden-residents-peak")
    assert s.area == "New Malden" and s.as_of is None
    assert s.value == nk.Quantity(1000, nk.Qualifier.ABOUT)


# ------------------------------------------------------------------------- Germany
def test_germany_2005_all_north_koreans_are_dual_nationals() -> None:
    p = nk.policy("DE", on=D(2005, 7, 18), max_gap=NEAR)  # uncapped, other grants' series join
    assert p is not None and nk.Classification.DUAL_NATIONAL in p.classification
    # with the court's entry, the statements that see Germany admitting that day (the
    # 1995-2005 grants, the BAMF's grants since 2002, UNHCR's counts of refugees there)
    # and the asylum procedure with appeal to the courts, seen 1996-2020
    assert p.id == ("de-2005-vgh-all-dual-nationals+de-nk-refugees-living-there-2004-2019"
                    "+de-2002-2009-asylum-bamf-voa+de-asylum-claims-and-courts-1996-2020"
                    "+de-1995-2005-refugee-status")
    # the court's entry admits nothing ("no protection in Germany" is the collector's
    # reading); the day's answer admits only through the 1995-2005 grants
    vgh = _stored("DE", "de-2005-vgh-all-dual-nationals")
    assert vgh.admits is None and p.admits is True
    assert _stored("DE", "de-1995-2005-refugee-status").admits is True
    before = nk.policy("DE", on=D(2005, 7, 17), max_gap=NEAR)
    assert before is not None and "de-2005-vgh-all-dual-nationals" not in before.id
    assert "de-1995-2005-refugee-status" in before.id.split("+")
    assert nk.Classification.DUAL_NATIONAL not in before.classification
    (ev,) = vgh.evidence
    assert ev.anchor.startswith("Alle Nordkoreaner")  # left in German
    assert nk.can_resettle("KP", None, "DE", on=D(2005, 7, 18)).verdict is nk.Verdict.UNDOCUMENTED


def test_germany_2020_exception_for_a_life_centred_in_a_third_country() -> None:
    before = nk.policy("DE", on=D(2020, 8, 2), max_gap=NEAR)
    after = nk.policy("DE", on=D(2020, 8, 3))
    assert before is None  # nothing of Germany's is seen within a month before
    assert after is not None and any("third country" in x for x in after.exceptions)
    assert nk.source("asylnet-vg-freiburg-2020-08-03").language == "de"


# --------------------------------------------------------------------- Netherlands
def test_netherlands_south_korea_raised_only_from_1_january_2013() -> None:
    # the years before are documented only between sightings of other values
    assert nk.policy("NL", on=D(2012, 12, 31), max_gap=NEAR) is None
    # (an MP's questions of 2013, public-reports-3-resettlement.md, date the same change)
    p = nk.policy("NL", on=D(2013, 1, 1))
    assert p is not None and "nl-2013-south-korea-as-protection-alternative" in p.id.split("+")
    assert any("beschermingsalternatief" in e.anchor for e in p.evidence)
    later = nk.policy("NL", on=D(2014, 6, 6))
    assert later is not None and "nl-2013-south-korea-as-protection-alternative" in later.id.split("+")
    assert nk.can_resettle("KP", None, "NL", on=D(2014, 6, 6)).verdict is nk.Verdict.UNDOCUMENTED


# ----------------------------------------------------------------------- Australia
def test_australia_rrt_refused_because_in_theory_a_south_korean_citizen() -> None:
    # Crikey's quoted words name neither Australia nor the applicant's nationality (only
    # the address does): no policy, no case, and only an undated explainer is left.
    assert nk.policy("AU", on=D(2010, 10, 22)) is None
    assert nk.cases(country="AU", outcome="rejected") == ()
    assert not [c for c in nk.cases() if c.id == "au-rrt-protection-visa-refused-2010"]
    # (later sources of public-reports-3-resettlement.md add Australian policies, none from Crikey)
    assert not [p for p in nk.policies("AU") if "crikey-2010-10-22" in {e.source for e in p.evidence}]
    assert "au-explainer-small-number" in {p.id for p in nk.policies("AU")}
    dual = [p for p in nk.policies("AU") if nk.Classification.DUAL_NATIONAL in p.classification]
    assert all(e.source == "visabureau-2012-10-31" for p in dual for e in p.evidence)
    assert "no entry rests on this source" in nk.source("crikey-2010-10-22").note
    a = nk.can_resettle("KP", None, "AU", on=D(2010, 10, 22))
    assert a.verdict is nk.Verdict.UNDOCUMENTED


# --------------------------------------------------------------------------- Japan
def test_japan_about_150_defectors_settled_by_2007() -> None:
    s = _stat("jp-defectors-settled-2007")
    assert s.value == nk.Quantity(150, nk.Qualifier.ABOUT) and str(s.as_of) == "2007-12-02"
    p = nk.policy("JP", on=D(2007, 12, 2))
    assert p is not None and p.admits is True
    assert "jp-2007-defectors-settled" in p.id.split("+")
    # the 1959-84 emigration figure of this excerpt is only in its summary; the one stored
    # comes from the second collection's quoted words
    (returnees,) = [s for s in nk.statistics() if s.value.value == 93340]
    assert returnees.id == "jp-returnee-programme-1959-1984"
    assert str(returnees.as_of) == "1959/1984" and _sources(returnees) == {"apjjf-undated"}


def test_japan_admits_returnees_but_not_other_north_koreans_undated() -> None:
    last = nk.policy_timeline("JP")[-1]
    # the undated entries are merged: the humanitarian acceptance in principle admits,
    # the returnees-only page does not, and nothing orders two undated pages, so the
    # merged policy does not say
    assert last.id == "jp-humanitarian-acceptance-in-principle+jp-returnees-only"
    assert last.undated and last.admits is None
    assert {p.admits for p in nk.policies("JP") if p.undated} == {True, False}
    returnees = _stored("JP", "jp-returnees-only")
    assert returnees.undated and returnees.admits is False
    assert any("return programme" in x for x in returnees.exceptions)
    assert returnees.exceptions == last.exceptions
    # The page is undated, so no dated question is answered by it: a route ending in
    # Japan is undocumented, neither documented for returnees nor blocked for the rest.
    for day in (D(2007, 12, 2), D(2009, 12, 23), D(2024, 1, 1)):
        a = nk.can_resettle("KP", None, "JP", on=day)
        assert a.verdict is nk.Verdict.UNDOCUMENTED, day
        assert "flipbuilder-trilateral-ch8" not in {e.source for e in a.evidence}
    # the dated answer comes only from dated entries, none of them the undated page
    on_day = nk.policy("JP", on=D(2009, 12, 23))
    # (the 2015 statement's values are seen before 2009 by others: between sightings then)
    assert on_day is not None and on_day.id.split("+")[-3:] == [
        "jp-lets-asylum-seekers-go-to-south-korea", "jp-2006-north-korean-human-rights-law",
        "jp-admits-defectors-with-japan-ties"]
    assert "flipbuilder-trilateral-ch8" not in _sources(on_day)


# --------------------------------------------------------------------- South Korea
def test_south_korea_constitution_and_settlement_act_are_undated_rules() -> None:
    territory = _stored("KR", "kr-constitution-territory")
    act = _stored("KR", "kr-settlement-support-act")
    assert territory.undated and act.undated
    assert territory.basis is act.basis is nk.Basis.RULE
    assert act.admits is True
    # The act's number and 13 January 1997 date are only in the excerpt's one-line
    # summary: the undated entries answer no dated question, and the 1997 Act is a rule of
    # its own from the day it came into force, 14 July 1997.
    for day in (D(1997, 1, 13), D(1997, 7, 13)):
        p = nk.policy("KR", on=day)
        assert p is not None, day
        assert p.id == "kr-supreme-court-1996-nationality+kr-constitution-1987-territory", day
    act_1997 = _stored("KR", "kr-1997-defectors-protection-act")
    assert act_1997.basis is nk.Basis.RULE and str(act_1997.valid_from) == "1997-07-14"
    assert act_1997.valid_until is None and act_1997.admits is True
    for day in (D(1997, 7, 14), D(1999, 7, 8), D(2010, 1, 1)):
        p = nk.policy("KR", on=day)
        assert p is not None and "kr-1997-defectors-protection-act" in p.id.split("+"), day
        assert not {"kr-constitution-territory", "kr-settlement-support-act"} & set(
            p.id.split("+")), day


def test_south_korea_escapees_are_mostly_citizens_in_2014() -> None:
    p = nk.policy("KR", on=D(2014, 1, 1))
    assert p is not None and nk.Classification.CITIZEN in p.classification
    assert "most" in p.summary


def test_hanawon_three_months_against_two_months() -> None:
    three = _stored("KR", "kr-hanawon-three-months")
    assert three.undated and _sources(three) == {"wikipedia-hanawon"}
    # WTOP's two short quotes name no facility, people or country: the "two months" side
    # and its conflict are gone
    assert not [p for p in nk.policies("KR") if p.id == "kr-hanawon-two-months"]
    assert not [c for c in nk.conflicts() if c.id == "kr-hanawon-length"]
    (c,) = [c for c in nk.conflicts() if c.id == "kr-hanawon-course-length-pr2"]
    assert set(c.versions) == {three.id, "kr-hanawon-12-week-course"}
    assert nk.source("wtop-cnn-2023-07").url is None  # named in the excerpt, no address
    assert "no entry rests on this source" in nk.source("wtop-cnn-2023-07").note


def test_arrivals_in_south_korea_as_a_series_with_gaps_and_conflicts() -> None:
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


def test_arrivals_cite_the_shared_sources_for_2000_2003_and_2015_2016() -> None:
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


# --------------------------------------------------------------------------- UNHCR
def test_unhcr_2003_appeal_to_china() -> None:
    p = nk.policy("international", on=D(2003, 1, 21))
    assert p is not None and p.id == "international-unhcr-2003-call-on-china"
    assert _sources(p) == {"unhcr-2003-01-21"}
    assert p.country is nk.INTERNATIONAL


def test_persons_of_concern_2004_is_second_hand() -> None:
    p = nk.policy("international", on=D(2004, 6, 1))
    assert p is not None and _sources(p) == {"hrnk-2020-07-21"}
    assert nk.source("hrnk-2020-07-21").kind is nk.SourceKind.BLOG_OR_NGO


def test_refugees_sur_place_attributed_to_the_cecc_and_the_coi() -> None:
    cecc = nk.policy("international", on=D(2006, 10, 3))
    coi = nk.policy("international", on=D(2023, 7, 1))
    assert cecc is not None and coi is not None
    assert _sources(cecc) == {"cecc-2006-10-03"} and "CECC" in cecc.summary
    # the COI finding is seen on the Diplomat's date alongside Resolution 2397's deadline
    assert set(coi.id.split("+")) == {"international-coi-refugees-sur-place",
                                      "international-unsc-2397-worker-repatriation"}
    assert _sources(coi) == {"thediplomat-2023-07", "nknews-2018-02"} and "COI" in coi.summary
    assert _sources(_stored("international", "international-coi-refugees-sur-place")) == {
        "thediplomat-2023-07"}
    for p in (cecc, coi):
        assert nk.Classification.REFUGEE in p.classification
    # no UNHCR-authored sur-place statement was found: neither is put in UNHCR's mouth
    assert "not a UNHCR statement" in cecc.summary and "UNHCR" not in coi.summary


def test_unhcr_record_of_1052_and_the_japanese_country_split() -> None:
    # UNHCR as the recorder stands only in the address and the summary: measure renamed
    (world,) = nk.statistics(country="international", measure="refugees-on-record-worldwide")
    assert world.id == "international-nk-refugees-on-record"
    assert world.value == nk.Quantity(1052) and world.as_of is None  # "2011" is not quoted
    assert _sources(world) == {"dailynk-unhcr-1052"}
    assert "UNHCR" not in world.description
    assert all(s.value.value != 1052 for s in
               nk.statistics(country="international", measure="unhcr-recorded-refugees"))
    # KBS World's Japanese split stands outside the quoted words: not stored; the split
    # left comes from other sources
    # (public-reports-3-resettlement.md adds other sources' country figures to the measure)
    earlier = {"news-undated", "kbs-2006-03-09"}
    split = {s.place.alpha_2: s.value.value
             for s in nk.statistics(measure="nk-refugees-by-host-country")
             if isinstance(s.place, nk.Country) and _sources(s) <= earlier}
    assert split == {"CA": 478, "DE": 276, "GB": 81, "NL": 46, "RU": 57}
    assert not [s for s in nk.statistics(measure="nk-refugees-by-host-country")
                if _sources(s) & earlier and not _sources(s) <= earlier]
    assert "no entry rests on this source" in nk.source("kbs-world-ja-44137").note


# ---------------------------------------------------------------------------- NKDB
def test_nkdb_8148_cases_and_98_percent_then_over_8000_in_december() -> None:
    august, december = nk.statistics(country="KP", measure="repatriations-reported-by-nkdb")
    assert august.value == nk.Quantity(8148, nk.Qualifier.EXACT, nk.Unit.CASES)
    assert december.value == nk.Quantity(8000, nk.Qualifier.MORE_THAN)
    assert (str(august.as_of), str(december.as_of)) == ("2023-08-16", "2023-12-11")
    assert august.as_of == nk.When.day(D(2023, 8, 16))
    shares = nk.statistics(country="CN", measure="share-of-repatriations-reported-by-nkdb")
    assert [s.value for s in shares] == [nk.Quantity(98, unit=nk.Unit.PERCENT)] * 2


# ----------------------------------------------------------------------- conflicts
def test_conflicts_lists_every_disagreement_of_these_sections() -> None:
    ids = {c.id for c in nk.conflicts()}
    assert "ru-readmission-signing-date" in ids
    # the audit removed the first collection's arrival and Hanawon conflicts with their
    # entries; the second collection's arrival conflicts stand in their place
    assert not {"kr-arrivals-2009", "kr-arrivals-2015", "kr-hanawon-length"} & ids
    assert {f"kr-arrivals-{year}-pr2" for year in (1998, 2010)} | {"kr-hanawon-course-length-pr2"} <= ids
    # the conflicts whose other versions are the ministry's own table rows, dropped in December
    # 2026 and back under the rule for an authority's own table (subject_from_title)
    assert {f"kr-arrivals-{year}-pr2" for year in (2002, 2005, 2006, 2007, 2008, 2009, 2012)} <= ids
