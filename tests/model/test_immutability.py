"""No public value can be changed after it is created.

Research code caches answers, shares one knowledge base between threads and notebooks, and
passes values around: if any of them could change in place, an answer could silently
differ from what was computed. So every public type is frozen and slotted, every
sequence field holds a tuple (a list handed to a constructor is copied), scenarios build
new knowledge bases, and what a query returns cannot be altered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import STRATEGIES

import nkasylum as nk

PUBLIC_TYPES = sorted((getattr(nk, name) for name in nk.__all__
                       if isinstance(getattr(nk, name), type) and attrs.has(getattr(nk, name))),
                      key=lambda t: t.__name__)
SOME = settings(max_examples=15, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# The large composite types take seconds per generated sweep: they run with --slow (CI does);
# every other type keeps the same law in the default quick run.
GENERATED_SWEEP = [pytest.param(k, id=k.__name__, marks=pytest.mark.slow
                                if k.__name__ in {"Assessment", "PolicyAnswer", "KnowledgeBase"} else ())
                   for k in PUBLIC_TYPES]


def test_every_public_attrs_type_is_covered_by_a_strategy() -> None:
    # A new public type without a strategy would silently escape the tests below.
    assert set(PUBLIC_TYPES) <= set(STRATEGIES), set(PUBLIC_TYPES) - set(STRATEGIES)
    assert len(PUBLIC_TYPES) >= 14


@pytest.mark.parametrize("kind", PUBLIC_TYPES, ids=lambda t: t.__name__)
def test_every_public_type_is_frozen_and_slotted(kind: type[Any]) -> None:
    assert "__slots__" in vars(kind)  # so no instance grows a __dict__ to write into
    assert kind.__setattr__.__name__ == "_frozen_setattrs"  # attrs' frozen guard


@pytest.mark.parametrize("kind", GENERATED_SWEEP)
@SOME
@given(data=st.data())
def test_no_field_can_be_assigned_or_added(kind: type[Any], data: Any) -> None:
    value = data.draw(STRATEGIES[kind])
    # repr shows every field of an attrs value (dates, ages, nested values), so it is the
    # fingerprint here; to_json cannot yet serialise the ages of a Backing (see
    # test_an_assessment_with_backing_serialises below).
    before = repr(value)
    for field in attrs.fields(kind):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field.name, getattr(value, field.name))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(value, field.name)
    with pytest.raises(AttributeError):
        value.note_added_later = "x"
    assert repr(value) == before


def _walk(value: object, seen: set[int]) -> list[tuple[str, object]]:
    """Every (path, field value) inside ``value``, through attrs fields and tuples."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    found: list[tuple[str, object]] = []
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name.startswith("_"):
                continue  # private caches (memo, index) are not values a user sees
            inner = getattr(value, field.name)
            found.append((f"{type(value).__name__}.{field.name}", inner))
            found += _walk(inner, seen)
    elif isinstance(value, tuple):
        for item in value:
            found += _walk(item, seen)
    return found


def test_the_bundled_knowledge_base_holds_no_mutable_container() -> None:
    kb = nk.default_knowledge_base()
    mutable = [(path, type(v).__name__) for path, v in _walk(kb, set())
               if isinstance(v, (list, dict, set, bytearray))]
    assert mutable == []


@pytest.mark.parametrize("kind", GENERATED_SWEEP)
@SOME
@given(data=st.data())
def test_a_list_given_to_a_constructor_is_copied(kind: type[Any], data: Any) -> None:
    value = data.draw(STRATEGIES[kind])
    fields = {f.name: getattr(value, f.name) for f in attrs.fields(kind) if f.init}
    lists = {name: list(v) for name, v in fields.items() if isinstance(v, tuple)}
    if not lists:
        return
    rebuilt = kind(**{**fields, **lists})
    assert rebuilt == value
    for name, given_list in lists.items():
        assert isinstance(getattr(rebuilt, name), tuple), name
        given_list.clear()
    assert rebuilt == value  # the caller emptying their lists changed nothing
    hash(rebuilt)


@pytest.mark.parametrize("bad", ["KP > CN", {"KP", "CN"}, {"KP": 1}])
def test_a_string_set_or_dict_is_not_a_sequence_field(bad: object) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.Route(bad)  # type: ignore[arg-type]


def test_a_scenario_never_leaks_into_the_default_knowledge_base() -> None:
    kb = nk.default_knowledge_base()
    before = nk.to_json(kb)
    day = dt.date(2009, 12, 23)
    answer = nk.can_resettle("KP", "RU", "KR", on=day)
    ru_kr = [p for p in kb.all_passages if p.id.startswith("ru-")]
    assert ru_kr, "expected a Russian passage in the bundled data"
    # cases whose route runs through Russia are sightings of its legs too
    through = [c.id for c in kb.all_cases if c.route is not None
               and any(getattr(leg.origin, "alpha_2", None) == "RU" for leg in c.route.legs)]
    closed = kb.without(*(p.id for p in ru_kr), *through)
    stricter = attrs.evolve(nk.policy("RU", on=day), id="scenario-ru-closed", repatriates=True,
                            exceptions=(), valid_from=nk.When.day(day), valid_until=nk.When.day(day),
                            basis=nk.Basis.RULE)
    # Both scenarios change the answer ...
    assert closed.can_resettle("KP", "RU", "KR", on=day).verdict is not answer.verdict
    assert "scenario-ru-closed" in closed.with_policy(stricter).policy("RU", on=day).id  # type: ignore[union-attr]
    # ... and neither touches the bundled knowledge base or the module functions.
    assert nk.default_knowledge_base() is kb
    assert nk.to_json(kb) == before
    assert nk.can_resettle("KP", "RU", "KR", on=day) == answer
    assert nk.load_knowledge_base() == kb


def test_what_a_query_returns_cannot_be_changed() -> None:
    day = dt.date(2002, 9, 11)
    results: list[Any] = [nk.sources(), nk.policy_timeline("CN"), nk.policies("CN"),
                          nk.passages(on=day), nk.cases(), nk.statistics(), nk.conflicts(),
                          nk.routes("KP", "KR", on=day), nk.all_countries(), nk.REGIONS,
                          nk.series("asylum-seekers-at-foreign-missions", country="CN")]
    for result in results:
        assert isinstance(result, tuple)
        assert result, "every query above has answers in the bundled data"
        with pytest.raises(TypeError):
            result[0] = result[0]
    answer = nk.can_resettle("KP", "CN", "KR", on=day)
    with pytest.raises(TypeError):
        answer.explanation[0] = "edited"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        answer.verdict = nk.Verdict.BLOCKED  # type: ignore[misc]
    # The memoised answer handed to the next caller is still the original.
    assert nk.can_resettle("KP", "CN", "KR", on=day) == answer
    assert nk.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.DOCUMENTED


def test_enums_and_module_constants_are_fixed() -> None:
    with pytest.raises(AttributeError):
        nk.Verdict.DOCUMENTED = "yes"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nk.THIRD_COUNTRY.name = "somewhere"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nk.country("KP").name = "Korea"  # type: ignore[misc]
    assert nk.country("KP").name == "North Korea"


def test_place_fields_resolve_names_and_refuse_other_types() -> None:
    import datetime as dt

    import pytest

    import nkasylum as nk

    ev = (nk.Evidence("voa-2002-09-11", "allowed most of those who enter foreign missions", "n"),)
    p = nk.Passage(id="x-1", origin="China", dest="ROK", channel=nk.Channel.FOREIGN_MISSION,
                   summary="s", basis=nk.Basis.RULE, evidence=ev,
                   valid_from=nk.When.year(2023), valid_until=nk.When.year(2023))
    assert (p.origin, p.dest) == (nk.country("CN"), nk.country("KR"))
    assert nk.Leg("KP", "third country").dest is nk.THIRD_COUNTRY
    what_if = nk.default_knowledge_base().with_passage(p)
    assert what_if.can_resettle("KP", "CN", "KR", on=dt.date(2023, 6, 1)).route is not None
    with pytest.raises(nk.ArgumentTypeError):
        nk.Leg(408, "KR")  # type: ignore[arg-type]
    with pytest.raises(nk.UnknownCountryError):
        nk.Leg("KP", "Atlantis")


def test_an_assessment_with_backing_serialises() -> None:
    a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
    assert a.backing and a.evidence_age is not None
    assert nk.from_json(nk.to_json(a), nk.Assessment) == a
    answer = nk.policy_answer("CN", on=dt.date(2002, 9, 11))
    assert nk.from_json(nk.to_json(answer), nk.PolicyAnswer) == answer
