"""Text for people: ``str()`` of every public type reads as the command line prints it, dates
in prose are words (never EDTF marks), counts take their nouns, lists join cleanly, results
and diagrams render in notebooks, and ``dir(nk)`` lists the library, not its imports."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest

import nkasylum as nk
from nkasylum.core.text import date_words, joined, plural
from nkasylum.model.collections import Results
from nkasylum.model.markdown import Mermaid

# An EDTF mark in prose: an open end (../2004, 2004/..), an interval (2002-06/2004), an
# approximate or uncertain date (2009~, 2009?).
EDTF = re.compile(r"\.\./\d|\d/\.\.|\b\d{4}(?:-\d\d){0,2}[~?%]?/\d{4}\b|\b\d{4}(?:-\d\d){0,2}[~?%](?=[\s,;.)]|$)")


def _values(kb: nk.KnowledgeBase) -> list[Any]:
    return [*kb.all_policies, *kb.all_cases, *kb.all_sources, *kb.all_statistics, *kb.all_passages,
            *kb.all_conflicts, *nk.policy_timeline("CN"), *nk.series("arrivals-in-south-korea", country="KR"),
            *nk.coverage(["CN", "TH"], [2002, 2010]), *(e for p in kb.all_policies[:20] for e in p.evidence),
            nk.policy_answer("TH", on=dt.date(2024, 6, 1)), nk.policy_answer("CN", on=dt.date(2024, 6, 1)),
            *nk.policy_answer("CN", on=dt.date(2024, 6, 1)).backing, *(u for p in kb.all_policies for u in p.urges),
            kb, nk.Quantity(3), nk.When.parse("2004"), nk.Route.parse("KP > CN > KR")]


def test_str_of_every_public_type_is_text_not_its_constructor(kb: nk.KnowledgeBase) -> None:
    values = _values(kb)
    public = {getattr(nk, n) for n in nk.__all__ if isinstance(getattr(nk, n), type) and attrs.has(getattr(nk, n))}
    covered = {type(v) for v in values} | {nk.Assessment, nk.Leg, nk.DataVersion, nk.Country, nk.Region}
    assert public <= covered, public - covered
    for value in values:
        text = str(value)
        assert f"{type(value).__name__}(" not in text, text[:200]
        assert "Policy(" not in text and "Evidence(" not in text


def test_a_case_shows_its_date_place_people_and_outcome() -> None:
    text = str(nk.case("cn-german-school-15-2002"))
    assert "date:    11 September 2002" in text and "place:   China (CN)" in text
    assert "people:  15 people" in text and "outcome: left-for-third-country" in text
    policy = str(nk.policy("CN", on=dt.date(2002, 9, 11)))
    assert "  repatriates:    yes" in policy and "  admits:         undocumented" in policy


def test_the_policy_command_prints_str_of_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    from nkasylum.io.cli import main

    assert main(["policy", "TH", "--on", "2024-06-01"]) == 0
    assert capsys.readouterr().out == str(nk.policy_answer("TH", on=dt.date(2024, 6, 1))) + "\n"


def test_prose_writes_dates_in_words_never_edtf_marks(kb: nk.KnowledgeBase) -> None:
    for value in _values(kb):
        for line in str(value).splitlines():
            if line.lstrip().startswith(("url:", "Source ")):
                continue  # addresses and titles are the source's own words
            assert not EDTF.search(line), line
    for a in (nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)),
              nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11)),
              nk.can_resettle("KP", "RU", "KR", on=dt.date(2016, 6, 1))):
        for line in (*a.explanation, *a._repr_markdown_().splitlines()):
            assert not EDTF.search(line.split(" — ", 1)[0]), line   # what follows — is the data's description


@pytest.mark.parametrize(("edtf", "words"), [
    ("2004-07-27", "27 July 2004"), ("../2004-07-27", "by 27 July 2004"), ("2002/2004", "2002-2004"),
    ("2009~", "about 2009"), ("2009?", "2009 (uncertain)"), ("2023-08/..", "from August 2023 on"),
    ("2002-06~/2004-06-01", "about June 2002 to 1 June 2004"), ("2024-01/2024-03", "January-March 2024"),
    ("199X", "the 1990s"), ("2002-03-14/2002-03-16", "14-16 March 2002"),
    ("2002-03-14/2002-04-02", "14 March to 2 April 2002"),
    ("2002-12-30/2003-01-02", "30 December 2002 to 2 January 2003"),
])
def test_date_words(edtf: str, words: str) -> None:
    assert date_words(nk.When.parse(edtf)) == words == date_words(edtf)


def test_counts_take_their_nouns_and_lists_join_cleanly(kb: nk.KnowledgeBase) -> None:
    assert (plural(1, "point"), plural(2, "point"), plural(1, "person", "people")) == ("1 point", "2 points",
                                                                                       "1 person")
    one = [c for c in kb.all_cases if c.people.value == 1 and c.people.unit is nk.Unit.PEOPLE]
    assert one and all("1 person" in str(c) and "1 people" not in str(c) for c in one)
    assert "1 people" not in Results(one)._repr_markdown_()
    assert Results(nk.series("arrivals-in-south-korea", country="KR")[:1])._repr_markdown_().startswith("**1 point**")
    assert joined(["A treaty.", "A protocol."]) == "A treaty; A protocol."
    for p in kb.all_policies:
        assert ".;" not in str(p) and ".;" not in p._repr_markdown_()


def test_results_keep_their_table_when_sliced_and_coverage_is_a_grid() -> None:
    found = nk.cases(country="CN")
    assert type(found[:3]) is Results and found[:3] == tuple(found)[:3] and found[0] == next(iter(found))
    assert found[:3]._repr_markdown_().startswith("**3 cases**")
    cells = nk.coverage(["CN", "TH"], [2002, 2003])
    assert type(cells) is Results
    assert "| country | 2002 | 2003 |" in cells._repr_markdown_()
    assert type(nk.policies("CN")) is Results


def test_mermaid_charts_render_as_diagrams_and_stay_text() -> None:
    for chart in (nk.Route.parse("KP > CN > KR").to_mermaid(), nk.transit_map(on=dt.date(2009, 12, 23))):
        assert type(chart) is Mermaid and isinstance(chart, str) and chart.startswith("flowchart LR")
        assert chart._repr_markdown_() == f"```mermaid\n{chart}\n```"
        assert chart._repr_mimebundle_()["text/plain"] == str(chart)


def test_dir_lists_the_library_not_its_imports() -> None:
    shown = dir(nk)
    for name in ("Any", "Iterator", "Sequence", "TYPE_CHECKING", "annotations", "dt"):
        assert name not in shown
    assert set(nk.__all__) <= set(shown) and "__version__" in shown
