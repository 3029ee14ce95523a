"""What if China had let North Koreans leave for South Korea in June 2024?

Builds a scenario (a new knowledge base with one hypothetical passage) and compares its
answers with the bundled knowledge base's, which the scenario leaves unchanged. The open exit
lifts the block, but the crossing into China was last seen in August 2023: the answer is
documented only when observations are carried forward (``horizon=``).
"""

import datetime as dt

import nkasylum as nk

kb = nk.default_knowledge_base()
day = dt.date(2024, 6, 1)

exit_ = nk.Passage(
    id="what-if-cn-kr-2024",
    origin=nk.country("CN"),
    dest=nk.country("KR"),
    channel=nk.Channel.FOREIGN_MISSION,
    summary="Hypothetical: China lets North Koreans held there leave for South Korea.",
    basis=nk.Basis.RULE,  # a hypothetical rule is dated by its period, in EDTF
    valid_from=nk.When.parse("2024-06"),
    valid_until=nk.When.parse("2024-06"),
    evidence=(nk.Evidence("anadolu-2023-08-16", "urged Beijing to “cooperate” by not sending",
                          "Hypothetical scenario built on Seoul's request."),),
)
what_if = kb.with_passage(exit_)

before = kb.can_resettle("KP", "CN", "KR", on=day)
after = what_if.can_resettle("KP", "CN", "KR", on=day)
carried = what_if.can_resettle("KP", "CN", "KR", on=day, horizon=dt.timedelta(days=365))
print(f"KP > CN > KR on {day}")
print(f"  as documented: {before.verdict.value} (last known {before.last_known.on if before.last_known else 'never'})")
print(f"  what if:       {after.verdict.value}")
print(f"  what if, observations carried forward up to 365 days: {carried.verdict.value} ({carried.route})")
print(f"bundled knowledge base unchanged: {nk.default_knowledge_base() == kb and exit_ not in kb.all_passages}")
