"""The assessment: the answer to one question, with its route, structured steps and evidence."""

from __future__ import annotations

import datetime as dt

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.countries import Country
from nkasylum.model.markdown import assessment_markdown
from nkasylum.model.routes import Route
from nkasylum.model.sources import Evidence
from nkasylum.model.verdicts import Step, Verdict
from nkasylum.model.wording import explanation

__all__ = ["Assessment"]


@attrs.frozen(field_transformer=freeze_sequences)
class Assessment:
    """The answer to "can North Koreans get from here to there, this way, on this date?".

    ``bool(assessment)`` is True only for :attr:`Verdict.DOCUMENTED`.

    Attributes:
        origin: where the journey starts.
        via: the transit countries asked about, in order (``None``: any route).
        dest: the destination.
        on: the date asked about.
        verdict: documented, blocked or undocumented.
        route: the documented route (``None`` unless documented).
        alternatives: other documented routes from origin to destination on that date.
        steps: what the reasoning found, in order, as data (leg, verdict, the entries and
            evidence behind it, dates, figures seen nearby); :attr:`explanation` words them.
        evidence: every piece of evidence the verdict rests on.
        latest_evidence: the publication date of the newest source used (``None`` when
            nothing dated was used), so an answer resting on a 2002 report shows it.
        disputed: ids of conflicts that touch an entry the answer rests on.

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
    route: Route | None
    alternatives: tuple[Route, ...]
    steps: tuple[Step, ...]
    evidence: tuple[Evidence, ...]
    latest_evidence: dt.date | None
    disputed: tuple[str, ...] = ()

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

    def __bool__(self) -> bool:
        return self.verdict is Verdict.DOCUMENTED

    def __str__(self) -> str:
        via = "any route" if self.via is None else " > ".join(c.alpha_2 for c in self.via)
        head = (f"{self.origin.alpha_2} to {self.dest.alpha_2} via {via} on {self.on}: "
                f"{self.verdict.value}")
        return "\n".join([head, *(f"  - {line}" for line in self.explanation)])

    def _repr_markdown_(self) -> str:
        return assessment_markdown(self)
