"""The networkx bridge: the passages documented on a day as a graph (the networkx extra)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.periods import resolve_on
from nkasylum.core.places import place_code
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.io.interop import _import, _knowledge_base

__all__ = ["transit_graph"]


def transit_graph(on: dt.date | None = None, *, kb: KnowledgeBase | None = None) -> Any:
    """The passages documented on ``on`` as a ``networkx.MultiDiGraph`` (needs the networkx extra).

    Nodes are places: ISO alpha-2 codes for countries and ids for regions (such as
    ``"third-country"``), with attributes ``name``, ``kind`` (``"country"`` or
    ``"region"``) and, for countries, ``alpha_3``. There is one edge per passage that
    applies on ``on``, keyed by the passage id, with attributes ``passage``, ``channel``
    (its value, e.g. ``"unhcr-office"``), ``basis``, ``valid_from`` and ``valid_until``
    (:class:`~nkasylum.When` or ``None``), ``period`` (text), ``via_third_country``, ``actor``
    and ``sources`` (the ids of the sources behind it). ``graph.graph["on"]`` holds the
    date. Several passages between the same two places stay separate edges.

    Args:
        on: the date (default: today).
        kb: the knowledge base (default: the bundled one).

    Raises:
        MissingExtraError: networkx is not installed.
        ArgumentTypeError: ``on`` is not a date, or ``kb`` not a KnowledgeBase.

    Example:
        >>> import datetime as dt, networkx as nx, nkasylum as nk
        >>> g = nk.transit_graph(on=dt.date(2009, 12, 23))
        >>> g.nodes["RU"]["name"], g.has_edge("RU", "KR")
        ('Russia', True)
        >>> [d["channel"] for _, _, d in g.edges("RU", data=True)]
        ['unhcr-office']
        >>> nx.has_path(g, "KP", "KR")
        True
    """
    day = resolve_on(on)
    kb = _knowledge_base(kb)
    nx = _import("networkx", "nk.transit_graph")
    graph = nx.MultiDiGraph(on=day)
    for p in kb.passages(on=day):
        for stop in (p.origin, p.dest):
            code = place_code(stop)
            if code not in graph:
                attributes: dict[str, Any] = {"name": stop.name,
                                              "kind": "country" if isinstance(stop, Country) else "region"}
                if isinstance(stop, Country):
                    attributes["alpha_3"] = stop.alpha_3
                graph.add_node(code, **attributes)
        graph.add_edge(
            place_code(p.origin), place_code(p.dest), key=p.id,
            passage=p.id, channel=p.channel.value, basis=p.basis.value,
            valid_from=p.valid_from, valid_until=p.valid_until, period=p.period,
            via_third_country=p.via_third_country, actor=p.actor,
            sources=tuple(dict.fromkeys(e.source for e in p.evidence)),
        )
    return graph
