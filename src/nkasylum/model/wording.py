"""The wording of an assessment's explanation: one readable line per structured step.

Plain string helpers, kept beside the value types (as design.md asks of what a value shows)
so that :attr:`nkasylum.Assessment.explanation` can be rendered when it is read; the engine
never writes sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nkasylum.core.places import place_label
from nkasylum.core.text import date_words, days, joined
from nkasylum.model.display import people
from nkasylum.model.passages import Channel
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing, Support
from nkasylum.model.verdicts import Step, StepKind

__all__ = ["cite", "explanation", "few", "line", "short_lines", "support_phrase"]

_FEW = 5
"""How many ids a short answer lists before "and N more"."""


def cite(evidence: Sequence[Evidence]) -> str:
    """The source ids behind ``evidence``, once each, in brackets: ``[voa-2002-09-11, ...]``."""
    return "[" + ", ".join(dict.fromkeys(e.source for e in evidence)) + "]"


def explanation(steps: Sequence[Step]) -> tuple[str, ...]:
    """One line per step, in order."""
    return tuple(line(step) for step in steps)


def line(step: Step) -> str:
    """The readable line of one step.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> from nkasylum.model.verdicts import Step, StepKind
        >>> print(line(Step(StepKind.NO_PASSAGE, dt.date(2005, 6, 1), nk.Route.parse("KP > RU").legs[0])))
        KP > RU: no passage is documented on 2005-06-01.
    """
    return _WORDS[step.kind](step)


def support_phrase(b: Backing, period: str = "") -> str:
    """How one statement is supported, in the words the documentation uses.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> b = nk.Backing("x", nk.Support.BETWEEN_SIGHTINGS, dt.timedelta(days=40), (),
        ...                nk.When.parse("2005-12-19"))
        >>> support_phrase(b)
        'between sightings (nearest 19 December 2005, 40 days away)'
        >>> support_phrase(nk.Backing("x", nk.Support.BETWEEN_SIGHTINGS, dt.timedelta(days=40), (),
        ...     nk.When.parse("2005-12-19"), gap=dt.timedelta(days=400),
        ...     before=nk.When.parse("2005-12-19"), after=nk.When.parse("2007-01")))
        'between sightings 19 December 2005 and January 2007 (gap 400 days; nearest 19 December 2005, 40 days away)'
    """
    if b.support is Support.SEEN:
        return f"seen {date_words(b.sighting)}"
    if b.support is Support.BETWEEN_SIGHTINGS:
        if b.gap is not None and b.before is not None and b.after is not None:
            return (f"between sightings {date_words(b.before)} and {date_words(b.after)} (gap {days(b.gap)}; "
                    f"nearest {date_words(b.sighting)}, {days(b.age)} away)")
        return f"between sightings (nearest {date_words(b.sighting)}, {days(b.age)} away)"
    if b.support is Support.RULE:
        return f"rule in force {period}".rstrip()
    if b.support is Support.CARRIED_FORWARD:
        return f"carried forward (last seen {date_words(b.sighting)}, {days(b.age)} before)"
    if b.support is Support.LAST_KNOWN:
        last = f" {date_words(b.sighting)}" if b.sighting is not None else ""
        return f"last known{last}, {days(b.age)} before the date asked"
    if b.support is Support.UNDATED:
        return "undated"
    return "not yet seen on the date asked"


def _passage(s: Step) -> str:
    p = s.passage
    assert p is not None
    support = support_phrase(s.backing[0], p.period) if s.backing else f"documented {p.period}"
    if p.channel is Channel.UNKNOWN_ROUTE:
        return (f"{place_label(p.origin)} > {place_label(p.dest)}: route unknown, {support}. "
                f"{p.summary} {cite(s.evidence)}")
    via = " via a third country" if p.via_third_country else ""
    actor = f" ({p.actor})" if p.actor else ""
    return (f"{place_label(p.origin)} > {place_label(p.dest)}{via}: {p.channel.value}{actor}, "
            f"{support}. {p.summary} {cite(s.evidence)}")


def _ends(s: Step) -> tuple[str, str, str, str]:
    """The leg's codes and names: ``(from code, to code, from name, to name)``."""
    assert s.leg is not None
    a, b = s.leg.origin, s.leg.dest
    return place_label(a), place_label(b), a.name, b.name


def _returns_yet_leaves(s: Step) -> str:
    assert s.policy is not None
    return (f"{_ends(s)[2]} sends North Koreans back in principle on {s.on}, yet this passage out of "
            f"it is documented then: {s.policy.summary} {cite(s.policy.evidence)}")


def _blocked_leaving(s: Step) -> str:
    a, b, a_name, b_name = _ends(s)
    assert s.policy is not None
    return (f"{a} > {b}: blocked on {s.on}. {a_name} sends North Koreans back (policy "
            f"{s.policy.period}): {s.policy.summary} {cite(s.policy.evidence)} No passage from "
            f"{a_name} to {b_name} is documented on that date.")


def _blocked_arriving(s: Step) -> str:
    a, b, _, b_name = _ends(s)
    assert s.policy is not None
    return (f"{a} > {b}: blocked on {s.on}. {b_name} does not take North Koreans in (policy "
            f"{s.policy.period}): {s.policy.summary} {cite(s.policy.evidence)}")


def _no_passage(s: Step) -> str:
    a, b, _, _ = _ends(s)
    return f"{a} > {b}: no passage is documented on {s.on}."


def _returns_with_exceptions(s: Step) -> str:
    # A documented exception may or may not reach this way: unknown, not closed.
    assert s.policy is not None
    return (f"{_ends(s)[2]} sends North Koreans back in principle on {s.on}, with documented "
            f"exceptions ({joined(s.policy.exceptions)}); whether one reaches this way is "
            f"undocumented {cite(s.policy.evidence)}")


def _other_dates(s: Step) -> str:
    a, b, _, _ = _ends(s)
    p = s.passage
    assert p is not None
    when = support_phrase(s.backing[0], p.period) if s.backing else (
        "undated" if p.undated else f"documented only {p.period}")
    return (f"{a} > {b} by {p.channel.value}: {when}; not documented on the date asked "
            f"{cite(s.evidence)}")


def _figure(s: Step) -> str:
    stat = s.statistic
    assert stat is not None
    where = f" ({stat.area})" if stat.area else ""
    return (f"Figure for {_ends(s)[3]}{where}, {date_words(stat.as_of)}: {people(stat.value)} — "
            f"{stat.description} {cite(stat.evidence)}")


def _no_route(s: Step) -> str:
    a, b, _, _ = _ends(s)
    if s.route is not None:  # the waypoints asked, in order
        through = " then ".join(place_label(p) for p in s.route.transits)
        return (f"No documented route from {a} to {b} through {through} (other stops allowed) on "
                f"{s.on} names at most {s.transits} transit countries.")
    return (f"No documented route from {a} to {b} on {s.on} names at most {s.transits} transit "
            "countries.")


def _last_route(s: Step) -> str:
    route = f": {s.route}" if s.route is not None else ""
    age = f" ({days(s.age)} before the date asked)" if s.age is not None else ""
    return (f"Last known: the latest earlier day on which this was documented is {s.dates[0]}{age}"
            f"{route} {cite(s.evidence)}; nothing documents it since.")


def _undated(s: Step) -> str:
    entry = s.policy if s.policy is not None else s.passage
    assert entry is not None
    return (f"Undated context ({entry.id}): {entry.summary} {cite(entry.evidence)} It answers no "
            "dated question.")


def _destination_closed(s: Step) -> str:
    assert s.policy is not None
    return (f"{_ends(s)[3]} does not take North Koreans in on {s.on} (policy {s.policy.period}): "
            f"{s.policy.summary} {cite(s.policy.evidence)}")


def _dead_end(s: Step) -> str:
    assert s.policy is not None
    return (f"{_ends(s)[3]} is reached by a documented passage but sends North Koreans back on "
            f"{s.on}, with no documented way on: {s.policy.summary} {cite(s.policy.evidence)}")


def _arrival(s: Step) -> str:
    assert s.policy is not None
    grants = f" (grants: {', '.join(g.value for g in s.policy.grants)})" if s.policy.grants else ""
    return (f"In {_ends(s)[3]} on {s.on}: {s.policy.summary}{grants} "
            f"{cite(s.policy.evidence)}")


def _disputed(s: Step) -> str:
    c = s.conflict
    assert c is not None
    return f"Disputed: {c.subject} (conflict {c.id}) {cite(c.evidence)}"


def _evidence_dates(s: Step) -> str:
    age = f" Evidence age: {days(s.age)}." if s.age is not None else ""
    if not s.dates:
        return f"No dated evidence bears on this answer.{age}"
    oldest, newest = s.dates
    span = f"from {oldest} to {newest}" if oldest != newest else f"of {newest}"
    return f"Evidence used was reported {span}; the date asked is {s.on}.{age}"


_WORDS: dict[StepKind, Callable[[Step], str]] = {
    StepKind.PASSAGE: _passage,
    StepKind.RETURNS_YET_LEAVES: _returns_yet_leaves,
    StepKind.BLOCKED_LEAVING: _blocked_leaving,
    StepKind.BLOCKED_ARRIVING: _blocked_arriving,
    StepKind.NO_PASSAGE: _no_passage,
    StepKind.RETURNS_WITH_EXCEPTIONS: _returns_with_exceptions,
    StepKind.OTHER_DATES: _other_dates,
    StepKind.FIGURE: _figure,
    StepKind.NO_ROUTE: _no_route,
    StepKind.LAST_ROUTE: _last_route,
    StepKind.DESTINATION_CLOSED: _destination_closed,
    StepKind.DEAD_END: _dead_end,
    StepKind.ARRIVAL: _arrival,
    StepKind.DISPUTED: _disputed,
    StepKind.EVIDENCE_DATES: _evidence_dates,
    StepKind.UNDATED: _undated,
}


def few(ids: Sequence[str], most: int = _FEW) -> str:
    """Up to ``most`` ids, then how many more: ``a, b, c and 4 more``.

    Example:
        >>> few(["a", "b", "c", "d"], 2)
        'a, b and 2 more'
    """
    shown_ids = ", ".join(ids[:most])
    return shown_ids if len(ids) <= most else f"{shown_ids} and {len(ids) - most} more"


_BLOCKING = frozenset({StepKind.BLOCKED_LEAVING, StepKind.BLOCKED_ARRIVING,
                       StepKind.DESTINATION_CLOSED})


def _leg_label(s: Step) -> str:
    a, b, _, _ = _ends(s)
    return f"{a} > {b}"


def _short_passage(s: Step) -> str:
    p = s.passage
    assert p is not None
    support = support_phrase(s.backing[0], p.period) if s.backing else f"documented {p.period}"
    if p.channel is Channel.UNKNOWN_ROUTE:
        return f"{place_label(p.origin)} > {place_label(p.dest)}: route unknown, {support}"
    via = " via a third country" if p.via_third_country else ""
    return f"{place_label(p.origin)} > {place_label(p.dest)}{via} by {p.channel.value}: {support}"


def _short_blocked(s: Step) -> str:
    assert s.policy is not None
    whose = place_label(s.policy.country)
    what = ("does not take North Koreans in" if s.kind is not StepKind.BLOCKED_LEAVING
            else f"sends North Koreans back and no passage {_leg_label(s)} is documented")
    support = f", {support_phrase(s.backing[0], s.policy.period)}" if s.backing else ""
    # A merged policy's id joins the ids of the statements behind it with "+".
    return f"{_leg_label(s)}: blocked: {whose} {what} ({few(s.policy.id.split('+'), 2)}{support})"


def short_lines(steps: Sequence[Step]) -> list[str]:
    """One line per leg the answer rests on, for a short answer: each passage with its
    support and age; each blocked leg with the policy that blocks it; each leg with no
    passage on the date with the nearest earlier sighting of one (once), if any. Context
    (figures, undated statements, disputes) is left to the full explanation."""
    lines: list[str] = []
    last_seen: dict[str, Step] = {}
    for s in steps:
        if s.kind is StepKind.OTHER_DATES and s.backing and s.backing[0].support is Support.LAST_KNOWN:
            key = _leg_label(s)
            if key not in last_seen or s.backing[0].age < last_seen[key].backing[0].age:
                last_seen[key] = s
    for s in steps:
        if s.kind is StepKind.PASSAGE:
            lines.append(_short_passage(s))
        elif s.kind in _BLOCKING:
            lines.append(_short_blocked(s))
        elif s.kind is StepKind.NO_PASSAGE:
            known = last_seen.get(_leg_label(s))
            tail = ""
            if known is not None and known.passage is not None:
                tail = (f"; last known {known.backing[0].sighting} by {known.passage.channel.value}, "
                        f"{days(known.backing[0].age)} before")
            lines.append(f"{_leg_label(s)}: no passage documented on {s.on}{tail}")
        elif s.kind is StepKind.NO_ROUTE:
            lines.append(_no_route(s))
    return lines
