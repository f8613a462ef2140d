"""Topic notes: the kit's data checked against the text, and the helpers on a hand-made table."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.annotations import (
    GLOSSARY_KINDS,
    add_note,
    check,
    edit_note,
    glossary_links,
    load_annotations,
    load_glossary,
    load_topics,
    topic_spans,
    topics_by_turn,
    topics_where_more_words,
    turn_for_copying,
    validate_annotations,
    words_by_topic,
    words_by_topic_compared,
)


@pytest.fixture(scope="module")
def topics():
    return load_topics()


@pytest.fixture(scope="module")
def notes():
    return load_annotations()


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


# --- The kit's own data -------------------------------------------------------------------

def test_kit_data_is_valid(cable, notes, topics, glossary):
    assert validate_annotations(cable.turns, notes, topics, glossary) == []


def test_every_anchor_stands_verbatim_once_in_its_turn(cable, notes):
    texts = dict(zip(cable.turns["turn"], cable.turns["text"]))
    for row in notes.itertuples():
        assert texts[row.turn].count(row.anchor) == 1, (row.note_id, row.anchor)


def test_anchors_keep_the_source_as_written(cable, notes):
    anchors = set(notes["anchor"])
    # curly quotes and apostrophes, and the seed's slips, are kept, not corrected
    assert "(His translator said “meaningless”)" in anchors
    assert "The pact is indeed looser than the Soviet Union’s relations with her neighbors" in anchors
    assert "the great reconstruction work in which we are both engage" in anchors
    assert "We know the United States of American" in anchors
    assert "Chairman of the Council Ministers" in anchors


def test_every_topic_is_listed_and_used(notes, topics):
    assert topics["topic"].is_unique
    assert set(notes["topic"]) == set(topics["topic"])
    assert len(topics) == 9


def test_every_turn_carries_a_topic(cable, notes):
    assert set(notes["turn"]) == set(cable.turns["turn"]) == set(range(1, 12))


def test_note_ids_unique_and_notes_written(notes):
    assert notes["note_id"].is_unique
    assert (notes["note"].str.strip() != "").all()
    assert 25 <= len(notes) <= 45


def test_notes_that_state_a_date_or_number_cite_a_source(notes):
    # a year, a day of a month, or a count such as "7,000" is an outside fact: it needs a source
    dated = notes[notes["note"].str.contains(r"\b1[89]\d\d\b|\b\d{1,3},\d{3}\b", regex=True)]
    assert len(dated) > 0
    assert (dated["source"].str.strip() != "").all(), list(dated.loc[dated["source"] == "", "note_id"])


def test_every_glossary_link_resolves(notes, glossary):
    terms = set(glossary["term"])
    links = [term for cell in notes["glossary"] for term in glossary_links(cell)]
    assert links, "some notes link to the glossary"
    assert [t for t in links if t not in terms] == []


def test_glossary_kinds_and_required_terms(glossary):
    assert glossary["term"].is_unique
    assert set(glossary["kind"]) <= set(GLOSSARY_KINDS)
    for term in ["Generalissimo", "Board of Trade", "Paris Conference", "North Atlantic Pact",
                 "Council of Ministers", "Ministry of Foreign Affairs", "Vyshinsky", "Bevin",
                 "Pavlov", "Harrison", "Hayward", "Kremlin", "Kelly", "Stalin"]:
        assert term in set(glossary["term"]), term


def test_glossary_marks_uncertain_identities(glossary):
    definition = glossary.set_index("term")["definition"]
    assert "Probably" in definition["Pavlov"] and "not confirmed" in definition["Pavlov"]
    assert "Probably" in definition["Harrison"] and "not confirmed" in definition["Harrison"]
    assert "Not identified" in definition["Hayward"]
    # a glossary entry that states a year cites a source
    for row in glossary.itertuples():
        if re.search(r"\b1[89]\d\d\b", row.definition):
            assert row.source.strip(), row.term


def test_kit_topic_spans_hand_checked(cable, notes, topics):
    spans = topic_spans(cable.turns, notes, topics).set_index("topic")
    assert spans.loc["atlantic_pact", ["opened_in", "opened_by", "closed_in", "closed_by", "turns"]].tolist() == [2, "Stalin", 8, "Stalin", 6]
    assert spans.loc["american_forces", ["opened_in", "opened_by", "closed_in", "closed_by"]].tolist() == [8, "Stalin", 9, "Kelly"]
    assert spans.loc["soviet_treaties", ["opened_in", "opened_by", "closed_in", "closed_by"]].tolist() == [3, "Kelly", 6, "Stalin"]
    assert spans.loc["diplomatic_access", ["opened_in", "closed_in", "closed_by"]].tolist() == [1, 11, "Stalin"]
    assert (spans["opened_by"] == "Stalin").sum() == 2


def test_kit_words_for_the_pact_hand_checked(cable, notes, topics):
    # the Pact is live in turns 2, 3, 4, 5, 7, 8: Kelly 91 + 16 + 13, Stalin 142 + 17 + 14
    table = words_by_topic(cable.turns, notes, topics)
    assert table.loc["atlantic_pact"].tolist() == [120, 173]
    assert list(table.columns) == ["Kelly", "Stalin"]


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
    with pytest.raises(ValueError, match="missing column"):
        load_topics(path)


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


def test_turn_for_copying_is_the_turn_as_written(cable):
    assert turn_for_copying(cable.turns, 9) == (
        "Turn 9 · Kelly · line 54 of the cable\n\n"
        "Sir D. Kelly: “We know the United States of American and do not believe they could be "
        "drawn into a war except in self-defense. It would not be possible to draw the American "
        "people into a war of aggression”.")
    with pytest.raises(ValueError, match="no turn 12"):
        turn_for_copying(cable.turns, 12)


def test_words_by_topic_compared_and_who_has_more(toy_turns, toy_topics):
    table = words_by_topic_compared(toy_turns, toy_notes(GOOD), toy_topics)
    assert table.loc["peace"].tolist() == [5, 2, 2.5, 2.0]
    assert [c[0] for c in table.columns][::2] == [
        "each turn counted for every topic", "each turn shared among its topics"]
    assert topics_where_more_words(toy_turns, toy_notes(GOOD), toy_topics, "A", than="B") == [
        "Peace", "Trade"]
    assert topics_where_more_words(toy_turns, toy_notes(GOOD), toy_topics, "B", than="A") == []


def test_kit_stalin_has_more_words_only_on_the_pact(cable, notes, topics):
    # The Pact: Kelly 120, Stalin 173 (test above); every other topic has Kelly ahead
    assert topics_where_more_words(cable.turns, notes, topics, "Stalin", than="Kelly") == [
        "The North Atlantic Pact"]
