"""The bundled data: every anchor verbatim in its document, references whole, dates sane,
no note copied from a source."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import nkasylum as nk
from nkasylum.core.text import prose_key
from nkasylum.io.anchors import check_anchors


def _entries(kb: nk.KnowledgeBase) -> list[nk.knowledge.Entry]:
    return [*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics,
            *kb.all_conflicts]


def test_every_anchor_stands_verbatim_in_its_document(kb: nk.KnowledgeBase, documents: Path) -> None:
    problems = check_anchors(kb, documents)
    assert problems == (), "\n".join(f"{p.entry} {p.field}: {p.message}" for p in problems)


def test_every_source_document_exists(kb: nk.KnowledgeBase, documents: Path) -> None:
    missing = [s.id for s in kb.sources() if not (documents / s.document).is_file()]
    assert missing == []


def test_the_anchor_check_can_fail(kb: nk.KnowledgeBase, documents: Path) -> None:
    bad = kb.all_cases[0]
    wrong = nk.Evidence(bad.evidence[0].source, "words that stand in no document", "x")
    changed = kb.with_case(__import__("attrs").evolve(bad, evidence=(wrong,)))
    problems = check_anchors(changed, documents)
    assert len(problems) == 1
    assert "words that stand in no document" in problems[0].message


# Sources kept on record that no entry cites: after the November 2026 audit, their quoted
# words do not carry the fact the collector filed them under (a country, the people, a
# date), so nothing rests on them; each note says why. Pinned so that a source that loses
# its last citing entry shows up in review.
UNCITED = {
    "aseannow-undated", "bailii-undated", "bbc-2004-07-28", "chiangraitimes-illegal-north-koreans",
    "chicagotribune-2004-10-28", "crikey-2010-10-22", "dailynk-laos-crisis", "dw-2004-06-01",
    "econlog-2011-06-escape-to-mongolia", "grantmontgomery-2010-08-13", "guardian-2014-11-11",
    "japantimes-kyodo-2002-05-09", "kbs-world-2022-04-15", "kbs-world-ja-44137",
    "koreaherald-yonhap-2014-03-14", "koreajoongangdaily-2019-04-04", "mdsite-2021-08-10",
    "newsflash-one-2018-03-22", "nknews-2023-05-mongolia", "ohchr-undated",
    "piie-hazel-smith-dossier", "refugee-ru-2016-03-22", "reuters-undated", "rfa-undated",
    "scmp-undated", "semissourian-ap-asylum-seekers", "taiwannewsgazette-yonhap",
    "thenewsontime-yonhap", "thestar-2013-12-15", "wtop-cnn-2023-07",
}


def test_every_entry_has_evidence_and_every_source_is_cited_or_says_why_not(kb: nk.KnowledgeBase) -> None:
    cited = set()
    for entry in _entries(kb):
        assert entry.evidence, entry.id
        cited.update(e.source for e in entry.evidence)
    uncited = {s.id for s in kb.sources()} - cited
    assert uncited == UNCITED
    for sid in sorted(uncited):
        note = kb.source(sid).note
        # what the quoted words lack, where they stand, or which copy is cited instead
        assert any(k in note.lower() for k in ("quote", "not cited", "no entry", "cited instead")), (sid, note)


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n", prose_key(text))
    return [p.strip(" \"'") for p in parts if len(p.split()) >= 6]


def _project_texts(entry: object) -> list[str]:
    texts = [getattr(entry, name, "") or "" for name in
             ("summary", "title", "description", "subject", "note")]
    texts += list(getattr(entry, "conditions", ())) + list(getattr(entry, "exceptions", ()))
    texts += list(getattr(entry, "inconsistencies", ()))
    texts += [e.note for e in getattr(entry, "evidence", ())]
    return [prose_key(t).lower() for t in texts if t]


def test_no_project_text_copies_a_source_sentence(kb: nk.KnowledgeBase, documents: Path) -> None:
    sentences = {s.id: [x.lower() for x in _sentences((documents / s.document).read_text("utf-8"))]
                 for s in kb.sources()}
    copied = []
    for entry in _entries(kb):
        for ev in entry.evidence:
            for text in _project_texts(entry):
                copied += [(entry.id, s) for s in sentences[ev.source] if s in text]
    assert copied == []


def test_anchors_are_3_to_12_words(kb: nk.KnowledgeBase) -> None:
    from nkasylum.core.text import word_count

    for entry in _entries(kb):
        for ev in entry.evidence:
            assert 3 <= word_count(ev.anchor) <= 12, (entry.id, ev.anchor)


def _newest(kb: nk.KnowledgeBase, entry: object) -> dt.date | None:
    """The last day on which any source of ``entry`` can have reported (None: all undated)."""
    dates = [kb.source(e.source).published for e in entry.evidence]  # type: ignore[attr-defined]
    known = [d.end for d in dates if d is not None]
    return max(known) if known else None


def _updated_later(kb: nk.KnowledgeBase, entry: object) -> bool:
    """A source whose note records that the stored page was updated after its date (one
    Refworld page: a decision of June 2016 and its designation as a guide in December)."""
    return any("updated after its `published` date" in kb.source(e.source).note
               for e in entry.evidence)  # type: ignore[attr-defined]


def test_nothing_is_dated_after_the_sources_that_report_it(kb: nk.KnowledgeBase) -> None:
    # An EDTF span may only start by the time its latest report could have been written.
    for c in kb.all_cases:
        newest = _newest(kb, c)
        if c.date and newest:
            assert c.date.start <= newest, c.id
    for s in kb.all_statistics:
        newest = _newest(kb, s)
        if s.as_of and newest:
            assert s.as_of.start <= newest, s.id
    for p in (*kb.all_policies, *kb.all_passages):
        newest = _newest(kb, p)
        if p.valid_from and newest:
            assert p.valid_from.start <= newest or _updated_later(kb, p), p.id
    # and each piece of evidence reports nothing that had not yet happened
    for entry in _entries(kb):
        for ev in entry.evidence:
            published = kb.source(ev.source).published
            if ev.happened is not None and published is not None:
                assert ev.happened.start <= published.end, (entry.id, ev.source, str(ev.happened))
    exceptions = {p.id for p in (*kb.all_policies, *kb.all_passages)
                  if p.valid_from and _newest(kb, p) and p.valid_from.start > _newest(kb, p)}  # type: ignore[operator]
    assert exceptions == {"ca-2016-12-jurisprudential-guide"}


def test_observations_in_data_have_no_dates_of_their_own(kb: nk.KnowledgeBase) -> None:
    # v2: an observation is dated by its evidence; only rules carry valid_from/valid_until.
    for p in (*kb.all_policies, *kb.all_passages):
        if p.basis is nk.Basis.OBSERVATION:
            assert (p.valid_from, p.valid_until) == (None, None), p.id
        elif not p.undated:
            assert p.valid_from is not None and p.valid_from.lower is not None, p.id


def test_a_dated_statement_is_dated_by_its_words_or_a_dated_report(kb: nk.KnowledgeBase) -> None:
    # An undated page may back a dated observation only where its quoted words give the
    # date (happened); a statement nothing dates must say it is undated.
    for p in (*kb.all_policies, *kb.all_passages):
        if p.undated or p.basis is nk.Basis.RULE:
            continue
        dated = [e for e in p.evidence
                 if (e.happened is not None and e.happened.lower is not None)
                 or kb.source(e.source).published is not None]
        assert dated, f"{p.id} is dated but neither its quoted words nor its sources date it"


def test_year_only_words_stay_years() -> None:
    # Audit lesson 1: a year is the whole year, never its 1 January.
    us = next(p for p in nk.policies("US") if p.id == "us-nkhra-2004")
    assert str(us.valid_from) == "2004" and us.valid_from.precision is nk.DatePrecision.YEAR  # type: ignore[union-attr]
    assert nk.policy("US", on=dt.date(2004, 1, 1)) is not None  # a year rule holds from its start


def test_documented_countries_keep_a_row(kb: nk.KnowledgeBase) -> None:
    covered: set[object] = set()
    for p in kb.all_policies:
        covered.add(p.country)
    for q in kb.all_passages:
        covered.add(q.origin)
    for s in kb.all_statistics:
        covered.add(s.place)
    for code in ["CN", "KR", "US", "CA", "GB", "AU", "DE", "NL", "RU", "JP"]:
        assert nk.country(code) in covered, code
    assert nk.SOUTHEAST_ASIA in covered


def test_results_come_in_a_stable_documented_order(kb: nk.KnowledgeBase) -> None:
    assert [s.id for s in nk.sources()] == sorted(s.id for s in nk.sources())
    cases = nk.cases()
    keys = [(c.date is None, c.date.start if c.date else dt.date.max,
             c.date.end if c.date else dt.date.max, c.id) for c in cases]
    assert keys == sorted(keys)


# ------------------------------------------------ the anchor rule: quoted words only
_DOCUMENT = """# A tiny excerpt file

- **Summary words of the collector: Freedonia flies refugees to Seoul.**
  source: Example Daily, "Border report", 2010-05-01, https://example.org/border-report
  quote: "The ferry left the harbour before dawn with everyone aboard."
"""


def _tiny(anchor: str) -> nk.KnowledgeBase:
    source = nk.Source(id="example-2010-05-01", title="Border report",
                       document="sources/tiny.md", kind=nk.SourceKind.NEWS_REPORT,
                       publisher="Example Daily", published=nk.When.parse("2010-05-01"),
                       url="https://example.org/border-report")
    passage = nk.Passage(id="tiny-passage", origin="KP", dest="KR", channel=nk.Channel.BROKER,
                         summary="A way, for the test.", basis=nk.Basis.OBSERVATION,
                         evidence=(nk.Evidence(source.id, anchor, "what it supports"),))
    return nk.KnowledgeBase(all_sources=(source,), all_passages=(passage,))


def _tiny_documents(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "tiny.md").write_text(_DOCUMENT, encoding="utf-8")
    return tmp_path


def test_an_anchor_in_the_quoted_words_is_accepted(tmp_path: Path) -> None:
    docs = _tiny_documents(tmp_path)
    assert check_anchors(_tiny("ferry left the harbour before dawn"), docs) == ()


@pytest.mark.parametrize("anchor", [
    "Example Daily, \"Border report\"",          # the source: line
    "Border report\", 2010-05-01",                # the source: line, with its date
    "Freedonia flies refugees to Seoul",          # the collector's bolded summary
    "Summary words of the collector",             # the same, from its start
])
def test_an_anchor_only_in_a_source_line_or_a_summary_is_refused(tmp_path: Path, anchor: str) -> None:
    docs = _tiny_documents(tmp_path)
    assert anchor.replace("\"", "") in _DOCUMENT.replace("\"", "")  # it does stand in the file
    (problem,) = check_anchors(_tiny(anchor), docs)
    assert problem.entry_id == "tiny-passage" and problem.field == "evidence[0].anchor"
    assert "does not stand in the quoted words" in problem.message