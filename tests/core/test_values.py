"""The value types' shared ``repr``, ``==`` and ``hash`` (nkasylum.core.values): ``==`` and ``hash`` do
exactly what attrs' generated ones would; the ``repr`` is a short constructor-like summary."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    assessments,
    cases,
    conflicts,
    examples,
    knowledge_bases,
    policy_answers,
    series_points,
    sources,
    statistics,
)

import nkasylum as nk
from nkasylum.core.values import value_eq, value_hash, value_repr, value_type

GENERATED = settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _value_types() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(nk.__path__, "nkasylum."):
        if info.name.startswith(("nkasylum.io.interop", "nkasylum.io.charts", "nkasylum.io.frames",
                                 "nkasylum.io.panel", "nkasylum.__main__")):
            continue  # optional extras (pandas, networkx, matplotlib), and the command line
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values()
                  if isinstance(v, type) and attrs.has(v) and v.__module__ == info.name]
    return found


def test_every_value_type_uses_the_shared_repr_but_the_three_written_as_their_constructor() -> None:
    # Country('CN'), Region('third-country', 'third country') and When.parse('2004') are whole
    # in a few characters; every other value type is summarised field by field.
    types = _value_types()
    assert nk.Assessment in types and nk.When in types and nk.KnowledgeBase in types
    assert sorted(t.__name__ for t in types if t.__repr__ is not value_repr) == ["Country", "Region", "When"]


def test_no_value_class_assigns_the_shared_methods_itself() -> None:
    # One decorator gives them: no class body repeats the three assignments.
    import inspect

    for kind in _value_types():
        body = inspect.getsource(kind)
        assert "= value_repr" not in body and "= value_eq" not in body and "= value_hash" not in body, kind


def test_the_decorator_refuses_to_run_after_attrs() -> None:
    with pytest.raises(TypeError, match=r"under @attrs\.frozen"):
        value_type(attrs.frozen(type("Late", (), {"__annotations__": {"x": "int"}})))


def test_every_value_type_but_country_and_region_uses_the_shared_eq_and_hash() -> None:
    # Country and Region keep attrs' generated methods: they are hashed in every query's loops.
    types = _value_types()
    assert sorted(t.__name__ for t in types if t.__eq__ is not value_eq) == ["Country", "Region"]
    assert sorted(t.__name__ for t in types if t.__hash__ is not value_hash) == ["Country", "Region"]


_TWINS: dict[tuple[type, str], type] = {}


def _filled(kind: type, value: Any, changed: dict[str, Any] | None = None) -> Any:
    """A ``kind`` holding ``value``'s fields (around any checks), ``changed`` ones replaced."""
    made = object.__new__(kind)
    for f in attrs.fields(type(value)):
        object.__setattr__(made, f.name, (changed or {}).get(f.name, getattr(value, f.name)))
    return made


def _copy(value: Any, changed: dict[str, Any] | None = None) -> Any:
    """``value`` rebuilt field by field, with ``changed`` fields replaced."""
    return _filled(type(value), value, changed)


def _twin(value: Any, option: str) -> Any:
    """``value`` as an instance of a twin class that attrs built with all its methods: the
    same name and fields, each with the field's own ``option`` (``repr`` or ``eq``)."""
    kind = type(value)
    twin = _TWINS.get((kind, option))
    if twin is None:
        twin = _TWINS[kind, option] = attrs.make_class(
            kind.__name__, {f.name: attrs.field(**{option: getattr(f, option)})
                            for f in attrs.fields(kind)},
            frozen=True, slots=True)
    return _filled(twin, value)


def _attrs_equal(a: Any, b: Any) -> bool:
    """What attrs' own generated ``==`` says of ``a`` and ``b`` (of one class)."""
    return bool(_twin(a, "eq") == _twin(b, "eq"))


def _check_eq_and_hash(value: Any) -> None:
    same = _copy(value)
    assert value == same and (value != same) is False and hash(value) == hash(same)
    assert value.__eq__(object()) is NotImplemented  # another class: Python then tries the other side
    for f in attrs.fields(type(value)):
        other = _copy(value, {f.name: object()})  # one field differs (and compares unequal)
        assert (value == other) is _attrs_equal(value, other) is (not f.eq), f"{type(value).__name__}.{f.name}"
        assert (value != other) is f.eq
        if not f.eq:
            assert hash(value) == hash(other)  # a field == ignores is not hashed either


@pytest.mark.slow  # every kind of generated value; the bundled values are compared quickly below
@GENERATED
@given(st.one_of(assessments(), policy_answers(), cases(), statistics(), conflicts(), series_points(),
                 sources(), knowledge_bases(max_entries=3)))
def test_the_shared_eq_and_hash_are_the_ones_attrs_makes(value: Any) -> None:
    for inner in _nested(value):
        _check_eq_and_hash(inner)


def test_the_bundled_values_compare_as_attrs_compares_them(kb: nk.KnowledgeBase) -> None:
    answer = nk.can_resettle("KP", "CN", "KR", on=2002)
    for entry in (*kb.all_policies[:10], *kb.all_cases[:10], answer, kb):
        for inner in _nested(entry)[:50]:
            _check_eq_and_hash(inner)
    # equal answers asked twice, and two different answers
    assert answer == nk.can_resettle("KP", "CN", "KR", on=2002) and hash(answer) == hash(
        nk.can_resettle("KP", "CN", "KR", on=2002))
    assert answer != nk.can_resettle("KP", "CN", "KR", on=2020)
    # different values hash apart (a constant hash would be legal, and make every set a list)
    for entries in (kb.all_sources, kb.all_policies, kb.all_cases):
        assert len({hash(entry) for entry in entries}) == len(entries)


def _nested(value: Any) -> list[Any]:
    """``value`` and every attrs value inside it, but countries (which write their code only)."""
    if isinstance(value, tuple):
        return [x for item in value for x in _nested(item)]
    if attrs.has(type(value)) and not isinstance(value, nk.Country):
        return [value, *(x for f in attrs.fields(type(value)) for x in _nested(getattr(value, f.name)))]
    return []


REPR_LIMIT = 1_500
"""The longest ``repr`` of any value: a summary for a log line or a notebook, never a dump."""


def _check_repr(value: Any) -> None:
    text = repr(value)
    assert len(text) <= REPR_LIMIT, (len(text), text[:200])
    call = ast.parse(text, mode="eval").body  # valid Python, written like a constructor call
    assert isinstance(call, ast.Call)
    name = call.func.value.id if isinstance(call.func, ast.Attribute) else call.func.id  # type: ignore[attr-defined]
    assert name == type(value).__name__
    fields = {f.name.lstrip("_") for f in attrs.fields(type(value))}
    assert {k.arg for k in call.keywords} <= fields


@GENERATED
@given(st.one_of(assessments(), policy_answers(), cases(), statistics(), conflicts(), series_points(),
                 sources(), knowledge_bases(max_entries=3)))
def test_the_shared_repr_is_a_short_constructor_call(value: Any) -> None:
    for inner in _nested(value):
        _check_repr(inner)


def test_every_bundled_value_and_answer_has_a_short_repr(kb: nk.KnowledgeBase) -> None:
    for entry in (*kb.all_sources, *kb.all_policies, *kb.all_cases, *kb.all_statistics, *kb.all_passages,
                  *kb.all_conflicts, kb, *nk.policy_timeline("CN")):
        _check_repr(entry)
    for answer in (nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)),
                   nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)),
                   nk.policy_answer("TH", on=dt.date(2024, 6, 1))):
        _check_repr(answer)
        assert "_knowledge_base" not in repr(answer)  # repr=False fields are left out
    policy = nk.policy("CN", on=dt.date(2002, 9, 11))
    assert repr(policy).startswith(f"Policy(id={policy.id[:40]!r}"[:-1]) and "country=Country('CN'), " in repr(policy)
    assert "Evidence(...)" in repr(policy) and "anchor=" not in repr(policy)  # no nested evidence dump


def test_the_shared_repr_leaves_defaults_out_and_writes_enums_as_names() -> None:
    assert repr(nk.Quantity(30, nk.Qualifier.MORE_THAN)) == "Quantity(value=30, qualifier=Qualifier.MORE_THAN)"
    assert repr(nk.Quantity(30)) == "Quantity(value=30)"
    assert repr(nk.When.parse("2002-06~/2004-06-01")) == "When.parse('2002-06~/2004-06-01')"
    assert eval(repr(nk.When.parse("2004")), {"When": nk.When}) == nk.When.parse("2004")


def test_a_value_met_again_while_written_is_written_as_an_ellipsis() -> None:
    # Frozen values cannot hold themselves, but one built around its checks can: the guard
    # against endless recursion writes "...".
    looped: list[Any] = []
    value = object.__new__(nk.Evidence)
    for name, field_value in (("source", "s"), ("anchor", "a b c"), ("note", looped), ("happened", None)):
        object.__setattr__(value, name, field_value)
    looped.append(value)
    assert repr(value) == "Evidence(source='s', anchor='a b c', note=[Evidence(...)])"
    # met again above the depth where values are written Name(...)
    loop: list[Any] = []
    policy = object.__new__(nk.Urging)
    object.__setattr__(policy, "target", nk.country("CN"))
    object.__setattr__(policy, "classification", loop)
    loop.append(loop)
    assert repr(policy) == "Urging(target=Country('CN'), classification=[[...]])"


def test_the_type_checks_read_each_annotation_as_python_would() -> None:
    # check_types reads the plain annotation forms itself rather than compiling them with eval
    import sys

    from nkasylum.core.checks import _resolve

    read = 0
    for kind in _value_types():
        namespace = dict(vars(sys.modules[kind.__module__]))
        # the class's own annotations: cattrs may have resolved its fields' types in place
        for name, text in vars(kind).get("__annotations__", {}).items():
            try:
                expected = eval(text, namespace)
            except NameError:
                continue
            assert _resolve(text, namespace) == expected, f"{kind.__name__}.{name}"
            read += 1
    assert read > 100
