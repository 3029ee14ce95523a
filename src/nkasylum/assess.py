"""The transit logic: is there a documented way from an origin, through transit countries,
to a destination on a date, which way, and on what evidence?

Everything here reads the knowledge base's passages and policies; no country is special
in code. For each leg of a route (from A to B on a date):

* **documented** when a passage from A to B applies on that date;
* **blocked** when none does and A's policy on that date is to send North Koreans back
  (or B, the destination, is documented not to admit them);
* **undocumented** otherwise: the absence of evidence is not evidence of a closed way.

A route is blocked when any leg is blocked, documented when every leg is, and
undocumented otherwise. With ``via=None`` the answer is documented when
:func:`find_routes` finds a route, blocked only when the destination itself is closed,
and undocumented otherwise.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from nkasylum._validate import freeze_sequences
from nkasylum.countries import Country, country
from nkasylum.errors import ArgumentTypeError, InvalidRouteError, OutOfScopeError
from nkasylum.knowledge import _MEMO_LIMIT
from nkasylum.passages import Passage
from nkasylum.periods import resolve_on, today
from nkasylum.places import THIRD_COUNTRY, Region, place, place_label
from nkasylum.policies import Policy
from nkasylum.routes import Leg, Route
from nkasylum.sources import Evidence

if TYPE_CHECKING:
    from nkasylum.knowledge import KnowledgeBase

__all__ = ["Assessment", "Verdict", "assess", "assess_many", "find_routes"]



class Verdict(enum.Enum):
    """The three answers: documented possible, documented blocked, undocumented.

    Example:
        >>> import nkasylum as nk
        >>> [v.value for v in nk.Verdict]
        ['documented', 'blocked', 'undocumented']
    """

    DOCUMENTED = "documented"
    """A documented way exists on that date."""
    BLOCKED = "blocked"
    """The sources show the way closed on that date."""
    UNDOCUMENTED = "undocumented"
    """The sources say nothing either way for that date. Unknown is not no."""


@attrs.frozen(field_transformer=freeze_sequences)
class Assessment:
    """The answer to "can North Koreans get from here to there, this way, on this date?".

    ``bool(assessment)`` is True only for :attr:`Verdict.DOCUMENTED`.

    Attributes:
        origin: where the journey starts.
        via: the transit countries asked about, in order (``None``: any route).
        dest: the destination.
        on: the date asked about.
        verdict: documented, blocked or undocumented.
        route: the documented route (``None`` unless documented).
        alternatives: other documented routes from origin to destination on that date.
        explanation: readable steps, each naming the source ids behind it.
        evidence: every piece of evidence the explanation rests on.
        latest_evidence: the publication date of the newest source used (``None`` when
            nothing dated was used), so an answer resting on a 2002 report shows it.
        disputed: ids of conflicts that touch an entry the answer rests on.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11))
        >>> a.verdict, bool(a), str(a.route)
        (<Verdict.DOCUMENTED: 'documented'>, True, 'KP > CN > third country > KR')
    """

    origin: Country
    via: tuple[Country, ...] | None
    dest: Country
    on: dt.date
    verdict: Verdict
    route: Route | None
    alternatives: tuple[Route, ...]
    explanation: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    latest_evidence: dt.date | None
    disputed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.verdict is Verdict.DOCUMENTED

    def __str__(self) -> str:
        via = "any route" if self.via is None else " > ".join(c.alpha_2 for c in self.via)
        head = (f"{self.origin.alpha_2} to {self.dest.alpha_2} via {via} on {self.on}: "
                f"{self.verdict.value}")
        return "\n".join([head, *(f"  - {line}" for line in self.explanation)])

    def _repr_markdown_(self) -> str:
        from nkasylum.display import assessment_markdown

        return assessment_markdown(self)


# ---------------------------------------------------------------- arguments
def _origin(kb: KnowledgeBase, value: object) -> Country:
    found = _country_arg(value, "origin")
    if found.alpha_2 not in kb._index.scope:
        covered = ", ".join(country(c).name for c in kb.scope)
        raise OutOfScopeError(
            f"origin {found} is outside this knowledge base's scope: it documents how people "
            f"leave {covered}; give origin={kb.scope[0]!r}"
        )
    return found


def _country_arg(value: object, name: str) -> Country:
    if not isinstance(value, (str, Country, Region)):
        raise ArgumentTypeError(
            f"{name} must be a country (a name, an ISO code or a Country), "
            f"not {type(value).__name__}: {value!r}"
        )
    found = place(value)
    if not isinstance(found, Country):
        raise InvalidRouteError(f"{name} must be a country, not the region {found.name!r}")
    return found


def _via(value: object) -> tuple[Country, ...] | None:
    if value is None:
        return None
    if isinstance(value, (str, Country, Region)):
        return (_country_arg(value, "via"),)
    if isinstance(value, (list, tuple)):
        return tuple(_country_arg(v, "each transit country in via") for v in value)
    raise ArgumentTypeError(
        "via= takes None (any route), one country, or an ordered list or tuple of countries, "
        f"not {type(value).__name__}: {value!r}"
    )


def _max_transits(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_transits= takes an int, not {value!r}")
    if not 0 <= value <= 8:
        raise InvalidRouteError(f"max_transits must be between 0 and 8, not {value}")
    return value


def _memo(kb: KnowledgeBase) -> dict[Any, Any]:
    memo: dict[Any, Any] = kb._memo
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    return memo


# ------------------------------------------------------------------- routes
def _best(candidates: Sequence[Passage], kb: KnowledgeBase) -> Passage:
    def rank(p: Passage) -> tuple[Any, ...]:
        return (_passage_newest(kb, p), not p.via_third_country, p.id)

    return max(candidates, key=rank)


def _passage_newest(kb: KnowledgeBase, p: Passage) -> dt.date:
    """The newest evidence date behind one passage (``date.min`` if none is dated)."""
    key = ("newest", p.id)
    memo = kb._memo
    found = memo.get(key)
    if found is None:
        found = max((kb.evidence_date(e) or dt.date.min for e in p.evidence), default=dt.date.min)
        memo[key] = found
    return found


def _edges(kb: KnowledgeBase, code: str, day: dt.date) -> dict[str, Passage]:
    """The documented passages out of country ``code`` on ``day``: the best one per
    destination, keyed by the destination's code, in code order.

    Cached per span of days over which the same passages apply (see ``_Index``), so a
    search on another day of the same span costs one bisection. Codes rather than
    countries key it: a str hashes in C, a Country in Python.
    """
    index = kb._index
    key = ("edges", code, bisect.bisect_right(index.bounds_from(code), day))
    memo = _memo(kb)
    found: dict[str, Passage] | None = memo.get(key)
    if found is None:
        grouped: dict[str, list[Passage]] = {}
        for p in index.passages_from.get(code, ()):
            if isinstance(p.dest, Country) and p.applies(day):
                grouped.setdefault(p.dest.alpha_2, []).append(p)
        found = {dest: _best(ps, kb) for dest, ps in sorted(grouped.items())}
        memo[key] = found
    return found


def _sources_into(kb: KnowledgeBase, code: str, day: dt.date) -> frozenset[str]:
    """The codes of the countries with a documented passage into ``code`` on ``day``."""
    index = kb._index
    key = ("into", code, bisect.bisect_right(index.bounds_to(code), day))
    memo = _memo(kb)
    found: frozenset[str] | None = memo.get(key)
    if found is None:
        found = frozenset(p.origin.alpha_2 for p in index.passages_to.get(code, ())
                          if isinstance(p.origin, Country) and p.applies(day))
        memo[key] = found
    return found


def _distances_to(kb: KnowledgeBase, goal: str, day: dt.date, depth: int) -> dict[str, int]:
    """How many passages each country needs at least to reach ``goal`` on ``day``, for the
    countries that need at most ``depth`` (a breadth-first search backwards from ``goal``)."""
    dist = {goal: 0}
    frontier = [goal]
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for before in _sources_into(kb, node, day):
                if before not in dist:
                    dist[before] = level
                    nxt.append(before)
        frontier = nxt
    return dist


def _legs(kb: KnowledgeBase, p: Passage) -> tuple[Leg, ...]:
    key = ("legs", p.id)
    memo = kb._memo
    found = memo.get(key)
    if found is None:
        if p.via_third_country:
            found = (Leg(p.origin, THIRD_COUNTRY, p.channel, p.id),
                     Leg(THIRD_COUNTRY, p.dest, p.channel, p.id))
        else:
            found = (Leg(p.origin, p.dest, p.channel, p.id),)
        memo[key] = found
    return found


def _route_of(kb: KnowledgeBase, passages: Sequence[Passage]) -> Route:
    return Route(tuple(leg for p in passages for leg in _legs(kb, p)))


def _newest(kb: KnowledgeBase, evidence: Sequence[Evidence]) -> dt.date | None:
    dates = [d for d in (kb.evidence_date(e) for e in evidence) if d is not None]
    return max(dates) if dates else None


def _last_route_before(kb: KnowledgeBase, start: Country, goal: Country,
                       day: dt.date) -> tuple[dt.date, Route] | None:
    """The last day before ``day`` on which a route was documented, and its best route.

    Routes depend only on passages, so a route that stops being documented does so the day
    after one of its passages' last day: those last days are the only candidates.
    """
    ends = sorted({p.valid_until for p in kb.all_passages
                   if p.valid_until is not None and p.valid_until < day}, reverse=True)
    for end in ends:
        found = find_routes(kb, start, goal, on=end)
        if found:
            return end, found[0]
    return None


def _route_evidence(kb: KnowledgeBase, route: Route) -> tuple[Evidence, ...]:
    passages = [kb.entry(leg.passage) for leg in route.legs if leg.passage]
    return tuple(dict.fromkeys(e for p in passages for e in p.evidence))


def find_routes(kb: KnowledgeBase, origin: object, dest: object, *, on: object = None,
                max_transits: object = 3) -> tuple[Route, ...]:
    """Every documented route from ``origin`` to ``dest`` on ``on``, best first.

    A route is documented when every leg is backed by a passage that applies on ``on``.
    Routes visit no country twice and name at most ``max_transits`` transit countries
    (unnamed third countries do not count). Best first means fewest legs, then newest
    evidence, then alphabetical order of the route's text.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [str(r) for r in nk.routes("KP", "KR", on=dt.date(2009, 12, 23))]
        ['KP > RU > KR']
    """
    start = _origin(kb, origin)
    goal = _country_arg(dest, "dest")
    if start == goal:
        # An empty answer would read as "no documented route"; the question is malformed.
        raise InvalidRouteError(f"origin and dest are both {start.alpha_2}; a route visits no "
                                "country twice")
    day = resolve_on(on)
    limit = _max_transits(max_transits)
    key = ("routes", start.alpha_2, goal.alpha_2, day, limit)
    memo = _memo(kb)
    cached = memo.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    chains = _chains(kb, start, goal, day, limit) if start != goal else []
    ranked = []
    for chain in chains:
        route = _route_of(kb, chain)
        newest = max(_passage_newest(kb, p) for p in chain)
        ranked.append(((len(route.legs), -newest.toordinal(), str(route)), route))
    result = tuple(r for _, r in sorted(ranked, key=lambda x: x[0]))
    memo[key] = result
    return result


def _chains(kb: KnowledgeBase, start: Country, goal: Country, day: dt.date,
            limit: int) -> list[tuple[Passage, ...]]:
    """Every chain of passages from ``start`` to ``goal`` on ``day`` that visits no country
    twice and has at most ``limit + 1`` passages.

    A depth-first search that never revisits a country on the current path, and prunes
    any step into a country that cannot reach ``goal`` with the passages left: the
    backward distances of countries near ``goal`` are computed first (up to half the
    budget), and a country not among them is at least one step further away.
    """
    budget = limit + 1
    depth = max(1, budget // 2)
    target = goal.alpha_2
    dist = _distances_to(kb, target, day, depth)
    if len(dist) == 1:  # nothing leads into goal on that day
        return []
    found: list[tuple[Passage, ...]] = []
    stack: list[tuple[str, tuple[Passage, ...], frozenset[str]]] = [
        (start.alpha_2, (), frozenset({start.alpha_2}))]
    while stack:
        here, path, seen = stack.pop()
        left = budget - len(path) - 1  # passages left after the next one
        for nxt, passage in _edges(kb, here, day).items():
            if nxt == target:
                found.append((*path, passage))
            elif left > 0 and nxt not in seen and dist.get(nxt, depth + 1) <= left:
                stack.append((nxt, (*path, passage), seen | {nxt}))
    return found


# -------------------------------------------------------------- assessment
class _Step:
    """One leg's verdict, the passage behind it, and its explanation (a plain class:
    internal, and every attrs class costs import time)."""

    __slots__ = ("entries", "evidence", "lines", "passage", "verdict")

    def __init__(self, verdict: Verdict, passage: Passage | None, lines: tuple[str, ...],
                 evidence: tuple[Evidence, ...], entries: tuple[str, ...]) -> None:
        self.verdict = verdict
        self.passage = passage
        self.lines = lines
        self.evidence = evidence
        self.entries = entries


def _cite(evidence: Sequence[Evidence]) -> str:
    return "[" + ", ".join(dict.fromkeys(e.source for e in evidence)) + "]"


def _describe_passage(p: Passage) -> str:
    via = " via a third country" if p.via_third_country else ""
    actor = f" ({p.actor})" if p.actor else ""
    return (f"{place_label(p.origin)} > {place_label(p.dest)}{via}: {p.channel.value}{actor}, "
            f"documented {p.period}. {p.summary} {_cite(p.evidence)}")


def _policy_ids(p: Policy) -> tuple[str, ...]:
    return tuple(p.id.split("+"))


def _leg(kb: KnowledgeBase, a: Country, b: Country, day: dt.date,
         is_last: bool) -> tuple[Verdict, Policy | None, Policy | None]:
    """The verdict on one leg, with the policy of ``a`` on ``day`` and, when the leg is
    blocked at arrival, the policy of ``b`` that closes it.

    The single place where a leg's verdict is decided: :func:`assess` explains it, and
    bulk assessment (:func:`assess_many`) uses it alone.
    """
    leaving = kb.policy(a, on=day)
    if b.alpha_2 in _edges(kb, a.alpha_2, day):
        return Verdict.DOCUMENTED, leaving, None
    if leaving is not None and leaving.repatriates and not leaving.exceptions:
        return Verdict.BLOCKED, leaving, None
    arriving = kb.policy(b, on=day) if is_last else None
    if arriving is not None and (arriving.admits is False or arriving.repatriates):
        return Verdict.BLOCKED, leaving, arriving
    return Verdict.UNDOCUMENTED, leaving, None


def _closed(policy: Policy | None) -> bool:
    """Whether a destination's policy shuts North Koreans out."""
    return policy is not None and (policy.admits is False or bool(policy.repatriates))


def _step(kb: KnowledgeBase, a: Country, b: Country, day: dt.date, is_last: bool) -> _Step:
    verdict, leaving, arriving = _leg(kb, a, b, day, is_last)
    if verdict is Verdict.DOCUMENTED:
        chosen = _edges(kb, a.alpha_2, day)[b.alpha_2]
        found = [_describe_passage(chosen)]
        cited = list(chosen.evidence)
        used = [chosen.id]
        if leaving is not None and leaving.repatriates:
            found.append(f"{a.name} sends North Koreans back in principle on {day}, yet this "
                         f"passage out of it is documented then: {leaving.summary} "
                         f"{_cite(leaving.evidence)}")
            cited.extend(leaving.evidence)
            used.extend(_policy_ids(leaving))
        return _Step(Verdict.DOCUMENTED, chosen, tuple(found), tuple(cited), tuple(used))
    if verdict is Verdict.BLOCKED and arriving is None:
        assert leaving is not None
        line = (f"{a.alpha_2} > {b.alpha_2}: blocked on {day}. {a.name} sends North Koreans "
                f"back (policy {leaving.period}): {leaving.summary} {_cite(leaving.evidence)} "
                f"No passage from {a.name} to {b.name} is documented on that date.")
        return _Step(Verdict.BLOCKED, None, (line, *_elsewhere(kb, a, b, day)),
                     leaving.evidence, _policy_ids(leaving))
    if verdict is Verdict.BLOCKED:
        assert arriving is not None
        line = (f"{a.alpha_2} > {b.alpha_2}: blocked on {day}. {b.name} does not take North "
                f"Koreans in (policy {arriving.period}): {arriving.summary} "
                f"{_cite(arriving.evidence)}")
        return _Step(Verdict.BLOCKED, None, (line, *_elsewhere(kb, a, b, day)),
                     arriving.evidence, _policy_ids(arriving))
    lines = [f"{a.alpha_2} > {b.alpha_2}: no passage is documented on {day}."]
    evidence: tuple[Evidence, ...] = ()
    entries: tuple[str, ...] = ()
    if leaving is not None and leaving.repatriates:
        # A documented exception may or may not reach this way: unknown, not closed.
        lines.append(f"{a.name} sends North Koreans back in principle on {day}, with "
                     f"documented exceptions ({'; '.join(leaving.exceptions)}); whether one "
                     f"reaches this way is undocumented {_cite(leaving.evidence)}")
        evidence, entries = leaving.evidence, _policy_ids(leaving)
    return _Step(Verdict.UNDOCUMENTED, None, (*lines, *_elsewhere(kb, a, b, day)),
                 evidence, entries)


def _elsewhere(kb: KnowledgeBase, a: Country, b: Country, day: dt.date) -> tuple[str, ...]:
    """What else the sources say about this leg: passages at other dates (not evidence for
    this date, but worth knowing) and figures for the target country in the same year."""
    lines = []
    for p in kb.passages(a, b, any_date=True):
        when = "an undated source" if p.undated else f"only {p.period}"
        lines.append(f"{a.alpha_2} > {b.alpha_2} by {p.channel.value} is documented by "
                     f"{when}, not on the date asked {_cite(p.evidence)}")
    for s in kb.statistics(country=b):
        if s.as_of is not None and s.as_of.year == day.year:
            where = f" ({s.area})" if s.area else ""
            lines.append(f"Figure for {b.name}{where} as of {s.as_of}: {s.value} — "
                         f"{s.description} {_cite(s.evidence)}")
    return tuple(lines)


def assess(kb: KnowledgeBase, origin: object, via: object, dest: object, *,
           on: object = None) -> Assessment:
    """Assess a journey; see :func:`nkasylum.can_resettle` for the contract."""
    start, stops, goal = _journey(kb, origin, via, dest)
    day = resolve_on(on)
    _check_path(start, stops, goal)
    key = ("assess", start, stops, goal, day)
    memo = _memo(kb)
    result = memo.get(key)
    if result is None:
        result = _assess(kb, start, stops, goal, day)
        memo[key] = result
    return result


def _journey(kb: KnowledgeBase, origin: object, via: object,
             dest: object) -> tuple[Country, tuple[Country, ...] | None, Country]:
    return _origin(kb, origin), _via(via), _country_arg(dest, "dest")


def _check_path(start: Country, stops: tuple[Country, ...] | None, goal: Country) -> None:
    path = [start, *(stops or ()), goal]
    if len(set(path)) != len(path):
        raise InvalidRouteError(
            "a route visits no country twice: "
            + " > ".join(c.alpha_2 for c in path))
    _max_transits(max(3, len(path) - 2))


def _verdict(kb: KnowledgeBase, start: Country, stops: tuple[Country, ...] | None,
             goal: Country, day: dt.date) -> Verdict:
    """The verdict :func:`assess` gives, without building its explanation."""
    if stops is None:
        if start.alpha_2 in _distances_to(kb, goal.alpha_2, day, 4):  # 3 transits: 4 passages
            return Verdict.DOCUMENTED
        return Verdict.BLOCKED if _closed(kb.policy(goal, on=day)) else Verdict.UNDOCUMENTED
    path = (start, *stops, goal)
    verdicts = [_leg(kb, a, b, day, b == goal)[0] for a, b in itertools.pairwise(path)]
    if Verdict.BLOCKED in verdicts:
        return Verdict.BLOCKED
    if all(v is Verdict.DOCUMENTED for v in verdicts):
        return Verdict.DOCUMENTED
    return Verdict.UNDOCUMENTED


def assess_many(kb: KnowledgeBase, rows: Any) -> tuple[Verdict, ...]:
    """The verdicts of many journeys at once; see :meth:`KnowledgeBase.assess_many`."""
    rows = _rows(rows)
    breakpoints = kb._index.breakpoints()
    bisect_right = bisect.bisect_right
    journeys: dict[tuple[object, object, object], tuple[Country, tuple[Country, ...] | None,
                                                         Country]] = {}
    tables: dict[tuple[object, object, object], dict[int, Verdict]] = {}
    spans: dict[object, int] = {}  # only days that passed resolve_on get here
    out: list[Verdict] = []
    append = out.append
    for row in rows:
        try:
            origin, via, dest, day = row
        except (TypeError, ValueError):
            raise ArgumentTypeError(
                f"each row is (origin, via, dest, on), not {row!r}") from None
        key = (origin, via, dest)
        try:
            verdicts = tables.get(key)
        except TypeError:  # unhashable: refused as can_resettle would, unless via is a list
            _journey(kb, origin, via, dest)
            key = (origin, tuple(via), dest)
            verdicts = tables.get(key)
        if verdicts is None:
            # The checks and their order are assess()'s, so a bad row fails as
            # can_resettle would on it.
            start, stops, goal = _journey(kb, origin, via, dest)
            if day is not None:
                resolve_on(day)
            _check_path(start, stops, goal)
            journeys[key] = (start, stops, goal)
            verdicts = tables[key] = {}
        if day is None:
            day = today()
        try:
            span = spans.get(day)
        except TypeError:  # an unhashable on=: refused
            span = None
        if span is None:
            span = spans[resolve_on(day)] = bisect_right(breakpoints, day)
        verdict = verdicts.get(span)
        if verdict is None:
            verdict = verdicts[span] = _verdict(kb, *journeys[key], day)
        append(verdict)
    return tuple(out)


def _rows(rows: Any) -> Any:
    """Rows as an iterable of 4-tuples; a pandas DataFrame gives its four named columns."""
    columns = getattr(rows, "columns", None)
    if columns is None or not hasattr(rows, "itertuples"):
        if isinstance(rows, (str, bytes)) or not hasattr(rows, "__iter__"):
            raise ArgumentTypeError(
                "rows must be an iterable of (origin, via, dest, on) tuples or a DataFrame "
                f"with those columns, not {type(rows).__name__}")
        return rows
    missing = [c for c in ("origin", "via", "dest", "on") if c not in columns]
    if missing:
        raise ArgumentTypeError(
            f"the DataFrame needs columns origin, via, dest and on; missing {', '.join(missing)}")
    on = rows["on"]
    if str(on.dtype).startswith("datetime64"):
        days = on.dt.normalize()
        if not bool((days == on).all()) or on.dt.tz is not None:
            raise ArgumentTypeError(
                "the on column holds times of day or time zones; cut it to calendar days "
                "first (e.g. df['on'] = df['on'].dt.date)")
        on = on.dt.date
    via = [None if isinstance(v, float) and v != v else v for v in rows["via"].tolist()]
    return zip(rows["origin"].tolist(), via, rows["dest"].tolist(), on.tolist(), strict=True)


def _assess(kb: KnowledgeBase, start: Country, stops: tuple[Country, ...] | None,
            goal: Country, day: dt.date) -> Assessment:
    path = [start, *(stops or ()), goal]
    everything = find_routes(kb, start, goal, on=day, max_transits=max(3, len(path) - 2))
    lines: list[str] = []
    evidence: list[Evidence] = []
    entries: list[str] = []
    route: Route | None = None
    if stops is None:
        if everything:
            verdict, route = Verdict.DOCUMENTED, everything[0]
            for leg_id in dict.fromkeys(leg.passage for leg in route.legs):
                p = kb.entry(leg_id or "")
                assert isinstance(p, Passage)
                a, b = p.origin, p.dest
                assert isinstance(a, Country) and isinstance(b, Country)
                step = _step(kb, a, b, day, b == goal)
                lines.extend(step.lines)
                evidence.extend(step.evidence)
                entries.extend(step.entries)
        else:
            verdict = Verdict.UNDOCUMENTED
            lines.append(f"No documented route from {start.alpha_2} to {goal.alpha_2} on {day} "
                         "names at most 3 transit countries.")
            earlier = _last_route_before(kb, start, goal, day)
            if earlier is not None:
                when, last = earlier
                lines.append(f"The latest earlier date with a documented route is {when}: {last} "
                             f"{_cite(_route_evidence(kb, last))}; nothing documents it since.")
            closed = kb.policy(goal, on=day)
            if closed is not None and _closed(closed):
                verdict = Verdict.BLOCKED
                lines.append(f"{goal.name} does not take North Koreans in on {day} "
                             f"(policy {closed.period}): {closed.summary} {_cite(closed.evidence)}")
                evidence.extend(closed.evidence)
                entries.extend(_policy_ids(closed))
            for passage in _edges(kb, start.alpha_2, day).values():
                nxt = passage.dest
                held = kb.policy(nxt, on=day)
                if nxt != goal and held is not None and held.repatriates:
                    lines.append(f"{nxt.name} is reached by a documented passage but sends "
                                 f"North Koreans back on {day}, with no documented way on: "
                                 f"{held.summary} {_cite(held.evidence)}")
                    evidence.extend(held.evidence)
                    entries.extend(_policy_ids(held))
    else:
        steps = [_step(kb, a, b, day, b == goal) for a, b in itertools.pairwise(path)]
        for s in steps:
            lines.extend(s.lines)
            evidence.extend(s.evidence)
            entries.extend(s.entries)
        if any(s.verdict is Verdict.BLOCKED for s in steps):
            verdict = Verdict.BLOCKED
        elif all(s.verdict is Verdict.DOCUMENTED for s in steps):
            verdict = Verdict.DOCUMENTED
            route = _route_of(kb, [s.passage for s in steps if s.passage is not None])
        else:
            verdict = Verdict.UNDOCUMENTED
    arrival = kb.policy(goal, on=day)
    if arrival is not None and verdict is Verdict.DOCUMENTED:
        grants = ", ".join(g.value for g in arrival.grants) or "no status named"
        lines.append(f"In {goal.name} on {day}: {arrival.summary} (grants: {grants}) "
                     f"{_cite(arrival.evidence)}")
        evidence.extend(arrival.evidence)
        entries.extend(_policy_ids(arrival))
    disputed: list[str] = []
    for entry in dict.fromkeys(entries):
        for conflict in kb._index.disputed.get(entry, ()):
            if conflict.id not in disputed:
                disputed.append(conflict.id)
                lines.append(f"Disputed: {conflict.subject} (conflict {conflict.id}) "
                             f"{_cite(conflict.evidence)}")
    unique = tuple(dict.fromkeys(evidence))
    newest = _newest(kb, unique)
    if newest is not None:
        oldest = min(d for d in (kb.evidence_date(e) for e in unique) if d is not None)
        span = f"from {oldest} to {newest}" if oldest != newest else f"of {newest}"
        lines.append(f"Evidence used is dated {span}; the date asked is {day}.")
    else:
        lines.append("No dated evidence bears on this answer.")
    alternatives = tuple(r for r in everything if r != route)[:5]
    return Assessment(
        origin=start, via=stops, dest=goal, on=day, verdict=verdict, route=route,
        alternatives=alternatives, explanation=tuple(lines), evidence=unique,
        latest_evidence=newest, disputed=tuple(disputed),
    )
