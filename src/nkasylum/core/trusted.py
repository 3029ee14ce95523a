"""Trusted construction: building a frozen value whose fields are known to pass its checks.

A value type's constructor checks and converts every field, which is what a value from a
user or a data file needs. A few hot paths build values from parts that have passed those
checks already: the entries of the compiled bundle (checked when it was compiled, served
only while its fingerprint matches), the legs and routes of the route search (made of a
checked passage's own places and id) and the answers of the engine (its own values). This
module is the one way the library skips a constructor, so that each such place is easy to
find and says why its values are trusted. Tests compare each with the constructor's own
values (``tests/store/test_loader.py`` for the bundle, ``tests/engine/test_route_search.py``
for legs and routes, ``tests/model/test_immutability.py`` for answers).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["trusted", "trusted_rows"]

_T = TypeVar("_T")


def trusted(cls: type[_T], *names: str) -> Callable[..., _T]:
    """A function that builds a ``cls`` from positional arguments, one for each slot of
    ``names`` in that order, without running its constructor or its converters.

    ``cls`` must be a slotted class and ``names`` its slots (a frozen attrs class refuses
    ``setattr``: its slots' own setters fill it). Slots left out stay unset: name every
    field. The function is generated once per call of ``trusted`` (as attrs generates
    ``__init__``), so that building a value costs what writing each slot by hand costs.

    Example:
        >>> import attrs
        >>> from nkasylum.core.trusted import trusted
        >>> @attrs.frozen
        ... class Pair:
        ...     a: int
        ...     b: int = attrs.field(validator=attrs.validators.gt(0))
        >>> trusted(Pair, "a", "b")(1, 2)
        Pair(a=1, b=2)
    """
    if not names:
        raise ValueError(f"trusted({cls.__name__}) names no slot to fill")
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for i, name in enumerate(names):
        slot = next((vars(k)[name] for k in cls.__mro__ if name in vars(k)), None)
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        env[f"_put{i}"] = slot.__set__
    args = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"    _put{i}(made, v{i})\n" for i in range(len(names)))
    code = f"def build({args}):\n    made = _new(_cls)\n{body}    return made\n"
    exec(compile(code, f"<trusted {cls.__qualname__}>", "exec"), env)  # generated from slot names only
    build: Callable[..., _T] = env["build"]
    build.__qualname__ = build.__name__ = f"trusted_{cls.__name__}"
    return build


def trusted_rows(cls: type[_T], names: Sequence[str], converts: Sequence[Callable[[Any], Any] | None],
                 defaults: Sequence[Any], required: int) -> Callable[[Sequence[Any]], _T]:
    """Like :func:`trusted`, a function that builds a ``cls`` without its constructor, from
    one row of cells: cell ``i`` fills slot ``names[i]`` through ``converts[i]`` (``None``:
    the cell is the value; a cell ``None`` stays ``None``). A row may leave out trailing
    cells, not the first ``required``: their slots get ``defaults``. A row of another
    length raises ``ValueError``.

    Example:
        >>> import attrs
        >>> from nkasylum.core.trusted import trusted_rows
        >>> @attrs.frozen
        ... class Pair:
        ...     a: int
        ...     b: tuple[int, ...] = ()
        >>> build = trusted_rows(Pair, ["a", "b"], [None, tuple], [attrs.NOTHING, ()], 1)
        >>> build([1, [2, 3]]), build([1])
        (Pair(a=1, b=(2, 3)), Pair(a=1, b=()))
    """
    if not len(names) == len(converts) == len(defaults) or not names:
        raise ValueError(f"trusted_rows({cls.__name__}): one name, converter and default a slot")
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_ValueError": ValueError}
    lines = [f"def build(row):\n    n = len(row)\n    if not {required} <= n <= {len(names)}:\n"
             f"        raise _ValueError(f'a row of {{n}} cells for {cls.__name__}')\n    made = _new(_cls)\n"]
    for i, name in enumerate(names):
        slot = next((vars(k)[name] for k in cls.__mro__ if name in vars(k)), None)
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        env[f"_put{i}"], env[f"_c{i}"], env[f"_d{i}"] = slot.__set__, converts[i], defaults[i]
        cell = f"row[{i}]" if converts[i] is None else f"(None if row[{i}] is None else _c{i}(row[{i}]))"
        lines.append(f"    _put{i}(made, {cell})\n" if i < required else
                     f"    _put{i}(made, {cell} if n > {i} else _d{i})\n")
    lines.append("    return made\n")
    # the code is generated from slot names only
    exec(compile("".join(lines), f"<trusted rows {cls.__qualname__}>", "exec"), env)
    build: Callable[[Sequence[Any]], _T] = env["build"]
    build.__qualname__ = build.__name__ = f"trusted_rows_{cls.__name__}"
    return build
