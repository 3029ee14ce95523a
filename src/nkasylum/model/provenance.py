"""Which data an answer came from: the data version of a knowledge base, to pin and cite."""

from __future__ import annotations

import attrs

from nkasylum.core.checks import check_types
from nkasylum.core.errors import DataError
from nkasylum.core.text import shown
from nkasylum.core.values import value_type
from nkasylum.core.when import When

__all__ = ["DataVersion"]


@attrs.frozen
@value_type
class DataVersion:
    """The version of a knowledge base's data: a short fingerprint of its content and how
    recent its evidence is.

    Two knowledge bases with the same entries have the same fingerprint, whether they were
    loaded from the bundled data, from a data folder, from JSON or built in code; one
    entry more, less or changed (a scenario) gives another. ``str()`` gives the text to
    write beside results, e.g. ``3f9a1c2e (evidence to 2026-01-20)``.

    Attributes:
        fingerprint: eight hexadecimal digits, the CRC-32 of the knowledge base's JSON
            (``nk.to_json(kb)`` with sorted keys and no spaces).
        newest_evidence: the publication date (EDTF, as precise as the source) of the
            newest source that any entry's evidence cites; ``None`` when no cited source
            is dated.

    Example:
        >>> import nkasylum as nk
        >>> v = nk.data_version
        >>> len(v.fingerprint), str(v).startswith(v.fingerprint + " (evidence to ")
        (8, True)
    """

    fingerprint: str
    newest_evidence: When | None = None

    def __attrs_post_init__(self) -> None:
        check_types(self)
        if len(self.fingerprint) != 8 or any(c not in "0123456789abcdef" for c in self.fingerprint):
            raise DataError(f"a data fingerprint is eight lower-case hexadecimal digits such as "
                            f"'3f9a1c2e', not {shown(self.fingerprint)}", field="fingerprint")

    def __str__(self) -> str:
        return f"{self.fingerprint} (evidence to {self.newest_evidence or 'an undated source'})"
