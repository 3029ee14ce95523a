"""Scenarios: a knowledge base with statements added, replaced or removed, as a new value.

:class:`~nkasylum.KnowledgeBase` takes these methods from :class:`Scenarios`; the knowledge
base they start from is never changed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.periods import resolve_max_gap
from nkasylum.engine.index import Index
from nkasylum.model.cases import Case
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Source
from nkasylum.model.statistics import Statistic

if TYPE_CHECKING:
    from nkasylum.model.conflicts import Conflict

__all__ = ["Scenarios"]

_K = TypeVar("_K", bound="Scenarios")


_CAPS_KEPT = 4  # indexes under distinct gap caps kept at once (each costs a build)


class Scenarios:
    """The scenario methods of :class:`~nkasylum.KnowledgeBase` (a mixin with no state),
    and the knowledge base under a gap cap (:meth:`_at`)."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by KnowledgeBase
        all_sources: tuple[Source, ...]
        all_policies: tuple[Policy, ...]
        all_passages: tuple[Passage, ...]
        all_cases: tuple[Case, ...]
        all_statistics: tuple[Statistic, ...]
        all_conflicts: tuple[Conflict, ...]
        scope: tuple[str, ...]
        _index: Index
        _capped: dict[dt.timedelta, Index]

        def entry(self, id: str) -> object: ...

    def _at(self, max_gap: object) -> Index:
        """The index whose sightings bridge gaps of at most ``max_gap`` (``None``: any gap).

        A gap cap changes which days every statement answers on, so a capped question reads
        an index of its own, built when a cap is first asked for (a few are kept)."""
        cap = resolve_max_gap(max_gap)
        if cap is None:
            return self._index
        found = self._capped.get(cap)
        if found is None:
            if len(self._capped) >= _CAPS_KEPT:
                self._capped.clear()
            found = self._capped[cap] = Index.build(
                self.all_sources, self.all_policies, self.all_passages, self.all_cases,
                self.all_statistics, self.all_conflicts, self.scope, max_gap=cap)
        return found

    def with_policy(self: _K, *policies: Policy) -> _K:
        """A new knowledge base with these policy statements added (or replaced, by id).

        Example:
            >>> import attrs, nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> p = next(p for p in kb.all_policies if p.id == "cn-2023-detention-repatriation")
            >>> what_if = kb.with_policy(attrs.evolve(p, repatriates=None))
            >>> len(what_if.all_policies) == len(kb.all_policies), what_if == kb
            (True, False)
        """
        return self._with("all_policies", policies, Policy)

    def with_passage(self: _K, *passages: Passage) -> _K:
        """A new knowledge base with these passages added (or replaced, by id)."""
        return self._with("all_passages", passages, Passage)

    def with_case(self: _K, *cases: Case) -> _K:
        """A new knowledge base with these cases added (or replaced, by id)."""
        return self._with("all_cases", cases, Case)

    def with_statistic(self: _K, *statistics: Statistic) -> _K:
        """A new knowledge base with these statistics added (or replaced, by id)."""
        return self._with("all_statistics", statistics, Statistic)

    def with_source(self: _K, *sources: Source) -> _K:
        """A new knowledge base with these sources added (or replaced, by id)."""
        return self._with("all_sources", sources, Source)

    def without(self: _K, *ids: str) -> _K:
        """A new knowledge base without the entries (policies, passages, cases,
        statistics, conflicts) that have these ids.

        Raises:
            UnknownEntryError: an id that names no entry.

        Example:
            >>> import nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> smaller = kb.without("ru-amur-12-2009")
            >>> len(smaller.all_cases) == len(kb.all_cases) - 1
            True
        """
        for id in ids:
            self.entry(id)
        drop = set(ids)
        changes = {
            name: tuple(e for e in getattr(self, name) if e.id not in drop)
            for name in ("all_policies", "all_passages", "all_cases", "all_statistics")
        }
        # A conflict loses the versions removed with it; one left with none goes too.
        changes["all_conflicts"] = tuple(
            attrs.evolve(c, versions=tuple(v for v in c.versions if v not in drop))
            for c in self.all_conflicts
            if c.id not in drop and not set(c.versions) <= drop
        )
        return cast(_K, attrs.evolve(cast(Any, self), **changes))

    def _with(self: _K, field: str, items: tuple[Any, ...], kind: type[Any]) -> _K:
        for item in items:
            if not isinstance(item, kind):
                raise ArgumentTypeError(
                    f"expected {kind.__name__} values, got {type(item).__name__}"
                )
        replaced = {item.id for item in items}
        kept = tuple(e for e in getattr(self, field) if e.id not in replaced)
        return cast(_K, attrs.evolve(cast(Any, self), **{field: (*kept, *items)}))

