"""Verdicts and the structured steps of an assessment: what the engine found, before any wording.

The engine (:mod:`nkasylum.engine.legs`, :mod:`nkasylum.engine.assessment`) produces
:class:`Step` values; :mod:`nkasylum.model.wording` turns each into one readable line when
:attr:`nkasylum.Assessment.explanation` is read.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.errors import DataError
from nkasylum.core.values import value_type
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Evidence
from nkasylum.model.statistics import Statistic
from nkasylum.model.support import Backing

__all__ = ["Step", "StepKind", "Verdict"]


class Verdict(enum.Enum):
    """The three answers: documented possible, documented blocked, undocumented.

    Example:
        >>> import nkasylum as nk
        >>> [v.value for v in nk.Verdict]
        ['documented', 'blocked', 'undocumented']
    """

    DOCUMENTED = "documented"
    """A documented way exists on that date."""
    BLOCKED = "blocked"
    """The sources show the way closed on that date."""
    UNDOCUMENTED = "undocumented"
    """The sources say nothing either way for that date. Unknown is not no."""


class StepKind(enum.Enum):
    """What one step of an assessment establishes (each kind is worded as one line).

    Example:
        >>> from nkasylum.model.verdicts import StepKind
        >>> StepKind("blocked-leaving").supports
        True
        >>> StepKind.OTHER_DATES.supports  # context: not evidence for the date asked
        False
    """

    PASSAGE = "passage"
    """A passage documents the leg on the date asked (``leg``, ``passage``)."""
    RETURNS_YET_LEAVES = "returns-yet-leaves"
    """The country left sends North Koreans back in principle, yet the passage out is documented (``policy``)."""
    BLOCKED_LEAVING = "blocked-leaving"
    """No passage, and the country left sends North Koreans back with no exception (``policy``)."""
    BLOCKED_ARRIVING = "blocked-arriving"
    """No passage into the destination, which does not take North Koreans in (``policy``)."""
    NO_PASSAGE = "no-passage"
    """No passage documents the leg on the date asked, and nothing closes it."""
    RETURNS_WITH_EXCEPTIONS = "returns-with-exceptions"
    """The country left sends North Koreans back but with documented exceptions (``policy``)."""
    OTHER_DATES = "other-dates"
    """Context: a passage for this leg documented only at other dates, or undated (``passage``)."""
    FIGURE = "figure"
    """Context: a figure for the leg's destination in the year asked (``statistic``)."""
    NO_ROUTE = "no-route"
    """No documented route names at most ``transits`` transit countries on the date asked
    (through the waypoints asked, in order: ``route``'s transit countries, when it is set)."""
    LAST_ROUTE = "last-route"
    """Context: the latest earlier day on which the same question was documented (``dates[0]``;
    ``route`` when one was)."""
    UNDATED = "undated"
    """Context: an undated statement about a place on the journey; it answers no dated
    question (``policy`` or ``passage``)."""
    DESTINATION_CLOSED = "destination-closed"
    """The destination does not take North Koreans in on the date asked (``policy``)."""
    DEAD_END = "dead-end"
    """A documented passage reaches a country that sends North Koreans back, with no way on (``policy``)."""
    ARRIVAL = "arrival"
    """What the destination grants North Koreans who arrive (``policy``)."""
    DISPUTED = "disputed"
    """Context: sources disagree about an entry the answer rests on (``conflict``)."""
    EVIDENCE_DATES = "evidence-dates"
    """Context: the oldest and newest dates of the evidence used (``dates``; empty if none is dated)."""

    @property
    def supports(self) -> bool:
        """Whether the step's evidence bears on the answer (otherwise it is context, shown beside it)."""
        return self not in _CONTEXT


_CONTEXT = frozenset({StepKind.NO_PASSAGE, StepKind.OTHER_DATES, StepKind.FIGURE, StepKind.NO_ROUTE,
                      StepKind.LAST_ROUTE, StepKind.DISPUTED, StepKind.EVIDENCE_DATES,
                      StepKind.UNDATED})
# The fields each kind needs, so that every step can be worded.
_NEEDS: dict[StepKind, tuple[str, ...]] = {
    StepKind.PASSAGE: ("leg", "passage"), StepKind.OTHER_DATES: ("leg", "passage"),
    StepKind.FIGURE: ("leg", "statistic"), StepKind.NO_PASSAGE: ("leg",),
    StepKind.NO_ROUTE: ("leg", "transits"), StepKind.LAST_ROUTE: ("leg",), StepKind.UNDATED: (),
    StepKind.DISPUTED: ("conflict",), StepKind.EVIDENCE_DATES: (),
    **dict.fromkeys((StepKind.RETURNS_YET_LEAVES, StepKind.BLOCKED_LEAVING, StepKind.BLOCKED_ARRIVING,
                     StepKind.RETURNS_WITH_EXCEPTIONS, StepKind.DESTINATION_CLOSED, StepKind.DEAD_END,
                     StepKind.ARRIVAL), ("leg", "policy")),
}


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Step:
    """One finding of an assessment, as data: read its fields, or its line in ``explanation``.

    Attributes:
        kind: what the step establishes (see :class:`StepKind`).
        on: the date asked about.
        leg: the leg (or, for whole-journey steps, origin and destination) it is about.
        verdict: the leg's verdict, for the steps that decide one.
        entries: ids of the entries the step rests on (merged policies give each id).
        evidence: the evidence the step cites.
        passage: the passage it reports, where it reports one.
        policy: the (merged) policy it reports, where it reports one.
        statistic: the figure it reports, for a figure seen nearby.
        conflict: the disagreement it reports, for a disputed entry.
        route: the route it names, for the latest earlier route.
        dates: the day of the latest earlier route, or the oldest and newest evidence dates.
        transits: the most transit countries a route was searched with.
        backing: how each statement the step rests on is supported on the date asked
            (seen, between sightings, rule in force, carried forward; or, for context,
            last known, undated only, nothing), with its age and the evidence bearing on
            that date.
        age: for an evidence-dates step, the answer's evidence age; for a last-route step,
            how long before the date asked the question was last documented.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2016, 6, 16), exact=True,
        ...                     max_gap=dt.timedelta(days=5 * 365))  # these legs: a step each
        >>> [(s.kind.value, s.verdict and s.verdict.value) for s in a.steps][:2]
        [('passage', 'documented'), ('blocked-leaving', 'blocked')]
        >>> a.steps[1].policy.repatriates, "ru-readmission-agreement" in a.steps[1].entries
        (True, True)
    """

    kind: StepKind
    on: dt.date
    leg: Leg | None = None
    verdict: Verdict | None = None
    entries: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    passage: Passage | None = None
    policy: Policy | None = None
    statistic: Statistic | None = None
    conflict: Conflict | None = None
    route: Route | None = None
    dates: tuple[dt.date, ...] = ()
    transits: int | None = None
    backing: tuple[Backing, ...] = ()
    age: dt.timedelta | None = None

    def __attrs_post_init__(self) -> None:
        for name in _NEEDS[self.kind]:
            if getattr(self, name) is None:
                raise DataError(f"a {self.kind.value} step needs its {name}", field=name)
        if self.kind is StepKind.UNDATED and self.policy is None and self.passage is None:
            raise DataError("an undated step names its policy or passage", field="policy")
        if self.kind is StepKind.LAST_ROUTE and len(self.dates) != 1:
            raise DataError("a last-route step gives the one day of that route", field="dates")
        if self.kind is StepKind.EVIDENCE_DATES and len(self.dates) not in (0, 2):
            raise DataError("an evidence-dates step gives the oldest and newest date, or none",
                            field="dates")
