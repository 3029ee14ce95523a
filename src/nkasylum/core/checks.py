"""Checks shared by the entry types (policy, passage, case, statistic, conflict)."""

from __future__ import annotations

import re
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


def _sequence_converter(name: str, optional: bool) -> Callable[[object], object]:
    def convert(value: object) -> object:
        if isinstance(value, tuple) or (optional and value is None):
            return value
        if isinstance(value, list):
            return tuple(value)
        raise ArgumentTypeError(
            f"{name} takes a tuple or list, not {type(value).__name__}: {shown(value)}"
            + (" (a set or a dict has no reliable order)" if isinstance(value, (set, frozenset, dict))
               else "")
        )

    return convert


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
            field = field.evolve(converter=_sequence_converter(
                f"{cls.__name__}.{field.name}", optional=annotation.replace(" ", "").endswith("|None")))
        changed.append(field)
    return changed
