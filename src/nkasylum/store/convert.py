"""The ``cattrs`` converter: values to plain data and back, for JSON and for data files.

Kept apart from the value types (as cattrs recommends). The converter is built on first use
(importing ``cattrs`` is deferred so that ``import nkasylum`` stays cheap). Countries are
stored as alpha-2 codes, regions as their ids, dates as ISO strings, EDTF spans
(:class:`~nkasylum.When`) as their EDTF text, durations (``datetime.timedelta``: an evidence
age, a horizon) as ISO 8601 durations (``"P339D"``), enums as their values; tuples become
lists. An
assessment's plain form also carries its worded ``explanation``, for readers; it is derived
from the steps and ignored when read back.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import threading
import types
import typing
from typing import TYPE_CHECKING, Any, TypeVar

from nkasylum.core.countries import Country, country
from nkasylum.core.errors import ArgumentTypeError, DataError, NKAsylumError
from nkasylum.core.places import Region, place, place_code
from nkasylum.core.text import shown
from nkasylum.core.when import When
from nkasylum.model.assessment import Assessment
from nkasylum.model.collections import Results
from nkasylum.model.routes import Route

if TYPE_CHECKING:
    from cattrs import Converter

__all__ = ["duration_text", "get_converter", "structure", "unstructure"]

T = TypeVar("T")
_lock = threading.Lock()
# Only the calendar form YYYY-MM-DD: Python 3.11's fromisoformat also takes "20020911" and
# week dates, which 3.10 refuses, and an export must read back the same on every version.
# The patterns are text, compiled (and cached by re) on first use: most processes never
# read JSON, and compiling them at import cost every cold start.
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date, got a date and time {shown(value)}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if not re.fullmatch(_ISO_DATE, value, re.ASCII):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {shown(value)}") from None
    raise ValueError(f"expected a date, got {type(value).__name__} {shown(value)}")


_DURATION = r"(-?)P(?:(\d{1,9})D)?(?:T(\d{1,5})(?:\.(\d{6}))?S)?"


def duration_text(value: dt.timedelta) -> str:
    """A ``timedelta`` as an ISO 8601 duration: whole days, then seconds if any.

    Example:
        >>> import datetime as dt
        >>> duration_text(dt.timedelta(days=339)), duration_text(dt.timedelta(hours=-1, microseconds=5))
        ('P339D', '-PT3599.999995S')
    """
    sign = "-" if value < dt.timedelta(0) else ""
    left = -value if sign else value
    text = f"{sign}P{left.days}D" if left.days or not (left.seconds or left.microseconds) else f"{sign}P"
    if left.seconds or left.microseconds:
        text += f"T{left.seconds}" + (f".{left.microseconds:06d}" if left.microseconds else "") + "S"
    return text


def _structure_duration(value: object, _: object) -> dt.timedelta:
    if isinstance(value, dt.timedelta):
        return value
    match = re.fullmatch(_DURATION, value, re.ASCII) if isinstance(value, str) else None
    if match is None or value in ("P", "-P"):
        raise ValueError(f"expected a duration in days such as \"P339D\" (ISO 8601), got {shown(value)}")
    sign, days, seconds, micros = match.groups()
    try:
        found = dt.timedelta(days=int(days or 0), seconds=int(seconds or 0), microseconds=int(micros or 0))
    except OverflowError:
        raise ValueError(f"the duration {shown(value)} is longer than Python can hold") from None
    if seconds is not None and int(seconds) >= 86400:
        raise ValueError(f"write {shown(value)} with whole days as days (seconds below 86400)")
    return -found if sign else found


def _structure_when(value: object, _: object) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, dt.date):  # a bare TOML date: its precision would be a guess
        raise ValueError(f"write dates as EDTF text in quotes, e.g. \"{value.isoformat()}\" "
                         "(or \"2014\" for a year, \"2004-07\" for a month)")
    if not isinstance(value, str):
        raise ValueError(f"expected an EDTF date such as \"2014\" or \"2004-07\", got {value!r}")
    return When.parse(value)


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
        from cattrs.preconf.json import make_converter  # lazy: cattrs costs start-up time

        conv = make_converter(forbid_extra_keys=True, prefer_attrib_converters=False)
        conv.register_structure_hook(dt.date, _structure_date)
        conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
        conv.register_structure_hook(When, _structure_when)
        conv.register_unstructure_hook(When, str)
        conv.register_structure_hook(dt.timedelta, _structure_duration)
        conv.register_unstructure_hook(dt.timedelta, duration_text)
        for kind in (str, int, bool):
            conv.register_structure_hook(kind, _strict(kind))
        conv.register_structure_hook(Country, _structure_country)
        conv.register_unstructure_hook(Country, lambda c: c.alpha_2)
        # A query's results are a tuple that renders in notebooks: written as the tuple.
        conv.register_unstructure_hook(Results, lambda r: conv.unstructure(tuple(r)))
        conv.register_structure_hook(Region, _structure_region)
        conv.register_unstructure_hook(Region, lambda r: r.id)
        conv.register_structure_hook(Country | Region, _structure_place)
        conv.register_unstructure_hook(Country | Region, place_code)
        from cattrs.gen import (  # lazy: as above
            make_dict_structure_fn,
            make_dict_unstructure_fn,
        )

        route_from_dict = make_dict_structure_fn(Route, conv, _cattrs_forbid_extra_keys=True)

        def structure_route(value: object, _: object) -> Route:
            if isinstance(value, str):
                return Route.parse(value)
            if not isinstance(value, dict):
                raise ValueError(f"expected a route as text or an object, got {shown(value)}")
            return route_from_dict(value, Route)

        conv.register_structure_hook(Route, structure_route)

        # The explanation is worded from the steps when read; written out for readers of the
        # JSON, and left out when it is read back (the steps say the same).
        assessment_to_dict = make_dict_unstructure_fn(Assessment, conv)
        assessment_from_dict = make_dict_structure_fn(Assessment, conv, _cattrs_forbid_extra_keys=True)

        def unstructure_assessment(value: Assessment) -> dict[str, Any]:
            data: dict[str, Any] = assessment_to_dict(value)
            data["explanation"] = list(value.explanation)
            return data

        def structure_assessment(value: object, _: object) -> Assessment:
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k != "explanation"}
            return assessment_from_dict(value, Assessment)  # type: ignore[arg-type]

        conv.register_unstructure_hook(Assessment, unstructure_assessment)
        conv.register_structure_hook(Assessment, structure_assessment)

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


def structure(data: object, kind: type[T], *, where: str) -> T:
    """Structure plain data into ``kind``, turning every failure into a :class:`DataError`.

    Raises:
        ArgumentTypeError: ``kind`` is not a type the converter can build.
    """
    from cattrs.errors import StructureHandlerNotFoundError  # lazy: cattrs costs start-up time

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
    from cattrs import transform_error  # lazy: cattrs costs start-up time

    leaf = _first_leaf(err)
    if isinstance(leaf, DataError) and leaf.file is not None:
        return leaf  # a problem of another file (the alias table a country name needs): never blame this one
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
    from cattrs.errors import BaseValidationError  # lazy: cattrs costs start-up time

    while isinstance(err, BaseValidationError) and err.exceptions:
        err = err.exceptions[0]
    return err


def _path_of(err: BaseException) -> str:
    from cattrs.errors import (  # lazy: cattrs costs start-up time
        AttributeValidationNote,
        BaseValidationError,
        IterableValidationNote,
    )

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
