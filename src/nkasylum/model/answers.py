"""The answer to "what was this country's policy on this date?", with how it is supported."""

from __future__ import annotations

import datetime as dt

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.places import Region, as_place
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import policy_answer_text
from nkasylum.model.markdown import policy_answer_markdown
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing

__all__ = ["PolicyAnswer"]


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class PolicyAnswer:
    """A country's policy on a date, with its support, its evidence and what was last known.

    ``bool(answer)`` is True only when a policy is documented on the date; ``policy`` then
    holds it (the same value :func:`nkasylum.policy` returns).

    Attributes:
        country: the country (or region) asked about.
        on: the day the answer is for (for a period asked, the last day in it with a
            documented policy, or its last day).
        asked: the period asked, or ``None`` when a single day was asked.
        policy: the merged policy documented on ``on``, or ``None`` (undocumented).
        backing: how each statement merged into it is supported on ``on`` (seen, between
            sightings, rule in force, carried forward).
        evidence: the evidence that bears on ``on``.
        latest_evidence: the report date of the newest source among that evidence.
        evidence_age: from ``on`` to the nearest sighting of the weakest-supported
            statement (zero when sightings or rules cover the date); for an undocumented
            answer, how long ago the last known policy held.
        last_known: when nothing is documented on ``on``, the latest earlier documented
            answer (its ``on`` is the last day it held), or ``None``.
        undated: the country's undated statements: context, never an answer for a date.
        horizon: how far observations were carried forward (``None``: not at all).

    Example:
        >>> import nkasylum as nk
        >>> a = nk.policy_answer("South Korea", on=2015)
        >>> bool(a), [p.undated for p in a.undated][:1]
        (True, [True])
    """

    country: Country | Region = attrs.field(converter=as_place)
    on: dt.date
    policy: Policy | None
    backing: tuple[Backing, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    latest_evidence: dt.date | None = None
    evidence_age: dt.timedelta | None = None
    last_known: PolicyAnswer | None = None
    undated: tuple[Policy, ...] = ()
    asked: When | None = None
    horizon: dt.timedelta | None = None

    def __bool__(self) -> bool:
        return self.policy is not None

    def _repr_markdown_(self) -> str:
        return policy_answer_markdown(self)

    def __str__(self) -> str:
        return policy_answer_text(self)
