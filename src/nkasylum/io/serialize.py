"""JSON text: :func:`to_json` and :func:`from_json`, an exact round trip for every public type.

Keys are sorted so that exports diff well in version control. The conversion itself is the
storage layer's converter (:mod:`nkasylum.store.convert`).
"""

from __future__ import annotations

import json
from typing import TypeVar

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.store.convert import structure, unstructure

__all__ = ["from_json", "to_json"]

T = TypeVar("T")


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Serialise any public nkasylum value (or a tuple or list of them) to JSON.

    Keys are sorted and the output ends without a newline, so the same value always
    gives the same text.

    Example:
        >>> import nkasylum as nk
        >>> print(nk.to_json(nk.Quantity(30, nk.Qualifier.MORE_THAN), indent=None))
        {"qualifier": "more-than", "unit": "people", "value": 30}
    """
    try:
        return json.dumps(unstructure(obj), indent=indent, sort_keys=True, ensure_ascii=False,
                          allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ArgumentTypeError(
            f"to_json takes nkasylum values (or tuples and lists of them), not "
            f"{type(obj).__name__}: {err}"
        ) from None


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Rebuild a value of type ``kind`` from :func:`to_json` output (an exact round trip).

    Raises:
        DataError: the text is not valid JSON or does not describe a ``kind``; the message
            says where (e.g. ``$.legs[0].origin``) and what was expected.
        ArgumentTypeError: ``text`` is not ``str`` or ``bytes``.

    Example:
        >>> import nkasylum as nk
        >>> r = nk.Route.parse("KP > RU > KR")
        >>> nk.from_json(nk.to_json(r), nk.Route) == r
        True
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise ArgumentTypeError(f"from_json takes JSON text (str or bytes), not {type(text).__name__}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise DataError(f"not valid JSON: {err}") from None
    return structure(data, kind, where="JSON")
