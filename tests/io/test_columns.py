"""Frame and CSV columns follow the value classes' fields, so a new field cannot go missing."""

from __future__ import annotations

import attrs
import pytest

import nkasylum as nk
from nkasylum.io.columns import field_columns, frame
from nkasylum.io.interop import TABLE_COLUMNS
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Source
from nkasylum.model.statistics import Statistic

CLASSES = {"policies": Policy, "passages": Passage, "cases": Case, "statistics": Statistic,
           "sources": Source, "conflicts": Conflict}


@pytest.mark.parametrize("table", sorted(CLASSES))
def test_every_field_has_a_column_or_a_table_of_its_own(table: str) -> None:
    columns = TABLE_COLUMNS[table](CLASSES[table])
    for field in attrs.fields(CLASSES[table]):
        if field.name == "evidence":
            assert "evidence" not in columns  # one row per piece in the evidence frame
        else:
            named = [c for c in columns if c == field.name or c.startswith(f"{field.name}_")]
            assert named, f"{table}: no column for {field.name}"


@attrs.frozen
class _PolicyWithAField(Policy):
    reviewed_by: str | None = None


def test_a_field_added_to_a_policy_shows_up_in_the_frame_columns(kb: nk.KnowledgeBase) -> None:
    pd = pytest.importorskip("pandas")
    stored = kb.policies("CN")[0]
    added = _PolicyWithAField(**{f.name: getattr(stored, f.name) for f in attrs.fields(Policy)},
                              reviewed_by="a reader")
    spec = TABLE_COLUMNS["policies"](_PolicyWithAField)
    assert list(spec)[-1] == "reviewed_by"
    df = frame(pd, [added], spec, "policies")
    assert df.loc[0, "reviewed_by"] == "a reader"
    assert list(df.columns)[:-1] == list(nk.to_frames(kb)["policies"].columns)


def test_a_field_whose_type_has_no_column_is_refused_by_name() -> None:
    @attrs.frozen
    class Odd:
        mapping: dict[str, int]

    with pytest.raises(TypeError, match=r"Odd\.mapping .* has no column"):
        field_columns(Odd)
