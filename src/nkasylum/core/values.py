"""The ``repr``, ``==`` and ``hash`` the value types share, given by one class decorator.

attrs generates and compiles these methods for every class it builds, in every process,
when the class is defined: for the package's classes that compile was the larger part of
the time attrs spends on them, and attrs' class building a sizeable part of ``import
nkasylum``. A class decorated with :func:`value_type` (under attrs' decorator, so that attrs
finds the methods already there and leaves them alone) gets these instead. ``==`` compares
the fields attrs would compare (not those declared ``eq=False``) between values of the very
same class, and equal values hash alike (tests/core/test_values.py checks both).

The ``repr`` is a short summary written like a constructor call (valid Python, fields by
name): a field holding its default is left out, a long text is cut, a value held in a
field shows its own fields and ``Name(...)`` one level further down, and a collection
shows its first items and ``...``. A policy's or an answer's evidence is not dumped into a log line
or a notebook cell: ``str()`` and the Markdown of the notebooks show the content.
Country and Region keep attrs' own ``==`` and ``hash``: they are hashed and compared in
every query's inner loops, where a generated method is faster than a shared one.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

import attrs

__all__ = ["value_eq", "value_hash", "value_repr", "value_type"]

_T = TypeVar("_T", bound=type)

_REPRING = threading.local()

TEXT_LIMIT = 80
"""The most characters of a text a ``repr`` shows (a merged policy's long id is cut too); half
as many inside a nested value."""
ITEM_LIMIT = 2
"""The most items of a collection a ``repr`` shows before ``...``."""
_DEPTH = 2  # below this, a nested value is written Name(...) and a collection (...)


def value_type(cls: _T) -> _T:
    """Give an attrs value type the shared short ``repr``, ``==`` and ``hash``.

    Put it *under* ``@attrs.frozen`` (it runs first, and attrs then keeps these methods).
    A method the class body defines itself is kept.

    .. code-block:: python

        @attrs.frozen
        @value_type
        class Thing:
            id: str

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... @value_type
        ... class Thing:
        ...     id: str
        ...     note: str = ""
        >>> Thing("a"), Thing("a") == Thing("a"), hash(Thing("a")) == hash(Thing("a"))
        (Thing(id='a'), True, True)
    """
    if "__attrs_attrs__" in vars(cls):
        raise TypeError(f"@value_type must come under @attrs.frozen on {cls.__name__}: attrs has already "
                        "written its own methods")
    for name, method in (("__repr__", value_repr), ("__eq__", value_eq), ("__hash__", value_hash)):
        if name not in vars(cls):  # a class may write its own (When writes When.parse('2004'))
            setattr(cls, name, method)
    return cls


def value_repr(self: object) -> str:
    """``Class(field=value, ...)``: a short constructor-like summary (see the module).

    Fields declared ``repr=False`` are left out and a field's own ``repr=`` callable is
    used; a value met again while it is being written (a cycle) is written ``...``.

    Example:
        >>> import nkasylum as nk
        >>> nk.Quantity(30, nk.Qualifier.MORE_THAN)
        Quantity(value=30, qualifier=Qualifier.MORE_THAN)
    """
    return _written(self, 0)


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs types Factory as a function
        return attrs.NOTHING if default.takes_self else default.factory()
    return default


def _fields(self: object, depth: int) -> str:
    parts = []
    for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # an attrs class: it uses this repr
        if field.repr is False or not field.init:
            continue
        got = getattr(self, field.name, attrs.NOTHING)
        default = _default(field)
        if default is not attrs.NOTHING and type(got) is type(default) and got == default:
            continue  # a constructor call leaves a default out
        shown = _written(got, depth) if field.repr is True else field.repr(got)
        parts.append(f"{field.name.lstrip('_')}={shown}")
    return ", ".join(parts)


def _text(value: str, limit: int) -> str:
    written = repr(value)
    if len(written) <= limit:
        return written
    cut = value[:limit - 5]
    while len(repr(cut)) > limit - 3:  # escapes (a backslash and a code) make a character longer
        cut = cut[:-1]
    return repr(cut + "...")


def _written(value: object, depth: int) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, str):
        return _text(value, TEXT_LIMIT if depth <= 1 else TEXT_LIMIT // 2)
    if type(value) in (tuple, list) or (isinstance(value, tuple) and not hasattr(value, "_fields")):
        items = list(value)  # type: ignore[call-overload]  # a tuple or list, checked above
        if not items:
            return "[]" if isinstance(value, list) else "()"
        if depth >= _DEPTH:
            return "[...]" if isinstance(value, list) else "(...)"
        shown = [_written(item, depth + 1) for item in items[:ITEM_LIMIT]]
        if len(items) > ITEM_LIMIT:
            shown.append("...")
        if isinstance(value, list):
            return "[" + ", ".join(shown) + "]"
        return "(" + ", ".join(shown) + ("," if len(shown) == 1 else "") + ")"
    if type(value).__repr__ is not value_repr:
        return repr(value)
    name = type(value).__qualname__.rsplit(">.", 1)[-1]
    if depth >= _DEPTH:
        return f"{name}(...)"
    seen: set[int] | None = getattr(_REPRING, "seen", None)
    if seen is None:
        seen = _REPRING.seen = set()
    if id(value) in seen:
        return "..."
    seen.add(id(value))
    try:
        return f"{name}({_fields(value, depth + 1)})"
    finally:
        seen.discard(id(value))


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
