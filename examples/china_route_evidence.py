"""What does the route through China rest on?

Assesses North Korea > China > South Korea on 11 September 2002 and prints every piece of
evidence behind the answer: the source, its publisher and date, the verbatim anchor phrase
that locates the passage, and the project's note on what it supports.
"""

import datetime as dt

import nkasylum as nk

answer = nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11))
print(f"verdict: {answer.verdict.value}; route: {answer.route}")
print(f"newest evidence: {answer.latest_evidence}\n")

for evidence in answer.evidence:
    source = nk.source(evidence.source)
    print(f"[{source.id}] {source.publisher or 'no publisher named'}, {source.published or 'undated'}")
    print(f'  anchor: "{evidence.anchor}"')
    print(f"  note:   {evidence.note}")
