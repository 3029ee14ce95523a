"""The verdict on one leg of a journey, and the structured steps that show why.

For a leg from A to B on a date:

* **documented** when a passage from A to B applies on that date;
* **blocked** when none does and A's policy on that date is to send North Koreans back
  with no documented exception (or B, the destination, is closed: it does not admit them
  or sends them back);
* **undocumented** otherwise: the absence of evidence is not evidence of a closed way.
"""

from __future__ import annotations

import datetime as dt

from nkasylum.core.countries import Country
from nkasylum.engine.index import Index
from nkasylum.engine.search import edges
from nkasylum.engine.timeline import policy_ids
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg
from nkasylum.model.verdicts import Step, StepKind, Verdict

__all__ = ["closed", "leg_steps", "leg_verdict", "nearby"]


def leg_verdict(index: Index, a: Country, b: Country, day: dt.date,
                is_last: bool) -> tuple[Verdict, Policy | None, Policy | None]:
    """The verdict on one leg, with the policy of ``a`` on ``day`` and, when the leg is
    blocked at arrival, the policy of ``b`` that closes it.

    The single place where a leg's verdict is decided: :func:`leg_steps` explains it, and
    bulk assessment uses it alone. Arrival is checked on the last leg only: a transit
    country's own policy on leaving is what decides the next leg.
    """
    leaving = index.policy(a.alpha_2, day)
    if b.alpha_2 in edges(index, a.alpha_2, day):
        return Verdict.DOCUMENTED, leaving, None
    if leaving is not None and leaving.repatriates and not leaving.exceptions:
        return Verdict.BLOCKED, leaving, None
    arriving = index.policy(b.alpha_2, day) if is_last else None
    if closed(arriving):
        return Verdict.BLOCKED, leaving, arriving
    return Verdict.UNDOCUMENTED, leaving, None


def closed(policy: Policy | None) -> bool:
    """Whether a destination's policy shuts North Koreans out (refuses them, or sends them back)."""
    return policy is not None and (policy.admits is False or bool(policy.repatriates))


def _policy_step(kind: StepKind, day: dt.date, leg: Leg, policy: Policy,
                 verdict: Verdict | None = None) -> Step:
    return Step(kind, day, leg, verdict, policy_ids(policy), policy.evidence, policy=policy)


def leg_steps(index: Index, a: Country, b: Country, day: dt.date,
              is_last: bool) -> tuple[Verdict, Passage | None, tuple[Step, ...]]:
    """The verdict on one leg, the passage that documents it (if any), and its steps."""
    verdict, leaving, arriving = leg_verdict(index, a, b, day, is_last)
    leg = Leg(a, b)
    if verdict is Verdict.DOCUMENTED:
        chosen = edges(index, a.alpha_2, day)[b.alpha_2]
        steps = [Step(StepKind.PASSAGE, day, Leg(a, b, chosen.channel, chosen.id), verdict,
                      (chosen.id,), chosen.evidence, passage=chosen)]
        if leaving is not None and leaving.repatriates:
            steps.append(_policy_step(StepKind.RETURNS_YET_LEAVES, day, leg, leaving))
        return verdict, chosen, tuple(steps)
    if verdict is Verdict.BLOCKED:
        if arriving is None:
            assert leaving is not None
            first = _policy_step(StepKind.BLOCKED_LEAVING, day, leg, leaving, verdict)
        else:
            first = _policy_step(StepKind.BLOCKED_ARRIVING, day, leg, arriving, verdict)
        return verdict, None, (first, *nearby(index, a, b, day))
    steps = [Step(StepKind.NO_PASSAGE, day, leg, verdict)]
    if leaving is not None and leaving.repatriates:
        # A documented exception may or may not reach this way: unknown, not closed.
        steps.append(_policy_step(StepKind.RETURNS_WITH_EXCEPTIONS, day, leg, leaving))
    return verdict, None, (*steps, *nearby(index, a, b, day))


def nearby(index: Index, a: Country, b: Country, day: dt.date) -> tuple[Step, ...]:
    """What else the sources say about a leg that is not documented: passages at other
    dates (not evidence for this date, but worth knowing) and figures for the leg's
    destination in the same year."""
    leg = Leg(a, b)
    steps = [Step(StepKind.OTHER_DATES, day, leg, entries=(p.id,), evidence=p.evidence, passage=p)
             for p in index.passages_from.get(a.alpha_2, ()) if p.dest == b]
    for s in index.statistics_at(b.alpha_2):
        if s.as_of is not None and s.as_of.year == day.year:
            steps.append(Step(StepKind.FIGURE, day, leg, entries=(s.id,), evidence=s.evidence,
                              statistic=s))
    return tuple(steps)
