"""What was last known: on small generated worlds of several countries, the answer an
undocumented question carries is the one of the latest earlier day on which the same
question was documented, and ``routes(last_known=True)`` gives that day's routes.

The expected day is found by brute force, day by day, from the passages' own dates and a
plain breadth-first search, so a faster search for it (by span, by interval) must agree.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.core.when import When

D = dt.date
FIRST, LAST = D(2000, 1, 1), D(2001, 12, 31)
CODES = ("KP", "CN", "RU", "TH", "MN", "KR")
SOURCE = nk.Source(id="s", title="t", document="seeds/x.txt", kind=nk.SourceKind.UNATTRIBUTED,
                   published=When.parse("2025-12-31"))
EVIDENCE = (nk.Evidence("s", "one two three", "generated"),)
DAYS = st.dates(FIRST, LAST)
_CHANNELS = [c for c in nk.Channel if c is not nk.Channel.UNKNOWN_ROUTE]


@st.composite
def worlds(draw: st.DrawFn) -> nk.KnowledgeBase:
    """Two to nine passages between six countries, each over one span (a rule in force or an
    observation between its sightings), and perhaps a policy that sends people back."""
    made = []
    for i in range(draw(st.integers(2, 9))):
        # every third passage leaves North Korea, so that most worlds have some way out
        a = draw(st.sampled_from(CODES[:-1] if i % 3 else CODES[:1]))
        b = draw(st.sampled_from(CODES[1:]))
        if a == b:
            continue
        start = draw(DAYS)
        end = draw(st.dates(start, LAST))
        made.append(nk.Passage(
            # each its own channel: passages with the same ends and channel are sightings of one
            # way, bridged between them (tests/properties/test_series.py states those laws)
            id=f"p{i}", origin=a, dest=b, channel=_CHANNELS[i], summary="a way",
            basis=draw(st.sampled_from([nk.Basis.RULE, nk.Basis.OBSERVATION])), evidence=EVIDENCE,
            valid_from=When.day(start), valid_until=When.day(end)))
    policies = []
    if draw(st.booleans()):
        start = draw(DAYS)
        policies.append(nk.Policy(id="q", country=draw(st.sampled_from(CODES[1:])), summary="back",
                                  basis=nk.Basis.RULE, evidence=EVIDENCE, repatriates=True,
                                  valid_from=When.day(start),
                                  valid_until=When.day(draw(st.dates(start, LAST)))))
    return nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=tuple(made),
                            all_policies=tuple(policies))


VIAS = st.sampled_from([None, "CN", "RU", ("CN", "TH"), ("RU", "MN"), ("CN", "TH", "MN")])
HORIZONS = st.sampled_from([None, dt.timedelta(days=30), dt.timedelta(days=400)])


def _ways(kb: nk.KnowledgeBase, day: dt.date, horizon: dt.timedelta | None) -> set[tuple[str, str]]:
    """The legs some passage documents on ``day``, read from the passages' own dates."""
    out = set()
    for p in kb.all_passages:
        assert p.valid_from is not None and p.valid_until is not None
        start, end = p.valid_from.start, p.valid_until.end
        if horizon is not None and p.basis is nk.Basis.OBSERVATION:
            end += horizon
        if start <= day <= end:
            out.add((p.origin.alpha_2, p.dest.alpha_2))  # type: ignore[union-attr]
    return out


def _blocking(kb: nk.KnowledgeBase, day: dt.date) -> set[str]:
    """The countries whose policy (a rule in force) sends people back on ``day``."""
    return {q.country.alpha_2 for q in kb.all_policies  # type: ignore[union-attr]
            if q.valid_from is not None and q.valid_until is not None
            and q.valid_from.start <= day <= q.valid_until.end}


def _passes(ways: set[tuple[str, str]], targets: list[str], here: str = "KP", j: int = 0,
            seen: frozenset[str] = frozenset({"KP"})) -> bool:
    """Whether some chain of ``ways`` from ``here`` meets ``targets[j:]`` in order, visiting
    no country twice (with six countries, never more than the transit limit)."""
    for a, b in ways:
        if a != here or b in seen or (b in targets and targets.index(b) != j):
            continue
        after = j + 1 if b == targets[j] else j
        if after == len(targets) or _passes(ways, targets, b, after, seen | {b}):
            return True
    return False


def _documented_on(kb: nk.KnowledgeBase, via: object, day: dt.date,
                   horizon: dt.timedelta | None, exact: bool = True) -> bool:
    ways = _ways(kb, day, horizon)
    seen, blocks = _ways(kb, day, None), _blocking(kb, day)
    # a leg only carried forward never outranks a block in force that day (any route too)
    usable = {leg for leg in ways if leg in seen or (leg[0] not in blocks
                                                     and not (leg[1] == "KR" and "KR" in blocks))}
    if via is not None:
        stops = [via] if isinstance(via, str) else list(via)  # type: ignore[call-overload]
        if not exact:
            return _passes(usable, [*stops, "KR"])
        path = ["KP", *stops, "KR"]
        return all(leg in usable for leg in itertools.pairwise(path))
    reached, frontier = {"KP"}, {"KP"}
    for _ in range(4):  # at most four passages: three transit countries
        frontier = {b for a, b in usable if a in frontier} - reached
        reached |= frontier
    return "KR" in reached


def _latest_documented(kb: nk.KnowledgeBase, via: object, day: dt.date,
                       horizon: dt.timedelta | None, exact: bool = True) -> dt.date | None:
    """The latest day up to ``day`` on which the question is documented, by brute force."""
    while day >= FIRST:
        if _documented_on(kb, via, day, horizon, exact):
            return day
        day -= dt.timedelta(days=1)
    return None


@settings(max_examples=examples(150), deadline=None)
@given(worlds(), VIAS, st.dates(FIRST, D(2003, 6, 30)), HORIZONS, st.booleans())
def test_last_known_is_the_latest_earlier_documented_day(
        kb: nk.KnowledgeBase, via: object, day: dt.date, horizon: dt.timedelta | None,
        exact: bool) -> None:
    a = kb.can_resettle("KP", via, "KR", on=day, horizon=horizon, exact=exact)
    assert bool(a) == _documented_on(kb, via, day, horizon, exact)
    assert kb.assess_many([("KP", via, "KR", day)], horizon=horizon, exact=exact) == (a.verdict,)
    if a:
        assert a.last_known is None
        return
    expected = _latest_documented(kb, via, day - dt.timedelta(days=1), horizon, exact)
    if expected is None:
        assert a.last_known is None
    else:
        assert a.last_known is not None and a.last_known.on == expected and a.last_known
        assert a.last_known == kb.can_resettle("KP", via, "KR", on=expected, horizon=horizon,
                                               exact=exact)


@settings(max_examples=examples(100), deadline=None)
@given(worlds(), st.dates(FIRST, D(2003, 6, 30)), HORIZONS)
def test_routes_last_known_gives_the_routes_of_the_latest_day_with_one(
        kb: nk.KnowledgeBase, day: dt.date, horizon: dt.timedelta | None) -> None:
    now = kb.routes("KP", "KR", on=day, horizon=horizon)
    known = kb.routes("KP", "KR", on=day, horizon=horizon, last_known=True)
    if now:
        assert known == now
        return
    expected = _latest_documented(kb, None, day - dt.timedelta(days=1), horizon)
    if expected is None:
        assert known == ()
    else:
        assert known and known == kb.routes("KP", "KR", on=expected, horizon=horizon)


def test_a_way_that_ended_is_last_known_on_its_last_day() -> None:
    ways = (nk.Passage(id="a", origin="KP", dest="CN", channel=nk.Channel.BROKER, summary="x",
                       basis=nk.Basis.RULE, evidence=EVIDENCE, valid_from=When.day(D(2000, 1, 1)),
                       valid_until=When.day(D(2000, 6, 30))),
            nk.Passage(id="b", origin="CN", dest="KR", channel=nk.Channel.BROKER, summary="x",
                       basis=nk.Basis.RULE, evidence=EVIDENCE, valid_from=When.day(D(2000, 3, 1)),
                       valid_until=When.day(D(2000, 12, 31))))
    kb = nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=ways)
    for via in (None, "CN"):
        a = kb.can_resettle("KP", via, "KR", on=D(2001, 1, 1))
        assert not a and a.last_known is not None and a.last_known.on == D(2000, 6, 30)
        assert str(a.last_known.route) == "KP > CN > KR"
    assert kb.routes("KP", "KR", on=D(2001, 1, 1)) == ()
    assert [str(r) for r in kb.routes("KP", "KR", on=D(2001, 1, 1), last_known=True)] == [
        "KP > CN > KR"]
    # Before the two ways overlapped, nothing was known.
    assert kb.can_resettle("KP", None, "KR", on=D(2000, 2, 15)).last_known is None
