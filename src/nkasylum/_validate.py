"""Checks shared by the entry types (policy, passage, case, statistic, conflict)."""

from __future__ import annotations

import re

from nkasylum.errors import DataError

_ID = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\+[a-z0-9]+(?:[-.][a-z0-9]+)*)*$")


def check_entry(id: str, evidence: tuple[object, ...]) -> None:
    """An entry needs a well-formed id and at least one piece of evidence."""
    if not isinstance(id, str) or not _ID.match(id):
        raise DataError(
            f"an id is lower-case letters and digits joined by '-' or '.' ('+' joins merged policy ids), not {id!r}",
            field="id",
        )
    if not evidence:
        raise DataError("no fact without evidence: give at least one [[...evidence]]", field="evidence")
