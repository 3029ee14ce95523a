"""The December 2026 red-team pass, value constructors (N6) and the custom Region round trip (B15)."""

from __future__ import annotations

import attrs
import pytest

import nkasylum as nk


@pytest.mark.parametrize(("make", "field"), [
    (lambda: nk.Quantity(5, qualifier="about"), "qualifier"),   # the TOML spelling, not the enum
    (lambda: nk.Quantity(5, qualifier=None), "qualifier"),
    (lambda: nk.Quantity(5, unit=None), "unit"),
    (lambda: nk.Quantity(5, unit="people"), "unit"),
    (lambda: nk.Region(None, None), "id"),
    (lambda: nk.Region("Mars Base", "Mars"), "id"),
    (lambda: nk.Region("mars", ""), "name"),
    (lambda: nk.Country(None, None, None, None, None), "alpha_2"),
    (lambda: nk.Country("KP", "PRK", 408, "North Korea", "Korea"), "numeric"),
    (lambda: nk.Country("KP", "PRK", "408", None, "Korea"), "name"),
    (lambda: nk.Country("KP", "PRK", "408", "North Korea", "Korea", official_name=5), "official_name"),
    # digits alone are a numeric code: its JSON ("408") read back as North Korea
    (lambda: nk.Country("408", "PRK", "408", "North Korea", "Korea"), "alpha_2"),
    (lambda: nk.Country("KP", "408", "408", "North Korea", "Korea"), "alpha_3"),
    (lambda: nk.Country("PRK", "PRK", "408", "North Korea", "Korea"), "alpha_2"),  # read back as KP
])
def test_n6_value_constructors_name_the_wrong_field(make: object, field: str) -> None:
    with pytest.raises(nk.DataError) as info:
        make()  # type: ignore[operator]
    assert info.value.field == field


def test_n6_the_qualifier_error_says_how_to_write_it() -> None:
    with pytest.raises(nk.DataError, match=r"Qualifier\('about'\)"):
        nk.Quantity(5, qualifier="about")  # type: ignore[arg-type]


def test_b15_a_region_nkasylum_does_not_know_is_refused_where_it_is_given() -> None:
    """B15: a made-up Region was accepted by with_passage, and the knowledge base's own JSON
    then could not be read back. Now it is refused at once; a known one round-trips."""
    kb = nk.default_knowledge_base()
    passage = kb.all_passages[0]
    with pytest.raises(nk.ArgumentValueError, match="third-country"):
        attrs.evolve(passage, id="made-up-region", dest=nk.Region("mars", "Mars"))
    moved = attrs.evolve(passage, id="to-a-third-country", dest=nk.Region("third-country", "x"))
    assert moved.dest is nk.THIRD_COUNTRY  # the registry's own value, its own name
    bigger = kb.with_passage(moved)
    assert nk.from_json(nk.to_json(bigger), nk.KnowledgeBase) == bigger
