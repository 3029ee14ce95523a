"""Routes: parsing their text form, and the rules every route obeys."""

from __future__ import annotations

import pytest

import nkasylum as nk


@pytest.mark.parametrize("text", ["KP", "", "KP >", "> KR", "KP > > KR", "  "])
def test_a_route_needs_two_stops(text: str) -> None:
    with pytest.raises(nk.InvalidRouteError, match="two or more places separated by '>'"):
        nk.Route.parse(text)


def test_a_route_needs_a_leg() -> None:
    with pytest.raises(nk.InvalidRouteError, match="at least one leg"):
        nk.Route(())


def test_legs_must_join() -> None:
    kp_cn, ru_kr = nk.Leg("KP", "CN"), nk.Leg("RU", "KR")
    with pytest.raises(nk.InvalidRouteError, match="do not join"):
        nk.Route((kp_cn, ru_kr))


def test_arrows_and_names_are_accepted() -> None:
    assert nk.Route.parse("North Korea → China -> ROK") == nk.Route.parse("KP > CN > KR")
    r = nk.Route.parse("KP > third country > CN > third country > KR")  # an unnamed place may repeat
    assert r.named_transits == (nk.country("CN"),)
    assert (r.origin, r.dest) == (nk.country("KP"), nk.country("KR"))
