"""Policies: how a country treats North Koreans in a period."""

from __future__ import annotations

import enum

import attrs

from nkasylum.core.checks import check_entry, check_types, freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.errors import DataError
from nkasylum.core.periods import Basis, check_period, format_period, period_meets
from nkasylum.core.places import Region, as_place
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import policy_text, urging_text
from nkasylum.model.markdown import policy_markdown
from nkasylum.model.sources import Evidence

__all__ = ["Classification", "Policy", "Status", "Urging"]


class Classification(enum.Enum):
    """How a country classifies North Koreans who reach it.

    Example:
        >>> import nkasylum as nk
        >>> nk.Classification("illegal-economic-migrant").name
        'ILLEGAL_ECONOMIC_MIGRANT'
    """

    REFUGEE = "refugee"
    """Refugees, or people to be examined as refugees."""
    ILLEGAL_IMMIGRANT = "illegal-immigrant"
    """"Illegal immigrants": people who came or stay without permission."""
    ILLEGAL_BORDER_CROSSER = "illegal-border-crosser"
    """"Illegal border crossers": the offence named is the crossing itself."""
    ILLEGAL_ENTRANT = "illegal-entrant"
    """People who entered the country illegally ("illegally entering"), handled as such."""
    ECONOMIC_MIGRANT = "economic-migrant"
    """"Economic migrants", with no claim of illegality in the words."""
    ILLEGAL_ECONOMIC_MIGRANT = "illegal-economic-migrant"
    """"Illegal economic migrants": both claims together."""
    CITIZEN = "citizen"
    """The country's own citizens (South Korea's reading of its Constitution)."""
    DUAL_NATIONAL = "dual-national"
    """Nationals of South Korea as well as of North Korea (so protection is sought there)."""
    DEFECTOR = "defector"
    """"Defectors": a category of its own in the country's law or practice."""


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


def _places(value: object) -> tuple[Country | Region, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(as_place(v) for v in value)
    raise DataError(f"must be a list of countries, not {value!r}", field="returns_to")


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Urging:
    """One state urging another to classify North Koreans a certain way.

    Recorded on the urging state's policy, never as its own classification (Seoul asking
    Beijing to treat people held in China as refugees is not Seoul calling them refugees).

    Attributes:
        target: the state urged.
        classification: the classification it is urged to use.

    Example:
        >>> import nkasylum as nk
        >>> nk.Urging("CN", (nk.Classification.REFUGEE,)).target
        Country('CN')
    """

    target: Country | Region = attrs.field(converter=as_place)
    classification: tuple[Classification, ...]

    def __attrs_post_init__(self) -> None:
        check_types(self)

    def __str__(self) -> str:
        return urging_text(self)



@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Policy:
    """A documented statement of how a country treats North Koreans in a period.

    The data holds one statement per entry; :func:`nkasylum.policy` merges the statements
    in force on a date into one ``Policy`` whose ``id`` joins theirs with ``+`` and whose
    period is the span over which that merge is unchanged.

    Attributes:
        id: stable identifier.
        country: the country (or region) whose treatment this is.
        summary: what the statement says, in the project's own words.
        basis: a rule (in force from ``valid_from`` until a documented end) or an
            observation (seen on the dates of its evidence; see :class:`nkasylum.Support`).
        valid_from: for a rule, when it took effect (EDTF: ``1997-07-14``, or ``2004`` when
            only the year is known, in force from the start of that year); ``None`` for an
            observation as stored (on a policy merged over a span, the span's start).
        valid_until: for a rule, its documented end (``None``: no documented end).
        undated: the sources give no date; it answers no dated question.
        classification: how the country itself classifies North Koreans.
        not_classification: (added in version 0.2) classifications the words say it does *not* use (e.g. "does not
            recognise them as refugees"): a contrary sighting of each label, which ends
            what was seen of it before (see :doc:`time`).
        urges: other states this country urges to classify North Koreans a certain way.
        repatriates: whether it sends North Koreans back to North Korea (``None``: the
            statement does not say).
        returns_to: countries other than North Korea it sends them back to (e.g. Laos or
            Vietnam deporting them to China): a way out of it is then closed too.
        admits: whether it lets North Koreans stay or settle (``None``: does not say).
        grants: statuses it grants.
        not_grants: (added in version 0.2) statuses the words say it does *not* grant (a contrary sighting).
        procedures: the procedures or bodies through which claims go.
        agreements: agreements with Pyongyang that bear on returns.
        exceptions: documented exceptions to the statement, in the project's words.
        evidence: the sources behind it.
        note: what the sources leave out or how a fact was read, in the project's words.

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
    valid_from: When | None = None
    valid_until: When | None = None
    undated: bool = False
    classification: tuple[Classification, ...] = ()
    not_classification: tuple[Classification, ...] = ()
    urges: tuple[Urging, ...] = ()
    repatriates: bool | None = None
    returns_to: tuple[Country | Region, ...] = attrs.field(default=(), converter=_places)
    admits: bool | None = None
    grants: tuple[Status, ...] = ()
    not_grants: tuple[Status, ...] = ()
    procedures: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_entry(self.id, self.evidence)
        check_period(self.basis, self.valid_from, self.valid_until, self.undated)
        check_types(self)
        for name in ("repatriates", "admits"):
            if getattr(self, name) not in (None, True, False):
                raise DataError(f"must be true, false or left out, not {getattr(self, name)!r}",
                                field=name)
        for name in ("classification", "grants"):
            both = sorted(v.value for v in set(getattr(self, name)) & set(getattr(self, f"not_{name}")))
            if both:
                raise DataError(f"{', '.join(both)} both in {name} and in not_{name}: one statement "
                                "cannot say a label applies and does not", field=f"not_{name}")

    @property
    def sends_back(self) -> bool:
        """Whether it sends North Koreans back: to North Korea, or to another country."""
        return bool(self.repatriates) or bool(self.returns_to)

    def applies(self, on: object = None) -> bool:
        """Whether its own dates cover ``on``: a rule in force then, or a policy merged over a
        span that holds ``on``. ``on`` is a day, or a year or period (some day of it), in the
        one date grammar of every query (default today). An observation as stored is dated
        by its evidence; ask
        :meth:`nkasylum.KnowledgeBase.support` for it."""
        return period_meets(self.valid_from, self.valid_until, self.undated, on)

    @property
    def period(self) -> str:
        """The period as text, e.g. ``from 13 January 1997``."""
        return format_period(self.valid_from, self.valid_until, self.undated)

    def _repr_markdown_(self) -> str:
        return policy_markdown(self)

    def __str__(self) -> str:
        return policy_text(self)
