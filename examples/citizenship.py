"""Which countries grant North Koreans citizenship, and on what evidence?

Lists every policy statement in the bundled knowledge base that grants citizenship, with its
period and the sources behind it. An undated statement is shown but marked: it says what a
source claims without saying when.
"""

import nkasylum as nk

kb = nk.default_knowledge_base()
granting = [p for p in kb.all_policies if nk.Status.CITIZENSHIP in p.grants]

print(f"{len(granting)} policy statement(s) grant citizenship:")
for country in sorted({p.country for p in granting}, key=str):
    print(f"\n{country}")
    for p in (p for p in granting if p.country == country):
        print(f"  {p.id} ({p.period}, {p.basis.value})")
        for source_id in dict.fromkeys(e.source for e in p.evidence):
            source = nk.source(source_id)
            print(f"    source: {source_id} ({source.published or 'undated'})")
