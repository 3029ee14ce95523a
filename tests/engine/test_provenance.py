"""The data version: what it identifies, and that every export carries it."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import nkasylum as nk
from nkasylum.engine.provenance import export_metadata

BUNDLED = Path(nk.__file__).parent / "data"


@pytest.fixture(scope="module")
def kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


def test_the_bundled_data_version_is_a_fingerprint_and_the_newest_report(kb: nk.KnowledgeBase) -> None:
    v = nk.data_version
    assert v == kb.data_version and isinstance(v, nk.DataVersion)
    assert len(v.fingerprint) == 8 and int(v.fingerprint, 16) >= 0
    cited = {e.source for group in (kb.all_policies, kb.all_passages, kb.all_cases, kb.all_statistics,
                                    kb.all_conflicts) for entry in group for e in entry.evidence}
    dated = [kb.source(s).published for s in cited if kb.source(s).published is not None]
    assert v.newest_evidence is not None and v.newest_evidence in dated
    assert all(w.start <= (v.newest_evidence.upper or v.newest_evidence.start) for w in dated)
    assert str(v) == f"{v.fingerprint} (evidence to {v.newest_evidence})"


def test_the_same_content_has_the_same_version_wherever_it_comes_from(kb: nk.KnowledgeBase) -> None:
    from_folder = nk.load_knowledge_base(BUNDLED)  # the TOML files, not the compiled bundle
    from_text = nk.from_json(nk.to_json(kb), nk.KnowledgeBase)
    unpickled = pickle.loads(pickle.dumps(kb))
    reordered = nk.KnowledgeBase(all_sources=tuple(reversed(kb.all_sources)), all_policies=kb.all_policies,
                                 all_passages=kb.all_passages[::-1], all_cases=kb.all_cases,
                                 all_statistics=kb.all_statistics, all_conflicts=kb.all_conflicts)
    for other in (from_folder, from_text, unpickled, reordered):
        assert other.data_version == kb.data_version


def test_a_scenario_has_its_own_version(kb: nk.KnowledgeBase) -> None:
    policy = nk.policy("CN", on=2002)
    assert policy is not None
    changed = kb.with_policy(attrs.evolve(policy, id="cn-scenario-admits", summary="A scenario."))
    smaller = kb.without(kb.all_cases[0].id)
    versions = {kb.data_version.fingerprint, changed.data_version.fingerprint, smaller.data_version.fingerprint}
    assert len(versions) == 3
    assert kb.data_version == nk.data_version  # the bundled one is untouched


def test_a_hand_built_knowledge_base_is_versioned_by_its_own_content() -> None:
    source = nk.Source(id="s-1", title="A report", document="seeds/x.md", kind=nk.SourceKind.NEWS_REPORT,
                       published=nk.When.parse("2011-03"))
    tiny = nk.KnowledgeBase(all_sources=(source,))
    assert tiny.data_version.newest_evidence is None  # an uncited source is no evidence
    again = nk.KnowledgeBase(all_sources=(source,))
    assert tiny.data_version == again.data_version != nk.data_version
    renamed = nk.KnowledgeBase(all_sources=(attrs.evolve(source, title="A report."),))
    assert renamed.data_version != tiny.data_version


def test_a_data_version_refuses_what_is_not_a_fingerprint() -> None:
    with pytest.raises(nk.DataError, match="eight lower-case hexadecimal"):
        nk.DataVersion("3F9A1C2E")
    with pytest.raises(nk.ArgumentTypeError, match="newest_evidence"):
        nk.DataVersion("3f9a1c2e", "2025-12-31")  # type: ignore[arg-type]
    assert str(nk.DataVersion("3f9a1c2e")) == "3f9a1c2e (evidence to an undated source)"


def test_knowledge_base_json_carries_the_version_and_still_reads_back(kb: nk.KnowledgeBase) -> None:
    text = nk.to_json(kb)
    data = json.loads(text)
    assert data["data_version"] == {"fingerprint": kb.data_version.fingerprint,
                                    "newest_evidence": str(kb.data_version.newest_evidence)}
    assert nk.from_json(text, nk.KnowledgeBase) == kb
    data["data_version"]["fingerprint"] = "00000000"  # a stale copy is recomputed, never trusted
    assert nk.from_json(json.dumps(data), nk.KnowledgeBase).data_version == kb.data_version
    assert "data_version" in nk.json_schema(nk.KnowledgeBase)["$defs"]["KnowledgeBase"]["properties"]


def test_frames_and_csv_carry_the_metadata(kb: nk.KnowledgeBase, tmp_path: Path) -> None:
    meta = export_metadata(kb)
    assert meta == {"nkasylum": nk.__version__, "data_version": str(kb.data_version),
                    "data_fingerprint": kb.data_version.fingerprint,
                    "newest_evidence": str(kb.data_version.newest_evidence)}
    from nkasylum.io.interop import write_csv

    written = write_csv(tmp_path, kb)
    assert written[-1].name == "meta.json"
    assert json.loads(written[-1].read_text(encoding="utf-8")) == meta
    pytest.importorskip("pandas")
    frames = nk.to_frames(kb)
    assert all(frame.attrs == meta for frame in frames.values())
    assert nk.panel(years=[2010], countries=["RU"]).attrs == meta
    assert nk.series_frame("arrivals-in-south-korea").attrs == meta
    from nkasylum.io.panel import write_panel_csv

    write_panel_csv(tmp_path / "p.csv", years=[2010], countries=["RU"], kb=kb)
    assert json.loads((tmp_path / "p.meta.json").read_text(encoding="utf-8")) == meta


def test_importing_nkasylum_computes_no_version() -> None:
    code = ("import sys, nkasylum, nkasylum.engine.knowledge as k; "
            "print(k._default is None, 'cattrs' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]
