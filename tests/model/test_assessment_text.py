"""An answer reads in one screen: short str(), short repr, folded Markdown; explain() has it all."""

from __future__ import annotations

import ast
import datetime as dt

import nkasylum as nk


def test_the_repr_is_a_short_summary_without_nested_evidence() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    text = repr(a)
    assert text.startswith("Assessment(origin=Country('KP'), via=(Country('CN'),), dest=Country('KR'), "
                           "on=datetime.date(2024, 6, 1), verdict=Verdict.BLOCKED, route=None, ")
    assert f"steps=(Step(...),) * {len(a.steps)}" in text and "Evidence(source" not in text and "Policy(id" not in text
    assert ("last_known=Assessment(on=datetime.date(2023, 8, 16), verdict=Verdict.DOCUMENTED, "
            "route=Route.parse('KP > CN > third country > KR'))") in text
    ast.parse(text, mode="eval")  # a summary, but valid Python
    b = nk.can_resettle("KP", None, "KR", on=2015)
    assert len(repr(b)) < 1000 and f"route=Route.parse({str(b.route)!r})" in repr(b)


def test_the_markdown_fits_a_screen_and_folds_every_step() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    text = a._repr_markdown_()
    shown, _, folded = text.partition("<details>")
    assert len(shown.splitlines()) <= 40 and "Undated context (" not in shown
    assert f"**Undated context:** {len(a.undated)} statements, among the steps below" in shown
    assert folded.count("Undated context (") == len(a.undated) and folded.rstrip().endswith("</details>")
    assert shown.splitlines()[2].startswith("- No documented route from KP to KR through CN")
    exact = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1), exact=True)._repr_markdown_()
    assert exact.splitlines()[0] == "**BLOCKED**: KP to KR via exactly CN on 2024-06-01"


def test_explain_gives_every_step_str_the_short_answer() -> None:
    a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
    assert a.explain().splitlines()[1:] == [f"  - {line}" for line in a.explanation]
    assert str(a).splitlines()[:2] == ["KP to KR via RU on 2009-12-23: documented", "route: KP > RU > KR"]
    assert len(str(a).splitlines()) < len(a.explain().splitlines())
