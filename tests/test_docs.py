"""The docs cannot drift: every Python block in docs/*.md and README.md runs and prints what
its output block shows (so does every shell block that shows an output), and every generated
page covers everything the code and data hold.

The extractor here is deliberately independent of docs/hooks.py (which does the same at build
time), so a bug in one does not hide a stale page from the other.
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

ROOT = Path(__file__).resolve().parent.parent
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
@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nkasylum_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _public(kind: type) -> list[str]:
    return [n for n in nk.__all__ if isinstance(getattr(nk, n), type) and issubclass(getattr(nk, n), kind)]


def test_api_reference_shows_every_public_name(hooks: ModuleType) -> None:
    text = hooks.gen_api([])
    shown = set(re.findall(r"^::: nkasylum\.(\w+)$", text, re.MULTILINE))
    shown |= set(re.findall(r"^### `nkasylum\.(\w+)`", text, re.MULTILINE))
    assert shown == set(nk.__all__)
    assert set(_public(BaseException)) <= set(hooks.api_groups()["Exceptions"])


def test_codebook_has_a_table_for_every_enum_and_type(hooks: ModuleType) -> None:
    page = (DOCS / "codebook.md").read_text(encoding="utf-8")
    enums = set(re.findall(r"<!-- nkasylum:enum (\w+) -->", page))
    fields = set(re.findall(r"<!-- nkasylum:fields (\w+) -->", page))
    assert enums == set(_public(enum.Enum))
    attrs_types = {n for n in nk.__all__ if isinstance(getattr(nk, n), type) and attrs.has(getattr(nk, n))}
    assert attrs_types - {"KnowledgeBase", "Country", "SeriesPoint"} <= fields


@pytest.mark.parametrize("name", _public(enum.Enum))
def test_enum_tables_list_every_value_with_its_meaning(hooks: ModuleType, name: str) -> None:
    table = hooks.gen_enum([name])
    for member in getattr(nk, name):
        assert f"| `{member.value}` | `{name}.{member.name}` |" in table
    rows = list(table.splitlines()[2:])
    assert len(rows) == len(getattr(nk, name))
    undocumented = [r for r in rows if r.split(" | ")[2] == "—"]
    assert undocumented == [], f"give these {name} members a docstring: {undocumented}"


def test_field_tables_follow_the_code(hooks: ModuleType) -> None:
    table = hooks.gen_fields(["Case"])
    for f in attrs.fields(nk.Case):
        assert f"| `{f.name}` |" in table
    assert "| `people` | `Quantity` | required |" in table
    assert "—" not in table, "every field of Case is described in its docstring"


def test_coverage_lists_every_place_and_entry(hooks: ModuleType, kb: nk.KnowledgeBase) -> None:
    text = hooks.gen_coverage([])
    for entry in (*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics):
        assert f"`{entry.id}`" in text, entry.id
    for p in kb.all_policies:
        assert f"#place-{hooks._label(p.country).lower()}" in text


def test_sources_page_lists_every_source(hooks: ModuleType, kb: nk.KnowledgeBase) -> None:
    text = hooks.gen_sources([])
    for s in kb.sources():
        assert f"### {s.id} {{ #{s.id} }}" in text
        assert s.title in text


def test_bibtex_names_the_installed_version(hooks: ModuleType) -> None:
    text = hooks.gen_bibtex([])
    assert f"version  = {{{nk.__version__}}}" in text
    assert text.startswith("```bibtex\n@software{")


def test_series_chart_copes_with_no_one_or_many_points(hooks: ModuleType) -> None:
    assert "No yearly figures yet" in hooks.gen_series(["arrivals-in-south-korea", "MN"])
    with pytest.raises(nk.ArgumentValueError, match="did you mean"):  # a misspelt marker fails the build
        hooks.gen_series(["arrivals-in-south-kroea", "KR"])
    ev = (nk.Evidence("voa-2002-09-11", "at least 80 North Koreans", "test"),)
    one = (nk.SeriesPoint(2002, nk.Quantity(80, nk.Qualifier.AT_LEAST), "s1", ev),)
    many = (*one, nk.SeriesPoint(2005, nk.Quantity(100), "s2", ev),
            nk.SeriesPoint(2005, nk.Quantity(120), "s3", ev, ("c1",)))
    for points in (one, many):
        svg = hooks.series_svg(points, "test")
        assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert hooks.series_svg(many, "t").count("<rect x=") == 3   # 2005 twice: both versions
    assert "2003" in hooks.series_svg(many, "t")                # the gap keeps its slot
    real = hooks.gen_series(["arrivals-in-south-korea", "KR"])
    assert "<svg" in real or "No yearly figures yet" in real


def test_transit_maps_are_mermaid(hooks: ModuleType) -> None:
    text = hooks.gen_transit_maps(["2009-12-23", "1900-01-01"])
    assert "```mermaid" in text and "-->|unhcr-office|" in text
    assert "No passage is documented on 1900-01-01." in text


def test_every_page_expands_without_warnings(hooks: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nkasylum"):
        for page in DOCS.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            done = hooks.expand_markers(text, page.name)
            assert "<!-- nkasylum:" not in done.replace("<!-- nkasylum:output", ""), page.name
    assert caplog.records == []


def test_the_hook_catches_a_stale_output(hooks: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    page = "```python\nprint(1 + 1)\n```\n\n```text\n3\n```\n\n```python\nprint('x')\n```\n<!-- nkasylum:output -->\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nkasylum"):
        done = hooks.execute_page(page, "test.md")
    assert len(caplog.records) == 1 and "printed something else" in caplog.records[0].getMessage()
    assert '```text title="Output"\nx\n```' in done


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = set(re.findall(r":\s*([\w/-]+\.md)\s*$", config, re.MULTILINE))
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert pages <= nav
    assert nav - pages <= {"performance.md"}   # generated as a placeholder until it is written
