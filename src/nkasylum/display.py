"""Readable renderings for notebooks and docs: Markdown tables and Mermaid flowcharts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from nkasylum.countries import Country
from nkasylum.places import Region

if TYPE_CHECKING:
    from nkasylum.assess import Assessment
    from nkasylum.cases import Case
    from nkasylum.knowledge import KnowledgeBase
    from nkasylum.policies import Policy
    from nkasylum.routes import Route

__all__ = ["assessment_markdown", "case_markdown", "policy_markdown", "route_markdown",
           "route_mermaid", "transit_map"]


def _node(value: Country | Region) -> str:
    if isinstance(value, Country):
        return f'{value.alpha_2}["{value.name} ({value.alpha_2})"]'
    return f'{value.id.replace("-", "_")}["{value.name}"]'


def route_mermaid(route: Route) -> str:
    """Mermaid flowchart text for one route, legs labelled with their channel."""
    lines = ["flowchart LR"]
    for leg in route.legs:
        arrow = f"-->|{leg.channel.value}|" if leg.channel else "-->"
        lines.append(f"    {_node(leg.origin)} {arrow} {_node(leg.dest)}")
    return "\n".join(lines)


def transit_map(kb: KnowledgeBase, on: dt.date | None = None) -> str:
    """Mermaid flowchart of every passage documented on ``on`` (default: today).

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> print(nk.transit_map(on=dt.date(2009, 12, 23)).splitlines()[0])
        flowchart LR
    """
    from nkasylum.periods import resolve_on

    day = resolve_on(on)
    lines = ["flowchart LR"]
    seen = set()
    for p in sorted(kb.all_passages, key=lambda p: (str(p.origin), str(p.dest), p.id)):
        if not p.applies(day):
            continue
        edge = (p.origin, p.dest, p.channel, p.via_third_country)
        if edge in seen:
            continue
        seen.add(edge)
        label = p.channel.value + (" via third country" if p.via_third_country else "")
        lines.append(f"    {_node(p.origin)} -->|{label}| {_node(p.dest)}")
    return "\n".join(lines)


def route_markdown(route: Route) -> str:
    """A Markdown table of a route's legs."""
    rows = ["| # | from | to | channel | passage |", "|---|---|---|---|---|"]
    for i, leg in enumerate(route.legs, 1):
        channel = leg.channel.value if leg.channel else ""
        rows.append(f"| {i} | {leg.origin} | {leg.dest} | {channel} | {leg.passage or ''} |")
    return f"**Route** `{route}`\n\n" + "\n".join(rows)


def policy_markdown(policy: Policy) -> str:
    """A Markdown summary of a policy."""
    def yesno(v: bool | None) -> str:
        return "undocumented" if v is None else ("yes" if v else "no")

    rows = [
        f"**Policy** `{policy.id}` — {policy.country} ({policy.period}, {policy.basis.value})",
        "",
        policy.summary,
        "",
        "| field | value |", "|---|---|",
        f"| classification | {', '.join(c.value for c in policy.classification) or '—'} |",
        f"| repatriates | {yesno(policy.repatriates)} |",
        f"| admits | {yesno(policy.admits)} |",
        f"| grants | {', '.join(g.value for g in policy.grants) or '—'} |",
        f"| procedures | {'; '.join(policy.procedures) or '—'} |",
        f"| agreements | {'; '.join(policy.agreements) or '—'} |",
        f"| sources | {', '.join(dict.fromkeys(e.source for e in policy.evidence))} |",
    ]
    return "\n".join(rows)


def case_markdown(case: Case) -> str:
    """A Markdown summary of a case."""
    rows = [
        f"**Case** `{case.id}` — {case.title}",
        "",
        "| field | value |", "|---|---|",
        f"| date | {case.date or 'undated'} ({case.date_precision.value}) |",
        f"| place | {case.place} |",
        f"| people | {case.people} |",
        f"| outcome | {case.outcome.value} |",
        f"| route | {case.route or '—'} |",
        f"| sources | {', '.join(dict.fromkeys(e.source for e in case.evidence))} |",
    ]
    rows += [f"| inconsistency | {note} |" for note in case.inconsistencies]
    return "\n".join(rows)


def assessment_markdown(a: Assessment) -> str:
    """A Markdown rendering of an assessment: verdict, route, steps, evidence age."""
    via = "any route" if a.via is None else " > ".join(c.alpha_2 for c in a.via)
    lines = [f"**{a.verdict.value.upper()}**: {a.origin.alpha_2} to {a.dest.alpha_2} via "
             f"{via} on {a.on}"]
    if a.route is not None:
        lines.append(f"\nRoute: `{a.route}`")
    lines.append("")
    lines += [f"1. {line}" for line in a.explanation]
    return "\n".join(lines)
