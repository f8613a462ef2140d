"""The failure forms of the researcher's trial of the parser on 14 real records (issue 12).

One invented record per form (``tests/data/form_*.txt``, see ``tests/data/README.md``; nothing
in them is a historical record), counted by hand: answers labelled ``A.``, a note number after a
label's colon, note lists and a note call set apart from its word, ``Q`` and one space, a
full-stop label with a comma inside, header fields the parser did not know, a participant line
in a header without blank lines, running heads, a title alone and the same title with a name, a
narrative record. For each: the turns, what is not speech, every doubt, and that the fix each
doubt suggests gives the right turns. Then the speaker file's ``-`` rows (not a speaker), and
the warning for a speaker-file label that matches nothing.
"""
from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from form_records import DATA, load, others, kinds_of, faithful, with_names
from helpers.cli import main
from helpers.doubts import unused_labels
from helpers.speakers import Alias, load_speakers


# --- 1. A. answers, with a Q. questioner ---------------------------------------------------------
def test_answers_labelled_a():
    t = load("form_answers.txt")
    assert t.turns["label"].tolist() == ["Ambassador Kemp", "Minister Orley", "Q", "A", "Q", "A",
                                         "Mr. Ivo Dahl", "A"]
    assert t.turns["words"].tolist() == [6, 10, 8, 8, 4, 7, 6, 9]
    assert t.turns.loc[7, "stage_directions"] == ["(cont.)"]
    assert others(t) == [("header", 1), ("narration", 3)]
    # the answers name nobody: the parser says the answerer may be another speaker
    assert kinds_of(t) == [("same-speaker", 11)]
    assert "the answers (label 'A') name nobody" in t.doubts[0].message
    faithful(t)


def test_the_answer_doubt_is_settled_by_naming_the_answerer():
    t = with_names(load("form_answers.txt"), ("A", "Orley"), ("Minister Orley", "Orley"))
    assert t.turns["speaker"].tolist()[1:4] == ["Orley", "Q", "Orley"]
    assert t.doubts == []


@pytest.mark.parametrize("style", [None, "colon", "full-stop"])
def test_answers_in_every_style_and_with_a_colon(style):
    text = "Q. Will it pass?\n\nA. I think so.\n\nQ. When?\n\nA. In May."
    t = helpers.parse_text(text, style=style)
    assert t.turns["label"].tolist() == ["Q", "A", "Q", "A"]
    colons = helpers.parse_text(text.replace("Q.", "Q:").replace("A.", "A:"), style=style)
    assert colons.turns["spoken"].tolist() == t.turns["spoken"].tolist()


def test_a_lone_answer_is_doubted_and_a_without_a_questioner_is_speech():
    t = helpers.parse_text("HALE: Any questions?\n\nQ. Yes, when?\n\nQ. And where?\n\nA. Soon.")
    assert t.turns["label"].tolist() == ["HALE", "Q", "Q"]
    assert kinds_of(t) == [("not-a-label", 7)]
    assert "'A.' looks like the label of an answer" in t.doubts[0].message
    fixed = helpers.parse_text(t.source, speakers=[Alias("A", "Hale")])
    assert fixed.turns["speaker"].tolist()[-1] == "Hale"
    # no questioner: "A. Lincoln said ..." is speech, and no doubt
    plain = helpers.parse_text("HALE: We begin.\n\nA. Lincoln said so in 1858.")
    assert plain.turns["paragraphs"].tolist() == [2] and plain.doubts == []


# --- 2. a note number glued after the label's colon ---------------------------------------------
def test_a_note_number_after_the_colon():
    t = load("form_note_after_colon.txt")
    assert t.turns["label"].tolist() == ["The Chairman", "Mr. Petr Lund", "The Chairman"]
    assert t.turns["words"].tolist() == [7, 10, 3]
    # the number is recorded as a note call, a stage direction, not speech
    assert t.turns.loc[1, "stage_directions"] == ["7"]
    assert t.turns.loc[1, "spoken"] == "No reply has come in yet. We expect word tonight."
    assert others(t) == [("header", 1), ("narration", 9)]   # the note, indented
    assert t.doubts == []
    faithful(t)
    listed = with_names(t, ("Mr. Petr Lund", "Lund"))
    assert listed.turns["speaker"].tolist() == ["The Chairman", "Lund", "The Chairman"]
    assert listed.turns.loc[1, "stage_directions"] == ["7"]


# --- 3. notes in other forms ---------------------------------------------------------------------
def test_a_list_of_notes_is_not_speech():
    t = load("form_note_lists.txt")
    assert t.turns["label"].tolist() == ["Dr. Hale", "General Secretary Vance"]
    assert t.turns["words"].tolist() == [8, 5]
    assert others(t) == [("header", 1), ("narration", 7)]
    assert t.doubts == []
    faithful(t)


@pytest.mark.parametrize("notes,is_note", [
    ("1. For text of the communique, see the Bulletin.\n2. Berg resigned.", True),
    ("  1. Berg resigned on May 21.\n  2. Hale resigned on May 22.", True),   # indented
    ("12. See footnote 3 above.", True),
    ("1. We agree on grain.\n2. We agree on oil.", False),                   # numbered points
    ("1. For text, see below.\n3. Berg resigned.", False),                   # not in sequence
    ("1. For example, grain.\n2. For our part, oil.", False),                # points of speech
])
def test_note_lists_and_numbered_points(notes, is_note):
    t = helpers.parse_text(f"HALE: We have two points.\n\n{notes}\n\nORLEY: Good.")
    assert t.turns.loc[0, "paragraphs"] == (1 if is_note else 2)
    assert t.turns["label"].tolist() == ["HALE", "ORLEY"]


def test_indented_points_in_a_record_that_indents_every_paragraph_are_speech():
    # as the Government Publishing Office's text prints the Public Papers: every paragraph indented
    text = ("    Q. What will you propose?\n\n    The President. Two things.\n\n"
            "    1. We cut the tariff.\n    2. We open the harbor.\n\n    Q. When?")
    t = helpers.parse_text(text)
    assert t.turns["paragraphs"].tolist() == [1, 2, 1]


def test_a_dateline_with_a_comma_is_no_label():
    t = helpers.parse_text("LISBETH, NORLAND. The talks began today.\n\nHALE: We begin.")
    assert t.turns["label"].tolist() == ["HALE"] and t.doubts == []


def test_a_note_whose_call_stands_apart_and_a_named_questioner():
    t = load("form_spaced_note_call.txt")
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "Anna Berg", "THE PRESIDENT", "Q",
                                         "THE PRESIDENT"]
    assert t.turns["words"].tolist() == [13, 6, 16, 5, 3]
    # "Q. Anna Berg, Northport Wire:" is the questioner Anna Berg; "Q." and the paper are
    # stage directions
    assert t.turns.loc[1, "speaker"] == "Anna Berg"
    assert t.turns.loc[1, "stage_directions"] == ["Q.", "Northport Wire"]
    # the note after "assistants. 1" is not speech, its call is no word, and the turn goes on
    assert t.turns.loc[2, "stage_directions"] == ["1"]
    assert t.turns.loc[2, "spoken"] == ("The Secretary of State and his principal assistants."
                                        "\n\nI expect to be back within the week.")
    assert others(t) == [("header", 1), ("header", 3), ("narration", 11)]
    assert t.doubts == []
    faithful(t)


def test_named_and_unnamed_questioners_grouped_by_a_speaker_file():
    t = with_names(load("form_spaced_note_call.txt"), ("Q", "Reporters"), ("Anna Berg", "Reporters"))
    assert t.turns["speaker"].tolist() == ["The President", "Reporters", "The President",
                                           "Reporters", "The President"]


@pytest.mark.parametrize("text", [
    "Q. Mr. President, I said: yes.",       # a title alone is no questioner's name
    "Q. Anna Berg, you said: no.",          # words of speech after the comma
])
def test_questions_that_are_not_named_questioners(text):
    t = helpers.parse_text(f"THE PRESIDENT. Yes.\n\nQ. Why?\n\n{text}\n\nTHE PRESIDENT. No.")
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "Q", "Q", "THE PRESIDENT"]


# --- 4. Q and one space ---------------------------------------------------------------------------
def test_q_and_one_space():
    t = load("form_q_one_space.txt")
    assert t.turns["label"].tolist() == ["Q", "THE PRESIDENT"] * 3
    assert t.turns["words"].tolist() == [5, 8, 7, 4, 3, 3]
    assert others(t) == [("header", 1), ("header", 2), ("header", 4)]
    assert t.doubts == []
    faithful(t)


def test_one_q_and_one_space_is_doubted_and_listing_q_reads_it():
    text = "Record\n\nQ How is the garden?\n\nTHE PRESIDENT: Not very good.\n\nTHE PRESIDENT: Yes."
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "THE PRESIDENT"]
    assert kinds_of(t) == [("not-a-label", 3)]
    assert t.doubts[0].suggestion == "if a speaker begins here, list 'Q' in a speaker file"
    fixed = helpers.parse_text(text, speakers=[Alias("Q", "Reporter")])
    assert fixed.turns["speaker"].tolist() == ["Reporter", "The President", "The President"]
    assert fixed.turns.loc[0, "spoken"] == "How is the garden?" and fixed.doubts == []
    # ... but a listed A (or I, or O) and a space is ordinary English: "A lot of ..."
    lot = helpers.parse_text("HALE: Yes.\n\nA lot of people agree.", speakers=[Alias("A", "X")])
    assert lot.turns["paragraphs"].tolist() == [2]


# --- 5. a full-stop label with a comma inside -------------------------------------------------------
def test_a_comma_inside_a_full_stop_label():
    t = load("form_comma_stop_label.txt")
    assert t.turns["label"].tolist() == ["ANNA BERG", "THE PRESIDENT", "MS. BERG", "THE PRESIDENT",
                                         "IVO, DAHL", "THE PRESIDENT"]
    assert t.turns["words"].tolist() == [9, 4, 4, 4, 8, 4]
    assert t.turns.loc[4, "stage_directions"] == ["[Norland Television]"]
    assert kinds_of(t) == [("same-speaker", 9), ("comma", 13)]
    assert t.doubts[1].decision == "read as the label 'IVO, DAHL'"
    faithful(t)


@pytest.mark.parametrize("listed", ["IVO DAHL", "IVO, DAHL", "Ivo Dahl"])
def test_listing_the_comma_label_reads_it(listed):
    t = with_names(load("form_comma_stop_label.txt"), (listed, "Dahl"), ("ANNA BERG", "Berg"),
                   ("MS. BERG", "Berg"))
    assert t.turns["speaker"].tolist()[4] == "Dahl" and t.doubts == []


def test_a_comma_label_once_without_an_identification_is_doubted():
    text = "THE PRESIDENT. Yes.\n\nMR. HALE. Why?\n\nTHE PRESIDENT. No.\n\nDAHL, IVO. And then?"
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "MR. HALE", "THE PRESIDENT"]
    assert kinds_of(t) == [("not-a-label", 7)]
    fixed = helpers.parse_text(text, speakers=[Alias("DAHL IVO", "Dahl")])
    assert fixed.turns["speaker"].tolist()[-1] == "Dahl"
    # "YES, SIR." and "NO, SIR." are answers, not labels
    assert helpers.parse_text(text.replace("DAHL, IVO.", "YES, SIR.")).doubts == []


# --- 6. header fields the parser did not know --------------------------------------------------------
def test_unknown_header_fields_of_a_hearing():
    t = load("form_hearing_fields.txt")
    assert t.turns["label"].tolist() == ["REP. ANNA BERG", "MR. DAHL"]
    assert t.turns["words"].tolist() == [12, 4]
    assert others(t) == [("header", n) for n in (1, 3, 5, 7, 9, 11)]
    # HEADLINE and WITNESS (values in capitals only) and BODY (no words, a label after it) are
    # calls, doubted; SUBJECT is a known field and "CHAIRED BY" a field by its form
    assert kinds_of(t) == [("header-field", 3), ("header-field", 9), ("header-field", 11)]
    assert t.doubts[0].suggestion == "if it is speech, list 'HEADLINE' in a speaker file"
    faithful(t)


def test_the_header_field_doubts_are_settled_either_way():
    t = load("form_hearing_fields.txt")
    not_speakers = with_names(t, ("HEADLINE", "-"), ("WITNESS", "-"), ("BODY", "-"))
    assert not_speakers.turns["label"].tolist() == ["REP. ANNA BERG", "MR. DAHL"]
    assert not_speakers.doubts == []
    # listed as a speaker, HEADLINE opens the first turn (and what follows is no longer header)
    speaker = with_names(t, ("HEADLINE", "Headline"))
    assert speaker.turns["label"].tolist()[0] == "HEADLINE"


def test_a_title_word_and_an_editors_note_are_header_fields():
    t = load("form_debate_fields.txt")
    assert t.turns["label"].tolist() == ["MR. HALE", "MR. DAHL"]
    assert t.turns["words"].tolist() == [7, 14]
    assert others(t) == [("header", 1), ("header", 3), ("header", 5), ("heading", 11)]
    faithful(t)


@pytest.mark.parametrize("label", ["Transcripts", "Notes", "Drafted by", "CHAIRED BY",
                                   "Moderated by", "NOTE TO EDITORS", "Memorandum for the Record"])
def test_field_names_by_their_form(label):
    t = helpers.parse_text(f"{label}: Anna Berg and Ivo Dahl, at length.\n\nHALE: We begin.")
    assert t.turns["label"].tolist() == ["HALE"] and t.doubts == []


def test_a_label_marked_not_a_speaker_ends_the_turn_before_it():
    text = "HALE: We begin.\n\nORLEY: Yes.\n\nBREAKING NEWS: the bridge is open.\n\nMore news."
    t = helpers.parse_text(text, speakers=[Alias("BREAKING NEWS", "-")])
    assert t.turns["label"].tolist() == ["HALE", "ORLEY"]
    assert t.turns["paragraphs"].tolist() == [1, 1]
    assert t.blocks["kind"].tolist() == ["speech", "speech", "narration", "narration"]
    assert t.doubts == []


def test_a_speaker_file_with_not_a_speaker_rows(tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nHEADLINE,-\nWITNESS,-\nBODY,-\nMR. DAHL,Dahl\n",
                     encoding="utf-8")
    assert [a.speaker for a in load_speakers(names)] == ["-", "-", "-", "Dahl"]
    t = load("form_hearing_fields.txt", speakers=names)
    assert t.turns["speaker"].tolist() == ["Rep. Anna Berg", "Dahl"] and t.doubts == []
    assert unused_labels(t) == []


# --- 7 and 10. a header without blank lines; a label after a broken line -------------------------------
def test_a_header_without_blank_lines():
    t = load("form_header_no_blank_lines.txt")
    assert t.turns["label"].tolist() == ["Mrs. Berg", "Mr. Dahl", "Mrs. Berg"]
    assert t.turns["words"].tolist() == [13, 26, 5]
    assert others(t) == [("header", n) for n in range(1, 12)]
    # the participant line after "Tomas Kemp." is a header line, with a doubt; the field lines
    # of the header raise none; the label after a broken line is doubted
    assert kinds_of(t) == [("header-field", 8), ("mid-sentence", 16)]
    assert t.doubts[1].suggestion == ("if a speaker begins here, list 'Adm. Lund' in a speaker "
                                      "file (or put a blank line before it)")
    faithful(t)


def test_a_listed_label_after_a_broken_line_is_read():
    t = with_names(load("form_header_no_blank_lines.txt"), ("Adm. Lund", "Lund"))
    assert t.turns["label"].tolist() == ["Mrs. Berg", "Mr. Dahl", "Adm. Lund", "Mrs. Berg"]
    assert t.turns["words"].tolist() == [13, 15, 9, 5]
    assert kinds_of(t) == [("header-field", 8)]
    # ... and the participant line, listed, is a turn; marked "-", a header line, no doubt
    listed = with_names(t, ("Nils M. Orley Navy", "Orley"))
    assert listed.turns["label"].tolist()[0] == "Nils M. Orley Navy"
    quiet = with_names(t, ("Nils M. Orley Navy", "-"), ("Adm. Lund", "Lund"))
    assert quiet.doubts == [] and len(quiet.turns) == 4


def test_a_listed_label_after_a_broken_line_needs_its_colon():
    text = "HALE: We spoke with\nAdm. Lund, who agreed.\n\nORLEY: Good."
    t = helpers.parse_text(text, speakers=[Alias("Adm. Lund", "Lund")])
    assert t.turns["label"].tolist() == ["HALE", "ORLEY"]


# --- 8. running heads ------------------------------------------------------------------------------------
def test_a_running_head_that_repeats_is_set_apart():
    t = load("form_debate_fields.txt")
    assert kinds_of(t) == [("running-head", 11)]
    assert "repeats line 3" in t.doubts[0].message
    assert "Harbour" not in " ".join(t.turns["spoken"])


def test_a_running_head_met_once_is_doubted():
    t = load("form_running_head.txt")
    assert t.turns["words"].tolist() == [16, 4]
    assert kinds_of(t) == [("short-line", 5)]
    assert "reads like a running head" in t.doubts[0].message


def test_the_running_head_fixes_the_doubts_suggest():
    # met once: delete it from the copy, and the words are right
    once = load("form_running_head.txt").source
    deleted = helpers.parse_text(once.replace("NORTHPORT RADIO 12 Harbor Street, Lisbeth 4, N. P.\n\n", ""))
    assert deleted.turns["words"].tolist() == [7, 4] and deleted.doubts == []
    # repeated, but speech after all: make the lines differ, and it is counted (with a doubt)
    twice = load("form_debate_fields.txt").source
    differ = helpers.parse_text(twice.replace("12 Harbour Street", "12 Bridge Street"))
    assert differ.turns["words"].tolist() == [16, 14]
    assert kinds_of(differ) == [("short-line", 11)]


# --- 9. a title alone and the same title with a name ---------------------------------------------------
def test_a_title_alone_and_a_title_with_a_name():
    t = load("form_title_only_split.txt")
    assert t.turns["label"].tolist() == ["Secretary of State Orley", "Ambassador Kemp",
                                         "The Secretary", "Ambassador Kemp", "THE PRESIDENT",
                                         "PRESIDENT HALE"]
    assert t.turns["words"].tolist() == [6, 5, 9, 6, 3, 3]
    assert t.turns.loc[3, "stage_directions"] == ["Norland"]
    assert kinds_of(t) == [("same-speaker", 7), ("same-speaker", 13)]
    assert t.doubts[0].message == ("labels 'Secretary of State Orley' and 'The Secretary' may be "
                                   "one speaker (a title alone, and the same title with a name)")
    fixed = with_names(t, ("Secretary of State Orley", "Orley"), ("The Secretary", "Orley"),
                       ("THE PRESIDENT", "Hale"), ("PRESIDENT HALE", "Hale"))
    assert fixed.doubts == []
    apart = with_names(t, ("THE PRESIDENT", "Dahl"), ("PRESIDENT HALE", "Hale"))
    assert kinds_of(apart) == [("same-speaker", 7)]


# --- a narrative record -------------------------------------------------------------------------------------
def test_a_narrative_record_is_narration_beyond_its_header():
    t = load("form_narrative_memcon.txt")
    assert t.turns.empty and t.doubts == []
    assert others(t) == ([("header", n) for n in (1, 3, 4, 6, 7, 8, 9)]
                         + [("narration", n) for n in (11, 13, 15, 17, 19)])


# --- 11. a speaker-file label that matches nothing ------------------------------------------------------------
def test_check_and_summary_warn_of_a_label_that_matches_nothing(tmp_path, capsys):
    record = tmp_path / "record.txt"
    record.write_text((DATA / "form_q_one_space.txt").read_text(encoding="utf-8"), encoding="utf-8")
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nTHE PRESIDNET,Hale\nQ,Reporters\nHEADLNE,-\n", encoding="utf-8")
    t = helpers.load(record, speakers=names)
    assert unused_labels(t) == ["THE PRESIDNET", "HEADLNE"]
    assert main(["check", str(record), "--speakers", str(names)]) == 0
    out, err = capsys.readouterr()
    assert ("warning: the speaker file lists 2 labels that match nothing in the record: "
            "'THE PRESIDNET', 'HEADLNE'") in out
    assert err == ""
    assert main(["summary", str(record), "--speakers", str(names)]) == 0
    assert capsys.readouterr().err == (f"{names}: warning: no turn has the labels THE PRESIDNET, "
                                       "HEADLNE: check the spelling against the transcript\n")
    # a speaker file beside the record is named in the warning, and a file that matches is quiet
    names.replace(tmp_path / "record.speakers.csv")
    assert main(["summary", str(record)]) == 0
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'record.speakers.csv'}: warning:")
    (tmp_path / "record.speakers.csv").write_text("label,speaker\nQ,Reporters\n", encoding="utf-8")
    assert main(["summary", str(record)]) == 0 and capsys.readouterr().err == ""
    assert main(["check", str(record)]) == 0 and "warning" not in capsys.readouterr().out


# --- property: Q and A written in any form, listed or not, read the same ------------------------------------
WORDS = "we agree the harbor is open today river frontier must wait until spring".split()


@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
                          st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)),
                min_size=2, max_size=6),
       st.sampled_from(["Q. ", "Q: ", "Q  ", "Q "]), st.sampled_from(["A. ", "A: "]),
       st.booleans())
def test_questions_and_answers_read_the_same_however_written(pairs, q, a, listed):
    text = "Record of the session\n\n" + "\n\n".join(
        f"{q}{' '.join(ask).capitalize()}?\n\n{a}{' '.join(answer).capitalize()}."
        for ask, answer in pairs)
    aliases = [Alias("Q", "Questioner"), Alias("A", "Answerer")] if listed else None
    t = helpers.parse_text(text, speakers=aliases)
    assert t.turns["label"].tolist() == ["Q", "A"] * len(pairs)
    assert t.turns["spoken"].tolist() == [s for ask, answer in pairs for s in (
        " ".join(ask).capitalize() + "?", " ".join(answer).capitalize() + ".")]
    assert t.doubts == []
