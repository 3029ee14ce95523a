"""How a statement bears on the date asked: seen, between sightings, rule in force, carried
forward, last known, undated only, or nothing (see :mod:`nkasylum.engine.sightings`)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import backing_text, coverage_cell_text
from nkasylum.model.sources import Evidence

__all__ = ["DOCUMENTING", "Backing", "CoverageCell", "Support"]


class Support(enum.Enum):
    """How a statement is supported on the date asked.

    Example:
        >>> import nkasylum as nk
        >>> nk.Support("between sightings").name
        'BETWEEN_SIGHTINGS'
    """

    SEEN = "seen"
    """A source saw it during a span that covers the date."""
    BETWEEN_SIGHTINGS = "between sightings"
    """The date lies between two sightings of it: documented before and after."""
    RULE = "rule in force"
    """A law, treaty or official status in force on the date."""
    CARRIED_FORWARD = "carried forward"
    """Seen last before the date, within the ``horizon=`` the caller opted in to."""
    LAST_KNOWN = "last known"
    """Seen last before the date, and not carried forward: not documented on the date."""
    UNDATED = "undated only"
    """Only undated statements bear on it: context, never an answer for a date."""
    NOTHING = "nothing"
    """No statement bears on it."""


DOCUMENTING = frozenset({Support.SEEN, Support.BETWEEN_SIGHTINGS, Support.RULE,
                         Support.CARRIED_FORWARD})
"""The kinds of support under which a statement answers for a date."""


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Backing:
    """How one statement (a policy, a passage, or a count of arrivals) bears on the date asked.

    Attributes:
        entry: the id of the statement.
        support: how it is supported on the date.
        age: from the date asked to the nearest sighting used; zero when a sighting or a
            rule in force covers the date.
        evidence: the evidence that bears on the date: sightings at or before it, and the
            next one after it when the support is "between sightings".
        sighting: the sighting nearest the date (``None`` for a rule).
        gap: for "between sightings", the time between the two sightings that bracket the
            date (``None`` otherwise).
        before: for "between sightings", the sighting before the date.
        after: for "between sightings", the sighting after the date.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
        >>> [(b.entry, b.support.value) for b in a.backing][:2]
        [('kp-ru-labour-contract', 'seen'), ('ru-kr-unhcr-moscow', 'seen')]
    """

    entry: str
    support: Support
    age: dt.timedelta
    evidence: tuple[Evidence, ...]
    sighting: When | None = None
    gap: dt.timedelta | None = attrs.field(default=None, kw_only=True)
    before: When | None = attrs.field(default=None, kw_only=True)
    after: When | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return backing_text(self)



@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class CoverageCell:
    """How well the knowledge base answers for one country on one day: a cell of the
    coverage table (:func:`nkasylum.coverage`).

    Attributes:
        country: the country (alpha-2 code) or region id.
        on: the day asked (e.g. 1 July of the year).
        support: the strongest support of the policy documented that day (rule in force,
            seen, between sightings); else last known, undated only, or nothing.
        age: for last known, how long before ``on`` the last documented policy held; for
            between sightings, the distance to the nearest sighting; else zero or ``None``.
        entries: the ids of the statements behind the cell (for undated only: the
            undated statements).

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> cell = nk.coverage(["KR"], [2015])[0]
        >>> cell.country, cell.on, cell.support.value
        ('KR', datetime.date(2015, 7, 1), 'rule in force')
    """

    country: str
    on: dt.date
    support: Support
    age: dt.timedelta | None = None
    entries: tuple[str, ...] = ()

    @property
    def documented(self) -> bool:
        """Whether a policy is documented that day (rule in force, seen, between sightings)."""
        return self.support in (Support.RULE, Support.SEEN, Support.BETWEEN_SIGHTINGS)

    def __str__(self) -> str:
        return coverage_cell_text(self)
