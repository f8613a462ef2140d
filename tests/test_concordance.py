"""Keyword in context and the naive tagger: hand-counted on a made-up table and on the seed."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.annotations import load_annotations, topics_by_turn
from helpers.concordance import (
    TOPIC_KEYWORDS,
    agreement_summary,
    compare_tags,
    kwic,
    kwic_counts,
    tag_turns,
    term_pattern,
)


@pytest.fixture()
def toy():
    return pd.DataFrame({
        "turn": [1, 2],
        "speaker": pd.Categorical(["A", "B"], categories=["A", "B"]),
        "spoken": ["The pact, the Pact and the pacts. Compact!", "Co-exist? We exist.\nPACT"],
    })


# --- kwic on a made-up table ----------------------------------------------------------------

def test_kwic_whole_words_any_case(toy):
    table = kwic(toy, "pact", width=5)
    assert table.to_dict("list") == {
        "turn": [1, 1, 2],
        "speaker": ["A", "A", "B"],
        "left": [" The ", " the ", "ist. "],   # padded to the width; the line break shows as a space
        "keyword": ["pact", "Pact", "PACT"],
        "right": [", the", " and ", "     "],
    }


def test_kwic_hyphen_ends_a_word_and_star_takes_any_ending(toy):
    assert kwic(toy, "exist")["keyword"].tolist() == ["exist", "exist"]
    assert kwic(toy, "co-exist")["keyword"].tolist() == ["Co-exist"]
    assert kwic(toy, "pact*")["keyword"].tolist() == ["pact", "Pact", "pacts", "PACT"]
    assert kwic(toy, "compact")["turn"].tolist() == [1]
    assert kwic(toy, "treaty").empty
    assert list(kwic(toy, "treaty").columns) == ["turn", "speaker", "left", "keyword", "right"]


def test_kwic_phrases_span_any_white_space():
    turns = pd.DataFrame({"turn": [1], "speaker": ["A"], "spoken": ["the North\nAtlantic Pact"]})
    assert kwic(turns, "north atlantic")["keyword"].tolist() == ["North\nAtlantic"]


def test_term_pattern_rejects_empty_terms():
    for bad in ["", "   ", "*", "pact **"]:
        with pytest.raises(ValueError):
            term_pattern(bad)


@given(st.text(max_size=60), st.sampled_from(["pact", "co-exist", "suspicion*", "a b"]))
def test_kwic_never_crashes_and_every_match_is_the_term(text, word):
    turns = pd.DataFrame({"turn": [1], "speaker": ["A"], "spoken": [text]})
    table = kwic(turns, word)
    for keyword in table["keyword"]:
        assert term_pattern(word).fullmatch(keyword)


# --- kwic on the seed, counted by hand --------------------------------------------------------

def test_seed_pact_hand_count(cable):
    # turn 2: "North Atlantic Pact", "by the pact"; turn 3: "North Atlantic Pact", "The pact is",
    # "the Pact as" ("your pacts" is another word); turn 4: "such a pact"; turn 5: "a pact against"
    table = kwic(cable.turns, "pact")
    assert table["turn"].tolist() == [2, 2, 3, 3, 3, 4, 5]
    assert table["speaker"].tolist() == ["Stalin", "Stalin", "Kelly", "Kelly", "Kelly", "Stalin", "Kelly"]
    assert kwic(cable.turns, "pacts")["turn"].tolist() == [3]


def test_seed_suspicion_hand_count(cable):
    assert kwic(cable.turns, "suspicion")["turn"].tolist() == [3]
    assert kwic(cable.turns, "suspicions")["turn"].tolist() == [1, 2, 2]
    assert kwic(cable.turns, "suspicion*")["turn"].tolist() == [1, 2, 2, 3]


def test_seed_other_hand_counts(cable):
    # "you, Generalissimo Stalin", "you, Generalissimo, have made" (turn 1), "Generalissimo’s" (turn 3)
    assert kwic(cable.turns, "Generalissimo")["turn"].tolist() == [1, 1, 3]
    assert kwic(cable.turns, "Germany")["turn"].tolist() == [1, 1, 6]
    assert kwic(cable.turns, "North Atlantic Pact")["turn"].tolist() == [2, 3]
    counts = kwic_counts(cable.turns, ["pact", "suspicion*"])
    assert counts.to_dict("index") == {
        "pact": {"matches": 7, "turns": "2, 3, 4, 5"},
        "suspicion*": {"matches": 4, "turns": "1, 2, 3"},
    }


def test_stage_directions_are_not_spoken(cable):
    assert kwic(cable.turns, "laughing").empty
    assert kwic(cable.turns, "laughing", column="text")["turn"].tolist() == [11]
    assert kwic(cable.turns, "meaningless").empty
    assert kwic(cable.turns, "meaningless", column="text")["turn"].tolist() == [2]


# --- the naive tagger ---------------------------------------------------------------------

def test_tag_turns_on_made_up_table(toy):
    keywords = {"pacts": ["pact*"], "living": ["exist"], "nothing": ["treaty"]}
    table = tag_turns(toy, keywords)
    assert table.to_dict("list") == {
        "turn": [1, 2, 2],
        "speaker": ["A", "B", "B"],
        "topic": ["pacts", "pacts", "living"],
        "matched": ["pact; pacts", "pact", "exist"],
    }


def test_compare_tags_verdicts():
    hand = pd.DataFrame({"turn": [1, 2], "speaker": ["A", "B"], "topic": ["x", "y"]})
    tagged = pd.DataFrame({"turn": [1, 1], "speaker": ["A", "A"], "topic": ["x", "z"],
                           "matched": ["w1", "w2"]})
    table = compare_tags(tagged, hand)
    assert table.to_dict("list") == {
        "turn": [1, 1, 2],
        "speaker": ["A", "A", "B"],
        "topic": ["x", "z", "y"],
        "verdict": ["both", "tagger only", "hand only"],
        "matched": ["w1", "w2", ""],
    }
    summary = agreement_summary(table)
    assert summary.loc["all topics"].tolist() == [1, 1, 1]


def test_tagger_against_the_kit_notes(cable):
    hand = topics_by_turn(cable.turns, load_annotations())
    table = compare_tags(tag_turns(cable.turns), hand)
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
    assert set(TOPIC_KEYWORDS) == set(hand["topic"])
