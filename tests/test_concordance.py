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
    changed_verdicts,
    compare_keywords,
    compare_tags,
    keyword_table,
    kwic,
    kwic_counts,
    matches_sentence,
    tag_turns,
    term_pattern,
    try_keyword,
    with_keywords,
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


# --- sentences and tables for the notebook ------------------------------------------------

def test_matches_sentence(toy, cable):
    assert matches_sentence(toy, "treaty") == '"treaty" in the spoken words (column spoken): no match.'
    assert matches_sentence(toy, "compact") == '"compact" in the spoken words (column spoken): 1 match, in turn 1.'
    assert matches_sentence(toy, "pact") == '"pact" in the spoken words (column spoken): 3 matches, in turns 1, 2.'
    assert matches_sentence(cable.turns, "laughing", column="text") == (
        '"laughing" in the full text of the turns, stage directions included (column text): '
        "1 match, in turn 11.")


def test_keyword_table():
    table = keyword_table({"a": ["x", "y*"], "b": ["z"]})
    assert table.to_dict("index") == {"a": {"keywords": "x, y*"}, "b": {"keywords": "z"}}
    assert table.index.name == "topic"
    assert keyword_table().loc["atlantic_pact", "keywords"] == "pact, North Atlantic"


def test_with_keywords_copies_and_checks_the_topic():
    base = {"a": ["x"], "b": ["y"]}
    more = with_keywords({"a": ["w", "  ", ""]}, base)
    assert more == {"a": ["x", "w"], "b": ["y"]}
    assert base == {"a": ["x"], "b": ["y"]}                 # the original is not changed
    assert with_keywords({"atlantic_pact": ["z"]})["atlantic_pact"] == ["pact", "North Atlantic", "z"]
    assert TOPIC_KEYWORDS["atlantic_pact"] == ["pact", "North Atlantic"]
    with pytest.raises(ValueError, match="'c' is not a topic id; the ids are: a, b"):
        with_keywords({"c": ["z"]}, base)


def test_compare_keywords_on_made_up_table(toy):
    hand = pd.DataFrame({"turn": [1, 2], "speaker": ["A", "B"], "topic": ["pacts", "living"]})
    base = {"pacts": ["compact"], "living": ["pact"]}
    # kit: turn 1 pacts (both), turn 1 living (tagger only), turn 2 living (both, "PACT")
    table = compare_keywords(toy, hand, {"living": ["exist"]}, base)
    assert table.to_dict("index") == {
        "both": {"kit keywords": 2, "with the added keywords": 2},
        "hand only": {"kit keywords": 0, "with the added keywords": 0},
        "tagger only": {"kit keywords": 1, "with the added keywords": 1},
    }
    alone = compare_keywords(toy, hand, {"living": [""]}, base)
    assert list(alone.columns) == ["kit keywords"]
    changes = changed_verdicts(toy, hand, {"pacts": ["exist"]}, base)
    assert changes.to_dict("list") == {
        "turn": [2], "speaker": ["B"], "topic": ["pacts"], "before": ["none"], "after": ["tagger only"],
    }
    assert changed_verdicts(toy, hand, {"living": ["exist"]}, base).empty


def test_stabilizing_factor_on_the_seed(cable):
    hand = topics_by_turn(cable.turns, load_annotations())
    table = try_keyword(cable.turns, hand, "atlantic_pact", "stabilizing factor")
    assert table.to_dict("list") == {"kit keywords": [20, 9, 2], 'with "stabilizing factor"': [21, 8, 2]}
    assert table.index.tolist() == ["both", "hand only", "tagger only"]
    changes = changed_verdicts(cable.turns, hand, {"atlantic_pact": ["stabilizing factor"]})
    assert changes.to_dict("list") == {
        "turn": [8], "speaker": ["Stalin"], "topic": ["atlantic_pact"],
        "before": ["hand only"], "after": ["both"],
    }
    # a laugh is not a spoken word: no keyword in the spoken words changes turn 11
    assert changed_verdicts(cable.turns, hand, {"atmosphere": ["laughing"]}).empty
    assert list(try_keyword(cable.turns, hand, "atlantic_pact", "").columns) == ["kit keywords"]
