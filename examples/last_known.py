"""What is documented today about each country's policy, and what was last known where nothing is?

For each of the 17 countries the sources discuss, asks for today's policy. Where one is
documented, prints how it is supported (rule in force, seen, between sightings); where none
is, prints what was last known: the last day it held, how many days ago, and the sources.
Observations are never carried forward silently: an old sighting is "last known", not today.
"""

import datetime as dt

import nkasylum as nk

today = dt.date.today()
# The coverage grid's countries, for one day: today (its cells say how each answer is supported).
cells = nk.coverage(years=[today.year], day=f"{today:%m-%d}")
print(f"policies of {len(cells)} countries on {today} (today)")
print(f"{'country':<16}{'status':<42}sources")
for cell in cells:
    code = cell.country
    answer = nk.policy_answer(code, on=today)
    name = nk.country(code).name[:15]
    if answer:
        supports = sorted({b.support.value for b in answer.backing})
        status = "documented: " + ", ".join(supports)
        evidence = answer.evidence
    elif answer.last_known is not None:
        known = answer.last_known
        status = f"last known {known.on} ({(today - known.on).days:,} days ago)"
        evidence = known.evidence
    elif answer.undated:
        status = "undated statements only"
        evidence = tuple(e for p in answer.undated for e in p.evidence)
    else:
        status = "nothing documented"
        evidence = ()
    sources = list(dict.fromkeys(e.source for e in evidence))
    shown = ", ".join(sources[:3]) + (f" (+{len(sources) - 3} more)" if len(sources) > 3 else "")
    print(f"{name:<16}{status:<42}{shown or '-'}")
