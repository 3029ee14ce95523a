"""Policies: how a country treats North Koreans in a period."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from nkasylum.core.checks import check_entry, freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.periods import Basis, check_period, format_period, in_period
from nkasylum.core.places import Region, as_place
from nkasylum.model.markdown import policy_markdown
from nkasylum.model.sources import Evidence

__all__ = ["Classification", "Policy", "Status"]


class Classification(enum.Enum):
    """How a country classifies North Koreans who reach it.

    Example:
        >>> import nkasylum as nk
        >>> nk.Classification("illegal-economic-migrant").name
        'ILLEGAL_ECONOMIC_MIGRANT'
    """

    REFUGEE = "refugee"
    """Refugees, or people to be examined as refugees."""
    ILLEGAL_ECONOMIC_MIGRANT = "illegal-economic-migrant"
    """Illegal (economic) migrants or illegal immigrants, not refugees."""
    CITIZEN = "citizen"
    """The country's own citizens (South Korea's reading of its Constitution)."""
    DUAL_NATIONAL = "dual-national"
    """Nationals of South Korea as well as of North Korea (so protection is sought there)."""


class Status(enum.Enum):
    """A status a country grants to North Koreans.

    Example:
        >>> import nkasylum as nk
        >>> nk.Status.CITIZENSHIP.value
        'citizenship'
    """

    CITIZENSHIP = "citizenship"
    """The country's nationality."""
    PERMANENT_RESIDENCE = "permanent-residence"
    """The right to stay permanently without the country's nationality."""
    REFUGEE_STATUS = "refugee-status"
    """Recognition as a refugee."""
    TEMPORARY_ASYLUM = "temporary-asylum"
    """Protection for a limited time (e.g. one year), renewable or not."""
    HUMANITARIAN_ADMISSION = "humanitarian-admission"
    """Admission or leave to stay on humanitarian grounds, short of refugee status."""


@attrs.frozen(field_transformer=freeze_sequences)
class Policy:
    """A documented statement of how a country treats North Koreans in a period.

    The data holds one statement per entry; :func:`nkasylum.policy` merges the statements
    in force on a date into one ``Policy`` whose ``id`` joins theirs with ``+`` and whose
    period is the span over which that merge is unchanged.

    Attributes:
        id: stable identifier.
        country: the country (or region) whose treatment this is.
        summary: what the statement says, in the project's own words.
        basis: a rule (applies until a documented end) or an observation (applies only
            between its first and last documented sighting).
        valid_from: first day it applies (``None``: no documented start).
        valid_until: last day it applies (``None``: no documented end).
        undated: the sources give no date; it answers no dated question.
        classification: how the country classifies North Koreans.
        repatriates: whether it sends North Koreans back to North Korea (``None``: the
            statement does not say).
        admits: whether it lets North Koreans stay or settle (``None``: does not say).
        grants: statuses it grants.
        procedures: the procedures or bodies through which claims go.
        agreements: agreements with Pyongyang that bear on returns.
        exceptions: documented exceptions to the statement, in the project's words.
        evidence: the sources behind it.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> p = nk.policy("CN", on=dt.date(2002, 9, 11))
        >>> p.repatriates, nk.Classification.ILLEGAL_ECONOMIC_MIGRANT in p.classification
        (True, True)
    """

    id: str
    country: Country | Region = attrs.field(converter=as_place)
    summary: str
    basis: Basis
    evidence: tuple[Evidence, ...]
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    undated: bool = False
    classification: tuple[Classification, ...] = ()
    repatriates: bool | None = None
    admits: bool | None = None
    grants: tuple[Status, ...] = ()
    procedures: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_entry(self.id, self.evidence)
        check_period(self.basis, self.valid_from, self.valid_until, self.undated)

    def applies(self, on: dt.date) -> bool:
        """Whether this statement applies on ``on``."""
        return in_period(self.valid_from, self.valid_until, self.undated, on)

    @property
    def period(self) -> str:
        """The period as text, e.g. ``from 1997-01-13``."""
        return format_period(self.valid_from, self.valid_until, self.undated)

    def _repr_markdown_(self) -> str:
        return policy_markdown(self)
