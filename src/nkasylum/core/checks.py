"""Checks shared by the entry types (policy, passage, case, statistic, conflict)."""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import operator
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.text import shown

_ID = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\+[a-z0-9]+(?:[-.][a-z0-9]+)*)*$")


def check_entry(id: str, evidence: tuple[object, ...]) -> None:
    """An entry needs a well-formed id and at least one piece of evidence."""
    if not isinstance(id, str) or not _ID.match(id):
        raise DataError(
            "an id is lower-case letters and digits joined by '-' or '.' ('+' joins merged policy ids), "
            f"not {shown(id)}",
            field="id",
        )
    if not evidence:
        raise DataError("no fact without evidence: give at least one [[...evidence]]", field="evidence")


def _to_tuple(value: object, owner: object, field: attrs.Attribute[Any]) -> object:
    if isinstance(value, tuple) or (value is None and _optional(field)):
        return value
    if isinstance(value, list):
        return tuple(value)
    raise ArgumentTypeError(
        f"{type(owner).__name__}.{field.name} takes a tuple or list, not {type(value).__name__}: "
        f"{shown(value)}"
        + (" (a set or a dict has no reliable order)" if isinstance(value, (set, frozenset, dict)) else "")
    )


def _optional(field: attrs.Attribute[Any]) -> bool:
    # The annotation is text until something resolves it in place (cattrs does).
    if isinstance(field.type, str):
        return field.type.replace(" ", "").endswith("|None")
    return type(None) in typing.get_args(field.type)


# One converter for every tuple field: attrs inspects a converter's signature when it is
# made, which for one per field cost a cold start about a millisecond.
_TUPLE = attrs.Converter(_to_tuple, takes_self=True, takes_field=True)


def freeze_sequences(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: every ``tuple[...]`` field stores a tuple.

    A list given to a constructor is copied into a tuple, so the caller mutating their
    list afterwards cannot change a frozen (and already validated) value, and the value
    stays hashable. Anything else (a string would otherwise be read as its characters, a
    set in an arbitrary order) is an :class:`ArgumentTypeError`.
    """
    changed = []
    for field in fields:
        annotation = field.type if isinstance(field.type, str) else ""
        if field.converter is None and annotation.startswith("tuple["):
            field = field.evolve(converter=_TUPLE)
        changed.append(field)
    return changed


# A check is a tuple of types (``isinstance`` in C, the common case) or a predicate.
_Check = tuple[str, "tuple[type, ...] | Callable[[object], bool]", str]
_CHECKS: dict[type, tuple[_Check, ...]] = {}


def check_types(obj: object) -> None:
    """Every field of an attrs value holds what its annotation says, else an
    :class:`ArgumentTypeError` naming the class, the field, what it takes and what it got.

    Values built from data files already have the right types (the converter builds them);
    this catches code that passes a string where an enum member belongs, a ``datetime``
    where an EDTF date belongs, ``None`` for a required text, and the like, at construction
    instead of as an ``AttributeError`` in a later query.
    """
    kind = type(obj)
    checks = _CHECKS.get(kind)
    if checks is None:
        checks = _CHECKS[kind] = _compile(kind)
    for name, ok, expected in checks:
        value = getattr(obj, name)
        if not (isinstance(value, ok) if type(ok) is tuple else ok(value)):  # type: ignore[operator]
            raise ArgumentTypeError(f"{kind.__name__}.{name} takes {expected}, not "
                                    f"{type(value).__name__}: {shown(value)}")


def _compile(kind: type) -> tuple[_Check, ...]:
    namespace = dict(vars(sys.modules[kind.__module__]))
    checks: list[_Check] = []
    for field in attrs.fields(kind):
        annotation = field.type
        try:
            resolved = _resolve(annotation, namespace) if isinstance(annotation, str) else annotation
        except NameError:  # a name only the type checker sees: nothing to check at run time
            continue
        ok, expected = _checker(resolved)
        checks.append((field.name, ok, expected))
    return tuple(checks)


def _resolve(text: str, namespace: dict[str, Any]) -> Any:
    """What the annotation ``text`` evaluates to, without compiling it for the plain forms
    (``X``, ``a.X``, ``None``, ``X | Y``, ``tuple[X, ...]``): ``eval`` compiles every string,
    about a millisecond of a cold start over the annotations its first answer checks."""
    depth, start, parts = 0, 0, []
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    if parts:
        return functools.reduce(operator.or_, (_resolve(p, namespace) for p in (*parts, text[start:])))
    text = text.strip()
    if text == "None":
        return None
    if text.startswith("tuple[") and text.endswith(", ...]"):
        return tuple[_resolve(text[6:-6], namespace), ...]  # type: ignore[misc]
    head, *rest = text.split(".")
    if not all(name.isidentifier() for name in (head, *rest)):
        return eval(text, namespace)  # anything richer
    if head in namespace:
        found = namespace[head]
    elif hasattr(builtins, head):
        found = getattr(builtins, head)
    else:
        raise NameError(f"name {head!r} is not defined")
    for name in rest:
        found = getattr(found, name)
    return found


def _checker(annotation: Any) -> tuple[tuple[type, ...] | Callable[[object], bool], str]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is None or annotation is type(None):
        return (type(None),), "None"
    if origin in (typing.Union, types.UnionType):
        parts = [_checker(a) for a in args]
        text = " or ".join(text for _, text in parts)
        kinds = [ok for ok, _ in parts if isinstance(ok, tuple)]
        if len(kinds) == len(parts):
            return tuple(t for ok in kinds for t in ok), text
        tests = [_predicate(ok) for ok, _ in parts]
        return (lambda v: any(test(v) for test in tests)), text
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item, text = _checker(args[0])
        one = _predicate(item)
        return (lambda v: isinstance(v, tuple) and all(one(x) for x in v)), f"a tuple of {text}"
    if annotation is bool:
        return (bool,), "True or False"
    if annotation is int:
        return (lambda v: isinstance(v, int) and not isinstance(v, bool)), "an int"
    if annotation is dt.date:
        return (lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)), "a datetime.date"
    if isinstance(annotation, type):
        return (annotation,), annotation.__name__
    return (lambda v: True), "anything"


def _predicate(ok: tuple[type, ...] | Callable[[object], bool]) -> Callable[[object], bool]:
    if isinstance(ok, tuple):
        return lambda v: isinstance(v, ok)
    return ok
