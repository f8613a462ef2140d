"""The seed's slips: kept as data, each found exactly once where it stands in the source."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.course import slips

#: slip -> line of the seed where it stands (checked by eye against the file).
EXPECTED_LINES = {
    "Council Ministers": 32,
    "engage": 36,
    "Sir. D. Kelly": 32,
    "United States of American": 54,
    "On this not": 62,
    "AS it is": 58,
    "19th July,1949": 24,
    "shewed [sic]": 64,
}


def test_the_list_is_the_checked_list():
    table = slips.load_slips()
    assert table.columns.tolist() == ["slip", "probably_meant", "kind", "note"]
    assert table["slip"].tolist() == list(EXPECTED_LINES)
    assert (table["note"] != "").all() and (table["probably_meant"] != "").all()
    assert table.loc[table["slip"] == "shewed [sic]", "kind"].item() == "archive's mark"
    assert set(table["kind"]) == {"slip", "archive's mark"}


@pytest.mark.parametrize("slip,line", list(EXPECTED_LINES.items()))
def test_each_slip_stands_once_where_expected(cable, slip, line):
    found = slips.locate_slips(cable.source).set_index("slip")
    assert found.loc[slip, "count"] == 1
    assert found.loc[slip, "line"] == line
    start, end = found.loc[slip, "start"], found.loc[slip, "end"]
    assert cable.source[start:end] == slip
    assert cable.source.splitlines()[line - 1].count(slip) >= 1


def test_the_seed_keeps_the_slip_not_the_correction(cable):
    """The kit never corrects the source: the slip stands there, the correction does not."""
    found = slips.locate_slips(cable.source)
    for row in found.itertuples():
        assert row.slip != row.probably_meant
        assert cable.source[row.start:row.end] == row.slip
    assert "Council of Ministers" not in cable.source
    assert "On this note" not in cable.source


def test_a_slip_inside_a_longer_word_does_not_match():
    table = pd.DataFrame({"slip": ["engage"], "probably_meant": ["engaged"], "kind": ["slip"],
                          "note": ["x"]})
    found = slips.locate_slips("we are engaged.\nwe are both engage.", table)
    assert found.loc[0, "count"] == 1
    assert found.loc[0, "line"] == 2


def test_a_missing_slip_is_reported_not_raised():
    found = slips.locate_slips("nothing to see here")
    assert (found["count"] == 0).all()
    assert found["line"].isna().all()


def test_context_marks_the_slip(cable):
    found = slips.locate_slips(cable.source).set_index("slip")
    assert "«United States of American»" in found.loc["United States of American", "context"]
    assert "\n" not in "".join(found["context"])


def test_slip_table_is_named_by_slip(cable):
    table = slips.slip_table(slips.locate_slips(cable.source))
    assert list(table.columns) == ["probably_meant", "kind", "line", "count", "context"]
    assert table.index.name == "slip"
    assert table.loc["On this not", "line"] == 62
    assert table.loc["engage", "probably_meant"] == "engaged"


def test_slip_notes_keep_the_whole_note():
    table = pd.DataFrame({"slip": ["engage"], "probably_meant": ["engaged"], "kind": ["slip"],
                          "note": ["a note longer than any column width " * 5]})
    notes = slips.slip_notes(table)
    assert list(notes.columns) == ["note"]
    assert notes.loc["engage", "note"] == "a note longer than any column width " * 5


def test_found_summary():
    table = pd.DataFrame({"slip": ["engage", "xyz"], "probably_meant": ["engaged", "x"],
                          "kind": ["slip", "slip"], "note": ["n", "n"]})
    found = slips.locate_slips("we are both engage.", table)
    assert slips.found_summary(found) == (
        "Of the **2** entries in the list, **1** stand exactly once in the source; the `line` "
        "column says where to check each one. The entries not found once are not in this text "
        "as written: the list was made for the cable.")
    assert slips.found_summary(found.iloc[:1]).endswith("Every entry was found.")
