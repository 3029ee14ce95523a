"""The bundled data: every anchor verbatim in its document, references whole, dates sane,
no note copied from a source."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import nkasylum as nk
from nkasylum.core.text import prose_key
from nkasylum.io.anchors import check_anchors, check_quotes


def _entries(kb: nk.KnowledgeBase) -> list[nk.knowledge.Entry]:
    return [*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics,
            *kb.all_conflicts]


def test_every_anchor_stands_in_its_sources_quotes(kb: nk.KnowledgeBase) -> None:
    # Runs without the shared documents: the quotes ship with the package.
    problems = check_anchors(kb)
    assert problems == (), "\n".join(f"{p.entry} {p.field}: {p.message}" for p in problems)


def test_every_quote_stands_verbatim_in_its_document(kb: nk.KnowledgeBase, documents: Path) -> None:
    problems = check_quotes(kb, documents)
    assert problems == (), "\n".join(f"{p.entry} {p.field}: {p.message}" for p in problems)


def test_every_source_document_exists(kb: nk.KnowledgeBase, documents: Path) -> None:
    missing = [s.id for s in kb.sources() if s.document is not None and not (documents / s.document).is_file()]
    assert missing == []


def test_the_anchor_check_can_fail(kb: nk.KnowledgeBase) -> None:
    bad = kb.all_cases[0]
    wrong = nk.Evidence(bad.evidence[0].source, "words that stand in no document", "x")
    changed = kb.with_case(__import__("attrs").evolve(bad, evidence=(wrong,)))
    problems = check_anchors(changed)
    assert len(problems) == 1
    assert "words that stand in no document" in problems[0].message


def test_the_quote_check_can_fail(kb: nk.KnowledgeBase, documents: Path) -> None:
    import attrs

    source = kb.source("voa-2002-09-11")
    changed = kb.with_source(attrs.evolve(source, quotes=(*source.quotes, "Words the page never printed.")))
    problems = check_quotes(changed, documents)
    assert [(p.entry_id, p.field) for p in problems] == [("voa-2002-09-11", f"quotes[{len(source.quotes)}]")]


def test_every_evidence_shows_the_sentence_it_rests_on(kb: nk.KnowledgeBase) -> None:
    for entry in _entries(kb):
        for ev in entry.evidence:
            quote = kb.source(ev.source).quote_for(ev.anchor)
            assert quote is not None and prose_key(ev.anchor) in prose_key(quote), (entry.id, ev.anchor)


def test_a_source_the_excerpt_never_names_leaves_its_quotes_checked(
        kb: nk.KnowledgeBase, documents: Path) -> None:
    # An excerpt file holds many sources; one whose address stands nowhere in it has no quoted
    # words there, and its anchors must be a problem, not pass unchecked.
    import attrs

    cited = kb.source("thediplomat-2023-07")
    assert cited.located_by  # the excerpt spells the host with a trailing dot
    moved = kb.with_source(attrs.evolve(cited, located_by=()))
    problems = check_quotes(moved, documents)
    assert {p.entry for p in problems} == {"source 'thediplomat-2023-07'"}
    assert all("no quoted words of" in p.message for p in problems)


def test_every_entry_has_evidence_and_every_source_is_cited(kb: nk.KnowledgeBase) -> None:
    cited = set()
    for entry in _entries(kb):
        assert entry.evidence, entry.id
        cited.update(e.source for e in entry.evidence)
    # A source kept on record although no entry rests on it says why in its note (its
    # quoted words did not carry the facts), so that nothing in the documents goes unaccounted.
    unexplained = sorted(s.id for s in kb.sources() if s.id not in cited and not re.search(
        r"no (entry|case) rests on|supports no entry|not recorded|cited instead|entries cite|Not cited",
        s.note, re.IGNORECASE))
    assert unexplained == []


# ------------------------------------------------- a table's subject from its page title
# The codebook's rule for statistics: a figure's place and measure stand in its quoted words,
# or (subject_from_title) it is a cell of the counting authority's own table, whose page title
# and publisher say what is counted: (a) an official-statement source, (b) whose title is the
# page's own as the collection's `source:` line gives it, (c) quoted words that are a table's
# rows or headings. A statistic without the flag never rests on table rows alone.

_FIGURE = re.compile(r"[~'’]*\d[\d,.]*(%|['’])?")


def _table_material(text: str) -> bool:
    """Words of a table row or heading row: mostly figures or year headings ("1,043", "'02",
    "~'98'", "55.3%"), the rest short labels ("Total", "男(名)", "(暂定)")."""
    cells = text.split()
    figures = [c for c in cells if _FIGURE.fullmatch(c)]
    labels = [c for c in cells if not _FIGURE.fullmatch(c)]
    return (len(cells) >= 3 and 2 * len(figures) >= len(cells) and len(labels) <= 3
            and all(len(c) <= 8 and not c.endswith((".", ",", ":", ";")) for c in labels))


def _title_rule_problems(kb: nk.KnowledgeBase) -> list[str]:
    problems = []
    for s in kb.all_statistics:
        quotes = [(ev, kb.source(ev.source).quote_for(ev.anchor) or "") for ev in s.evidence]
        if not s.subject_from_title:
            if all(_table_material(q) for _, q in quotes):
                problems.append(f"{s.id}: rests on table rows alone but does not say subject_from_title")
            continue
        for ev, quote in quotes:
            source = kb.source(ev.source)
            if source.kind is not nk.SourceKind.OFFICIAL_STATEMENT:
                problems.append(f"{s.id}: {source.id} is {source.kind.value}, not the authority's own page")
            if not (_table_material(ev.anchor) and _table_material(quote)):
                problems.append(f"{s.id}: {ev.anchor!r} is not a table's row or heading")
        if not ("row" in s.note and ("column" in s.note or "heading" in s.note)):
            problems.append(f"{s.id}: the note does not say which row and column it reads")
    return problems


def test_a_title_gives_a_figure_its_subject_only_on_the_authoritys_own_table(kb: nk.KnowledgeBase) -> None:
    # Runs without the shared documents: kind, table material and the note's reading.
    assert _title_rule_problems(kb) == []
    assert [s for s in kb.all_statistics if s.subject_from_title]  # the rule is in use


def test_the_title_rule_check_can_fail(kb: nk.KnowledgeBase) -> None:
    import attrs

    flagged = next(s for s in kb.all_statistics if s.subject_from_title)
    press = next(s for s in kb.all_statistics if s.id == "kr-arrivals-2012-koreaherald-2013")
    changed = kb.with_statistic(attrs.evolve(press, subject_from_title=True),
                                attrs.evolve(flagged, subject_from_title=False))
    problems = _title_rule_problems(changed)
    assert f"{press.id}: koreaherald-2013-01-02 is repost, not the authority's own page" in problems
    assert any(p.startswith(f"{press.id}: '1,508 North Koreans") for p in problems)
    assert f"{flagged.id}: rests on table rows alone but does not say subject_from_title" in problems


def test_a_table_title_is_the_pages_own_title_on_its_source_line(kb: nk.KnowledgeBase, documents: Path) -> None:
    # (b): the title is the page's own, as the collection's `source:` line for its address
    # gives it (in double quotes), never a description the project wrote.
    cited = {ev.source for s in kb.all_statistics if s.subject_from_title for ev in s.evidence}
    for source in map(kb.source, sorted(cited)):
        assert source.url and source.title and source.document, source.id
        lines = [line for document in (source.document, *source.also_in)
                 for line in (documents / document).read_text("utf-8").splitlines()
                 if line.strip().startswith("source:") and source.url in line]
        assert lines, f"{source.id}: no source: line names {source.url}"
        for line in lines:
            assert f'"{source.title}"' in line, (source.id, line)


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
    """The last day on which the newest source behind ``entry`` can have reported."""
    dates = [kb.source(e.source).published for e in entry.evidence]  # type: ignore[attr-defined]
    known = [d.end for d in dates if d is not None]
    return max(known) if known else None


def test_nothing_is_dated_after_the_sources_that_report_it(kb: nk.KnowledgeBase) -> None:
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
            assert p.valid_from.start <= newest, p.id
        for e in p.evidence:
            published = kb.source(e.source).published
            if e.happened and e.happened.lower and published:
                assert e.happened.lower <= published.end, p.id


def test_a_dated_statement_has_a_dated_sighting_or_start(kb: nk.KnowledgeBase) -> None:
    for p in (*kb.all_policies, *kb.all_passages):
        if not p.undated:
            dated = p.valid_from is not None or any(
                (e.happened is not None and e.happened.lower is not None)
                or kb.source(e.source).published is not None for e in p.evidence)
            assert dated, f"{p.id} is dated but nothing behind it is"


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
