"""How did North Koreans leave Russia for Seoul, and when?

Prints the documented cases in Russia (oldest first, with how precisely each is dated), the
documented passages from Russia to South Korea and the periods they cover, and whether a way
through Russia was documented on a few dates.
"""

import datetime as dt

import nkasylum as nk

PRECISION = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y", "decade": "%Ys"}

print("Documented cases in Russia:")
for case in nk.cases(country="Russia"):
    when = case.date.strftime(PRECISION[case.date_precision.value]) if case.date else "undated"
    channel = case.channel.value if case.channel else "channel not documented"
    print(f"  {when:<10} {case.people!s:>9} people  {case.outcome.value:<17} {channel}  [{case.id}]")

print("\nPassages from Russia to South Korea:")
for p in nk.passages("RU", "KR", any_date=True):
    print(f"  {p.channel.value} ({p.actor or 'no actor named'}): {p.period}")

print("\nA documented way KP > RU > KR?")
for day in (dt.date(2004, 6, 30), dt.date(2009, 12, 23), dt.date(2016, 6, 16)):
    print(f"  {day}: {nk.can_resettle('KP', 'RU', 'KR', on=day).verdict.value}")
