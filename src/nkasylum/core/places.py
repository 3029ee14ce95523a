"""Places on a route: countries, and the regions sources name instead of a country."""

from __future__ import annotations

import functools
import re
from typing import Union

import attrs

from nkasylum.core.countries import MAX_QUERY_LENGTH, Country, check_query, country, name_key
from nkasylum.core.errors import ArgumentTypeError, ArgumentValueError, DataError, UnknownCountryError
from nkasylum.core.text import shown

__all__ = [
    "INTERNATIONAL",
    "REGIONS",
    "SOUTHEAST_ASIA",
    "THIRD_COUNTRY",
    "Place",
    "PlaceLike",
    "Region",
    "as_place",
    "place",
    "place_code",
    "place_label",
    "region_named",
]


@attrs.frozen(order=True)
class Region:
    """A place that is not one country: an unnamed third country, or a named region.

    Attributes:
        id: stable identifier (lower case with hyphens), e.g. ``"third-country"``.
        name: readable name, e.g. ``"third country"``.

    Example:
        >>> import nkasylum as nk
        >>> nk.place("third country") is nk.THIRD_COUNTRY
        True
        >>> str(nk.place("South-East Asia"))
        'Southeast Asia'
    """

    id: str
    name: str = attrs.field(eq=False, order=False)

    def __repr__(self) -> str:
        return f"Region({self.id!r}, {self.name!r})"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not _REGION_ID.fullmatch(self.id):
            raise DataError(f"a region id is lower case with hyphens, e.g. 'third-country', not {self.id!r}",
                            field="id")
        if not isinstance(self.name, str) or not self.name.strip():
            raise DataError(f"must be a non-empty text, not {self.name!r}", field="name")

    def __str__(self) -> str:
        return self.name


_REGION_ID = re.compile("[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)


THIRD_COUNTRY = Region("third-country", "third country")
"""A country the source does not name (e.g. "left Beijing ... for Seoul via a third country")."""
SOUTHEAST_ASIA = Region("southeast-asia", "Southeast Asia")
"""Southeast Asia, where a source names the region rather than a country."""
INTERNATIONAL = Region("international", "international bodies")
"""UN bodies and other international organisations, whose positions are recorded as policies."""
REGIONS: tuple[Region, ...] = (INTERNATIONAL, SOUTHEAST_ASIA, THIRD_COUNTRY)
"""Every region nkasylum knows, sorted by id."""

Place = Union[Country, Region]
"""A country or a region."""

PlaceLike = Union[Country, Region, str]
"""What the queries accept for a place: a country, a region, or a name or code that resolves to one."""

_REGION_IDS = {r.id: r for r in REGIONS}

_REGION_KEYS = {
    "third country": THIRD_COUNTRY,
    "third-country": THIRD_COUNTRY,
    "a third country": THIRD_COUNTRY,
    "southeast asia": SOUTHEAST_ASIA,
    "south east asia": SOUTHEAST_ASIA,
    "southeast-asia": SOUTHEAST_ASIA,
    "international": INTERNATIONAL,
    "international bodies": INTERNATIONAL,
}
_REGION_INDEX = {name_key(k): v for k, v in _REGION_KEYS.items()}


def place(query: Country | Region | str) -> Country | Region:
    """Resolve a region name or id, or else a country (see :func:`nkasylum.country`).

    The text is refused as :func:`nkasylum.country` refuses it (over 100 characters, or
    with invisible or control characters) with :class:`~nkasylum.UnknownCountryError`.

    Example:
        >>> import nkasylum as nk
        >>> nk.place("third-country").name
        'third country'
        >>> nk.place("ROK")
        Country('KR')
    """
    if isinstance(query, Country):
        # The registry's own value: a hand-built Country("KP", ..., name="Atlantis") is equal
        # (and hashes equal) to the real one, so answers and caches must never keep its words.
        return country(query.alpha_2)
    if isinstance(query, Region):
        # As for a Country: the knowledge base stores a region by its id and reads it back
        # from that id, so a region it does not know would be written and never read again.
        known = _REGION_IDS.get(query.id)
        if known is None:
            raise ArgumentValueError("place", query.id, _REGION_IDS, what="region",
                                     note="nkasylum knows only these regions; name a country instead")
        return known
    if not isinstance(query, str):
        raise ArgumentTypeError(
            f"a place must be a str (country name, ISO code or region), a Country or a "
            f"Region, not {type(query).__name__}: {shown(query)}"
        )
    if len(query) > MAX_QUERY_LENGTH:
        check_query(query)  # refused before the cache keeps it
    return _place_text(query)


@functools.lru_cache(maxsize=4096)
def _place_text(query: str) -> Country | Region:
    # Cached as country() is (at most 4,096 texts of at most 100 characters; a text that
    # fails raises, and is not kept): a loop over rows names the same places again and again.
    check_query(query)  # before name_key reads it: a huge or invisible-laden text is refused
    region = _REGION_INDEX.get(name_key(query))
    return region if region is not None else country(query)


def region_named(text: str) -> Region | None:
    """The region ``text`` names (as :func:`place` reads it), or ``None``: what a country
    argument that is no country may be instead, for an error that says so."""
    if len(text) > MAX_QUERY_LENGTH:
        return None
    try:
        check_query(text)
    except UnknownCountryError:
        return None
    return _REGION_INDEX.get(name_key(text))


def as_place(value: Country | Region | str) -> Country | Region:
    """attrs converter for place fields: what :func:`place` resolves, so that
    ``nk.Passage(origin="CN", ...)`` holds ``Country('CN')`` and a wrong type is an
    :class:`~nkasylum.ArgumentTypeError` at construction, not a crash in a later query."""
    return place(value)


def place_code(value: Country | Region) -> str:
    """The code a place is stored under: the alpha-2 code or the region id."""
    return value.alpha_2 if isinstance(value, Country) else value.id


def place_label(value: Country | Region) -> str:
    """How a place is written in a route: the alpha-2 code or the region's name."""
    return value.alpha_2 if isinstance(value, Country) else value.name
