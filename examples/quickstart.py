"""Quickstart: how could North Koreans reach South Korea through China in September 2002,
and what does that answer rest on?"""

import datetime as dt

import nkasylum as nk

answer = nk.can_resettle("North Korea", "China", "South Korea", on=dt.date(2002, 9, 11))
print(answer)
print()
print("verdict:", answer.verdict.value)
print("route:", answer.route)
print("newest evidence:", answer.latest_evidence)
for source_id in sorted({e.source for e in answer.evidence}):
    source = nk.source(source_id)
    print(f"  {source.id}: {source.publisher or 'no publisher named'}, {source.published or 'undated'}")
