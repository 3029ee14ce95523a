"""Time series: yearly figures of one measure, in order, with gaps left as gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from nkasylum._text import shown
from nkasylum._validate import freeze_sequences
from nkasylum.errors import ArgumentTypeError, DataError
from nkasylum.quantities import Quantity
from nkasylum.sources import Evidence

if TYPE_CHECKING:
    from nkasylum.knowledge import KnowledgeBase, PlaceLike

__all__ = ["SeriesPoint", "series"]


@attrs.frozen(field_transformer=freeze_sequences)
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
            raise DataError(f"must be a calendar year from 1900 to 2100, not {shown(self.year)}", field="year")


def series(kb: KnowledgeBase, measure: str, country: PlaceLike | None = None) -> tuple[SeriesPoint, ...]:
    """The yearly figures of ``measure`` (statistics with a ``year``), oldest first.

    Years with no figure are absent (a gap is never filled); a year with conflicting
    figures appears once per version, each flagged ``disputed``.

    Raises:
        ArgumentTypeError: ``measure`` is not a string (``None`` would mean "every
            measure", which is no series).
    """
    if not isinstance(measure, str):
        raise ArgumentTypeError(f"series() takes a measure code (str), not {shown(measure)}")
    points = []
    for s in kb.statistics(country=country, measure=measure):
        if s.year is None:
            continue
        conflicts = tuple(c.id for c in kb._index.disputed.get(s.id, ()))
        points.append(SeriesPoint(s.year, s.value, s.id, s.evidence, conflicts))
    return tuple(sorted(points, key=lambda p: (p.year, p.statistic)))
