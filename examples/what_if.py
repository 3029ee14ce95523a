"""What if China had let North Koreans leave for South Korea in August 2023?

Builds a scenario (a new knowledge base with one hypothetical passage) and compares its
answers with the bundled knowledge base's, which the scenario leaves unchanged.
"""

import datetime as dt

import nkasylum as nk

kb = nk.default_knowledge_base()
day = dt.date(2023, 8, 16)

exit_ = nk.Passage(
    id="what-if-cn-kr-2023",
    origin=nk.country("CN"),
    dest=nk.country("KR"),
    channel=nk.Channel.FOREIGN_MISSION,
    summary="Hypothetical: China lets North Koreans held there leave for South Korea.",
    basis=nk.Basis.OBSERVATION,
    valid_from=day,
    valid_until=day,
    evidence=(nk.Evidence("anadolu-2023-08-16", "urged Beijing to “cooperate” by not sending",
                          "Hypothetical scenario built on Seoul's request."),),
)
what_if = kb.with_passage(exit_)

before = kb.can_resettle("KP", "CN", "KR", on=day)
after = what_if.can_resettle("KP", "CN", "KR", on=day)
print(f"KP > CN > KR on {day}")
print(f"  as documented: {before.verdict.value}")
print(f"  what if:       {after.verdict.value} ({after.route})")
print(f"bundled knowledge base unchanged: {nk.default_knowledge_base() == kb and exit_ not in kb.all_passages}")
