"""The arguments of a question, checked and resolved: origin in scope, transit countries, limits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from nkasylum.core.countries import Country, country
from nkasylum.core.errors import ArgumentTypeError, InvalidRouteError, OutOfScopeError, UnknownCountryError
from nkasylum.core.places import Region, place, region_named
from nkasylum.model.routes import Route

__all__ = ["Scope", "check_path", "country_arg", "exact_arg", "journey", "max_routes", "max_transits", "origin",
           "path_codes", "via"]


class Scope(Protocol):
    """What decides which origins a question may start from: an index, or the tables
    compiled from one (the countries people leave, in the order they are named)."""

    @property
    def scope(self) -> frozenset[str]: ...

    @property
    def scope_order(self) -> Sequence[str]: ...


def origin(index: Scope, value: object) -> Country:
    """The origin, which must be a country the knowledge base covers.

    Raises:
        OutOfScopeError: naming what the knowledge base covers.
    """
    found = country_arg(value, "origin")
    if found.alpha_2 not in index.scope:
        covered = ", ".join(country(c).name for c in index.scope_order)
        raise OutOfScopeError(
            f"origin {found} is outside this knowledge base's scope: it documents how people "
            f"leave {covered}; give origin={index.scope_order[0]!r}"
        )
    return found


_RESOLVED: dict[object, Country] = {}
"""Texts already resolved to a country: a loop of questions names the same few places again
and again, and this look-up is a third of a fresh question's argument checks. Emptied past
:data:`_RESOLVED_LIMIT` texts."""

_RESOLVED_LIMIT = 4096


def country_arg(value: object, name: str) -> Country:
    """A place argument that must be a country (not a region)."""
    if value.__class__ is str:
        known = _RESOLVED.get(value)
        if known is not None:
            return known
    elif not isinstance(value, (str, Country, Region)):
        raise ArgumentTypeError(
            f"{name} must be a country (a name, an ISO code or a Country), "
            f"not {type(value).__name__}: {value!r}"
        )
    if isinstance(value, Region):
        raise InvalidRouteError(f"{name} must be a country, not the region {place(value).name!r}")
    # The country registry resolves it: a place that must be a country needs no region
    # look-up, but for the error when the text names a region rather than a country.
    try:
        # A Country by its code: the registry's own value, never a hand-built one's words.
        found = country(value.alpha_2 if isinstance(value, Country) else value)
    except UnknownCountryError:
        region = region_named(value) if isinstance(value, str) else None
        if region is None:
            raise
        raise InvalidRouteError(f"{name} must be a country, not the region {region.name!r}") from None
    if value.__class__ is str:
        _remember(_RESOLVED, value, found)
    return found


def _remember(table: dict[object, Country] | dict[object, tuple[Country, ...]], key: object,
              value: object) -> None:
    """Keep ``value`` under ``key`` in one of the resolved-argument tables, emptying it first
    when it holds :data:`_RESOLVED_LIMIT` entries."""
    if len(table) >= _RESOLVED_LIMIT:
        table.clear()
    table[key] = value  # type: ignore[assignment]


_VIAS: dict[object, tuple[Country, ...]] = {}
"""Texts and tuples already resolved to transit countries (as :data:`_RESOLVED`): a tuple is
kept only once every country in it resolved, and resolving depends on nothing else."""


def via(value: object) -> tuple[Country, ...] | None:
    """``None`` (any route), one transit country, an ordered list or tuple of them, or a
    :class:`~nkasylum.Route` (its named transit countries)."""
    if value is None:
        return None
    if isinstance(value, Route):
        return value.named_transits
    plain = value.__class__ is str or value.__class__ is tuple
    if plain:
        try:
            known = _VIAS.get(value)
        except TypeError:  # a tuple holding something unhashable: checked below
            plain, known = False, None
        if known is not None:
            return known
    if isinstance(value, (str, Country, Region)):
        found: tuple[Country, ...] = (country_arg(value, "via"),)
    elif isinstance(value, (list, tuple)):
        found = tuple([country_arg(v, "each transit country in via") for v in value])
    else:
        raise ArgumentTypeError(
            "via= takes None (any route), one country, or an ordered list or tuple of countries, "
            f"not {type(value).__name__}: {value!r}"
        )
    if plain:
        _remember(_VIAS, value, found)
    return found


def max_transits(value: object) -> int:
    """A limit on the named transit countries of a route, from 0 to 8."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_transits= takes an int, not {value!r}")
    if not 0 <= value <= 8:
        raise InvalidRouteError(f"max_transits must be between 0 and 8, not {value}")
    return value


def max_routes(value: object) -> int:
    """How many routes a search may return: an int, at least 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_routes= takes an int, not {value!r}")
    if value < 1:
        raise InvalidRouteError(f"max_routes must be at least 1, not {value}")
    return value


def journey(index: Scope, start: object, stops: object,
            goal: object) -> tuple[Country, tuple[Country, ...] | None, Country]:
    """Origin, transit countries and destination, checked in that order; a
    :class:`~nkasylum.Route` given as ``via`` must run from that origin to that destination."""
    found = origin(index, start), None if stops is None else via(stops), country_arg(goal, "dest")
    if isinstance(stops, Route) and (stops.origin != found[0] or stops.dest != found[2]):
        raise InvalidRouteError(
            f"the route given as via runs from {stops.origin} to {stops.dest}, not from "
            f"{found[0].alpha_2} to {found[2].alpha_2}; give a route between them, or its "
            "transit countries")
    return found


def exact_arg(value: object, stops: object) -> bool:
    """Whether ``via`` names the exact legs (``exact=True``, a :class:`~nkasylum.Route`, or no
    transit country at all: the direct leg) rather than waypoints."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"exact= takes True or False, not {value!r}")
    if value or isinstance(stops, Route):
        return True
    # No waypoint to pass through: the journey is the direct leg, as it always was.
    return stops is not None and isinstance(stops, (list, tuple)) and not stops


def check_path(start: Country, stops: tuple[Country, ...] | None, goal: Country) -> list[str]:
    """A journey visits no country twice and names at most 8 transit countries; returns
    the codes of the places it names, in order."""
    # Codes, not countries: a str hashes in C, and this runs once per question.
    codes = path_codes(start, stops, goal)
    if len(set(codes)) != len(codes):
        raise InvalidRouteError("a route visits no country twice: " + " > ".join(codes))
    if len(codes) > 10:
        max_transits(len(codes) - 2)
    return codes


def path_codes(start: Country, stops: tuple[Country, ...] | None, goal: Country) -> list[str]:
    """The codes of origin, transit countries and destination, in order."""
    if stops is None:
        return [start.alpha_2, goal.alpha_2]
    return [start.alpha_2, *[c.alpha_2 for c in stops], goal.alpha_2]
