"""The value types' shared ``repr``, ``==`` and ``hash`` (nkasylum.core.values) do exactly what
attrs' generated ones would."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    assessments,
    cases,
    conflicts,
    knowledge_bases,
    policy_answers,
    series_points,
    sources,
    statistics,
)

import nkasylum as nk
from nkasylum.core.values import value_eq, value_hash, value_repr

GENERATED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def test_every_value_type_but_country_uses_the_shared_repr() -> None:
    # Country writes only its code; every other value type is written field by field.
    types = _value_types()
    assert nk.Assessment in types and nk.When in types and nk.KnowledgeBase in types
    assert sorted(t.__name__ for t in types if t.__repr__ is not value_repr) == ["Country"]


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


def _attrs_repr(value: Any) -> str:
    """What attrs' own generated ``__repr__`` writes for ``value``."""
    return repr(_twin(value, "repr"))


def _nested(value: Any) -> list[Any]:
    """``value`` and every attrs value inside it, but countries (which write their code only)."""
    if isinstance(value, tuple):
        return [x for item in value for x in _nested(item)]
    if attrs.has(type(value)) and not isinstance(value, nk.Country):
        return [value, *(x for f in attrs.fields(type(value)) for x in _nested(getattr(value, f.name)))]
    return []


@GENERATED
@given(st.one_of(assessments(), policy_answers(), cases(), statistics(), conflicts(), series_points(),
                 sources(), knowledge_bases(max_entries=3)))
def test_the_shared_repr_is_the_one_attrs_writes(value: Any) -> None:
    for inner in _nested(value):
        assert repr(inner) == _attrs_repr(inner)


def test_the_bundled_values_are_written_as_attrs_writes_them(kb: nk.KnowledgeBase) -> None:
    for entry in (*kb.all_sources[:20], *kb.all_policies[:20], *kb.all_cases[:20], *kb.all_statistics[:20]):
        for inner in _nested(entry):
            assert repr(inner) == _attrs_repr(inner)
    answer = nk.can_resettle("KP", "CN", "KR", on=2002)
    assert "_knowledge_base" not in repr(answer)  # repr=False fields are left out, as attrs does
    for inner in _nested(answer):
        assert repr(inner) == _attrs_repr(inner)


def test_a_value_met_again_while_written_is_written_as_attrs_does() -> None:
    # Frozen values cannot hold themselves, but one built around its checks can: the guard
    # against endless recursion writes "..." where attrs' does.
    looped: list[Any] = []
    value = object.__new__(nk.Evidence)
    for name, field_value in (("source", "s"), ("anchor", "a b c"), ("note", looped), ("happened", None)):
        object.__setattr__(value, name, field_value)
    looped.append(value)
    twin = attrs.make_class("Evidence", ["source", "anchor", "note", "happened"], frozen=True, slots=True)
    twin_loop: list[Any] = []
    twin_value = twin("s", "a b c", twin_loop, None)
    twin_loop.append(twin_value)
    assert repr(value) == repr(twin_value) == "Evidence(source='s', anchor='a b c', note=[...], happened=None)"


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
