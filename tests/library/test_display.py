"""Showing a record readably: turn headings, narration set apart, lines, tables for citing."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import helpers
from helpers import display
from helpers.text import escape_markdown


def test_reading_text_has_every_turn_once_in_order(cable):
    text = display.reading_text(cable.blocks, cable.turns)
    headings = [line for line in text.splitlines() if line.startswith("**Turn ")]
    assert headings[0] == "**Turn 1 · Kelly** (lines 32–38)"
    assert headings[1] == "**Turn 2 · Stalin** (line 40)"
    assert headings[-1] == "**Turn 11 · Stalin** (line 60)"
    assert len(headings) == 11


def test_reading_text_numbers_the_paragraphs_of_a_long_turn(cable):
    text = display.reading_text(cable.blocks, cable.turns)
    paragraphs = text.split("\n\n")
    first = paragraphs.index("**Turn 1 · Kelly** (lines 32–38)")
    assert paragraphs[first + 1].startswith("*(line 32)* Sir. D. Kelly: “I am very glad")
    assert [p[:12] for p in paragraphs[first + 2:first + 5]] == [
        "*(line 34)* ", "*(line 36)* ", "*(line 38)* "]
    # notebook 01 says so: in the cable, one line of the file holds one whole paragraph
    assert (cable.blocks["line_start"] == cable.blocks["line_end"]).all()
    # a turn of one paragraph has its line in the heading only
    assert paragraphs[first + 5] == "**Turn 2 · Stalin** (line 40)"
    assert paragraphs[first + 6].startswith("Stalin: “")


def test_reading_text_sets_narration_apart(cable):
    text = display.reading_text(cable.blocks, cable.turns)
    assert ("> *Narration, not speech (line 56):*\n>\n> *At this point Stalin took out his pipe"
            in text)
    assert text.count("> *Narration, not speech") == 5  # lines 30, 56, 62, 64, 66
    # narration comes between turn 9 and turn 10, where it stands in the source
    assert text.index("**Turn 9 ·") < text.index("line 56") < text.index("**Turn 10 ·")
    # the archive's own mark is shown, escaped so Markdown keeps the brackets
    assert "shewed \\[sic\\]" in text


def test_reading_text_keeps_the_words_as_written(cable):
    text = display.reading_text(cable.blocks, cable.turns)
    assert "Sir. D. Kelly: “I am very glad" in text
    assert "Stalin: “No. (After a pause). Why are there American forces in England?" in text
    assert "header" not in text and "No. 608" not in text
    with_header = display.reading_text(cable.blocks, cable.turns, include_header=True)
    assert "`12` No. 608" in with_header


def test_reading_text_every_spoken_word_is_there(cable):
    text = display.reading_text(cable.blocks, cable.turns)
    for spoken in cable.turns["spoken"]:
        for word in spoken.split():
            assert escape_markdown(word) in text


def test_numbered_lines(cable):
    shown = display.numbered_lines(cable.source, 10, 15)
    assert shown == "```text\n10 | Sir D. Kelly\n12 | No. 608\n15 | 1.11 p.m.\n```\n"
    with_blanks = display.numbered_lines(cable.source, 10, 12, skip_blank=False)
    assert with_blanks == "```text\n10 | Sir D. Kelly\n11 | \n12 | No. 608\n```\n"


def test_turn_index(cable):
    index = display.turn_index(cable.turns)
    assert list(index.index) == list(range(1, 12))
    assert index.loc[1, "lines"] == "lines 32–38"
    assert index.loc[1, "label_as_written"] == "Sir. D. Kelly"
    assert index.loc[3, "label_as_written"] == "Sir D. Kelly"
    assert index.loc[6, "begins"] == "Ours are all directed exclusively against Germany"
    assert index.loc[1, "begins"] == "I am very glad to have this early …"
    assert index["words"].sum() == 927


def test_header_table_of_any_record():
    record = helpers.parse_text("MEMORANDUM\n\nSUBJECT: Grain\nPLACE: Northport\n\nA: Yes.")
    table = display.header_table(record.metadata.table(), {"subject": "what it is about"})
    assert table.index.tolist() == ["title", "subject", "place"]
    assert table.loc["subject", ["value", "line", "how", "meaning"]].tolist() == [
        "Grain", 3, "read", "what it is about"]
    assert table.loc["place", "meaning"] == ""
    assert "meaning" not in display.header_table(record.metadata.table()).columns


def test_turn_heading_and_markdown(cable):
    assert display.turn_heading(cable.turns, 8) == "Turn 8 · Stalin · line 52"
    assert display.turn_heading(cable.turns, 1) == "Turn 1 · Kelly · lines 32–38"
    assert display.turn_markdown(cable.turns, 11) == (
        "> **Turn 11 · Stalin · line 60**\n>\n"
        "> Stalin: (Laughing) “Such questions arise from boredom”."
    )
    text = display.turn_markdown(cable.turns, 1)
    assert text.count("\n>\n") == 4  # one break after the heading, three between paragraphs


def test_every_turn_quotes_its_source_slice_exactly(cable):
    for n, source_text in zip(cable.turns["turn"], cable.turns["text"]):
        body = display.turn_markdown(cable.turns, int(n)).split("\n", 2)[2]
        paragraphs = [p[2:] for p in body.split("\n>\n")]
        unescaped = [re.sub(r"\\(.)", r"\1", p) for p in paragraphs]
        expected = [" ".join(p.split()) for p in re.split(r"\n\s*\n", source_text) if p.strip()]
        assert unescaped == expected, n


@pytest.mark.parametrize("n", [0, 12, -1])
def test_turn_out_of_range(cable, n):
    with pytest.raises(ValueError, match="no turn .*: the record has turns 1 to 11"):
        display.turn_markdown(cable.turns, n)


def test_narration_markdown(cable):
    closing = display.narration_markdown(cable.blocks, 62, 66, writer="Kelly")
    assert closing.startswith("> **Narration (Kelly's words, not a quotation) · lines 62–66**")
    assert closing.count("\n>\n") == 3
    assert "shewed \\[sic\\]" in closing
    opening = display.narration_markdown(cable.blocks, 28, 30)  # line 28 is a header block
    assert opening.startswith("> **Narration (the writer's words, not a quotation) · line 30**")
    with pytest.raises(ValueError, match="no narration"):
        display.narration_markdown(cable.blocks, 40)  # a speech line


def test_stage_directions_joined_as_text(cable):
    table = display.stage_directions(cable.turns, only_marked=True)
    assert table["stage_directions"].to_dict() == {
        2: "(His translator said “meaningless”)", 8: "(After a pause)", 11: "(Laughing)"}
    full = display.stage_directions(cable.turns)
    assert len(full) == 11 and (full["stage_directions"] == "").sum() == 8





def test_people_table_of_a_record_without_a_people_file():
    record = helpers.parse_text("Ann: Hello.\n\nBob: Hi.")
    table = display.people_table(record.people)
    assert table.index.tolist() == ["Ann", "Bob"]
    assert (table["speaks_in_record"] == "yes").all()
    assert len(display.people_table(record.people, speaks="no")) == 0
    assert isinstance(table, pd.DataFrame)
