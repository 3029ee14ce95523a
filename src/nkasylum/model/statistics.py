"""Statistics: documented figures with their as-of dates, and the points of a yearly series."""

from __future__ import annotations

import attrs

from nkasylum.core.checks import check_entry, check_types, freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.errors import DataError
from nkasylum.core.places import Region, as_place
from nkasylum.core.quantities import Qualifier, Quantity, Unit
from nkasylum.core.text import shown
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.display import series_point_text, statistic_markdown, statistic_text
from nkasylum.model.sources import Evidence

__all__ = ["SeriesPoint", "Statistic"]


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Statistic:
    """A documented figure: what is counted, where, as of when.

    Attributes:
        id: stable identifier.
        measure: a short code for what is counted (see the codebook), e.g.
            ``"arrivals-in-south-korea"``; figures with one measure form a series.
        description: what is counted, in the project's words.
        place: where it was counted.
        value: the figure with its qualifier.
        evidence: the sources behind it.
        as_of: the date or period the figure describes, as precise as the sources (EDTF:
            ``2009`` for a yearly count), or ``None`` when the sources do not date it.
        year: for a yearly series, the calendar year counted.
        area: the part of ``place`` counted, where narrower (e.g. ``"Amur Province"``).
        arrivals: (added in version 0.2) the figure counts North Koreans who arrived in (or were admitted to)
            ``place`` during ``as_of``: some way there was then used (see
            :attr:`counts_arrivals`).
        via: (added in version 0.2) for a count of arrivals, the place the words say they came through (e.g. South
            Korea's arrivals via China): the legs into and out of it were then used.
        subject_from_title: (added in version 0.2) the quoted words are rows of a table whose own title, on the
            page of the authority that counts (the source's ``title``), says what is counted
            and where; the figure's place and measure come from that title (the codebook's
            rule for tables; a test checks that the title is the page's own).
        note: what the sources leave out or how a figure was read, in the project's words.

    Example:
        >>> import nkasylum as nk
        >>> s = nk.statistics(country="RU")[0]
        >>> s.value.qualifier.value in {"about", "exact", "more-than", "at-least"}
        True
    """

    id: str
    measure: str
    description: str
    place: Country | Region = attrs.field(converter=as_place)
    value: Quantity
    evidence: tuple[Evidence, ...]
    as_of: When | None = None
    year: int | None = None
    area: str | None = None
    arrivals: bool = False
    subject_from_title: bool = False
    via: Country | Region | None = attrs.field(default=None, converter=attrs.converters.optional(as_place))
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_types(self)
        check_entry(self.id, self.evidence)
        if not self.measure or self.measure != self.measure.strip().lower():
            raise DataError(f"a measure is a lower-case code, not {self.measure!r}",
                            field="measure")
        if self.year is not None and (isinstance(self.year, bool) or not 1900 <= self.year <= 2100):
            raise DataError(f"must be a calendar year, not {self.year!r}", field="year")
        if self.as_of is not None and not isinstance(self.as_of, When):
            raise DataError(f"must be an EDTF date (nkasylum.When) or None, not {self.as_of!r}",
                            field="as_of")
        if self.via is not None and not self.arrivals:
            raise DataError("via names the place a count of arrivals came through; set "
                            "arrivals = true, or leave via out", field="via")
        if self.via is not None and self.via == self.place:
            raise DataError(f"arrivals in {self.place} cannot come via {self.via} itself", field="via")

    @property
    def counts_arrivals(self) -> bool:
        """Whether it shows that some way to ``place`` was used during ``as_of``: a count of
        :attr:`arrivals`, dated, in people, and more than none."""
        return (self.arrivals and self.as_of is not None and self.value.unit is Unit.PEOPLE
                and self.value.qualifier not in (Qualifier.AT_MOST, Qualifier.FEWER_THAN)
                and ((self.value.value or 0) > 0 or self.value.qualifier is Qualifier.MORE_THAN))

    def __str__(self) -> str:
        return statistic_text(self)

    def _repr_markdown_(self) -> str:
        return statistic_markdown(self)


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class SeriesPoint:
    """One year of a series.

    Attributes:
        year: the calendar year counted (1900 to 2100, as :attr:`Statistic.year`).
        value: the figure with its qualifier.
        statistic: the id of the statistic it comes from.
        evidence: the sources behind it.
        disputed: ids of conflicts that involve this figure (another source gives
            another value for the same year; both points are returned).

    Example:
        >>> import nkasylum as nk
        >>> points = nk.series("asylum-seekers-at-foreign-missions", country="CN")
        >>> points[0].year, str(points[0].value)
        (2002, 'at least 80')
    """

    year: int
    value: Quantity
    statistic: str
    evidence: tuple[Evidence, ...]
    disputed: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        # The bounds of Statistic.year, which every point comes from.
        if isinstance(self.year, bool) or not isinstance(self.year, int) or not 1900 <= self.year <= 2100:
            raise DataError(f"must be a calendar year from 1900 to 2100, not {shown(self.year)}",
                            field="year")

    def __str__(self) -> str:
        return series_point_text(self)
