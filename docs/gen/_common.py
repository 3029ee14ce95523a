"""What the page generators share: markers, Markdown tables, the knowledge base, charts.

Each generated page has its own script beside this file, named after the page
(``codebook.py`` fills ``codebook.md``), which mkdocs-gen-files runs at build time (see
``mkdocs.yml``). A page writes ``<!-- nkasylum:NAME ARGS -->`` where generated content goes;
its script maps each NAME to a function from the marker's arguments to Markdown, and
:func:`main` replaces the markers of that page. A marker that no function fills, or a
function that raises, is logged as a warning, so ``mkdocs build --strict`` fails on it.

Nothing here imports MkDocs, mkdocs-gen-files or matplotlib at module level, so the tests
can import the generators without them.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import logging
import re
import textwrap
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import nkasylum as nk

log = logging.getLogger("mkdocs.plugins.nkasylum")

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*nkasylum:(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->[ \t]*$",
                    re.MULTILINE)
OUTPUT_MARKER = "output"
"""Filled by ``code_blocks.py`` with what the code block above it printed."""

Generator = Callable[[list[str]], str]
_building = False
"""Set once mkdocs-gen-files runs a generator: generated files (charts) go into the site."""


# ------------------------------------------------------------------------ pages
def expand_markers(markdown: str, where: str, generators: dict[str, Generator]) -> str:
    """Replace every ``<!-- nkasylum:NAME ARGS -->`` marker (except ``output``) with its content."""

    def replace(m: re.Match[str]) -> str:
        name = m["name"]
        if name == OUTPUT_MARKER:
            return m[0]
        generator = generators.get(name)
        if generator is None:
            log.warning("%s: unknown marker nkasylum:%s (this page's generator knows: %s)", where, name,
                        ", ".join(sorted(generators)) or "none")
            return m[0]
        try:
            text = generator(m["args"].split())
        except Exception:
            log.warning("%s: marker nkasylum:%s%s failed:\n%s", where, name, m["args"], traceback.format_exc())
            return m[0]
        return textwrap.indent(text, m["indent"]) if m["indent"] else text

    return MARKER.sub(replace, markdown)


def main(run_name: str, page: str, generators: dict[str, Generator]) -> None:
    """Fill ``page`` (a path under docs/) with ``generators``.

    Run by mkdocs-gen-files (``runpy.run_path``, so ``__name__`` is ``"<run_path>"``), the
    page of the site being built is rewritten; run as ``python docs/gen/PAGE.py``, the
    filled page is printed, to read without building the site. Imported (by the tests),
    nothing happens.
    """
    global _building
    if run_name == "<run_path>":
        import mkdocs_gen_files  # lazy: only present when the site is being built

        _building = True
        with mkdocs_gen_files.open(page, "r") as f:
            text = f.read()
        with mkdocs_gen_files.open(page, "w") as f:
            f.write(expand_markers(text, page, generators))
    elif run_name == "__main__":
        logging.basicConfig(level=logging.WARNING)
        print(expand_markers((DOCS / page).read_text(encoding="utf-8"), page, generators))


# ----------------------------------------------------------------- Markdown bits
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def cell(value: object) -> str:
    """Text safe for a Markdown table cell: a ``|`` outside code is escaped (inside a code
    span the table reader already keeps it, and an escape there would be shown)."""
    text = "" if value is None else str(value).replace("\n", " ")
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out += [text[pos:m.start()].replace("|", "\\|"), m[0]]
        pos = m.end()
    out.append(text[pos:].replace("|", "\\|"))
    return "".join(out)


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out)


def code(value: object) -> str:
    return f"`{value}`" if value not in (None, "") else ""


def rst_to_md(text: str) -> str:
    """Sphinx roles (``:func:`x```) and double back-quotes as plain Markdown code."""
    text = re.sub(r":(?:func|class|data|meth|attr|exc|mod):`~?([^`]+)`", r"`\1`", text)
    return text.replace("``", "`")


# ---------------------------------------------------------------------- the data
def kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


def label(place: nk.Country | nk.Region) -> str:
    return place.alpha_2 if isinstance(place, nk.Country) else place.id


def place_name(place: nk.Country | nk.Region) -> str:
    return f"{place.name} ({place.alpha_2})" if isinstance(place, nk.Country) else place.name


def public_type(name: str) -> Any:
    if name not in nk.__all__:
        raise ValueError(f"{name!r} is not a public name of nkasylum (not in nkasylum.__all__)")
    return getattr(nk, name)


def sources_of(entry: Any, page: str = "sources.md") -> str:
    """The sources an entry cites, each linked to its section of the Sources page."""
    return ", ".join(f"[{s}]({page}#{s})" for s in dict.fromkeys(e.source for e in entry.evidence))


def docs_after_assignments(body: list[ast.stmt]) -> dict[str, str]:
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


def data_entry(args: list[str]) -> str:
    """One entry of a bundled data file, exactly as stored (``data-entry cases/cn.toml ID``)."""
    path, ident = args
    data = Path(nk.__file__).resolve().parent / "data"
    lines = (data / path).read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if re.match(r"^\[\[(\w+)\]\]\s*$", line) is None:
            continue
        j = i + 1
        while j < len(lines) and not re.match(r"^\[\[(\w+)\]\]\s*$", lines[j]):
            j += 1
        chunk = "\n".join(lines[i:j]).rstrip()
        if re.search(rf'^id\s*=\s*"{re.escape(ident)}"\s*$', chunk, re.MULTILINE):
            return f'```toml title="src/nkasylum/data/{path}"\n{chunk}\n```'
    raise ValueError(f"no entry {ident!r} in data/{path}")


# ------------------------------------------------------------------------ charts
ACCENT = "#3f51b5"
"""The site's primary colour (mkdocs.yml: indigo), for bars."""


def pyplot() -> Any:
    """matplotlib's pyplot, set up for static, reproducible SVG charts."""
    import matplotlib  # lazy: only the chart pages need it, and only at build time

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # lazy: as above

    plt.rcParams.update({
        "svg.fonttype": "none",          # text stays text: searchable, sharp, small
        "svg.hashsalt": "nkasylum",      # the same ids every build
        "font.family": "sans-serif",
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": "white",     # readable in the light and the dark theme
        "axes.facecolor": "white",
    })
    return plt


def svg(fig: Any) -> str:
    """The figure as SVG text (no creation date, so a rebuild gives the same bytes)."""
    import io

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    pyplot().close(fig)
    return buffer.getvalue()


def write_asset(path: str, text: str) -> None:
    """Put a generated file (e.g. a chart's SVG) into the site being built; outside a build
    (tests, ``python docs/gen/PAGE.py``) the file is not written."""
    if not _building:
        return
    import mkdocs_gen_files  # lazy: only present when the site is being built

    with mkdocs_gen_files.open(path, "w") as f:
        f.write(text)


def figure(path: str, fig: Any, alt: str) -> str:
    """Save ``fig`` as ``path`` (under docs/) in the site and return the Markdown that shows it."""
    write_asset(path, svg(fig))
    return f"![{alt}]({path}){{ .nk-chart }}"
