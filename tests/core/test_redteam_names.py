"""The December 2026 red-team pass, country names (N19)."""

from __future__ import annotations

import pytest

import nkasylum as nk


@pytest.mark.parametrize(("name", "code"), [
    ("Korea, North", "KP"),      # the CIA World Factbook spelling, like its 'Korea, South'
    ("Korea, South", "KR"),
    ("N.Korea", "KP"),           # spacing is ignored, as the codebook says
    ("N. Korea", "KP"),
    ("D.P.R.K.", "KP"),
    ("dprk", "KP"),
    ("Guinea-Bissau", "GW"),
    ("Ivory Coast", "CI"), ("Turkey", "TR"), ("Swaziland", "SZ"), ("Macedonia", "MK"),
])
def test_n19_names_fold_as_documented(name: str, code: str) -> None:
    assert nk.country(name).alpha_2 == code


def test_n19_fullwidth_letters_still_resolve_as_east_asian_input_writes_them() -> None:
    assert nk.country("ＫＰ") == nk.country("North Korea")


def test_n19_korea_north_does_not_suggest_south_korea() -> None:
    assert nk.country("Korea, North") == nk.country("KP")


@pytest.mark.parametrize("text", ["ǅ", "ⓀⓅ", "K P", "ᴷᴾ"])
def test_n19_compatibility_letters_and_spaced_codes_do_not_resolve(text: str) -> None:
    with pytest.raises(nk.UnknownCountryError):
        nk.country(text)
