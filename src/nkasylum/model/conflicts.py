"""Conflicts: where sources disagree, every version stays on record."""

from __future__ import annotations

import attrs

from nkasylum.core.checks import check_entry, check_types, freeze_sequences
from nkasylum.core.errors import DataError
from nkasylum.core.values import value_type
from nkasylum.model.display import conflict_markdown, conflict_text
from nkasylum.model.sources import Evidence

__all__ = ["Conflict"]


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class Conflict:
    """A documented disagreement between sources (or inside one).

    Attributes:
        id: stable identifier.
        subject: what is disputed, in the project's words.
        versions: the ids of the entries (statistics, cases, policies, passages) that
            hold each version; each carries its own evidence.
        evidence: the passages that show the disagreement.
        note: how the versions differ and what nkasylum does about it (it never picks one).

    Example:
        >>> import nkasylum as nk
        >>> c = nk.conflicts()[0]
        >>> len(c.versions) >= 1
        True
    """

    id: str
    subject: str
    versions: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_types(self)
        check_entry(self.id, self.evidence)
        if not self.versions:
            raise DataError("a conflict names the entries that hold each version; give at least one",
                            field="versions")
        if len(set(self.versions)) != len(self.versions):
            raise DataError("a version is listed twice", field="versions")

    def __str__(self) -> str:
        return conflict_text(self)

    def _repr_markdown_(self) -> str:
        return conflict_markdown(self)
