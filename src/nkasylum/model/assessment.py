"""The assessment: the answer to one question, with its route, structured steps and evidence."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.text import days as _days
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.model.citation import Citing, bibtex
from nkasylum.model.markdown import assessment_markdown
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Route
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing
from nkasylum.model.verdicts import Step, Verdict
from nkasylum.model.wording import explanation, few, short_lines

__all__ = ["DETAILS", "Assessment"]

DETAILS = ("alternatives", "steps", "evidence", "latest_evidence", "disputed", "backing",
           "evidence_age", "last_known", "undated_policies", "undated_passages")
"""The fields of an answer that explain it rather than give it: the engine may work them
out when one of them is first read (see :func:`nkasylum.engine.assessment.pending_answer`)."""

_DETAILED = frozenset(DETAILS)
# Re-entrant: working out one answer's details reads those of its last_known answer.
_WORKING = threading.RLock()


# Each summary is itself a Python expression, as the shared repr's rule asks: a route as
# the Route.parse call that reads its text, a long tuple as its first item's kind times its
# length (``(Step(...),) * 44``), the last documented answer as its date, verdict and route.
def _route_text(route: Route | None) -> str:
    return "None" if route is None else f"Route.parse({str(route)!r})"


def _routes_text(routes: tuple[Route, ...]) -> str:
    shown = [_route_text(r) for r in routes[:2]] + (["..."] if len(routes) > 2 else [])
    return "(" + ", ".join(shown) + ("," if len(shown) == 1 else "") + ")"


def _counted(values: tuple[object, ...]) -> str:
    if not values:
        return "()"
    item = f"({type(values[0]).__name__}(...),)"
    return item if len(values) == 1 else f"{item} * {len(values)}"


def _known_text(known: Assessment | None) -> str:
    if known is None:
        return "None"
    return (f"Assessment(on={known.on!r}, verdict=Verdict.{known.verdict.name}, "
            f"route={_route_text(known.route)})")


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Assessment:
    """The answer to "can North Koreans get from here to there, this way, on this date?".

    ``bool(assessment)`` is True only for :attr:`Verdict.DOCUMENTED`.

    An answer from :func:`nkasylum.can_resettle` holds its verdict and route at once and
    works out the rest (``alternatives``, ``steps``, ``evidence``, ``latest_evidence``,
    ``disputed``, ``backing``, ``evidence_age``, ``last_known``, ``undated_policies``,
    ``undated_passages``) the first time one of them is read, once, safely across threads:
    a loop that reads only verdicts never pays for explanations. It is the same value
    either way: comparing, hashing, printing, pickling and serialising read every field.

    Attributes:
        origin: where the journey starts.
        via: the transit countries asked about, in order (``None``: any route): waypoints
            the route passes through in that order, other stops allowed, unless ``exact``.
        dest: the destination.
        on: the day the answer is for: the date asked, or, when a period was asked
            (``asked``), the last day in it on which the answer holds.
        verdict: documented, blocked or undocumented.
        route: the documented route found (``None`` unless documented): for waypoints or any
            route, the best of those found (fewest legs, then newest evidence).
        alternatives: other documented routes from origin to destination on that date.
        steps: what the reasoning found, in order, as data (leg, verdict, the entries and
            evidence behind it, dates, figures seen nearby); :attr:`explanation` words them.
        evidence: the evidence that bears on the date: for each statement the answer
            rests on, the sightings that cover the date, or the two that bracket it when it
            is documented between sightings, or the rule in force; never every sighting ever.
        latest_evidence: the report date of the newest source among that evidence (``None``
            when none is dated), so an answer resting on a 2002 report shows it.
        disputed: ids of conflicts that touch an entry the answer rests on.
        asked: the period asked (``on=2015``: "at some time in 2015"), or ``None`` when a
            single day was asked.
        horizon: how far observations were carried forward past their last sighting
            (``None``: not at all, the default).
        backing: how each statement the answer rests on is supported on ``on``: seen,
            between sightings, rule in force or carried forward.
        evidence_age: from ``on`` to the nearest sighting used, for the weakest-supported
            statement: zero when a sighting (or a rule in force) covers the date; for an
            answer that is not documented, the age of what was last known: the days from
            the last day it held (``last_known.on``) to the date asked (``None``: nothing
            was ever documented).
        last_known: when the answer is not documented, the latest earlier documented
            answer to the same question (its ``on`` is the last day it held), or ``None``.
        undated_policies: undated policy statements about the places on the journey.
        undated_passages: undated passages between places on the journey. Neither
            answers a dated question; both are shown beside the answer as context.
        exact: whether ``via`` was asked as the exact legs (``exact=True``, a
            :class:`~nkasylum.Route`, or an empty ``via``: the direct leg) rather than as
            waypoints.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2002, 9, 11))
        >>> a.verdict, bool(a), str(a.route)
        (<Verdict.DOCUMENTED: 'documented'>, True, 'KP > CN > third country > KR')
    """

    origin: Country
    via: tuple[Country, ...] | None
    dest: Country
    on: dt.date
    verdict: Verdict
    # The repr writes the route and what explains it in short (each route's text, how many
    # steps, statements and sources): written in full, one answer ran to 300 KB.
    route: Route | None = attrs.field(repr=_route_text)
    alternatives: tuple[Route, ...] = attrs.field(repr=_routes_text)
    steps: tuple[Step, ...] = attrs.field(repr=_counted)
    evidence: tuple[Evidence, ...] = attrs.field(repr=_counted)
    latest_evidence: dt.date | None
    disputed: tuple[str, ...] = ()
    asked: When | None = None
    horizon: dt.timedelta | None = None
    backing: tuple[Backing, ...] = attrs.field(default=(), repr=_counted)
    evidence_age: dt.timedelta | None = None
    last_known: Assessment | None = attrs.field(default=None, repr=_known_text)
    undated_policies: tuple[Policy, ...] = attrs.field(default=(), repr=_counted)
    undated_passages: tuple[Passage, ...] = attrs.field(default=(), repr=_counted)
    exact: bool = False
    # The knowledge base that gave the answer, for cite(); not part of the value (not
    # compared, shown, serialised or pickled: an answer read back cites with kb= given).
    _knowledge_base: Citing | None = attrs.field(init=False, default=None, eq=False, repr=False)
    # What works out the details (DETAILS) of an answer the engine gave without them, run
    # once when one is first read; None once they are there. Not part of the value either.
    _details: Callable[[], Mapping[str, object]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False)

    if not TYPE_CHECKING:  # for the type checker, a misspelt attribute stays an error
        def __getattr__(self, name: str) -> object:
            # Only called for a slot never set: the details of a pending answer.
            if name in _DETAILED:
                with _WORKING:
                    details = object.__getattribute__(self, "_details")
                    if details is not None:
                        for field, value in details().items():
                            object.__setattr__(self, field, value)
                        object.__setattr__(self, "_details", None)
                    return object.__getattribute__(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getstate__(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_knowledge_base", None)
        object.__setattr__(self, "_details", None)

    @property
    def undated(self) -> tuple[Policy | Passage, ...]:
        """Undated statements about the places on the journey: context, never an answer.

        Example:
            >>> import nkasylum as nk
            >>> a = nk.can_resettle("KP", None, "KR", on=2015)
            >>> all(p.undated for p in a.undated)
            True
        """
        return (*self.undated_policies, *self.undated_passages)

    @property
    def explanation(self) -> tuple[str, ...]:
        """Readable steps, one line per entry of :attr:`steps`, each naming the source ids behind it.

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
            >>> a.explanation[1].startswith("RU > KR: unhcr-office (UNHCR Moscow office)")
            True
        """
        return explanation(self.steps)

    @property
    def cited(self) -> tuple[str, ...]:
        """The ids of the sources the answer rests on, sorted: those of its evidence and, when
        it is not documented, of what was last known (empty: it rests on no source).

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> "kyodo-2009-12-23" in nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).cited
            True
        """
        known = self.last_known.evidence if self.last_known is not None and not self else ()
        return tuple(sorted({e.source for e in (*self.evidence, *known)}))

    def cite(self, kb: Citing | None = None) -> str:
        """BibTeX for the sources the answer rests on (:attr:`cited`) and for the library, with
        its version and the data version of the knowledge base that gave the answer.

        An answer that rests on no source cites the library alone. Keys are the source ids
        (stable once released); the output is the same text for the same answer.

        Args:
            kb: the knowledge base whose sources to cite; default: the one that gave the
                answer. Needed for an answer read back with ``from_json``, unpickled or built
                by hand, which do not carry it.

        Raises:
            ArgumentTypeError: no ``kb`` given and the answer does not know its knowledge base.
            UnknownSourceError: ``kb`` lacks a source the answer cites.

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> text = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).cite()
            >>> text.startswith("@software{nkasylum-"), "@misc{kyodo-2009-12-23," in text
            (True, True)
        """
        found = self._knowledge_base if kb is None else kb
        if found is None:
            raise ArgumentTypeError(
                "this answer does not know the knowledge base that gave it (it was read from JSON, "
                "unpickled or built by hand); pass it: a.cite(kb=nk.default_knowledge_base())")
        return bibtex((found.source(id_) for id_ in self.cited), found.data_version)

    def __bool__(self) -> bool:
        return self.verdict is Verdict.DOCUMENTED

    def _head(self) -> str:
        """The question and the verdict, on one line."""
        if self.via is None:
            how = "via any route"
        elif self.exact:
            how = "via exactly " + (" > ".join(c.alpha_2 for c in self.via) or "the direct leg")
        else:  # waypoints
            how = "via " + " > ".join(c.alpha_2 for c in self.via)
        when = f"at some time in {self.asked} (last on {self.on})" if self.asked else f"on {self.on}"
        return f"{self.origin.alpha_2} to {self.dest.alpha_2} {how} {when}: {self.verdict.value}"

    def explain(self) -> str:
        """The full explanation: the question and verdict, then every step of the reasoning
        in words (:attr:`explanation`), each naming its source ids; undated context and
        figures seen nearby included. ``str()`` gives the short answer.

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> text = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).explain()
            >>> text.splitlines()[1].startswith("  - KP > RU: labour-contract")
            True
        """
        return "\n".join([self._head(), *(f"  - {line}" for line in self.explanation)])

    def __str__(self) -> str:
        """The short answer, one screen: verdict, route found, one line per leg with its
        support and age, what was last known when it is not documented, a few source ids,
        and undated context as a count; :meth:`explain` gives it all."""
        out = [self._head()]
        if self.route is not None:
            out.append(f"route: {self.route}")
        out.extend(f"  {text}" for text in short_lines(self.steps))
        if self.alternatives:
            out.append("also documented: " + few([str(r) for r in self.alternatives], 2))
        known = self.last_known
        if not self and known is not None:
            out.append(f"last known: documented on {known.on}, {_days(self.on - known.on)} before the "
                       f"date asked, by {known.route or 'no named route'}")
        elif not self:
            out.append("last known: nothing earlier is documented either")
        if self.horizon is not None:
            out.append(f"observations carried forward up to {_days(self.horizon)} past their last sighting")
        elif not self:  # why what was last known does not answer
            out.append("observations are not carried forward past their last sighting")
        sources = list(dict.fromkeys(e.source for e in self.evidence))
        if not self and known is not None:
            sources = list(dict.fromkeys([*sources, *(e.source for e in known.evidence)]))
        out.append(f"sources: {few(sources) if sources else 'none'}")
        if self.disputed:
            out.append(f"disputed: {few(list(self.disputed), 3)}")
        if self.undated:
            count = len(self.undated)
            out.append(f"undated context: {count} statement{'s' if count != 1 else ''} "
                       f"({few([e.id for e in self.undated], 2)}); shown by explain() or --explain")
        return "\n".join(out)

    def _repr_markdown_(self) -> str:
        return assessment_markdown(self, short_lines(self.steps))

