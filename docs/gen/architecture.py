"""The Architecture page (docs/architecture.md): the layers and every module, from the code.

Marker: ``architecture`` (the layers, from the import-linter contract in pyproject.toml,
top first, and one line per module: the first paragraph of its docstring, and its length).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import ROOT, code, main, rst_to_md, table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE = ROOT / "src" / "nkasylum"
LAYER_TITLES = {"core": "foundations", "model": "value types", "store": "storage", "engine": "reasoning",
                "io": "presentation and bridges"}


def importlinter() -> dict[str, Any]:
    config: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(config["tool"]["importlinter"])


def _first_line(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return " ".join(doc.split("\n\n")[0].split())


def module_rows(paths: Iterable[Path]) -> list[list[str]]:
    rows = []
    for path in sorted(paths, key=lambda p: (p.name != "__init__.py", p.name)):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        lines = len(path.read_text(encoding="utf-8").splitlines())
        rows.append([code(name), rst_to_md(_first_line(path)), str(lines)])
    return rows


def gen_architecture(args: list[str]) -> str:
    """The layers, top first, and one line per module."""
    config = importlinter()
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    out = ["### The facade and the entry points", "",
           table(["module", "what it holds", "lines"], module_rows(PACKAGE.glob("*.py"))), ""]
    for number, layer in zip(range(len(layers), 0, -1), layers, strict=True):
        short = layer.removeprefix("nkasylum.")
        out += [f"### {number}. {LAYER_TITLES.get(short, short)}: `{short}/`", "",
                table(["module", "what it holds", "lines"], module_rows((PACKAGE / short).glob("*.py"))), ""]
    out += ["### The contracts `lint-imports` keeps", ""]
    out += [f"- **{c['name']}** (`{c['type']}`)" for c in config["contracts"]]
    return "\n".join(out)


GENERATORS = {"architecture": gen_architecture}

main(__name__, "architecture.md", GENERATORS)
