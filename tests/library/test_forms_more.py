"""More forms of a speaker-labelled record (issue 12), one invented transcript each.

The ``form_*`` files named here are invented for these tests (see ``tests/data/README.md``):
title-case full-stop labels, capitals with an identification in brackets and a misprint, a
debate with ``NAME, ROLE:`` and semicolon labels, an interview with one person under two
labels, a header field at the top, a turn whose words are withheld. The counts were made by
hand from the files, never by the parser under test.
"""
from __future__ import annotations


import pytest

import helpers
from form_records import DATA, load, kinds_of, faithful
from helpers.parse import match_label
from helpers.speakers import Alias, SpeakerMap, default_speaker


def others(t: helpers.Transcript) -> list[tuple[str, str]]:
    """(kind, first 20 characters) of every block that is not speech."""
    blocks = t.blocks[t.blocks["kind"] != "speech"]
    return [(k, x[:20]) for k, x in zip(blocks["kind"], blocks["text"])]


# --- title-case full-stop labels, as the Public Papers print news conferences from the 1980s ---
def test_title_case_papers():
    t = load("form_title_case_papers.txt")
    assert t.style.name == "full-stop" and not t.style.given
    turns = t.turns
    assert turns["label"].tolist() == ["Q", "The President", "Q", "The President", "Q",
                                       "President Petrov", "Mr. Fitzwater", "Anna Berg"]
    assert turns["words"].tolist() == [12, 10, 8, 20, 9, 4, 5, 4]
    assert turns["paragraphs"].tolist() == [1, 1, 1, 2, 1, 1, 1, 1]
    # the identification before the full stop is kept apart, like an aside
    assert turns.loc[7, "stage_directions"] == ["[Northport Wire]"]
    assert turns.loc[7, "spoken"] == "Thank you, Mr. President."
    assert turns.loc[3, "stage_directions"] == ["[Ann Lowe, Northport Daily]", "[Laughter]"]
    # the heading between two turns is a heading, not the President's words
    assert others(t) == [("header", "214. Exchange With R"), ("header", "March 3, 1990"),
                         ("heading", "Fisheries Policy"), ("narration", "NOTE: The exchange b")]
    # a title alone and the same title with a name may be one person: here they are two, and
    # the parser says it cannot tell (the Public Papers write both forms for one president too)
    assert kinds_of(t) == [("same-speaker", 19)]
    assert "'The President' and 'President Petrov'" in t.doubts[0].message
    faithful(t)


@pytest.mark.parametrize("text,label", [
    ("The President. No, not now.", "The President"),
    ("President Bush. What I heard I liked.", "President Bush"),
    ("Mr. Fitzwater. We used our allotted time.", "Mr. Fitzwater"),
    ("Secretary of State Baker. Yes.", "Secretary of State Baker"),
    ("President Bush. Good. Thank you.", "President Bush"),   # ends at the first full stop
    ("John F. Kennedy. We agree.", "John F. Kennedy"),
])
def test_title_case_full_stop_labels_in_a_full_stop_record(text, label):
    t = helpers.parse_text(f"{text}\n\nQ. A question?\n\n{text}", style="full-stop")
    assert t.turns["label"].tolist() == [label, "Q", label]


def test_title_case_lines_that_are_not_labels():
    text = ("THE PRESIDENT. Yes.\n\nQ. Why?\n\nTHE PRESIDENT. Because.\n\n"
            "Thank You. That is all.\n\nGood Morning. Again.\n\nSir D. Kelly came in.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT"]
    assert t.doubts == []


# --- capitals, an identification in brackets, a misprint, a withheld turn, a heading ----------------
def test_caps_papers():
    t = load("form_caps_papers.txt")
    turns = t.turns
    assert turns["label"].tolist() == ["THE PRESIDENT", "Q", "THE PRESIDENT", "Q", "THE. PRESIDENT",
                                       "Q", "THE PRESIDENT", "MARTA LUND"]
    assert turns["words"].tolist() == [9, 6, 9, 5, 4, 3, 0, 4]
    # "FRANK CORMIER [Associated Press]." form: a turn of its own, not the President's words
    assert turns.loc[7, "speaker"] == "Marta Lund"
    assert turns.loc[7, "stage_directions"] == ["[Northport Wire]"]
    # a turn whose words are withheld is a turn, with 0 words, not dropped or merged
    assert turns.loc[6, "stage_directions"] == ["[2 lines not declassified]"]
    assert (turns.loc[6, "spoken"], turns.loc[6, "paragraphs"]) == ("", 1)
    assert others(t) == [("header", "The President's News"), ("heading", "Northport"),
                         ("narration", "NOTE: The President'")]
    # the misprint THE. PRESIDENT. is doubted, named with the label it resembles
    assert kinds_of(t) == [("same-speaker", 13)]
    assert "'THE PRESIDENT' and 'THE. PRESIDENT'" in t.doubts[0].message
    faithful(t)


def test_a_speaker_file_joins_the_misprint(tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nTHE PRESIDENT,Lund's President\nTHE. PRESIDENT,Lund's "
                     "President\n", encoding="utf-8")
    t = load("form_caps_papers.txt", speakers=names)
    assert t.turns["speaker"].value_counts()["Lund's President"] == 4
    assert t.doubts == []


# --- a debate: NAME, ROLE:, semicolons, Mc capitals ---------------------------------------------------
def test_debate():
    t = load("form_debate.txt")
    turns = t.turns
    assert turns["label"].tolist() == ["JOHN HALE", "MR. McRAE", "MR. ORLEY", "MR. LEVIN",
                                       "Mr. McRae", "MR. ORLEY", "MR. HALE"]
    assert turns["words"].tolist() == [23, 8, 10, 16, 8, 10, 6]
    # the moderator's opening is a turn (its role kept as a direction), not narration
    assert turns.loc[0, "stage_directions"] == ["MODERATOR"]
    # MR. McRAE and Mr. McRae are one speaker, as MR. ORLEY is one
    assert turns["speaker"].tolist() == ["John Hale", "Mr. McRae", "Mr. Orley", "Mr. Levin",
                                         "Mr. McRae", "Mr. Orley", "Mr. Hale"]
    # each semicolon label is read and doubted; the moderator's two labels are doubted
    assert kinds_of(t) == [("semicolon", 9), ("semicolon", 13), ("same-speaker", 15)]
    assert str(t.doubts[0]) == ("9:1: 'MR. LEVIN;' looks like a speaker label closed by ';' — "
                                "read as a label; list it in a speaker file to confirm")
    assert str(t.doubts[2]).startswith("15:1: labels 'JOHN HALE' and 'MR. HALE' may be one speaker")
    assert others(t) == [("header", "THE SECOND JOINT APP")]
    faithful(t)


def test_a_semicolon_after_a_word_of_speech_stays_speech_with_a_doubt():
    t = helpers.parse_text("MR. ORLEY: We agree.\n\nSmith; I think so.\n\nYes; we do.")
    assert t.turns["paragraphs"].tolist() == [3]
    assert kinds_of(t) == [("semicolon", 3)]
    assert t.doubts[0].decision == "read as part of turn 1 (MR. ORLEY)"


@pytest.mark.parametrize("label,speaker", [
    ("MR. McGEE", "Mr. McGee"), ("Mr. McGee", "Mr. McGee"), ("GENERAL MacARTHUR", "General MacArthur"),
    ("SENATOR McMAHON", "Senator McMahon"), ("PRESIDENT DeGAULLE", "President DeGaulle"),
    ("MR. NIXON", "Mr. Nixon"), ("O'BRIEN", "O'Brien"), ("Q", "Q"),
])
def test_mc_and_mac_are_title_cased_like_the_rest(label, speaker):
    assert default_speaker(label) == speaker


def test_mc_labels_in_capitals_and_title_case_are_one_speaker():
    m = SpeakerMap()
    assert m.speaker("MR. McGEE") == m.speaker("Mr. McGee") == "Mr. McGee"


@pytest.mark.parametrize("text,label,role", [
    ("FRANK SMITH, MODERATOR: Good evening.", "FRANK SMITH", "MODERATOR"),
    ("Dean Hale, Secretary of State: Yes.", "Dean Hale", "Secretary of State"),
    ("HALE, MODERATOR: Yes.", "HALE", "MODERATOR"),
])
def test_name_role_labels(text, label, role):
    m = match_label(text)
    assert m is not None and (m.group("label"), m.group("role")) == (label, role)


@pytest.mark.parametrize("text", [
    "Well, Mr. President: we agree.",   # a word of speech before the comma
    "Look, here’s the situation: We agree.",
    "Again, Secretary: no.",
])
def test_comma_forms_that_are_not_labels(text):
    assert match_label(text) is None


# --- one person under two labels ---------------------------------------------------------------------
def test_interview_doubts_two_labels_of_one_surname():
    t = load("form_interview.txt")
    assert t.turns["label"].tolist() == ["Nora Vance", "Dr. Ilse Kemp", "Ms. Vance",
                                         "Secretary Kemp", "Nora Vance"]
    assert t.turns["words"].tolist() == [8, 8, 4, 8, 3]
    assert kinds_of(t) == [("header-field", 3), ("same-speaker", 9), ("same-speaker", 11)]
    assert "'Nora Vance' and 'Ms. Vance'" in t.doubts[1].message
    assert "'Dr. Ilse Kemp' and 'Secretary Kemp'" in t.doubts[2].message
    assert t.doubts[1].suggestion.startswith("give both one name in a speaker file")
    # the line "Speaker: Dr. Ilse Kemp" above the text is a header field, not a turn
    assert others(t) == [("header", "Television interview"), ("header", "Speaker: Dr. Ilse Ke")]


def test_the_fix_the_doubt_suggests_joins_them(tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nNora Vance,Vance\nMs. Vance,Vance\nDr. Ilse Kemp,Kemp\n"
                     "Secretary Kemp,Kemp\n", encoding="utf-8")
    t = load("form_interview.txt", speakers=names)
    assert t.turns["speaker"].tolist() == ["Vance", "Kemp", "Vance", "Kemp", "Vance"]
    assert kinds_of(t) == [("header-field", 3)]


def test_two_people_of_one_surname_listed_apart_raise_no_doubt():
    aliases = [Alias("Mr. Orley", "Mr. Orley"), Alias("Mrs. Orley", "Mrs. Orley")]
    t = helpers.parse_text("Mr. Orley: Yes.\n\nMrs. Orley: No.", speakers=aliases)
    assert t.doubts == []
    assert helpers.parse_text("Mr. Orley: Yes.\n\nMrs. Orley: No.").doubts[0].kind == "same-speaker"


def test_roles_are_not_surnames():
    t = helpers.parse_text("THE PRESIDENT: Yes.\n\nTHE VICE PRESIDENT: No.\n\nMODERATOR: Next."
                           "\n\nSpeaker 1: Hi.\n\nSpeaker 2: Hello.")
    assert t.doubts == []
    # ... but a title alone and the same title with a name may be one person (trial form 9)
    t = helpers.parse_text("THE PRESIDENT: Yes.\n\nTHE VICE PRESIDENT: No.\n\nPRESIDENT HALE: So.")
    assert [d.message for d in t.doubts] == [
        "labels 'THE PRESIDENT' and 'PRESIDENT HALE' may be one speaker (a title alone, and the "
        "same title with a name)"]


# --- header fields at the top ----------------------------------------------------------------------------
def test_a_header_field_at_the_top_is_not_a_speaker():
    t = load("form_header_field.txt")
    assert t.turns.empty
    assert others(t) == [("header", "President: Anna Berg"), ("narration", "Thank you all for co"),
                         ("narration", "We have done much to")]
    assert kinds_of(t) == [("header-field", 1)]
    assert t.doubts[0].suggestion == "if it is speech, list 'President' in a speaker file"


def test_a_label_with_a_name_that_speaks_again_is_a_turn():
    t = helpers.parse_text("MODERATOR: Senator Hale\n\nHALE: Thank you.\n\nMODERATOR: Senator Orley")
    assert t.turns["label"].tolist() == ["MODERATOR", "HALE", "MODERATOR"]
    assert t.doubts == []


def test_listing_a_header_field_label_makes_it_a_turn():
    t = helpers.parse_text("President: Anna Berg\n\nThank you all.", speakers=[Alias("President", "X")])
    assert t.turns["label"].tolist() == ["President"] and t.doubts == []


# --- a withheld turn -------------------------------------------------------------------------------------
def test_withheld_turn_has_zero_words():
    t = load("form_withheld.txt")
    assert t.turns["label"].tolist() == ["Chairman Volkov", "The Secretary", "Chairman Volkov"]
    assert t.turns["words"].tolist() == [8, 0, 8]
    assert t.turns.loc[1, "stage_directions"] == ["[3½ lines not declassified]"]
    assert t.style.name == "colon" and t.doubts == []


# --- Q. outside the full-stop style: the old advice, and its fix --------------------------------------------
def test_full_stop_labels_rewritten_with_colons_keep_the_questions():
    # what docs/bring_your_own.md used to advise: the reporters' Q. must not fold into the answers
    text = ("The President: Good afternoon.\n\nQ. Is the harbor open?\n\nThe President: It is.\n\n"
            "Q. Since when?\n\nMr. Fitzwater: Since Monday.")
    t = helpers.parse_text(text)
    assert t.turns["label"].tolist() == ["The President", "Q", "The President", "Q", "Mr. Fitzwater"]
    assert t.turns["words"].tolist() == [2, 4, 2, 2, 2]
    assert t.doubts == []


def test_one_q_with_a_full_stop_in_a_colon_record_is_doubted():
    t = helpers.parse_text("The President: Good afternoon.\n\nQ. Is the harbor open?\n\n"
                           "The President: It is.")
    assert t.turns["label"].tolist() == ["The President", "The President"]
    assert kinds_of(t) == [("not-a-label", 3)]
    assert t.doubts[0].decision == "read as part of turn 1 (The President)"
    fixed = helpers.parse_text(t.source, speakers=[Alias("Q", "Reporters")])
    assert fixed.turns["label"].tolist() == ["The President", "Q", "The President"]


# --- the speaker file: labels the researcher trusts --------------------------------------------------------
TITLE_PAPERS_AS_CABLE = ("Record of the exchange\n\nPresident Orley. We agree.\n\n"
                         "Minister Vance. We do not.\n\nPresident Orley. Then we wait.")


def test_full_stop_labels_the_style_misses_are_doubted():
    # two labels of two words, no Q., each used ... too few to infer the full-stop style
    t = helpers.parse_text("Record\n\nPresident Orley. We agree.\n\nMinister Vance. We do not.")
    assert t.turns.empty and t.style.name == "colon"
    assert kinds_of(t) == [("not-a-label", 3), ("not-a-label", 5)]
    assert "--style full-stop" in t.doubts[0].suggestion


@pytest.mark.parametrize("fix", ["style", "speakers"])
def test_the_suggested_fixes_give_the_right_turns(fix):
    text = "Record\n\nPresident Orley. We agree.\n\nMinister Vance. We do not."
    if fix == "style":
        t = helpers.parse_text(text, style="full-stop")
    else:
        t = helpers.parse_text(text, speakers=[Alias("President Orley", "Orley"),
                                              Alias("Minister Vance", "Vance")])
    assert t.turns["label"].tolist() == ["President Orley", "Minister Vance"]
    assert t.turns["spoken"].tolist() == ["We agree.", "We do not."]
    assert t.doubts == []


@pytest.mark.parametrize("mark", [":", ".", ";", ","])
def test_a_listed_label_is_read_whatever_follows_it(mark):
    aliases = [Alias("Anna Berg", "Berg"), Alias("IVO HALE", "Hale")]
    text = f"Record\n\nAnna Berg{mark} We agree.\n\nIvo Hale{mark} We do not.\n\nanna berg{mark} Then wait."
    for style in (None, "quoted", "colon", "full-stop"):
        t = helpers.parse_text(text, speakers=aliases, style=style)
        assert t.turns["speaker"].tolist() == ["Berg", "Hale", "Berg"], (mark, style)
        assert t.turns["spoken"].tolist() == ["We agree.", "We do not.", "Then wait."]
        assert t.doubts == []


def test_a_listed_label_inside_an_open_quotation_names_the_quotation_that_never_closed():
    text = "Kelly: “One thing.\n\nStalin. Another.\n\nKelly: “Yes.”"
    with pytest.raises(helpers.TranscriptError, match="never closes") as caught:
        helpers.parse_text(text, speakers=[Alias("Stalin", "Stalin")])
    assert (caught.value.line, caught.value.column) == (1, 8)


def test_the_cable_with_its_speaker_file_is_unchanged(cable):
    # the speaker file's labels (Sir D. Kelly, Sir. D. Kelly, Stalin) are trusted: same turns
    assert cable.turns["words"].tolist() == [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]
    plain = helpers.parse_text(cable.source)
    assert plain.turns["spoken"].tolist() == cable.turns["spoken"].tolist()


# --- the style, inferred or given ------------------------------------------------------------------------
def test_styles_inferred_and_why(cable):
    assert (cable.style.name, cable.style.reason) == (
        "quoted", "11 of 11 labels are followed by an opening quotation mark")
    wh = helpers.load(DATA / "wh_2022-05-23_biden_kishida_joint_press_conference.txt")
    assert wh.style.name == "colon"
    papers = load("form_public_papers.txt")
    assert papers.style.name == "full-stop"
    assert papers.style.reason.startswith("8 paragraphs open with a label closed by a full stop")


def test_a_given_style_overrides_the_inferred_one(cable):
    plain = helpers.parse_text(cable.source, speakers=cable.aliases, style="colon")
    assert plain.style.given and plain.style.name == "colon"
    # read as plain speech, the quotation marks are words' neighbours, not their bounds
    assert len(plain.turns) == 11 and plain.turns["words"].sum() > 927
    papers = load("form_public_papers.txt", style="colon")
    assert papers.turns["label"].tolist() == ["Q", "Q", "Q"]
    assert {d.kind for d in papers.doubts} == {"not-a-label"}
    with pytest.raises(ValueError, match="style must be one of"):
        helpers.parse_text("Stalin: Yes.", style="semicolon")


def test_load_takes_a_style(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Record\n\nPresident Orley. We agree.\n\nMinister Vance. No.", encoding="utf-8")
    assert len(helpers.load(path, style="full-stop").turns) == 2
    assert helpers.load(path).turns.empty


# --- headings inside a record ----------------------------------------------------------------------------
def test_headings_between_turns_are_not_speech():
    text = ("THE PRESIDENT. We begin.\n\nQ. Any news?\n\nTHE PRESIDENT. None.\n\n"
            "Trade With Northport\n\nU.S. Grain Sales\n\nQ. And grain?\n\nTHE PRESIDENT. Soon.")
    t = helpers.parse_text(text)
    assert t.turns["words"].tolist() == [2, 2, 1, 2, 1]
    assert others(t) == [("heading", "Trade With Northport"), ("heading", "U.S. Grain Sales")]
    assert t.doubts == []


def test_a_short_line_not_before_a_label_stays_speech_with_a_doubt():
    text = "Volkov: Then the river.\n\nSoviet Union\n\nWe spoke of it at length.\n\nHale: Good."
    t = helpers.parse_text(text)
    assert t.turns["paragraphs"].tolist() == [3, 1]
    assert kinds_of(t) == [("short-line", 3)]


def test_answers_of_one_word_are_never_headings():
    t = helpers.parse_text("HALE: Well?\n\nYes\n\nORLEY: Good.")
    assert t.turns.loc[0, "spoken"] == "Well?\n\nYes" and t.doubts == []


# --- offsets: which text start and end index ------------------------------------------------------------
@pytest.mark.parametrize("bom,newline", [(False, "\n"), (True, "\n"), (False, "\r\n"), (True, "\r\n")])
def test_read_source_gives_back_every_row(tmp_path, bom, newline):
    text = (DATA / "form_debate.txt").read_text(encoding="utf-8").replace("\n", newline)
    path = tmp_path / "record.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    t = helpers.load(path)
    source = helpers.read_source(path)
    assert source == t.source
    for row in t.turns.itertuples():
        assert source[row.start:row.end] == row.text
    for row in t.blocks.itertuples():
        assert source[row.start:row.end] == row.text
    # the same text in plain Python: UTF-8, the byte-order mark dropped, line endings kept
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert handle.read() == source
    # ... which open(path).read() is not, on such files: the documented caveat
    with open(path, encoding="utf-8") as handle:
        assert (handle.read() == source) == (not bom and newline == "\n")
    assert t.turns["words"].tolist() == [23, 8, 10, 16, 8, 10, 6]
    assert [d.line for d in t.doubts] == [9, 13, 15]


# --- docs/bring_your_own.md, "Read otherwise than you mean, and the fix": each fix tested --------------
def test_fix_a_lone_caps_full_stop_label():
    text = "Record of the exchange\n\nTHE PRESIDENT. Good afternoon.\n\nWe begin with grain."
    t = helpers.parse_text(text)
    assert t.turns.empty and kinds_of(t) == [("not-a-label", 3)]
    for fixed in (helpers.parse_text(text, style="full-stop"),
                  helpers.parse_text(text, speakers=[Alias("THE PRESIDENT", "Hale")])):
        assert fixed.turns["spoken"].tolist() == ["Good afternoon.\n\nWe begin with grain."]
        assert fixed.doubts == []


def test_fix_a_semicolon_label_by_listing_it():
    text = "MR. ORLEY: Yes.\n\nMR. LEVY; Mr. Orley, why?\n\nMR. ORLEY: Because."
    assert kinds_of(helpers.parse_text(text)) == [("semicolon", 3)]
    t = helpers.parse_text(text, speakers=[Alias("MR. LEVY", "Levy")])
    assert t.turns["speaker"].tolist() == ["Mr. Orley", "Levy", "Mr. Orley"] and t.doubts == []


def test_fix_said_by_writing_the_label():
    assert helpers.parse_text("Mr. X said: we agree.").turns.empty
    assert helpers.parse_text("Mr. X: we agree.").turns["label"].tolist() == ["Mr. X"]


def test_fix_question_by_joining_the_line():
    text = "HALE: I have one point.\n\nQuestion: how long?"
    assert helpers.parse_text(text).turns["label"].tolist() == ["HALE", "Question"]
    joined = helpers.parse_text("HALE: I have one point. Question: how long?")
    assert joined.turns["spoken"].tolist() == ["I have one point. Question: how long?"]


def test_fix_single_quotation_marks():
    text = "Stalin: ‘That is true.’\n\nKelly: ‘Quite so.’\n\nAt this point Stalin took out his pipe."
    assert helpers.parse_text(text).warnings
    fixed = helpers.parse_text(text.replace("‘", "“").replace("’", "”"))
    assert fixed.warnings == [] and fixed.turns["spoken"].tolist() == ["That is true.", "Quite so."]


def test_fix_a_title_with_a_colon():
    # a title whose words after the colon are a name is a header line, with a doubt
    t = helpers.parse_text("Interview With The Minister: A Record\n\nHale: Welcome.")
    assert t.turns["label"].tolist() == ["Hale"] and kinds_of(t) == [("header-field", 1)]
    # ... any other reads as a label
    text = "Interview With The Minister: What Next?\n\nHale: Welcome."
    assert helpers.parse_text(text).turns["label"].tolist() == ["Interview With The Minister", "Hale"]
    for title in ("Interview With The Minister\nWhat Next?", "Interview with the Minister: what next?"):
        assert helpers.parse_text(f"{title}\n\nHale: Welcome.").turns["label"].tolist() == ["Hale"]


def test_a_heading_may_open_with_a_year():
    t = helpers.parse_text("THE PRESIDENT. Yes.\n\nQ. Why?\n\nTHE PRESIDENT. No.\n\n1992 Campaign\n\n"
                           "Q. And the campaign?\n\nTHE PRESIDENT. Later.")
    assert others(t) == [("heading", "1992 Campaign")]
