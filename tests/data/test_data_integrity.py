"""The bundled data: every anchor verbatim in its document, references whole, dates sane,
no note copied from a source."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

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


# Addresses a collection gives that are not a source of its own: a primary document the page
# points to, whose words the excerpt does not quote.
_POINTERS = {
    "http://digitalarchive.wilsoncenter.org/document/115328.pdf":
        "the Wilson Center document the PIIE dossier post (piie-hazel-smith-dossier) points to",
}
_ADDRESS = re.compile(r"https?://[^\s)]+")


def _address_key(address: str) -> str:
    """An address as compared: a host written with its trailing dot (``thediplomat.com.``)
    names the same host."""
    return re.sub(r"^(https?://[^/]+?)\.(?=/|$)", r"\1", address.rstrip(".,;"))


def _collection_addresses(documents: Path) -> list[tuple[str, str]]:
    """(collection file, address) for every address on a `source:` or `also:` line of the
    collections in sources/ (each address is one source, as the collections say)."""
    found = []
    for path in sorted((documents / "sources").glob("*.md")):
        if path.name == "README.md":
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.strip().startswith(("source:", "also:")):
                found += [(f"sources/{path.name}", _address_key(a)) for a in _ADDRESS.findall(line)]
    return found


def test_every_source_of_the_collections_has_a_record_cited_or_noted(
        kb: nk.KnowledgeBase, documents: Path) -> None:
    # Every address in every collection file (source: and also: lines, the mirrors named in
    # brackets included) is a source record of the package that excerpts it; with the test
    # above, each is cited by an entry or its note says why not.
    records: dict[str, list[nk.Source]] = {}
    for s in kb.sources():
        for address in (s.url, *s.located_by):
            if address:
                records.setdefault(_address_key(address), []).append(s)
    addresses = _collection_addresses(documents)
    assert len(addresses) > 600  # the six collection files, read
    missing = sorted({(doc, a) for doc, a in addresses
                      if a not in _POINTERS and not any(doc in (s.document, *s.also_in)
                                                        for s in records.get(a, []))})
    assert missing == []
    assert set(_POINTERS) <= {a for _, a in addresses}  # no stale pointer


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


@pytest.mark.slow  # every text against every source sentence; test_the_copied_run_check_can_fail is quick
def test_no_project_text_copies_a_source_sentence(kb: nk.KnowledgeBase, documents: Path) -> None:
    # a page the project collected itself has no shared document: its quotes are its words
    sentences = {s.id: [x.lower() for x in _sentences(
        (documents / s.document).read_text("utf-8") if s.document else "\n".join(s.quotes))]
        for s in kb.sources()}
    copied = []
    for entry in _entries(kb):
        for ev in entry.evidence:
            for text in _project_texts(entry):
                copied += [(entry.id, s) for s in sentences[ev.source] if s in text]
    assert copied == []


_WORDS = re.compile(r"\w+")
_RUN = 8  # words: a run this long repeated from a source is copying, not citing

# Entries of statistics/kr.toml and conflicts/kr.toml, which another branch is rewriting at
# the same time (the December 2026 audit's copied runs there are its to fix). The lead
# empties this list after merging that branch; nothing but entries of those two files may be
# added to it (kr-arrivals-1999-nkeconwatch came in with the South Korea arrivals branch,
# merged after the audit).
_COPIED_RUNS_PENDING_ELSEWHERE = frozenset({
    "kr-arrivals-1995-icg", "kr-arrivals-1996-icg", "kr-arrivals-1997-icg",
    "kr-arrivals-1998-icg", "kr-arrivals-1999-nkeconwatch",
    "kr-arrivals-from-china-share-2023-q3",
})


def _words(text: str) -> list[str]:
    """Words with case and punctuation folded away."""
    return _WORDS.findall(prose_key(text).casefold())


def _own_words(entry: object) -> list[tuple[str, str]]:
    """Every field an entry words itself, by name. Agreements are left out: the codebook
    records an agreement by the name its source gives it, and a name is not a sentence."""
    fields = [(name, getattr(entry, name, "") or "") for name in
              ("summary", "title", "description", "subject", "note")]
    for name in ("conditions", "exceptions", "inconsistencies", "procedures"):
        fields += [(f"{name}[{i}]", text) for i, text in enumerate(getattr(entry, name, ()))]
    fields += [(f"evidence[{i}].note", e.note) for i, e in enumerate(getattr(entry, "evidence", ()))]
    return [(name, text) for name, text in fields if text]


def _copied_runs(kb: nk.KnowledgeBase, entry: object) -> list[tuple[str, str]]:
    """``(field, run)`` for each field that repeats ``_RUN`` consecutive words of a quote of
    a source the entry's evidence cites."""
    runs: set[tuple[str, ...]] = set()
    for source in {e.source for e in entry.evidence}:  # type: ignore[attr-defined]
        for quote in kb.source(source).quotes:
            words = _words(quote)
            runs.update(tuple(words[i:i + _RUN]) for i in range(len(words) - _RUN + 1))
    found = []
    for name, text in _own_words(entry):
        words = _words(text)
        hits = [" ".join(words[i:i + _RUN]) for i in range(len(words) - _RUN + 1)
                if tuple(words[i:i + _RUN]) in runs]
        if hits:
            found.append((name, hits[0]))
    return found


def test_no_project_text_repeats_eight_words_of_a_quote(kb: nk.KnowledgeBase) -> None:
    # Runs without the shared documents: the quotes ship with the package. Summaries,
    # titles, descriptions, notes and the rest are the project's own words; a run of eight
    # words taken over from a source's quoted words is copying, even inside a longer sentence.
    copied = {entry.id: runs for entry in _entries(kb)
              if entry.id not in _COPIED_RUNS_PENDING_ELSEWHERE
              and (runs := _copied_runs(kb, entry))}
    assert copied == {}, "\n".join(f"{i} {field}: '{run}'" for i, runs in copied.items()
                                   for field, run in runs)


def test_the_allow_list_of_copied_runs_names_only_entries_that_still_copy(kb: nk.KnowledgeBase) -> None:
    # An id on the allow-list whose text was reworded must leave it, so the list only shrinks.
    stale = sorted(i for i in _COPIED_RUNS_PENDING_ELSEWHERE if not _copied_runs(kb, kb.entry(i)))
    assert stale == []


def test_the_copied_run_check_can_fail(kb: nk.KnowledgeBase) -> None:
    import attrs

    case = kb.entry("cn-group-21-2002")
    quote = kb.source("voa-2002-09-11").quote_for(case.evidence[0].anchor)
    assert quote is not None
    copied = attrs.evolve(case, title="Say: " + " ".join(quote.split()[:_RUN]).upper() + "!")
    assert [field for field, _ in _copied_runs(kb, copied)] == ["title"]
    shorter = attrs.evolve(case, title=" ".join(quote.split()[:_RUN - 1]))
    assert _copied_runs(kb, shorter) == []


# Notes of statistics/kr.toml and conflicts/kr.toml entries that still name entries dropped
# before the December 2026 audit; another branch owns those two files and fixes them there.
# Empty since the South Korea arrivals branch was merged (its notes name only existing ids);
# nothing but an entry of those two files may be added to it.
_DANGLING_PENDING_ELSEWHERE: frozenset[str] = frozenset()


def _id_pattern(kb: nk.KnowledgeBase) -> re.Pattern[str]:
    """A token that reads as an id of this data set: lower-case words joined by ``-``, the
    first a country code or region id the data uses (``cn-group-21-2002``); not a path or an
    address (``statistics/cn.toml``), nor an ordinary hyphenated word (``at-least``)."""
    places: set[object] = set(nk.REGIONS)
    for entry in _entries(kb):
        places.update(getattr(entry, name) for name in ("country", "origin", "dest", "place")
                      if getattr(entry, name, None) is not None)
    codes = {p.alpha_2.lower() if isinstance(p, nk.Country) else p.id for p in places}  # type: ignore[attr-defined]
    first = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    return re.compile(rf"(?<![\w./-])(?:{first})(?:-[a-z0-9]+)+(?![\w/-])")


def _named_ids(kb: nk.KnowledgeBase) -> list[tuple[str, str, str]]:
    """``(entry or source, field, id)`` for every id-like token its own words name."""
    pattern = _id_pattern(kb)
    named = [(entry.id, field, token) for entry in _entries(kb)
             for field, text in [*_own_words(entry),
                                 *(("agreements", a) for a in getattr(entry, "agreements", ()))]
             for token in pattern.findall(text)]
    named += [(s.id, "note", token) for s in kb.sources() for token in pattern.findall(s.note)]
    return named


def _known_names(kb: nk.KnowledgeBase) -> set[str]:
    """What an id-like token may name: an entry, a source, or a statistic's measure code
    (``us-refugee-admissions`` is a series, named as such in notes, not an entry id)."""
    return ({e.id for e in _entries(kb)} | {s.id for s in kb.sources()}
            | {s.measure for s in kb.all_statistics})


def test_every_id_a_note_names_exists(kb: nk.KnowledgeBase) -> None:
    # A note, summary, condition or exception that points to an entry ("see conflict
    # cn-returns-2024-04-26-count") must point to one that exists: a dropped or renamed
    # entry leaves a reader with nowhere to go. A measure code names a series, which exists
    # as long as some statistic has that measure.
    known = _known_names(kb)
    dangling = [(owner, field, token) for owner, field, token in _named_ids(kb)
                if token not in known and owner not in _DANGLING_PENDING_ELSEWHERE]
    assert dangling == [], "\n".join(f"{o} {f}: {t}" for o, f, t in dangling)


def test_the_allow_list_of_dangling_ids_names_only_entries_that_still_dangle(kb: nk.KnowledgeBase) -> None:
    known = _known_names(kb)
    still = {owner for owner, _, token in _named_ids(kb) if token not in known}
    assert sorted(_DANGLING_PENDING_ELSEWHERE - still) == []


def test_the_id_check_reads_ids_and_only_ids(kb: nk.KnowledgeBase) -> None:
    import attrs

    pattern = _id_pattern(kb)
    text = ("See conflict cn-returns-2024-04-26-count and kp-gone-1999 (statistics/cn.toml), "
            "at-least 30, co-operation, https://example.org/kr-news-1 and KP-CN crossings.")
    assert pattern.findall(text) == ["cn-returns-2024-04-26-count", "kp-gone-1999"]
    case = kb.entry("cn-group-21-2002")
    changed = kb.with_case(attrs.evolve(case, note="As in cn-no-such-entry-2002."))
    assert ("cn-group-21-2002", "note", "cn-no-such-entry-2002") in _named_ids(changed)


def test_a_measure_code_counts_as_named_but_a_misspelt_one_does_not(kb: nk.KnowledgeBase) -> None:
    import attrs

    case = kb.entry("cn-group-21-2002")
    changed = kb.with_case(attrs.evolve(
        case, note="See the series us-refugee-admissions, not us-refugee-admission."))
    named = {token for owner, _, token in _named_ids(changed) if owner == case.id}
    assert named == {"us-refugee-admissions", "us-refugee-admission"}
    assert named - _known_names(changed) == {"us-refugee-admission"}


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
    # an open start ("../2018-06-04") sorts by its known day, not before every dated case
    keys = [(c.date is None, (c.date.lower or c.date.upper) if c.date else dt.date.max,
             (c.date.upper or c.date.lower) if c.date else dt.date.max, c.id) for c in cases]
    assert keys == sorted(keys)
