"""Smoke test of an installed nkasylum (a wheel in a fresh environment), run by .ci/run.

Usage: python -W error tests/smoke.py [SOURCE_TREE]

Run it from outside the source tree, so that ``import nkasylum`` finds the installed
package and not ``src/``. With SOURCE_TREE, every file under ``src/nkasylum/`` (data files,
``py.typed``) must also be in the installed package: a data file left out of the wheel fails
here, not in a user's notebook. Exits non-zero on the first failure. Not collected by
pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import datetime as dt
import sys
from importlib import metadata, resources
from pathlib import Path

import nkasylum as nk


def check(condition: object, message: str) -> None:
    if not condition:
        raise SystemExit(f"smoke test failed: {message}")


def installed_files() -> set[str]:
    root = resources.files("nkasylum")
    found: set[str] = set()
    stack = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        for child in node.iterdir():
            name = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append((child, f"{name}/"))
            elif not name.endswith((".pyc", ".pyo")):
                found.add(name)
    return found


def main(argv: list[str]) -> None:
    here = Path(nk.__file__).resolve()
    if len(argv) > 1:
        tree = Path(argv[1]).resolve()
        check(tree not in here.parents, f"nkasylum was imported from the source tree ({here})")
        package = tree / "src" / "nkasylum"
        wanted = {p.relative_to(package).as_posix() for p in package.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"}}
        missing = sorted(wanted - installed_files())
        check(not missing, f"files missing from the installed package: {missing}")
    check("py.typed" in installed_files(), "py.typed is not installed")
    check(metadata.version("nkasylum") == nk.__version__,
          f"metadata version {metadata.version('nkasylum')} != nk.__version__ {nk.__version__}")
    for heavy in ("pycountry", "cattrs", "pandas", "networkx"):
        check(heavy not in sys.modules, f"import nkasylum imported {heavy}")

    kb = nk.default_knowledge_base()
    check(kb.all_sources and kb.all_policies and kb.all_passages and kb.all_cases,
          "the bundled knowledge base is empty")
    check(nk.load_knowledge_base() == kb, "loading the data files again gives another base")
    check(nk.country("DPRK") == nk.country("KP") == nk.country("PRK") == nk.country("408"),
          "country codes do not resolve")
    a = nk.can_resettle("North Korea", "China", "South Korea", on=dt.date(2002, 9, 11))
    check(a.verdict is nk.Verdict.DOCUMENTED and str(a.route) == "KP > CN > third country > KR",
          f"the README's first answer changed: {a.verdict}, {a.route}")
    check(nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)),
          "KP > RU > KR in December 2009 is no longer documented")
    # Best first; with the extended data a way through China and Thailand is documented too.
    check([str(r) for r in nk.routes("KP", "KR", on=dt.date(2009, 12, 23))][:1] == ["KP > RU > KR"],
          "routes() on 2009-12-23 changed")
    blocked = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    check(blocked.verdict is nk.Verdict.BLOCKED and blocked.last_known is not None
          and blocked.last_known.on == dt.date(2023, 8, 16),
          f"the time model's blocked example changed: {blocked.verdict}, last known "
          f"{blocked.last_known.on if blocked.last_known else None}")
    check(nk.from_json(nk.to_json(blocked), nk.Assessment) == blocked, "an assessment's JSON round trip failed")
    # The quoted words ship with the data: the installed package alone (no collection
    # documents beside it) shows the sentence behind the README's first answer, and every
    # anchor of every entry stands in its source's shipped quotes.
    check(a.evidence, "the README's first answer cites no evidence")
    cited = a.evidence[0]
    quote = kb.source(cited.source).quote_for(cited.anchor)
    check(quote is not None and len(quote) > len(cited.anchor),
          f"no quoted words behind the anchor {cited.anchor!r} of {cited.source}")
    unquoted = [(entry.id, ev.source, ev.anchor)
                for entry in (*kb.all_policies, *kb.all_passages, *kb.all_cases, *kb.all_statistics)
                for ev in entry.evidence if kb.source(ev.source).quote_for(ev.anchor) is None]
    check(not unquoted, f"anchors not in their source's shipped quotes: {unquoted[:3]}")
    print(f"the words behind the README's first answer ({cited.source}): {quote}")
    check(nk.to_json(nk.When.parse("2004")) == '"2004"', "a year is not written as its EDTF text")
    check(nk.from_json(nk.to_json(kb), nk.KnowledgeBase) == kb, "the JSON round trip failed")
    try:
        nk.country("Atlantis")
    except nk.UnknownCountryError:
        pass
    else:
        check(False, "an unknown country did not raise UnknownCountryError")
    print(f"smoke test passed: nkasylum {nk.__version__} from {here.parent}, "
          f"{len(kb.all_sources)} sources, {len(kb.all_cases)} cases")


if __name__ == "__main__":
    main(sys.argv)
