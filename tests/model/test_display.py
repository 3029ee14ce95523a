"""Notebook and docs renderings: Markdown for Jupyter, Mermaid flowcharts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from strategies import assessments, cases, examples, policies, routes

import nkasylum as nk

GENERATED = settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def table_rows(markdown: str) -> list[list[str]]:
    """The rows of every table in ``markdown``, each split on unescaped pipes."""
    return [[c.strip() for c in _UNESCAPED_PIPE.split(line)[1:-1]]
            for line in markdown.splitlines() if line.startswith("|")]


def assert_tables_well_formed(markdown: str) -> None:
    # Each table (a run of lines starting with a pipe) on its own: its rows as wide as its
    # header, and a separator under the header.
    for block in re.split(r"\n(?!\|)", markdown):
        rows = table_rows(block)
        if not rows:
            continue
        width = len(rows[0])
        assert all(len(r) == width for r in rows), markdown
        assert len(rows) >= 2 and set("".join(rows[1])) <= {"-"}, "the second row is the header separator"
    # Every table line starts and ends with a pipe: nothing leaked onto a new line.
    for line in markdown.splitlines():
        if line.startswith("|"):
            assert line.rstrip().endswith("|")


# ----------------------------------------------------------------------- Mermaid
def test_route_to_mermaid_labels_legs_with_their_channels() -> None:
    route = nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11)).route
    assert route is not None
    lines = route.to_mermaid().splitlines()
    assert lines == [
        "flowchart LR",
        '    KP["North Korea (KP)"] -->|border-crossing| CN["China (CN)"]',
        '    CN["China (CN)"] -->|foreign-mission| third_country_2["third country"]',
        '    third_country_2["third country"] -->|foreign-mission| KR["South Korea (KR)"]',
    ]


def test_two_unnamed_third_countries_stay_two_nodes() -> None:
    text = nk.Route.parse("KP > third country > CN > third country > KR").to_mermaid()
    assert "third_country_1" in text and "third_country_3" in text
    assert "-->|" not in text  # parsed legs carry no channel, so no label


@GENERATED
@given(routes())
def test_every_route_renders_one_arrow_per_leg(route: nk.Route) -> None:
    lines = route.to_mermaid().splitlines()
    assert lines[0] == "flowchart LR" and len(lines) == len(route.legs) + 1
    for line, leg in zip(lines[1:], route.legs, strict=True):
        assert line.count("-->") == 1
        if leg.channel is not None:
            assert f"-->|{leg.channel.value}|" in line


def test_transit_map_draws_each_documented_passage(kb: nk.KnowledgeBase) -> None:
    day = dt.date(2009, 12, 23)
    text = nk.transit_map(on=day)
    assert text.splitlines()[0] == "flowchart LR"
    for p in kb.passages(on=day):
        label = p.channel.value + (" via third country" if p.via_third_country else "")
        assert f"-->|{label}|" in text
    assert 'RU["Russia (RU)"] -->|unhcr-office| KR["South Korea (KR)"]' in text


def test_transit_map_of_a_date_with_nothing_documented_is_only_the_header() -> None:
    assert nk.transit_map(on=dt.date(1950, 1, 1)) == "flowchart LR"


def test_transit_map_changes_with_the_date() -> None:
    assert nk.transit_map(on=dt.date(2002, 9, 11)) != nk.transit_map(on=dt.date(2009, 12, 23))
    with pytest.raises(nk.ArgumentTypeError):
        nk.transit_map(on="23 December 2009")


def test_mermaid_labels_escape_quotes() -> None:
    from nkasylum.model.markdown import mermaid_node as _node

    odd = nk.Region("third-country", 'the "other" country')
    assert _node(odd) == 'third_country["the #quot;other#quot; country"]'


# ---------------------------------------------------------------------- Markdown
def test_every_notebook_type_has_a_markdown_repr(kb: nk.KnowledgeBase) -> None:
    on = dt.date(2002, 9, 11)
    values: list[Any] = [nk.can_resettle("KP", "CN", "KR", on=on), nk.Route.parse("KP > RU > KR"),
                         nk.policy("CN", on=on), nk.case("cn-german-school-15-2002"),
                         nk.policy_answer("CN", on=on), nk.policy_answer("TH", on=dt.date(2024, 6, 1))]
    for value in values:
        text = value._repr_markdown_()
        assert isinstance(text, str) and text.strip()
        assert_tables_well_formed(text)


def test_assessment_markdown_shows_verdict_route_steps_sources_and_age() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11))
    text = a._repr_markdown_()
    lines = text.splitlines()
    assert lines[0] == "**DOCUMENTED**: KP to KR via CN on 2002-09-11"
    assert "Route: `KP > CN > third country > KR`" in lines
    steps = [line for line in lines if re.match(r"\d+\. ", line)]
    assert [int(s.split(".")[0]) for s in steps] == list(range(1, len(a.explanation) + 1))
    for source in {e.source for e in a.evidence}:
        assert f"`{source}`" in text
    assert f"**Newest evidence:** {a.latest_evidence}; **evidence age:** {a.evidence_age.days:,} days" \
        in lines  # type: ignore[union-attr]
    # Support per leg: every statement the answer rests on, with how it is supported then.
    assert "**Support on 2002-09-11:**" in lines
    rows = table_rows(text)
    assert rows[0] == ["leg", "statement", "support", "sighting", "age"]
    assert {r[1].strip("`") for r in rows[2:]} == {b.entry for b in a.backing}
    assert {r[2] for r in rows[2:]} <= {s.value for s in nk.Support}
    assert "**Horizon:** none (observations count only up to their last sighting)" in lines


def test_assessment_markdown_shows_what_was_last_known() -> None:
    # 2024-06-01: China is seen sending North Koreans back; the route was last documented
    # on 2023-08-16 (before the data were extended, 2023-08-16 itself was the blocked example).
    a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    assert a.last_known is not None
    text = a._repr_markdown_()
    assert_tables_well_formed(text)
    assert ("**Last known:** documented on 2023-08-16 (290 days before the date asked): "
            "`KP > CN > third country > KR`") in text.splitlines()
    assert "Undated context" in text  # among the explanation's steps
    carried = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1), horizon=dt.timedelta(days=400),
                              exact=True)  # the legs as named: a table row per leg
    text = carried._repr_markdown_()
    assert "| KP > CN | `kp-cn-border-crossing` | carried forward | 16 August 2023 | 290 days |" in text
    assert "**Horizon:** observations carried forward up to 400 days" in text
    period = nk.can_resettle("KP", None, "KR", on=2015)._repr_markdown_()
    assert period.splitlines()[0].startswith("**DOCUMENTED**: KP to KR via any route at some time in 2015 (last on ")


def test_policy_answer_markdown_shows_support_last_known_and_undated_context() -> None:
    answer = nk.policy_answer("CN", on=dt.date(2024, 6, 1))
    text = answer._repr_markdown_()
    assert_tables_well_formed(text)
    assert text.startswith("**DOCUMENTED**: policy of China (CN) on 2024-06-01")
    assert "| `cn-2024-2025-forced-returns-hrw` | seen | 2024 to 15 October 2025 | 0 days |" in text
    assert "| `cn-1986-border-protocol` | rule in force | — | 0 days |" in text
    assert "- `cn-explainer-economic-migrants` (undated): " in text
    gone = nk.policy_answer("TH", on=dt.date(2024, 6, 1))._repr_markdown_()
    assert gone.startswith("**UNDOCUMENTED**: policy of Thailand (TH) on 2024-06-01")
    assert "**Last known:** 21 November 2020 (1,288 days before the date asked)" in gone
    never = nk.policy_answer("KR", on=dt.date(1900, 1, 1))._repr_markdown_()
    assert "**Last known:** nothing earlier is documented either" in never


def test_policy_markdown_shows_its_period_in_words_as_precise_as_the_sources() -> None:
    p = nk.policy("CN", on=dt.date(1970, 1, 1))
    assert p is not None
    text = p._repr_markdown_()
    assert "(1960 to 31 December 1985, rule)" in text.splitlines()[0]  # 1960, not 1 January 1960
    rows = {r[0]: r[1] for r in table_rows(text)[2:]}
    assert rows["valid from"] == "1960" and rows["valid until"] == "31 December 1985"


def test_blocked_and_undocumented_assessments_say_so() -> None:
    blocked = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))._repr_markdown_()
    assert blocked.startswith("**BLOCKED**: KP to KR via CN on 2024-06-01")
    assert "Route:" not in blocked
    unknown = nk.can_resettle("KP", None, "KR", on=dt.date(1950, 1, 1))
    text = unknown._repr_markdown_()
    assert text.startswith(f"**{unknown.verdict.value.upper()}**: KP to KR via any route on 1950-01-01")


def test_policy_markdown_keeps_unknown_apart_from_no() -> None:
    p = nk.policy("CN", on=dt.date(2002, 9, 11))
    assert p is not None
    rows = {r[0]: r[1] for r in table_rows(p._repr_markdown_())[2:]}
    assert rows["repatriates"] == "yes"
    assert rows["admits"] == ("undocumented" if p.admits is None else ("yes" if p.admits else "no"))
    assert rows["classification"] == ", ".join(c.value for c in p.classification)
    assert set(rows) >= {"grants", "procedures", "agreements", "exceptions", "sources"}


def test_case_markdown_lists_every_inconsistency() -> None:
    kim = nk.case("ru-kim-temporary-asylum-2016")
    rows = table_rows(kim._repr_markdown_())[2:]
    flagged = [r[1] for r in rows if r[0] == "inconsistency"]
    assert len(flagged) == len(kim.inconsistencies) >= 1
    assert {r[0]: r[1] for r in rows}["applications"] == str(kim.applications)


def test_table_cells_escape_pipes_and_line_breaks() -> None:
    ev = (nk.Evidence("s", "one two three", "a note"),)
    p = nk.Policy(id="x", country=nk.country("TH"), summary="first line\nsecond | line",
                  basis=nk.Basis.RULE, evidence=ev, valid_from=nk.When.parse("2000"),
                  procedures=("a | b", "c\nd"))
    text = p._repr_markdown_()
    assert_tables_well_formed(text)
    assert "first line second | line" in text  # outside the table the pipe is harmless
    assert r"| procedures | a \| b; c d |" in text
    c = nk.Case(id="y", title="t|t", date=None, place=nk.THIRD_COUNTRY,
                people=nk.Quantity(None, nk.Qualifier.UNQUANTIFIED), outcome=nk.Outcome.PENDING,
                evidence=ev, inconsistencies=("x | y",))
    text = c._repr_markdown_()
    assert_tables_well_formed(text)
    assert "| date | undated |" in text and r"| inconsistency | x \| y |" in text


@GENERATED
@given(policies())
@example(nk.Policy(id="p", country="AD", summary="| a summary that starts with a pipe",
                   basis=nk.Basis.RULE, valid_from=nk.When.parse("2002"),
                   evidence=(nk.Evidence("s", "one two three", "n"),)))
def test_generated_policies_render_well_formed_tables(p: nk.Policy) -> None:
    text = p._repr_markdown_()
    assert_tables_well_formed(text)
    assert not text.splitlines()[2].startswith("|")  # the summary is prose, never a table row


@GENERATED
@given(cases())
def test_generated_cases_render_well_formed_tables(c: nk.Case) -> None:
    assert_tables_well_formed(c._repr_markdown_())


@GENERATED
@given(routes())
def test_generated_routes_render_one_row_per_leg(r: nk.Route) -> None:
    rows = table_rows(r._repr_markdown_())
    assert len(rows) == len(r.legs) + 2
    assert_tables_well_formed(r._repr_markdown_())


@pytest.mark.slow  # generated assessments take seconds each; the written-out ones above are quick
@GENERATED
@given(assessments())
def test_generated_assessments_render(a: nk.Assessment) -> None:
    text = a._repr_markdown_()
    assert text.startswith(f"**{a.verdict.value.upper()}**: {a.origin.alpha_2} to {a.dest.alpha_2}")
    steps = [line for line in text.splitlines() if re.match(r"\d+\. ", line)]
    assert len(steps) == len(a.explanation)  # a line break inside a step cannot split it
    assert (f"Route: `{a.route}`" in text) == (a.route is not None)
    assert attrs.evolve(a)._repr_markdown_() == text
