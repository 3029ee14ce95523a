"""A griffe extension for the API reference: read nkasylum's docstrings as written, and give
attrs classes the signature their generated ``__init__`` has.

The docstrings head their doctests ``Example:`` (singular), which griffe's Google parser
would show as a plain admonition, turning ``>>>`` lines into block quotes; they also describe
several fields on one line (``valid_from, valid_until, undated: ...``) and cross-reference
with Sphinx roles (``:func:`nkasylum.routes```). All three are rewritten when griffe loads the
code, so the source keeps its wording and the reference renders it right: roles that name a
public name become links, the others plain code.

The value types are attrs classes, whose ``__init__`` attrs writes at run time: griffe reads
the source and would find no signature (``Case`` would show no parameters). Each attrs class
gets an ``__init__`` with the parameters of the real one: the annotations as written on the
fields, the defaults (a factory shows the value it makes), keyword-only where attrs makes them so.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from typing import Any

import attrs
import griffe

import nkasylum

_EXAMPLE = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:func|class|data|meth|attr|exc|mod):`~?(?P<target>[^`]+)`")
_SHARED = re.compile(r"^(?P<indent>[ \t]+)(?P<names>\w+(?:,[ \t]*\w+)+):[ \t]*(?P<text>.*)$", re.MULTILINE)


def rewrite(text: str) -> str:
    """``Example:`` -> ``Examples:``; ``a, b: text`` -> one ``name: text`` line per name;
    ``:class:`nkasylum.Policy``` -> a link to the reference entry."""
    text = _EXAMPLE.sub(r"\g<indent>Examples:", text)

    def link(m: re.Match[str]) -> str:
        target = m["target"]
        name = target.removeprefix("nkasylum.")
        short = target.rsplit(".", 1)[-1]
        if target.startswith("nkasylum.") and name in nkasylum.__all__:
            return f"[`{short}`][nkasylum.{name}]"
        return f"`{short}`"

    text = _ROLE.sub(link, text)

    def split(m: re.Match[str]) -> str:
        names = [n.strip() for n in m["names"].split(",")]
        return "\n".join(f"{m['indent']}{n}: {m['text']}" for n in names)

    return _SHARED.sub(split, text)


class ExampleSections(griffe.Extension):
    """Rewrite every docstring of the loaded package with :func:`rewrite`."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rewrite(obj.docstring.value)


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: griffe.ParameterKind.positional_only,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: griffe.ParameterKind.positional_or_keyword,
    inspect.Parameter.VAR_POSITIONAL: griffe.ParameterKind.var_positional,
    inspect.Parameter.KEYWORD_ONLY: griffe.ParameterKind.keyword_only,
    inspect.Parameter.VAR_KEYWORD: griffe.ParameterKind.var_keyword,
}


def _runtime(cls: griffe.Class) -> Any:
    try:
        return getattr(importlib.import_module(cls.module.path), cls.name, None)
    except ImportError:
        return None


def _default(field: Any, parameter: inspect.Parameter) -> str | None:
    if parameter.default is inspect.Parameter.empty:
        return None
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return "()" if field.default.takes_self else repr(field.default.factory())
    return repr(parameter.default)


def attrs_init(cls: griffe.Class, runtime: type) -> griffe.Function:
    """An ``__init__`` for the griffe view of an attrs class, from the real one."""
    written = inspect.get_annotations(runtime)
    fields = {f.alias: f for f in attrs.fields(runtime)}
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for name, p in inspect.signature(runtime).parameters.items():
        field = fields[name]
        text = written.get(field.name, p.annotation)
        annotation: str | griffe.Expr | None = None
        if isinstance(text, str):
            annotation = griffe.safe_get_annotation(ast.parse(text, mode="eval").body, parent=cls) or text
        parameters.append(griffe.Parameter(name, annotation=annotation, kind=_KINDS[p.kind],
                                           default=_default(field, p)))
    return griffe.Function("__init__", lineno=cls.lineno, endlineno=cls.lineno,
                           parameters=griffe.Parameters(*parameters), returns="None")


class AttrsSignatures(griffe.Extension):
    """Give every attrs class of the package its ``__init__`` signature (see :func:`attrs_init`)."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        runtime = _runtime(cls)
        if isinstance(runtime, type) and attrs.has(runtime) and "__init__" not in cls.members:
            cls.set_member("__init__", attrs_init(cls, runtime))
