"""A country's policy on a date or in a period, with its support and what was last known."""

from __future__ import annotations

import datetime as dt

from nkasylum.core.countries import Country
from nkasylum.core.periods import resolve_horizon, resolve_when
from nkasylum.core.places import Region, place, place_code
from nkasylum.engine.index import Index
from nkasylum.engine.legs import bearing
from nkasylum.engine.timeline import policy_ids
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.support import Support

__all__ = ["policy_answer"]

Horizon = dt.timedelta | None


def policy_answer(index: Index, country: object, on: object = None,
                  horizon: object = None) -> PolicyAnswer:
    """The policy of ``country`` on ``on`` (a day, a year, an EDTF period; default today)."""
    where = place(country)  # type: ignore[arg-type]
    asked = resolve_when(on)
    limit = resolve_horizon(horizon)
    code = place_code(where)
    key = (code, asked, limit)
    found = index.caches.policy_answers.get(key)
    if found is None:
        if asked.lower is not None and asked.lower == asked.upper:
            found = _answer(index, where, code, asked.lower, limit, None)
        else:
            found = _answer(index, where, code, _best_day(index, code, asked, limit), limit, asked)
        index.caches.policy_answers.keep(key, found, 10)  # the answer, its policy and evidence
    return found


def _best_day(index: Index, code: str, asked: object, horizon: Horizon) -> dt.date:
    """The last day in the period with a documented policy, or the period's last day."""
    lo = asked.start if asked.lower is not None else dt.date(1, 1, 1)  # type: ignore[attr-defined]
    hi = asked.end if asked.upper is not None else dt.date(9999, 12, 31)  # type: ignore[attr-defined]
    starts, ends, segments = index.timeline(code, horizon)
    for start, end, segment in reversed(list(zip(starts, ends, segments.gists, strict=True))):
        if not segment.undated and start <= hi and end >= lo:
            return min(end, hi)
    return hi


def _answer(index: Index, where: Country | Region, code: str, day: dt.date, horizon: Horizon,
            asked: object) -> PolicyAnswer:
    _, ends, segments = index.timeline(code, horizon)
    undated = tuple(p for p in index.policies.get(code, ()) if index.timings[p.id].undated)
    policy = index.policy(code, day, horizon)
    if policy is not None:
        backing, evidence = bearing(index, policy_ids(policy), day, horizon)
        dates = [d for d in (index.reported(e) for e in evidence) if d is not None]
        ages = [b.age for b in backing if b.support is not Support.RULE]
        return PolicyAnswer(where, day, policy, backing, evidence, max(dates, default=None),
                            max(ages, default=dt.timedelta(0)), None, undated, asked,  # type: ignore[arg-type]
                            horizon)
    earlier = [j for j in range(len(ends)) if ends[j] < day and not segments.gists[j].undated]
    last = None
    age = None
    if earlier:
        j = earlier[-1]
        last = _answer(index, where, code, ends[j], horizon, None)
        age = day - ends[j]  # the age of what was last known: from its last day
    return PolicyAnswer(where, day, None, (), (), None, age, last, undated, asked,  # type: ignore[arg-type]
                        horizon)
