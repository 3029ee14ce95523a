"""nkasylum: a cited, time-aware knowledge base of how North Koreans can (and cannot)
reach protection, with a query and reasoning API.

Every answer is traceable to a source, reproducible, and three-valued: documented
possible, documented blocked, or undocumented.

Example:
    >>> import datetime as dt
    >>> import nkasylum as nk
    >>> a = nk.can_resettle("North Korea", "China", "South Korea", on=dt.date(2002, 9, 11))
    >>> a.verdict.value, str(a.route)
    ('documented', 'KP > CN > third country > KR')

The module-level query functions use the bundled knowledge base
(:func:`default_knowledge_base`), loaded lazily on first use.

This module is the facade: it imports the names of the layers below it (``core``,
``model``, ``store``, ``engine``, ``io``; see the Architecture page of the documentation)
and defines nothing but the module-level functions that ask the bundled knowledge base.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from nkasylum._version import __version__
from nkasylum.core.countries import Country, all_countries, country
from nkasylum.core.errors import (
    AmbiguousCountryError,
    ArgumentTypeError,
    DataError,
    InvalidRouteError,
    MissingExtraError,
    NKAsylumError,
    OutOfScopeError,
    UnknownCountryError,
    UnknownEntryError,
    UnknownSourceError,
)
from nkasylum.core.periods import Basis
from nkasylum.core.places import INTERNATIONAL, REGIONS, SOUTHEAST_ASIA, THIRD_COUNTRY, Region, place
from nkasylum.core.quantities import Qualifier, Quantity, Unit
from nkasylum.core.when import DatePrecision, When
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.assessment import Assessment
from nkasylum.model.cases import Case, Outcome
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Channel, Passage
from nkasylum.model.policies import Classification, Policy, Status, Urging
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Evidence, Source, SourceKind
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import Backing, Support
from nkasylum.model.verdicts import Verdict
from nkasylum.store.convert import get_converter

if TYPE_CHECKING:  # loaded on first use by __getattr__ below; named here for type checkers
    from cattrs import Converter

    from nkasylum.io.interop import to_frames, transit_graph
    from nkasylum.io.loading import load_knowledge_base
    from nkasylum.io.schema import json_schema
    from nkasylum.io.serialize import from_json, to_json

WhenLike = dt.date | int | str | When | None
"""What ``on=`` takes: a date, a year, an EDTF text (a year, month, day or an interval of
them), a :class:`When`, or ``None`` for today."""

__all__ = [
    "INTERNATIONAL", "REGIONS", "SOUTHEAST_ASIA", "THIRD_COUNTRY", "AmbiguousCountryError",
    "ArgumentTypeError", "Assessment", "Backing", "Basis", "Case", "Channel", "Classification",
    "Conflict", "Country", "DataError", "DatePrecision", "Evidence", "InvalidRouteError",
    "KnowledgeBase", "Leg", "MissingExtraError", "NKAsylumError", "OutOfScopeError", "Outcome",
    "Passage", "Policy", "PolicyAnswer", "Qualifier", "Quantity", "Region", "Route", "SeriesPoint",
    "Source", "SourceKind", "Statistic", "Status", "Support", "Unit", "UnknownCountryError",
    "UnknownEntryError", "UnknownSourceError", "Urging", "Verdict", "When", "__version__",
    "all_countries", "assess_many", "can_resettle", "case", "cases", "conflicts", "converter",
    "country", "default_knowledge_base", "from_json", "get_converter", "json_schema",
    "load_knowledge_base", "passages", "place", "policies", "policy", "policy_answer",
    "policy_timeline", "routes", "series", "source", "sources", "statistics", "to_frames",
    "to_json", "transit_graph", "transit_map",
]


def sources() -> tuple[Source, ...]:
    """Every source in the bundled knowledge base, sorted by id.

    Example:
        >>> import nkasylum as nk
        >>> ids = [s.id for s in nk.sources()]
        >>> ids == sorted(ids)
        True
    """
    return default_knowledge_base().sources()


def source(id: str) -> Source:
    """The source with this id.

    Raises:
        UnknownSourceError: no such source; the message suggests close ids.

    Example:
        >>> import nkasylum as nk
        >>> str(nk.source("voa-2002-09-11").published)  # EDTF, as precise as the source
        '2002-09-11'
    """
    return default_knowledge_base().source(id)


def policy(country: Country | Region | str, *, on: WhenLike = None,
           horizon: dt.timedelta | None = None) -> Policy | None:
    """The policy of ``country`` documented on ``on`` (default: today), or ``None``.

    Statements documented together (rules in force, observations seen or between
    sightings) are merged into one :class:`Policy`. ``None`` means the knowledge base
    documents no policy for that date: undocumented, not "none". ``on`` takes a date, a
    year (``2015``: at some time in 2015) or an EDTF text; ``horizon`` carries
    observations forward past their last sighting (default: not at all). For how the
    answer is supported, what was last known and the undated statements, ask
    :func:`policy_answer`.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> nk.policy("China", on=dt.date(2002, 9, 11)).repatriates
        True
    """
    return default_knowledge_base().policy(country, on=on, horizon=horizon)


def policy_answer(country: Country | Region | str, *, on: WhenLike = None,
                  horizon: dt.timedelta | None = None) -> PolicyAnswer:
    """The policy of ``country`` on ``on``, with how it is supported and what was last known.

    Returns:
        A :class:`PolicyAnswer`: the merged policy (or ``None``), each statement's support
        (seen, between sightings, rule in force, carried forward), the evidence that bears
        on the date, the evidence age, the last known answer when nothing is documented,
        and the country's undated statements as context.

    Example:
        >>> import nkasylum as nk
        >>> a = nk.policy_answer("KR", on=2000)
        >>> bool(a), sorted({b.support.value for b in a.backing})
        (True, ['rule in force'])
    """
    return default_knowledge_base().policy_answer(country, on=on, horizon=horizon)


def policy_timeline(country: Country | Region | str) -> tuple[Policy, ...]:
    """The policies of ``country`` in time order, one per span over which they are unchanged.

    Example:
        >>> import nkasylum as nk
        >>> t = nk.policy_timeline("RU")
        >>> all(a.valid_from.start <= b.valid_from.start for a, b in zip(t, t[1:]) if not b.undated)
        True
    """
    return default_knowledge_base().policy_timeline(country)


def policies(country: Country | Region | str) -> tuple[Policy, ...]:
    """Every policy statement about ``country`` as stored (not merged), sorted by id.

    Example:
        >>> import nkasylum as nk
        >>> len(nk.policies("KR")) >= 1
        True
    """
    return default_knowledge_base().policies_of(country)


def passages(
    origin: Country | Region | str | None = None,
    dest: Country | Region | str | None = None,
    *,
    on: dt.date | None = None,
    any_date: bool = False,
) -> tuple[Passage, ...]:
    """Passages from ``origin`` and/or to ``dest`` documented on ``on`` (default: today).

    With ``any_date=True`` every matching passage is returned, whatever its period.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [p.actor for p in nk.passages("RU", "KR", on=dt.date(2009, 9, 30))]
        ['UNHCR Moscow office']
    """
    return default_knowledge_base().passages(origin, dest, on=on, any_date=any_date)


def cases(
    *,
    country: Country | Region | str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outcome: Outcome | str | None = None,
) -> tuple[Case, ...]:
    """Documented cases, oldest first, filtered by country, date range and outcome.

    Example:
        >>> import nkasylum as nk
        >>> [c.date.start.year for c in nk.cases(country="RU", outcome="resettled")][:1]
        [2004]
    """
    return default_knowledge_base().cases(country=country, since=since, until=until,
                                          outcome=outcome)


def case(id: str) -> Case:
    """The case with this id (raises :class:`UnknownEntryError` otherwise).

    Example:
        >>> import nkasylum as nk
        >>> nk.case("cn-german-school-15-2002").people.value
        15
    """
    return default_knowledge_base().case(id)


def statistics(
    *, country: Country | Region | str | None = None, measure: str | None = None
) -> tuple[Statistic, ...]:
    """Documented figures, sorted by measure, place, date and id.

    Example:
        >>> import nkasylum as nk
        >>> {str(s.value) for s in nk.statistics(country="RU", measure="nk-workers")} >= {"about 1,700"}
        True
    """
    return default_knowledge_base().statistics(country=country, measure=measure)


def conflicts() -> tuple[Conflict, ...]:
    """Every documented disagreement between (or inside) sources, sorted by id.

    Example:
        >>> import nkasylum as nk
        >>> any("applied" in c.subject or "arriv" in c.subject for c in nk.conflicts())
        True
    """
    return default_knowledge_base().conflicts()


def series(measure: str, *, country: Country | Region | str | None = None) -> tuple[SeriesPoint, ...]:
    """Yearly figures of one measure (e.g. ``"arrivals-in-south-korea"``), oldest first.

    Returns one :class:`SeriesPoint` (year, value with its qualifier, statistic id,
    evidence) per documented year. Years with no figure are absent: a gap stays a gap.
    A year that sources disagree on appears once per version, flagged ``disputed``.

    Example:
        >>> import nkasylum as nk
        >>> [(p.year, str(p.value)) for p in nk.series("asylum-seekers-at-foreign-missions", country="CN")]
        [(2002, 'at least 80'), (2002, 'an unquantified number of people')]
    """
    return default_knowledge_base().series(measure, country=country)


def can_resettle(
    origin: Country | Region | str,
    via: Country | Region | str | Sequence[Country | Region | str] | None,
    dest: Country | Region | str,
    *,
    on: WhenLike = None,
    horizon: dt.timedelta | None = None,
) -> Assessment:
    """Is there a documented way from ``origin`` through ``via`` to ``dest`` on ``on``?

    Args:
        origin: where the journey starts; the bundled knowledge base covers North Korea.
        via: ``None`` for any documented route; one transit country; or an ordered list
            or tuple of transit countries. An unnamed third country is inserted where a
            source says the way ran through one.
        dest: the destination country.
        on: the date asked about (default: today): a ``datetime.date``, an ``int`` year
            or an EDTF text; a year or period asks "documented at some time within it",
            and the answer's ``on`` says on which day.
        horizon: opt in to carrying observations forward up to this long past their
            last sighting (a ``datetime.timedelta``; default ``None``: not at all).
            Legs that use it are marked "carried forward" in ``backing``.

    Returns:
        An :class:`Assessment`: verdict (documented, blocked, undocumented), route,
        alternatives, explanation tied to evidence, how each statement is supported on
        the date, the evidence age, the last known documented answer when this one is
        not documented, and undated statements about the places on the way as context.

    Raises:
        OutOfScopeError: ``origin`` is not North Korea.
        UnknownCountryError, AmbiguousCountryError: a place that does not resolve.
        InvalidRouteError: a country twice on the route, or a region where a country is needed.
        ArgumentTypeError: ``via`` or ``on`` of the wrong type.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).verdict.value
        'documented'
        >>> nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)).verdict.value
        'blocked'
    """
    return default_knowledge_base().can_resettle(origin, via, dest, on=on, horizon=horizon)


def assess_many(rows: Any, *, horizon: dt.timedelta | None = None) -> tuple[Verdict, ...]:
    """The verdict of each ``(origin, via, dest, on)`` row, fast: a million rows in about a second.

    Each verdict is exactly ``nk.can_resettle(origin, via, dest, on=on).verdict``, without
    the explanation; ``rows`` may also be a pandas DataFrame with columns ``origin``,
    ``via``, ``dest`` and ``on``. See :meth:`KnowledgeBase.assess_many`.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> rows = [("KP", "RU", "KR", dt.date(2009, 12, 23)), ("KP", "CN", "KR", dt.date(2024, 6, 1))]
        >>> [v.value for v in nk.assess_many(rows)]
        ['documented', 'blocked']
    """
    return default_knowledge_base().assess_many(rows, horizon=horizon)


def routes(
    origin: Country | Region | str,
    dest: Country | Region | str,
    *,
    on: WhenLike = None,
    max_transits: int = 3,
    horizon: dt.timedelta | None = None,
    last_known: bool = False,
) -> tuple[Route, ...]:
    """Every documented route from ``origin`` to ``dest`` on ``on``, best first.

    A route is documented when each leg is backed by a passage that answers on ``on``
    (seen, between sightings, a rule in force, or carried forward within ``horizon``).
    Routes visit no country twice and name at most ``max_transits`` transit countries.
    When no chain of passages is documented but counts of arrivals show that some way
    was used, the one route is that way with its route unknown. For a year or period
    ``on``, the routes of its last day that has one. With ``last_known=True``, when no
    route is documented on ``on``, the routes of the latest earlier day that had one.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> "KP > CN > third country > KR" in [str(r) for r in nk.routes("KP", "KR", on=dt.date(2002, 9, 11))]
        True
    """
    return default_knowledge_base().routes(origin, dest, on=on, max_transits=max_transits,
                                           horizon=horizon, last_known=last_known)


def transit_map(*, on: dt.date | None = None) -> str:
    """A Mermaid flowchart of every passage documented on ``on`` (default: today).

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> "-->|unhcr-office|" in nk.transit_map(on=dt.date(2009, 9, 1))
        True
    """
    from nkasylum.io.charts import transit_map as draw  # lazy: the bridges load on first use

    return draw(default_knowledge_base(), on)


def _bridge(name: str) -> Any:
    """A public name of the bridges layer (``io/``), imported on first use.

    Importing every bridge (JSON, schema, pandas and networkx adapters, the anchor checker)
    would add several milliseconds to ``import nkasylum``, and most scripts ask a question
    before they export anything. Only the facade does this: no layer imports the facade,
    so a lazy import here cannot hide a cycle.
    """
    value: Any
    if name in ("to_json", "from_json"):
        from nkasylum.io import serialize  # lazy: the bridges load on first use

        value = getattr(serialize, name)
    elif name in ("to_frames", "transit_graph"):
        from nkasylum.io import interop  # lazy: the bridges load on first use

        value = getattr(interop, name)
    elif name == "json_schema":
        from nkasylum.io.schema import json_schema  # lazy: the bridges load on first use

        value = json_schema
    elif name == "load_knowledge_base":
        from nkasylum.io.loading import load_knowledge_base  # lazy: the bridges load on first use

        value = load_knowledge_base
    else:
        raise AttributeError(f"module 'nkasylum' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __getattr__(name: str) -> Any:
    # ``nk.converter`` is built on first access so that importing nkasylum never imports cattrs.
    if name == "converter":
        return get_converter()
    return _bridge(name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


converter: Converter
"""The shared ``cattrs`` JSON converter (see :func:`get_converter`); built on first access."""
