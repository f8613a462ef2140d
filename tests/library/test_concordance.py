"""Finding words and phrases: the one matching rule, keyword in context, the naive tagger."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.concordance import (
    agreement_summary,
    changed_verdicts,
    compare_keywords,
    compare_tags,
    context,
    find_phrase,
    keyword_table,
    kwic,
    kwic_counts,
    phrase_table,
    term_counts,
    tag_turns,
    term_pattern,
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
        # padded to the width; a word the cut would split ("exist.") is left out
        "left": [" The ", " the ", "     "],
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


def test_keyword_table():
    table = keyword_table({"a": ["x", "y*"], "b": ["z"]})
    assert table.to_dict("index") == {"a": {"keywords": "x, y*"}, "b": {"keywords": "z"}}
    assert table.index.name == "topic"


def test_with_keywords_copies_and_checks_the_topic():
    base = {"a": ["x"], "b": ["y"]}
    more = with_keywords({"a": ["w", "  ", ""]}, base)
    assert more == {"a": ["x", "w"], "b": ["y"]}
    assert base == {"a": ["x"], "b": ["y"]}                 # the original is not changed
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




# --- exact phrases: one rule, one context, one line function ---------------------------------

def test_exact_phrases_keep_case_and_whole_words():
    text = "we are engaged.\nwe are both engage. Engage!"
    assert [m.group(0) for m in term_pattern("engage", exact=True).finditer(text)] == ["engage"]
    assert [m.group(0) for m in term_pattern("engage").finditer(text)] == ["engage", "Engage"]
    assert term_pattern("a*", exact=True).search("an a* b") is not None  # "*" is a character here
    assert term_pattern("are both", exact=True).search("are\n both") is not None


def test_context_marks_the_match_on_one_line():
    text = "line one\nthe pipe here\nline three"
    start = text.index("pipe")
    assert context(text, start, start + 4, width=6) == "… the «pipe» here …"  # not "e the"


def test_context_and_kwic_never_cut_a_word(cable):
    """The trial's fragments "ered from two great wars with" and "h people as a whole": the
    words around a match are whole words, however wide the window."""
    for width in (5, 12, 30, 45):
        for row in kwic(cable.turns, "Germany", width=width).itertuples():
            text = cable.turns.set_index("turn").loc[row.turn, "spoken"]
            for fragment in (row.left.strip(), row.right.strip()):
                for word in fragment.split():
                    assert word in text.split(), (width, word)
    first = kwic(cable.turns, "Germany")["left"].iloc[0].strip()
    assert first == "from two great wars with"
    hits = find_phrase(cable.source, cable.blocks, "pipe")
    assert hits["context"].iloc[0] == "… point Stalin took out his «pipe» sat back in his chair and …"


def test_find_phrase(cable):
    hits = find_phrase(cable.source, cable.blocks, "American")
    assert hits["line"].tolist() == [52, 54, 54]
    assert hits["turn"].tolist() == [8, 9, 9]
    assert hits["kind"].tolist() == ["speech"] * 3
    for hit in hits.itertuples():
        assert cable.source[hit.start:hit.end] == "American"
    assert find_phrase(cable.source, cable.blocks, "no such phrase").empty
    assert find_phrase(cable.source, cable.blocks, "verbatim")["line"].tolist() == [30]
    assert find_phrase(cable.source, cable.blocks, "Americans").empty  # whole words only


def test_phrase_table(cable):
    table = phrase_table(cable.source, cable.blocks, "Germany")
    assert table.index.name == "line"
    assert table["where"].tolist() == ["turn 1", "turn 1", "turn 6"]
    assert table.index.tolist() == [38, 38, 48]
    pipe = phrase_table(cable.source, cable.blocks, "pipe")
    assert pipe.to_dict("index") == {56: {
        "where": "narration",
        "context": "… point Stalin took out his «pipe» sat back in his chair and …"}}
    missing = phrase_table(cable.source, cable.blocks, "germany")
    assert missing["where"].iloc[0].startswith("not found")


def test_term_counts(cable):
    table = term_counts(cable.metadata.summary, cable.blocks,
                        ["NATO", "North Atlantic", "Germany", "reconstruction"])
    assert table.to_dict("index") == {
        "NATO": {"in_summary": 1, "in_record": 0},
        "North Atlantic": {"in_summary": 0, "in_record": 2},
        "Germany": {"in_summary": 0, "in_record": 3},
        "reconstruction": {"in_summary": 1, "in_record": 2},
    }
