"""MkDocs hooks: everything the docs say about the data or the code is generated at build time.

Two mechanisms keep the site from drifting away from the library:

* **Markers.** A page writes ``<!-- nkasylum:NAME ARGS -->`` where generated content goes
  (``enum Qualifier``, ``fields Case``, ``coverage``, ``sources``, ``series MEASURE PLACE``,
  ``transit-maps DATE ...``, ``api``, ``examples``, ...). :data:`GENERATORS` lists them.
* **Executed code.** Every ```` ```python ```` block of a page runs at build time, in order and
  in one namespace (like a notebook). A ```` ```text ```` block right after it is its expected
  output and must match what the code prints (``...`` matches anything, as in doctest); the
  marker ``<!-- nkasylum:output -->`` right after it is replaced by what the code prints.

A mismatch or an error is logged as a warning, so ``mkdocs build --strict`` fails on it.
``tests/test_docs.py`` runs the same blocks (and the README's) with its own extractor.

Nothing here imports MkDocs at module level, so the tests can import this file without it.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import doctest
import enum
import html
import inspect
import io
import itertools
import logging
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs

import nkasylum as nk

log = logging.getLogger("mkdocs.plugins.nkasylum")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*nkasylum:(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->[ \t]*$",
                    re.MULTILINE)
OUTPUT_MARKER = "output"
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<attrs>[^\n`]*)$")
_CHECKER = doctest.OutputChecker()

PERFORMANCE_PLACEHOLDER = """# Performance

!!! note "Not written yet"
    This page will hold nkasylum's measured speed (queries per second, load time, memory)
    and how it compares with other libraries. Until then, see the benchmarks in
    `benchmarks/`, which print their ratios when run.
"""


# ----------------------------------------------------------------------------- fences
@dataclass(frozen=True)
class Fence:
    """One fenced code block of a Markdown page (lines are 0-based, ``end`` is the closing fence)."""

    start: int
    end: int
    indent: str
    lang: str
    code: str


def fences(markdown: str) -> list[Fence]:
    """Every fenced code block in ``markdown``, in order (nested fences are not split)."""
    lines = markdown.split("\n")
    found = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is None:
            i += 1
            continue
        indent, fence = m["indent"], m["fence"]
        close = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[i + 1:j]]
        found.append(Fence(i, j, indent, m["lang"].lower(), "\n".join(body)))
        i = j + 1
    return found


def _next_content_line(lines: list[str], after: int) -> int | None:
    for k in range(after + 1, len(lines)):
        if lines[k].strip():
            return k
    return None


@dataclass(frozen=True)
class Block:
    """A Python block with what follows it: an expected output block, an output marker, or nothing."""

    code: Fence
    expected: Fence | None
    marker_line: int | None
    marker_lang: str = "text"


PYTHON = ("python", "py", "python3")
SHELL = ("bash", "sh", "shell")


def python_blocks(markdown: str) -> list[Block]:
    """The page's code blocks that run, each paired with its expected output or output marker:
    every Python block, and the shell blocks that show an output (install commands do not)."""
    lines = markdown.split("\n")
    all_fences = fences(markdown)
    by_start = {f.start: f for f in all_fences}
    blocks = []
    for f in all_fences:
        if f.lang not in PYTHON + SHELL:
            continue
        k = _next_content_line(lines, f.end)
        expected = marker = None
        lang = "text"
        if k is not None:
            nxt = by_start.get(k)
            if nxt is not None and nxt.lang == "text":
                expected = nxt
            m = MARKER.match(lines[k])
            if m is not None and m["name"] == OUTPUT_MARKER:
                marker = k
                lang = m["args"].strip() or "text"
        if f.lang in SHELL and expected is None and marker is None:
            continue
        blocks.append(Block(f, expected, marker, lang))
    return blocks


def run_code(code: str, namespace: dict[str, Any]) -> str:
    """Run ``code`` in ``namespace`` and return what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs>", "exec"), namespace)
    return out.getvalue()


def run_shell(code: str, workdir: str) -> str:
    """Run a shell block with bash in ``workdir``, with this interpreter's scripts (``nkasylum``)
    first on PATH; return what it printed on stdout. A non-zero exit raises."""
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=workdir,
                          env=env, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"exit status {done.returncode}; stderr:\n{done.stderr}")
    return done.stdout


def output_matches(expected: str, got: str) -> bool:
    """Doctest's comparison: exact, except that ``...`` in ``expected`` matches anything."""
    want = expected.strip("\n") + "\n"
    return _CHECKER.check_output(want, got.strip("\n") + "\n", doctest.ELLIPSIS)


def _text_fence(indent: str, text: str, lang: str = "text") -> str:
    body = text.rstrip("\n") or "(nothing printed)"
    # ``<!-- nkasylum:output mermaid -->`` draws what the code printed instead of showing it.
    opening = "```mermaid" if lang == "mermaid" else f'```{lang} title="Output"'
    lines = [opening, *body.split("\n"), "```"]
    return "\n".join(indent + line if line else line for line in lines)


def execute_page(markdown: str, where: str) -> str:
    """Run the page's Python blocks; check expected outputs and fill output markers."""
    blocks = python_blocks(markdown)
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    fills: dict[int, str] = {}
    workdir = tempfile.TemporaryDirectory()   # where the page's shell blocks run, in turn
    for number, block in enumerate(blocks, 1):
        try:
            if block.code.lang in SHELL:
                got = run_shell(block.code.code, workdir.name)
            else:
                got = run_code(block.code.code, namespace)
        except Exception:
            log.warning("%s: code block %d (line %d) raised:\n%s", where, number,
                        block.code.start + 1, traceback.format_exc(limit=-3))
            continue
        if block.expected is not None and not output_matches(block.expected.code, got):
            log.warning("%s: code block %d (line %d) printed something else than its output "
                        "block shows.\n--- shown ---\n%s\n--- printed ---\n%s", where, number,
                        block.code.start + 1, block.expected.code, got)
        if block.marker_line is not None:
            fills[block.marker_line] = _text_fence(block.code.indent, got, block.marker_lang)
    workdir.cleanup()
    for k, text in fills.items():
        lines[k] = text
    return "\n".join(lines)


# ------------------------------------------------------------------------ helpers
def _kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


def _cell(value: object) -> str:
    """Text safe for a Markdown table cell."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out)


def _code(value: object) -> str:
    return f"`{value}`" if value not in (None, "") else ""


def _label(place: nk.Country | nk.Region) -> str:
    return place.alpha_2 if isinstance(place, nk.Country) else place.id


def _place_name(place: nk.Country | nk.Region) -> str:
    return f"{place.name} ({place.alpha_2})" if isinstance(place, nk.Country) else place.name


def _public_type(name: str) -> Any:
    if name not in nk.__all__:
        raise ValueError(f"{name!r} is not a public name of nkasylum (not in nkasylum.__all__)")
    return getattr(nk, name)


def _attribute_docs(cls: type) -> dict[str, str]:
    """Docstrings written under class attributes (``NAME = value`` then a string), by name."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    return _docs_after_assignments(body)


def _docs_after_assignments(body: list[ast.stmt]) -> dict[str, str]:
    """``NAME = value`` (or ``NAME: type = value``) followed by a string: that string, by name."""
    found: dict[str, str] = {}
    for stmt, nxt in itertools.pairwise(body):
        target = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target = stmt.targets[0].id
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            target = stmt.target.id
        if (target and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant)
                and isinstance(nxt.value.value, str)):
            found[target] = " ".join(inspect.cleandoc(nxt.value.value).split())
    return found


def docstring_section(obj: object, section: str) -> dict[str, str]:
    """The ``name: text`` entries of a Google-style docstring section (e.g. ``Attributes``).

    An entry naming several fields (``valid_from, valid_until, undated: ...``) is given to each.
    """
    doc = inspect.getdoc(obj) or ""
    lines = doc.split("\n")
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
            if names:
                for n in names:
                    entries[n] = " ".join(current)
            names = [n.strip() for n in m[1].split(",")]
            current = [m[2]] if m[2] else []
        elif line.strip():
            current.append(line.strip())
    for n in names:
        entries[n] = " ".join(current)
    return entries


def _rst_to_md(text: str) -> str:
    """Sphinx roles (``:func:`x```) and double back-quotes as plain Markdown code."""
    text = re.sub(r":(?:func|class|data|meth|attr|exc|mod):`~?([^`]+)`", r"`\1`", text)
    return text.replace("``", "`")


# -------------------------------------------------------------------- walking data
def _entries(kb: nk.KnowledgeBase) -> Iterator[tuple[str, Any]]:
    for kind, items in (("source", kb.all_sources), ("policy", kb.all_policies),
                        ("passage", kb.all_passages), ("case", kb.all_cases),
                        ("statistic", kb.all_statistics), ("conflict", kb.all_conflicts)):
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


def enum_uses(kb: nk.KnowledgeBase, cls: type[enum.Enum]) -> dict[enum.Enum, list[tuple[str, str, Any]]]:
    """For each member of ``cls``: the (kind, field, entry) triples of the data that use it."""
    uses: dict[enum.Enum, list[tuple[str, str, Any]]] = {m: [] for m in cls}
    for kind, entry in _entries(kb):
        for f in attrs.fields(type(entry)):
            seen = set()
            for v in _values(getattr(entry, f.name)):
                if isinstance(v, cls) and v not in seen:
                    seen.add(v)
                    uses[v].append((kind, f.name, entry))
    return uses


# ------------------------------------------------------------------- generators
def gen_enum(args: list[str]) -> str:
    """A codebook table of an enum: value, Python name, meaning, and how often the data uses it."""
    (name,) = args
    cls = _public_type(name)
    if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        raise ValueError(f"{name} is not an enum")
    meanings = _attribute_docs(cls)
    uses = enum_uses(_kb(), cls)
    counted = any(uses.values())
    header = ["value", "name", "meaning"] + (["entries", "for example"] if counted else [])
    rows = []
    for member in cls:
        row: list[object] = [_code(member.value), _code(f"{name}.{member.name}"),
                             _rst_to_md(meanings.get(member.name, "")) or "—"]
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
    return _table(header, rows)


def _type_text(cls: type, f: attrs.Attribute) -> str:  # type: ignore[type-arg]
    # The annotation as written (attrs may hold a resolved, less readable type).
    text = inspect.get_annotations(cls).get(f.name, f.type)
    if not isinstance(text, str):
        text = getattr(text, "__name__", str(text))
    return re.sub(r"\b(?:[a-z_]+\.)+(?=[A-Za-z_])", "", str(text))


def gen_fields(args: list[str]) -> str:
    """A codebook table of a type's fields: TOML key, type, required or default, meaning."""
    (name,) = args
    cls = _public_type(name)
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
            default = _code(f.default.value)
        else:
            default = _code(repr(f.default))
        rows.append([_code(f.name), _code(_type_text(cls, f)), default,
                     _rst_to_md(meanings.get(f.name, "")) or "—"])
    return _table(["field", "type", "default", "meaning"], rows)


def gen_regions(args: list[str]) -> str:
    """Every region in ``nk.REGIONS`` with its documentation, from the code."""
    import nkasylum.core.places as places

    docs = _module_attribute_docs(places)
    by_value = {id(getattr(places, name)): text for name, text in docs.items() if hasattr(places, name)}
    rows = [[_code(r.id), r.name, _code(f"nk.{name}") if (name := _constant_name(r)) else "",
             _rst_to_md(by_value.get(id(r), ""))] for r in nk.REGIONS]
    return _table(["region id", "name", "constant", "meaning"], rows)


def _constant_name(region: nk.Region) -> str:
    return next((n for n in nk.__all__ if getattr(nk, n) is region), "")


def _module_attribute_docs(module: Any) -> dict[str, str]:
    return _docs_after_assignments(ast.parse(inspect.getsource(module)).body)


def gen_measures(args: list[str]) -> str:
    """Every statistic measure in the data, with its places, years and number of figures."""
    kb = _kb()
    grouped: dict[str, list[nk.Statistic]] = {}
    for s in kb.all_statistics:
        grouped.setdefault(s.measure, []).append(s)
    rows = []
    for measure, stats in sorted(grouped.items()):
        places = sorted({_label(s.place) for s in stats})
        years = sorted({s.year for s in stats if s.year is not None})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "—")
        rows.append([_code(measure), len(stats), ", ".join(places), span,
                     _rst_to_md(stats[0].description)])
    return _table(["measure", "figures", "places", "yearly figures for", "what is counted (first figure)"],
                  rows)


def _evidence_dates(kb: nk.KnowledgeBase, entries: Iterable[Any]) -> tuple[str | None, str | None, int]:
    """The earliest and latest publication dates of the evidence (EDTF text), and how many
    pieces come from undated sources."""
    dates: list[nk.When] = []
    undated = 0
    for e in entries:
        for ev in getattr(e, "evidence", ()):
            d = kb.evidence_date(ev)
            if d is None:
                undated += 1
            else:
                dates.append(d)
    if not dates:
        return None, None, undated
    first = min(dates, key=lambda w: (w.start, w.end))
    last = max(dates, key=lambda w: (w.end, w.start))
    return str(first), str(last), undated


@dataclass
class _Holdings:
    place: nk.Country | nk.Region
    policies: list[nk.Policy]
    passages: list[nk.Passage]
    cases: list[nk.Case]
    statistics: list[nk.Statistic]

    def all(self) -> list[Any]:
        return [*self.policies, *self.passages, *self.cases, *self.statistics]


def holdings(kb: nk.KnowledgeBase) -> list[_Holdings]:
    """What the knowledge base holds about each place (a passage counts for both ends)."""
    found: dict[nk.Country | nk.Region, _Holdings] = {}

    def at(p: nk.Country | nk.Region) -> _Holdings:
        if p not in found:
            found[p] = _Holdings(p, [], [], [], [])
        return found[p]

    for pol in kb.all_policies:
        at(pol.country).policies.append(pol)
    for pas in kb.all_passages:
        at(pas.origin).passages.append(pas)
        if pas.dest != pas.origin:
            at(pas.dest).passages.append(pas)
    for case in kb.all_cases:
        for p in dict.fromkeys((case.place, *case.countries)):
            at(p).cases.append(case)
    for stat in kb.all_statistics:
        at(stat.place).statistics.append(stat)
    countries = sorted((h for h in found.values() if isinstance(h.place, nk.Country)),
                       key=lambda h: h.place.name)
    regions = sorted((h for h in found.values() if not isinstance(h.place, nk.Country)),
                     key=lambda h: h.place.name)
    return [*countries, *regions]


def _anchor_id(place: nk.Country | nk.Region) -> str:
    return "place-" + _label(place).lower()


def _span(first: str | None, last: str | None) -> str:
    if first is None:
        return "—"
    return str(first) if first == last else f"{first} to {last}"


def gen_coverage(args: list[str]) -> str:
    """Per place: counts, evidence dates, then the policies, passages, cases and figures held."""
    kb = _kb()
    held = holdings(kb)
    out = [f"The bundled knowledge base (nkasylum {nk.__version__}) holds "
           f"{len(kb.all_sources)} sources, {len(kb.all_policies)} policy statements, "
           f"{len(kb.all_passages)} passages, {len(kb.all_cases)} cases, "
           f"{len(kb.all_statistics)} statistics and {len(kb.all_conflicts)} documented "
           f"conflicts between sources.", ""]
    rows = []
    for h in held:
        first, last, undated = _evidence_dates(kb, h.all())
        rows.append([f"[{_place_name(h.place)}](#{_anchor_id(h.place)})", len(h.policies),
                     len(h.passages), len(h.cases), len(h.statistics), _span(first, last), undated])
    out.append(_table(["place", "policies", "passages", "cases", "statistics",
                       "evidence published", "undated evidence"], rows))
    for h in held:
        out += ["", f"## {_place_name(h.place)} {{ #{_anchor_id(h.place)} }}", ""]
        first, last, undated = _evidence_dates(kb, h.all())
        note = f"Evidence published {_span(first, last)}"
        out.append(note + (f"; {undated} piece(s) of evidence from undated sources." if undated else "."))
        if h.policies:
            out += ["", "**Policies**", "", _table(
                ["id", "basis", "period", "repatriates", "admits", "grants", "sources"],
                [[_code(p.id), p.basis.value, p.period, _yesno(p.repatriates), _yesno(p.admits),
                  ", ".join(g.value for g in p.grants) or "—", _sources(p)] for p in h.policies])]
        if h.passages:
            out += ["", "**Passages**", "", _table(
                ["id", "from", "to", "channel", "basis", "period", "sources"],
                [[_code(p.id), _label(p.origin), _label(p.dest) + (" via a third country" if p.via_third_country
                                                                   else ""),
                  p.channel.value, p.basis.value, p.period, _sources(p)] for p in h.passages])]
        if h.cases:
            out += ["", "**Cases**", "", _table(
                ["id", "date", "people", "outcome", "route", "sources"],
                [[_code(c.id), _case_date(c), str(c.people), c.outcome.value, str(c.route or "—"), _sources(c)]
                 for c in sorted(h.cases, key=lambda c: (c.date is None, c.date.start if c.date else dt.date.max,
                                                         c.id))])]
        if h.statistics:
            out += ["", "**Statistics**", "", _table(
                ["id", "measure", "value", "year", "as of", "sources"],
                [[_code(s.id), _code(s.measure), str(s.value), s.year or "—", _as_of(s), _sources(s)]
                 for s in h.statistics])]
    return "\n".join(out)


def _yesno(v: bool | None) -> str:
    return "undocumented" if v is None else ("yes" if v else "no")


def _sources(entry: Any) -> str:
    return ", ".join(f"[{s}](sources.md#{s})" for s in dict.fromkeys(e.source for e in entry.evidence))


def _case_date(c: nk.Case) -> str:
    # EDTF, as precise as the source: "2004", "2002-03/2004-06", never "2004-01-01".
    return "undated" if c.date is None else str(c.date)


def _as_of(s: nk.Statistic) -> str:
    return "—" if s.as_of is None else str(s.as_of)


def gen_sources(args: list[str]) -> str:
    """Every source with its bibliographic data and what cites it."""
    kb = _kb()
    cited: dict[str, list[str]] = {}
    for _kind, entry in _entries(kb):
        for ev in getattr(entry, "evidence", ()):
            cited.setdefault(ev.source, [])
            if entry.id not in cited[ev.source]:
                cited[ev.source].append(entry.id)
    rows = [[f"[`{s.id}`](#{s.id})", s.publisher or "not named", s.published or "undated", s.kind.value,
             len(cited.get(s.id, []))] for s in kb.all_sources]
    out = [_table(["id", "publisher", "published", "kind", "entries citing it"], rows)]
    for s in kb.all_sources:
        out += ["", f"### {s.id} {{ #{s.id} }}", ""]
        fields = [("Title", s.title), ("Publisher", s.publisher or "not named in the document"),
                  ("Original publisher", s.original_publisher), ("Author", s.author),
                  ("Published", s.published or "undated"), ("Kind", s.kind.value),
                  ("Language", s.language), ("Address", f"<{s.url}>" if s.url else None),
                  ("Document", _code(s.document)), ("How it was dated and attributed", s.note)]
        out += [f"- **{k}:** {v}" for k, v in fields if v]
        ids = cited.get(s.id, [])
        out.append(f"- **Cited by:** {', '.join(_code(i) for i in ids) if ids else 'no entry yet'}")
    return "\n".join(out)


def _citation() -> dict[str, Any]:
    """The top-level scalar keys and the author names of CITATION.cff (no YAML parser needed)."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    found: dict[str, Any] = {}
    for line in text.splitlines():
        m = re.match(r'^([a-z-]+):\s*"?(.*?)"?\s*$', line)
        if m and m[2]:
            found[m[1]] = m[2]
    found["authors"] = re.findall(r'^\s*-\s*name:\s*"?(.*?)"?\s*$', text, re.MULTILINE)
    return found


def gen_bibtex(args: list[str]) -> str:
    """A BibTeX entry built from CITATION.cff and the installed version."""
    cff = _citation()
    version = nk.__version__
    year = cff.get("date-released", "")[:4] or str(dt.date.today().year)
    fields = [("title", cff.get("title", "nkasylum")),
              ("author", "{" + " and ".join(cff["authors"] or ["nkasylum developers"]) + "}"),
              ("year", year), ("version", version), ("note", f"Python library, version {version}")]
    if cff.get("url") or cff.get("repository-code"):
        fields.append(("url", cff.get("repository-code") or cff.get("url")))
    if cff.get("doi"):
        fields.append(("doi", cff["doi"]))
    body = ",\n".join(f"  {k:<8} = {{{v}}}" for k, v in fields)
    return f"```bibtex\n@software{{nkasylum_{version.replace('.', '_')},\n{body}\n}}\n```"


def gen_include(args: list[str]) -> str:
    """A repository file shown as a code block (e.g. ``CITATION.cff``)."""
    (path,) = args
    target = (ROOT / path).resolve()
    if ROOT not in target.parents:
        raise ValueError(f"{path} is outside the repository")
    lang = {"cff": "yaml", "py": "python", "toml": "toml", "yml": "yaml", "yaml": "yaml"}.get(
        target.suffix.lstrip("."), "text")
    return f'```{lang} title="{path}"\n{target.read_text(encoding="utf-8").rstrip()}\n```'


# ---------------------------------------------------------------------- charts
_BAR = "#3f51b5"


def series_svg(points: tuple[nk.SeriesPoint, ...], title: str) -> str:
    """An SVG bar chart of a yearly series: every year from first to last gets a slot, so a
    gap shows as an empty slot; approximate figures are hatched, bounds carry an arrow, and a
    year that sources disagree on gets one bar per version."""
    years = sorted({p.year for p in points})
    valued = [p for p in points if p.value.value is not None]
    top = max((p.value.value or 0 for p in valued), default=0) or 1
    span = list(range(years[0], years[-1] + 1)) if years else []
    width, height, left, bottom, top_pad = max(320, 60 + 34 * len(span)), 260, 56, 40, 30
    plot_h = height - bottom - top_pad
    slot = (width - left - 10) / max(len(span), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{html.escape(title)}" style="max-width:{width}px;width:100%">',
             f"<title>{html.escape(title)}</title>",
             '<defs><pattern id="nk-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="6" height="6" fill="none"/>'
             f'<line x1="0" y1="0" x2="0" y2="6" stroke="{_BAR}" stroke-width="3"/></pattern></defs>',
             '<g font-family="sans-serif" font-size="11" fill="currentColor">']
    for frac in (0, 0.5, 1):
        y = top_pad + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" '
                     'stroke="currentColor" stroke-opacity="0.2"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{round(top * frac):,}</text>')
    for i, year in enumerate(span):
        x0 = left + i * slot
        here = [p for p in points if p.year == year]
        if len(span) <= 16 or year % 5 == 0 or i in (0, len(span) - 1):
            parts.append(f'<text x="{x0 + slot / 2:.1f}" y="{height - bottom + 16}" '
                         f'text-anchor="middle">{year}</text>')
        if not here:
            parts.append(f'<text x="{x0 + slot / 2:.1f}" y="{height - bottom - 4}" text-anchor="middle" '
                         'fill-opacity="0.6">·</text>')
            continue
        bar_w = slot * 0.7 / len(here)
        for k, p in enumerate(here):
            v = p.value.value
            x = x0 + slot * 0.15 + k * bar_w
            if v is None:
                continue
            h = plot_h * v / top
            y = top_pad + plot_h - h
            exact = p.value.qualifier is nk.Qualifier.EXACT
            fill = _BAR if exact else "url(#nk-hatch)"
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                         f'fill="{fill}" stroke="{_BAR}"><title>{year}: {html.escape(str(p.value))}'
                         f'{" (disputed)" if p.disputed else ""}</title></rect>')
            mark = {"at-least": "▲", "more-than": "▲", "at-most": "▼", "fewer-than": "▼",
                    "almost": "▼", "about": "~"}.get(p.value.qualifier.value, "")
            if mark or p.disputed:
                parts.append(f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{y - 4:.1f}" '
                             f'text-anchor="middle">{mark}{"?" if p.disputed else ""}</text>')
    parts.append(f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" '
                 'stroke="currentColor"/>')
    parts.append("</g></svg>")
    return "".join(parts)


def gen_series(args: list[str]) -> str:
    """A chart and a table of one yearly series; robust to no points or a single point."""
    measure, *rest = args
    country = rest[0] if rest else None
    points = nk.series(measure, country=country)
    call = f'nk.series("{measure}"' + (f', country="{country}")' if country else ")")
    if not points:
        return (f'!!! info "No yearly figures yet"\n    `{call}` returns no points in nkasylum '
                f"{nk.__version__}: the knowledge base holds no yearly figure for this measure yet. "
                "The chart appears here as soon as the data has one.")
    years = [p.year for p in points]
    missing = sorted(set(range(min(years), max(years) + 1)) - set(years))
    title = f"{measure}" + (f" ({country})" if country else "")
    out = [f"`{call}` returns {len(points)} point(s) for {len(set(years))} year(s), "
           f"{min(years)} to {max(years)}." if len(set(years)) > 1 else
           f"`{call}` returns {len(points)} point(s), all for {years[0]}: one year makes no trend yet.",
           ""]
    if missing:
        out += [f"No figure is documented for {', '.join(map(str, missing))}: those slots stay empty "
                "(a gap is never filled in).", ""]
    out += ['<figure markdown="span" class="nk-chart">', series_svg(points, title),
            "<figcaption>Solid bar: exact figure. Hatched bar: qualified figure (▲ lower bound, "
            "▼ upper bound or just under, ~ approximate). ? : sources disagree on that year "
            "(one bar per version).</figcaption>", "</figure>", ""]
    out.append(_table(["year", "value", "qualifier", "statistic", "sources", "disputed"],
                      [[p.year, str(p.value), p.value.qualifier.value, _code(p.statistic),
                        _sources(p), ", ".join(p.disputed) or "—"] for p in points]))
    return "\n".join(out)


def gen_other_series(args: list[str]) -> str:
    """A chart for every other yearly series in the data (measure and place), generated."""
    skip = {tuple(a.split(":", 1)) for a in args}
    kb = _kb()
    pairs = sorted({(s.measure, _label(s.place)) for s in kb.all_statistics if s.year is not None})
    pairs = [p for p in pairs if p not in skip]
    if not pairs:
        return "No other yearly series is in the data yet."
    out = []
    for measure, place in pairs:
        out += [f"### `{measure}` in {place}", "", gen_series([measure, place]), ""]
    return "\n".join(out)


def gen_transit_maps(args: list[str]) -> str:
    """``nk.transit_map(on=...)`` for each date given, as Mermaid diagrams in tabs."""
    out = []
    for text in args:
        day = dt.date.fromisoformat(text)
        chart = nk.transit_map(on=day)
        out.append(f'=== "{day}"')
        out.append("")
        if len(chart.strip().splitlines()) <= 1:
            out.append(f"    No passage is documented on {day}.")
        else:
            out += ["    ```mermaid", *("    " + line for line in chart.splitlines()), "    ```"]
            count = len(chart.strip().splitlines()) - 1
            out += ["", f"    {count} documented passage(s) on {day}: "
                    f"`nk.transit_map(on=dt.date({day.year}, {day.month}, {day.day}))`."]
        out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------- API reference
def api_groups() -> dict[str, list[str]]:
    """Every name in ``nkasylum.__all__``, grouped for the reference page."""
    groups: dict[str, list[str]] = {"Functions": [], "Knowledge base": [], "Types": [], "Enumerations": [],
                                    "Places and constants": [], "Exceptions": []}
    for name in nk.__all__:
        obj = getattr(nk, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            groups["Exceptions"].append(name)
        elif isinstance(obj, type) and issubclass(obj, enum.Enum):
            groups["Enumerations"].append(name)
        elif obj is nk.KnowledgeBase or name in {"default_knowledge_base", "load_knowledge_base"}:
            groups["Knowledge base"].append(name)
        elif isinstance(obj, type):
            groups["Types"].append(name)
        elif callable(obj):
            groups["Functions"].append(name)
        else:
            groups["Places and constants"].append(name)
    return {k: v for k, v in groups.items() if v}


_NO_DOCSTRING = {"__version__"}


def gen_api(args: list[str]) -> str:
    """A mkdocstrings directive for every public name, grouped; nothing is hand-listed."""
    out = []
    for group, names in api_groups().items():
        out += [f"## {group}", ""]
        for name in names:
            if name in _NO_DOCSTRING:
                out += [f"### `nkasylum.{name}`", "",
                        f"The installed version as a string (this site was built with `{nk.__version__}`). "
                        "Record it with your results; see [Pin a version and cite it](how-to/reproduce-and-cite.md).",
                        ""]
                continue
            out += [f"::: nkasylum.{name}", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------- examples
EXAMPLES = ROOT / "examples"


def example_scripts() -> list[Path]:
    """Every example script, sorted, quickstart first."""
    return sorted(EXAMPLES.glob("*.py"), key=lambda p: (p.name != "quickstart.py", p.name))


def run_example(path: Path, workdir: str) -> subprocess.CompletedProcess[str]:
    """Run an example in its own interpreter, as a user would (output files go to ``workdir``)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(path), workdir], capture_output=True, text=True,
                          cwd=workdir, env=env, timeout=120, check=False)


def gen_examples(args: list[str]) -> str:
    """Each example's question, code and real output (run at build time)."""
    out = []
    for path in example_scripts():
        source = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(source)) or path.stem
        first, _, rest = doc.partition("\n")
        with tempfile.TemporaryDirectory() as tmp:
            done = run_example(path, tmp)
        if done.returncode != 0:
            log.warning("examples/%s failed (exit %d):\n%s", path.name, done.returncode, done.stderr)
        printed = done.stdout.replace(tmp, "<output folder>")
        out += [f"## {first.strip()}", ""]
        if rest.strip():
            out += [rest.strip(), ""]
        out += [f'```python title="examples/{path.name}"', source.rstrip(), "```", "",
                f"`python examples/{path.name}` prints:", "",
                '```text title="Output"', printed.rstrip() or "(nothing printed)", "```", ""]
    return "\n".join(out)


def gen_data_entry(args: list[str]) -> str:
    """One entry of a bundled data file, exactly as stored (``data-entry cases/seeds.toml ID``)."""
    path, ident = args
    data = Path(nk.__file__).resolve().parent / "data"
    text = (data / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"^\[\[(\w+)\]\]\s*$", line)
        if m is None:
            continue
        j = i + 1
        while j < len(lines) and not re.match(r"^\[\[(\w+)\]\]\s*$", lines[j]):
            j += 1
        chunk = "\n".join(lines[i:j]).rstrip()
        if re.search(rf'^id\s*=\s*"{re.escape(ident)}"\s*$', chunk, re.MULTILINE):
            return f'```toml title="src/nkasylum/data/{path}"\n{chunk}\n```'
    raise ValueError(f"no entry {ident!r} in data/{path}")


# ------------------------------------------------------------------- architecture
PACKAGE = ROOT / "src" / "nkasylum"
_LAYER_TITLES = {"core": "foundations", "model": "value types", "store": "storage", "engine": "reasoning",
                 "io": "presentation and bridges"}


def _importlinter() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    config: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(config["tool"]["importlinter"])


def _first_line(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _module_rows(paths: Iterable[Path]) -> list[list[str]]:
    rows = []
    for path in sorted(paths, key=lambda p: (p.name != "__init__.py", p.name)):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        lines = len(path.read_text(encoding="utf-8").splitlines())
        rows.append([_code(name), _rst_to_md(_first_line(path)), str(lines)])
    return rows


def gen_architecture(args: list[str]) -> str:
    """The layers (from the import-linter contract in pyproject.toml, top first) and one line per
    module (the first paragraph of its docstring), read from the source files at build time."""
    config = _importlinter()
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    out = []
    out += ["### The facade and the entry points", "",
            _table(["module", "what it holds", "lines"], _module_rows(PACKAGE.glob("*.py"))), ""]
    for number, layer in zip(range(len(layers), 0, -1), layers, strict=True):
        short = layer.removeprefix("nkasylum.")
        out += [f"### {number}. {_LAYER_TITLES.get(short, short)}: `{short}/`", "",
                _table(["module", "what it holds", "lines"], _module_rows((PACKAGE / short).glob("*.py"))), ""]
    out += ["### The contracts `lint-imports` keeps", ""]
    out += [f"- **{c['name']}** (`{c['type']}`)" for c in config["contracts"]]
    return "\n".join(out)


GENERATORS: dict[str, Callable[[list[str]], str]] = {
    "api": gen_api,
    "architecture": gen_architecture,
    "bibtex": gen_bibtex,
    "coverage": gen_coverage,
    "data-entry": gen_data_entry,
    "enum": gen_enum,
    "examples": gen_examples,
    "fields": gen_fields,
    "include": gen_include,
    "measures": gen_measures,
    "regions": gen_regions,
    "other-series": gen_other_series,
    "series": gen_series,
    "sources": gen_sources,
    "transit-maps": gen_transit_maps,
}
"""Marker name -> function from the marker's arguments to Markdown."""


def expand_markers(markdown: str, where: str) -> str:
    """Replace every ``<!-- nkasylum:NAME ARGS -->`` marker (except ``output``) with its content."""

    def replace(m: re.Match[str]) -> str:
        name = m["name"]
        if name == OUTPUT_MARKER:
            return m[0]
        generator = GENERATORS.get(name)
        if generator is None:
            log.warning("%s: unknown marker nkasylum:%s (known: %s)", where, name, ", ".join(GENERATORS))
            return m[0]
        try:
            text = generator(m["args"].split())
        except Exception:
            log.warning("%s: marker nkasylum:%s%s failed:\n%s", where, name, m["args"], traceback.format_exc())
            return m[0]
        return textwrap.indent(text, m["indent"]) if m["indent"] else text

    return MARKER.sub(replace, markdown)


# --------------------------------------------------------------------- MkDocs hooks
def on_files(files: Any, config: Any) -> Any:
    """Give the nav a Performance page while docs/performance.md is not written yet."""
    from mkdocs.structure.files import File

    if files.get_file_from_path("performance.md") is None:
        files.append(File.generated(config, "performance.md", content=PERFORMANCE_PLACEHOLDER))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Run the page's code (checking and filling outputs), then expand the generated sections."""
    where = page.file.src_uri
    return expand_markers(execute_page(markdown, where), where)
