"""How did North Koreans leave Russia for Seoul, and when?

Prints the documented cases in Russia (oldest first, each dated as precisely as its sources,
in EDTF: 2016-06 is a month, 2004/2014 a span of years), the
documented passages from Russia to South Korea and the periods they cover, and whether a way
through Russia was documented on a few dates.
"""

import datetime as dt

import nkasylum as nk

print("Documented cases in Russia:")
for case in nk.cases(country="Russia"):
    when = str(case.date) if case.date else "undated"
    channel = case.channel.value if case.channel else "channel not documented"
    print(f"  {when:<21} {case.people!s:>9} people  {case.outcome.value:<17} {channel}  [{case.id}]")

print("\nPassages from Russia to South Korea (a rule's period, or when an observation was seen):")
kb = nk.default_knowledge_base()
for p in nk.passages("RU", "KR", any_date=True):
    # An observation is seen when its quoted words say the thing happened, else on the report's date.
    seen = sorted({str(e.happened or kb.evidence_date(e) or "undated") for e in p.evidence})
    when = p.period if p.basis is nk.Basis.RULE else "seen " + ", ".join(seen)
    print(f"  {p.channel.value} ({p.actor or 'no actor named'}): {when}")

print("\nA documented way KP > RU > KR?")
for day in (dt.date(2004, 6, 30), dt.date(2009, 12, 23), dt.date(2016, 6, 16)):
    answer = nk.can_resettle("KP", "RU", "KR", on=day)
    support = ", ".join(sorted({b.support.value for b in answer.backing})) or "nothing"
    print(f"  {day}: {answer.verdict.value} ({support})")
