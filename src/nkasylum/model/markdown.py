"""Markdown and Mermaid text for the value types: plain string helpers, no queries.

Jupyter shows :class:`~nkasylum.Assessment`, :class:`~nkasylum.Route`,
:class:`~nkasylum.Policy` and :class:`~nkasylum.Case` through their ``_repr_markdown_``,
which call the functions here (and :meth:`~nkasylum.Route.to_mermaid` calls
:func:`route_mermaid`). Text from the data is escaped so that a ``|`` or a line break in a
summary cannot break a table. The transit map of a whole knowledge base is drawn above, in
:mod:`nkasylum.io.charts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nkasylum.core.countries import Country
from nkasylum.core.places import Region
from nkasylum.core.text import asked_phrase, date_words, days, joined
from nkasylum.model.display import people

if TYPE_CHECKING:  # only for annotations: the value types import this module
    import datetime as dt

    from nkasylum.model.answers import PolicyAnswer
    from nkasylum.model.assessment import Assessment
    from nkasylum.model.cases import Case
    from nkasylum.model.passages import Passage
    from nkasylum.model.policies import Policy
    from nkasylum.model.routes import Route
    from nkasylum.model.support import Backing

__all__ = ["Mermaid", "assessment_markdown", "case_markdown", "mermaid_node", "policy_answer_markdown",
           "policy_markdown",
           "route_markdown", "route_mermaid"]


class Mermaid(str):
    """Mermaid text that Jupyter (and the docs) draw as a diagram: a ``str`` for every other
    purpose (print it, write it to a file, compare it with text).

    Example:
        >>> import nkasylum as nk
        >>> chart = nk.Route.parse("KP > RU").to_mermaid()
        >>> isinstance(chart, str), chart._repr_markdown_().splitlines()[0]
        (True, '```mermaid')
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        return f"```mermaid\n{self}\n```"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        # text/plain is the diagram's text as it prints (not a repr full of \n);
        # front ends that draw Mermaid in Markdown (JupyterLab >= 4.1, VS Code) draw it.
        return {"text/markdown": self._repr_markdown_(), "text/plain": str(self)}


def _label(text: str) -> str:
    # Mermaid ends a quoted label at '"'; its entity code keeps the name intact.
    return text.replace('"', "#quot;")


def mermaid_node(value: Country | Region, suffix: str = "") -> str:
    """A Mermaid node for a place: its code as the node id, its name as the label."""
    if isinstance(value, Country):
        return f'{value.alpha_2}["{_label(value.name)} ({value.alpha_2})"]'
    return f'{value.id.replace("-", "_")}{suffix}["{_label(value.name)}"]'


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks folded."""
    return " ".join(str(text).split()).replace("|", "\\|")


def route_mermaid(route: Route) -> Mermaid:
    """Mermaid flowchart text for one route, legs labelled with their channel.

    An unnamed third country may appear twice on a route (the sources do not say whether
    it is the same country), so each of its stops is a node of its own.

    Example:
        >>> import nkasylum as nk
        >>> print(route_mermaid(nk.Route.parse("KP > CN > third country > KR")))
        flowchart LR
            KP["North Korea (KP)"] --> CN["China (CN)"]
            CN["China (CN)"] --> third_country_2["third country"]
            third_country_2["third country"] --> KR["South Korea (KR)"]
    """
    lines = ["flowchart LR"]
    for i, leg in enumerate(route.legs):
        arrow = f"-->|{_label(leg.channel.value)}|" if leg.channel else "-->"
        lines.append(f"    {mermaid_node(leg.origin, f'_{i}')} {arrow} {mermaid_node(leg.dest, f'_{i + 1}')}")
    return Mermaid("\n".join(lines))


def route_markdown(route: Route) -> str:
    """A Markdown table of a route's legs (what Jupyter shows for a :class:`Route`).

    Example:
        >>> import nkasylum as nk
        >>> print(route_markdown(nk.Route.parse("KP > RU")))
        **Route** `KP > RU`
        <BLANKLINE>
        | # | from | to | channel | passage |
        |---|---|---|---|---|
        | 1 | North Korea (KP) | Russia (RU) |  |  |
    """
    rows = ["| # | from | to | channel | passage |", "|---|---|---|---|---|"]
    for i, leg in enumerate(route.legs, 1):
        channel = leg.channel.value if leg.channel else ""
        rows.append(f"| {i} | {_cell(leg.origin)} | {_cell(leg.dest)} | {channel} | {_cell(leg.passage or '')} |")
    return f"**Route** `{route}`\n\n" + "\n".join(rows)


def policy_markdown(policy: Policy) -> str:
    """A Markdown summary of a policy (what Jupyter shows for a :class:`Policy`).

    A yes/no field the sources leave open reads "undocumented", never "no".

    The period is shown in words, as precise as the sources (``1960``, not ``1 January
    1960``), with no EDTF marks.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> text = policy_markdown(nk.policy("CN", on=dt.date(2002, 9, 11)))
        >>> "| repatriates | yes |" in text, "| admits | undocumented |" in text
        (True, True)
        >>> print(policy_markdown(nk.policy("CN", on=dt.date(1970, 1, 1))).splitlines()[0])
        **Policy** `cn-1960-extradition-convention` — China (CN) (1960 to 31 December 1985, rule)
    """
    def yesno(v: bool | None) -> str:
        return "undocumented" if v is None else ("yes" if v else "no")

    def listed(values: tuple[str, ...], sep: str = "; ") -> str:
        return _cell(joined(values, sep)) or "—"

    summary = " ".join(policy.summary.split())
    rows = [
        f"**Policy** `{policy.id}` — {policy.country} ({policy.period}, {policy.basis.value})",
        "",
        "\\" + summary if summary.startswith("|") else summary,  # a line that starts with | reads as a table row
        "",
        "| field | value |", "|---|---|",
        f"| valid from | {_when(policy.valid_from)} |",
        f"| valid until | {_when(policy.valid_until)} |",
        f"| classification | {listed(tuple(c.value for c in policy.classification), ', ')} |",
        f"| repatriates | {yesno(policy.repatriates)} |",
        f"| admits | {yesno(policy.admits)} |",
        f"| grants | {listed(tuple(g.value for g in policy.grants), ', ')} |",
        f"| procedures | {listed(policy.procedures)} |",
        f"| agreements | {listed(policy.agreements)} |",
        f"| exceptions | {listed(policy.exceptions)} |",
        f"| sources | {listed(tuple(dict.fromkeys(e.source for e in policy.evidence)), ', ')} |",
    ]
    return "\n".join(rows)


def case_markdown(case: Case) -> str:
    """A Markdown summary of a case (what Jupyter shows for a :class:`Case`).

    Example:
        >>> import nkasylum as nk
        >>> print(case_markdown(nk.case("cn-german-school-15-2002")).splitlines()[4])
        | date | 11 September 2002 |
    """
    date = date_words(case.date)
    rows = [
        f"**Case** `{case.id}` — {' '.join(case.title.split())}",
        "",
        "| field | value |", "|---|---|",
        f"| date | {date} |",
        f"| place | {_cell(case.place)} |",
        f"| people | {people(case.people)} |",
        f"| outcome | {case.outcome.value} |",
        f"| channel | {case.channel.value if case.channel else '—'} |",
        f"| route | {case.route or '—'} |",
        f"| applications | {'—' if case.applications is None else case.applications} |",
        f"| sources | {_cell(', '.join(dict.fromkeys(e.source for e in case.evidence)))} |",
    ]
    rows += [f"| inconsistency | {_cell(note)} |" for note in case.inconsistencies]
    return "\n".join(rows)


def _support_rows(backing: tuple[Backing, ...], legs: dict[str, str] | None = None) -> list[str]:
    """A table of how each statement is supported: seen, between sightings, rule in force..."""
    if not backing:
        return []
    head = "| leg | statement | support | sighting | age |" if legs is not None else \
        "| statement | support | sighting | age |"
    rows = [head, "|---" * head.count(" | ") + "|---|"]
    for b in backing:
        leg = f"{legs.get(b.entry, '—')} | " if legs is not None else ""
        rows.append(f"| {leg}`{b.entry}` | {b.support.value} | {_when(b.sighting)} | {days(b.age)} |")
    return rows


def _when(value: object) -> str:
    return "—" if value is None else date_words(value)


def _undated_rows(entries: tuple[Policy | Passage, ...]) -> list[str]:
    if not entries:
        return []
    lines = ["", "**Undated context** (undated statements answer no dated question):", ""]
    lines += [f"- `{e.id}` (undated): {_cell(e.summary)}" for e in entries]
    return lines


def _horizon(horizon: dt.timedelta | None) -> str:
    return ("**Horizon:** none (observations count only up to their last sighting)" if horizon is None
            else f"**Horizon:** observations carried forward up to {days(horizon)}")


def assessment_markdown(a: Assessment, legs_in_short: Sequence[str] = ()) -> str:
    """A Markdown rendering of an assessment (what Jupyter shows for an :class:`Assessment`):
    the verdict, the route, one line per leg (``legs_in_short``, as the short answer words
    them), the support of each statement per leg (seen, between sightings, rule in force,
    carried forward), the sources, the age of the evidence, what was last known when the
    answer is not documented and the undated context as a count; then the numbered
    explanation, folded (an HTML ``<details>`` block) so that the answer fits a screen.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> text = assessment_markdown(nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)))
        >>> print(text.splitlines()[0])
        **DOCUMENTED**: KP to KR via RU on 2009-12-23
        >>> "Route: `KP > RU > KR`" in text, "**Newest evidence:**" in text
        (True, True)
        >>> "| RU > KR | `ru-kr-unhcr-moscow` | seen | 23 December 2009 | 0 days |" in text
        True
        >>> text = assessment_markdown(nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)))
        >>> [line for line in text.splitlines() if line.startswith("**Last known:**")]
        ['**Last known:** documented on 2023-08-16 (290 days before the date asked): `KP > CN > third country > KR`']
    """
    via = "any route" if a.via is None else " > ".join(c.alpha_2 for c in a.via)
    if a.via is not None and a.exact:
        via = "exactly " + (via or "the direct leg")
    lines = [f"**{a.verdict.value.upper()}**: {a.origin.alpha_2} to {a.dest.alpha_2} via "
             f"{via} {asked_phrase(a.on, a.asked)}"]
    if a.route is not None:
        lines += ["", f"Route: `{a.route}`"]
    if legs_in_short:
        lines += ["", *(f"- {' '.join(line.split())}" for line in legs_in_short)]
    lines.append("")
    if a.alternatives:
        lines.append("**Other documented routes:** " + ", ".join(f"`{r}`" for r in a.alternatives))
        lines.append("")
    legs: dict[str, str] = {}
    for step in a.steps:
        for b in step.backing:
            if step.leg is not None:
                legs.setdefault(b.entry, f"{_code(step.leg.origin)} > {_code(step.leg.dest)}")
    if a.backing:
        lines += [f"**Support {asked_phrase(a.on, a.asked)}:**", "", *_support_rows(a.backing, legs), ""]
    sources = ", ".join(f"`{s}`" for s in dict.fromkeys(e.source for e in a.evidence))
    lines.append(f"**Sources:** {sources or 'none'}")
    lines.append("")
    lines.append(f"**Newest evidence:** {a.latest_evidence or 'undated'}; **evidence age:** {days(a.evidence_age)}")
    lines += ["", _horizon(a.horizon)]
    if not a and a.last_known is not None:
        known = a.last_known
        lines += ["", f"**Last known:** {known.verdict.value} on {known.on} ({days(a.on - known.on)} before "
                      f"the date asked): `{known.route or 'no named route'}`"]
    elif not a:
        lines += ["", "**Last known:** nothing earlier is documented either"]
    if a.disputed:
        lines += ["", "**Disputed:** " + ", ".join(f"`{c}`" for c in a.disputed)
                  + " (sources disagree; see `nk.conflicts()`)"]
    if a.undated:
        count = len(a.undated)
        lines += ["", f"**Undated context:** {count} statement{'s' if count != 1 else ''}, among the "
                      "steps below (they answer no dated question)"]
    if a.explanation:
        # Folded: Jupyter and the docs render the Markdown inside it once it is opened.
        lines += ["", f"<details><summary>Every step in words ({len(a.explanation)})</summary>", ""]
        lines += [f"{i}. {' '.join(line.split())}" for i, line in enumerate(a.explanation, 1)]
        lines += ["", "</details>"]
    return "\n".join(lines)


def _code(value: Country | Region) -> str:
    return value.alpha_2 if isinstance(value, Country) else value.id


def policy_answer_markdown(answer: PolicyAnswer) -> str:
    """A Markdown rendering of a :class:`PolicyAnswer`: the policy documented on the date
    (or what was last known, and when), the support of each statement, the evidence age
    and the undated context.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> text = policy_answer_markdown(nk.policy_answer("TH", on=dt.date(2024, 6, 1)))
        >>> print(text.splitlines()[0])
        **UNDOCUMENTED**: policy of Thailand (TH) on 2024-06-01
        >>> "**Last known:** 21 November 2020 (1,288 days before the date asked)" in text, "(undated)" in text
        (True, True)
    """
    state = "documented" if answer.policy is not None else "undocumented"
    lines = [f"**{state.upper()}**: policy of {answer.country} {asked_phrase(answer.on, answer.asked)}", ""]
    shown = answer
    if answer.policy is None:
        known = answer.last_known
        if known is None or known.policy is None:
            lines.append("**Last known:** nothing earlier is documented either")
        else:
            lines += [f"**Last known:** {date_words(known.on)} ({days(answer.on - known.on)} before the date asked)",
                      ""]
            shown = known
    if shown.policy is not None:
        lines += [policy_markdown(shown.policy), "", *_support_rows(shown.backing), ""]
        lines.append(f"**Newest evidence:** {date_words(shown.latest_evidence)}; **evidence age:** "
                     f"{days(shown.evidence_age)}")
    lines += ["", _horizon(answer.horizon)]
    lines += _undated_rows(answer.undated)
    return "\n".join(lines)
