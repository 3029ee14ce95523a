"""Plain text for people: what ``str()`` of each value type gives, and what the command line
prints for it.

One paragraph or a few ``name: value`` lines per value, dates in words (no EDTF marks),
counts with their nouns ("1 person"), lists joined without ".;". The ``repr`` stays a short
constructor-like summary (:mod:`nkasylum.core.values`) and notebooks get Markdown
(:mod:`nkasylum.model.markdown`). Plain string helpers, no queries: the value types import
this module and call its functions from ``__str__``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from nkasylum.core.places import place_label
from nkasylum.core.quantities import Quantity, Unit
from nkasylum.core.text import date_words, days, fields_text, joined, plural, wrapped

if TYPE_CHECKING:  # only for annotations: the value types import this module
    from nkasylum.model.answers import PolicyAnswer
    from nkasylum.model.cases import Case
    from nkasylum.model.conflicts import Conflict
    from nkasylum.model.passages import Passage
    from nkasylum.model.policies import Policy, Urging
    from nkasylum.model.sources import Evidence, Source
    from nkasylum.model.statistics import SeriesPoint, Statistic
    from nkasylum.model.support import Backing, CoverageCell

__all__ = ["backing_text", "case_text", "conflict_markdown", "conflict_text", "coverage_cell_text", "evidence_text",
           "horizon_text", "knowledge_base_text", "passage_markdown", "passage_text", "people", "policy_answer_text",
           "policy_text",
           "series_point_text", "source_markdown", "source_text", "sources_of", "statistic_markdown",
           "statistic_text", "urging_text", "yes_no"]


def yes_no(value: bool | None) -> str:
    """``yes``, ``no``, or ``undocumented`` (the sources leave it open: unknown is not no)."""
    return "undocumented" if value is None else ("yes" if value else "no")


def people(q: Quantity) -> str:
    """A count with its noun: ``1 person``, ``more than 30 people``, ``72%``.

    Example:
        >>> import nkasylum as nk
        >>> people(nk.Quantity(1)), people(nk.Quantity(30, nk.Qualifier.MORE_THAN))
        ('1 person', 'more than 30 people')
    """
    if q.unit is not Unit.PEOPLE or q.value is None:
        return str(q)
    return f"{q} {'person' if q.value == 1 else 'people'}"


def sources_of(evidence: Iterable[Evidence]) -> str:
    """The source ids behind ``evidence``, once each, in order."""
    return ", ".join(dict.fromkeys(e.source for e in evidence))


_Parts = tuple[str, str, list[tuple[str, object]]]  # a title, a paragraph, fields by name


def _block(title: str, summary: str, rows: Iterable[tuple[str, object]]) -> str:
    lines = [*wrapped(title), *wrapped(summary)]
    fields = fields_text(rows)
    return "\n".join([*lines, "", *fields] if fields else lines)


def policy_text(policy: Policy) -> str:
    """A policy as people read it: its place and period, its summary, then its fields by name.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> print(policy_text(nk.policy("CN", on=dt.date(1970, 1, 1))))
        Policy of China (CN), 1960 to 31 December 1985 (rule): cn-1960-extradition-convention
        China and North Korea agreed in 1960 on a convention for extraditing each other's
        criminals.
        <BLANKLINE>
          repatriates: undocumented
          admits:      undocumented
          agreements:  Extradition Convention of Chinese and North Korean Criminals (1960; day
                       and month not given).
          sources:     donga-2004-06-30
    """
    return _block(
        f"Policy of {policy.country}, {policy.period} ({policy.basis.value}): {policy.id}", policy.summary,
        [("classification", ", ".join(c.value for c in policy.classification)),
         ("repatriates", yes_no(policy.repatriates)),
         ("returns to", ", ".join(place_label(p) for p in policy.returns_to)),
         ("admits", yes_no(policy.admits)),
         ("grants", ", ".join(g.value for g in policy.grants)),
         ("procedures", joined(policy.procedures)),
         ("agreements", joined(policy.agreements)),
         ("exceptions", joined(policy.exceptions)),
         ("urges", joined((urging_text(u).removeprefix("urges ") for u in policy.urges), "; ")),
         ("sources", sources_of(policy.evidence))])


def case_text(case: Case) -> str:
    """A case: its title, then its date (in words), place, people, outcome and sources.

    Example:
        >>> import nkasylum as nk
        >>> print(case_text(nk.case("cn-german-school-15-2002")))
        Case cn-german-school-15-2002: Fifteen North Koreans who had sheltered in a German
        government school in Beijing leave for Seoul via a third country.
        <BLANKLINE>
          date:    11 September 2002
          place:   China (CN)
          people:  15 people
          outcome: left-for-third-country
          channel: foreign-mission
          route:   CN > third country > KR
          sources: voa-2002-09-11
    """
    return _block(
        f"Case {case.id}: {' '.join(case.title.split())}", "",
        [("date", date_words(case.date)), ("place", case.place), ("people", people(case.people)),
         ("outcome", case.outcome.value), ("channel", case.channel.value if case.channel else None),
         ("route", case.route), ("applications", case.applications),
         ("inconsistencies", joined(case.inconsistencies)), ("sources", sources_of(case.evidence))])


def passage_text(passage: Passage) -> str:
    """A passage: its leg, channel and period, its summary, then its conditions and sources."""
    return _block(*_passage(passage))


def _passage(passage: Passage) -> _Parts:
    via = " via a third country" if passage.via_third_country else ""
    return (
        f"Passage {place_label(passage.origin)} > {place_label(passage.dest)}{via} by {passage.channel.value}, "
        f"{passage.period} ({passage.basis.value}): {passage.id}", passage.summary,
        [("actor", passage.actor), ("conditions", joined(passage.conditions)),
         ("sources", sources_of(passage.evidence))])


def statistic_text(stat: Statistic) -> str:
    """A figure: its value and date in words, what it counts, where, and its sources.

    Example:
        >>> import nkasylum as nk
        >>> print(statistic_text(nk.statistics(measure="arrivals-in-south-korea")[0]))
        Figure kr-arrivals-1993-oananews: 34 people, 1993
        North Korean defectors who settled in South Korea in 1993, per Yonhap (via OANA) in
        January 2009.
        <BLANKLINE>
          place:   South Korea (KR)
          measure: arrivals-in-south-korea
          year:    1993
          sources: oananews-2009-01-05
    """
    return _block(*_statistic(stat))


def _statistic(stat: Statistic) -> _Parts:
    where = f"{stat.place} ({stat.area})" if stat.area else str(stat.place)
    return (
        f"Figure {stat.id}: {people(stat.value)}, {date_words(stat.as_of)}", stat.description,
        [("place", where), ("measure", stat.measure), ("year", stat.year),
         ("via", stat.via), ("sources", sources_of(stat.evidence))])


def series_point_text(point: SeriesPoint) -> str:
    """One year of a series: ``2009: 2,914 people (statistic id; disputed: ...)``."""
    disputed = f"; disputed: {', '.join(point.disputed)}" if point.disputed else ""
    return f"{point.year}: {people(point.value)} ({point.statistic}{disputed})"


def source_text(source: Source) -> str:
    """A source: its title, publisher, date in words, kind, address and language."""
    return _block(*_source(source))


def _source(source: Source) -> _Parts:
    return (
        f"Source {source.id}: {' '.join(source.title.split())}", "",
        [("publisher", source.publisher), ("original", source.original_publisher),
         ("author", source.author), ("published", date_words(source.published)), ("kind", source.kind.value),
         ("url", source.url), ("language", source.language),
         ("quotes", plural(len(source.quotes), "quote") if source.quotes else None)])


def conflict_text(conflict: Conflict) -> str:
    """A disagreement between sources: what is disputed, the versions and their sources."""
    return _block(*_conflict(conflict))


def _conflict(conflict: Conflict) -> _Parts:
    return (f"Conflict {conflict.id}", conflict.subject,
            [("versions", ", ".join(conflict.versions)), ("sources", sources_of(conflict.evidence))])


def _markdown(title: str, summary: str, rows: Sequence[tuple[str, object]]) -> str:
    def cell(value: object) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    head, _, rest = title.partition(": ")
    lines = [f"**{head}**" + (f": {cell(rest)}" if rest else "")]
    if summary.strip():
        text = cell(summary)
        lines += ["", "\\" + text if text.startswith("|") else text]
    kept = [(name, value) for name, value in rows if value not in (None, "", ())]
    if kept:
        lines += ["", "| field | value |", "|---|---|", *(f"| {name} | {cell(value)} |" for name, value in kept)]
    return "\n".join(lines)


def source_markdown(source: Source) -> str:
    """What Jupyter shows for a :class:`~nkasylum.Source`: its title and fields as a table."""
    return _markdown(*_source(source))


def statistic_markdown(stat: Statistic) -> str:
    """What Jupyter shows for a :class:`~nkasylum.Statistic`."""
    return _markdown(*_statistic(stat))


def passage_markdown(passage: Passage) -> str:
    """What Jupyter shows for a :class:`~nkasylum.Passage`."""
    return _markdown(*_passage(passage))


def conflict_markdown(conflict: Conflict) -> str:
    """What Jupyter shows for a :class:`~nkasylum.Conflict`."""
    return _markdown(*_conflict(conflict))


def evidence_text(evidence: Evidence) -> str:
    """One piece of evidence: ``source: “anchor” (note)``."""
    when = f", {date_words(evidence.happened)}" if evidence.happened is not None else ""
    return f"{evidence.source}: “{evidence.anchor}”{when} ({' '.join(evidence.note.split())})"


def coverage_cell_text(cell: CoverageCell) -> str:
    """One cell of the coverage grid: ``CN on 1 July 2002: seen (cn-...)``."""
    entries = f" ({', '.join(cell.entries)})" if cell.entries else ""
    return f"{cell.country} on {date_words(cell.on)}: {cell.support.value}{entries}"


def backing_text(b: Backing) -> str:
    """How one statement is supported: ``cn-1986-border-protocol: rule in force, age 0 days``."""
    sighting = f", sighting {date_words(b.sighting)}" if b.sighting is not None else ""
    return f"{b.entry}: {b.support.value}{sighting}, age {days(b.age)}"


def urging_text(urging: Urging) -> str:
    """``urges China (CN) to classify North Koreans as refugee``."""
    return f"urges {urging.target} to classify North Koreans as {', '.join(c.value for c in urging.classification)}"


def knowledge_base_text(kb: Any) -> str:
    """What a knowledge base holds, counted: ``Knowledge base: 674 sources, 428 policies, ...``."""
    counts = [plural(len(kb.all_sources), "source"), plural(len(kb.all_policies), "policy", "policies"),
              plural(len(kb.all_passages), "passage"), plural(len(kb.all_cases), "case"),
              plural(len(kb.all_statistics), "figure"), plural(len(kb.all_conflicts), "conflict")]
    return f"Knowledge base: {', '.join(counts)}"


def _support_rows(backing: Sequence[Backing]) -> list[str]:
    if not backing:
        return []
    return ["", "Support:", *(f"  {backing_text(b)}" for b in backing)]


def horizon_text(horizon: dt.timedelta | None) -> str:
    """How far observations are carried forward past their last sighting, in words."""
    return ("observations are not carried forward past their last sighting" if horizon is None
            else f"observations carried forward up to {days(horizon)}")


def policy_answer_text(answer: PolicyAnswer) -> str:
    """What ``nkasylum policy`` prints: the policy documented on the date (or what was last
    known, and when), the support of each statement, the evidence age and the undated context.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> print(policy_answer_text(nk.policy_answer("TH", on=dt.date(2024, 6, 1))).splitlines()[0])
        No policy of Thailand (TH) is documented on 1 June 2024 (undocumented, not 'none').
    """
    when = (f"at some time in {date_words(answer.asked)} (last on {date_words(answer.on)})"
            if answer.asked is not None else f"on {date_words(answer.on)}")
    shown = answer
    if answer.policy is not None:
        lines = [f"{answer.country}: policy documented {when}", ""]
    else:
        lines = [f"No policy of {answer.country} is documented {when} (undocumented, not 'none')."]
        known = answer.last_known
        if known is None or known.policy is None:
            lines.append("Last known: nothing earlier is documented either.")
        else:
            lines += [f"Last known: {date_words(known.on)}, {days(answer.on - known.on)} before the date asked; "
                      "nothing documents it since:", ""]
            shown = known
    if shown.policy is not None:
        lines.append(policy_text(shown.policy))
        lines += _support_rows(shown.backing)
        lines.append(f"Evidence age: {days(shown.evidence_age)}; newest evidence: "
                     f"{date_words(shown.latest_evidence)}.")
    lines.append(horizon_text(answer.horizon)[0].upper() + horizon_text(answer.horizon)[1:] + ".")
    if answer.undated:
        lines += ["", f"Undated context: {plural(len(answer.undated), 'undated statement')} (they answer no dated "
                      f"question): {', '.join(p.id for p in answer.undated)}."]
    return "\n".join(lines)
