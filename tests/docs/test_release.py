"""The release metadata (CITATION.cff, CHANGELOG.md) says what the code is: the same version,
release date and data version, so a citation made from either names the same thing."""

from __future__ import annotations

import re
from pathlib import Path

import nkasylum as nk
from nkasylum._version import RELEASED
from nkasylum.model.citation import HOME, TITLE

ROOT = Path(__file__).resolve().parents[2]
CFF = (ROOT / "CITATION.cff").read_text(encoding="utf-8")


def _key(name: str) -> str:
    found = re.search(rf'^{name}:\s*"?(.*?)"?\s*$', CFF, re.MULTILINE)
    assert found, f"CITATION.cff has no {name}:"
    return found[1]


def test_citation_file_names_this_version_release_and_address() -> None:
    assert _key("version") == nk.__version__
    assert _key("date-released") == RELEASED
    assert _key("title") == TITLE
    assert _key("url") == HOME
    assert f'Documentation = "{HOME}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_citation_file_names_the_data_version_of_the_bundled_data() -> None:
    # Stale after a data edit: put the new fingerprint and date (nkasylum --version) in CITATION.cff.
    v = nk.data_version
    fix = (f"after a data change, write data version {v} into CITATION.cff: "
           f'value: "nkasylum-data:{v.fingerprint}" and "fingerprint {v.fingerprint} '
           f'(evidence to {v.newest_evidence})" in its description')
    assert f'value: "nkasylum-data:{v.fingerprint}"' in CFF, fix
    assert f"fingerprint {v.fingerprint} (evidence to {v.newest_evidence})" in CFF, fix


def test_the_changelog_has_a_section_for_this_release() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## \[([^\]]+)\](?: - (\S+))?$", text, re.MULTILINE)
    assert sections[0] == ("Unreleased", "")
    assert (nk.__version__, RELEASED) in sections


def test_cite_names_the_same_library_as_the_citation_file() -> None:
    import datetime as dt

    text = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).cite()
    assert f"version = {{{nk.__version__}}}" in text and f"date = {{{RELEASED}}}" in text
    assert f"url = {{{HOME}}}" in text
