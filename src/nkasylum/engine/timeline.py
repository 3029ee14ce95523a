"""Policies over time: statements that must not contradict each other, merged into one timeline.

A country's policy statements are cut at every day on which one of them starts or stops
applying; on each span between two cuts the statements in force are merged into one
:class:`~nkasylum.Policy` whose period is that span and whose id joins theirs with ``+``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from nkasylum.core.errors import DataError
from nkasylum.core.periods import Basis
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy

__all__ = ["Timeline", "bounds", "check_consistent", "merge_timeline", "policy_ids"]

Timeline = tuple[list[dt.date], list[dt.date], tuple[Policy, ...]]
"""The first days, last days and merged policies of a country's spans, in time order (undated last)."""


def bounds(items: Iterable[Passage | Policy]) -> list[dt.date]:
    """The days on which one of these statements starts or stops applying, sorted.

    Between two consecutive bounds the same statements apply, so anything computed
    from them for one day holds for the whole span (``bisect_right`` names the span).
    """
    points: set[dt.date] = set()
    for item in items:
        if item.undated:
            continue
        if item.valid_from is not None:
            points.add(item.valid_from)
        if item.valid_until is not None and item.valid_until < dt.date.max:
            points.add(item.valid_until + dt.timedelta(days=1))
    return sorted(points)


def _overlap(a: Policy, b: Policy) -> bool:
    if a.undated or b.undated:
        return a.undated and b.undated
    lo = max(a.valid_from or dt.date.min, b.valid_from or dt.date.min)
    hi = min(a.valid_until or dt.date.max, b.valid_until or dt.date.max)
    return lo <= hi


def check_consistent(statements: Sequence[Policy]) -> None:
    """Statements in force together must not contradict each other on a yes/no field.

    Raises:
        DataError: naming the later statement, the field, and the statement it contradicts.
    """
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            for field in ("repatriates", "admits"):
                va, vb = getattr(a, field), getattr(b, field)
                if va is not None and vb is not None and va != vb and _overlap(a, b):
                    raise DataError(
                        f"contradicts policy {a.id!r} ({field} = {str(va).lower()}) over an "
                        "overlapping period; narrow one period, or record the disagreement "
                        "as a [[conflict]] between two sources",
                        entry=f"policy {b.id!r}", field=field)


def merge_timeline(statements: Sequence[Policy]) -> Timeline:
    """One country's statements as a timeline of merged policies (see the module)."""
    dated = [s for s in statements if not s.undated]
    points = sorted({d for s in dated for d in (
        s.valid_from, s.valid_until + dt.timedelta(days=1)
        if s.valid_until and s.valid_until < dt.date.max else None) if d is not None})
    cuts = [dt.date.min, *points]
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    segments: list[Policy] = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] - dt.timedelta(days=1) if i + 1 < len(cuts) else dt.date.max
        if end < start:
            continue
        active = [s for s in dated if s.applies(start)]
        if not active:
            continue
        starts.append(start)
        ends.append(end)
        segments.append(_merge(active, None if start == dt.date.min else start,
                               None if end == dt.date.max else end, undated=False))
    undated = [s for s in statements if s.undated]
    if undated:
        starts.append(dt.date.max)
        ends.append(dt.date.max)
        segments.append(_merge(undated, None, None, undated=True))
    return starts, ends, tuple(segments)


def _union(values: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(v for group in values for v in group))


def _merge(active: Sequence[Policy], start: dt.date | None, end: dt.date | None,
           *, undated: bool) -> Policy:
    first = active[0]
    if len(active) == 1 and (first.valid_from, first.valid_until) == (start, end):
        return first
    basis = (Basis.OBSERVATION if any(s.basis is Basis.OBSERVATION for s in active)
             else Basis.RULE)
    if undated:
        basis = first.basis
    return Policy(
        id="+".join(s.id for s in active),
        country=first.country,
        summary=" ".join(s.summary for s in active),
        basis=basis,
        evidence=_union(s.evidence for s in active),
        valid_from=start,
        valid_until=end,
        undated=undated,
        classification=_union(s.classification for s in active),
        repatriates=next((s.repatriates for s in active if s.repatriates is not None), None),
        admits=next((s.admits for s in active if s.admits is not None), None),
        grants=_union(s.grants for s in active),
        procedures=_union(s.procedures for s in active),
        agreements=_union(s.agreements for s in active),
        exceptions=_union(s.exceptions for s in active),
    )


def policy_ids(policy: Policy) -> tuple[str, ...]:
    """The ids of the statements a (possibly merged) policy was made from."""
    return tuple(policy.id.split("+"))
