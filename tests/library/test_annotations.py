"""Topic notes: loading, validating and counting, on hand-made tables."""
from __future__ import annotations


import pandas as pd
import pytest

from helpers import DataFileError
from helpers.annotations import (
    add_note,
    check,
    edit_note,
    load_annotations,
    load_topics,
    topic_grid,
    topic_spans,
    topics_by_turn,
    topics_where_more_words,
    validate_annotations,
    words_by_topic,
    words_by_topic_compared,
)


# --- The helpers on a small made-up table -------------------------------------------------

@pytest.fixture()
def toy_turns():
    return pd.DataFrame({
        "turn": [1, 2, 3],
        "speaker": pd.Categorical(["A", "B", "A"], categories=["A", "B"]),
        "text": ["A: “We meet in peace and trade.”", "B: (Smiling) “peace, peace.”",
                 "A: “Trade’s good.”"],
        "words": [5, 2, 2],
    })


@pytest.fixture()
def toy_topics():
    return pd.DataFrame({"topic": ["peace", "trade"], "label": ["Peace", "Trade"],
                         "description": ["", ""]})


@pytest.fixture()
def toy_glossary():
    return pd.DataFrame({"term": ["peace"], "kind": ["term"], "definition": ["x"], "source": [""]})


def toy_notes(rows):
    table = pd.DataFrame(rows, columns=["note_id", "turn", "anchor", "topic", "note", "source", "glossary"])
    table["turn"] = table["turn"].astype("Int64")
    return table


GOOD = [
    ("a", 1, "in peace", "peace", "n", "", "peace"),
    ("b", 1, "and trade", "trade", "n", "", ""),
    ("c", 2, "(Smiling)", "peace", "n", "", ""),
    ("d", 3, "Trade’s good", "trade", "n", "", ""),
]


def test_validate_accepts_good_notes(toy_turns, toy_topics, toy_glossary):
    assert validate_annotations(toy_turns, toy_notes(GOOD), toy_topics, toy_glossary) == []


def test_validate_names_each_problem(toy_turns, toy_topics, toy_glossary):
    rows = [
        ("a", 1, "in peace", "peace", "n", "", "peace"),
        ("a", 1, "and trade", "war", "n", "", "treaty"),     # duplicate id, unknown topic and term
        ("c", 2, "peace", "peace", "n", "", ""),             # twice in turn 2 ("peace, peace")
        ("d", 3, "Trade's good", "trade", "n", "", ""),      # straight apostrophe: not as written
        ("e", 4, "x", "trade", "n", "", ""),                 # no turn 4
        ("f", 1, "and trade", "trade", "  ", "", ""),        # empty note
    ]
    problems = validate_annotations(toy_turns, toy_notes(rows), toy_topics, toy_glossary)
    assert problems == [
        "note_id a is used more than once.",
        "note a: the topic 'war' is not in the topic list.",
        "note a: the glossary term 'treaty' is not in the glossary.",
        "note c: the anchor 'peace' appears 2 times in turn 2; make it longer so that it points to one place.",
        "note d: the anchor \"Trade's good\" is not in turn 3 as written.",
        "note e: turn 4 does not exist (the turns run from 1 to 3).",
        "note f: the note itself is empty.",
    ]


def test_validate_finds_turn_without_topic_and_hints_other_turn(toy_turns, toy_topics, toy_glossary):
    rows = [("a", 1, "in peace", "peace", "n", "", ""), ("b", 1, "peace, peace", "peace", "n", "", "")]
    problems = validate_annotations(toy_turns, toy_notes(rows), toy_topics, toy_glossary)
    assert problems == [
        "note b: the anchor 'peace, peace' is not in turn 1 as written (it does appear in turn 2).",
        "turn 2 carries no topic: give it at least one note.",
        "turn 3 carries no topic: give it at least one note.",
    ]


def test_validate_checks_glossary_kinds(toy_turns, toy_topics):
    glossary = pd.DataFrame({"term": ["peace"], "kind": ["idea"], "definition": ["x"], "source": [""]})
    assert validate_annotations(toy_turns, toy_notes(GOOD), toy_topics, glossary) == [
        "glossary term 'peace': the kind 'idea' is not one of person, place, institution, term, event."
    ]


def test_topics_by_turn_is_tidy(toy_turns):
    rows = GOOD + [("e", 1, "We meet", "peace", "n", "", "")]
    table = topics_by_turn(toy_turns, toy_notes(rows))
    assert table.to_dict("list") == {
        "turn": [1, 1, 2, 3],
        "speaker": ["A", "A", "B", "A"],
        "topic": ["peace", "trade", "peace", "trade"],
        "notes": [2, 1, 1, 1],
    }


def test_words_by_topic_counts_and_splits(toy_turns, toy_topics):
    table = words_by_topic(toy_turns, toy_notes(GOOD), toy_topics)
    # peace: turn 1 (A, 5) and turn 2 (B, 2); trade: turn 1 (A, 5) and turn 3 (A, 2)
    assert table.to_dict("index") == {"peace": {"A": 5, "B": 2}, "trade": {"A": 7, "B": 0}}
    split = words_by_topic(toy_turns, toy_notes(GOOD), toy_topics, split=True)
    assert split.to_dict("index") == {"peace": {"A": 2.5, "B": 2.0}, "trade": {"A": 4.5, "B": 0.0}}


def test_topic_spans_open_and_close(toy_turns, toy_topics):
    spans = topic_spans(toy_turns, toy_notes(GOOD), toy_topics)
    assert spans.to_dict("list") == {
        "topic": ["peace", "trade"],
        "label": ["Peace", "Trade"],
        "opened_in": [1, 1],
        "opened_by": ["A", "A"],
        "closed_in": [2, 3],
        "closed_by": ["B", "A"],
        "turns": [2, 2],
        "A_turns": [1, 2],
        "B_turns": [1, 0],
    }


def test_loaders_report_missing_columns(tmp_path):
    path = tmp_path / "topics.csv"
    path.write_text("topic,label\nx,X\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column") as caught:
        load_topics(path)
    assert str(caught.value) == f"{path}:1: error: missing column(s) description"
    bad = tmp_path / "bad.csv"
    bad.write_text('topic,label,description\nx,"X,\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot be read as CSV"):
        load_topics(bad)
    with pytest.raises(DataFileError, match="no such file"):
        load_topics(tmp_path / "missing.csv")


def test_load_annotations_marks_bad_turns(tmp_path, toy_turns, toy_topics, toy_glossary):
    path = tmp_path / "a.csv"
    path.write_text(
        "note_id,turn,anchor,topic,note,source,glossary\n"
        "a,one,in peace,peace,n,,\n", encoding="utf-8",
    )
    table = load_annotations(path)
    problems = validate_annotations(toy_turns, table, toy_topics, toy_glossary)
    assert problems[0] == "note a: the turn is missing or not a whole number."


# --- Answers in sentences, and copies of the notes with a change --------------------------

def test_check_answers_in_sentences(toy_turns, toy_topics, toy_glossary):
    assert check(toy_turns, toy_notes(GOOD), toy_topics, toy_glossary) == "No problems found."
    one = edit_note(toy_notes(GOOD), "b", topic="war")
    assert check(toy_turns, one, toy_topics, toy_glossary) == (
        "1 problem found:\n- note b: the topic 'war' is not in the topic list.")
    two = edit_note(one, "d", anchor="Trade's good")      # straight apostrophe
    assert check(toy_turns, two, toy_topics, toy_glossary) == (
        "2 problems found:\n"
        "- note b: the topic 'war' is not in the topic list.\n"
        "- note d: the anchor \"Trade's good\" is not in turn 3 as written.")


def test_edit_note_changes_a_copy_only(toy_turns, toy_topics):
    notes = toy_notes(GOOD)
    edited = edit_note(notes, "c", anchor="(Frowning)", note="x")
    assert edited.loc[2, ["anchor", "note"]].tolist() == ["(Frowning)", "x"]
    assert notes.loc[2, ["anchor", "note"]].tolist() == ["(Smiling)", "n"]
    with pytest.raises(ValueError, match="no note with note_id 'z'"):
        edit_note(notes, "z", topic="peace")
    with pytest.raises(ValueError, match="no column 'colour'"):
        edit_note(notes, "a", colour="red")


def test_add_note_appends_a_checkable_note(toy_turns, toy_topics, toy_glossary):
    notes = toy_notes(GOOD)
    more = add_note(notes, turn=2, anchor="(Smiling)", topic="trade")
    assert len(notes) == 4 and len(more) == 5
    assert more.iloc[-1].tolist() == ["my01", 2, "(Smiling)", "trade", "Your note.", "", ""]
    assert str(more["turn"].dtype) == "Int64"
    assert check(toy_turns, more, toy_topics, toy_glossary) == "No problems found."
    wrong = add_note(notes, turn=3, anchor="(Smiling)", topic="trade")
    assert check(toy_turns, wrong, toy_topics, toy_glossary) == (
        "1 problem found:\n- note my01: the anchor '(Smiling)' is not in turn 3 as written "
        "(it does appear in turn 2).")


def test_words_by_topic_compared_and_who_has_more(toy_turns, toy_topics):
    table = words_by_topic_compared(toy_turns, toy_notes(GOOD), toy_topics)
    assert table.loc["peace"].tolist() == [5, 2, 2.5, 2.0]
    assert [c[0] for c in table.columns][::2] == [
        "each turn counted for every topic", "each turn shared among its topics"]
    assert topics_where_more_words(toy_turns, toy_notes(GOOD), toy_topics, "A", than="B") == [
        "Peace", "Trade"]
    assert topics_where_more_words(toy_turns, toy_notes(GOOD), toy_topics, "B", than="A") == []




def test_topic_grid_is_what_the_chart_draws(toy_turns, toy_topics):
    grid = topic_grid(toy_turns, toy_notes(GOOD), toy_topics)
    assert len(grid) == 2 * 3  # every topic with a note, against every turn
    assert grid[grid["live"]][["topic", "turn"]].values.tolist() == [
        ["peace", 1], ["peace", 2], ["trade", 1], ["trade", 3]]
    assert grid[grid["opens"]][["topic", "turn", "speaker"]].values.tolist() == [
        ["peace", 1, "A"], ["trade", 1, "A"]]
    assert list(grid["speaker"].cat.categories) == ["A", "B"]


def test_validate_without_a_glossary_skips_the_links(toy_turns, toy_topics):
    rows = [("a", 1, "in peace", "peace", "n", "", "no such term"), *GOOD[1:]]
    assert validate_annotations(toy_turns, toy_notes(rows), toy_topics) == []
