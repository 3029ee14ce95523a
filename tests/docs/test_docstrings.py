"""Every example in a docstring runs and prints what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import nkasylum

MODULES = sorted(m.name for m in pkgutil.walk_packages(nkasylum.__path__, "nkasylum."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_every_public_name_has_a_docstring() -> None:
    missing = [name for name in nkasylum.__all__
               if name not in {"__version__", "converter", "REGIONS", "SOUTHEAST_ASIA", "THIRD_COUNTRY",
                            "INTERNATIONAL"}
               and not (getattr(nkasylum, name).__doc__ or "").strip()]
    assert missing == []
