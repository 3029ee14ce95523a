"""Quantities that keep their qualifiers: "more than 30" is not 30."""

from __future__ import annotations

import enum

import attrs

from nkasylum.core.errors import DataError
from nkasylum.core.values import value_type

__all__ = ["MAX_COUNT", "Qualifier", "Quantity", "Unit"]


class Qualifier(enum.Enum):
    """How a source qualifies a number.

    Example:
        >>> import nkasylum as nk
        >>> str(nk.Quantity(30, nk.Qualifier.MORE_THAN))
        'more than 30'
    """

    EXACT = "exact"
    """The number as given ("15 North Koreans")."""
    ABOUT = "about"
    """An approximation ("about 21", "around 1,700", "an estimated 10,000")."""
    AT_LEAST = "at-least"
    """A lower bound that may be met ("at least 80")."""
    MORE_THAN = "more-than"
    """A strict lower bound ("more than 30", "over 50 percent")."""
    AT_MOST = "at-most"
    """An upper bound that may be met."""
    FEWER_THAN = "fewer-than"
    """A strict upper bound."""
    ALMOST = "almost"
    """Just under the number ("almost 98%")."""
    ORDER_OF_MAGNITUDE = "order-of-magnitude"
    """Only a magnitude ("tens of thousands" is stored as 10,000; "dozens" as 10)."""
    UNQUANTIFIED = "unquantified"
    """A count the source does not put a number on ("a small number", "many"); value is None."""


class Unit(enum.Enum):
    """What a quantity counts.

    Example:
        >>> import nkasylum as nk
        >>> nk.Unit("percent").value
        'percent'
    """

    PEOPLE = "people"
    """Persons."""
    CASES = "cases"
    """Cases as the source counts them, not necessarily distinct people."""
    APPLICATIONS = "applications"
    """Applications or requests; one person may make several."""
    PERCENT = "percent"
    """A share from 0 to 100."""
    KRW = "krw"
    """An amount of money in South Korean won (settlement benefits, subsidies)."""
    USD = "usd"
    """An amount of money in U.S. dollars (what brokers charge)."""


MAX_COUNT = 10**10
"""The largest value a :class:`Quantity` holds: ten billion, above the world's population,
so every documented count fits, and far inside a 64-bit integer (pandas' ``Int64``
columns of :func:`nkasylum.to_frames`, JSON readers that use doubles)."""

_MAGNITUDES = {10: "tens", 100: "hundreds", 1000: "thousands", 10_000: "tens of thousands",
               100_000: "hundreds of thousands", 1_000_000: "millions"}


@attrs.frozen
@value_type
class Quantity:
    """A number with its qualifier and unit, never rounded into an exact count.

    Attributes:
        value: the number as the source gives it (``None`` only when unquantified), from
            0 to 10**10 (``MAX_COUNT``), or to 100 for a percentage; outside, a DataError.
        qualifier: how the source qualifies it.
        unit: what is counted.

    Example:
        >>> import nkasylum as nk
        >>> q = nk.Quantity(30, nk.Qualifier.MORE_THAN)
        >>> q.lower_bound, q.upper_bound, q.is_exact
        (31, None, False)
        >>> str(nk.Quantity(98, nk.Qualifier.ALMOST, nk.Unit.PERCENT))
        'almost 98%'
    """

    value: int | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: Unit = Unit.PEOPLE

    def __attrs_post_init__(self) -> None:
        for name, kind in (("qualifier", Qualifier), ("unit", Unit)):
            given = getattr(self, name)
            if not isinstance(given, kind):
                hint = f" ({kind.__name__}({given!r}))" if any(given == m.value for m in kind) else ""
                raise DataError(f"must be a {kind.__name__}, one of {', '.join(m.name for m in kind)}, "
                                f"not {given!r}{hint}", field=name)
        if self.qualifier is Qualifier.UNQUANTIFIED:
            if self.value is not None:
                raise DataError("an unquantified count has no value", field="value")
            return
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            hint = " (leave the value out only with qualifier 'unquantified')" if self.value is None else ""
            raise DataError(f"must be a whole number, not {self.value!r}{hint}", field="value")
        if self.value < 0:
            raise DataError(f"cannot be negative ({self.value})", field="value")
        if self.value > MAX_COUNT:
            # Not the number itself when huge: its text can cost seconds, or fail past 4300 digits.
            given = f"{self.value:,}" if self.value < 10**30 else f"a {self.value.bit_length()}-bit number"
            raise DataError(f"a count is at most {MAX_COUNT:,} (10**10), not {given}", field="value")
        if self.unit is Unit.PERCENT and self.value > 100:
            raise DataError(f"a percentage cannot exceed 100 ({self.value})", field="value")
        if self.qualifier is Qualifier.ORDER_OF_MAGNITUDE and self.value not in _MAGNITUDES:
            raise DataError(
                f"an order of magnitude is one of {sorted(_MAGNITUDES)}, not {self.value}",
                field="value",
            )

    @property
    def is_exact(self) -> bool:
        """True only for an exact count."""
        return self.qualifier is Qualifier.EXACT

    @property
    def lower_bound(self) -> int | None:
        """The smallest value the wording allows, or ``None`` when it sets none."""
        q, v = self.qualifier, self.value
        if v is None or q in (Qualifier.ABOUT, Qualifier.ALMOST):
            return None
        if q is Qualifier.MORE_THAN:
            return v + 1
        if q in (Qualifier.AT_MOST, Qualifier.FEWER_THAN):
            return 0
        return v

    @property
    def upper_bound(self) -> int | None:
        """The largest value the wording allows, or ``None`` when it sets none."""
        q, v = self.qualifier, self.value
        if v is None or q in (Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.MORE_THAN):
            return None
        if q is Qualifier.FEWER_THAN:
            return max(v - 1, 0)
        if q is Qualifier.ORDER_OF_MAGNITUDE:
            return v * 10 - 1
        if q is Qualifier.ALMOST:
            return v
        return v

    def __str__(self) -> str:
        if self.value is None:
            return f"an unquantified number of {self.unit.value}"
        if self.qualifier is Qualifier.ORDER_OF_MAGNITUDE:
            return _MAGNITUDES[self.value]
        number = f"{self.value}%" if self.unit is Unit.PERCENT else f"{self.value:,}"
        words = {Qualifier.EXACT: "", Qualifier.AT_LEAST: "at least ",
                 Qualifier.MORE_THAN: "more than ", Qualifier.AT_MOST: "at most ",
                 Qualifier.FEWER_THAN: "fewer than ", Qualifier.ABOUT: "about ",
                 Qualifier.ALMOST: "almost "}
        if self.unit in (Unit.KRW, Unit.USD):
            return f"{words[self.qualifier]}{self.unit.value.upper()} {self.value:,}"
        unit = "" if self.unit in (Unit.PEOPLE, Unit.PERCENT) else f" {self.unit.value}"
        return f"{words[self.qualifier]}{number}{unit}"
