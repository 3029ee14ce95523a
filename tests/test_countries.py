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
