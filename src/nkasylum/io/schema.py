"""JSON Schema (draft 2020-12) for the JSON that :func:`nkasylum.to_json` writes.

The schema is generated from the attrs classes themselves (their fields, type hints and
``Attributes:`` docstrings), so it cannot drift from the code; no schema library is
needed. Cross-field rules (a period's end after its start, a route whose legs join) are
checked by :func:`nkasylum.from_json`, not by the schema; single-field rules that a schema
can state (at least one piece of evidence, a non-negative count) are included.

The committed files under ``schemas/`` are regenerated with
``python -m nkasylum._schemas schemas``.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.places import REGIONS, Region
from nkasylum.core.quantities import MAX_COUNT, Quantity
from nkasylum.core.when import When
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.io.writing import write_files
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.assessment import Assessment
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Evidence, Source
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import Backing
from nkasylum.store.convert import unstructure

__all__ = ["SCHEMA_TYPES", "json_schema", "schema_file_name", "write_schemas"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DURATION_PATTERN = r"^-?P(?:[0-9]+D)?(?:T[0-9]+(?:\.[0-9]{6})?S)?$"
_EDTF_ONE = r"(?:[0-9]{3}X|[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)[~?%]?"
_EDTF_PATTERN = rf"^(?:{_EDTF_ONE}(?:/(?:{_EDTF_ONE}|\.\.))?|\.\./{_EDTF_ONE})$"

# Rules the constructors enforce on a single field, stated in the schema too.
_ENTRY_RULES: dict[str, dict[str, Any]] = {"id": {"minLength": 1}, "evidence": {"minItems": 1}}
_FIELD_RULES: dict[str, dict[str, dict[str, Any]]] = {
    "Policy": _ENTRY_RULES,
    "Passage": _ENTRY_RULES,
    "Case": {**_ENTRY_RULES, "applications": {"minimum": 0}},
    "Statistic": {**_ENTRY_RULES, "measure": {"minLength": 1}, "year": {"minimum": 1900, "maximum": 2100}},
    "Conflict": {**_ENTRY_RULES, "versions": {"uniqueItems": True}},
    "Evidence": {"source": {"minLength": 1}, "anchor": {"minLength": 1}, "note": {"minLength": 1}},
    "Quantity": {"value": {"minimum": 0, "maximum": MAX_COUNT}},
    "Route": {"legs": {"minItems": 1}},
    "SeriesPoint": {"evidence": {"minItems": 1}, "year": {"minimum": 1900, "maximum": 2100}},
}


# Properties written to JSON though they are not fields: derived when written, ignored when read.
_DERIVED: dict[type[Any], dict[str, dict[str, Any]]] = {
    Assessment: {"explanation": {"type": "array", "items": {"type": "string"}}},
    KnowledgeBase: {"data_version": {
        "type": "object", "required": ["fingerprint"], "additionalProperties": False,
        "properties": {"fingerprint": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
                       "newest_evidence": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}},
}
_DERIVED_NOTE = " Derived from the fields when written; ignored when read back."

SCHEMA_TYPES: tuple[type[Any], ...] = (
    Assessment, Backing, Case, Conflict, Country, Evidence, KnowledgeBase, Leg, Passage, Policy,
    PolicyAnswer, Quantity, Region, Route, SeriesPoint, Source, Statistic, When)
"""Every public type that has a committed schema file under ``schemas/``."""


def schema_file_name(kind: type[Any]) -> str:
    """The file name of a type's schema, e.g. ``knowledge-base.schema.json``.

    Example:
        >>> import nkasylum as nk
        >>> from nkasylum.io.schema import schema_file_name
        >>> schema_file_name(nk.KnowledgeBase)
        'knowledge-base.schema.json'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind.__name__).lower() + ".schema.json"


def json_schema(kind: Any) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing the JSON :func:`to_json` writes for ``kind``.

    ``kind`` is a public type (``nk.Case``, ``nk.KnowledgeBase``, ``nk.Country``...), an
    enum (``nk.Outcome``), or a ``tuple[...]``/``list[...]`` of them. Every object lists
    its properties with a description taken from the class's documentation, marks the
    fields without a default as required, and forbids unknown keys (as
    :func:`from_json` does). Countries are ISO alpha-2 codes; regions their ids; days
    ``YYYY-MM-DD``; dates as precise as their sources (:class:`~nkasylum.When`) EDTF text
    such as ``"2014"`` or ``"2002-03/2004-06"``; lengths of time ISO 8601 durations
    (``"P339D"``). A route may also be given as text (``"KP > CN > KR"``). An
    assessment's ``last_known`` is itself an assessment (a recursive ``$ref``).

    Raises:
        ArgumentTypeError: ``kind`` is not a type nkasylum serialises.

    Example:
        >>> import nkasylum as nk
        >>> s = nk.json_schema(nk.Quantity)
        >>> s["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> q = s["$defs"]["Quantity"]
        >>> q["properties"]["qualifier"]["default"], q["additionalProperties"]
        ('exact', False)
        >>> s["$defs"]["Qualifier"]["enum"][:3]
        ['exact', 'about', 'at-least']
    """
    defs: dict[str, Any] = {}
    root = _schema_of(kind, defs, top=True)
    schema: dict[str, Any] = {"$schema": DRAFT}
    name = _name_of(kind)
    schema["title"] = name
    if isinstance(kind, type) and _summary(kind):
        schema["description"] = _summary(kind)
    schema.update(root)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _name_of(kind: Any) -> str:
    if kind is Ellipsis:
        return "..."
    if kind is type(None):
        return "None"
    args = typing.get_args(kind)
    if args and (typing.get_origin(kind) is typing.Union or isinstance(kind, types.UnionType)):
        return " | ".join(_name_of(a) for a in args)
    if args:
        return f"{_name_of(typing.get_origin(kind))}[{', '.join(_name_of(a) for a in args)}]"
    return getattr(kind, "__name__", repr(kind))


def _check_kind(kind: Any) -> None:
    if isinstance(kind, (type, types.UnionType)) or typing.get_origin(kind) is not None:
        return
    raise ArgumentTypeError(
        f"json_schema takes a type such as nk.Case or tuple[nk.Case, ...], not {kind!r}"
    )


def _schema_of(tp: Any, defs: dict[str, Any], *, top: bool = False) -> dict[str, Any]:
    if top:
        _check_kind(tp)
    if tp is type(None) or tp is None:
        return {"type": "null"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if tp is dt.timedelta:
        defs.setdefault("Duration", {
            "type": "string",
            "pattern": _DURATION_PATTERN,
            "description": "A length of time (an evidence age, a horizon) as an ISO 8601 duration: "
                           "whole days, then seconds if any, e.g. \"P339D\" (339 days) or \"P0D\".",
        })
        return {"$ref": "#/$defs/Duration"}
    if tp is When:
        defs.setdefault("When", {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": _EDTF_PATTERN,
            "description": "A date or period as precise as its source, as EDTF text (ISO 8601-2): "
                           "a year \"2014\", a month \"2004-07\", a day \"2002-09-11\", a decade "
                           "\"199X\", an interval \"2002-03/2004-06\" (either end may be open, "
                           "\"..\"), each optionally approximate \"~\", uncertain \"?\" or both \"%\". "
                           "The pattern states the common forms; from_json reads any EDTF date or "
                           "interval of level 1.",
        })
        return {"$ref": "#/$defs/When"}
    origin = typing.get_origin(tp)
    if origin is typing.Union or isinstance(tp, types.UnionType):
        return {"anyOf": [_schema_of(arg, defs) for arg in typing.get_args(tp)]}
    if origin in (tuple, list, Sequence):
        args = typing.get_args(tp)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise ArgumentTypeError(f"json_schema cannot describe the fixed-length tuple {tp!r}")
        return {"type": "array", "items": _schema_of(args[0], defs)}
    if isinstance(tp, type):
        if tp is Country:
            defs.setdefault("Country", {
                "type": "string",
                "pattern": "^[A-Z]{2}$",
                "description": "A country as its ISO 3166-1 alpha-2 code, e.g. \"KP\".",
            })
            return {"$ref": "#/$defs/Country"}
        if tp is Region:
            defs.setdefault("Region", {
                "type": "string",
                "enum": [r.id for r in REGIONS],
                "description": "A place that is not one country, as its id: "
                               + "; ".join(f"{r.id!r} ({r.name})" for r in REGIONS) + ".",
            })
            return {"$ref": "#/$defs/Region"}
        if issubclass(tp, enum.Enum):
            if tp.__name__ not in defs:
                defs[tp.__name__] = {"type": "string", "enum": [m.value for m in tp],
                                     "description": _summary(tp)}
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if attrs.has(tp):
            if tp.__name__ not in defs:
                defs[tp.__name__] = {}  # placeholder, so a cycle would end here
                defs[tp.__name__] = _object_schema(tp, defs)
            return {"$ref": f"#/$defs/{tp.__name__}"}
    if top:
        raise ArgumentTypeError(f"json_schema cannot describe {tp!r}; give a public nkasylum type")
    return {}


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _attribute_docs(cls)
    rules = _FIELD_RULES.get(cls.__name__, {})
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue  # caches and indexes are rebuilt, never serialised
        prop = dict(_schema_of(hints[field.name], defs))
        prop.update(rules.get(field.name, {}))
        if field.name in docs:
            prop["description"] = docs[field.name]
        if field.default is attrs.NOTHING:
            required.append(field.name)
        elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            prop["default"] = unstructure(field.default)
        properties[field.name] = _ordered(prop)
    for name, prop in _DERIVED.get(cls, {}).items():
        text = _plain((inspect.getdoc(getattr(cls, name)) or "").split("\n\n")[0])
        properties[name] = dict(prop, description=text[:1].lower() + text[1:] + _DERIVED_NOTE)
    schema: dict[str, Any] = {
        "type": "object",
        "description": _summary(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.__name__ == "Route":
        return {"description": schema.pop("description"), "anyOf": [schema, {
            "type": "string",
            "description": "The route as text: places separated by '>', e.g. \"KP > CN > third country > KR\".",
        }]}
    return schema


def _ordered(prop: dict[str, Any]) -> dict[str, Any]:
    # "$ref" first then the rest, so the files read naturally even before key sorting.
    return dict(sorted(prop.items(), key=lambda kv: (kv[0] != "$ref", kv[0])))


def _summary(kind: type[Any]) -> str:
    doc = inspect.getdoc(kind) or ""
    return _plain(doc.split("\n\n")[0])


_ROLE = re.compile(r":(?:class|func|meth|attr|data):`~?(?:nkasylum\.)?([^`]+)`")


def _plain(text: str) -> str:
    """Docstring text as plain prose: reST roles and double backquotes become `code`."""
    text = _ROLE.sub(r"`\1`", text).replace("``", "`")
    return " ".join(text.split())


_ATTRIBUTE = re.compile(r"^(?P<names>[a-z_][a-z0-9_]*(?:, [a-z_][a-z0-9_]*)*): (?P<text>.*)$")


def _attribute_docs(cls: type[Any]) -> dict[str, str]:
    """Field descriptions from the ``Attributes:`` section of a Google-style docstring."""
    doc = inspect.getdoc(cls) or ""
    lines = doc.splitlines()
    try:
        start = lines.index("Attributes:") + 1
    except ValueError:
        return {}
    found: dict[str, str] = {}
    current: list[str] = []
    text: list[str] = []

    def flush() -> None:
        for name in current:
            found[name] = _plain(" ".join(text))

    for line in lines[start:]:
        if line and not line.startswith(" "):
            break  # the next section
        stripped = line.strip()
        match = _ATTRIBUTE.match(stripped) if line.startswith("    ") and not line.startswith("     ") else None
        if match:
            flush()
            current = match["names"].split(", ")
            text = [match["text"]]
        elif stripped and current:
            text.append(stripped)
    flush()
    return found


def write_schemas(folder: str | Path) -> list[Path]:
    """Write one schema file per public type into ``folder``; return the paths written.

    Example:
        >>> import tempfile, nkasylum as nk
        >>> from nkasylum.io.schema import SCHEMA_TYPES, write_schemas
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     names = sorted(p.name for p in write_schemas(tmp))
        >>> "knowledge-base.schema.json" in names, len(names) == len(SCHEMA_TYPES)
        (True, True)
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return write_files([(target / schema_file_name(kind), schema_text(kind)) for kind in SCHEMA_TYPES],
                       folder=target)


def schema_text(kind: type[Any]) -> str:
    """The text of a schema file: sorted keys, two-space indent, a final newline."""
    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
