"""JSON and data-file conversion through one ``cattrs`` converter.

The converter is built on first use (importing ``cattrs`` is deferred so that
``import nkasylum`` stays cheap). Countries are stored as alpha-2 codes, regions as
their ids, dates as ISO strings, enums as their values; tuples become lists. JSON output
has sorted keys so that exports diff well in version control.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import threading
import types
import typing
from typing import TYPE_CHECKING, Any, TypeVar

from nkasylum._text import shown
from nkasylum.countries import Country, country
from nkasylum.errors import ArgumentTypeError, DataError, NKAsylumError
from nkasylum.places import Region, place, place_code
from nkasylum.routes import Route

if TYPE_CHECKING:
    from cattrs import Converter

__all__ = ["from_json", "get_converter", "to_json", "unstructure"]

T = TypeVar("T")
_lock = threading.Lock()
# Only the calendar form YYYY-MM-DD: Python 3.11's fromisoformat also takes "20020911" and
# week dates, which 3.10 refuses, and an export must read back the same on every version.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date, got a date and time {shown(value)}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {shown(value)}") from None
    raise ValueError(f"expected a date, got {type(value).__name__} {shown(value)}")


def _strict(kind: type[Any]) -> Any:
    def structure(value: object, _: object) -> Any:
        if type(value) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__} {shown(value)}")
        return value

    return structure


def _structure_place(value: object, _: object) -> Country | Region:
    if not isinstance(value, str):
        raise ValueError(f"expected a country code or region id, got {shown(value)}")
    return place(value)


def _structure_country(value: object, _: object) -> Country:
    if not isinstance(value, str):
        raise ValueError(f"expected a country code, got {shown(value)}")
    return country(value)


def _structure_region(value: object, _: object) -> Region:
    found = _structure_place(value, None)
    if not isinstance(found, Region):
        raise ValueError(f"expected a region id, got {shown(value)}")
    return found


@functools.lru_cache(maxsize=1)
def get_converter() -> Converter:
    """The shared, preconfigured ``cattrs`` converter (built once, on first use).

    Example:
        >>> import nkasylum as nk
        >>> nk.get_converter().unstructure(nk.country("DPRK"))
        'KP'
    """
    with _lock:
        from cattrs.preconf.json import make_converter

        conv = make_converter(forbid_extra_keys=True, prefer_attrib_converters=False)
        conv.register_structure_hook(dt.date, _structure_date)
        conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
        for kind in (str, int, bool):
            conv.register_structure_hook(kind, _strict(kind))
        conv.register_structure_hook(Country, _structure_country)
        conv.register_unstructure_hook(Country, lambda c: c.alpha_2)
        conv.register_structure_hook(Region, _structure_region)
        conv.register_unstructure_hook(Region, lambda r: r.id)
        conv.register_structure_hook(Country | Region, _structure_place)
        conv.register_unstructure_hook(Country | Region, place_code)
        from cattrs.gen import make_dict_structure_fn

        route_from_dict = make_dict_structure_fn(Route, conv, _cattrs_forbid_extra_keys=True)

        def structure_route(value: object, _: object) -> Route:
            if isinstance(value, str):
                return Route.parse(value)
            if not isinstance(value, dict):
                raise ValueError(f"expected a route as text or an object, got {shown(value)}")
            return route_from_dict(value, Route)

        conv.register_structure_hook(Route, structure_route)

        def structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
            try:
                return kind(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in kind)
                raise ValueError(f"{shown(value)} is not a {kind.__name__}; use one of {allowed}") from None

        conv.register_structure_hook(enum.Enum, structure_enum)

        # cattrs builds a tuple from any iterable, so "same page" for a list of phrases
        # became ("s", "a", "m", ...) without a word; only arrays may become tuples.
        default_tuple = conv.get_structure_hook(tuple[str, ...])

        def structure_tuple(value: object, kind: Any) -> Any:
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"expected a list, got {type(value).__name__} {shown(value)}")
            return default_tuple(value, kind)

        conv.register_structure_hook_func(_is_tuple_type, structure_tuple)
        return conv


def _is_tuple_type(kind: Any) -> bool:
    origin: object = typing.get_origin(kind)
    return origin is tuple


def unstructure(obj: object) -> Any:
    """Turn a public value into plain JSON-ready data (dicts, lists, strings, numbers)."""
    return get_converter().unstructure(obj)


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Serialise any public nkasylum value (or a tuple or list of them) to JSON.

    Keys are sorted and the output ends without a newline, so the same value always
    gives the same text.

    ``obj`` is an nkasylum value: an instance of one of its classes (``nk.Case``,
    ``nk.Assessment``, ``nk.KnowledgeBase``, ``nk.Country``...), a member of one of its
    enums, a ``datetime.date``, or ``None`` (what a query returns when nothing is
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
        return json.dumps(unstructure(obj), indent=indent, sort_keys=True, ensure_ascii=False,
                          allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ArgumentTypeError(
            f"to_json takes nkasylum values (or tuples and lists of them), not "
            f"{type(obj).__name__}: {err}"
        ) from None


def _check_serialisable(obj: object) -> None:
    import attrs

    pending = [obj]
    while pending:
        value = pending.pop()
        if isinstance(value, (list, tuple)):
            pending.extend(value)
            continue
        kind = type(value)
        if (value is None or kind is dt.date
                or ((attrs.has(kind) or issubclass(kind, enum.Enum))
                    and kind.__module__.partition(".")[0] == "nkasylum")):
            continue
        where = "" if value is obj else f" (inside the {type(obj).__name__} given)"
        raise ArgumentTypeError(
            "to_json takes nkasylum values (such as nk.Case, nk.Assessment, nk.KnowledgeBase, "
            "nk.Country or an nkasylum enum member), datetime.date or None, or tuples and lists "
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
    return structure(data, kind, where="JSON")


def structure(data: object, kind: type[T], *, where: str) -> T:
    """Structure plain data into ``kind``, turning every failure into a :class:`DataError`.

    Raises:
        ArgumentTypeError: ``kind`` is not a type the converter can build.
    """
    from cattrs.errors import StructureHandlerNotFoundError

    if not _is_type_like(kind):
        raise ArgumentTypeError(f"expected a type such as nk.Case or tuple[nk.Case, ...], not {kind!r}")
    try:
        return get_converter().structure(data, kind)
    except StructureHandlerNotFoundError:
        raise ArgumentTypeError(f"cannot build a {kind!r} from JSON; give a public nkasylum type") from None
    except NKAsylumError as err:
        if isinstance(err, DataError):
            raise
        raise DataError(str(err)) from None
    except Exception as err:  # cattrs reports failures as exception groups
        raise _as_data_error(err, where) from None


def _is_type_like(kind: object) -> bool:
    return (isinstance(kind, (type, types.UnionType)) or typing.get_origin(kind) is not None
            or kind is typing.Any)


def _as_data_error(err: BaseException, where: str) -> DataError:
    from cattrs import transform_error

    leaf = _first_leaf(err)
    if isinstance(leaf, NKAsylumError):
        # The library's own errors already say what was wrong and what would be right;
        # keep their words and add only where in the data they happened.
        inner = leaf.field if isinstance(leaf, DataError) else None
        field = ".".join(p for p in (_path_of(err), inner) if p) or None
        return DataError(leaf.message if isinstance(leaf, DataError) else str(leaf), field=field)
    try:
        messages = transform_error(err)
    except Exception:
        messages = [str(err)]
    message = messages[0] if messages else str(err)
    field = None
    if " @ " in message:
        message, _, path = message.rpartition(" @ ")
        field = path.removeprefix("$").lstrip(".") or None
    if isinstance(leaf, (ValueError, TypeError, LookupError)) and str(leaf) and str(leaf) not in message:
        message = f"{message}: {leaf}"
    return DataError(message, field=field)


def _first_leaf(err: BaseException) -> BaseException:
    from cattrs.errors import BaseValidationError

    while isinstance(err, BaseValidationError) and err.exceptions:
        err = err.exceptions[0]
    return err


def _path_of(err: BaseException) -> str:
    from cattrs.errors import AttributeValidationNote, BaseValidationError, IterableValidationNote

    parts: list[str] = []
    while isinstance(err, BaseValidationError) and err.exceptions:
        inner = err.exceptions[0]
        for note in getattr(inner, "__notes__", []):
            if isinstance(note, AttributeValidationNote):
                parts.append(note.name)
                break
            if isinstance(note, IterableValidationNote):
                parts.append(f"[{note.index}]")
                break
        err = inner
    return ".".join(parts).replace(".[", "[")
