"""One vocabulary: a question has the same name and arguments on ``nk`` and on a knowledge base.

A researcher who moves from the bundled data (``nk.cases(...)``) to a scenario
(``kb.with_policy(...).cases(...)``) changes the receiver, never the words.
"""

from __future__ import annotations

import inspect

import pytest

import nkasylum as nk

QUESTIONS = sorted(
    name for name in nk.__all__
    if inspect.isfunction(getattr(nk, name)) and callable(getattr(nk.KnowledgeBase, name, None)))


def test_the_shared_questions_are_the_ones_researchers_ask() -> None:
    assert {"can_resettle", "assess_many", "routes", "iter_routes", "policy", "policy_answer",
            "policies", "policy_timeline", "passages", "cases", "case", "statistics", "series",
            "coverage", "source"} <= set(QUESTIONS)


@pytest.mark.parametrize("name", QUESTIONS)
def test_facade_and_knowledge_base_take_the_same_arguments(name: str) -> None:
    facade = inspect.signature(getattr(nk, name)).parameters
    method = inspect.signature(getattr(nk.KnowledgeBase, name)).parameters
    assert [(p.name, p.kind, p.default) for p in facade.values() if p.name != "kb"] == [
        (p.name, p.kind, p.default) for p in method.values() if p.name != "self"]


def test_the_old_name_of_policies_still_answers_and_warns(kb: nk.KnowledgeBase) -> None:
    with pytest.warns(DeprecationWarning, match=r"KnowledgeBase\.policies"):
        old = kb.policies_of("CN")
    assert old == kb.policies("CN") == nk.policies("CN")
    assert old  # China's statements are on record
