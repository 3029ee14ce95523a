"""Source records themselves: dates as precise as the pages give them, reposts naming their
original, documents and addresses; not a country's facts (those are in ``countries/``)."""

from __future__ import annotations

import datetime as dt

from facts import sources_of

import nkasylum as nk


# From seed 000, the undated explainer "What countries allow North Koreans?":
def test_the_source_is_undated_and_unattributed() -> None:
    s = nk.source("explainer-what-countries-allow")
    assert s.published is None
    assert s.publisher is None
    assert s.kind is nk.SourceKind.UNATTRIBUTED


# From seed 001, NK News via a repost of 16 June 2016:
def test_the_source_is_a_repost_naming_its_original() -> None:
    s = nk.source("nknews-repost-2016-06-16")
    assert s.kind is nk.SourceKind.REPOST
    assert s.original_publisher is not None and "nknews" in s.original_publisher.lower()
    assert str(s.published) == "2016-06-16"  # "Thursday (June 16)" resolved to 2016


# From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
def test_undated_pages_stay_undated_and_month_dates_are_first_days() -> None:
    for sid in ("dailynk-china-repatriates-70", "piie-hazel-smith-dossier", "dailynk-long-road",
                "wikipedia-nk-defectors-in-thailand", "chiangraitimes-illegal-north-koreans",
                "dailynk-laos-crisis", "cambodiadaily-wikileaks-dispatches",
                "semissourian-ap-asylum-seekers", "crossingborders-blog-covid"):
        assert nk.source(sid).published is None, sid
    for sid, month in (("nknews-2023-05-mongolia", "2023-05"),
                       ("econlog-2011-06-escape-to-mongolia", "2011-06"),
                       ("idea-democracy-tracker-2023-10", "2023-10")):
        published = nk.source(sid).published
        assert str(published) == month and published.precision is nk.DatePrecision.MONTH, sid

def test_reposts_name_their_original_publisher() -> None:
    assert nk.source("refworld-rfa-2013-05-28").original_publisher == "Radio Free Asia"
    assert nk.source("japantimes-kyodo-2002-05-09").original_publisher == "Kyodo News"
    for sid in ("refworld-rfa-2013-05-28", "japantimes-kyodo-2002-05-09",
                "mgronline-afp-2008-03-15", "semissourian-ap-asylum-seekers"):
        assert nk.source(sid).kind is nk.SourceKind.REPOST, sid

def test_foreign_mission_sources_point_at_their_document() -> None:
    for sid in ("washingtontimes-2002-09-12", "ap-2002-09-11", "kbs-2004-06-01",
                "dw-2004-02-23", "dw-2004-06-01", "japantimes-2004-12-03"):
        assert nk.source(sid).document == "sources/foreign-missions-2002-2004.md", sid


# From the first collection (public-reports.md sections 4-9):
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
    assert oana.published == kyodo.published == nk.When.day(dt.date(2009, 12, 23))
    assert oana.document != kyodo.document
    assert oana.original_publisher == "Kyodo"
    (unhcr,) = [p for p in nk.passages("RU", "KR", any_date=True) if p.id == "ru-kr-unhcr-moscow"]
    assert {"kyodo-2009-12-23", "oana-kyodo-2009-12-23"} <= sources_of(unhcr)
    # an observation dated by its evidence: no period of its own
    assert unhcr.valid_from is None and unhcr.valid_until is None
    seen = nk.default_knowledge_base().support("ru-kr-unhcr-moscow", on=dt.date(2009, 12, 23))
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


def test_a_collected_page_a_collection_also_excerpts_names_that_record() -> None:
    # A page the project collected for words a collection leaves out is its own source; its
    # note names the collection's record of the same address, which keeps its own words.
    documented = {}
    for s in nk.sources():
        if s.url and not s.collected:
            documented.setdefault(s.url, []).append(s.id)
    shared = [s for s in nk.sources() if s.collected and s.url in documented]
    assert {s.id for s in shared} >= {"nknews-2023-05-mongolia-detains-page", "crikey-2010-10-22-page"}
    for s in shared:
        assert s.document is None and s.quotes
        assert any(record in s.note for record in documented[s.url]), s.id
