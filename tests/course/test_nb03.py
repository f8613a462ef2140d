"""Notebook 03: the kit's topic notes on the cable, its topic charts and its tagger's keywords."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import charts, course, describe, text
from helpers.annotations import (
    GLOSSARY_KINDS,
    glossary_links,
    topic_grid,
    topic_spans,
    topics_by_turn,
    topics_where_more_words,
    validate_annotations,
    words_by_topic,
)
from helpers.concordance import (
    changed_verdicts, compare_tags, keyword_table, tag_turns, try_keyword, with_keywords,
)
from helpers.course import nb03


@pytest.fixture(scope="module")
def topics():
    return nb03.topics()


@pytest.fixture(scope="module")
def notes():
    return nb03.notes()


@pytest.fixture(scope="module")
def glossary():
    return nb03.glossary()


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




def test_turn_for_copying_is_the_turn_as_written(cable):
    assert nb03.turn_for_copying(cable.turns, 9) == (
        "Turn 9 · Kelly · line 54 of the cable\n\n"
        "Sir D. Kelly: “We know the United States of American and do not believe they could be "
        "drawn into a war except in self-defense. It would not be possible to draw the American "
        "people into a war of aggression”.")
    with pytest.raises(ValueError, match="no turn 12"):
        nb03.turn_for_copying(cable.turns, 12)



def test_kit_stalin_has_more_words_only_on_the_pact(cable, notes, topics):
    # The Pact: Kelly 120, Stalin 173 (test above); every other topic has Kelly ahead
    assert topics_where_more_words(cable.turns, notes, topics, "Stalin", than="Kelly") == [
        "The North Atlantic Pact"]



# --- the topic charts, on the cable ---------------------------------------------------------

@pytest.fixture(scope="module")
def grid(cable, notes, topics):
    return topic_grid(cable.turns, notes, topics)


def test_topic_turn_chart_draws_every_live_pair(grid):
    chart = charts.topic_turn_chart(grid, course.SPEAKER_STYLES)
    ax = chart.figure.axes[0]
    kelly, stalin, rings = ax.collections
    # hand count from the notes: Kelly's turns carry 6 + 2 + 2 + 1 + 2 + 2 topics (turns 1, 3,
    # 5, 7, 9, 10), Stalin's 7 + 1 + 1 + 3 + 2 (turns 2, 4, 6, 8, 11); one ring per topic
    assert len(kelly.get_offsets()) == 15 == (grid["live"] & (grid["speaker"] == "Kelly")).sum()
    assert len(stalin.get_offsets()) == 14
    assert len(rings.get_offsets()) == 9 == grid["opens"].sum()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Coexistence and suspicion"          # first topic on top
    assert labels[0] == "Atmosphere of the meeting"
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["1 Kelly", "2 Stalin"]


def test_topic_turn_chart_alt_text(grid):
    chart = charts.topic_turn_chart(grid, course.SPEAKER_STYLES)
    assert chart.description == describe.describe_topic_turns(grid, course.SPEAKER_STYLES)
    first = chart.description.splitlines()[0]
    assert first == (
        "Dot chart of 9 topics (rows) against 11 turns (columns), from the kit's hand-made topic "
        "notes. A mark means a note ties the topic to that turn; Kelly's turns are circles (blue); "
        "Stalin's turns are squares (orange). A black ring marks the turn that opens each topic.")
    assert ("Kelly opens 7 of the 9 and Stalin opens 2 of the 9 (The North Atlantic Pact in turn 2 "
            "and American forces in Britain in turn 8).") in chart.description
    assert "The North Atlantic Pact: opened by Stalin in turn 2, live in turns 2, 3, 4, 5, 7 and 8." in chart.description
    assert "The most topics in one turn: 7, in turn 2." in chart.description


def test_words_by_topic_chart_bars_match_the_table(cable, notes, topics):
    table = words_by_topic(cable.turns, notes, topics)
    chart = charts.words_by_topic_chart(table, topics, course.SPEAKER_STYLES)
    bars = chart.figure.axes[0].patches
    assert len(bars) == 18
    # the first nine bars are Kelly's, in topic order; the Pact is the fifth topic
    assert bars[4].get_width() == table.loc["atlantic_pact", "Kelly"] == 120
    assert bars[9 + 4].get_width() == table.loc["atlantic_pact", "Stalin"] == 173
    assert bars[9].get_hatch() == "//" and not bars[0].get_hatch()
    assert "The North Atlantic Pact: Kelly 120 words, Stalin 173 words." in chart.description
    assert "Stalin's longest bar: The North Atlantic Pact (173 words)" in chart.description


def test_topic_charts_work_on_a_made_up_table():
    turns = pd.DataFrame({
        "turn": [1, 2],
        "speaker": pd.Categorical(["A", "B"], categories=["A", "B"]),
        "text": ["A: “peace”", "B: “trade”"],
        "words": [1, 1],
    })
    notes = pd.DataFrame({"note_id": ["a", "b"], "turn": pd.array([1, 2], dtype="Int64"),
                          "anchor": ["peace", "trade"], "topic": ["p", "t"], "note": ["n", "n"],
                          "source": ["", ""], "glossary": ["", ""]})
    topics = pd.DataFrame({"topic": ["p", "t"], "label": ["Peace", "Trade"], "description": ["", ""]})
    chart = charts.topic_turn_chart(topic_grid(turns, notes, topics))
    assert chart.png().startswith(b"\x89PNG")
    assert "A opens 1 of the 2 (Peace in turn 1) and B opens 1 of the 2 (Trade in turn 2)." in chart.description
    assert "Kelly" not in chart.description
    bars = charts.words_by_topic_chart(words_by_topic(turns, notes, topics), topics)
    assert "Peace: A 1 word, B 0 words." in bars.description


def test_what_the_topic_chart_shows(grid):
    shown = text.what_the_chart_shows(charts.topic_turn_chart(grid, course.SPEAKER_STYLES))
    assert shown.startswith("**What the chart shows:** Dot chart of 9 topics (rows) against 11 turns")
    assert "\n- The North Atlantic Pact: opened by Stalin in turn 2, live in turns 2, 3, 4, 5, 7 and 8." in shown


# --- the tagger's keywords --------------------------------------------------------------------

def test_keyword_table_and_a_copy_with_more():
    assert keyword_table(nb03.KEYWORDS).loc["atlantic_pact", "keywords"] == "pact, North Atlantic"
    more = with_keywords({"atlantic_pact": ["z"]}, nb03.KEYWORDS)
    assert more["atlantic_pact"] == ["pact", "North Atlantic", "z"]
    assert nb03.KEYWORDS["atlantic_pact"] == ["pact", "North Atlantic"]


def test_tagger_against_the_kit_notes(cable):
    hand = topics_by_turn(cable.turns, nb03.notes())
    table = compare_tags(tag_turns(cable.turns, nb03.KEYWORDS), hand)
    differ = table[table["verdict"] != "both"]
    assert list(zip(differ["turn"], differ["topic"], differ["verdict"])) == [
        (2, "atmosphere", "hand only"),            # the interpreter's aside is not spoken
        (2, "germany_paris", "hand only"),         # "these two points": no keyword
        (2, "reconstruction_trade", "hand only"),  # "the two points in common": no keyword
        (3, "coexistence", "tagger only"),         # "suspicion" here is about the Pact
        (6, "germany_paris", "tagger only"),       # "against Germany" is about the treaties
        (6, "soviet_treaties", "hand only"),       # "Ours" names no treaty
        (7, "atlantic_pact", "hand only"),         # "this question"
        (8, "atlantic_pact", "hand only"),         # "stabilizing factor" echoes turn 3
        (8, "atmosphere", "hand only"),            # "(After a pause)" is a stage direction
        (11, "atmosphere", "hand only"),           # "(Laughing)" is a stage direction
        (11, "diplomatic_access", "hand only"),    # "boredom"
    ]
    assert (table["verdict"] == "both").sum() == 20
    assert set(nb03.KEYWORDS) == set(hand["topic"])


# --- sentences and tables for the notebook ------------------------------------------------


def test_matches_sentence(cable):
    assert nb03.matches_sentence(cable.turns, "laughing", column="text") == (
        '"laughing" in the full text of the turns, stage directions included (column text): '
        "1 match, in turn 11.")



def test_stabilizing_factor_on_the_seed(cable):
    hand = topics_by_turn(cable.turns, nb03.notes())
    table = try_keyword(cable.turns, hand, "atlantic_pact", "stabilizing factor", nb03.KEYWORDS)
    assert table.to_dict("list") == {"kit keywords": [20, 9, 2], 'with "stabilizing factor"': [21, 8, 2]}
    assert table.index.tolist() == ["both", "hand only", "tagger only"]
    changes = changed_verdicts(cable.turns, hand, {"atlantic_pact": ["stabilizing factor"]}, nb03.KEYWORDS)
    assert changes.to_dict("list") == {
        "turn": [8], "speaker": ["Stalin"], "topic": ["atlantic_pact"],
        "before": ["hand only"], "after": ["both"],
    }
    # a laugh is not a spoken word: no keyword in the spoken words changes turn 11
    assert changed_verdicts(cable.turns, hand, {"atmosphere": ["laughing"]}, nb03.KEYWORDS).empty
    assert list(try_keyword(cable.turns, hand, "atlantic_pact", "", nb03.KEYWORDS).columns) == ["kit keywords"]
