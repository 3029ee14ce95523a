"""The December 2026 red-team pass, JSON (N8 answers read back, N10 indent)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

import nkasylum as nk

D = dt.date


def _edited(answer: object, edit: Callable[[dict[str, Any]], None], kind: type) -> Any:
    data = json.loads(nk.to_json(answer))
    edit(data)
    return nk.from_json(json.dumps(data), kind)


BLOCKED = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1))
DOCUMENTED = nk.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23))


@pytest.mark.parametrize(("answer", "edit", "field"), [
    (BLOCKED, lambda d: d.update(verdict="documented"), "route"),
    (BLOCKED, lambda d: d.update(origin="US"), "origin"),
    (DOCUMENTED, lambda d: d.update(dest="KP"), "dest"),
    (DOCUMENTED, lambda d: d.update(route=None), "route"),
    (DOCUMENTED, lambda d: d.update(route="KP > RU"), "route"),
    (DOCUMENTED, lambda d: d.update(via=["CN"]), "route"),
    (DOCUMENTED, lambda d: d.update(latest_evidence="2099-01-01"), "latest_evidence"),
    (DOCUMENTED, lambda d: d.update(verdict="blocked", route=None), "verdict"),
    (BLOCKED, lambda d: d.update(verdict="undocumented"), "verdict"),
])
def test_n8_an_answer_that_contradicts_itself_is_refused(answer: nk.Assessment, edit: Any, field: str) -> None:
    """N8: from_json accepted a blocked answer turned documented, an origin out of scope, ..."""
    with pytest.raises(nk.DataError) as info:
        _edited(answer, edit, nk.Assessment)
    assert info.value.field == field


def _own_leg_blocked(data: dict[str, Any]) -> None:
    # the passage RU > KR replaced by Russia's returns policy (the next step's) made blocking
    data["steps"][1] = {**data["steps"][2], "kind": "blocked-leaving", "verdict": "blocked"}


def test_n8_a_documented_answer_whose_own_leg_is_blocked_and_undocumented_is_refused() -> None:
    # RU > KR made blocked, and no passage left documenting it: no reasoning gives that answer
    with pytest.raises(nk.DataError, match=r"its own leg RU > KR .*blocked") as info:
        _edited(DOCUMENTED, _own_leg_blocked, nk.Assessment)
    assert info.value.field == "verdict"


def test_n8_answers_of_the_time_model_read_back() -> None:
    # Through CN on 2024-06-01 with a 400-day horizon: the crossing into China is only carried
    # forward, and China's returns are seen that day, so the answer is blocked (a carried way
    # never outranks a block seen then); it reads back as the engine gave it.
    answer = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1), horizon=dt.timedelta(days=400))
    assert answer.verdict is nk.Verdict.BLOCKED and answer.route is None
    assert nk.from_json(nk.to_json(answer), nk.Assessment) == answer
    exact = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1), horizon=dt.timedelta(days=400), exact=True)
    assert exact.verdict is nk.Verdict.BLOCKED
    assert nk.from_json(nk.to_json(exact), nk.Assessment) == exact


def test_n8_a_waypoint_answer_reads_back_and_its_route_keeps_the_order_asked() -> None:
    # via CN as a waypoint, answered through CN and then TH: the route has another stop
    answer = nk.can_resettle("KP", "CN", "KR", on=D(2015, 6, 1))
    assert answer.route is not None and len(answer.route.legs) > 2 and not answer.exact
    assert nk.from_json(nk.to_json(answer), nk.Assessment) == answer
    named = [p for p in answer.route.transits if isinstance(p, nk.Country)]
    with pytest.raises(nk.DataError, match="in that order") as info:
        _edited(answer, lambda d: d.update(via=[c.alpha_2 for c in reversed(named)]), nk.Assessment)
    assert info.value.field == "route"
    with pytest.raises(nk.DataError) as info:  # asked exactly, the extra stop contradicts via
        _edited(answer, lambda d: d.update(exact=True), nk.Assessment)
    assert info.value.field == "route"


def test_n8_a_policy_answer_holds_its_own_countrys_policy() -> None:
    cn = nk.policy_answer("CN", on=D(2012, 6, 1))
    with pytest.raises(nk.DataError) as info:
        _edited(cn, lambda d: d.update(country="TH"), nk.PolicyAnswer)
    assert info.value.field == "policy"


def test_n8_answers_the_engine_gives_read_back_whole() -> None:
    answers = (BLOCKED, DOCUMENTED, nk.can_resettle("KP", None, "KR", on=2015),
               nk.can_resettle("KP", "TH", "US", on=D(1990, 1, 1)))
    assert nk.from_json(nk.to_json(answers), tuple[nk.Assessment, ...]) == answers
    policy = nk.policy_answer("TH", on=D(2024, 6, 1))
    assert nk.from_json(nk.to_json(policy), nk.PolicyAnswer) == policy


@pytest.mark.parametrize("indent", [10**9, 17, -1, True, 2.0, "  "])
def test_n10_to_json_indent_is_bounded(indent: object) -> None:
    with pytest.raises(nk.ArgumentTypeError, match="indent="):
        nk.to_json(nk.Quantity(3), indent=indent)  # type: ignore[arg-type]


def test_n10_the_indents_a_reader_uses_still_work() -> None:
    for indent in (None, 0, 2, 16):
        assert nk.from_json(nk.to_json(nk.Quantity(3), indent=indent), nk.Quantity) == nk.Quantity(3)
