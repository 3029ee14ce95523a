"""The transit logic on the documents' dates: the answers a careful reader expects."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest

import nkasylum as nk

D = dt.date


def test_china_2002_mission_exit_via_a_third_country() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert a.verdict is nk.Verdict.DOCUMENTED and bool(a)
    assert str(a.route) == "KP > CN > third country > KR"
    assert "voa-2002-09-11" in {e.source for e in a.evidence}
    assert any("sends North Koreans back in principle" in line for line in a.explanation)
    assert a.latest_evidence is not None and a.latest_evidence >= D(2002, 9, 11)


def test_china_after_the_last_seen_exit_is_blocked_in_2024() -> None:
    # The last exit from China to Seoul is seen on 2023-10-04; China sends people back in 2024.
    a = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1), exact=True)
    assert a.verdict is nk.Verdict.BLOCKED and not a
    assert a.route is None
    assert any("CN > KR: blocked on 2024-06-01" in line for line in a.explanation)
    assert any("last known 4 October 2023" in line for line in a.explanation)
    assert a.last_known is not None and a.last_known.on == D(2023, 8, 16)


def test_russia_2009_unhcr_route() -> None:
    a = nk.can_resettle("North Korea", "Russia", "South Korea", on=D(2009, 12, 23))
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert str(a.route) == "KP > RU > KR"
    assert a.route is not None and a.route.legs[1].channel is nk.Channel.UNHCR_OFFICE
    assert nk.routes("KP", "KR", on=D(2009, 12, 23))[0] == a.route


def test_russia_consulates_seen_2004_and_2006_to_2008_and_between_them_in_2005() -> None:
    assert nk.can_resettle("KP", "RU", "KR", on=D(2004, 6, 1)).verdict is nk.Verdict.DOCUMENTED
    assert nk.can_resettle("KP", "RU", "KR", on=D(2007, 6, 1)).verdict is nk.Verdict.DOCUMENTED
    gap = nk.can_resettle("KP", "RU", "KR", on=D(2005, 6, 1))
    assert gap.verdict is nk.Verdict.DOCUMENTED  # no case in 2005: documented between sightings
    (consulate,) = [b for b in gap.backing if b.entry == "ru-kr-rok-consulate-vladivostok-2004-2008"]
    assert consulate.support is nk.Support.BETWEEN_SIGHTINGS and consulate.age > dt.timedelta(0)


def test_russia_after_the_readmission_deal_is_documented_between_sightings_beside_the_block() -> None:
    # The UNHCR office in Moscow is seen in 2009 and again by the nine workers' case in late
    # 2022: between those sightings the way is documented (between sightings outranks a
    # rule in force), and Russia's readmission deal is reported beside it, not hidden.
    a = nk.can_resettle("KP", "RU", "KR", on=D(2016, 6, 16))
    assert a.verdict is nk.Verdict.DOCUMENTED
    (unhcr,) = [b for b in a.backing if b.support is nk.Support.BETWEEN_SIGHTINGS]
    assert unhcr.gap is not None and unhcr.gap > dt.timedelta(days=12 * 365)
    assert any(s.kind.value == "returns-yet-leaves" for s in a.steps)
    assert "nknews-repost-2016-06-16" in {e.source for e in a.evidence}
    # Capping the gap at five years leaves 2016 open, and the deal blocks the way.
    capped = nk.can_resettle("KP", "RU", "KR", on=D(2016, 6, 16), max_gap=dt.timedelta(days=5 * 365))
    assert capped.verdict is nk.Verdict.BLOCKED
    assert "nknews-repost-2016-06-16" in {e.source for e in capped.evidence}


def test_temporary_asylum_in_russia_2016() -> None:
    a = nk.can_resettle("KP", None, "RU", on=D(2016, 6, 1))
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert any("temporary-asylum" in line for line in a.explanation)


def test_south_korea_as_destination_names_its_status() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert a.dest == nk.country("KR")


def test_us_and_canada_have_procedures_but_no_documented_route() -> None:
    a = nk.can_resettle("KP", None, "CA", on=D(2009, 12, 23))
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    # The U.S. counts of arrivals by fiscal year (public-reports-3-resettlement.md) document
    # that some way was used in fiscal 2010, route unknown; still no passage names one.
    assert not nk.passages("KP", "US", any_date=True)
    us = nk.can_resettle("KP", None, "US", on=D(2009, 12, 23))
    assert all(leg.channel is nk.Channel.UNKNOWN_ROUTE for leg in us.route.legs) if us.route else True


def test_japan_is_undocumented_not_refused() -> None:
    a = nk.can_resettle("KP", "RU", "JP", on=D(2009, 12, 23))
    assert a.verdict is nk.Verdict.UNDOCUMENTED


def test_via_none_without_a_route_is_undocumented_not_blocked() -> None:
    # After the last count of arrivals (2025) nothing documents a way to Seoul: unknown, not no.
    a = nk.can_resettle("KP", None, "KR", on=D(2026, 6, 1))
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    assert any(line.startswith("Last known: ") and "2025-12-31" in line for line in a.explanation)


def test_via_accepts_a_sequence() -> None:
    a = nk.can_resettle("KP", ["CN"], "KR", on=D(2002, 9, 11))
    b = nk.can_resettle("KP", ("China",), "KR", on=D(2002, 9, 11))
    assert a == b and a.via == (nk.country("CN"),)


def test_out_of_scope_origin() -> None:
    with pytest.raises(nk.OutOfScopeError, match="North Korea") as info:
        nk.can_resettle("SY", None, "DE")
    assert isinstance(info.value, ValueError)
    with pytest.raises(nk.OutOfScopeError):
        nk.routes("CN", "KR")


@pytest.mark.parametrize("via", [42, {"CN"}, {"a": 1}, b"CN", [1]])
def test_bad_via_is_a_type_error(via: object) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.can_resettle("KP", via, "KR", on=D(2002, 9, 11))  # type: ignore[arg-type]


@pytest.mark.parametrize("on", ["2002-13-11", "soon", dt.datetime(2002, 9, 11), 2.5])
def test_bad_on_is_a_type_error(on: object) -> None:
    with pytest.raises(nk.ArgumentTypeError, match=r"datetime\.date|EDTF|a year|calendar date"):
        nk.can_resettle("KP", "CN", "KR", on=on)  # type: ignore[arg-type]


def test_a_country_twice_is_an_invalid_route() -> None:
    with pytest.raises(nk.InvalidRouteError, match="twice"):
        nk.can_resettle("KP", ["CN", "China"], "KR", on=D(2002, 9, 11))
    with pytest.raises(nk.InvalidRouteError):
        nk.can_resettle("KP", None, "KP", on=D(2002, 9, 11))


def test_a_region_is_not_a_destination() -> None:
    with pytest.raises(nk.InvalidRouteError, match="region"):
        nk.can_resettle("KP", None, "Southeast Asia", on=D(2002, 9, 11))


def test_default_date_is_today() -> None:
    a = nk.can_resettle("KP", "CN", "KR")
    assert a.on == dt.date.today()


def test_scenario_what_if_china_stopped_repatriating(kb: nk.KnowledgeBase) -> None:
    day = D(2023, 8, 16)
    # Without the exits via a third country seen in 2015 and 2023, China's returns block the way.
    kb = kb.without("cn-kr-via-third-country")
    exit_ = nk.Passage(
        id="what-if-cn-kr-2023", origin=nk.country("CN"), dest=nk.country("KR"),
        channel=nk.Channel.FOREIGN_MISSION, summary="Hypothetical: China lets people leave.",
        basis=nk.Basis.OBSERVATION, valid_from=nk.When.day(day), valid_until=nk.When.day(day),
        evidence=(nk.Evidence("anadolu-2023-08-16", "urged Beijing to “cooperate” by not sending",
                              "Hypothetical scenario built on Seoul's request."),))
    what_if = kb.with_passage(exit_)
    assert what_if.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.DOCUMENTED
    assert kb.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.BLOCKED
    assert nk.default_knowledge_base() is not kb
    back = what_if.without("what-if-cn-kr-2023")
    assert back == kb


def test_with_policy_replaces_by_id(kb: nk.KnowledgeBase) -> None:
    day = D(2023, 8, 16)
    kb = kb.without("cn-kr-via-third-country")  # as above: China's returns alone decide
    original = next(p for p in kb.all_policies if p.id == "cn-2023-detention-repatriation")
    softened = attrs.evolve(original, repatriates=None)
    what_if = kb.with_policy(softened)
    assert len(what_if.all_policies) == len(kb.all_policies)
    assert softened in what_if.policies("CN") and original not in what_if.policies("CN")
    # Other statements of China's returns in force then still block the way; the softened one
    # no longer sends anyone back, so it is no longer what blocks it.
    a = what_if.can_resettle("KP", "CN", "KR", on=day)
    blocking = [s for s in a.steps if s.kind.value == "blocked-leaving"]
    assert a.verdict is nk.Verdict.BLOCKED and blocking
    assert all(st.policy is not None and st.policy.repatriates for st in blocking)


def test_without_unknown_id(kb: nk.KnowledgeBase) -> None:
    with pytest.raises(nk.UnknownEntryError, match="did you mean"):
        kb.without("ru-kr-unhcr-moskow")


def test_assessment_prints_its_steps() -> None:
    a = nk.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23))
    assert str(a).startswith("KP to KR via RU on 2009-12-23: documented")
    assert "  RU > KR by unhcr-office: seen 23 December 2009" in str(a).splitlines()  # dates in words
    assert a.explain().startswith("KP to KR via RU on 2009-12-23: documented")
    assert "UNHCR Moscow office" in a.explain()


def test_an_undocumented_any_route_answer_names_the_last_documented_route() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2026, 6, 1))
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    (line,) = [x for x in a.explanation if x.startswith("Last known: ")]
    assert "2025-12-31" in line and "KP > KR" in line
    assert a.last_known is not None and a.last_known.on == D(2025, 12, 31)
    assert set(a.last_known.evidence) and {e.source for e in a.last_known.evidence} <= {
        s.id for s in nk.sources()}
    # context, not support: it adds nothing to the evidence the verdict rests on
    assert a.evidence == () and a.latest_evidence is None


def test_no_earlier_route_means_no_such_line() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(1995, 1, 1))
    assert not any(x.startswith("The latest earlier date") for x in a.explanation)


# ------------------------------------------------- pinned branches (mutation audit 2026-11)
# Small hand-built worlds, so each test shows the one rule it pins.
from strategies import GENERATED_EVIDENCE, GENERATED_SOURCE  # noqa: E402

DAY = D(2010, 6, 1)


def _passage(id: str, origin: str, dest: str) -> nk.Passage:
    return nk.Passage(id=id, origin=origin, dest=dest, channel=nk.Channel.BROKER, summary="s",
                      basis=nk.Basis.OBSERVATION, evidence=GENERATED_EVIDENCE,
                      valid_from=nk.When.day(D(2010, 1, 1)), valid_until=nk.When.day(D(2010, 12, 31)))


def _policy(id: str, country: str, **fields: object) -> nk.Policy:
    return nk.Policy(id=id, country=country, summary=f"policy {id}", basis=nk.Basis.OBSERVATION,
                     evidence=GENERATED_EVIDENCE, valid_from=nk.When.day(D(2010, 1, 1)),
                     valid_until=nk.When.day(D(2010, 12, 31)), **fields)  # type: ignore[arg-type]


def _world(*entries: nk.Passage | nk.Policy) -> nk.KnowledgeBase:
    return nk.KnowledgeBase(
        all_sources=(GENERATED_SOURCE,),
        all_passages=tuple(e for e in entries if isinstance(e, nk.Passage)),
        all_policies=tuple(e for e in entries if isinstance(e, nk.Policy)))


def _both(kb: nk.KnowledgeBase, via: object, dest: str) -> nk.Verdict:
    """The verdict, checked to be the same from can_resettle and from bulk assessment."""
    verdict = kb.can_resettle("KP", via, dest, on=DAY).verdict  # type: ignore[arg-type]
    assert kb.assess_many([("KP", via, dest, DAY)]) == (verdict,)
    return verdict


def test_a_last_leg_into_a_country_that_sends_people_back_is_blocked() -> None:
    # JP sends North Koreans back but is not documented as refusing them: still closed.
    kb = _world(_passage("kp-cn", "KP", "CN"), _policy("jp-returns", "JP", repatriates=True))
    assert _both(kb, "CN", "JP") is nk.Verdict.BLOCKED
    a = kb.can_resettle("KP", "CN", "JP", on=DAY)
    assert any("does not take North Koreans in" in line for line in a.explanation)
    assert {e.source for e in a.evidence} == {"generated"}


@pytest.mark.parametrize(("field", "value"), [("admits", False), ("repatriates", True)])
def test_a_closed_destination_blocks_any_route(field: str, value: bool) -> None:
    # Either half of "closed" is enough: refusing people, or sending them back.
    kb = _world(_policy("jp-closed", "JP", **{field: value}))
    assert _both(kb, None, "JP") is nk.Verdict.BLOCKED


def test_an_open_destination_without_a_route_is_undocumented() -> None:
    kb = _world(_policy("jp-open", "JP", admits=True, repatriates=False))
    assert _both(kb, None, "JP") is nk.Verdict.UNDOCUMENTED


def test_arrival_is_checked_on_the_last_leg_only() -> None:
    # CN sends people back, but CN is a transit country here: a leg into it with no passage
    # is undocumented, not blocked (a transit country's policy on leaving is what counts).
    kb = _world(_passage("cn-kr", "CN", "KR"), _policy("cn-returns", "CN", repatriates=True,
                                                       exceptions=("some are let go",)))
    assert _both(kb, "CN", "KR") is nk.Verdict.UNDOCUMENTED
    assert _both(kb, None, "CN") is nk.Verdict.BLOCKED  # as the destination it is closed


def _chain(*stops: str) -> tuple[nk.Passage, ...]:
    return tuple(_passage(f"{a.lower()}-{b.lower()}", a, b) for a, b in itertools.pairwise(stops))


def test_any_route_reaches_through_three_transit_countries_not_four() -> None:
    three = _world(*_chain("KP", "CN", "MN", "RU", "KR"))
    assert _both(three, None, "KR") is nk.Verdict.DOCUMENTED
    assert [str(r) for r in three.routes("KP", "KR", on=DAY)] == ["KP > CN > MN > RU > KR"]
    four = _world(*_chain("KP", "CN", "MN", "RU", "JP", "KR"))
    assert _both(four, None, "KR") is nk.Verdict.UNDOCUMENTED
    assert four.routes("KP", "KR", on=DAY) == ()
    assert len(four.routes("KP", "KR", on=DAY, max_transits=4)) == 1
    # A named route may be longer: each of its legs is checked.
    assert _both(four, ["CN", "MN", "RU", "JP"], "KR") is nk.Verdict.DOCUMENTED


def test_max_transits_is_bounded() -> None:
    assert nk.routes("KP", "KR", on=D(2009, 12, 23), max_transits=8) == nk.routes(
        "KP", "KR", on=D(2009, 12, 23))
    with pytest.raises(nk.InvalidRouteError, match="between 0 and 8"):
        nk.routes("KP", "KR", on=D(2009, 12, 23), max_transits=9)


def test_merged_policies_report_the_span_they_hold_for() -> None:
    # A rule from 2000 and an observation during 2005: three spans, each clipped.
    rule = nk.Policy(id="jp-rule", country="JP", summary="rule", basis=nk.Basis.RULE,
                     evidence=GENERATED_EVIDENCE, valid_from=nk.When.day(D(2000, 1, 1)), admits=True)
    seen = nk.Policy(id="jp-seen", country="JP", summary="seen", basis=nk.Basis.OBSERVATION,
                     evidence=GENERATED_EVIDENCE, valid_from=nk.When.day(D(2005, 1, 1)),
                     valid_until=nk.When.day(D(2005, 12, 31)), repatriates=False)
    kb = _world(rule, seen)
    before, during, after = kb.policy_timeline("JP")
    assert (before.id, str(before.valid_from), str(before.valid_until)) == (
        "jp-rule", "2000-01-01", "2004-12-31")
    # the statement that began most recently speaks first (newer information first)
    assert (during.id, str(during.valid_from), str(during.valid_until)) == (
        "jp-seen+jp-rule", "2005-01-01", "2005-12-31")
    assert (during.admits, during.repatriates, during.basis) == (True, False, nk.Basis.OBSERVATION)
    assert (after.id, str(after.valid_from), after.valid_until) == ("jp-rule", "2006-01-01", None)
    assert kb.policy("JP", on=D(2003, 1, 1)) == before
    assert kb.policy("JP", on=D(1999, 12, 31)) is None


def test_a_span_bounded_by_a_sighting_keeps_that_sightings_precision() -> None:
    # North Korea's tightened border control is seen "2011-12/2012" (a month to a year):
    # the span it opens starts "2011-12", the span it closes ends "2012", not on made-up days.
    opened = nk.policy("KP", on=D(2011, 12, 15))
    closed = nk.policy("KP", on=D(2012, 6, 1))
    assert opened is not None and closed is not None
    assert opened.id == closed.id  # with the 2010 rule on defection, in force since
    assert "kp-border-control-tightened-2012" in opened.id.split("+")
    assert (str(opened.valid_from), str(opened.valid_until)) == ("2011-12", "2011-12-31")
    assert str(closed.valid_until) == "2012"


@pytest.mark.parametrize("horizon", [None, dt.timedelta(days=365 * 3)])
def test_the_leg_rule_reads_what_each_merged_policy_says(horizon: dt.timedelta | None) -> None:
    # The leg rule reads each span's gist (returns and admission) without merging the span's
    # policy; answers show the merged policy. One rule, two readings: they must agree.
    from nkasylum.engine.legs import closed, sends_back

    index = nk.default_knowledge_base()._index
    spans = 0
    for code in index.policies:
        _, _, segments = index.timeline(code, horizon)
        for gist, policy in zip(segments.gists, segments, strict=True):
            assert (gist.repatriates, gist.admits, gist.undated) == (
                policy.repatriates, policy.admits, policy.undated), policy.id
            assert (bool(gist.returns_to), bool(gist.exceptions)) == (
                bool(policy.returns_to), bool(policy.exceptions)), policy.id
            assert (sends_back(gist), closed(gist)) == (sends_back(policy), closed(policy))
            spans += 1
    assert spans > 100  # every country's every span, not a few


@pytest.mark.parametrize("rule_id", ["jp-a-rule", "jp-z-rule"])  # checked first, then second
def test_a_contradiction_with_an_open_ended_rule_is_refused(rule_id: str) -> None:
    # The rule has no documented end, so it overlaps anything after its start. (An open
    # start cannot occur: a rule needs valid_from and an observation needs both ends.)
    rule = nk.Policy(id=rule_id, country="JP", summary="rule", basis=nk.Basis.RULE,
                     evidence=GENERATED_EVIDENCE, valid_from=nk.When.day(D(2000, 1, 1)), repatriates=False)
    with pytest.raises(nk.DataError, match="contradicts policy"):
        _world(rule, _policy("jp-returns", "JP", repatriates=True))
    earlier = nk.Policy(id="jp-early", country="JP", summary="s", basis=nk.Basis.OBSERVATION,
                        evidence=GENERATED_EVIDENCE, valid_from=nk.When.day(D(1990, 1, 1)),
                        valid_until=nk.When.day(D(1999, 12, 31)), repatriates=True)
    assert len(_world(rule, earlier).policy_timeline("JP")) == 2  # no overlap: no contradiction
    one_day = attrs.evolve(earlier, valid_until=nk.When.day(D(2000, 1, 1)))  # shares the rule's first day
    with pytest.raises(nk.DataError, match="contradicts policy"):
        _world(rule, one_day)


@pytest.mark.parametrize(("first", "second", "merged"), [
    (True, False, None), (False, True, None), (True, True, True), (None, False, False),
])
def test_undated_statements_that_disagree_leave_the_merged_answer_unknown(
        first: bool | None, second: bool | None, merged: bool | None) -> None:
    page = nk.Source(id="undated-page", title="t", document="seeds/x.txt",
                     kind=nk.SourceKind.UNATTRIBUTED)
    undated = {"valid_from": None, "valid_until": None,
               "evidence": (nk.Evidence("undated-page", "one two three", "no date"),)}
    a = attrs.evolve(_policy("jp-a", "JP", admits=first), **undated)
    b = attrs.evolve(_policy("jp-b", "JP", admits=second), **undated)
    kb = nk.KnowledgeBase(all_sources=(page,), all_policies=(a, b))
    (last,) = kb.policy_timeline("JP")
    assert last.undated and last.id == "jp-a+jp-b"
    assert last.admits is merged


def test_an_observation_no_evidence_dates_is_marked_undated_however_it_is_added() -> None:
    page = nk.Source(id="undated-page", title="t", document="seeds/x.txt",
                     kind=nk.SourceKind.UNATTRIBUTED)
    bare = attrs.evolve(_policy("jp-a", "JP", admits=True), valid_from=None, valid_until=None,
                        evidence=(nk.Evidence("undated-page", "one two three", "no date"),))
    assert not bare.undated
    built = nk.KnowledgeBase(all_sources=(page,), all_policies=(bare,))
    added = _world().with_source(page).with_policy(bare)
    for kb in (built, added):
        (stored,) = kb.policies("JP")
        assert stored.undated and stored.id == "jp-a"
        assert kb.support("jp-a", on=DAY).support is nk.Support.UNDATED
    dated = _world(_policy("jp-b", "JP", admits=True))
    assert not dated.policies("JP")[0].undated  # a statement with its own dates is left alone
