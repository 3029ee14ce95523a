"""The December 2026 red-team pass, collection arguments of panel and coverage (N17)."""

from __future__ import annotations

import pytest

import nkasylum as nk


def test_n17_one_country_or_one_year_is_one_item() -> None:
    """N17: countries="CN" asked for the countries 'C' and 'N'; years=2015 raised a raw TypeError."""
    assert nk.coverage(countries="CN", years=2015) == nk.coverage(countries=["CN"], years=[2015])


@pytest.mark.parametrize(("kwargs", "says"), [
    ({"years": "2015"}, "years="), ({"years": 2.5}, "years="), ({"countries": 5}, "countries="),
    ({"years": [True]}, "years="),
])
def test_n17_other_shapes_are_refused_naming_the_argument(kwargs: dict[str, object], says: str) -> None:
    with pytest.raises(nk.ArgumentTypeError, match=says):
        nk.coverage(**kwargs)  # type: ignore[arg-type]


def test_n17_the_panel_checks_its_year_range_first() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(nk.ArgumentValueError, match="1678 to 2261"):
        nk.panel(years=[1])
    with pytest.raises(nk.ArgumentValueError):
        nk.panel(years=range(1, 10000))  # refused before computing 9,999 years
    assert len(nk.panel(countries="CN", years=2015)) == 1
