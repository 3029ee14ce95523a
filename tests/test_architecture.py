"""The package is one stack of layers with no import cycle (docs/architecture.md).

``lint-imports`` (in CI) checks the layer contract of ``pyproject.toml``; this module checks
the rule itself from the source text, so that it is tested and not only linted: the graph
of imports between nkasylum's modules, counting imports inside functions and leaving out
those under ``if TYPE_CHECKING:``, has no cycle; every import inside a function says why it
is lazy; and every module sits in a layer that imports only from the layers below.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "nkasylum"
LAYERS = ("core", "model", "store", "engine", "io")
"""Bottom first, as in ``[tool.importlinter]`` of pyproject.toml."""
ENTRY_POINTS = {"nkasylum", "nkasylum.__main__", "nkasylum._compile", "nkasylum._schemas"}
"""The facade and the entry points, above every layer."""
VERSION = "nkasylum._version"
"""Static text for packaging (hatch reads it), importing nothing: usable from any layer."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str) -> list[tuple[str, int, bool]]:
    """``(imported module, line, inside a function)`` for every import of ``name`` that runs."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child, in_function)
            return  # only for annotations: never imported at run time
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno, in_function) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                # "from nkasylum.engine import queries" imports the module nkasylum.engine.queries
                full = f"{base}.{alias.name}"
                found.append((full if full in MODULES else base, node.lineno, in_function))
        inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return found


def _graph() -> dict[str, set[str]]:
    return {name: {m for m, _, _ in _imports(name) if m in MODULES and m != name} for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _layer(name: str) -> int:
    if name == VERSION:
        return 0
    if name in ENTRY_POINTS:
        return len(LAYERS)
    return LAYERS.index(name.split(".")[1])


def test_the_module_graph_has_no_cycle() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    # The check itself, on a made-up graph: a value type importing the knowledge base.
    graph = {"model.cases": {"engine.knowledge"}, "engine.knowledge": {"engine.index"},
             "engine.index": {"model.cases"}, "core.text": set()}
    assert _cycles(graph) == [["engine.index", "engine.knowledge", "model.cases"]]


def test_every_module_sits_in_a_layer() -> None:
    outside = [name for name in MODULES if name not in {*ENTRY_POINTS, VERSION} and
               (name.count(".") < 1 or name.split(".")[1] not in LAYERS)]
    assert outside == [], "put each module in core/, model/, store/, engine/ or io/ (docs/architecture.md)"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_from_its_layer_and_below(name: str) -> None:
    upward = [f"{target} (line {line})" for target, line, _ in _imports(name)
              if target in MODULES and target != name and _layer(target) > _layer(name)]
    assert upward == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_an_import_inside_a_function_says_why_it_is_lazy(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").splitlines()
    unexplained = [f"line {line}: {lines[line - 1].strip()}" for _, line, inside in _imports(name)
                   if inside and "# lazy: " not in lines[line - 1]]
    assert unexplained == [], "a function-level import is for a costly or optional dependency: say which"


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"nkasylum"}))
def test_no_function_level_import_of_the_package_itself(name: str) -> None:
    # Lazy imports are for costly or optional third-party modules; one of nkasylum's own
    # modules imported inside a function would be a cycle being hidden. The facade is the
    # one exception: it loads the bridges (io/) on first use, and since no layer imports
    # the facade, that cannot hide a cycle.
    own = [f"line {line}: {target}" for target, line, inside in _imports(name)
           if inside and target.split(".")[0] == "nkasylum"]
    assert own == []


def test_the_facade_loads_only_the_bridges_lazily() -> None:
    import nkasylum

    lazy = {target for target, _, inside in _imports("nkasylum") if inside and target.startswith("nkasylum")}
    assert lazy == set()  # no direct function-level import: the table below is the only way
    bridges = {f"nkasylum.io.{module}" for module in nkasylum._BRIDGES.values()}
    assert bridges and bridges <= set(MODULES)


def test_every_module_names_its_one_concept() -> None:
    """CONTRIBUTING.md's rule replaces a line cap: a module is one concept, named after it.

    Its docstring opens with that concept in one line, and no two modules open alike (two
    modules saying the same thing are one concept split by size)."""
    firsts: dict[str, str] = {}
    for name, path in MODULES.items():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc, f"{name} has no docstring naming its concept"
        firsts[name] = doc.strip().splitlines()[0]
    same = {line for line in firsts.values() if list(firsts.values()).count(line) > 1}
    assert same == set()


def test_the_concept_rule_is_written_down() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "A module is one concept, named after it." in text
    assert "There is no line cap." in text


def test_the_layers_are_the_import_linter_contract() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    assert layers == [f"nkasylum.{layer}" for layer in reversed(LAYERS)]


def test_the_architecture_page_names_only_modules_that_exist() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(nkasylum(?:\.[a-z_]+)+)", page))
    missing = sorted(n for n in named if n not in MODULES and n.rpartition(".")[0] not in MODULES)
    assert missing == []
    assert "<!-- nkasylum:architecture -->" in page  # the module tables are generated at build time


def test_the_facade_asks_the_domain_not_the_derived_structures() -> None:
    # engine/fast/ answers only when the domain (engine/knowledge.py) lets it: the facade
    # never reaches past the domain to the tables compiled with the data.
    derived = [f"{target} (line {line})" for target, line, _ in _imports("nkasylum")
               if target == "nkasylum.engine.fast" or target.startswith("nkasylum.engine.fast.")]
    assert derived == []
