"""Passages: documented ways to move from one place to another."""

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
from nkasylum.model.display import passage_markdown, passage_text
from nkasylum.model.sources import Evidence

__all__ = ["Channel", "Passage"]


class Channel(enum.Enum):
    """The means by which North Koreans moved along a passage.

    Example:
        >>> import nkasylum as nk
        >>> nk.Channel("unhcr-office").name
        'UNHCR_OFFICE'
    """

    BORDER_CROSSING = "border-crossing"
    """Crossing a land border without permission."""
    BROKER = "broker"
    """Brokers or aid organisations that help people on to other countries."""
    FOREIGN_MISSION = "foreign-mission"
    """Entering an embassy, a consulate or a foreign government's school and leaving under its protection."""
    CONSULATE = "consulate"
    """Asking a consulate general for asylum."""
    UNHCR_OFFICE = "unhcr-office"
    """Seeking asylum through an office of the UN High Commissioner for Refugees."""
    LABOUR_CONTRACT = "labour-contract"
    """Going abroad as a contract worker."""
    REFUGEE_PROGRAMME = "refugee-programme"
    """A state's refugee admissions programme or asylum procedure."""
    DEPORTATION = "deportation"
    """Being deported by the transit country to the destination after arrest."""
    HANDOVER = "handover"
    """Being handed over by the transit country's authorities to another state's officials
    (e.g. "quietly handing over"), with no deportation order named."""
    ASSISTED_TRANSFER = "assisted-transfer"
    """A transfer the transit country arranges, carries out or helps with ("sends them on",
    "assists their transferal"), to the destination or to a country of the person's choice,
    where the words do not say deported (an arrest before it may be named)."""
    PERMITTED_DEPARTURE = "permitted-departure"
    """Being allowed to go on to the destination (e.g. after detention or a jail term), the
    means of travel not named."""
    AIRLIFT = "airlift"
    """A flight organised for a group by the governments involved."""
    FLIGHT = "flight"
    """A flight, with no word on who organised it."""
    OVERLAND = "overland"
    """An overland route across a further border (e.g. from Yunnan into Laos or Thailand)."""
    UNKNOWN_ROUTE = "unknown-route"
    """A way the sources show was used (a count of arrivals) without saying which: never a
    route nkasylum invents, only the fact that some way led there then."""


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Passage:
    """A documented way to move from one place to another, in a period.

    Attributes:
        id: stable identifier.
        origin: where the passage starts (a country, or a region).
        dest: where it ends.
        channel: by what means.
        summary: what the sources document, in the project's words.
        basis: rule or observation (see :class:`nkasylum.Basis`).
        evidence: the sources behind it.
        actor: who provides the channel (e.g. "UNHCR Moscow office"), where named.
        via_third_country: the sources say the way to ``dest`` ran through a third
            country they do not name.
        conditions: documented conditions, in the project's words.
        valid_from, valid_until, undated: its period (see :class:`nkasylum.Policy`).
        note: what the sources leave out or how a fact was read, in the project's words.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [p.channel.value for p in nk.passages("RU", on=dt.date(2009, 12, 23))]
        ['consulate', 'consulate', 'unhcr-office']
    """

    id: str
    origin: Country | Region = attrs.field(converter=as_place)
    dest: Country | Region = attrs.field(converter=as_place)
    channel: Channel
    summary: str
    basis: Basis
    evidence: tuple[Evidence, ...]
    actor: str | None = None
    via_third_country: bool = False
    conditions: tuple[str, ...] = ()
    valid_from: When | None = None
    valid_until: When | None = None
    undated: bool = False
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_entry(self.id, self.evidence)
        check_period(self.basis, self.valid_from, self.valid_until, self.undated)
        check_types(self)
        if self.origin == self.dest:
            raise DataError(f"a passage cannot start and end at {self.origin}", field="dest")

    def applies(self, on: object = None) -> bool:
        """Whether its own dates cover ``on`` (a rule in force then): a day, or some day of
        a year or period, in the one date grammar of every query (default today). An
        observation is dated by its evidence: ask :meth:`nkasylum.KnowledgeBase.support` for it."""
        return period_meets(self.valid_from, self.valid_until, self.undated, on)

    @property
    def period(self) -> str:
        """The period as text."""
        return format_period(self.valid_from, self.valid_until, self.undated)

    def __str__(self) -> str:
        return passage_text(self)

    def _repr_markdown_(self) -> str:
        return passage_markdown(self)
