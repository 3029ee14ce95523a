"""The verdict on one leg of a journey, and the structured steps that show why.

For a leg from A to B on a date:

* **documented** when a passage from A to B answers on that date (seen, between sightings,
  a rule in force, or carried forward within the caller's ``horizon``), except that a
  passage only carried forward never outranks a block seen or in force that day;
* **blocked** when none does and A's policy on that date is to send North Koreans back
  (to North Korea, or on to another country) with no documented exception, or B, the
  destination, is closed: it does not admit them or sends them back;
* **undocumented** otherwise: the absence of evidence is not evidence of a closed way.
"""

from __future__ import annotations

import datetime as dt

from nkasylum.core.countries import Country
from nkasylum.engine.index import Index
from nkasylum.engine.search import edges
from nkasylum.engine.timeline import closed, policy_ids, sends_back
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing
from nkasylum.model.verdicts import Step, StepKind, Verdict

# closed and sends_back, the leg rule's policy predicates, live beside the timeline so that
# the route search (below this module) reads them too; they are the leg rule's, kept here.
__all__ = ["bearing", "closed", "leg_steps", "leg_verdict", "nearby", "policy_step", "sends_back"]

Horizon = dt.timedelta | None


def leg_verdict(index: Index, a: Country, b: Country, day: dt.date, is_last: bool,
                horizon: Horizon = None) -> tuple[Verdict, Policy | None, Policy | None]:
    """The verdict on one leg, with the policy of ``a`` on ``day`` and, when the leg is
    blocked at arrival, the policy of ``b`` that closes it.

    The single place where a leg's verdict is decided: :func:`leg_steps` explains it, and
    bulk assessment uses it alone. Arrival is checked on the last leg only: a transit
    country's own policy on leaving is what decides the next leg.
    """
    leaving = index.policy(a.alpha_2, day, horizon)
    if b.alpha_2 in edges(index, a.alpha_2, day, horizon):
        if horizon is not None and b.alpha_2 not in edges(index, a.alpha_2, day, None):
            # Only carried forward: a block seen or in force that day outranks it.
            hard = index.policy(a.alpha_2, day, None)
            if sends_back(hard) and hard is not None and not hard.exceptions:
                return Verdict.BLOCKED, hard, None
            arriving = index.policy(b.alpha_2, day, None) if is_last else None
            if closed(arriving):
                return Verdict.BLOCKED, leaving, arriving
        return Verdict.DOCUMENTED, leaving, None
    if sends_back(leaving) and leaving is not None and not leaving.exceptions:
        return Verdict.BLOCKED, leaving, None
    arriving = index.policy(b.alpha_2, day, horizon) if is_last else None
    if closed(arriving):
        return Verdict.BLOCKED, leaving, arriving
    return Verdict.UNDOCUMENTED, leaving, None


def bearing(index: Index, ids: tuple[str, ...], day: dt.date,
            horizon: Horizon) -> tuple[tuple[Backing, ...], tuple[Evidence, ...]]:
    """How the statements ``ids`` are supported on ``day``, and the evidence that bears on it."""
    backing = tuple(index.timings[i].support(day, horizon) for i in ids if i in index.timings)
    return backing, tuple(dict.fromkeys(e for b in backing for e in b.evidence))


def policy_step(index: Index, kind: StepKind, day: dt.date, leg: Leg, policy: Policy,
                horizon: Horizon, verdict: Verdict | None = None) -> Step:
    """A step that reports a (merged) policy, citing the evidence that bears on ``day``."""
    ids = policy_ids(policy)
    backing, evidence = bearing(index, ids, day, horizon)
    return Step(kind, day, leg, verdict, ids, evidence, policy=policy, backing=backing)


def leg_steps(index: Index, a: Country, b: Country, day: dt.date, is_last: bool,
              horizon: Horizon = None) -> tuple[Verdict, Passage | None, tuple[Step, ...]]:
    """The verdict on one leg, the passage that documents it (if any), and its steps."""
    verdict, leaving, arriving = leg_verdict(index, a, b, day, is_last, horizon)
    leg = index.leg(a, b)
    if verdict is Verdict.DOCUMENTED:
        chosen = edges(index, a.alpha_2, day, horizon)[b.alpha_2]
        backing, evidence = bearing(index, (chosen.id,), day, horizon)
        steps = [Step(StepKind.PASSAGE, day, index.leg(a, b, chosen.channel, chosen.id), verdict,
                      (chosen.id,), evidence, passage=chosen, backing=backing)]
        if sends_back(leaving):
            assert leaving is not None
            steps.append(policy_step(index, StepKind.RETURNS_YET_LEAVES, day, leg, leaving, horizon))
        return verdict, chosen, tuple(steps)
    if verdict is Verdict.BLOCKED:
        if arriving is None:
            assert leaving is not None
            first = policy_step(index, StepKind.BLOCKED_LEAVING, day, leg, leaving, horizon, verdict)
        else:
            first = policy_step(index, StepKind.BLOCKED_ARRIVING, day, leg, arriving, horizon,
                                verdict)
        return verdict, None, (first, *nearby(index, a, b, day, horizon))
    steps = [Step(StepKind.NO_PASSAGE, day, leg, verdict)]
    if sends_back(leaving):
        # A documented exception may or may not reach this way: unknown, not closed.
        assert leaving is not None
        steps.append(policy_step(index, StepKind.RETURNS_WITH_EXCEPTIONS, day, leg, leaving,
                                 horizon))
    return verdict, None, (*steps, *nearby(index, a, b, day, horizon))


def nearby(index: Index, a: Country, b: Country, day: dt.date,
           horizon: Horizon = None) -> tuple[Step, ...]:
    """What else the sources say about a leg that is not documented: passages at other
    dates (last known, or not yet seen) or undated, which are not evidence for this date
    but worth knowing, and figures for the leg's destination in the same year."""
    leg = index.leg(a, b)
    steps = []
    for p in index.passages_from.get(a.alpha_2, ()):
        if p.dest == b:
            backing, evidence = bearing(index, (p.id,), day, horizon)
            steps.append(Step(StepKind.OTHER_DATES, day, leg, entries=(p.id,),
                              evidence=evidence or p.evidence, passage=p, backing=backing))
    for s in index.statistics_at(b.alpha_2):
        if s.as_of is not None and s.as_of.start.year <= day.year <= s.as_of.end.year:
            steps.append(Step(StepKind.FIGURE, day, leg, entries=(s.id,), evidence=s.evidence,
                              statistic=s))
    return tuple(steps)

