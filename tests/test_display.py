"""Showing the cable readably: turn headings, narration set apart, lines, the header table."""
from __future__ import annotations

from helpers import display


def test_escape_markdown():
    assert display.escape_markdown("shewed [sic]") == "shewed \\[sic\\]"
    assert display.escape_markdown("a *b* _c_ <d> #e") == "a \\*b\\* \\_c\\_ \\<d\\> \\#e"
    assert display.escape_markdown("“Such questions arise from boredom”.") == (
        "“Such questions arise from boredom”.")


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
            assert display.escape_markdown(word) in text


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


def test_header_table(cable):
    table = display.header_table(cable.metadata.table())
    assert table.loc["telegram_no", "value"] == "608"
    assert table.loc["telegram_no", "line"] == 12
    assert table.loc["despatched", "value"] == "1949-07-19 13:11:00"
    assert table.loc["received", "value"] == "1949-07-19 15:50:00"
    assert table.loc["received", "as_written"] == "3.50 p.m. / 19th July,1949"
    assert table.loc["refers_to_telegram", "value"] == "599"
    assert table.loc["meeting_start", "value"] == "1949-07-18 22:00:00"
    assert table.loc["meeting_start", "how"] == "derived"
    assert all(table["meaning"] != "")


def test_narration_blocks(cable):
    table = display.narration_blocks(cable.blocks)
    assert table["line_start"].tolist() == [30, 56, 62, 64, 66]
    assert table["after_turn"].tolist()[1:] == [9, 11, 11, 11]
    assert table["after_turn"].isna().tolist() == [True, False, False, False, False]
    assert table["before_turn"].tolist()[:2] == [1, 10]
    assert table["before_turn"].isna().tolist() == [False, False, True, True, True]


def test_timeline(cable):
    table = display.timeline(cable.metadata)
    assert table.index.tolist() == ["meeting begins", "meeting ends", "telegram despatched",
                                    "telegram received"]
    assert table["when"].tolist() == ["Monday 18 July 1949, 22:00", "Monday 18 July 1949, 22:25",
                                      "Tuesday 19 July 1949, 13:11", "Tuesday 19 July 1949, 15:50"]
    assert table["after_meeting_began"].tolist() == ["0 min", "25 min", "15 h 11 min",
                                                     "17 h 50 min"]
    assert table.loc["meeting begins", "how"] == "derived"
    assert table.loc["telegram despatched", "from"] == "line 15: 1.11 p.m. / 19th July, 1949"


def test_timeline_of_a_record_without_times():
    from helpers.metadata import CableMetadata

    assert display.timeline(CableMetadata()).empty


def test_people_and_room_summary(cable):
    people = display.people_table(cable.people)
    assert people.index.tolist() == ["Kelly", "Stalin", "Vyshinsky", "Pavlov", "Harrison", "Hayward"]
    assert display.room_summary(cable.people) == (
        "By the record's own account **6 people** were in the room. Only **2** of them speak in "
        "it (Kelly and Stalin); **4** never do: Vyshinsky (confirmed), Pavlov (probable), "
        "Harrison (probable), Hayward (unidentified). Of the silent ones, 2 are probable, 1 is "
        "confirmed, 1 is unidentified (the *certainty* column: how sure the kit is who the "
        "person was).")


def test_room_summary_without_a_cast_list():
    import pandas as pd

    people = pd.DataFrame({"id": ["Ann", "Bob"], "side": [None, None], "speaks": [True, True]})
    assert display.room_summary(people) == (
        "This record has no cast list: the 2 people below are simply the speakers found in it "
        "(Ann, Bob). Anyone present who never spoke is not listed.")


def test_find_phrase(cable):
    hits = display.find_phrase(cable.source, cable.blocks, "American")
    assert hits["line"].tolist() == [52, 54, 54]
    assert hits["turn"].tolist() == [8, 9, 9]
    assert hits["kind"].tolist() == ["speech"] * 3
    assert display.find_phrase(cable.source, cable.blocks, "no such phrase").empty
    assert display.find_phrase(cable.source, cable.blocks, "verbatim")["line"].tolist() == [30]


def test_what_notebook_01_says_about_the_text(cable):
    """Places notebook 01's prose cites, checked against the source."""
    turns = cable.turns.set_index("turn")
    assert "I hope it will prove to be purposeless." in turns.loc[2, "spoken"]
    assert turns.loc[2, "stage_directions"] == ["(His translator said “meaningless”)"]
    assert turns.loc[8, "stage_directions"] == ["(After a pause)"]
    assert turns.loc[11, "stage_directions"] == ["(Laughing)"]
    narration = display.narration_blocks(cable.blocks).set_index("line_start")
    assert narration.loc[56, "after_turn"] == 9
    assert "took out his pipe sat back in his chair" in narration.loc[56, "text"]
    assert "personal questions" in narration.loc[56, "text"]
    assert "without having taken notes" in narration.loc[64, "text"]
    assert "Mr. Hayward as interpreter" in narration.loc[30, "text"]
    assert "with Pavlov as interpreter" in narration.loc[30, "text"]
    assert "North Atlantic Pact" in cable.turns["spoken"].str.cat() and "NATO" not in cable.turns["spoken"].str.cat()


def test_people_table_filters_by_speaking(cable):
    assert list(display.people_table(cable.people, speaks="no").index) == [
        "Vyshinsky", "Pavlov", "Harrison", "Hayward"]
    assert list(display.people_table(cable.people, speaks="yes").index) == ["Kelly", "Stalin"]
    assert len(display.people_table(cable.people)) == 6


def test_people_table_without_a_cast_list_is_returned_whole():
    import pandas as pd
    plain = pd.DataFrame({"id": ["Ann", "Bob"]})
    assert len(display.people_table(plain, speaks="no")) == 2


def test_turns_by_speaker_keeps_spellings_apart(cable):
    import helpers
    raw = display.turns_by_speaker(helpers.parse_text(cable.source).turns)
    assert raw.index.name == "speaker"
    assert raw["turns"].to_dict() == {"Sir. D. Kelly": 1, "Stalin": 5, "Sir D. Kelly": 5}
    assert list(raw.index) == ["Sir. D. Kelly", "Stalin", "Sir D. Kelly"]  # order of speaking
    assert display.turns_by_speaker(cable.turns)["turns"].to_dict() == {"Kelly": 6, "Stalin": 5}


def test_phrase_places(cable):
    text = display.phrase_places(cable.source, cable.blocks,
                                 ["American forces", "Germany", "pipe", "no such phrase"])
    assert text == ("- “American forces”: turn 8 (line 52)\n"
                    "- “Germany”: turn 1 (line 38); turn 6 (line 48)\n"
                    "- “pipe”: narration, line 56\n"
                    "- “no such phrase”: not found\n")


def test_duration_in_words():
    from datetime import timedelta
    assert display.duration_in_words(timedelta(hours=15, minutes=11)) == "15 hours 11 minutes"
    assert display.duration_in_words(timedelta(hours=1)) == "1 hour"
    assert display.duration_in_words(timedelta(minutes=25, seconds=59)) == "25 minutes"
    assert display.duration_in_words(timedelta(days=1, minutes=1)) == "1 day 1 minute"
    assert display.duration_in_words(timedelta(0)) == "0 minutes"
    assert display.duration_in_words(-timedelta(hours=2, minutes=39)) == "minus 2 hours 39 minutes"


def test_time_between(cable):
    assert display.time_between(cable.metadata, "meeting_start", "despatched") == (
        "From when the meeting began (Monday 18 July 1949, 22:00) to when the telegram was "
        "despatched (Tuesday 19 July 1949, 13:11): **15 hours 11 minutes**.")
    assert display.time_between(cable.metadata, "despatched", "received").endswith(
        "**2 hours 39 minutes**.")


def test_time_between_says_what_the_record_lacks():
    import pytest
    from helpers.metadata import CableMetadata
    assert display.time_between(CableMetadata(), "meeting_start", "despatched") == (
        "The record does not say when the meeting began or when the telegram was despatched.")
    with pytest.raises(ValueError, match="unknown time 'lunch'"):
        display.time_between(CableMetadata(), "lunch", "despatched")


def test_phrase_table(cable):
    table = display.phrase_table(cable.source, cable.blocks, "Germany")
    assert table.index.name == "line"
    assert table["where"].tolist() == ["turn 1", "turn 1", "turn 6"]
    assert table.index.tolist() == [38, 38, 48]
    pipe = display.phrase_table(cable.source, cable.blocks, "pipe")
    assert pipe.to_dict("index") == {56: {
        "where": "narration",
        "context": "…his point Stalin took out his «pipe» sat back in his chair and ask…"}}
    missing = display.phrase_table(cable.source, cable.blocks, "germany")
    assert missing["where"].iloc[0].startswith("not found")
