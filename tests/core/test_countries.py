"""Country resolution: ISO codes and names, the alias table, and the errors."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.resources import read_toml

ALIASES = {
    "KP": ["North Korea", "DPRK", "D.P.R.K.", "N. Korea", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "ROK", "Republic of Korea", "S. Korea", "Korea, Republic of"],
    "RU": ["Russia", "Russian Federation"],
    "CN": ["China", "PRC", "People's Republic of China"],
    "US": ["United States", "U.S.", "USA", "America", "United States of America"],
    "GB": ["United Kingdom", "UK", "Britain", "Great Britain"],
    "NL": ["Netherlands", "Holland", "the Netherlands"],
    "MM": ["Burma", "Myanmar"],
    "LA": ["Laos", "Lao People's Democratic Republic"],
    "VN": ["Vietnam", "Viet Nam"],
}


@pytest.mark.parametrize(("code", "name"), [(c, n) for c, ns in ALIASES.items() for n in ns])
def test_aliases_researchers_use_resolve(code: str, name: str) -> None:
    assert nk.country(name).alpha_2 == code


def test_contract_codes_agree() -> None:
    assert nk.country("DPRK") == nk.country("KP") == nk.country("PRK") == nk.country("408")
    assert nk.country("North Korea").alpha_2 == "KP"


@pytest.mark.parametrize("spelling", ["dprk", "  DPRK ", "d.p.r.k.", "N.  Korea", "north korea",
                                      "NORTH KOREA", "Démocratic People's Republic of Korea"])
def test_case_accent_and_space_insensitive(spelling: str) -> None:
    assert nk.country(spelling).alpha_2 == "KP"


def test_every_alias_in_the_table_resolves_to_its_code() -> None:
    table = read_toml("aliases.toml")
    for code, names in table["aliases"].items():
        for name in names:
            assert nk.country(name).alpha_2 == code, name


AMBIGUOUS = set(read_toml("aliases.toml")["ambiguous"])


@given(st.sampled_from(list(pycountry.countries)))
def test_every_iso_country_round_trips(record: object) -> None:
    expected = nk.country(record.alpha_2)  # type: ignore[attr-defined]
    assert nk.country(record.alpha_3) == expected  # type: ignore[attr-defined]
    assert nk.country(record.numeric) == expected  # type: ignore[attr-defined]
    name = record.name  # type: ignore[attr-defined]
    if name not in AMBIGUOUS:  # documented exception: "Congo" is ambiguous by design
        assert nk.country(name) == expected
    assert nk.country(expected.name) == expected
    assert nk.country(expected) is expected
    assert expected.alpha_2 == record.alpha_2  # type: ignore[attr-defined]


def test_unknown_country_suggests_close_matches() -> None:
    with pytest.raises(nk.UnknownCountryError) as info:
        nk.country("Rusia")
    assert "'Rusia'" in str(info.value)
    assert "Russia" in info.value.suggestions
    assert len(info.value.suggestions) <= 3
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, nk.NKAsylumError)


def test_atlantis_is_unknown_and_named_in_the_message() -> None:
    with pytest.raises(nk.UnknownCountryError, match="Atlantis"):
        nk.country("Atlantis")


@pytest.mark.parametrize(("name", "codes"), [("Korea", ("KP", "KR")), ("Congo", ("CD", "CG"))])
def test_ambiguous_names_list_candidates_instead_of_guessing(name: str, codes: tuple[str, ...]) -> None:
    with pytest.raises(nk.AmbiguousCountryError) as info:
        nk.country(name)
    assert info.value.candidates == codes
    for code in codes:
        assert code in str(info.value)
    assert isinstance(info.value, LookupError)


def test_pyongyang_is_not_a_country_name() -> None:
    with pytest.raises(nk.UnknownCountryError) as info:
        nk.country("Pyongyang")
    assert "not a country" in str(info.value)
    assert info.value.suggestions == ("North Korea",)


@pytest.mark.parametrize("bad", [408, None, 4.08, b"KP", ["KP"]])
def test_non_string_is_a_type_error(bad: object) -> None:
    with pytest.raises(nk.ArgumentTypeError) as info:
        nk.country(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("lookalike", ["КР", "ΚΡ", "K P", "", "   "])
def test_lookalikes_and_blanks_do_not_resolve(lookalike: str) -> None:
    with pytest.raises(nk.UnknownCountryError):
        nk.country(lookalike)


def test_countries_compare_hash_and_sort_by_alpha_2() -> None:
    kp, ru, cn = nk.country("KP"), nk.country("Russia"), nk.country("China")
    assert sorted([ru, kp, cn]) == [cn, kp, ru]
    assert len({kp, nk.country("DPRK"), nk.country("408")}) == 1
    assert str(kp) == "North Korea (KP)"
    assert repr(kp) == "Country('KP')"
    assert kp.official_name == "Democratic People's Republic of Korea"


def test_errors_pickle() -> None:
    for err in (nk.UnknownCountryError("x", ("Y",)), nk.AmbiguousCountryError("Korea", ("KP", "KR"), ("a", "b")),
                nk.DataError("m", file="f", entry="e", field="g")):
        again = pickle.loads(pickle.dumps(err))
        assert str(again) == str(err)


def test_import_is_cheap() -> None:
    code = ("import sys, nkasylum; heavy = [m for m in ('pycountry', 'cattrs', 'pandas', "
            "'networkx') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_all_countries_is_sorted_and_complete() -> None:
    everything = nk.all_countries()
    assert len(everything) == len(pycountry.countries)
    assert list(everything) == sorted(everything)


# ------------------------------------------------ hostile text (issue 15, item 10)
INVISIBLE = ["\x00", "\x1f", "\x7f", "\x85", "\u00ad", "\u061c", "\u200b", "\u200d", "\u200e",
             "\u202e", "\u2066", "\u2069", "\ufeff", "\ufe0f", "\u034f", "\u3164", "\U000e0001"]


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("where", ["{}KP", "KP{}", "K{}P", "North{}Korea"])
def test_control_format_and_bidi_characters_are_refused(char: str, where: str) -> None:
    query = where.format(char)
    for resolve in (nk.country, nk.place):
        with pytest.raises(nk.UnknownCountryError) as info:
            resolve(query)
        assert f"U+{ord(char):04X}" in str(info.value) and "invisible or control" in str(info.value)


@given(st.text(alphabet=st.characters(categories=["Cc", "Cf"], exclude_characters="\t\n\r"),
               min_size=1, max_size=3),
       st.sampled_from(["KP", "DPRK", "North Korea", "third country", "408"]), st.booleans())
def test_any_control_or_format_character_is_refused(noise: str, name: str, before: bool) -> None:
    query = noise + name if before else name + noise
    for resolve in (nk.country, nk.place):
        with pytest.raises(nk.UnknownCountryError):
            resolve(query)


def test_tabs_line_breaks_and_spaces_around_a_name_are_still_padding() -> None:
    assert nk.country(" \tNorth Korea\r\n\u00a0") == nk.country("KP")


@pytest.mark.parametrize("query", ["8", "08", "0408", "¹²", "⁴⁰⁸", "①", "408.", "4O8"])
def test_numeric_codes_are_only_three_digits(query: str) -> None:
    with pytest.raises(nk.UnknownCountryError) as info:
        nk.country(query)
    if query[0] in "80":
        assert "three digits" in str(info.value)


@pytest.mark.parametrize("query", ["408", " 408 ", "４０８", "008"])
def test_three_digit_codes_resolve(query: str) -> None:
    assert nk.country(query).numeric == query.strip().translate({0xFF10 + i: str(i) for i in range(10)})


def test_an_over_long_name_is_refused_quickly_without_echoing_it() -> None:
    import time

    assert nk.country(" " * 89 + "North Korea").alpha_2 == "KP"  # 100 characters: read
    with pytest.raises(nk.UnknownCountryError, match="at most 100"):
        nk.country(" " * 90 + "North Korea")
    for resolve in (nk.country, nk.place):
        start = time.perf_counter()
        with pytest.raises(nk.UnknownCountryError) as info:
            resolve("North Korea " * 1_000_000)
        assert time.perf_counter() - start < 0.5
        message = str(info.value)
        assert len(message) < 300 and "12000000 characters" in message and "at most 100" in message
        assert len(info.value.query) == 12_000_000  # the attribute keeps what was given


def test_the_resolution_cache_keeps_neither_long_nor_failed_queries() -> None:
    import tracemalloc

    from nkasylum.core.countries import MAX_QUERY_LENGTH, _resolve

    before = _resolve.cache_info().currsize
    tracemalloc.start()
    try:
        for i in range(40):  # padded spellings of a real code: these resolved, and were cached
            with pytest.raises(nk.UnknownCountryError):
                nk.country("KP" + " " * (1_000_000 + i))
            with pytest.raises(nk.UnknownCountryError):
                nk.country(f"no such country {i}")
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept < 2_000_000
    assert _resolve.cache_info().currsize == before
    # The bound on what the cache may hold: entries times the longest key it accepts.
    assert _resolve.cache_info().maxsize * MAX_QUERY_LENGTH <= 500_000
