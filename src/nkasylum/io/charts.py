"""Mermaid charts of a whole knowledge base: the transit map of the passages documented on a date.

Charts of one value (a route) are drawn by the value itself (:mod:`nkasylum.model.markdown`).
"""

from __future__ import annotations

from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.periods import resolve_when
from nkasylum.core.text import shown
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.model.markdown import Mermaid, mermaid_node

__all__ = ["transit_map"]


def transit_map(*, on: object = None, kb: KnowledgeBase | None = None) -> Mermaid:
    """A Mermaid flowchart of every passage documented on ``on`` (default: today): a ``str``
    that Jupyter draws as a diagram (:class:`~nkasylum.model.markdown.Mermaid`).

    One arrow per distinct (origin, destination, channel) on that date, labelled with
    the channel; a passage through an unnamed third country says so in its label. A
    passage is drawn when it is documented on the date: a rule in force, or an
    observation seen then or between two sightings (never carried forward). ``on`` takes
    the one date grammar of every query (a ``datetime.date``, an ``int`` year, an EDTF text
    or a :class:`~nkasylum.When`); a period draws the passages documented at some time in
    it, as :func:`nkasylum.passages` reads it.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> print(nk.transit_map(on=dt.date(2009, 12, 23)).splitlines()[0])
        flowchart LR
        >>> "-->|unhcr-office|" in nk.transit_map(on=dt.date(2009, 12, 23))
        True
    """
    asked = resolve_when(on)
    day = asked.lower if asked.lower is not None and asked.lower == asked.upper else asked
    if kb is None:
        kb = default_knowledge_base()
    elif not isinstance(kb, KnowledgeBase):
        raise ArgumentTypeError(f"kb= takes a KnowledgeBase or None, not {type(kb).__name__}: {shown(kb)}")
    lines = ["flowchart LR"]
    seen = set()
    # Documented on the day: a rule in force, or an observation seen (or between sightings) then.
    for p in sorted(kb.passages(on=day), key=lambda p: (str(p.origin), str(p.dest), p.id)):
        edge = (p.origin, p.dest, p.channel, p.via_third_country)
        if edge in seen:
            continue
        seen.add(edge)
        label = p.channel.value + (" via third country" if p.via_third_country else "")
        lines.append(f"    {mermaid_node(p.origin)} -->|{label}| {mermaid_node(p.dest)}")
    return Mermaid("\n".join(lines))
