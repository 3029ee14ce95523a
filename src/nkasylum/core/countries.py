"""Countries: ISO 3166-1 values and the resolution of names and codes to them.

Resolution goes through ISO's own codes and names and an explicit, tested alias table
(``data/aliases.toml``). Fuzzy matching is used only to *suggest* names in an error
message, never to resolve one.

Where ISO's table comes from: the quick tables beside the compiled bundle
(``data/quick.json``) carry the codes and names of every ISO 3166-1 country, copied from
``pycountry`` when the bundle was compiled (``python -m nkasylum._compile``; a test fails
when the installed ``pycountry`` would write a different table), and the alias table. While
they are fresh, no call of this module imports ``pycountry``: not :func:`country` with a
code, an ISO name or an alias, not the did-you-mean suggestions for an unknown name, not
:func:`all_countries`. ``pycountry`` is imported only when they are missing or stale (a
TOML data file or the alias table was edited and the bundle not rebuilt), by the first
call that needs the table, and by :func:`iso_records` (which compiling calls).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from nkasylum.core.errors import AmbiguousCountryError, ArgumentTypeError, DataError, UnknownCountryError
from nkasylum.core.resources import ALIASES as ALIAS_FILE
from nkasylum.core.resources import alias_table, bundled_quick
from nkasylum.core.text import shown

__all__ = ["Country", "all_countries", "check_alias_table", "country"]


@attrs.frozen(order=True, repr=False)
class Country:
    """A country as ISO 3166-1 defines it.

    Countries compare, hash and sort by their alpha-2 code, so values from different
    spellings are equal. Build them with :func:`country`, not directly.

    Attributes:
        alpha_2: ISO 3166-1 alpha-2 code, e.g. ``"KP"``.
        alpha_3: ISO 3166-1 alpha-3 code, e.g. ``"PRK"``.
        numeric: ISO 3166-1 numeric code as three digits, e.g. ``"408"``.
        name: a short, readable name, e.g. ``"North Korea"``.
        iso_name: ISO's own short name, e.g. ``"Korea, Democratic People's Republic of"``.
        official_name: ISO's official name where it has one.

    Example:
        >>> import nkasylum as nk
        >>> kp = nk.country("DPRK")
        >>> kp.alpha_3, kp.numeric, str(kp)
        ('PRK', '408', 'North Korea (KP)')
        >>> sorted([nk.country("Russia"), nk.country("China")])
        [Country('CN'), Country('RU')]
    """

    alpha_2: str
    alpha_3: str = attrs.field(eq=False, order=False)
    numeric: str = attrs.field(eq=False, order=False)
    name: str = attrs.field(eq=False, order=False)
    iso_name: str = attrs.field(eq=False, order=False)
    official_name: str | None = attrs.field(default=None, eq=False, order=False)

    def __attrs_post_init__(self) -> None:
        # Its codes key every table and its names are shown: a hand-built value with a
        # None or a number in them would fail far from here (in str, hash or a frame).
        for name, pattern in (("alpha_2", _ALPHA_2), ("alpha_3", _ALPHA_3), ("numeric", _NUMERIC)):
            value = getattr(self, name)
            if not isinstance(value, str) or not pattern.fullmatch(value):
                raise DataError(f"must be an ISO 3166-1 {name.replace('_', '-')} code such as "
                                f"{_EXAMPLES[name]!r}, not {value!r}", field=name)
            # A country is written to JSON as its alpha-2 code and read back through the
            # code tables: digits alone are a numeric code ('408' read back as North Korea),
            # and three letters an alpha-3 code ('PRK' too). Made-up codes mix the two.
            if name != "numeric" and value.isdigit():
                raise DataError(f"must be an ISO 3166-1 {name.replace('_', '-')} code such as "
                                f"{_EXAMPLES[name]!r}, not the digits {value!r} (a numeric code)", field=name)
            if name == "alpha_2" and len(value) == 3 and value.isalpha():
                raise DataError(f"must be an ISO 3166-1 alpha-2 code such as 'KP', not the alpha-3 code "
                                f"{value!r}", field=name)
        for name in ("name", "iso_name", "official_name"):
            value = getattr(self, name)
            if value is None and name == "official_name":
                continue
            if not isinstance(value, str) or not value.strip():
                raise DataError(f"must be a non-empty text, not {value!r}", field=name)

    def __str__(self) -> str:
        return f"{self.name} ({self.alpha_2})"

    def __repr__(self) -> str:
        return f"Country({self.alpha_2!r})"


# ISO's codes are letters (alpha) and digits (numeric); upper-case letters and digits of the
# right length are let through, for the made-up countries of the scaling benchmarks.
_ALPHA_2 = re.compile("[A-Z0-9]{2,3}", re.ASCII)
_ALPHA_3 = re.compile("[A-Z0-9]{3}", re.ASCII)
_NUMERIC = re.compile("[A-Z0-9]{3}", re.ASCII)

_EXAMPLES = {"alpha_2": "KP", "alpha_3": "PRK", "numeric": "408"}


class _Registry:
    """Every way of naming a country, folded (see ``name_key``), mapped to its code.

    Plain rather than attrs: internal, and each attrs class costs import time.
    """

    __slots__ = ("ambiguous", "by_code", "by_key", "not_countries", "suggestions")

    def __init__(self, by_code: Mapping[str, Country], by_key: Mapping[str, str],
                 ambiguous: Mapping[str, tuple[str, ...]],
                 not_countries: Mapping[str, tuple[str, str]],
                 suggestions: Mapping[str, str]) -> None:
        self.by_code = by_code
        self.by_key = by_key
        self.ambiguous = ambiguous
        self.not_countries = not_countries
        self.suggestions = suggestions


_lock = threading.RLock()
_registry: _Registry | None = None
_codes: dict[str, Country] | None = None


def _load_registry() -> _Registry:
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                _registry = _build_registry()
    return _registry


@functools.lru_cache(maxsize=1)
def _load_aliases() -> dict[str, Any]:
    return alias_table()


# alpha_2, alpha_3, numeric, name, official_name, common_name: the pycountry attributes kept.
_Record = tuple[str, str, str, str, "str | None", "str | None"]


def iso_records() -> list[_Record]:
    """Every ISO 3166-1 country as read from ``pycountry``: one tuple each of its alpha-2,
    alpha-3 and numeric codes, name, official name and common name (``None`` where it has
    no such name), in ``pycountry``'s order. The quick tables beside the bundle keep it."""
    import pycountry  # lazy: the slowest import of a cold start, needed only to compile or without a fresh bundle

    return [(r.alpha_2, r.alpha_3, r.numeric, r.name, getattr(r, "official_name", None),
             getattr(r, "common_name", None)) for r in pycountry.countries]


@functools.lru_cache(maxsize=1)
def _load_records() -> tuple[_Record, ...]:
    """ISO's table: from the quick tables beside the bundle while they are fresh, else from
    ``pycountry``."""
    bundle = bundled_quick()
    found = bundle.get("countries") if bundle is not None else None
    if isinstance(found, list):
        return tuple((a2, a3, num, name, official, common) for a2, a3, num, name, official, common in found)
    return tuple(iso_records())


def _load_codes() -> dict[str, Country]:
    """ISO codes only (alpha-2, alpha-3, numeric; folded), built without the name index.

    Most queries are codes, and folding every ISO name and alias for the full index
    costs more than the rest of a cold start; that index is built on the first query
    that is not a code. The two agree (a test checks every code resolves the same).
    """
    global _codes
    if _codes is None:
        with _lock:
            if _codes is None:
                _codes = _build_codes()
    return _codes


def _build_codes() -> dict[str, Country]:
    table = _load_aliases()
    display: dict[str, str] = table.get("display", {})
    ambiguous = {name_key(n) for n in table["ambiguous"]}
    codes: dict[str, Country] = {}
    for alpha_2, alpha_3, numeric, name, official_name, common_name in _load_records():
        value = Country(
            alpha_2=alpha_2,
            alpha_3=alpha_3,
            numeric=numeric,
            name=common_name or display.get(alpha_2) or name,
            iso_name=name,
            official_name=official_name,
        )
        for code in (value.alpha_2, value.alpha_3, value.numeric):
            if code.casefold() not in ambiguous:
                codes.setdefault(code.casefold(), value)
    return codes


def check_alias_table(table: dict[str, Any]) -> None:
    """Validate an alias table as the library reads it (``nkasylum data check`` runs this
    on a data folder's ``aliases.toml``, so a table every name look-up would fail on is
    never reported valid).

    Raises:
        DataError: naming ``aliases.toml``: a missing table, an unknown ISO code, a name
            given to two countries, a malformed entry.
    """
    try:
        registry = _build_registry(table)
        for code, name in table.get("display", {}).items():
            if code not in registry.by_code or not isinstance(name, str) or not name.strip():
                raise DataError(f"[display] {code} = {name!r}: a display name is a non-empty text "
                                "keyed by a known alpha-2 code", file=ALIAS_FILE)
        for name, codes in table["ambiguous"].items():
            unknown = [c for c in codes if c not in registry.by_code]
            if unknown or len(codes) < 2:
                raise DataError(f"[ambiguous] {name!r} = {codes!r}: an ambiguous name lists two or more "
                                "known alpha-2 codes", file=ALIAS_FILE)
    except DataError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError) as err:  # entries of the wrong shape
        raise DataError(f"an entry of the wrong shape ({type(err).__name__}: {err}); see the "
                        "comments at the top of the bundled aliases.toml", file=ALIAS_FILE) from None


def _build_registry(table: dict[str, Any] | None = None) -> _Registry:
    if table is None:
        table = _load_aliases()
    by_code: dict[str, Country] = {c.alpha_2: c for c in _load_codes().values()}
    by_key: dict[str, str] = {}

    if not all(isinstance(table.get(k), dict) for k in ("aliases", "ambiguous", "not_countries")):
        raise DataError("the alias table needs the tables [aliases], [ambiguous] and [not_countries]",
                        file=ALIAS_FILE)

    def claim(key: str, code: str, origin: str) -> None:
        previous = by_key.setdefault(key, code)
        if previous != code:
            raise DataError(f"{origin} {key!r} names both {previous} and {code}; give each name one country",
                            file=ALIAS_FILE)

    records = _load_records()
    for alpha_2, alpha_3, numeric, *_ in records:
        for code in (alpha_2, alpha_3, numeric):
            claim(name_key(code), alpha_2, "ISO code")
    ambiguous = {name_key(n): tuple(sorted(codes)) for n, codes in table["ambiguous"].items()}
    for alpha_2, _, _, *names in records:
        for text in names:
            if text and name_key(text) not in ambiguous:
                claim(name_key(text), alpha_2, "ISO name")
    for code, names in table["aliases"].items():
        if code not in by_code:
            raise DataError(f"unknown ISO code {code!r}; the aliases table is keyed by alpha-2 codes",
                            file=ALIAS_FILE)
        for alias in names:
            claim(name_key(alias), code, "alias")
    for key in ambiguous:
        by_key.pop(key, None)
    not_countries = {
        name_key(n): (v["note"], v["suggest"]) for n, v in table["not_countries"].items()
    }
    return _Registry(
        by_code=by_code,
        by_key=by_key,
        ambiguous=ambiguous,
        not_countries=not_countries,
        suggestions={key: by_code[code].name for key, code in sorted(by_key.items())},
    )


def country(query: Country | str) -> Country:
    """Resolve a country name or ISO code to a :class:`Country`.

    Accepts ISO 3166-1 alpha-2, alpha-3 and numeric codes, ISO names, and the names in
    nkasylum's alias table (``"DPRK"``, ``"N. Korea"``, ``"ROK"``, ``"UK"``, ``"Holland"``,
    ...), ignoring case, accents, dots and spacing. After the first call a resolution
    is a dictionary look-up.

    What is refused rather than guessed, with :class:`UnknownCountryError` (the input is a
    string, the right type, but names no country; ``ArgumentTypeError`` is kept for
    inputs of the wrong type):

    * a numeric code in any form but ISO's three digits: ``"408"`` is North Korea, but
      ``"8"``, ``"0408"`` and ``"¹²"`` (superscripts) are not codes (full-width digits,
      ``"４０８"``, count as digits);
    * control characters other than tab and line breaks (``"KP\\x00"``), and invisible
      format characters: zero-width spaces and joiners (``"\\u200bKP"``), bidirectional
      controls (``"\\u202eKP"``), byte-order marks, variation selectors and other
      default-ignorable code points, which would make a name look other than it reads;
    * more than 100 characters (``MAX_QUERY_LENGTH``); no country name is half as
      long, and the message shows only the start of the input.

    Resolutions are cached: at most 4,096 queries, each at most 100 characters (so the
    cache stays under a few megabytes); failed queries are not cached.

    Args:
        query: a name or code, or a :class:`Country` (returned unchanged).

    Returns:
        The country.

    Raises:
        UnknownCountryError: nothing matches (the message suggests close matches), or the
            text is refused as above (the message says why).
        AmbiguousCountryError: the name stands for several countries (``"Korea"``).
        ArgumentTypeError: ``query`` is neither a string nor a :class:`Country`.

    Example:
        >>> import nkasylum as nk
        >>> nk.country("DPRK") == nk.country("KP") == nk.country("PRK") == nk.country("408")
        True
        >>> nk.country("Holland").name
        'Netherlands'
    """
    if isinstance(query, Country):
        return query
    if not isinstance(query, str):
        raise ArgumentTypeError(
            f"a country must be given as a str (name or ISO code) or a Country, "
            f"not {type(query).__name__}: {shown(query)}"
        )
    if len(query) > MAX_QUERY_LENGTH:
        check_query(query)  # refused before the cache keeps it
    return _resolve(query)


_DROP = re.compile(r"[.'’‘`´]")
_SPACE = re.compile(r"[^\w]+", re.UNICODE)


def name_key(text: str) -> str:
    """Fold a name for matching: case, accents, dots, apostrophes and spacing are ignored.

    Here, beside the look-up it serves: the country registry and the region names of
    :mod:`nkasylum.core.places` are its only readers."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _DROP.sub("", folded)
    # Spacing and punctuation are ignored, not only collapsed: "N.Korea" is "N. Korea".
    return _SPACE.sub("", folded)


MAX_QUERY_LENGTH = 100
"""The longest name :func:`country` and :func:`~nkasylum.place` read (no ISO name or alias
is more than 52 characters); a longer query is refused without being read."""

# Control characters except tab, line feed and carriage return, and the default-ignorable
# code points of Unicode (DerivedCoreProperties.txt), which render as nothing; format
# characters (category Cf) are checked beside this set, for the few not listed here.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def check_query(query: str) -> None:
    """Refuse a query :func:`country` must not read: too long, or with characters that
    are invisible or control the display (see :func:`country`)."""
    if len(query) > MAX_QUERY_LENGTH:
        raise UnknownCountryError(
            query, note=f"a country name or code is at most {MAX_QUERY_LENGTH} characters")
    found = _INVISIBLE.search(query)
    position = found.start() if found else next(
        (i for i, ch in enumerate(query) if ch > "\x7f" and unicodedata.category(ch) == "Cf"), None)
    if position is not None:
        char = query[position]
        name = f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
        raise UnknownCountryError(
            query, note=f"it holds {name}, an invisible or control character, at position {position}; "
                        "remove it")
    if not query.isascii():
        # A compatibility character (circled or fullwidth letters, the digraph U+01C5) folds
        # into other letters: "ⓀⓅ" would be read as the code KP, "ǅ" as DZ.
        for i, char in enumerate(query):
            if (char > "\x7f" and unicodedata.category(char) != "Zs"  # a space is padding
                    and not unicodedata.decomposition(char).startswith("<wide>")  # fullwidth: East Asian input
                    and unicodedata.normalize("NFKC", char) != unicodedata.normalize("NFC", char)):
                name = f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
                raise UnknownCountryError(
                    query, note=f"it holds {name}, a compatibility character, at position {i}; write "
                                f"{unicodedata.normalize('NFKC', char)!r} instead")


@functools.lru_cache(maxsize=4096)
def _resolve(query: str) -> Country:
    check_query(query)  # here, so that a query resolved once is not checked again
    if len(query) <= 3 and query.isascii() and query.isalnum():
        found = _load_codes().get(query.casefold())
        if found is not None:
            return found
    registry = _load_registry()
    key = name_key(query)
    if key.isdigit() and (len(key) != 3 or not query.strip().isdecimal()):
        raise UnknownCountryError(
            query, note="a numeric code is ISO 3166-1's three digits, such as '408' for North Korea")
    code = registry.by_key.get(key)
    if code is not None and len(key) <= 3 and key in _load_codes() and len(query.split()) > 1:
        # spacing and dots are ignored in names, not in codes: "K P" is not the code KP
        code = None
    if code is not None:
        return registry.by_code[code]
    if key in registry.ambiguous:
        codes = registry.ambiguous[key]
        raise AmbiguousCountryError(query, codes, tuple(registry.by_code[c].name for c in codes))
    if key in registry.not_countries:
        note, suggest = registry.not_countries[key]
        raise UnknownCountryError(query, (suggest,) if suggest else (), note=note)
    raise UnknownCountryError(query, _suggest(registry, key))


def _suggest(registry: _Registry, key: str) -> tuple[str, ...]:
    if not key:
        return ()
    import difflib  # lazy: only error messages need it, and import time matters

    matches = difflib.get_close_matches(key, registry.suggestions, n=8, cutoff=0.6)
    names = dict.fromkeys(registry.suggestions[match] for match in matches)
    return tuple(names)[:3]


def all_countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, sorted by alpha-2 code.

    Example:
        >>> import nkasylum as nk
        >>> len(nk.all_countries()) > 240
        True
    """
    return tuple(sorted({c.alpha_2: c for c in _load_codes().values()}.values()))
