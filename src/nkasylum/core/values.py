"""The ``repr``, ``==`` and ``hash`` the value types share, written once instead of
generated for each class.

attrs generates and compiles these methods for every class it builds, in every process,
when the class is defined: for the package's classes that compile was the larger part of
the time attrs spends on them, and attrs' class building a sizeable part of ``import
nkasylum``. A class that sets ``__repr__ = value_repr`` (or ``__eq__ = value_eq`` and
``__hash__ = value_hash``) in its body gets these instead (attrs leaves a method the class
defines alone). They do exactly what attrs' would: ``repr`` writes the same text, ``==``
compares the fields attrs compares (not those declared ``eq=False``) between values of the
very same class, and equal values hash alike (tests/core/test_values.py checks all three).
Country and Region keep attrs' own: they are hashed and compared in every query's inner
loops, where a generated method is faster than a shared one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import attrs

__all__ = ["value_eq", "value_hash", "value_repr"]

_REPRING = threading.local()


def value_repr(self: object) -> str:
    """``Class(field=value, ...)``, as attrs' generated ``__repr__`` writes it.

    Fields declared ``repr=False`` are left out and a field's own ``repr=`` callable is
    used; a value met again while it is being written (a cycle) is written ``...``.

    Example:
        >>> import nkasylum as nk
        >>> nk.Quantity(30, nk.Qualifier.MORE_THAN)
        Quantity(value=30, qualifier=<Qualifier.MORE_THAN: 'more-than'>, unit=<Unit.PEOPLE: 'people'>)
    """
    seen: set[int] | None = getattr(_REPRING, "seen", None)
    if seen is None:
        seen = _REPRING.seen = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        parts = []
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # an attrs class: it uses this repr
            if field.repr is False:
                continue
            value = getattr(self, field.name) if field.init else getattr(self, field.name, attrs.NOTHING)
            shown = repr(value) if field.repr is True else field.repr(value)
            parts.append(f"{field.name}={shown}")
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        seen.discard(id(self))


_KEYS: dict[type, Callable[[Any], Any]] = {}


def _key(kind: type) -> Callable[[Any], Any]:
    """What ``==`` compares of a value of ``kind``: its fields that take part in equality."""
    fields = attrs.fields(kind)
    if any(f.eq_key is not None for f in fields):
        raise TypeError(f"{kind.__name__} has a field with an eq= key: give it attrs' own __eq__")
    names = [f.name for f in fields if f.eq]
    found = _KEYS[kind] = attrgetter(*names) if names else _nothing
    return found


def _nothing(value: object) -> tuple[()]:
    return ()


def value_eq(self: object, other: object) -> bool:
    """Whether ``other`` is a value of the same class with equal fields (as attrs' ``==``).

    Example:
        >>> import nkasylum as nk
        >>> nk.Quantity(30) == nk.Quantity(30), nk.Quantity(30) == nk.Quantity(31)
        (True, False)
    """
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]  # typeshed types it Any
    try:
        key = _KEYS[self.__class__]
    except KeyError:  # the class's first comparison
        key = _key(self.__class__)
    return bool(key(self) == key(other))


def value_hash(self: object) -> int:
    """A hash of the class and the fields ``==`` compares (equal values hash alike)."""
    try:
        key = _KEYS[self.__class__]
    except KeyError:
        key = _key(self.__class__)
    return hash((self.__class__, key(self)))
