"""Scenarios as a state machine: whatever sequence of ``with_policy``, ``with_passage``,
``with_case``, ``with_statistic``, ``with_source`` and ``without`` builds a knowledge base, its
JSON reads back as the same knowledge base, which answers every question the same."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

import nkasylum as nk

D = dt.date
QUESTIONS: tuple[tuple[str, Any, str, Any], ...] = (
    ("KP", "CN", "KR", D(2002, 9, 11)), ("KP", "RU", "KR", D(2009, 12, 23)),
    ("KP", None, "KR", 2015), ("KP", ("CN", "LA", "TH"), "US", D(2008, 6, 1)),
    ("KP", "CN", "KR", D(2024, 6, 1)), ("KP", None, "TH", D(2004, 3, 9)),
)
POLICY_QUESTIONS = (("CN", D(2012, 6, 1)), ("TH", 2018), ("RU", D(2016, 6, 16)), ("KR", None))
_BASE = nk.default_knowledge_base()


def _check_contradiction(err: nk.DataError, kb: nk.KnowledgeBase, policy: nk.Policy, changed: nk.Policy) -> None:
    """A changed yes/no value may contradict another statement of the same country seen
    over the same period: the library rightly refuses that scenario, naming both."""
    assert changed.repatriates is not None and changed.repatriates is not policy.repatriates, err
    assert err.field == "repatriates" and err.entry is not None, err
    other_id = re.search(r"contradicts policy '([^']+)'", err.message)
    assert other_id is not None, err
    mentioned = {p.id: p for p in (*kb.all_policies, changed)}
    named = {mentioned[other_id[1]], mentioned[err.entry.split("'")[1]]}
    assert changed in named or policy in named, err
    assert {p.country for p in named} == {changed.country}, err
    assert {p.repatriates for p in named} == {True, False}, err


class Scenarios(RuleBasedStateMachine):
    """Each rule makes a scenario of the one before; the invariants read it back from JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.kb = _BASE
        self.made = 0

    def _new_id(self, old: str) -> str:
        self.made += 1
        return f"{old}-scenario-{self.made}"

    @rule(data=st.data(), repatriates=st.sampled_from([None, True, False]), copy=st.booleans())
    def with_policy(self, data: st.DataObject, repatriates: bool | None, copy: bool) -> None:
        policy = data.draw(st.sampled_from(self.kb.all_policies))
        changed = attrs.evolve(policy, repatriates=repatriates)
        if copy:
            changed = attrs.evolve(changed, id=self._new_id(policy.id))
        try:
            self.kb = self.kb.with_policy(changed)
        except nk.DataError as err:
            _check_contradiction(err, self.kb, policy, changed)

    @rule(data=st.data(), to_region=st.booleans())
    def with_passage(self, data: st.DataObject, to_region: bool) -> None:
        passage = data.draw(st.sampled_from(self.kb.all_passages))
        dest = nk.THIRD_COUNTRY if to_region else passage.dest
        if dest == passage.origin:
            return
        self.kb = self.kb.with_passage(attrs.evolve(passage, id=self._new_id(passage.id), dest=dest))

    @rule(data=st.data(), qualifier=st.sampled_from([nk.Qualifier.ABOUT, nk.Qualifier.AT_LEAST]))
    def with_case(self, data: st.DataObject, qualifier: nk.Qualifier) -> None:
        case = data.draw(st.sampled_from([c for c in self.kb.all_cases if c.people.value is not None]))
        people = attrs.evolve(case.people, qualifier=qualifier)
        self.kb = self.kb.with_case(attrs.evolve(case, id=self._new_id(case.id), people=people))

    @rule(data=st.data())
    def with_statistic(self, data: st.DataObject) -> None:
        statistic = data.draw(st.sampled_from(self.kb.all_statistics))
        self.kb = self.kb.with_statistic(attrs.evolve(statistic, id=self._new_id(statistic.id)))

    @rule(data=st.data())
    def with_source(self, data: st.DataObject) -> None:
        source = data.draw(st.sampled_from(self.kb.all_sources))
        self.kb = self.kb.with_source(attrs.evolve(source, title=f"{source.title} (as a scenario has it)"))

    @rule(data=st.data())
    def without(self, data: st.DataObject) -> None:
        entries = (*self.kb.all_policies, *self.kb.all_passages, *self.kb.all_cases, *self.kb.all_statistics)
        self.kb = self.kb.without(data.draw(st.sampled_from(entries)).id)

    @invariant()
    def round_trips_through_json_and_answers_the_same(self) -> None:
        if self.kb is _BASE:
            return
        back = nk.from_json(nk.to_json(self.kb), nk.KnowledgeBase)
        assert back == self.kb
        assert back.data_version == self.kb.data_version
        for origin, via, dest, on in QUESTIONS:
            assert back.can_resettle(origin, via, dest, on=on) == self.kb.can_resettle(origin, via, dest, on=on)
        for country, on in POLICY_QUESTIONS:
            assert back.policy_answer(country, on=on) == self.kb.policy_answer(country, on=on)
        assert back.routes("KP", "KR", on=D(2010, 1, 1)) == self.kb.routes("KP", "KR", on=D(2010, 1, 1))


Scenarios.TestCase.settings = settings(max_examples=6, stateful_step_count=4, deadline=None,
                                       suppress_health_check=[HealthCheck.too_slow,
                                                              HealthCheck.data_too_large])
# Slow (about forty seconds even at six examples); CI runs it with --slow.
TestScenarios = pytest.mark.slow(Scenarios.TestCase)
