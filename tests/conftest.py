"""Shared fixtures: the bundled knowledge base and the shared source documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import nkasylum as nk

ROOT = Path(__file__).resolve().parent.parent


def documents_dir() -> Path | None:
    """The shared documents (seeds/ and sources/): $NKASYLUM_DOCUMENTS or ../shared."""
    env = os.environ.get("NKASYLUM_DOCUMENTS")
    candidate = Path(env) if env else ROOT.parent / "shared"
    return candidate if (candidate / "seeds").is_dir() else None


@pytest.fixture(scope="session")
def documents() -> Path:
    found = documents_dir()
    if found is None:
        pytest.skip(
            "the shared source documents are not here (looked for ../shared/seeds beside "
            "the checkout, or $NKASYLUM_DOCUMENTS); anchors can only be checked where they are"
        )
    return found


@pytest.fixture(scope="session")
def kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow", action="store_true", default=False,
        help="also run the tests marked slow (sweeps, site builds, long loops) and draw every "
             "hypothesis example; CI runs them all")


SWEEPS = frozenset({
    "test_a_truncated_file_is_named",
    "test_a_file_cut_between_two_entries_is_refused_not_loaded_short",
    "test_a_field_of_the_wrong_type_is_named_with_its_file_and_entry",
})
"""Parametrized sweeps over every bundled data file: the first case of each runs by default, so
the behaviour keeps a quick test, and the rest are slow (they run with ``--slow``)."""


def pytest_configure(config: pytest.Config) -> None:
    # Read by strategies.examples when the test modules are collected (after this hook).
    os.environ["NKASYLUM_FULL_TESTS"] = "1" if config.getoption("--slow") else "0"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The default run stays quick enough to run while working; CI passes --slow.
    first: set[str] = set()
    for item in items:
        name = getattr(item, "originalname", item.name)
        if name in SWEEPS:
            if name in first:
                item.add_marker(pytest.mark.slow)
            first.add(name)
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: runs with --slow (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
