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

This module is the facade over the layers (``core``, ``model``, ``store``, ``engine``,
``io``; see the Architecture page): its functions ask the bundled knowledge base
(:func:`default_knowledge_base`), loaded lazily on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from nkasylum._version import __version__
from nkasylum.core.countries import Country, all_countries, country
from nkasylum.core.errors import (
    AmbiguousCountryError,
    ArgumentTypeError,
    ArgumentValueError,
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
from nkasylum.core.places import INTERNATIONAL, REGIONS, SOUTHEAST_ASIA, THIRD_COUNTRY, PlaceLike, Region, place
from nkasylum.core.quantities import Qualifier, Quantity, Unit
from nkasylum.core.when import DatePrecision, When
from nkasylum.engine import knowledge
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.assessment import Assessment
from nkasylum.model.cases import Case, Outcome
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Channel, Passage
from nkasylum.model.policies import Classification, Policy, Status, Urging
from nkasylum.model.provenance import DataVersion
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Evidence, Source, SourceKind
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import Backing, CoverageCell, Support
from nkasylum.model.verdicts import Verdict
from nkasylum.store.convert import get_converter

if TYPE_CHECKING:  # loaded on first use by __getattr__ below; named here for type checkers
    from cattrs import Converter

    from nkasylum.io.charts import transit_map
    from nkasylum.io.frames import series_frame
    from nkasylum.io.interop import to_frames, transit_graph
    from nkasylum.io.loading import load_knowledge_base
    from nkasylum.io.panel import panel
    from nkasylum.io.plots import plot_coverage, plot_policy_timeline, plot_series, plot_series_grid
    from nkasylum.io.schema import json_schema
    from nkasylum.io.serialize import from_json, to_json

WhenLike = dt.date | int | str | When | None
"""What ``on=`` takes: a date, a year, an EDTF text, a :class:`When`, or ``None`` (today)."""

__all__ = [
    "INTERNATIONAL", "REGIONS", "SOUTHEAST_ASIA", "THIRD_COUNTRY", "AmbiguousCountryError",
    "ArgumentTypeError", "ArgumentValueError", "Assessment", "Backing", "Basis", "Case", "Channel",
    "Classification", "Conflict", "Country", "CoverageCell", "DataError", "DataVersion", "DatePrecision",
    "Evidence", "InvalidRouteError", "KnowledgeBase", "Leg", "MissingExtraError", "NKAsylumError",
    "OutOfScopeError", "Outcome", "Passage", "Policy", "PolicyAnswer", "Qualifier", "Quantity",
    "Region", "Route", "SeriesPoint", "Source", "SourceKind", "Statistic", "Status", "Support",
    "Unit", "UnknownCountryError", "UnknownEntryError", "UnknownSourceError", "Urging", "Verdict",
    "When", "__version__", "all_countries", "assess_many", "can_resettle", "case", "cases",
    "conflicts", "converter", "country", "coverage", "data_version", "default_knowledge_base", "from_json",
    "get_converter", "iter_routes", "json_schema", "load_knowledge_base", "panel", "passages",
    "place", "plot_coverage", "plot_policy_timeline", "plot_series", "plot_series_grid", "policies",
    "policy", "policy_answer", "policy_timeline", "routes", "series",
    "series_frame", "source", "sources", "statistics", "to_frames", "to_json", "transit_graph",
    "transit_map"
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
        >>> str(nk.source("voa-2002-09-11").published)
        '2002-09-11'
    """
    return default_knowledge_base().source(id)


def policy(country: PlaceLike, *, on: WhenLike = None,
           horizon: dt.timedelta | None = None, max_gap: dt.timedelta | None = None) -> Policy | None:
    """The policy of ``country`` documented on ``on`` (default today), or ``None``: undocumented.

    Statements documented together are merged into one :class:`Policy`. ``on`` takes a date,
    a year or an EDTF text; ``horizon`` carries observations past their last sighting;
    ``max_gap`` caps the gap between two sightings that documents the days between them.
    :func:`policy_answer` says how it is supported, and what was last known.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> nk.policy("China", on=dt.date(2002, 9, 11)).repatriates
        True
    """
    return default_knowledge_base().policy(country, on=on, horizon=horizon, max_gap=max_gap)


def policy_answer(country: PlaceLike, *, on: WhenLike = None,
                  horizon: dt.timedelta | None = None,
                  max_gap: dt.timedelta | None = None) -> PolicyAnswer:
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
    return default_knowledge_base().policy_answer(country, on=on, horizon=horizon, max_gap=max_gap)


def policy_timeline(country: PlaceLike) -> tuple[Policy, ...]:
    """The policies of ``country`` in time order, one per span over which they are unchanged.

    Example:
        >>> import nkasylum as nk
        >>> t = nk.policy_timeline("RU")
        >>> all(a.valid_from.start <= b.valid_from.start for a, b in zip(t, t[1:])
        ...     if a.valid_from and b.valid_from)
        True
    """
    return default_knowledge_base().policy_timeline(country)


def policies(country: PlaceLike) -> tuple[Policy, ...]:
    """Every policy statement about ``country`` as stored (not merged), sorted by id.

    Example:
        >>> import nkasylum as nk
        >>> len(nk.policies("KR")) >= 1
        True
    """
    return default_knowledge_base().policies(country)


def passages(
    origin: PlaceLike | None = None,
    dest: PlaceLike | None = None,
    *,
    on: WhenLike = None,
    any_date: bool = False,
) -> tuple[Passage, ...]:
    """Passages from ``origin`` and/or to ``dest`` documented on ``on`` (default: today).

    ``on`` takes a date, a year or an EDTF text; a period asks "documented at some time in
    it". With ``any_date=True`` every matching passage is returned, whatever its period.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [p.actor for p in nk.passages("RU", "KR", on=dt.date(2009, 9, 30))]
        ['UNHCR Moscow office']
    """
    return default_knowledge_base().passages(origin, dest, on=on, any_date=any_date)


def cases(
    *,
    country: PlaceLike | None = None,
    since: WhenLike = None,
    until: WhenLike = None,
    outcome: Outcome | str | None = None,
    possible: bool = False,
) -> tuple[Case, ...]:
    """Documented cases, oldest first, filtered by country, date window and outcome.

    ``since`` and ``until`` take a date, a year or an EDTF text: the window runs from the
    first day ``since`` can mean to the last day ``until`` can mean. A case is kept when
    its date surely falls in the window (both ends of its span); ``possible=True`` also
    keeps those whose date only may (a span that overlaps the window, such as "at some
    time up to 2014-06" for a window in 2013). Undated cases are left out of a window.

    See :meth:`KnowledgeBase.cases` for open-ended dates and a window that ends before it
    starts.

    Example:
        >>> import nkasylum as nk
        >>> [str(c.date) for c in nk.cases(country="RU", outcome="resettled")][:1]
        ['2004']
    """
    return default_knowledge_base().cases(country=country, since=since, until=until,
                                          outcome=outcome, possible=possible)


def case(id: str) -> Case:
    """The case with this id (raises :class:`UnknownEntryError` otherwise).

    Example:
        >>> import nkasylum as nk
        >>> nk.case("cn-german-school-15-2002").people.value
        15
    """
    return default_knowledge_base().case(id)


def statistics(
    *,
    country: PlaceLike | None = None,
    measure: str | None = None,
    since: WhenLike = None,
    until: WhenLike = None,
    possible: bool = False,
) -> tuple[Statistic, ...]:
    """Documented figures, sorted by measure, place, date and id, filtered by place,
    measure and the window of their as-of dates.

    ``since`` and ``until`` take the one date grammar of :func:`cases` (a date, a year, an
    EDTF text, a :class:`When`): the window runs from the first day ``since`` can mean to
    the last day ``until`` can mean. A figure is kept when its as-of date surely falls in
    the window (both ends of its span); ``possible=True`` also keeps those whose as-of date
    only may (a span that overlaps the window, such as "at some time up to 2014-06" for a
    window in 2013). Figures with no as-of date are left out of a window.

    ``since``, ``until`` and ``possible`` added in version 0.2.

    Example:
        >>> import nkasylum as nk
        >>> {str(s.value) for s in nk.statistics(country="RU", measure="nk-workers")} >= {"about 1,700"}
        True
        >>> all(s.as_of is not None and s.as_of.start.year >= 2020
        ...     for s in nk.statistics(country="KR", since=2020))
        True
    """
    return default_knowledge_base().statistics(country=country, measure=measure, since=since,
                                               until=until, possible=possible)


def conflicts() -> tuple[Conflict, ...]:
    """Every documented disagreement between (or inside) sources, sorted by id.

    Example:
        >>> import nkasylum as nk
        >>> any("applied" in c.subject or "arriv" in c.subject for c in nk.conflicts())
        True
    """
    return default_knowledge_base().conflicts()


def series(measure: str, *, country: PlaceLike | None = None) -> tuple[SeriesPoint, ...]:
    """Yearly figures of one measure (e.g. ``"arrivals-in-south-korea"``), oldest first.

    Returns one :class:`SeriesPoint` (year, value with its qualifier, statistic id,
    evidence) per documented year. Years with no figure are absent: a gap stays a gap.
    A year that sources disagree on appears once per version, flagged ``disputed``.

    Example:
        >>> import nkasylum as nk
        >>> [p.year for p in nk.series("asylum-seekers-at-foreign-missions", country="CN")]
        [2002, 2002]
    """
    return default_knowledge_base().series(measure, country=country)


def can_resettle(
    origin: PlaceLike,
    via: PlaceLike | Sequence[PlaceLike] | None,
    dest: PlaceLike,
    *,
    on: WhenLike = None,
    horizon: dt.timedelta | None = None,
    max_gap: dt.timedelta | None = None,
    exact: bool = False,
) -> Assessment:
    """Is there a documented way from ``origin`` through ``via`` to ``dest`` on ``on``?

    ``via`` lists waypoints, passed through in that order with other stops allowed:
    ``can_resettle("KP", "CN", "KR")`` asks "through China", ``KP > CN > TH > KR`` answers it
    and the answer names it; ``exact=True`` (or a :class:`Route`) asks for exactly those legs.

    Until the bundled knowledge base is built, a question with named transit countries, a
    day and no horizon is answered from tables compiled with the data (the same answer),
    so a script's first question does not wait for it; reading the answer's details builds
    it (see the Performance page).

    Args:
        origin: where the journey starts; the bundled knowledge base covers North Korea.
        via: ``None`` for any documented route; one waypoint; an ordered list or tuple of
            waypoints (an empty one: the direct leg); or a :class:`Route` from ``origin``
            to ``dest`` (its transit countries, exactly). An unnamed third country is
            inserted where a source says the way ran through one.
        dest: the destination country.
        on: the date asked about (default: today): a ``datetime.date``, an ``int`` year
            or an EDTF text; a year or period asks "documented at some time within it",
            and the answer's ``on`` says on which day.
        horizon: opt in to carrying observations forward up to this long past their
            last sighting (a ``datetime.timedelta``; default ``None``: not at all).
            Legs that use it are marked "carried forward" in ``backing``; a leg only carried
            forward never outranks a block seen or in force that day, on a named route,
            through waypoints or on any route (``via=None``).
        max_gap: the longest gap between two sightings of a value that documents the
            days between them (a ``datetime.timedelta``; default ``None``: no cap). Each
            "between sightings" support reports its ``gap``.
        exact: ``True``: exactly the legs ``via`` names. Waypoints look through routes of at
            most 8 transit countries, blocked only by a closed destination or a sealed
            waypoint (it sends North Koreans back and no passage out of it is documented).

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
        >>> a = nk.can_resettle("KP", "CN", "KR", on=2010)
        >>> str(a.route), nk.can_resettle("KP", "CN", "KR", on=2010, exact=True).verdict.value
        ('KP > CN > TH > KR', 'blocked')
    """
    # The domain decides whether the tables compiled with the data may answer (see
    # nkasylum.engine.knowledge.can_resettle): the facade only asks.
    return knowledge.can_resettle(origin, via, dest, on=on, horizon=horizon, max_gap=max_gap, exact=exact)


def assess_many(rows: Any, *, horizon: dt.timedelta | None = None,
                max_gap: dt.timedelta | None = None, exact: bool = False) -> tuple[Verdict, ...]:
    """The verdict of each ``(origin, via, dest, on)`` row, fast: a look-up and a bisection a row.

    Each verdict is exactly ``nk.can_resettle(origin, via, dest, on=on).verdict``, without
    the explanation; ``rows`` may also be a pandas DataFrame with columns ``origin``,
    ``via``, ``dest`` and ``on``; ``exact=True`` reads every ``via`` as exact legs. See
    :meth:`KnowledgeBase.assess_many`.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> rows = [("KP", "RU", "KR", dt.date(2009, 12, 23)), ("KP", "CN", "KR", dt.date(2024, 6, 1))]
        >>> [v.value for v in nk.assess_many(rows)]
        ['documented', 'blocked']
    """
    return default_knowledge_base().assess_many(rows, horizon=horizon, max_gap=max_gap, exact=exact)


def routes(
    origin: PlaceLike,
    dest: PlaceLike,
    *,
    on: WhenLike = None,
    max_transits: int = 3,
    horizon: dt.timedelta | None = None,
    last_known: bool = False,
    max_routes: int = 100,
    max_gap: dt.timedelta | None = None,
    via: PlaceLike | Sequence[PlaceLike] | None = None,
    exact: bool = False,
) -> tuple[Route, ...]:
    """The best documented routes from ``origin`` to ``dest`` on ``on`` (at most ``max_routes``).

    Each leg is backed by a passage that answers on ``on`` (seen, between sightings, rule
    in force, or carried forward within ``horizon``, though never where a block of the leg
    is seen or in force that day: each leg as :func:`can_resettle` would call it documented
    asked by name); routes visit no country twice and
    name at most ``max_transits`` transit countries. Where only counts of arrivals show
    that some way was used, the one route is that way, route unknown. For a period ``on``,
    its last day with a route; ``last_known=True``: else the latest earlier day with one.
    Where several passages link the same two countries, a leg is backed by the one with the
    newest evidence (then one through no third country, then the greatest id).

    ``via`` keeps the routes through those waypoints in order (other stops allowed), those
    naming the fewest countries first, as :func:`can_resettle` finds them; with
    ``exact=True``, the one route of exactly those legs, if documented.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [str(r) for r in nk.routes("KP", "KR", on=dt.date(2002, 9, 11))]
        ['KP > CN > PH > KR', 'KP > CN > third country > KR']
        >>> [str(r) for r in nk.routes("KP", "KR", on=2010, via="CN")]
        ['KP > CN > TH > KR']
    """
    return default_knowledge_base().routes(origin, dest, on=on, max_transits=max_transits,
                                           horizon=horizon, last_known=last_known,
                                           max_routes=max_routes, max_gap=max_gap, via=via, exact=exact)


def iter_routes(origin: PlaceLike, dest: PlaceLike, *,
                on: WhenLike = None, max_transits: int = 3,
                horizon: dt.timedelta | None = None,
                max_gap: dt.timedelta | None = None) -> Iterator[Route]:
    """Every documented route on ``on``, lazily (fewer passages first), without ranking them.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> sorted(str(r) for r in nk.iter_routes("KP", "KR", on=dt.date(2009, 12, 23)))[-2:]
        ['KP > CN > third country > KR', 'KP > RU > KR']
    """
    return default_knowledge_base().iter_routes(origin, dest, on=on, max_transits=max_transits,
                                                horizon=horizon, max_gap=max_gap)


def coverage(countries: Sequence[PlaceLike] | None = None,
             years: Sequence[int] | None = None, *, day: str = "07-01", at: str | None = None,
             field: str | None = None, max_gap: dt.timedelta | None = None) -> tuple[CoverageCell, ...]:
    """For each country and year, how the bundled knowledge base answers "what was its policy?".

    One :class:`CoverageCell` per country and year, on ``at`` (``day``, its former name;
    default ``"07-01"``, 1 July) of each year, or for the whole year with ``at="year"``
    (the cell of its last documented day). ``field`` (``"repatriates"``, ...) reads each
    cell for one policy field; ``max_gap`` caps the gap between sightings. Default: the 17
    countries the sources discuss, 2000 to 2025.

    Example:
        >>> import nkasylum as nk
        >>> cells = nk.coverage(years=[2010])
        >>> len(cells), sum(c.documented for c in cells) > 0
        (17, True)
    """
    return default_knowledge_base().coverage(countries, years, day=day, at=at, field=field,
                                             max_gap=max_gap)


_BRIDGES = {"to_json": "serialize", "from_json": "serialize", "to_frames": "interop",
            "transit_graph": "interop", "json_schema": "schema", "load_knowledge_base": "loading",
            "transit_map": "charts", "series_frame": "frames", "panel": "panel", "plot_coverage": "plots",
            "plot_policy_timeline": "plots", "plot_series": "plots", "plot_series_grid": "plots"}


def _bridge(name: str) -> Any:
    """A public name of the bridges layer (``io/``), imported on first use.

    Importing every bridge (JSON, schema, pandas and networkx adapters, the anchor checker)
    would add several milliseconds to ``import nkasylum``, and most scripts ask a question
    before they export anything. Only the facade does this: no layer imports the facade,
    so a lazy import here cannot hide a cycle.
    """
    module = _BRIDGES.get(name)
    if module is None:
        raise AttributeError(f"module 'nkasylum' has no attribute {name!r}")
    import importlib  # lazy: the bridges load on first use

    value = getattr(importlib.import_module(f"nkasylum.io.{module}"), name.lstrip("_"))
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __getattr__(name: str) -> Any:
    # ``nk.converter`` is built on first access so that importing nkasylum never imports cattrs.
    if name == "converter":
        return get_converter()
    if name == "data_version":  # computed on first access: importing nkasylum never loads the data
        return default_knowledge_base().data_version
    return _bridge(name)


def __dir__() -> list[str]:
    # The public names, the module's own dunders and its layers: not the names imported to
    # write it (Any, Iterator, dt, TYPE_CHECKING, annotations...).
    own = {n for n in globals() if n.startswith("__") and n.endswith("__")}
    layers = {n for n in ("core", "model", "store", "engine", "io") if n in globals()}
    return sorted({*__all__, *own, *layers})


converter: Converter
"""The shared ``cattrs`` JSON converter (see :func:`get_converter`); built on first access."""
data_version: DataVersion
"""The :class:`DataVersion` of the bundled data (``str()``: fingerprint and newest evidence date),
computed on first access; cite it with your results. Other knowledge bases: ``kb.data_version``."""
