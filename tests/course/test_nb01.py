"""Notebook 01's sentences and tables, on the cable and on a record that lacks its facts."""
from __future__ import annotations

import pytest

import helpers
from helpers import display, measures
from helpers.course import nb01
from helpers.metadata import Metadata


def test_header_times(cable):
    table = nb01.header_times(cable.metadata)
    assert table.index.tolist() == ["meeting begins", "meeting ends", "telegram despatched",
                                    "telegram received"]
    assert table["when"].tolist() == ["Monday 18 July 1949, 22:00", "Monday 18 July 1949, 22:25",
                                      "Tuesday 19 July 1949, 13:11", "Tuesday 19 July 1949, 15:50"]
    assert table["after_meeting_began"].tolist() == ["0 min", "25 min", "15 h 11 min",
                                                     "17 h 50 min"]
    assert table.loc["meeting begins", "how"] == "derived"
    assert table.loc["telegram despatched", "from"] == "line 15: 1.11 p.m. / 19th July, 1949"
    assert nb01.header_times(Metadata()).empty


def test_meeting_sentence(cable):
    text = nb01.meeting_sentence(cable.metadata)
    assert "**Tuesday 19 July 1949**" in text and "**Monday 18 July 1949 at 22:00**" in text
    assert "1 day earlier" in text
    assert nb01.meeting_sentence(Metadata()) == ""


def test_time_between(cable):
    # 22:00 on the 18th to 13:11 on the 19th: 15 hours 11 minutes
    assert nb01.time_between(cable.metadata, "meeting_start", "despatched").endswith(
        "**15 hours 11 minutes**.")
    assert nb01.time_between(cable.metadata, "despatched", "received").endswith(
        "**2 hours 39 minutes**.")
    assert nb01.time_between(Metadata(), "meeting_start", "despatched") == (
        "The record does not say when the meeting began or when the telegram was despatched.")
    with pytest.raises(ValueError, match="unknown time 'lunch'"):
        nb01.time_between(Metadata(), "lunch", "despatched")


def test_room_summary(cable):
    text = nb01.room_summary(cable)
    people = cable.people
    assert f"**{(people['in_the_room'] == 'yes').sum()} people**" in text
    assert "(Kelly and Stalin)" in text
    assert "Vyshinsky (confirmed), Pavlov (probable), Harrison (probable), Hayward (unidentified)" in text
    plain = helpers.parse_text("Ann: Hello.\n\nBob: Hi.")
    assert nb01.room_summary(plain).startswith("This record has no cast list: the 2 people below")


def test_phrase_places(cable):
    text = nb01.phrase_places(cable.source, cable.blocks,
                              ["American forces", "Germany", "pipe", "no such phrase"])
    assert text == ("- “American forces”: turn 8 (line 52)\n"
                    "- “Germany”: turn 1 (line 38); turn 6 (line 48)\n"
                    "- “pipe”: narration, line 56\n"
                    "- “no such phrase”: not found\n")


def test_phrase_places_say_who_speaks_there(cable):
    """NB01 Try it 1 asks for the turn, the line and who speaks there: the model answer says all three."""
    text = nb01.phrase_places(cable.source, cable.blocks, ["American forces", "Germany", "pipe"], cable.turns)
    assert text == ("- “American forces”: turn 8 (line 52), Stalin speaking\n"
                    "- “Germany”: turn 1 (line 38), Kelly speaking; turn 6 (line 48), Stalin speaking\n"
                    "- “pipe”: narration, line 56 (Kelly's narration: no one speaks there)\n")
    from helpers.course import exercise

    assert "Stalin speaking" in exercise.start("01").answer(1).body


def test_narration_and_speaker_file_sentences(cable):
    told = measures.narration(cable.blocks)
    text = nb01.narration_sentence(cable)
    assert f"**{int(cable.turns['words'].sum())} words of speech**" in text
    assert f"**{int(told['words'].sum())} words of narration** in {len(told)} blocks" in text
    assert text.endswith('The word "verbatim" stands on line 30.')
    assert nb01.speaker_file_sentence(cable) == (
        "Without the speaker file: **3 speakers** (Sir. D. Kelly, Stalin, Sir D. Kelly). "
        "With it: **2** (Kelly, Stalin).")


def test_what_notebook_01_says_about_the_text(cable):
    """Places notebook 01's prose cites, checked against the source."""
    turns = cable.turns.set_index("turn")
    assert "I hope it will prove to be purposeless." in turns.loc[2, "spoken"]
    assert turns.loc[2, "stage_directions"] == ["(His translator said “meaningless”)"]
    assert turns.loc[8, "stage_directions"] == ["(After a pause)"]
    assert turns.loc[11, "stage_directions"] == ["(Laughing)"]
    narration = measures.narration(cable.blocks).set_index("line_start")
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
