"""The ``repr`` the value types share, written once instead of generated for each class.

attrs generates and compiles the ``__repr__`` of every class it builds, in every process,
when the class is defined: for the package's classes that compile was about a third of
the time attrs spends on them, a sizeable part of ``import nkasylum``. A class that sets
``__repr__ = value_repr`` in its body gets this one instead (attrs leaves a method the
class defines alone); it writes exactly what attrs' would (tests/test_values.py checks).
"""

from __future__ import annotations

import threading

import attrs

__all__ = ["value_repr"]

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
