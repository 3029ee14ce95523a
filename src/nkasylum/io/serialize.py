"""JSON text: :func:`to_json` and :func:`from_json`, an exact round trip for every public type.

Keys are sorted so that exports diff well in version control. The conversion itself is the
storage layer's converter (:mod:`nkasylum.store.convert`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any, TypeVar

import attrs

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.periods import today
from nkasylum.core.text import shown
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.assessment import Assessment
from nkasylum.model.verdicts import Verdict
from nkasylum.store.convert import structure, unstructure

__all__ = ["MAX_INDENT", "MAX_JSON_SIZE", "from_json", "to_json"]

T = TypeVar("T")


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Serialise any public nkasylum value (or a tuple or list of them) to JSON.

    Keys are sorted and the output ends without a newline, so the same value always
    gives the same text.

    A knowledge base's JSON also holds its ``data_version`` (fingerprint and newest
    evidence date, see :class:`~nkasylum.DataVersion`), for readers of the file;
    :func:`from_json` ignores it, since the entries determine it.

    ``obj`` is an nkasylum value: an instance of one of its classes (``nk.Case``,
    ``nk.Assessment``, ``nk.KnowledgeBase``, ``nk.Country``...), a member of one of its
    enums, a ``datetime.date``, a ``datetime.timedelta`` (written as an ISO 8601 duration,
    ``"P339D"``), or ``None`` (what a query returns when nothing is
    documented); or a tuple or list of such values. Anything else is refused with
    :class:`~nkasylum.ArgumentTypeError` rather than written in a form that does not
    read back: bytes, a ``datetime`` (a date and time, not a date), a set (whose order
    changes with ``PYTHONHASHSEED``), a dict, a plain string or number.

    Example:
        >>> import nkasylum as nk
        >>> print(nk.to_json(nk.Quantity(30, nk.Qualifier.MORE_THAN), indent=None))
        {"qualifier": "more-than", "unit": "people", "value": 30}
    """
    if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int)
                               or not 0 <= indent <= MAX_INDENT):
        raise ArgumentTypeError(f"indent= takes None (one line) or an int from 0 to {MAX_INDENT}, not {indent!r}")
    _check_serialisable(obj)
    try:
        data = unstructure(obj)
        if isinstance(obj, KnowledgeBase):  # its provenance, for readers; ignored by from_json
            data["data_version"] = unstructure(obj.data_version)
        return json.dumps(data, indent=indent, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ArgumentTypeError(
            f"to_json takes nkasylum values (or tuples and lists of them), not "
            f"{type(obj).__name__}: {err}"
        ) from None


def _check_serialisable(obj: object) -> None:
    pending = [obj]
    while pending:
        value = pending.pop()
        if isinstance(value, (list, tuple)):
            pending.extend(value)
            continue
        kind = type(value)
        if (value is None or kind is dt.date or kind is dt.timedelta
                or ((attrs.has(kind) or issubclass(kind, enum.Enum))
                    and kind.__module__.partition(".")[0] == "nkasylum")):
            continue
        where = "" if value is obj else f" (inside the {type(obj).__name__} given)"
        raise ArgumentTypeError(
            "to_json takes nkasylum values (such as nk.Case, nk.Assessment, nk.KnowledgeBase, "
            "nk.Country or an nkasylum enum member), datetime.date, datetime.timedelta or None, or tuples and lists "
            f"of them; not {kind.__module__}.{kind.__qualname__}{where}: {shown(value)}"
        )


MAX_INDENT = 16
"""The widest ``indent=`` :func:`to_json` takes: a wider one only adds spaces (and
``indent=10**9`` would build gigabytes)."""

MAX_JSON_SIZE = 16 * 1024 * 1024
"""The most JSON :func:`from_json` reads: 16 MiB (bytes of ``bytes`` input, characters of
``str`` input). The bundled knowledge base is about 0.25 MB; a longer text is refused
before it is parsed, instead of after seconds and hundreds of megabytes."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DataError(f"the key {shown(key)} appears twice in one JSON object; "
                                "give each key once (which one was meant cannot be known)")
            seen.add(key)
    return found


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Rebuild a value of type ``kind`` from :func:`to_json` output (an exact round trip).

    The text is at most :data:`MAX_JSON_SIZE` (16 MiB), and no object in it may give a key
    twice (plain ``json.loads`` would keep the last one silently).

    An answer (:class:`~nkasylum.Assessment`, :class:`~nkasylum.PolicyAnswer`, or a tuple
    or list of them) is checked for what the engine guarantees of every answer it gives:
    the origin is in the bundled knowledge base's scope; no country appears twice; an
    answer has a route exactly when it is documented, from its origin to its destination
    through the ``via`` asked; its verdict agrees with its steps (documented or
    undocumented: no step finds the way blocked; blocked: one does); ``on`` lies in the
    period asked; ``latest_evidence`` is not after today; ``last_known`` is an earlier
    documented answer to the same question; a policy answer holds its own country's
    policy. What is not checked is that the engine would give this answer today: the
    evidence and wording are read as written (ask again to compare).

    Raises:
        DataError: the text is not valid JSON, gives a key twice, is longer than 16 MiB,
            does not describe a ``kind``, or describes an answer nkasylum does not give;
            the message says where (e.g. ``$.legs[0].origin``) and what was expected.
        ArgumentTypeError: ``text`` is not ``str`` or ``bytes``.

    Example:
        >>> import nkasylum as nk
        >>> r = nk.Route.parse("KP > RU > KR")
        >>> nk.from_json(nk.to_json(r), nk.Route) == r
        True
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise ArgumentTypeError(f"from_json takes JSON text (str or bytes), not {type(text).__name__}")
    if len(text) > MAX_JSON_SIZE:
        raise DataError(f"the JSON text is {len(text):,} long; from_json reads at most {MAX_JSON_SIZE:,} "
                        "(16 MiB), which holds the bundled knowledge base many times over")
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except DataError:
        raise
    except (ValueError, RecursionError) as err:
        raise DataError(f"not valid JSON: {err}") from None
    if kind is KnowledgeBase and isinstance(data, dict):
        data.pop("data_version", None)  # written by to_json, recomputed from the entries
    found = structure(data, kind, where="JSON")
    _check_answers(found)
    return found




def _check_answers(value: object) -> None:
    """What the engine guarantees of every answer, checked on one read from JSON (an archived
    answer edited by hand, or by mistake, would otherwise be trusted as the engine's)."""
    if isinstance(value, (tuple, list)):
        for item in value:
            _check_answers(item)
    elif isinstance(value, Assessment):
        _check_assessment(value)
    elif isinstance(value, PolicyAnswer):
        _check_policy_answer(value)


def _answer_error(message: str, field: str) -> DataError:
    return DataError(f"{message}; this is not an answer nkasylum gives (an archived answer is read back "
                     "as written: was it edited?)", field=field)


def _check_assessment(a: Assessment, *, scope: tuple[str, ...] | None = None) -> None:
    if scope is None:
        scope = default_knowledge_base().scope
    if a.origin.alpha_2 not in scope:
        raise _answer_error(f"origin {a.origin} is outside the knowledge base's scope ({', '.join(scope)})",
                            "origin")
    codes = [a.origin.alpha_2, *(c.alpha_2 for c in a.via or ()), a.dest.alpha_2]
    if len(set(codes)) != len(codes):
        raise _answer_error(f"the journey {' > '.join(codes)} names a country twice", "dest")
    if (a.verdict is Verdict.DOCUMENTED) != (a.route is not None):
        raise _answer_error(f"a {a.verdict.value} answer {'without' if a.route is None else 'with'} a route; "
                            "an answer has a route exactly when it is documented", "route")
    if a.route is not None:
        if (a.route.origin, a.route.dest) != (a.origin, a.dest):
            raise _answer_error(f"the route {a.route} does not go from {a.origin.alpha_2} to {a.dest.alpha_2}",
                                "route")
        named = tuple(p for p in a.route.transits if isinstance(p, Country))
        # via names waypoints passed in order, other stops allowed, unless asked exactly
        if a.via is not None and (named != a.via if a.exact or not a.via else not _in_order(a.via, named)):
            raise _answer_error(f"the route {a.route} does not go through {' > '.join(c.alpha_2 for c in a.via)}"
                                f"{'' if a.exact or not a.via else ' in that order'}", "route")
    if a.asked is not None and not a.asked.contains(a.on):
        raise _answer_error(f"on={a.on} is not in the period asked ({a.asked})", "on")
    if a.latest_evidence is not None and a.latest_evidence > today():
        raise _answer_error(f"latest_evidence {a.latest_evidence} is after today", "latest_evidence")
    decided = {s.verdict for s in a.steps if s.verdict is not None and s.kind.supports}
    if a.verdict is Verdict.DOCUMENTED and a.route is not None:
        # A documented answer may carry blocked steps: of legs off its route (another way
        # through the waypoints), or a policy blocking a leg on the same day that a passage
        # documents it (reported beside the passage, not hidden). Not a blocked leg of its
        # own route that nothing documents: no reasoning reaches that answer.
        documented = {(s.leg.origin, s.leg.dest) for s in a.steps
                      if s.leg is not None and s.verdict is Verdict.DOCUMENTED and s.kind.supports}
        for step in a.steps:
            if (step.verdict is Verdict.BLOCKED and step.kind.supports and step.leg is not None
                    and (ends := (step.leg.origin, step.leg.dest)) not in documented
                    and ends in {(leg.origin, leg.dest) for leg in a.route.legs}):
                raise _answer_error(f"a documented answer whose steps find its own leg {step.leg} blocked, "
                                    "and nothing documents it", "verdict")
    if a.verdict is Verdict.BLOCKED and Verdict.BLOCKED not in decided:
        raise _answer_error("a blocked answer with no step that finds the way blocked", "verdict")
    if a.verdict is Verdict.UNDOCUMENTED and Verdict.BLOCKED in decided:
        raise _answer_error("an undocumented answer whose steps find the way blocked", "verdict")
    if a.last_known is not None:
        if a.verdict is Verdict.DOCUMENTED or a.last_known.verdict is not Verdict.DOCUMENTED:
            raise _answer_error("last_known is the latest earlier documented answer of an answer that is not "
                                "documented", "last_known")
        if a.last_known.on >= a.on or (a.last_known.origin, a.last_known.via, a.last_known.dest) != (
                a.origin, a.via, a.dest):
            raise _answer_error("last_known answers the same question on an earlier day", "last_known")
        _check_assessment(a.last_known, scope=scope)


def _in_order(wanted: tuple[Country, ...], stops: tuple[Country, ...]) -> bool:
    """Whether ``stops`` passes every one of ``wanted`` in that order (other stops allowed)."""
    rest = iter(stops)
    return all(place in rest for place in wanted)


def _check_policy_answer(p: PolicyAnswer) -> None:
    if p.policy is not None and p.policy.country != p.country:
        raise _answer_error(f"the policy of {p.policy.country} given as the answer for {p.country}", "policy")
    if p.asked is not None and not p.asked.contains(p.on):
        raise _answer_error(f"on={p.on} is not in the period asked ({p.asked})", "on")
    if p.last_known is not None:
        if p.policy is not None or p.last_known.on >= p.on or p.last_known.country != p.country:
            raise _answer_error("last_known is the latest earlier answer for the same country, given only when "
                                "no policy is documented", "last_known")
        _check_policy_answer(p.last_known)
