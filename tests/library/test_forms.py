"""The common forms of a speaker-labelled record, one small transcript each, and a real one.

Every transcript here is in ``tests/data/`` (see its README). The ``form_*`` files are
invented for these tests; ``wh_2022-05-23_...`` is a real White House transcript, copied
unchanged. Counts below were made by hand (short turns) or with ``grep`` (labels in the real
transcript, e.g. ``grep -c '^PRESIDENT BIDEN:'``), never by the parser under test.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from form_records import faithful as assert_faithful
from helpers.parse import match_label

DATA = Path(__file__).resolve().parents[1] / "data"
WH = DATA / "wh_2022-05-23_biden_kishida_joint_press_conference.txt"
NBSP = "\u00a0"


def load(name: str, **kwargs) -> helpers.Transcript:
    return helpers.load(DATA / name, **kwargs)


def kinds(transcript: helpers.Transcript) -> list[tuple[str, str]]:
    """(kind, first 20 characters) of every block that is not speech."""
    blocks = transcript.blocks[transcript.blocks["kind"] != "speech"]
    return [(k, t[:20]) for k, t in zip(blocks["kind"], blocks["text"])]


# --- labels, one line at a time ----------------------------------------------------------------
@pytest.mark.parametrize("text,label", [
    ("Stalin: “Yes.”", "Stalin"),
    ("Stalin:“Yes.”", "Stalin"),                       # no space before the quotation mark
    ('Stalin: "Yes."', "Stalin"),
    ("The President: Yes.", "The President"),
    ("PRESIDENT BIDEN:  Thank you.", "PRESIDENT BIDEN"),
    ("PRIME MINISTER KISHIDA:\u00a0 \u00a0 (As interpreted.)", "PRIME MINISTER KISHIDA"),
    ("General Secretary Brezhnev: We agree.", "General Secretary Brezhnev"),
    ("Dr. Kissinger (to General Haig): Get the file.", "Dr. Kissinger"),
    ("The President:\u00a0\u00a0Yes.", "The President"),
    ("Q    Why not?", "Q"),
    ("Q\u00a0\u00a0\u00a0 Why not?", "Q"),
    ("Q\tWhy not?", "Q"),
    ("Q: Why not?", "Q"),
    ("de Gaulle: Non.", "de Gaulle"),
    ("MR. PRICE:  Good afternoon.", "MR. PRICE"),
])
def test_label_forms(text, label):
    m = match_label(text)
    assert m is not None and m.group("label") == label


@pytest.mark.parametrize("text,label", [
    ("Speaker 1: Hello.", "Speaker 1"),
    ("UNIDENTIFIED SPEAKER 2:  Yes.", "UNIDENTIFIED SPEAKER 2"),
    ("Participant 12 (off microphone): No.", "Participant 12"),
    ("Interviewer 1: “Were you there?”", "Interviewer 1"),
])
def test_numbered_role_labels(text, label):
    m = match_label(text)
    assert m is not None and m.group("label") == label


def test_numbered_speakers_stay_apart():
    turns = helpers.parse_text("Speaker 1: Hello.\n\nSpeaker 2: Hi.\n\nSpeaker 1: Bye.").turns
    assert turns["speaker"].tolist() == ["Speaker 1", "Speaker 2", "Speaker 1"]
    assert turns["words"].tolist() == [1, 1, 1]


@pytest.mark.parametrize("text", [
    "I have the following question: how long?",
    "First, to Prime Minister: With the Russian aggression",
    "Look, here’s the situation: We agree.",
    "Very quickly: You didn’t want to get involved.",
    "Q. Why not?",                  # one space after Q is an initial, not the questioner
    "Quite so: we agree.",
    "de facto recognition: that is the question.",
    "Article 5: The parties agree.",   # a number only after a role word (Speaker 1:)
    "Question 2: how long?",
    "THE PRESIDENT. Good afternoon.",  # a full stop: read only in a full-stop record (below)
    "PARTICIPANTS: The President",
    "Time and Place: Kremlin, 10 p.m.",
    "2:58 P.M. JST",
])
def test_not_label_forms(text):
    assert match_label(text) is None


# --- full-stop labels, as the Public Papers print press conferences ---------------------------
@pytest.mark.parametrize("text,label,at", [
    ("THE PRESIDENT. Good afternoon.", "THE PRESIDENT", 0),
    ("Q. Why not?", "Q", 0),
    ("MR. ROSS. He has no plans to.", "MR. ROSS", 0),
    ("SECRETARY ACHESON. Yes.", "SECRETARY ACHESON", 0),
    ("JOHN F. SMITH. Hello.", "JOHN F. SMITH", 0),
    ("O'BRIEN. No.", "O'BRIEN", 0),
    ("[1.] Q. Mr. President, any news?", "Q", 5),      # an item number before the label
    ("[12.] THE PRESIDENT. Yes.", "THE PRESIDENT", 6),
])
def test_full_stop_label_forms(text, label, at):
    m = match_label(text, full_stop=True)
    assert m is not None and m.group("label") == label and m.start("label") == at


@pytest.mark.parametrize("text", [
    "NO. 608 of 19th July.",           # an abbreviation, not a speaker
    "SECRET. PRIORITY.",               # a cable's classification and precedence
    "TOP SECRET. Eyes only.",
    "Mr. Bevin. He said so.",          # not in capitals
    "The President. Yes.",
    "U.S.S.R. delegates agreed.",
    "I. INTRODUCTION",
    "THE PRESIDENT.",                  # nothing after the label
    "END. Thank you.",
    "[1] Q. Mr. President?",           # a footnote marker, not an item number
])
def test_not_full_stop_label_forms(text):
    assert match_label(text, full_stop=True) is None


def test_public_papers():
    t = load("form_public_papers.txt")
    turns = t.turns
    assert turns["label"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT", "Q",
                                       "THE PRESIDENT", "MR. ROSS", "THE PRESIDENT", "Q"]
    assert turns["words"].tolist() == [16, 8, 12, 7, 4, 7, 7, 4]
    assert turns["paragraphs"].tolist() == [1, 1, 1, 1, 1, 1, 2, 1]
    # item numbers and [Laughter] are editorial notes; the footnote number stays in its word
    assert turns.loc[1, "stage_directions"] == ["[1.]"]
    assert turns.loc[1, "spoken"] == "Mr. President, is there any news from Northport?"
    assert turns.loc[2, "stage_directions"] == ["[Laughter]"]
    assert turns.loc[2, "spoken"] == "None this morning, Tony.1 I have had no word from the Ambassador."
    assert turns.loc[6, "spoken"] == "That's right.\n\nWe will see in November."
    # the footnote and the closing note are narration, never anybody's speech
    assert kinds(t) == [("header", "97. The President's "), ("header", "October 6, 1949"),
                        ("narration", "1 A correspondent of"), ("narration", "NOTE: President Hale")]
    assert_faithful(t)


def test_full_stop_record_that_lost_its_blank_lines():
    text = ("THE PRESIDENT. Good morning.\nQ. Any news?\nTHE PRESIDENT. None.\n"
            "MR. ROSS. That is all.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT", "MR. ROSS"]
    assert t.turns["words"].tolist() == [2, 2, 1, 3]


def test_one_word_in_capitals_is_a_full_stop_label_only_when_it_recurs():
    text = ("THE PRESIDENT. Good morning.\n\nQ. Any news?\n\nTHE PRESIDENT. None.\n\n"
            "NATO. That is the question.\n\nOK. Next one.\n\nQ. Thank you.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT", "Q"]
    # NATO. and OK. continue the President's turn: they are his words
    assert t.turns.loc[2, "spoken"] == "None.\n\nNATO. That is the question.\n\nOK. Next one."
    twice = helpers.parse_text("TRUMAN. Yes.\n\nQ. Why?\n\nTRUMAN. Because.\n\nMR. ROSS. Thanks.")
    assert twice.turns["label"].tolist() == ["TRUMAN", "Q", "TRUMAN", "MR. ROSS"]


def test_one_capitalised_line_does_not_make_a_full_stop_record():
    # one heading in capitals with a full stop is not a speaker; two such paragraphs would be
    t = helpers.parse_text("MOSCOW. The Embassy.\n\nStalin: “Yes.”\n\nKelly: “Good.”")
    assert t.turns["label"].tolist() == ["Stalin", "Kelly"]
    assert t.blocks["kind"].tolist()[0] == "header"


def test_numbered_paragraph_without_its_marker_continues_the_turn():
    text = "THE PRESIDENT. We have two points.\n\n2 Points are enough.\n\nMR. ROSS. Yes."
    t = helpers.parse_text(text)
    assert t.turns["paragraphs"].tolist() == [2, 1]
    assert t.turns.loc[0, "spoken"] == "We have two points.\n\n2 Points are enough."


@pytest.mark.parametrize("text", [
    "First: we must agree on trade.",   # a word that opens speech, not a speaker
    "Secondly: the frontier.",
    "Finally: thank you.",
    "Look: it is simple.",
    "Ref: 1949/608",                    # header fields
    "Tags: Germany, trade",
    "Cleared: Mr. Smith",
    "Notetaker: Mr. Scowcroft",
])
def test_words_and_fields_that_are_never_speakers(text):
    assert match_label(text) is None


def test_header_people_lists_are_not_speakers():
    text = ("MEMORANDUM OF CONVERSATION\n\nInterpreter: Mr. Sukhodrev\n\n"
            "Notetaker: Mr. Scowcroft\n\nSUBJECT: Trade\n\nThe President: Welcome.\n\n"
            "General Secretary Petrov: Thank you.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["The President", "General Secretary Petrov"]
    assert t.blocks["kind"].tolist()[:4] == ["header"] * 4


def test_single_quotation_marks_are_not_read_and_say_so():
    text = ("Stalin: ‘That is true.’\n\nKelly: ‘Quite so.’\n\n"
            "At this point Stalin took out his pipe.")
    t = helpers.parse_text(text)
    assert len(t.warnings) == 1
    assert t.warnings[0].startswith("most labels are followed by a single quotation mark ‘")


# --- quoted turns: Stalin: “...” ----------------------------------------------------------------
def test_quoted_interview():
    t = load("form_quoted_interview.txt")
    turns = t.turns
    assert turns["speaker"].tolist() == ["Ambassador Grey", "Minister Orlov", "Ambassador Grey",
                                         "Minister Orlov", "Ambassador Grey"]
    assert turns["words"].tolist() == [9, 8, 14, 6, 1]
    assert turns.loc[1, "stage_directions"] == ["(Smiling)"]
    assert turns.loc[1, "spoken"] == "You are always welcome here. What brings you?"
    # straight quotation marks over two paragraphs, a colon inside the quotation
    assert turns.loc[2, "paragraphs"] == 2
    assert turns.loc[2, "spoken"] == ("I have two questions.\n\n"
                                      "The first concerns the trade talks: when will they resume?")
    assert turns.loc[3, "spoken"] == "Next month, if the delegations agree."
    assert turns.loc[3, "stage_directions"] == ["he said,"]
    assert turns.loc[4, "text"] == "Ambassador Grey:“Good.”"
    assert kinds(t) == [("header", "Record of a conversa"), ("narration", "I called on the Mini"),
                        ("narration", "The Minister consult"), ("narration", "The meeting ended at")]
    assert_faithful(t)


def test_straight_marks_inside_a_curly_quotation_are_a_quotation_within_it():
    text = 'Stalin: “He said "no" to me.”\n\nKelly: “Did he?”\n\nThey laughed.'
    turns = helpers.parse_text(text).turns
    assert turns.loc[0, "spoken"] == 'He said "no" to me.'
    assert turns.loc[0, "stage_directions"] == [] and turns.loc[0, "words"] == 5
    # a straight mark left open inside a curly quotation leaves the quotation open: named error
    with pytest.raises(helpers.TranscriptError, match="never closes"):
        helpers.parse_text('Stalin: “Yes."\n\nKelly: “Good.”')


def test_directions_in_brackets_or_nested_before_the_quotation():
    for direction in ["[Smiling]", "(Smiling (broadly))"]:
        t = helpers.parse_text(f"Stalin: “A.”\n\nKelly: {direction} “B.”\n\nHe left.")
        assert t.turns["spoken"].tolist() == ["A.", "B."]
        assert t.turns.loc[1, "stage_directions"] == [direction]
        assert t.blocks["kind"].tolist() == ["speech", "speech", "narration"]


def test_a_stray_closing_mark_is_warned_of():
    t = helpers.parse_text("Stalin: “He said ”no” to me.”\n\nKelly: “Yes.”")
    assert len(t.warnings) == 1
    assert t.warnings[0].startswith("a closing quotation mark ” with no quotation open (line 1)")
    assert helpers.load_cable().warnings == []


@pytest.mark.parametrize("text,label", [
    ("Jose\u0301: No.", "Jose\u0301"),       # an accent typed as a combining mark
    ("Ștefan: Da.", "Ștefan"),
    ("Σωκράτης: Ναι.", "Σωκράτης"),
])
def test_labels_in_other_scripts(text, label):
    m = match_label(text)
    assert m is not None and m.group("label") == label


def test_mixed_case_surnames_in_full_stop_labels():
    text = "THE PRESIDENT. Yes.\n\nMR. ROSS. No.\n\nSENATOR McMAHON. Agreed.\n\nGENERAL MacARTHUR. So."
    labels = helpers.parse_text(text).turns["label"].tolist()
    assert labels == ["THE PRESIDENT", "MR. ROSS", "SENATOR McMAHON", "GENERAL MacARTHUR"]


def test_header_fields_never_start_turns_and_a_field_block_is_header():
    t = helpers.parse_text("Title: Interview\n\nVenue: Moscow\n\nKelly: Hi.")
    assert t.turns["label"].tolist() == ["Kelly"]
    t = helpers.parse_text("DATE: May 24, 1972\nPLACE: The Kremlin, Moscow\nSUBJECT: The Middle "
                           "East.\n\nBrezhnev: Welcome.")
    assert t.blocks["kind"].tolist() == ["header", "header", "header", "speech"]


def test_a_byte_order_mark_in_text_and_old_mac_line_endings():
    assert helpers.parse_text("\ufeffStalin: Yes.\n\nKelly: No.").turns["label"].tolist() == [
        "Stalin", "Kelly"]
    with pytest.raises(helpers.TranscriptError) as caught:
        helpers.parse_text("Stalin: Yes.\r\rKelly: No.", "mac.txt")
    assert str(caught.value) == (
        "mac.txt:1:13: error: the lines end with a carriage return alone (old Mac line endings); "
        "save the file again with Unix (LF) or Windows (CRLF) line endings")


# --- a press conference: capitals, non-breaking spaces, Q, (Laughter.), time stamps, END --------
def test_press_conference():
    t = helpers.parse_text((DATA / "form_press_conference.txt").read_text(encoding="utf-8"))
    turns = t.turns
    assert turns["label"].tolist() == ["THE PRESIDENT", "CHANCELLOR WEBER", "Q", "PRESIDENT HALE",
                                       "Q", "The President"]
    # without a speaker file, labels differing only in case are one speaker
    assert turns["speaker"].tolist() == ["The President", "Chancellor Weber", "Q", "President Hale",
                                         "Q", "The President"]
    assert turns["words"].tolist() == [22, 11, 8, 1, 2, 6]
    assert turns["paragraphs"].tolist() == [2, 1, 1, 2, 1, 1]
    assert turns.loc[0, "stage_directions"] == ["(Laughter.)", "[1]"]
    assert turns.loc[0, "spoken"] == ("Good morning, everybody. Please, have a seat.\n\n"
                                      "We had a good meeting. We agreed on three things and we "
                                      "disagreed on one.")
    assert turns.loc[1, "stage_directions"] == ["(As interpreted.)"]
    assert turns.loc[1, "spoken"] == "Thank you, Mr. President. It was a frank meeting. Now, questions."
    # Q begins a line inside the Chancellor's paragraph: it still starts a turn, on line 13
    assert (turns.loc[2, "line_start"], turns.loc[2, "spoken"]) == (
        13, "Mr. President, one question: will tariffs go up?")
    # a paragraph that is only a stage direction stays with the turn before it, uncounted
    assert turns.loc[3, "stage_directions"] == ["(Laughter.)"] and turns.loc[3, "spoken"] == "No."
    assert kinds(t) == [("header", "Remarks by President"), ("header", "East Room"),
                        ("header", "11:02 A.M. EDT"), ("narration", "END"),
                        ("narration", "11:40 A.M. EDT")]
    assert_faithful(t)


# --- speaker files: several labels to one person, and the fallback -------------------------------
def test_speaker_file_beside_the_transcript_joins_labels():
    turns = load("form_press_conference.txt").turns   # picks up form_press_conference.speakers.csv
    assert turns["speaker"].tolist() == ["Hale", "Chancellor Weber", "Q", "Hale", "Q", "Hale"]
    assert list(turns["speaker"].cat.categories) == ["Hale", "Chancellor Weber", "Q"]
    assert turns["side"].fillna("-").tolist() == ["Host", "-", "-", "Host", "-", "Host"]


def test_speaker_file_given_explicitly_wins_and_missing_labels_fall_back(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("label,speaker\nPRESIDENT HALE,Hale\nCHANCELLOR WEBER,Weber\n", encoding="utf-8")
    transcript = helpers.load(DATA / "form_press_conference.txt", other)
    # THE PRESIDENT and The President are not in this file: each falls back to its own speaker
    assert transcript.turns["speaker"].tolist() == ["The President", "Weber", "Q", "Hale", "Q",
                                                    "The President"]
    assert transcript.people["id"].tolist() == ["The President", "Weber", "Q", "Hale"]


# --- a memorandum of conversation: header fields, titles, asides, continuation, footnotes --------
def test_memcon():
    t = load("form_memcon.txt")
    turns = t.turns
    assert turns["speaker"].tolist() == ["General Secretary Petrov", "The President", "Dr. Lindqvist",
                                         "General Secretary Petrov"]
    assert turns["words"].tolist() == [7, 25, 5, 5]
    # a colon inside the speech is not a label; the unlabelled paragraph continues the turn
    assert turns.loc[1, "paragraphs"] == 2
    assert turns.loc[1, "spoken"] == (
        "Yes. I have the following question: how much can you buy this year?\n\n"
        "We think the figure should be settled before the communiqué is drafted.")
    assert turns.loc[1, "stage_directions"] == ["[1]"]
    assert turns.loc[2, "stage_directions"] == ["(to General Haigh)"]
    assert turns.loc[2, "spoken"] == "Bring the grain file, please."
    assert turns.loc[3, "stage_directions"] == [
        "(Laughing)", "[The remainder of the conversation was not recorded.]"]
    # the header is cut into lines, one field each; the footnotes close the last turn
    assert kinds(t) == [
        ("header", "MEMORANDUM OF CONVER"), ("header", "PARTICIPANTS:   Gene"),
        ("header", "Foreign Minister Orl"), ("header", "The President"),
        ("header", "Dr. Lindqvist, Assis"), ("header", "Mr. Sokolov, Interpr"),
        ("header", "DATE AND TIME:  Tues"), ("header", "PLACE:          The "),
        ("header", "SUBJECT:        Grai"),
        ("narration", "[1] The figure was s"), ("narration", "[2] Drafted by Dr. L"),
    ]
    assert_faithful(t)


# --- a FRUS-style document: [Omitted here ...], "U.S. Side:", numbered source notes ---------------
def test_frus_excerpt():
    t = load("form_frus_excerpt.txt")
    turns = t.turns
    assert turns["speaker"].tolist() == ["Chairman Volkov", "The Secretary", "Chairman Volkov"]
    assert turns["words"].tolist() == [11, 12, 8]
    assert turns.loc[1, "stage_directions"] == ["[Omitted here is discussion of fisheries.]"]
    assert turns.loc[1, "spoken"] == "We are ready to talk about it, but not under a deadline."
    assert turns.loc[2, "stage_directions"] == ["[2]"]
    # "U.S. Side:" and "Soviet Side:" before the first turn list people; they are not speakers
    assert kinds(t) == [
        ("header", "12. Memorandum of Co"), ("header", "Northport, October 9"),
        ("header", "SUBJECT"), ("header", "The River Frontier"), ("header", "PARTICIPANTS"),
        ("header", "U.S. Side: The Secre"), ("header", "Soviet Side: Chairma"),
        ("header", "[Omitted here is dis"),
        ("narration", "1. Source: Departmen"), ("narration", "2. No further meetin"),
    ]
    assert_faithful(t)


def test_side_after_the_first_turn_is_a_speaker():
    turns = helpers.parse_text("Chairman Volkov: Agreed.\n\nSoviet Side: We agree too.").turns
    assert turns["label"].tolist() == ["Chairman Volkov", "Soviet Side"]


def test_hard_wrapped_line_starting_like_a_label_is_not_cut():
    text = "The Secretary: We discussed the frontier near\nBerlin: it is long.\nVolkov: Yes."
    turns = helpers.parse_text(text).turns
    # "Berlin:" follows a line that ends mid-sentence; "Volkov:" follows a full stop
    assert turns["label"].tolist() == ["The Secretary", "Volkov"]
    assert turns.loc[0, "spoken"] == "We discussed the frontier near Berlin: it is long."


def test_plain_record_turn_that_begins_with_a_quotation_stays_plain():
    text = ("PRESIDENT HALE:  “Ask not.”  Those were his words.\n\nAnd mine.\n\n"
            "Q    When?\n\nPRESIDENT HALE:  Soon.")
    turns = helpers.parse_text(text).turns
    # one label of three opens a quotation: the record does not quote its speech, so every
    # word of the first turn is the speaker's, and the next paragraph continues it
    assert turns.loc[0, "spoken"] == "“Ask not.” Those were his words.\n\nAnd mine."
    assert (turns.loc[0, "words"], turns.loc[0, "paragraphs"]) == (8, 2)
    assert turns.loc[0, "stage_directions"] == []


def test_quoted_record_keeps_words_outside_the_quotation_apart():
    text = "Kelly: “Yes,” he said.\n\nAnd then he left.\n\nStalin: “No.”"
    t = helpers.parse_text(text)
    assert t.turns["spoken"].tolist() == ["Yes,", "No."]
    assert t.turns.loc[0, "stage_directions"] == ["he said."]
    assert t.blocks["kind"].tolist() == ["speech", "narration", "speech"]


# --- no speech at all ------------------------------------------------------------------------------
def test_no_speech_gives_no_turns_and_says_so():
    t = load("form_no_speech.txt")
    assert t.turns.empty and len(t.people) == 0
    assert t.warnings == ["no speaker turns found: no paragraph opens with a speaker label such as "
                          "'Chairman:' or 'PRESIDENT BIDEN:' (see docs/bring_your_own.md)"]
    assert kinds(t) == [("header", "Memorandum for the R"), ("header", "Subject: Lunch with "),
                        ("narration", "The Ambassador said ")]


# --- the real example: White House, 23 May 2022 ------------------------------------------------------
#: Labels counted with grep on the file: 14 lines start "Q" + non-breaking spaces,
#: 12 "PRESIDENT BIDEN:", 5 "PRIME MINISTER KISHIDA:", 3 "MODERATOR:".
WH_COUNTS = {"Reporters": 14, "Biden": 12, "Kishida": 5, "Moderator": 3}


@pytest.fixture(scope="module")
def wh() -> helpers.Transcript:
    return helpers.load(WH)


def test_example_file_is_the_published_copy():
    import hashlib
    digest = hashlib.sha256(WH.read_bytes()).hexdigest()
    assert digest == "b8ed9b16405e75977e9861a8825cc8144842eeef12dab37018e9765659f86117"


def test_example_labels_counted_with_grep(wh):
    lines = wh.source.split("\n")
    grep = {
        "Reporters": sum(line.startswith("Q" + NBSP) for line in lines),
        "Biden": sum(line.startswith("PRESIDENT BIDEN:") for line in lines),
        "Kishida": sum(line.startswith("PRIME MINISTER KISHIDA:") for line in lines),
        "Moderator": sum(line.startswith("MODERATOR:") for line in lines),
    }
    assert grep == WH_COUNTS


def test_example_turns_and_speakers(wh):
    turns = wh.turns
    assert len(turns) == 34 and wh.warnings == []
    assert turns["speaker"].value_counts().to_dict() == WH_COUNTS
    assert list(turns["speaker"].cat.categories) == ["Kishida", "Biden", "Moderator", "Reporters"]
    # the order of the first eight turns, read off the file
    assert turns["speaker"].tolist()[:8] == ["Kishida", "Biden", "Moderator", "Reporters",
                                             "Kishida", "Reporters", "Biden", "Reporters"]
    assert turns["speaker"].tolist()[-3:] == ["Biden", "Reporters", "Moderator"]


def test_example_q_is_the_questioner_and_moderator_falls_back(wh):
    turns = wh.turns.set_index("turn")
    assert turns.loc[8, "label"] == "Q" and turns.loc[8, "speaker"] == "Reporters"
    assert turns.loc[8, "spoken"] == "Why not?"
    assert turns.loc[8, "side"] == "Press"
    assert turns.loc[7, "spoken"] == "No." and turns.loc[7, "speaker"] == "Biden"
    # MODERATOR is not in the speaker file: it stays its own speaker, with no side
    assert turns.loc[3, "speaker"] == "Moderator" and pd.isna(turns.loc[3, "side"])


def test_example_as_interpreted_is_a_stage_direction(wh):
    turns = wh.turns.set_index("turn")
    assert turns.loc[1, "stage_directions"] == ["(As interpreted.)"]
    assert turns.loc[1, "spoken"].startswith("Well, thank you. We are immensely pleased")
    assert not any("interpreted" in s for s in wh.turns["spoken"])
    directions = [d for ds in wh.turns["stage_directions"] for d in ds]
    # every bracket in the file (grep -o '([^)]*)' and '\[[^]]*\]'): 10 + 4
    assert directions.count("(As interpreted.)") == 10
    assert sorted(set(directions) - {"(As interpreted.)"}) == [
        "(Laughs.)", "(Reporter approaches microphone.)", "(inaudible)", "[Prime Minister]"]
    assert turns.loc[4, "stage_directions"] == ["(As interpreted.)"]
    assert turns.loc[4, "spoken"].startswith("TV Asahi. My name is Yamamoto.")


def test_example_label_inside_a_paragraph(wh):
    # line 240 "Finally, I invite questions from the U.S. press." has no blank line after it
    turns = wh.turns.set_index("turn")
    assert (turns.loc[18, "line_end"], turns.loc[19, "line_start"]) == (240, 241)
    assert turns.loc[18, "text"].endswith("Finally, I invite questions from the U.S. press.")
    assert turns.loc[19, "spoken"] == "Nancy Cordes, with NBC — CBS. Hey, Nance."
    assert turns.loc[19, "words"] == 7
    assert turns.loc[19, "stage_directions"] == ["(Reporter approaches microphone.)"]


def test_example_unlabelled_paragraphs_continue_the_turn(wh):
    first = wh.turns.iloc[0]
    assert (first["line_start"], first["line_end"], first["paragraphs"]) == (8, 83, 38)
    assert first["text"].endswith("I now would like to give the floor to President Biden of the "
                                  "United States of America.")


def test_example_times_are_not_speech(wh):
    assert kinds(wh) == [
        ("header", "Remarks by President"), ("header", "Akasaka Palace"),
        ("header", "Tokyo, Japan"), ("header", "2:16 P.M. JST"), ("narration", "2:58 P.M. JST"),
    ]
    assert wh.turns.iloc[-1]["text"].endswith("Thank you very much for your cooperation.")
    assert_faithful(wh)


# --- damaged copies of every form: a correct parse or the named error, never a crash ----------------
SOURCES = [WH.read_text(encoding="utf-8")] + [
    p.read_text(encoding="utf-8") for p in sorted(DATA.glob("form_*.txt"))]
PIECES = ["Q    x.", "PRESIDENT X:  Yes.", "U.S. Side:", "[1] note", "END", "Stalin: “a",
          "de Gaulle: b", "(Laughter.)", "“", "”", "\n\n", "\n", NBSP, ":",
          "THE PRESIDENT. x", "[1.] ", "Q. y", "Tony.1 ", "1 A note.", "NOTE: z"]


@given(st.sampled_from(range(len(SOURCES))),
       st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES), st.integers(0, 40)),
                min_size=1, max_size=5))
def test_damaged_forms_parse_or_fail_plainly(which, edits):
    text = SOURCES[which]
    for where, piece, cut in edits:
        i = int(where * len(text))
        text = text[:i] + piece + text[i + cut:]
    try:
        transcript = helpers.parse_text(text, "damaged.txt")
    except helpers.TranscriptError as error:
        assert str(error).startswith("damaged.txt:") and error.line >= 1 and error.column >= 1
        return
    assert_faithful(transcript)
