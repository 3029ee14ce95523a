"""The exceptions nkasylum raises.

Every exception raised on bad input derives from :class:`NKAsylumError` and from the
matching built-in (``LookupError``, ``ValueError`` or ``TypeError``), so callers can catch
either the library's base class or the familiar built-in.
"""

from __future__ import annotations

from collections.abc import Iterable

from nkasylum.core.text import shown

__all__ = [
    "AmbiguousCountryError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "DataError",
    "InvalidRouteError",
    "MissingExtraError",
    "NKAsylumError",
    "OutOfScopeError",
    "UnknownCountryError",
    "UnknownEntryError",
    "UnknownSourceError",
]


class NKAsylumError(Exception):
    """Base class of every exception nkasylum raises on bad input or bad data.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.country("Atlantis")
        ... except nk.NKAsylumError as err:
        ...     print(type(err).__name__)
        UnknownCountryError

    Every nkasylum exception pickles whole (for multiprocessing, joblib, dask): the copy
    has the same type, message, attributes (``suggestions``, ``file``, ...) and notes.
    """

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuild without calling __init__ (whose signature differs per class, and whose
        # message a caller may have refined): the arguments plus the instance dict, which
        # holds every attribute and the ``__notes__`` of ``add_note``.
        return (_rebuild, (type(self), self.args), self._state() or None)

    def _state(self) -> dict[str, object]:
        return dict(self.__dict__)


def _rebuild(kind: type[NKAsylumError], args: tuple[object, ...]) -> NKAsylumError:
    if not (isinstance(kind, type) and issubclass(kind, NKAsylumError)):
        raise TypeError(f"not an nkasylum exception: {kind!r}")
    err = kind.__new__(kind, *args)
    err.args = args
    return err


class UnknownCountryError(NKAsylumError, LookupError):
    """A country name or code that resolves to no country.

    The message quotes the input (its first 60 characters, if longer) and suggests up to
    three close matches; they are also available as :attr:`suggestions`. :attr:`note`
    holds the reason when there is a specific one (``"Pyongyang"`` is a city; a name with
    a control character; a numeric code that is not three digits).

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.country("Rusia")
        ... except nk.UnknownCountryError as err:
        ...     print(err.suggestions[0])
        Russia
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), note: str | None = None) -> None:
        self.query = query
        self.suggestions = suggestions
        self.note = note
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        note = note or "give an ISO 3166-1 alpha-2, alpha-3 or numeric code, or a country name"
        super().__init__(f"unknown country {shown(query)}{hint} ({note})")

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError repr their message; keep it plain.
        return str(self.args[0])


class AmbiguousCountryError(NKAsylumError, LookupError):
    """A name that stands for more than one country (such as "Korea" or "Congo").

    nkasylum never guesses: the message lists the candidates, also in
    :attr:`candidates` as ISO alpha-2 codes.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.country("Korea")
        ... except nk.AmbiguousCountryError as err:
        ...     print(err.candidates)
        ('KP', 'KR')
    """

    def __init__(self, query: str, candidates: tuple[str, ...], names: tuple[str, ...]) -> None:
        self.query = query
        self.candidates = candidates
        self.names = names
        listed = "; ".join(f"{code} ({name})" for code, name in zip(candidates, names, strict=True))
        super().__init__(
            f"ambiguous country {query!r}: it may mean {listed}; give one of these codes"
        )


class UnknownSourceError(NKAsylumError, LookupError):
    """A source id that the knowledge base does not hold.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.source("no-such-source")
        ... except nk.UnknownSourceError as err:
        ...     print("unknown source" in str(err))
        True
    """


class UnknownEntryError(NKAsylumError, LookupError):
    """An entry id (policy, passage, case, statistic) that the knowledge base does not hold.

    Example:
        >>> import nkasylum as nk
        >>> kb = nk.default_knowledge_base()
        >>> try:
        ...     kb.without("no-such-entry")
        ... except nk.UnknownEntryError:
        ...     print("no such entry")
        no such entry
    """


class OutOfScopeError(NKAsylumError, ValueError):
    """A question outside what the knowledge base covers (an origin other than North Korea).

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.can_resettle("SY", None, "DE")
        ... except nk.OutOfScopeError as err:
        ...     print("North Korea" in str(err))
        True
    """


class DataError(NKAsylumError, ValueError):
    """A data file that does not validate; the message names the file, the entry and the field.

    The parts are also available as :attr:`file`, :attr:`entry` and :attr:`field`. Where
    loading found several problems, the error is the first and :attr:`problems` holds
    them all (its message counts and lists them), so one run shows every fix to make.

    Example:
        >>> from nkasylum.core.errors import DataError
        >>> str(DataError("problem", file="cn.toml", entry="policy cn-x", field="valid_until"))
        'cn.toml: policy cn-x: field valid_until: problem'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        entry: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.entry = entry
        self.field = field
        self._found: tuple[DataError, ...] = ()
        parts = [p for p in (file, entry, f"field {field}" if field else None) if p]
        super().__init__(": ".join([*parts, message]))

    @classmethod
    def collect(cls, problems: Iterable[DataError]) -> DataError:
        """One error for several problems: the first, whose message counts and lists the
        others (at most 20 are listed; :attr:`problems` holds every one)."""
        found = [p for problem in problems for p in problem.problems]
        if not found:
            raise ValueError("DataError.collect needs at least one problem")
        first = found[0]
        if len(found) == 1:
            return first
        rest = found[1:]
        listed = "; ".join(str(p) for p in rest[:20]) + ("; ..." if len(rest) > 20 else "")
        err = cls(f"{first.message} (and {len(rest)} more problem{'s' * (len(rest) > 1)}: {listed})",
                  file=first.file, entry=first.entry, field=first.field)
        err._found = tuple(found)
        return err

    @property
    def problems(self) -> tuple[DataError, ...]:
        """Every problem found: this one (as the first) and the others loading found."""
        return getattr(self, "_found", ()) or (self,)


class InvalidRouteError(NKAsylumError, ValueError):
    """A route that breaks the rules of a route: legs that do not join, or a country twice.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.Route.parse("KP > CN > KP")
        ... except nk.InvalidRouteError as err:
        ...     print("twice" in str(err))
        True
    """


class ArgumentTypeError(NKAsylumError, TypeError):
    """An argument of the wrong type, e.g. a number where a country or a date is expected.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.country(408)
        ... except nk.ArgumentTypeError as err:
        ...     print("str" in str(err))
        True
    """


class ArgumentValueError(NKAsylumError, ValueError):
    """An argument of the right type whose value nkasylum does not know, such as an outcome,
    a measure or a day that does not exist.

    Added in version 0.2.

    The message names the argument, quotes the value and suggests close values (also in
    :attr:`suggestions`), else lists the values allowed. A ``ValueError``, as Python's own
    enums raise for a value they do not hold.

    Example:
        >>> import nkasylum as nk
        >>> try:
        ...     nk.cases(outcome="resetled")
        ... except nk.ArgumentValueError as err:
        ...     print(err.argument, err.suggestions[0])
        outcome resettled
    """

    def __init__(self, argument: str, value: object, known: Iterable[str] = (), *,
                 what: str = "value", note: str = "") -> None:
        import difflib  # lazy: only error messages need it, and import time matters

        self.argument = argument
        self.value = value
        choices = list(dict.fromkeys(known))
        close = (difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
                 if isinstance(value, str) and len(value) <= 200 else [])
        self.suggestions = tuple(close)
        if close:
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?"
        elif choices:
            listed = ", ".join(repr(c) for c in choices[:30])
            hint = f"; use one of {listed}{', ...' if len(choices) > 30 else ''}"
        else:
            hint = ""
        super().__init__(f"unknown {what} {shown(value)} (given as {argument}=){hint}"
                         f"{f' ({note})' if note else ''}")


class MissingExtraError(NKAsylumError, ImportError):
    """An optional dependency that a function needs is not installed.

    The message names the package and the extra that installs it, e.g.
    ``python -m pip install "nkasylum[pandas]"``; the extra's name is also in :attr:`extra`.

    Example:
        >>> from nkasylum.core.errors import MissingExtraError
        >>> err = MissingExtraError("pandas", "pandas", "nk.to_frames")
        >>> print(err)
        nk.to_frames needs pandas, which is not installed; install it with: python -m pip install "nkasylum[pandas]"
        >>> isinstance(err, ImportError), err.extra
        (True, 'pandas')
    """

    def __init__(self, package: str, extra: str, needed_by: str) -> None:
        self.package = package
        self.extra = extra
        self.needed_by = needed_by
        super().__init__(
            f"{needed_by} needs {package}, which is not installed; install it with: "
            f'python -m pip install "nkasylum[{extra}]"',
            name=package,
        )

    def _state(self) -> dict[str, object]:
        # ImportError keeps msg, name and path outside the instance dict.
        return {**super()._state(), "msg": self.msg, "name": self.name, "path": self.path}

    def __str__(self) -> str:
        return str(self.args[0])
