"""The failure forms of the second researcher trial of the parser, on 12 real records (issue 12).

One invented record per form (``tests/data/form_*.txt``, see ``tests/data/README.md``; nothing in
them is a historical record), counted by hand: a bracketed note or Hansard's ``§`` before a label
(A), a comma after a label in capitals (B), a note's number between a label's name and its mark
(C), greetings in capitals (D), a label after a date or heading line with no blank line, and
headings in a record of single line breaks (E), labels closed by an em dash and labels glued to
the speech (F), the warning for a speaker-file label the record has in a form not read (G), names
written surname first and initials (H), a narrative memorandum's prose (narration, not header),
and ``Original: English`` (a header field). For each: the turns, what is not speech, every doubt,
and that the fix each doubt suggests gives the right turns.
"""
from __future__ import annotations


import pytest

import helpers
from form_records import load, others, kinds_of, faithful, with_names
from helpers.doubts import unused_labels, unused_line
from helpers.speakers import Alias


# --- A. a bracketed note before a label ----------------------------------------------------------
def test_a_page_marker_before_a_label():
    t = load("form_page_marker.txt")
    assert t.turns["label"].tolist() == ["Mr. Hale", "Ms. Orr", "Mr. Hale", "Ms. Orr", "Mr. Hale"]
    assert t.turns["words"].tolist() == [4, 3, 4, 5, 2]
    # the marker, glued or spaced, is a note of the turn: kept, traceable, not spoken
    assert t.turns.loc[2, "stage_directions"] == ["[Page 12]"]
    assert t.turns.loc[3, "stage_directions"] == ["[Page 13]"]
    assert t.turns.loc[2, "text"].startswith("[Page 12]Mr. Hale:")
    assert t.turns.loc[2, "spoken"] == "Loaded by Sunday night."
    assert others(t) == [("header", 1)]
    assert t.doubts == []
    faithful(t)


@pytest.mark.parametrize("marker", ["[Page 12]", "[Page 12] ", "[Page 12]  "])
def test_a_page_marker_before_a_full_stop_label(marker):
    text = f"Q. Is it late?\n\nTHE PRESIDENT. It is.\n\n{marker}Q. How late?\n\nTHE PRESIDENT. Very."
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["Q", "THE PRESIDENT", "Q", "THE PRESIDENT"]
    assert t.turns.loc[2, "stage_directions"] == ["[Page 12]"] and t.turns.loc[2, "words"] == 2


def test_a_footnote_marker_is_not_a_page_marker():
    # "[1] ..." opens a footnote, as before: not a note before a label
    assert helpers.parse.match_label("[1] Q. Mr. President?", full_stop=True) is None


# --- B. a comma after a label in capitals --------------------------------------------------------
def test_a_comma_after_a_capitals_label():
    t = load("form_comma_caps_label.txt")
    assert t.turns["label"].tolist() == ["THE CHAIR", "Q", "THE CHAIR", "Q", "THE CHAIR", "MR. VOSS",
                                         "THE CHAIR"]
    assert t.turns["words"].tolist() == [9, 4, 2, 2, 3, 3, 1]
    assert t.turns.loc[0, "paragraphs"] == 2 and t.turns.loc[0, "spoken"].startswith("Please sit")
    assert others(t) == []
    assert kinds_of(t) == [("comma", 1), ("comma", 11)]
    assert "the comma taken as the label's end" in t.doubts[0].decision
    faithful(t)
    fixed = with_names(t, ("THE CHAIR", "Chair"))
    assert fixed.doubts == [] and fixed.turns["words"].tolist() == t.turns["words"].tolist()


@pytest.mark.parametrize("text", [
    "THE CHAIR. We begin.\n\nQ. When?\n\nTHE CHAIR. Now.\n\nTHE END, said he, was near.",
    "THE CHAIR. We begin.\n\nQ. When?\n\nTHE CHAIR. Now.\n\nYES, Mr. Voss, at noon.",
])
def test_a_lower_case_word_or_a_yes_after_the_comma_is_speech(text):
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE CHAIR", "Q", "THE CHAIR"]
    assert t.turns.loc[2, "paragraphs"] == 2


def test_a_comma_label_without_other_capitals_labels_is_not_read():
    t = helpers.parse_text("Anna: We begin.\n\nBo: When?\n\nANNA LUND, Bo and I agree.")
    assert t.turns["label"].tolist() == ["Anna", "Bo"]


# --- C. a note's number between the name and the mark --------------------------------------------
def test_a_note_number_before_the_colon():
    t = load("form_note_in_label.txt")
    assert t.turns["label"].tolist() == ["Chair", "Ms. Orr", "Mr. Lind", "Chair"]
    assert t.turns["words"].tolist() == [4, 2, 4, 10]   # "Article 5:" is speech, no title
    assert t.turns.loc[2, "stage_directions"] == ["3"]
    assert t.turns.loc[2, "spoken"] == "At noon, I believe."
    assert kinds_of(t) == [("note-call", 5)]
    assert "read as the label 'Mr. Lind'" in t.doubts[0].decision
    faithful(t)
    # the fix: a speaker file listing Mr. Lind (not "Mr. Lind 3") matches it, no doubt
    fixed = with_names(t, ("Mr. Lind", "Lind"))
    assert fixed.turns["speaker"].tolist()[2] == "Lind"
    assert fixed.turns.loc[2, "stage_directions"] == ["3"] and fixed.doubts == []
    assert unused_labels(fixed) == []


def test_a_note_number_before_the_full_stop():
    t = load("form_note_in_label_papers.txt")
    assert t.turns["label"].tolist() == ["Q", "THE CHAIR", "Q", "THE CHAIR", "MR. LIND", "THE CHAIR"]
    assert t.turns["words"].tolist() == [4, 2, 2, 4, 8, 3]
    assert t.turns.loc[4, "stage_directions"] == ["3"]
    assert kinds_of(t) == [("note-call", 9)]
    faithful(t)


# --- D. greetings in capitals --------------------------------------------------------------------
def test_a_greeting_in_capitals_is_no_speaker():
    t = load("form_greeting_caps.txt")
    assert t.turns["label"].tolist() == ["REPORTER", "THE GOVERNOR", "Q", "THE GOVERNOR"]
    assert t.turns["words"].tolist() == [4, 2, 1, 10]
    assert t.turns.loc[0, "stage_directions"] == ["[1.]"]
    assert others(t) == [("header", 1), ("header", 3)]
    assert kinds_of(t) == [("not-a-label", 3), ("not-a-label", 13)]
    assert "greeting" in t.doubts[0].message and "read as header" == t.doubts[0].decision
    assert t.doubts[1].decision == "read as part of turn 4 (THE GOVERNOR)"
    faithful(t)


@pytest.mark.parametrize("greeting", ["GOOD MORNING.", "GOOD AFTERNOON.", "THANK YOU.",
                                      "LADIES AND GENTLEMEN:", "GOOD EVENING,", "THANK YOU VERY MUCH."])
def test_greetings_are_never_speakers(greeting):
    text = f"THE MAYOR. We begin.\n\nQ. When?\n\nTHE MAYOR. Now.\n\n{greeting} Please sit down."
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE MAYOR", "Q", "THE MAYOR"]
    assert kinds_of(t) == [("not-a-label", 7)]


def test_a_name_is_not_a_greeting():
    t = helpers.parse_text("MR. GOOD. We begin.\n\nQ. When?\n\nMR. GOOD. Now.")
    assert t.turns["label"].tolist() == ["MR. GOOD", "Q", "MR. GOOD"] and t.doubts == []


# --- E. a label after a line that does not end a sentence ----------------------------------------
def test_q_after_a_date_line():
    t = load("form_q_after_dateline.txt")
    assert t.turns["label"].tolist() == ["Q", "THE MAYOR", "Q", "THE MAYOR"]
    assert t.turns["words"].tolist() == [4, 2, 2, 2]
    assert others(t) == [("header", 1)]
    assert t.doubts == []
    faithful(t)


def test_single_newlines_with_headings():
    t = load("form_single_newlines_heading.txt")
    assert t.style.name == "full-stop"
    assert t.turns["label"].tolist() == ["Ms. Vale", "Mr. Dunn", "Ms. Vale", "Q", "Mr. Dunn",
                                         "Ms. Vale", "Mr. Dunn"]
    assert t.turns["words"].tolist() == [4, 2, 5, 4, 7, 3, 9]
    assert others(t) == [("header", 1), ("heading", 5), ("heading", 8)]
    # a heading line not followed by a label is speech, doubted
    assert kinds_of(t) == [("short-line", 11)]
    faithful(t)


def test_a_label_after_a_note_call_that_ends_a_sentence():
    text = "K: Hello.\nD: He was at State.2\nK: Who?\nD: Mr. Davies.\nK: I see."
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["K", "D", "K", "D", "K"] and t.doubts == []


def test_a_recurring_label_after_a_broken_line_is_read_with_a_doubt():
    text = ("Hale: We sail on Monday.\n\nOrr: And the cargo is loaded with\nHale: Sunday night.\n\n"
            "Orr: Good.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["Hale", "Orr", "Hale", "Orr"]
    assert kinds_of(t) == [("mid-sentence", 4)]
    assert "the label opens other paragraphs" in t.doubts[0].decision


def test_a_label_met_once_after_a_broken_line_stays_in_the_paragraph():
    t = helpers.parse_text("Hale: We went to\nBerlin: it is long.\n\nOrr: Yes.")
    assert t.turns["label"].tolist() == ["Hale", "Orr"]
    assert kinds_of(t) == [("mid-sentence", 2)]


# --- F. em-dash labels and glued labels ----------------------------------------------------------
def test_em_dash_labels():
    t = load("form_dash_labels.txt")
    assert t.turns["label"].tolist() == ["RN", "Kerr", "RN", "Vale", "RN", "Vale"]
    assert t.turns["speaker"].tolist()[0] == "RN"   # initials stay initials
    assert t.turns["words"].tolist() == [8, 6, 6, 6, 5, 3]
    assert t.turns.loc[1, "stage_directions"] == ["[Page 9]"]
    assert t.turns.loc[2, "stage_directions"] == ["(Mr. Vale then gave his briefing.)"]
    assert others(t) == [("header", 1)]
    assert t.doubts == []
    faithful(t)


def test_one_em_dash_opening_is_speech_with_a_doubt():
    t = helpers.parse_text("Hale: We begin.\n\nOrr: Yes.\n\nLaos—The rains come in May.")
    assert t.turns["label"].tolist() == ["Hale", "Orr"]
    assert kinds_of(t) == [("not-a-label", 5)]


def test_hansard_glued_labels():
    t = load("form_hansard_glued.txt")
    assert t.turns["label"].tolist() == ["The Minister of Works", "Mr. Dunn", "Mr. Vale"]
    assert t.turns["words"].tolist() == [4, 2, 2]
    assert t.turns.loc[0, "stage_directions"] == ["(Mr. Vale)"]   # "§" stays in the text
    assert t.turns.loc[0, "text"].startswith("§ The Minister")
    assert kinds_of(t) == [("glued", 3), ("glued", 5), ("glued", 7)]
    # the question asked in indirect speech opens no turn: the warning says so, with the fix
    assert any("lines open with '§'" in w and "line 1" in w for w in t.warnings)
    faithful(t)
    fixed = with_names(t, ("The Minister of Works", "Vale"), ("Mr. Vale", "Vale"), ("Mr. Dunn", "Dunn"))
    assert fixed.turns["speaker"].tolist() == ["Vale", "Dunn", "Vale"]
    assert fixed.doubts == []


def test_a_listed_label_glued_to_the_speech_is_read_anywhere():
    text = "Mr. Hale: We sail.\n\nMs. OrrWhen?\n\nMr. Hale: Monday."
    assert helpers.parse_text(text).turns["label"].tolist() == ["Mr. Hale", "Mr. Hale"]
    t = helpers.parse_text(text, speakers=[Alias("Ms. Orr", "Orr")])
    assert t.turns["label"].tolist() == ["Mr. Hale", "Ms. Orr", "Mr. Hale"]
    assert t.turns.loc[1, "spoken"] == "When?"


# --- G. the speaker file's label the record has in a form not read -------------------------------
def test_an_unused_label_says_where_the_record_has_it():
    text = "Chair: We begin.\n\nMs. Orr: It is\nMr. Lind. At noon.\n\nChair: Thanks."
    t = helpers.parse_text(text, speakers=[Alias("Mr. Lind", "Lind"), Alias("Mr. Lindh", "Lindh")])
    assert unused_labels(t) == ["Mr. Lind", "Mr. Lindh"]
    line = unused_line(unused_labels(t), t.source)
    assert "'Mr. Lind' is in the record at 4:1" in line
    assert "after one that does not end a sentence" in line
    assert "check the spelling of Mr. Lindh" in line
    report = helpers.doubts.check_report(t)
    assert "  'Mr. Lind' is in the record at 4:1 ('Mr. Lind. At noon.')" in report
    # without the text, the old warning
    assert unused_line(["Mr. Lindh"]).endswith("check the spelling against the transcript")


# --- H. one person, two labels --------------------------------------------------------------------
def test_surname_first_names_and_initials():
    text = ("Chou En-lai: Welcome.\n\nDr. Kissinger: Thank you.\n\nPM Chou: Shall we begin?\n\n"
            "Deng Xiaoping: We agree.\n\nVice Premier Deng: Entirely.\n\nK: Good.")
    t = helpers.parse_text(text)
    pairs = [d.message.split(" may be")[0] for d in t.doubts]
    assert pairs == ["labels 'Chou En-lai' and 'PM Chou'", "labels 'Deng Xiaoping' and 'Vice Premier Deng'",
                     "labels 'Dr. Kissinger' and 'K'"]
    assert {d.kind for d in t.doubts} == {"same-speaker"}
    fixed = with_names(t, ("Chou En-lai", "Zhou"), ("PM Chou", "Zhou"), ("Deng Xiaoping", "Deng"),
                       ("Vice Premier Deng", "Deng"), ("K", "Kissinger"), ("Dr. Kissinger", "Kissinger"))
    assert fixed.doubts == []


def test_initials_alone_raise_no_doubt():
    t = helpers.parse_text("K: Hello.\n\nD: Hello.\n\nK: Bye.")
    assert t.doubts == []


# --- narrative records and UN headers ------------------------------------------------------------
def test_a_narrative_memorandum_is_narration_after_its_header():
    text = ("1. Memorandum of Conversation\n\n  • Mr. Dunn\n  • Ms. Vale\n\nMr. Dunn said that the "
            "bridge was safe. Ms. Vale asked since when, and he said it was so.\n\n  • —first, the "
            "bridge;\n  • —second, the road;\n\nHe replied that it had been safe since")
    t = helpers.parse_text(text)
    assert t.turns.empty
    assert others(t) == [("header", 1), ("header", 3), ("header", 4), ("narration", 6),
                         ("narration", 8), ("narration", 11)]


def test_original_english_is_a_header_field():
    t = helpers.parse_text("Security Council\n\nOriginal: English\n\nThe President: The meeting is open.")
    assert t.turns["label"].tolist() == ["The President"] and t.doubts == []
