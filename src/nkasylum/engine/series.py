"""Time series: yearly figures of one measure, in order, with gaps left as gaps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nkasylum.core.errors import ArgumentTypeError
from nkasylum.model.conflicts import Conflict
from nkasylum.model.series import SeriesPoint
from nkasylum.model.statistics import Statistic

__all__ = ["check_measure", "series"]


def check_measure(measure: object) -> str:
    """A series is of one measure code.

    Raises:
        ArgumentTypeError: ``measure`` is not a string (``None`` would mean "every
            measure", which is no series).
    """
    if not isinstance(measure, str):
        raise ArgumentTypeError(f"series() takes a measure code (str), not {measure!r}")
    return measure


def series(statistics: Iterable[Statistic],
           disputed: Mapping[str, tuple[Conflict, ...]]) -> tuple[SeriesPoint, ...]:
    """The yearly figures among ``statistics`` (those with a ``year``), oldest first.

    Years with no figure are absent (a gap is never filled); a year with conflicting
    figures appears once per version, each flagged with the ids of the conflicts in
    ``disputed`` (entry id -> conflicts naming it).
    """
    points = []
    for s in statistics:
        if s.year is None:
            continue
        conflicts = tuple(c.id for c in disputed.get(s.id, ()))
        points.append(SeriesPoint(s.year, s.value, s.id, s.evidence, conflicts))
    return tuple(sorted(points, key=lambda p: (p.year, p.statistic)))
