"""JSON text: :func:`to_json` and :func:`from_json`, an exact round trip for every public type.

Keys are sorted so that exports diff well in version control. The conversion itself is the
storage layer's converter (:mod:`nkasylum.store.convert`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any, TypeVar

import attrs

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.text import shown
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.store.convert import structure, unstructure

__all__ = ["MAX_JSON_SIZE", "from_json", "to_json"]

T = TypeVar("T")


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Serialise any public nkasylum value (or a tuple or list of them) to JSON.

    Keys are sorted and the output ends without a newline, so the same value always
    gives the same text.

    A knowledge base's JSON also holds its ``data_version`` (fingerprint and newest
    evidence date, see :class:`~nkasylum.DataVersion`), for readers of the file;
    :func:`from_json` ignores it, since the entries determine it.

    ``obj`` is an nkasylum value: an instance of one of its classes (``nk.Case``,
    ``nk.Assessment``, ``nk.KnowledgeBase``, ``nk.Country``...), a member of one of its
    enums, a ``datetime.date``, a ``datetime.timedelta`` (written as an ISO 8601 duration,
    ``"P339D"``), or ``None`` (what a query returns when nothing is
    documented); or a tuple or list of such values. Anything else is refused with
    :class:`~nkasylum.ArgumentTypeError` rather than written in a form that does not
    read back: bytes, a ``datetime`` (a date and time, not a date), a set (whose order
    changes with ``PYTHONHASHSEED``), a dict, a plain string or number.

    Example:
        >>> import nkasylum as nk
        >>> print(nk.to_json(nk.Quantity(30, nk.Qualifier.MORE_THAN), indent=None))
        {"qualifier": "more-than", "unit": "people", "value": 30}
    """
    _check_serialisable(obj)
    try:
        data = unstructure(obj)
        if isinstance(obj, KnowledgeBase):  # its provenance, for readers; ignored by from_json
            data["data_version"] = unstructure(obj.data_version)
        return json.dumps(data, indent=indent, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ArgumentTypeError(
            f"to_json takes nkasylum values (or tuples and lists of them), not "
            f"{type(obj).__name__}: {err}"
        ) from None


def _check_serialisable(obj: object) -> None:
    pending = [obj]
    while pending:
        value = pending.pop()
        if isinstance(value, (list, tuple)):
            pending.extend(value)
            continue
        kind = type(value)
        if (value is None or kind is dt.date or kind is dt.timedelta
                or ((attrs.has(kind) or issubclass(kind, enum.Enum))
                    and kind.__module__.partition(".")[0] == "nkasylum")):
            continue
        where = "" if value is obj else f" (inside the {type(obj).__name__} given)"
        raise ArgumentTypeError(
            "to_json takes nkasylum values (such as nk.Case, nk.Assessment, nk.KnowledgeBase, "
            "nk.Country or an nkasylum enum member), datetime.date, datetime.timedelta or None, or tuples and lists "
            f"of them; not {kind.__module__}.{kind.__qualname__}{where}: {shown(value)}"
        )


MAX_JSON_SIZE = 16 * 1024 * 1024
"""The most JSON :func:`from_json` reads: 16 MiB (bytes of ``bytes`` input, characters of
``str`` input). The bundled knowledge base is about 0.25 MB; a longer text is refused
before it is parsed, instead of after seconds and hundreds of megabytes."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DataError(f"the key {shown(key)} appears twice in one JSON object; "
                                "give each key once (which one was meant cannot be known)")
            seen.add(key)
    return found


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Rebuild a value of type ``kind`` from :func:`to_json` output (an exact round trip).

    The text is at most :data:`MAX_JSON_SIZE` (16 MiB), and no object in it may give a key
    twice (plain ``json.loads`` would keep the last one silently).

    Raises:
        DataError: the text is not valid JSON, gives a key twice, is longer than 16 MiB,
            or does not describe a ``kind``; the message says where (e.g.
            ``$.legs[0].origin``) and what was expected.
        ArgumentTypeError: ``text`` is not ``str`` or ``bytes``.

    Example:
        >>> import nkasylum as nk
        >>> r = nk.Route.parse("KP > RU > KR")
        >>> nk.from_json(nk.to_json(r), nk.Route) == r
        True
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise ArgumentTypeError(f"from_json takes JSON text (str or bytes), not {type(text).__name__}")
    if len(text) > MAX_JSON_SIZE:
        raise DataError(f"the JSON text is {len(text):,} long; from_json reads at most {MAX_JSON_SIZE:,} "
                        "(16 MiB), which holds the bundled knowledge base many times over")
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except DataError:
        raise
    except (ValueError, RecursionError) as err:
        raise DataError(f"not valid JSON: {err}") from None
    if kind is KnowledgeBase and isinstance(data, dict):
        data.pop("data_version", None)  # written by to_json, recomputed from the entries
    return structure(data, kind, where="JSON")


