"""Routes: ordered legs from an origin to a destination."""

from __future__ import annotations

import itertools

import attrs

from nkasylum.core.checks import check_types, freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, InvalidRouteError
from nkasylum.core.places import Region, as_place, place, place_label
from nkasylum.core.text import shown
from nkasylum.core.values import value_type
from nkasylum.model.markdown import Mermaid, route_markdown, route_mermaid
from nkasylum.model.passages import Channel

__all__ = ["Leg", "Route"]

_SEPARATOR = " > "


@attrs.frozen
@value_type
class Leg:
    """One step of a route: from a place to a place, through a channel.

    Attributes:
        origin: where the leg starts.
        dest: where it ends (possibly :data:`nkasylum.THIRD_COUNTRY`).
        channel: how, where documented (``None`` for a route parsed from text).
        passage: the id of the passage that documents this leg, if any.

    Example:
        >>> import nkasylum as nk
        >>> leg = nk.Route.parse("KP > CN").legs[0]
        >>> leg.origin, leg.dest
        (Country('KP'), Country('CN'))
    """

    origin: Country | Region = attrs.field(converter=as_place)
    dest: Country | Region = attrs.field(converter=as_place)
    channel: Channel | None = None
    passage: str | None = None

    def __attrs_post_init__(self) -> None:
        check_types(self)

    def __str__(self) -> str:
        via = f" ({self.channel.value})" if self.channel else ""
        return f"{place_label(self.origin)}{_SEPARATOR}{place_label(self.dest)}{via}"


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Route:
    """An ordered, valid sequence of legs.

    A route starts where its first leg starts, each leg starts where the previous one
    ended, and no country appears twice (an unnamed third country may, since the sources
    do not say whether two are the same).

    Attributes:
        legs: the legs in order (at least one).

    Example:
        >>> import nkasylum as nk
        >>> r = nk.Route.parse("KP > CN > third country > KR")
        >>> str(r), len(r.legs), r.transits
        ('KP > CN > third country > KR', 3, (Country('CN'), Region('third-country', 'third country')))
    """

    legs: tuple[Leg, ...]

    def __attrs_post_init__(self) -> None:
        check_types(self)
        if not self.legs:
            raise InvalidRouteError("a route needs at least one leg")
        for before, after in itertools.pairwise(self.legs):
            if before.dest != after.origin:
                raise InvalidRouteError(
                    f"legs do not join: one ends at {place_label(before.dest)} and the next "
                    f"starts at {place_label(after.origin)}"
                )
        seen: set[Country] = set()
        for stop in self.places:
            if isinstance(stop, Country):
                if stop in seen:
                    raise InvalidRouteError(
                        f"a route visits no country twice; {stop.alpha_2} appears twice "
                        f"in {self}"
                    )
                seen.add(stop)

    @property
    def places(self) -> tuple[Country | Region, ...]:
        """Every stop in order, origin first and destination last."""
        return (self.legs[0].origin, *(leg.dest for leg in self.legs))

    @property
    def origin(self) -> Country | Region:
        """Where the route starts."""
        return self.legs[0].origin

    @property
    def dest(self) -> Country | Region:
        """Where the route ends."""
        return self.legs[-1].dest

    @property
    def transits(self) -> tuple[Country | Region, ...]:
        """The stops between origin and destination."""
        return self.places[1:-1]

    @property
    def named_transits(self) -> tuple[Country, ...]:
        """The transit countries the route names (unnamed third countries left out)."""
        return tuple(p for p in self.transits if isinstance(p, Country))

    def __str__(self) -> str:
        return _SEPARATOR.join(place_label(p) for p in self.places)

    @classmethod
    def parse(cls, text: str) -> Route:
        """Build a route from its string form, e.g. ``"KP > CN > third country > KR"``.

        Stops are separated by ``>`` (``->`` and ``→`` are accepted too) and resolved
        with :func:`nkasylum.place`. Parsed legs carry no channel.

        Raises:
            InvalidRouteError: fewer than two stops, an empty stop, or a country twice.
            UnknownCountryError: a stop that resolves to no place.
            ArgumentTypeError: ``text`` is not a string.

        Example:
            >>> import nkasylum as nk
            >>> str(nk.Route.parse("North Korea -> Russia -> ROK"))
            'KP > RU > KR'
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"Route.parse takes a str, not {type(text).__name__}")
        parts = [p.strip() for p in text.replace("→", ">").replace("->", ">").split(">")]
        if len(parts) < 2 or any(not p for p in parts):
            raise InvalidRouteError(
                f"a route is two or more places separated by '>', e.g. 'KP > CN > KR'; "
                f"got {shown(text)}"
            )
        stops = [place(p) for p in parts]
        return cls(tuple(Leg(a, b) for a, b in itertools.pairwise(stops)))

    def to_mermaid(self) -> Mermaid:
        """The route as a Mermaid flowchart (left to right), for docs and notebooks: a ``str``
        that Jupyter draws as a diagram (:class:`~nkasylum.model.markdown.Mermaid`).

        Example:
            >>> import nkasylum as nk
            >>> print(nk.Route.parse("KP > CN > KR").to_mermaid())
            flowchart LR
                KP["North Korea (KP)"] --> CN["China (CN)"]
                CN["China (CN)"] --> KR["South Korea (KR)"]
        """
        return route_mermaid(self)

    def _repr_markdown_(self) -> str:
        return route_markdown(self)
