"""Researchers pin the library: a public name added after 0.1 says in which version it came."""

from __future__ import annotations

import inspect

import nkasylum as nk

PUBLIC_IN_0_1 = frozenset({
    "AmbiguousCountryError", "ArgumentTypeError", "Assessment", "Backing", "Basis", "Case",
    "Channel", "Classification", "Conflict", "Country", "CoverageCell", "DataError", "DataVersion",
    "DatePrecision", "Evidence", "INTERNATIONAL", "InvalidRouteError", "KnowledgeBase", "Leg",
    "MissingExtraError", "NKAsylumError", "OutOfScopeError", "Outcome", "Passage", "Policy",
    "PolicyAnswer", "Qualifier", "Quantity", "REGIONS", "Region", "Route", "SOUTHEAST_ASIA",
    "SeriesPoint", "Source", "SourceKind", "Statistic", "Status", "Support", "THIRD_COUNTRY",
    "Unit", "UnknownCountryError", "UnknownEntryError", "UnknownSourceError", "Urging", "Verdict",
    "When", "__version__", "all_countries", "assess_many", "can_resettle", "case", "cases",
    "conflicts", "converter", "country", "coverage", "data_version", "default_knowledge_base",
    "from_json", "get_converter", "iter_routes", "json_schema", "load_knowledge_base", "passages",
    "place", "policies", "policy", "policy_answer", "policy_timeline", "routes", "series",
    "source", "sources", "statistics", "to_frames", "to_json", "transit_graph", "transit_map",
})
"""``nkasylum.__all__`` as released in 0.1.0."""


def test_every_public_name_added_after_0_1_says_when() -> None:
    added = sorted(set(nk.__all__) - PUBLIC_IN_0_1)
    assert added  # the list above is the released one, not today's
    silent = [name for name in added if "added in version" not in (inspect.getdoc(getattr(nk, name)) or "").lower()]
    assert silent == []


def test_no_public_name_of_0_1_went_away_unannounced() -> None:
    assert sorted(PUBLIC_IN_0_1 - set(nk.__all__)) == []


def test_renamed_methods_keep_their_old_name_with_a_note() -> None:
    assert "renamed from ``policies_of``" in (inspect.getdoc(nk.KnowledgeBase.policies) or "")
