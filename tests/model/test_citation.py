"""Assessment.cite() and --cite: BibTeX that parses, cites exactly what the answer rests on,
and is the same text every time."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.io.cli import main
from nkasylum.model.citation import bibtex, bibtex_key, escape


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """``(type, key, fields)`` of each entry; fails on anything BibTeX would choke on.

    Braces are counted as BibTeX counts them: literally, a backslash escapes nothing.
    """
    entries: list[tuple[str, str, dict[str, str]]] = []
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return entries
        m = re.compile(r"@([a-z]+)\{([^\s,{}\"#%'()=~\\]+),\n").match(text, i)
        assert m, f"no entry start at {text[i:i + 40]!r}"
        kind, key, i = m[1], m[2], m.end()
        fields: dict[str, str] = {}
        while True:
            f = re.compile(r"  ([a-z]+) = \{").match(text, i)
            assert f, f"no field at {text[i:i + 40]!r}"
            i, depth, start = f.end(), 1, f.end()
            while depth:
                assert i < len(text), "unbalanced braces"
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            assert f[1] not in fields, f"{key}: field {f[1]} twice"
            fields[f[1]] = text[start:i - 1]
            if text.startswith(",\n", i):
                i += 2
                continue
            assert text.startswith("\n}", i), f"entry {key} not closed"
            i += 2
            break
        entries.append((kind, key, fields))


def _rests_on(a: nk.Assessment) -> set[str]:
    known = a.last_known.evidence if a.last_known is not None else ()
    return {e.source for e in (*a.evidence, *known)}


QUESTIONS = [("KP", "RU", "KR", dt.date(2009, 12, 23)), ("KP", "CN", "KR", dt.date(2024, 6, 1)),
             ("KP", None, "KR", 2015), ("KP", "MN", "KR", dt.date(1990, 1, 1)),
             ("KP", ["CN", "TH"], "US", dt.date(2009, 6, 1))]


@pytest.mark.parametrize("question", QUESTIONS, ids=str)
def test_cite_gives_bibtex_for_exactly_the_sources_the_answer_rests_on(question: Any) -> None:
    origin, via, dest, on = question
    a = nk.can_resettle(origin, via, dest, on=on)
    text = a.cite()
    entries = parse_bibtex(text)
    keys = [key for _, key, _ in entries]
    assert len(keys) == len(set(keys))
    (kind, key, library), *sources = entries
    assert (kind, key) == ("software", f"nkasylum-{nk.__version__}")
    assert library["version"] == nk.__version__ and str(nk.data_version) in library["note"]
    cited = {re.fullmatch(r"nkasylum source (\S+?)(; undated)?", f["note"])[1] for _, _, f in sources}
    assert cited == set(a.cited) <= _rests_on(a)
    assert all(kind == "misc" for kind, _, _ in sources) and keys[1:] == sorted(keys[1:])
    for _, key, fields in sources:
        s = nk.source(key)  # the bundled ids are valid keys: the key is the id
        assert fields["title"] == "{" + escape(s.title) + "}"
        assert ("url" in fields) == (s.url is not None) and ("date" in fields) == (s.published is not None)
    assert a.cite() == text == nk.from_json(nk.to_json(a), nk.Assessment).cite(kb=nk.default_knowledge_base())


def test_a_documented_answer_cites_its_evidence_and_a_blocked_one_what_was_last_known_too() -> None:
    documented = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
    assert set(documented.cited) == {e.source for e in documented.evidence}
    blocked = nk.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    assert blocked.last_known is not None
    assert set(blocked.cited) == _rests_on(blocked) > {e.source for e in blocked.evidence}


def test_an_answer_resting_on_nothing_cites_the_library_alone() -> None:
    source = nk.Source(id="s-1", title="A report", document="seeds/x.md", kind=nk.SourceKind.NEWS_REPORT)
    kb = nk.KnowledgeBase(all_sources=(source,))
    a = kb.can_resettle("KP", "CN", "KR", on=dt.date(2000, 1, 1))
    assert a.cited == ()
    ((kind, _, fields),) = parse_bibtex(a.cite())
    assert kind == "software" and str(kb.data_version) in fields["note"]
    assert str(nk.data_version) not in a.cite()  # this knowledge base's version, not the bundled one


def test_an_answer_read_back_needs_its_knowledge_base_named() -> None:
    a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
    for copy in (nk.from_json(nk.to_json(a), nk.Assessment), pickle.loads(pickle.dumps(a))):
        assert copy == a
        with pytest.raises(nk.ArgumentTypeError, match=r"a\.cite\(kb=nk\.default_knowledge_base\(\)\)"):
            copy.cite()
        assert copy.cite(kb=nk.default_knowledge_base()) == a.cite()
    assert len(pickle.dumps(a)) < 100_000  # the knowledge base is not pickled with it
    other = nk.KnowledgeBase(all_sources=(nk.Source(id="s-1", title="A report", document="seeds/x.md",
                                                     kind=nk.SourceKind.NEWS_REPORT),))
    with pytest.raises(nk.UnknownSourceError):
        a.cite(kb=other)  # a knowledge base without the sources cited


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=examples(60), deadline=None)
@given(title=_TEXT, publisher=st.none() | _TEXT, author=st.none() | _TEXT,
       url=st.none() | _TEXT.map(lambda t: "https://example.org/" + t), ids=st.lists(_TEXT, min_size=1, max_size=4))
def test_any_text_in_a_source_gives_bibtex_that_parses_with_unique_keys(
        title: str, publisher: str | None, author: str | None, url: str | None, ids: list[str]) -> None:
    sources = [nk.Source(id=i, title=title, document="seeds/x.md", kind=nk.SourceKind.NEWS_REPORT,
                         publisher=publisher, author=author, url=url, published=nk.When.parse("2009~"))
               for i in dict.fromkeys(ids)]
    text = bibtex(sources, nk.DataVersion("0badcafe"))
    entries = parse_bibtex(text)
    keys = [key for _, key, _ in entries]
    assert len(keys) == len(set(keys)) == len(sources) + 1
    for _, _, fields in entries[1:]:
        assert not re.search(r"(?<!\\)[&%$#_]", fields["title"])  # every special escaped
    assert bibtex(reversed(sources), nk.DataVersion("0badcafe")) == text


def test_keys_are_the_ids_where_bibtex_allows_them() -> None:
    assert all(bibtex_key(s.id) == s.id for s in nk.sources())
    assert bibtex_key("a b,c") == "a-b-c" and bibtex_key("{x}") == "x"


def test_the_cli_cites_with_the_answers_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "KP", "RU", "KR", "--on", "2009-12-23", "--cite"]) == 0
    out = capsys.readouterr().out
    assert out == nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).cite()
    assert main(["assess", "KP", "CN", "KR", "--on", "2024-06-01", "--cite"]) == 1
    parse_bibtex(capsys.readouterr().out)
    assert main(["policy", "CN", "--on", "2002-09-11", "--cite"]) == 0
    cited = {f["note"].split()[2].rstrip(";") for _, _, f in parse_bibtex(capsys.readouterr().out)[1:]}
    assert cited == {e.source for e in nk.policy_answer("CN", on=dt.date(2002, 9, 11)).evidence}
    assert main(["assess", "KP", "RU", "KR", "--cite", "--json"]) == 2
    assert "give one of them" in capsys.readouterr().err

