"""Query results render in Jupyter as tables, and are still tuples for everything else."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from collections.abc import Callable
from typing import Any

import pytest

import nkasylum as nk
from nkasylum.model.collections import MAX_ROWS, Results, results_markdown

ON = dt.date(2009, 12, 23)
QUERIES: dict[str, Callable[[], tuple[Any, ...]]] = {
    "routes": lambda: nk.routes("KP", "KR", on=dt.date(2002, 9, 11)),
    "cases": lambda: nk.cases(country="RU"),
    "series": lambda: nk.series("arrivals-in-south-korea", country="KR"),
    "policy_timeline": lambda: nk.policy_timeline("RU"),
    "policies": lambda: nk.policies("CN"),
    "passages": lambda: nk.passages("RU", "KR", on=ON),
    "statistics": lambda: nk.statistics(country="RU"),
    "sources": nk.sources,
    "conflicts": nk.conflicts,
}


@pytest.mark.parametrize("name", QUERIES)
def test_a_query_result_is_still_a_tuple_for_every_other_purpose(name: str) -> None:
    found = QUERIES[name]()
    plain = tuple(found)
    assert type(found) is Results and isinstance(found, tuple) and found
    assert found == plain and plain == found and hash(found) == hash(plain)
    assert repr(found) == repr(plain)  # doctests and logs print what they printed before
    again = pickle.loads(pickle.dumps(found))
    assert again == found and type(again) is Results
    assert copy.deepcopy(found) == found
    assert nk.to_json(found) == nk.to_json(plain)
    kind = type(plain[0])
    assert nk.from_json(nk.to_json(found), tuple[kind, ...]) == plain  # type: ignore[valid-type]
    assert not hasattr(found, "__dict__")  # no state of its own: nothing to lose or leak


@pytest.mark.parametrize("name", QUERIES)
def test_a_query_result_renders_as_one_markdown_table(name: str) -> None:
    found = QUERIES[name]()
    lines = found._repr_markdown_().splitlines()
    assert re.fullmatch(rf"\*\*{len(found)} [a-z]+\*\*", lines[0])
    header, rule, *rows = lines[2:]
    assert header.startswith("| ") and rule == "|" + "---|" * (header.count("|") - 1)
    shown = min(len(found), MAX_ROWS)
    assert len([r for r in rows if r.startswith("| ")]) == shown
    assert all(r.count(" | ") == header.count(" | ") for r in rows[:shown])  # no cell broke the table
    for item, row in zip(found[:shown], rows[:shown], strict=True):
        key = getattr(item, "id", None) or getattr(item, "statistic", None) or str(item)
        assert key.replace("|", "\\|") in row


def test_routes_are_numbered_best_first() -> None:
    found = nk.routes("KP", "KR", on=dt.date(2002, 9, 11))
    rows = found._repr_markdown_().splitlines()[4:]
    assert [r.split(" | ")[1] for r in rows] == [str(r) for r in found]
    assert [r.split(" | ")[0] for r in rows] == [f"| {n}" for n in range(1, len(found) + 1)]


def test_long_results_are_cut_and_counted() -> None:
    found = nk.sources()
    assert len(found) > MAX_ROWS
    text = found._repr_markdown_()
    assert text.endswith(f"… and {len(found) - MAX_ROWS} more (the table shows the first {MAX_ROWS})")


def test_an_empty_result_says_not_documented() -> None:
    found = nk.routes("KP", "KR", on=dt.date(1950, 1, 1))
    assert found == () and type(found) is Results
    assert "not documented" in found._repr_markdown_()


def test_text_from_the_data_cannot_break_a_table() -> None:
    bad = nk.Source(id="s|1", title="a | b\nc", document="seeds/x.md", kind=nk.SourceKind.NEWS_REPORT)
    text = results_markdown((bad,))
    assert text.splitlines()[-1] == "| s\\|1 | undated | — | a \\| b c |"
    assert results_markdown((1, "x")).splitlines()[0] == "**2 values**"
