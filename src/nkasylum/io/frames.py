"""Tables the library reasons out rather than stores: yearly series and the coverage grid.

Both are frames of :func:`nkasylum.to_frames` (``series``, ``coverage``) and CSV files of
the export; :func:`series_frame` gives one measure's series as a DataFrame in one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nkasylum.core.places import PlaceLike, place
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.io.columns import (
    Spec,
    frame,
    import_extra,
    knowledge_base,
    place_columns,
    quantity_columns,
    stamped,
    when_columns,
)
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import CoverageCell, Support

__all__ = ["coverage_columns", "coverage_table", "series_frame", "series_table"]

_Row = tuple[SeriesPoint, Statistic]


def _series_columns() -> Spec:
    return {
        "measure": ("string", lambda r: r[1].measure),
        "year": ("Int64", lambda r: r[0].year),
        **quantity_columns("value", lambda r: r[0].value, value="value"),
        **place_columns("place", lambda r: r[1].place),
        "area": ("string", lambda r: r[1].area),
        **when_columns("as_of", lambda r: r[1].as_of),
        "statistic": ("string", lambda r: r[0].statistic),
        "sources": ("tuple", lambda r: tuple(dict.fromkeys(e.source for e in r[0].evidence))),
        "disputed": ("bool", lambda r: bool(r[0].disputed)),
        "conflicts": ("tuple", lambda r: r[0].disputed),
    }


def _series_rows(kb: KnowledgeBase, points: Sequence[SeriesPoint]) -> list[_Row]:
    return [(p, kb.entry(p.statistic)) for p in points]  # type: ignore[misc]


def series_table(kb: KnowledgeBase) -> tuple[list[_Row], Spec]:
    """Every point of every yearly series, by measure then year (the ``series`` frame)."""
    measures = sorted({s.measure for s in kb.all_statistics if s.year is not None})
    rows = [row for m in measures for row in _series_rows(kb, kb.series(m))]
    return rows, _series_columns()


def series_frame(measure: str, *, country: PlaceLike | None = None,
                 kb: KnowledgeBase | None = None) -> Any:
    """The yearly series of ``measure`` as a pandas DataFrame, one row per point (needs pandas).

    Added in version 0.2.

    The rows are :func:`nkasylum.series` (oldest first) with what a plot or a model needs
    beside each point: ``measure``, ``year``, ``value`` (nullable ``Int64``) with its
    ``value_qualifier``, ``value_unit`` and the ``value_lower_bound`` /
    ``value_upper_bound`` its wording allows, the ``place`` (and ``place_name``, ``area``)
    counted, ``as_of`` (EDTF text, with ``as_of_lower`` / ``as_of_upper``), the
    ``statistic`` id, its ``sources``, and ``disputed`` / ``conflicts``. A year that sources
    disagree on keeps one row per version, each tied to its own statistic and sources and
    to the conflicts that name it: never deduplicated, never averaged. A year with no
    figure has no row.

    Args:
        measure: a measure code, e.g. ``"arrivals-in-south-korea"`` (see the codebook).
        country: only figures counted in this place.
        kb: the knowledge base (default: the bundled one).

    Raises:
        ArgumentValueError: an unknown measure; the message names close ones.
        MissingExtraError: pandas is not installed.

    Example:
        >>> import nkasylum as nk
        >>> f = nk.series_frame("arrivals-in-south-korea")
        >>> int(f.loc[f["year"] == 2009, "value"].iloc[0]) > 2000
        True
        >>> disputed = f[f["year"] == 2009]
        >>> len(disputed) > 1, bool(disputed["disputed"].all()), disputed["conflicts"].iloc[0]
        (True, True, ('kr-arrivals-2009-pr2',))
    """
    kb = knowledge_base(kb)
    points = kb.series(measure, country=country)
    pd = import_extra("pandas", "nk.series_frame")
    return stamped(frame(pd, _series_rows(kb, points), _series_columns(), "series"), kb)


def coverage_table(kb: KnowledgeBase) -> tuple[tuple[CoverageCell, ...], Spec]:
    """The cells of :func:`nkasylum.coverage` with its defaults (the ``coverage`` frame)."""
    return kb.coverage(), coverage_columns()


def coverage_columns() -> Spec:
    """The columns of the ``coverage`` frame, for any cells of :func:`nkasylum.coverage`."""
    return {
        **place_columns("country", lambda c: place(c.country)),
        "year": ("int64", lambda c: c.on.year),
        "on": ("date", lambda c: c.on),
        "support": (Support, lambda c: c.support),
        "documented": ("bool", lambda c: c.documented),
        "age_days": ("Int64", lambda c: None if c.age is None else c.age.days),
        "entries": ("tuple", lambda c: c.entries),
    }
