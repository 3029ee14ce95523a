"""A point of a yearly series: one year's figure of one measure, with its evidence."""

from __future__ import annotations

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.quantities import Quantity
from nkasylum.model.sources import Evidence

__all__ = ["SeriesPoint"]


@attrs.frozen(field_transformer=freeze_sequences)
class SeriesPoint:
    """One year of a series.

    Attributes:
        year: the calendar year counted.
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
