"""The data version of a knowledge base, and the metadata every export carries.

Computed on first request only (it walks every entry and writes the knowledge base's
JSON, a few hundred milliseconds for the bundled data), never at import or load; the
knowledge base keeps the result.
"""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING

from nkasylum._version import __version__
from nkasylum.core.when import When
from nkasylum.model.provenance import DataVersion
from nkasylum.store.convert import unstructure

if TYPE_CHECKING:  # only for annotations: the knowledge base imports this module
    from nkasylum.engine.knowledge import KnowledgeBase

__all__ = ["compute_data_version", "export_metadata"]


def compute_data_version(kb: KnowledgeBase) -> DataVersion:
    """The :class:`DataVersion` of ``kb``: computed from its content alone.

    The fingerprint is the CRC-32 of ``kb``'s JSON (the form ``nk.to_json`` writes, keys
    sorted, no spaces), so it does not depend on where the entries came from (compiled
    bundle, TOML files, JSON, code) nor on their order. Use
    :attr:`KnowledgeBase.data_version`, which computes it once.
    """
    text = json.dumps(unstructure(kb), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    published = {s.id: s.published for s in kb.all_sources}
    dated: list[When] = []
    for group in (kb.all_policies, kb.all_passages, kb.all_cases, kb.all_statistics, kb.all_conflicts):
        for entry in group:
            dated.extend(w for e in entry.evidence if (w := published.get(e.source)) is not None)
    newest = max(dated, key=lambda w: (w.upper or w.start, w.start, w.text), default=None)
    return DataVersion(f"{zlib.crc32(text.encode('utf-8')):08x}", newest)


def export_metadata(kb: KnowledgeBase) -> dict[str, str]:
    """What every export of ``kb`` records about where it came from, as text.

    The keys: ``nkasylum`` (the library version), ``data_version`` (``str`` of the
    :class:`DataVersion`), ``data_fingerprint`` and ``newest_evidence`` (EDTF text, empty
    when no cited source is dated). Written into ``DataFrame.attrs`` by ``nk.to_frames``,
    into ``meta.json`` beside the CSV files, and into exported knowledge-base JSON.

    Example:
        >>> import nkasylum as nk
        >>> from nkasylum.engine.provenance import export_metadata
        >>> meta = export_metadata(nk.default_knowledge_base())
        >>> sorted(meta), meta["nkasylum"] == nk.__version__
        (['data_fingerprint', 'data_version', 'newest_evidence', 'nkasylum'], True)
    """
    version = kb.data_version
    return {"nkasylum": __version__, "data_version": str(version), "data_fingerprint": version.fingerprint,
            "newest_evidence": "" if version.newest_evidence is None else str(version.newest_evidence)}
