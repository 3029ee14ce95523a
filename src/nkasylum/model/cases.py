"""Cases: documented events in which North Koreans moved, applied or were sent back."""

from __future__ import annotations

import enum

import attrs

from nkasylum.core.checks import check_entry, check_types, freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.errors import DataError
from nkasylum.core.places import Region, as_place
from nkasylum.core.quantities import Quantity
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import case_text
from nkasylum.model.markdown import case_markdown
from nkasylum.model.passages import Channel
from nkasylum.model.routes import Route
from nkasylum.model.sources import Evidence

__all__ = ["Case", "Outcome"]


class Outcome(enum.Enum):
    """What came of a case.

    Example:
        >>> import nkasylum as nk
        >>> nk.Outcome("temporary-asylum").name
        'TEMPORARY_ASYLUM'
    """

    RESETTLED = "resettled"
    """Reached the destination and stayed (e.g. arrived in Seoul)."""
    LEFT_FOR_THIRD_COUNTRY = "left-for-third-country"
    """Allowed to leave the transit country; the arrival is not (yet) documented."""
    TEMPORARY_ASYLUM = "temporary-asylum"
    """Granted temporary asylum where they were."""
    REFUGEE_STATUS = "refugee-status"
    """Granted refugee status where they were."""
    REJECTED = "rejected"
    """An application refused."""
    REPATRIATED = "repatriated"
    """Sent back to North Korea (or handed to its authorities)."""
    DEPORTED = "deported"
    """Deported to a country other than North Korea."""
    DETAINED = "detained"
    """Arrested or held; what followed is not documented."""
    PENDING = "pending"
    """Still being handled when the source reported it."""


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Case:
    """A documented event: who moved (or tried to), when, where, how, with what outcome.

    Attributes:
        id: stable identifier.
        title: a one-line description in the project's words.
        date: when it happened, as precise as the sources (EDTF: ``2013-05``, or an
            interval ``2002-03-14/2002-03-16`` for an event over days), or ``None`` when no
            source dates it.
        place: where it happened.
        people: how many people, with the source's qualifier.
        outcome: what came of it.
        evidence: the sources behind it.
        channel: by what means, where documented.
        route: the path taken, where documented.
        applications: how many applications were made, where documented.
        inconsistencies: contradictions inside or between sources, kept and flagged.
        note: what the sources leave out or how a fact was read, in the project's words.

    Example:
        >>> import nkasylum as nk
        >>> kim = nk.case("ru-kim-temporary-asylum-2016")
        >>> kim.outcome.value, kim.applications, len(kim.inconsistencies) > 0
        ('temporary-asylum', 4, True)
    """

    id: str
    title: str
    # Keyword-only with a default so that a data file can leave an undated event's date out
    # (TOML has no null): an unknown date is None, never a guess.
    date: When | None = attrs.field(default=None, kw_only=True)
    place: Country | Region = attrs.field(converter=as_place)
    people: Quantity
    outcome: Outcome
    evidence: tuple[Evidence, ...]
    channel: Channel | None = None
    route: Route | None = None
    applications: int | None = None
    inconsistencies: tuple[str, ...] = ()
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_types(self)
        check_entry(self.id, self.evidence)
        if self.date is not None and not isinstance(self.date, When):
            raise DataError(f"must be an EDTF date (nkasylum.When) or None, not {self.date!r}",
                            field="date")
        if self.applications is not None and (
            isinstance(self.applications, bool) or self.applications < 0
        ):
            raise DataError(f"must be a whole number >= 0, not {self.applications!r}",
                            field="applications")

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every country the case involves (its place and its route), sorted."""
        found = {self.place} | set(self.route.places if self.route else ())
        return tuple(sorted(p for p in found if isinstance(p, Country)))

    def _repr_markdown_(self) -> str:
        return case_markdown(self)

    def __str__(self) -> str:
        return case_text(self)
