"""The docs cannot drift: every Python block in docs/*.md and README.md runs and prints what
its output block shows (so does every shell block that shows an output), and every generated
page covers everything the code and data hold.

The extractor here is deliberately independent of docs/gen/code_blocks.py (which does the same
at build time), so a bug in one does not hide a stale page from the other. The page generators
(docs/gen/PAGE.py) are imported and checked here too; tests/docs/test_site.py checks the built site.
"""

from __future__ import annotations

import contextlib
import doctest
import enum
import importlib.util
import io
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import nkasylum as nk

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted([*DOCS.rglob("*.md"), ROOT / "README.md"])
FENCE = re.compile(r"^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def blocks(text: str, lang: str = "python") -> list[tuple[str, str | None]]:
    """(code, expected output or None) for every block in ``lang``, in order."""
    found: list[tuple[str, str | None]] = []
    fences = list(FENCE.finditer(text))
    for i, m in enumerate(fences):
        if m["lang"] != lang:
            continue
        expected = None
        nxt = fences[i + 1] if i + 1 < len(fences) else None
        if nxt is not None and nxt["lang"] == "text" and not text[m.end():nxt.start()].strip():
            expected = nxt["body"]
        found.append((m["body"], expected))
    return found


def matches(expected: str, got: str) -> bool:
    return doctest.OutputChecker().check_output(expected.strip("\n") + "\n", got.strip("\n") + "\n",
                                                doctest.ELLIPSIS)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run_and_print_what_they_show(page: Path) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for number, (code, expected) in enumerate(blocks(page.read_text(encoding="utf-8")), 1):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        if expected is not None:
            assert matches(expected, out.getvalue()), (
                f"{page.name} block {number} printed:\n{out.getvalue()}\nbut the page shows:\n{expected}")


SHELL_PAGES = [p for p in PAGES if blocks(p.read_text(encoding="utf-8"), "bash")]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the shell examples are bash scripts")
@pytest.mark.parametrize("page", SHELL_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shell_blocks_print_what_they_show(page: Path, tmp_path: Path) -> None:
    # The command-line examples run as a user runs them: bash, with the installed `nkasylum`.
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    for number, (code, expected) in enumerate(blocks(page.read_text(encoding="utf-8"), "bash"), 1):
        if expected is None:
            continue   # install commands and the like are shown, not run
        done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                              timeout=300, check=False)
        assert done.returncode == 0, f"{page.name} shell block {number}: {done.stderr}"
        assert matches(expected, done.stdout), (
            f"{page.name} shell block {number} printed:\n{done.stdout}\nbut the page shows:\n{expected}")


def test_the_extractor_finds_blocks_and_outputs() -> None:
    found = blocks((DOCS / "tutorial.md").read_text(encoding="utf-8"))
    assert len(found) >= 15
    assert sum(expected is not None for _, expected in found) >= 8
    shell = blocks((DOCS / "how-to" / "cli.md").read_text(encoding="utf-8"), "bash")
    assert sum(expected is not None for _, expected in shell) >= 4


def test_a_wrong_output_is_caught() -> None:
    assert matches("True\n...\n", "True\nanything\nelse\n")
    assert not matches("documented\n", "blocked\n")


# --------------------------------------------------------------------- generated pages
GEN = DOCS / "gen"


def _load(name: str) -> ModuleType:
    """A page generator (docs/gen/NAME.py), imported as the tests' own copy: importing one
    writes nothing (only mkdocs-gen-files' run does)."""
    spec = importlib.util.spec_from_file_location(f"nkasylum_docs_gen_{name}", GEN / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen() -> Any:
    """The page generators by page name: ``gen.codebook``, ``gen.coverage``, ..."""

    class Pages:
        def __getattr__(self, name: str) -> ModuleType:
            module = _load(name)
            setattr(self, name, module)
            return module

    return Pages()


def _public(kind: type) -> list[str]:
    return [n for n in nk.__all__ if isinstance(getattr(nk, n), type) and issubclass(getattr(nk, n), kind)]


def test_every_generator_script_is_run_by_the_build_and_named_after_its_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    scripts = re.findall(r"^\s*- docs/gen/(\w+)\.py\s*$", config, re.MULTILINE)
    assert scripts[0] == "code_blocks" and scripts[-1] == "check_markers"   # code runs first, the check last
    on_disk = {p.stem for p in GEN.glob("*.py") if not p.name.startswith("_")}
    assert set(scripts) == on_disk
    for name in set(scripts) - {"code_blocks", "check_markers"}:
        source = (GEN / f"{name}.py").read_text(encoding="utf-8")
        (page,) = re.findall(r'^main\(__name__, "([\w/-]+\.md)", GENERATORS\)$', source, re.MULTILINE)
        assert Path(page).stem.replace("-", "_") == name, f"docs/gen/{name}.py fills {page}"


def test_every_marker_of_every_page_has_its_generator(gen: Any) -> None:
    for page in DOCS.rglob("*.md"):
        rel = page.relative_to(DOCS)
        names = {m["name"] for m in gen._common.MARKER.finditer(page.read_text(encoding="utf-8"))} - {"output"}
        if not names:
            continue
        module = getattr(gen, rel.stem.replace("-", "_"))
        assert names <= set(module.GENERATORS), (rel, names - set(module.GENERATORS))


def test_api_reference_shows_every_public_name(gen: Any) -> None:
    text = gen.reference.gen_api([])
    shown = set(re.findall(r"^::: nkasylum\.(\w+)$", text, re.MULTILINE))
    shown |= set(re.findall(r'^<h3 id="nkasylum\.(\w+)">', text, re.MULTILINE))
    assert shown == set(nk.__all__)
    assert set(_public(BaseException)) <= set(gen.reference.api_groups()["Exceptions"])


def test_codebook_has_a_table_for_every_enum_and_type() -> None:
    page = (DOCS / "codebook.md").read_text(encoding="utf-8")
    enums = set(re.findall(r"<!-- nkasylum:enum (\w+) -->", page))
    fields = set(re.findall(r"<!-- nkasylum:fields (\w+) -->", page))
    assert enums == set(_public(enum.Enum))
    attrs_types = {n for n in nk.__all__ if isinstance(getattr(nk, n), type) and attrs.has(getattr(nk, n))}
    assert attrs_types - {"KnowledgeBase", "Country", "SeriesPoint"} <= fields


@pytest.mark.parametrize("name", _public(enum.Enum))
def test_enum_tables_list_every_value_with_its_meaning(gen: Any, name: str) -> None:
    table = gen.codebook.gen_enum([name])
    for member in getattr(nk, name):
        assert f"| `{member.value}` | `{name}.{member.name}` |" in table
    rows = list(table.splitlines()[2:])
    assert len(rows) == len(getattr(nk, name))
    undocumented = [r for r in rows if r.split(" | ")[2] == "—"]
    assert undocumented == [], f"give these {name} members a docstring: {undocumented}"


def test_field_tables_follow_the_code(gen: Any) -> None:
    table = gen.codebook.gen_fields(["Case"])
    for f in attrs.fields(nk.Case):
        assert f"| `{f.name}` |" in table
    assert "| `people` | `Quantity` | required |" in table
    assert "—" not in table, "every field of Case is described in its docstring"


def test_a_pipe_in_a_type_is_shown_without_a_backslash(gen: Any) -> None:
    table = gen.codebook.gen_fields(["Source"])
    assert "| `url` | `str | None` |" in table
    assert "\\|" not in table.replace("\\| ", "")  # no escaped pipe inside a code span
    # Outside code a pipe would split the cell, so there it is escaped.
    assert gen._common.cell("a | b `c | d`") == "a \\| b `c | d`"


def test_coverage_lists_every_place_and_entry(gen: Any, kb: nk.KnowledgeBase) -> None:
    text = gen.coverage.gen_holdings([])
    for entry in (*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics):
        assert f"`{entry.id}`" in text, entry.id
        assert f'<span id="entry-{entry.id}"></span>' in text, entry.id
    for p in kb.all_policies:
        assert f"#place-{gen._common.label(p.country).lower()}" in text


def test_every_coverage_cell_links_to_the_entries_behind_it(gen: Any) -> None:
    figures = gen.coverage.current()
    table, cells = gen.coverage.gen_table([]), gen.coverage.gen_cells([])
    holdings = gen.coverage.gen_holdings([])
    targets = set(re.findall(r"\]\(#(cell-[\w-]+)\)", table))
    anchors = set(re.findall(r'<span id="(cell-[\w-]+)"></span>', cells))
    assert targets and targets <= anchors
    for c in figures.cells:
        for e in c.entries:
            assert f"[`{e}`](#entry-{e})" in cells and f'<span id="entry-{e}"></span>' in holdings, e
    rows = [r for r in table.splitlines() if r.startswith("| [")]
    assert len(rows) == len(figures.countries) == 17
    assert all(r.count(" | ") == len(figures.years) for r in rows)   # one cell per year


def test_coverage_figures_are_those_of_the_public_api(gen: Any) -> None:
    import datetime as dt

    f = gen.coverage.figures(years=[2002, 2009])
    cells = nk.coverage(years=[2002, 2009])
    assert f.cells == cells and f.documented == sum(c.documented for c in cells)
    assert f.any_route_years == tuple(y for y in (2002, 2009)
                                      if nk.can_resettle("KP", None, "KR", on=dt.date(y, 7, 1)))
    via_ru = [r for r in nk.routes("KP", "KR", on=dt.date(2009, 7, 1)) if nk.country("RU") in r.transits]
    assert (2009 in f.route_years["RU"]) == bool(via_ru)
    # "on any day of the year" holds what 1 July holds, and finds the 2006 Mongolia route,
    # documented on the day of the cable (2006-09-12) only
    every = gen.coverage.figures(years=[2006])
    assert set(every.route_years["MN"]) <= set(every.route_years_any_day["MN"]) == {2006}
    assert dt.date(2006, 9, 12) in gen.coverage.candidate_days(2006)
    via_mn = [r for r in nk.routes("KP", "KR", on=dt.date(2006, 9, 12)) if nk.country("MN") in r.transits]
    assert via_mn
    text = gen.coverage.gen_figures([])
    assert f"of {len(gen.coverage.current().cells)} country-years" in text
    assert gen.coverage._years_text([2004, 2005, 2006, 2009]) == "2004–2006, 2009"


def test_coverage_heat_map_has_a_cell_per_country_and_year(gen: Any) -> None:
    pytest.importorskip("matplotlib", reason="the docs draw their charts with matplotlib")
    cells = nk.coverage(["CN", "KR"], [2000, 2001, 2002])
    svg = gen._common.svg(gen.coverage.coverage_figure(cells))
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert "China (CN)" in svg and "South Korea (KR)" in svg and "rule in force" in svg
    assert svg == gen._common.svg(gen.coverage.coverage_figure(cells))   # the same bytes every build


def test_sources_page_lists_every_source(gen: Any, kb: nk.KnowledgeBase) -> None:
    text = gen.sources.gen_sources([])
    for s in kb.sources():
        assert f"### {s.id} {{ #{s.id} }}" in text
        assert s.title in text


def test_bibtex_names_the_installed_version(gen: Any) -> None:
    text = gen.sources.gen_bibtex([])
    assert f"version  = {{{nk.__version__}}}" in text
    assert text.startswith("```bibtex\n@software{")


@pytest.mark.slow  # draws every chart of the page; CI runs it
def test_the_charts_page_calls_the_librarys_charts(gen: Any) -> None:
    pytest.importorskip("matplotlib", reason="the docs draw their charts with matplotlib")
    charts = gen.charts
    assert "No yearly figures yet" in charts.gen_series(["arrivals-in-south-korea", "MN"])
    with pytest.raises(nk.ArgumentValueError, match="did you mean"):  # a misspelt marker fails the build
        charts.gen_series(["arrivals-in-south-kroea", "KR"])
    real = charts.gen_series(["arrivals-in-south-korea", "KR"])
    assert "![Bar chart: arrivals-in-south-korea" in real and "img/charts/arrivals-in-south-korea-kr.svg" in real
    assert real.count('nk.series("arrivals-in-south-korea", country="KR")') == 1
    assert 'nk.plot_series("arrivals-in-south-korea", country="KR")' in real
    assert "(sources.md#" in real                                       # each point names its sources
    assert "point(s)" not in real and "year(s)" not in real
    others = charts.gen_other_series(["arrivals-in-south-korea:KR"])
    assert others.count("![") == 1 and "nk.plot_series_grid()" in others   # small multiples: one figure
    assert "nk.plot_policy_timeline(\"CN\")" in charts.gen_policy_timelines(["CN"])
    assert "nk.plot_coverage()" in charts.gen_coverage_map([])


def test_transit_maps_are_mermaid(gen: Any) -> None:
    text = gen.charts.gen_transit_maps(["2009-12-23", "1900-01-01"])
    assert "```mermaid" in text and "-->|unhcr-office|" in text
    assert "No passage is documented on 1900-01-01." in text


@pytest.mark.slow  # expands every generated page
def test_every_page_expands_without_warnings(gen: Any, caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("matplotlib", reason="the docs draw their charts with matplotlib")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nkasylum"):
        for page in DOCS.rglob("*.md"):
            rel = page.relative_to(DOCS)
            text = page.read_text(encoding="utf-8")
            if not gen.check_markers.unfilled(text.replace("<!-- nkasylum:output", "")):
                continue
            module = getattr(gen, rel.stem.replace("-", "_"))
            done = gen._common.expand_markers(text, str(rel), module.GENERATORS)
            assert gen.check_markers.unfilled(done.replace("<!-- nkasylum:output", "")) == [], rel
    assert caplog.records == []


def test_an_unknown_marker_is_a_warning(gen: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nkasylum"):
        done = gen._common.expand_markers("<!-- nkasylum:nosuch x -->\n", "t.md", {"api": lambda a: ""})
    assert "nkasylum:nosuch" in done
    assert len(caplog.records) == 1 and "unknown marker nkasylum:nosuch" in caplog.records[0].getMessage()


def test_the_build_catches_a_stale_output(gen: Any, caplog: pytest.LogCaptureFixture) -> None:
    page = "```python\nprint(1 + 1)\n```\n\n```text\n3\n```\n\n```python\nprint('x')\n```\n<!-- nkasylum:output -->\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nkasylum"):
        done = gen.code_blocks.execute_page(page, "test.md")
    assert len(caplog.records) == 1 and "printed something else" in caplog.records[0].getMessage()
    assert '```text title="Output"\nx\n```' in done


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = set(re.findall(r":\s*([\w/-]+\.md)\s*$", config, re.MULTILINE))
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert pages == nav


def test_the_codebook_shows_the_panel_columns_from_the_code(gen: Any) -> None:
    from nkasylum.io.panel import PANEL_COLUMNS, panel_codebook

    assert "<!-- nkasylum:panel-columns -->" in (ROOT / "docs" / "codebook.md").read_text("utf-8")
    text = gen.codebook.GENERATORS["panel-columns"]([])
    assert text == panel_codebook() and all(f"`{n}`" in text for n, _, _ in PANEL_COLUMNS)
