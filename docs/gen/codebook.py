"""The Codebook page (docs/codebook.md): every enum and every type's fields, from the code.

Markers: ``enum NAME`` (value, name, meaning, how often the data uses it), ``fields NAME``
(field, type, default, meaning from the ``Attributes:`` docstring), ``measures`` (every
statistic measure in the data), ``regions`` (``nk.REGIONS``), ``data-entry FILE ID`` (one
data entry as stored).
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import (
    code,
    data_entry,
    docs_after_assignments,
    kb,
    label,
    main,
    public_type,
    rst_to_md,
    table,
)


def attribute_docs(cls: type) -> dict[str, str]:
    """Docstrings written under class attributes (``NAME = value`` then a string), by name."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    return docs_after_assignments(body)


def docstring_section(obj: object, section: str) -> dict[str, str]:
    """The ``name: text`` entries of a Google-style docstring section (e.g. ``Attributes``).

    An entry naming several fields (``valid_from, valid_until, undated: ...``) is given to each.
    """
    lines = (inspect.getdoc(obj) or "").split("\n")
    try:
        start = lines.index(f"{section}:")
    except ValueError:
        return {}
    entries: dict[str, str] = {}
    current: list[str] = []
    names: list[str] = []
    for line in lines[start + 1:]:
        if line and not line.startswith(" "):
            break
        m = re.match(r"^ {4}([\w, ]+?):\s*(.*)$", line)
        if m and not line.startswith(" " * 5):
            for n in names:
                entries[n] = " ".join(current)
            names = [n.strip() for n in m[1].split(",")]
            current = [m[2]] if m[2] else []
        elif line.strip():
            current.append(line.strip())
    for n in names:
        entries[n] = " ".join(current)
    return entries


def _entries(knowledge: nk.KnowledgeBase) -> Iterator[tuple[str, Any]]:
    for kind, items in (("source", knowledge.all_sources), ("policy", knowledge.all_policies),
                        ("passage", knowledge.all_passages), ("case", knowledge.all_cases),
                        ("statistic", knowledge.all_statistics), ("conflict", knowledge.all_conflicts)):
        for item in items:
            yield kind, item


def _values(value: object, depth: int = 0) -> Iterator[object]:
    """Every value inside ``value``: itself, tuple items and the fields of nested attrs values."""
    yield value
    if depth > 2:
        return
    if isinstance(value, tuple):
        for item in value:
            yield from _values(item, depth + 1)
    elif attrs.has(type(value)) and not isinstance(value, (nk.Country, nk.Region, nk.Evidence)):
        for f in attrs.fields(type(value)):
            yield from _values(getattr(value, f.name), depth + 1)


def enum_uses(knowledge: nk.KnowledgeBase,
              cls: type[enum.Enum]) -> dict[enum.Enum, list[tuple[str, str, Any]]]:
    """For each member of ``cls``: the (kind, field, entry) triples of the data that use it."""
    uses: dict[enum.Enum, list[tuple[str, str, Any]]] = {m: [] for m in cls}
    for kind, entry in _entries(knowledge):
        for f in attrs.fields(type(entry)):
            seen = set()
            for v in _values(getattr(entry, f.name)):
                if isinstance(v, cls) and v not in seen:
                    seen.add(v)
                    uses[v].append((kind, f.name, entry))
    return uses


def gen_enum(args: list[str]) -> str:
    """A table of an enum: value, Python name, meaning, and how often the data uses it."""
    (name,) = args
    cls = public_type(name)
    if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        raise ValueError(f"{name} is not an enum")
    meanings = attribute_docs(cls)
    uses = enum_uses(kb(), cls)
    counted = any(uses.values())
    header = ["value", "name", "meaning"] + (["entries", "for example"] if counted else [])
    rows = []
    for member in cls:
        row: list[object] = [code(member.value), code(f"{name}.{member.name}"),
                             rst_to_md(meanings.get(member.name, "")) or "—"]
        if counted:
            used = uses[member]
            example = ""
            if used:
                kind, field, entry = used[0]
                example = f"{kind} `{entry.id}`"
                quantity = getattr(entry, field)
                if isinstance(quantity, nk.Quantity):
                    example += f": {field} {quantity}"
            row += [len(used), example]
        rows.append(row)
    return table(header, rows)


def type_text(cls: type, f: attrs.Attribute) -> str:  # type: ignore[type-arg]
    """The annotation as written (attrs may hold a resolved, less readable type), without
    module prefixes."""
    text = inspect.get_annotations(cls).get(f.name, f.type)
    if not isinstance(text, str):
        text = getattr(text, "__name__", str(text))
    return re.sub(r"\b(?:[a-z_]+\.)+(?=[A-Za-z_])", "", str(text))


def gen_fields(args: list[str]) -> str:
    """A table of a type's fields: TOML key, type, required or default, meaning."""
    (name,) = args
    cls = public_type(name)
    meanings = docstring_section(cls, "Attributes")
    rows = []
    for f in attrs.fields(cls):
        if not f.init or f.name.startswith("_"):
            continue
        if f.default is attrs.NOTHING:
            default = "required"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            default = "empty"
        elif isinstance(f.default, enum.Enum):
            default = code(f.default.value)
        else:
            default = code(repr(f.default))
        rows.append([code(f.name), code(type_text(cls, f)), default, rst_to_md(meanings.get(f.name, "")) or "—"])
    return table(["field", "type", "default", "meaning"], rows)


def gen_regions(args: list[str]) -> str:
    """Every region in ``nk.REGIONS`` with its documentation, from the code."""
    import nkasylum.core.places as places

    docs = docs_after_assignments(ast.parse(inspect.getsource(places)).body)
    by_value = {id(getattr(places, name)): text for name, text in docs.items() if hasattr(places, name)}
    rows = []
    for r in nk.REGIONS:
        constant = next((n for n in nk.__all__ if getattr(nk, n) is r), "")
        rows.append([code(r.id), r.name, code(f"nk.{constant}") if constant else "",
                     rst_to_md(by_value.get(id(r), ""))])
    return table(["region id", "name", "constant", "meaning"], rows)


def gen_measures(args: list[str]) -> str:
    """Every statistic measure in the data, with its places, years and number of figures."""
    grouped: dict[str, list[nk.Statistic]] = {}
    for s in kb().all_statistics:
        grouped.setdefault(s.measure, []).append(s)
    rows = []
    for measure, stats in sorted(grouped.items()):
        places = sorted({label(s.place) for s in stats})
        years = sorted({s.year for s in stats if s.year is not None})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "—")
        rows.append([code(measure), len(stats), ", ".join(places), span, rst_to_md(stats[0].description)])
    return table(["measure", "figures", "places", "yearly figures for", "what is counted (first figure)"], rows)


def gen_panel_columns(args: list[str]) -> str:
    """The columns of ``nk.panel`` (and ``nkasylum export --panel``), from the code that makes them."""
    from nkasylum.io.panel import panel_codebook

    return panel_codebook()


GENERATORS = {"data-entry": data_entry, "panel-columns": gen_panel_columns,
              "enum": gen_enum, "fields": gen_fields, "measures": gen_measures,
              "regions": gen_regions}

main(__name__, "codebook.md", GENERATORS)
