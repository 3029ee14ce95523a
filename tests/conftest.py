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
