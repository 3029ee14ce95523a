"""The Sources and citation page (docs/sources.md): how to cite nkasylum, and every source.

Markers: ``include FILE`` (a repository file as a code block, e.g. CITATION.cff),
``bibtex`` (a BibTeX entry from CITATION.cff and the installed version), ``sources`` (every
source with its bibliographic data and the entries that cite it; each has the anchor
``#SOURCE-ID`` that other pages link to).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import ROOT, code, kb, main, table


def cited_by(knowledge: nk.KnowledgeBase) -> dict[str, list[str]]:
    """For each source id, the ids of the entries citing it, in the knowledge base's order."""
    cited: dict[str, list[str]] = {}
    for items in (knowledge.all_policies, knowledge.all_passages, knowledge.all_cases,
                  knowledge.all_statistics, knowledge.all_conflicts):
        for entry in items:
            for ev in getattr(entry, "evidence", ()):
                ids = cited.setdefault(ev.source, [])
                if entry.id not in ids:
                    ids.append(entry.id)
    return cited


def gen_sources(args: list[str]) -> str:
    """Every source with its bibliographic data and what cites it."""
    knowledge = kb()
    cited = cited_by(knowledge)
    rows = [[f"[`{s.id}`](#{s.id})", s.publisher or "not named", s.published or "undated", s.kind.value,
             len(cited.get(s.id, []))] for s in knowledge.all_sources]
    out = [f"{len(knowledge.all_sources)} sources.", "",
           table(["id", "publisher", "published", "kind", "entries citing it"], rows)]
    for s in knowledge.all_sources:
        out += ["", f"### {s.id} {{ #{s.id} }}", ""]
        fields = [("Title", s.title), ("Publisher", s.publisher or "not named in the document"),
                  ("Original publisher", s.original_publisher), ("Author", s.author),
                  ("Published", s.published or "undated"), ("Kind", s.kind.value),
                  ("Language", s.language), ("Address", f"<{s.url}>" if s.url else None),
                  ("Document", code(s.document)), ("How it was dated and attributed", s.note)]
        out += [f"- **{k}:** {v}" for k, v in fields if v]
        ids = cited.get(s.id, [])
        out.append(f"- **Cited by:** {', '.join(code(i) for i in ids) if ids else 'no entry yet'}")
    return "\n".join(out)


def citation() -> dict[str, Any]:
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
    cff = citation()
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


GENERATORS = {"bibtex": gen_bibtex, "include": gen_include, "sources": gen_sources}

main(__name__, "sources.md", GENERATORS)
