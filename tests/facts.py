"""The shared base of the per-country data tests (``tests/data/countries/test_<code>.py``).

Like python-holidays' country test base: each country's test module subclasses
:class:`CountryFacts`, names its ISO code, and inherits the checks every country's data must
pass (entries filed under the right subject, every anchor in its source's quoted words,
nothing reported before it happened); it then pins the facts a researcher relies on, each
as a question asked through the public API::

    class TestChina(CountryFacts):
        code = "CN"

        def test_repatriation_is_documented_in_2012(self) -> None:
            ...

Import it as ``from facts import CountryFacts`` (pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any, ClassVar

import nkasylum as nk
from nkasylum.core.resources import data_root
from nkasylum.store.bundle import read_folder
from nkasylum.store.files import Entries

__all__ = ["CountryFacts", "bundled_entries", "cited", "file_of", "happened_spans", "ids_of", "policy_entry",
           "resting_on", "sources_of", "statement", "statistic", "support_on"]


@functools.cache
def bundled_entries() -> Entries:
    """The bundled data as read from its TOML files, with the file each entry came from."""
    return read_folder(Path(str(data_root())))


def file_of(entry_id: str) -> str:
    """The data file (``countries/cn.toml``) an entry or source is read from."""
    return bundled_entries().files[entry_id]


def sources_of(entry: object) -> set[str]:
    """The ids of the sources an entry's evidence cites."""
    return {e.source for e in entry.evidence}  # type: ignore[attr-defined]


def cited(answer: nk.Assessment) -> set[str]:
    """The ids of the sources an assessment cites."""
    return {e.source for e in answer.evidence}


def ids_of(policy: nk.Policy | None) -> list[str]:
    """The ids of the statements a day's (merged) policy is made of, in its order."""
    return [] if policy is None else policy.id.split("+")


def resting_on(source: str) -> list[str]:
    """The ids of the entries whose evidence cites ``source``."""
    kb = nk.default_knowledge_base()
    return [i for i in kb._index.entries
            if any(e.source == source for e in getattr(kb.entry(i), "evidence", ()))]


def statement(code: str, id: str) -> nk.Policy:
    """One stored policy statement of a country (not the day's merged policy), by id."""
    (found,) = [p for p in nk.policies(code) if p.id == id]
    return found


def statistic(id: str) -> nk.Statistic:
    """One statistic, by id."""
    (found,) = [s for s in nk.statistics() if s.id == id]
    return found


def policy_entry(id: str) -> nk.Policy:
    """One stored policy statement, by id, through the knowledge base."""
    found = nk.default_knowledge_base().entry(id)
    assert isinstance(found, nk.Policy)
    return found


def passage_entry(origin: str, dest: str, id: str) -> nk.Passage:
    """One stored passage from ``origin`` to ``dest``, by id, whatever its dates."""
    (found,) = [p for p in nk.passages(origin, dest, any_date=True) if p.id == id]
    return found


def conflict(id: str) -> nk.Conflict:
    """One recorded conflict between sources, by id."""
    (found,) = [c for c in nk.conflicts() if c.id == id]
    return found


def dated_years(entry: nk.Policy | nk.Passage) -> set[int]:
    """The calendar years an entry's dated evidence covers (each ``happened``, else the
    source's date; open starts date nothing)."""
    years: set[int] = set()
    for ev in entry.evidence:
        when = ev.happened if ev.happened is not None else nk.source(ev.source).published
        if when is None or when.lower is None:
            continue
        upper = when.upper.year if when.upper is not None else when.lower.year
        years.update(range(when.lower.year, upper + 1))
    return years


def series_years(measure: str, country: str) -> dict[int, set[int | None]]:
    """The values a series gives for each year, every version kept."""
    years: dict[int, set[int | None]] = {}
    for p in nk.series(measure, country=country):
        years.setdefault(p.year, set()).add(p.value.value)
    return years


def support_on(id: str, day: dt.date) -> nk.Support:
    """How an entry is supported on a day."""
    return nk.default_knowledge_base().support(id, on=day).support


def happened_spans(entry: nk.Policy | nk.Passage | nk.Case | nk.Statistic) -> set[str]:
    """The dates (as written) at which an entry's evidence says it happened."""
    return {str(e.happened) for e in entry.evidence if e.happened is not None}


class CountryFacts:
    """The checks every country's data passes; subclasses set :attr:`code`."""

    code: ClassVar[str] = ""

    @property
    def kb(self) -> nk.KnowledgeBase:
        return nk.default_knowledge_base()

    @property
    def slug(self) -> str:
        return self.code.lower()

    def _in(self, folder: str) -> list[Any]:
        entries = bundled_entries()
        name = f"{folder}/{self.slug}.toml"
        groups = {"countries": (*entries.policies, *entries.passages), "cases": entries.cases,
                  "statistics": entries.statistics, "conflicts": entries.conflicts}[folder]
        return [e for e in groups if entries.files[e.id] == name]

    def test_policies_in_its_file_are_about_it(self) -> None:
        wrong = [p.id for p in self._in("countries") if isinstance(p, nk.Policy)
                 and nk.place(self.code) != p.country]
        assert wrong == []

    def test_passages_in_its_file_touch_it(self) -> None:
        here = nk.place(self.code)
        wrong = [p.id for p in self._in("countries") if isinstance(p, nk.Passage)
                 and here not in (p.origin, p.dest)]
        assert wrong == []

    def test_cases_in_its_file_took_place_there(self) -> None:
        assert [c.id for c in self._in("cases") if c.place != nk.place(self.code)] == []

    def test_figures_in_its_file_were_counted_there(self) -> None:
        assert [s.id for s in self._in("statistics") if s.place != nk.place(self.code)] == []

    def test_every_anchor_stands_in_its_sources_quotes(self) -> None:
        missing = [(e.id, ev.anchor) for folder in ("countries", "cases", "statistics", "conflicts")
                   for e in self._in(folder) for ev in e.evidence
                   if self.kb.source(ev.source).quote_for(ev.anchor) is None]
        assert missing == []

    def test_nothing_is_reported_before_it_happened(self) -> None:
        early = []
        for folder in ("countries", "cases", "statistics", "conflicts"):
            for e in self._in(folder):
                for ev in e.evidence:
                    published = self.kb.source(ev.source).published
                    if (ev.happened is not None and published is not None and ev.happened.lower
                            and published.upper and ev.happened.lower > published.upper):
                        early.append((e.id, str(ev.happened), str(published)))
        assert early == []


class ExplainerSmallNumber:
    """Seed 000, the undated explainer "What countries allow North Koreans?", names the U.K.,
    Australia, Germany and the Netherlands together: each accepted a small, unquantified
    number. Mixed into those four countries' test classes (``code`` comes from CountryFacts)."""

    code: ClassVar[str]

    def test_the_explainer_says_it_accepted_a_small_unquantified_number(self) -> None:
        (p,) = [p for p in nk.policies(self.code) if p.id.endswith("-explainer-small-number")]
        assert p.admits is True
        assert p.undated
        assert p.grants == () and p.procedures == ()
