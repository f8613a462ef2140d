"""Every number, once: the measures tables, on toy records checkable by hand and on the cable."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers import measures

CABLE_WORDS = [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]


def toy_turns() -> pd.DataFrame:
    """Three turns, hand-countable: Ann 10 words, Bob 5, Ann 3 (18 in all)."""
    return pd.DataFrame({
        "turn": [1, 2, 3],
        "speaker": pd.Categorical(["Ann", "Bob", "Ann"], categories=["Ann", "Bob"]),
        "words": [10, 5, 3],
        "characters": [40, 30, 12],
        "sentences": [2, 1, 1],
        "spoken": ["Why? And why not? a b c d e f", "The x? y z w", "an a b"],
    })


def toy_blocks() -> pd.DataFrame:
    """Narration before turn 1, between turns 2 and 3 (line 7), and after turn 3."""
    return pd.DataFrame({
        "block": [1, 2, 3, 4, 5, 6],
        "kind": ["narration", "speech", "speech", "narration", "speech", "narration"],
        "turn": pd.array([None, 1, 2, None, 3, None], dtype="Int64"),
        "text": ["They met.", "Ann: “...”", "Bob: “...”", "Bob lit his pipe and sat back.",
                 "Ann: “...”", "It ended."],
        "start": [0, 10, 20, 30, 40, 50],
        "end": [9, 19, 29, 39, 49, 59],
        "line_start": [1, 3, 5, 7, 9, 11],
        "line_end": [1, 3, 5, 7, 9, 11],
    })


# --- per turn and per speaker -----------------------------------------------------------------

def test_per_turn_toy():
    table = measures.per_turn(toy_turns())
    assert table["cumulative_words"].tolist() == [10, 15, 18]
    assert table["share_of_words"].tolist() == [55.6, 27.8, 16.7]  # 10/18, 5/18, 3/18


def test_per_turn_cable(cable):
    table = measures.per_turn(cable.turns)
    assert list(table.index) == list(range(1, 12))
    assert list(table["words"]) == CABLE_WORDS
    assert table["cumulative_words"].iloc[-1] == sum(CABLE_WORDS) == 927
    assert table.loc[1, "share_of_words"] == 50.9  # 472 / 927


def test_per_speaker_toy():
    table = measures.per_speaker(toy_turns())
    assert list(table.index) == ["Ann", "Bob"]
    assert table.loc["Ann", ["turns", "words", "characters", "sentences"]].tolist() == [2, 13, 52, 3]
    assert table.loc["Ann", "share_of_words"] == 72.2        # 13 / 18
    assert table.loc["Bob", "share_of_turns"] == 33.3        # 1 / 3
    assert table.loc["Ann", "share_of_sentences"] == 75.0    # 3 / 4
    assert table.loc["Ann", "mean_words_per_turn"] == 6.5    # 13 / 2
    assert table.loc["Bob", "characters_per_word"] == 6.0    # 30 / 5
    assert table.loc["Ann", "words_per_sentence"] == 4.3     # 13 / 3


def test_per_speaker_cable(cable):
    table = measures.per_speaker(cable.turns)
    assert table["turns"].to_dict() == {"Kelly": 6, "Stalin": 5}
    assert table["words"].to_dict() == {"Kelly": 742, "Stalin": 185}
    assert table["share_of_words"].to_dict() == {"Kelly": 80.0, "Stalin": 20.0}
    assert table["share_of_turns"].to_dict() == {"Kelly": 54.5, "Stalin": 45.5}
    assert table["mean_words_per_turn"].to_dict() == {"Kelly": 123.7, "Stalin": 37.0}
    assert table["sentences"].to_dict() == {"Kelly": 29, "Stalin": 18}
    assert table["words_per_sentence"].to_dict() == {"Kelly": 25.6, "Stalin": 10.3}
    for unit in measures.UNITS:
        assert table[unit].sum() == cable.turns[unit].sum()


def test_per_speaker_keeps_spellings_apart_without_a_speaker_file(cable):
    raw = measures.per_speaker(helpers.parse_text(cable.source).turns)
    assert raw["turns"].to_dict() == {"Sir. D. Kelly": 1, "Stalin": 5, "Sir D. Kelly": 5}
    assert list(raw.index) == ["Sir. D. Kelly", "Stalin", "Sir D. Kelly"]  # order of speaking


def test_speaker_order_keeps_first_to_speak_first(cable):
    assert measures.speaker_order(cable.turns) == ["Kelly", "Stalin"]
    assert measures.speaker_order(pd.DataFrame({"speaker": ["B", "A", "B"]})) == ["B", "A"]


def test_running_totals(cable):
    table = measures.running_totals(cable.turns)
    assert table.loc[1].tolist() == [472, 0, 472]
    assert table.loc[11].tolist() == [742, 185, 927]
    assert (table["Kelly"] + table["Stalin"] == table["all"]).all()


@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 500)), min_size=1, max_size=30))
def test_tables_agree_with_each_other(rows):
    turns = pd.DataFrame({"turn": range(1, len(rows) + 1), "speaker": [s for s, _ in rows],
                          "words": [w for _, w in rows]})
    turns["speaker"] = pd.Categorical(turns["speaker"], categories=list(dict.fromkeys(turns["speaker"])))
    speakers, running = measures.per_speaker(turns), measures.running_totals(turns)
    assert speakers["words"].sum() == turns["words"].sum() == running["all"].iloc[-1]
    for name in speakers.index:
        assert running[name].iloc[-1] == speakers.loc[name, "words"]
    assert speakers["turns"].sum() == len(turns)
    assert not speakers.isna().any().any()


# --- narration ---------------------------------------------------------------------------------

def test_narration(cable):
    table = measures.narration(cable.blocks)
    assert table["line_start"].tolist() == [30, 56, 62, 64, 66]
    assert table["after_turn"].tolist()[1:] == [9, 11, 11, 11]
    assert table["after_turn"].isna().tolist() == [True, False, False, False, False]
    assert table["before_turn"].tolist()[:2] == [1, 10]
    assert table["before_turn"].isna().tolist() == [False, False, True, True, True]


def test_gaps_are_found_not_typed(cable):
    gaps = measures.gaps(cable.blocks)
    assert list(zip(gaps["after_turn"], gaps["before_turn"], gaps["line_start"])) == [(9, 10, 56)]
    assert measures.gaps(None).empty
    toy = measures.gaps(toy_blocks())
    assert toy[["after_turn", "before_turn", "line_start", "words"]].values.tolist() == [[2, 3, 7, 7]]


# --- articles, punctuation, interpreting ---------------------------------------------------------

def test_articles_toy():
    turns = pd.DataFrame({
        "turn": [1, 2],
        "speaker": pd.Categorical(["Ann", "Bob"]),
        "spoken": ["The cat sat on a mat, the end.", "“An apple” then"],
        "words": [8, 3],
    })
    table = measures.articles(turns)
    assert table.loc["Ann"].tolist() == [8, 3, 37.5, 5]
    assert table.loc["Bob"].tolist() == [3, 1, 33.3, 2]


def test_articles_cable(cable):
    table = measures.articles(cable.turns)
    assert table["words"].tolist() == [742, 185]
    assert table.loc["Stalin", "articles"] == 12
    assert table.loc["Stalin", "articles_per_100_words"] == 6.5


def test_punctuation_toy():
    table = measures.punctuation(toy_turns(), "?")
    assert list(table.columns) == ["“?” marks", "in_turns"]
    assert table.to_dict("index") == {"Ann": {"“?” marks": 2, "in_turns": "1"},
                                      "Bob": {"“?” marks": 1, "in_turns": "2"}}
    assert measures.punctuation(toy_turns(), "!")["in_turns"].tolist() == ["none", "none"]
    with pytest.raises(ValueError):
        measures.punctuation(toy_turns(), "")


def test_mentions_interpreter(cable):
    assert measures.mentions_interpreter(cable.blocks)
    assert not measures.mentions_interpreter(toy_blocks())
    blocks = toy_blocks()
    blocks.loc[1, "text"] = "Ann:  (As interpreted.)  Thank you."
    assert measures.mentions_interpreter(blocks)
    blocks.loc[1, "text"] = "Ann:  We interpreted the treaty differently."
    assert not measures.mentions_interpreter(blocks)


def test_without_turn(cable):
    assert len(measures.without_turn(cable.turns, 0)) == 11
    assert list(measures.without_turn(cable.turns, 1)["turn"]) == list(range(2, 12))
    without = measures.per_speaker(measures.without_turn(cable.turns, 1))
    assert without["share_of_words"].to_dict() == {"Kelly": 59.3, "Stalin": 40.7}  # 270 / 455


# --- the speaking-time model ---------------------------------------------------------------------

def test_speaking_time_toy():
    # 18 words at 18, 9 and 6 a minute: 1, 2 and 3 minutes; times 2 with interpretation
    table = measures.speaking_time(toy_turns(), (18, 9, 6), interpretation_factor=2)
    assert table.index.tolist() == [18, 9, 6]
    assert table["minutes_speech"].tolist() == [1.0, 2.0, 3.0]
    assert table["minutes_total"].tolist() == [2.0, 4.0, 6.0]
    assert "minutes_left" not in table.columns  # no stated length, nothing left to say


def test_speaking_time_for_the_cable():
    # 927 words: 927/110 = 8.43, 927/130 = 7.13, 927/150 = 6.18 minutes; doubled; 25 minus that
    table = measures.speaking_time(927, (110, 130, 150), 2, 25)
    assert table["minutes_speech"].tolist() == [8.4, 7.1, 6.2]
    assert table["minutes_total"].tolist() == [16.9, 14.3, 12.4]
    assert table["minutes_left"].tolist() == [8.1, 10.7, 12.6]
    # the teacher's guide's answer key: 100 and 160 a minute, factors 2 and 1.5
    assert measures.speaking_time(927, (100, 160), 2, 25)["minutes_left"].tolist() == [6.5, 13.4]
    half = measures.speaking_time(927, (100, 160), 1.5, 25)
    assert half["minutes_total"].tolist() == [13.9, 8.7] and half["minutes_left"].tolist() == [11.1, 16.3]


@given(st.integers(0, 3000), st.sampled_from([100, 110, 130, 150, 160]),
       st.sampled_from([1, 1.5, 2]), st.sampled_from([5, 25, 60]))
def test_speaking_time_left_and_total_add_up(words, rate, factor, duration):
    """The one rounding rule: what is left plus the estimate is the stated length, always."""
    row = measures.speaking_time(words, [rate], factor, duration).iloc[0]
    assert round(row["minutes_total"] + row["minutes_left"], 1) == duration
    assert row["minutes_total"] == round(words / rate * factor, 1)


@pytest.mark.parametrize("args", [(-1, [130]), (10, [0]), (10, []), (10, [130], 0), (10, [130], 1, 0)])
def test_speaking_time_rejects_bad_input(args):
    with pytest.raises(ValueError):
        measures.speaking_time(*args)


def test_speaking_time_repeated_rates_once():
    assert measures.speaking_time(100, (130, 130, 110)).index.tolist() == [130, 110]


# --- words withheld --------------------------------------------------------------------------------

WITHHELD_RECORD = ("Ann: Good morning to you all.\n\n"
                   "Bob: [3½ lines not declassified]\n\n"
                   "Ann: Thank you.")


def test_a_withheld_turn_has_no_words_and_no_nan():
    record = helpers.parse_text(WITHHELD_RECORD)
    assert record.turns["words"].tolist() == [5, 0, 2]
    speakers = measures.per_speaker(record.turns)
    assert speakers.loc["Bob", "words"] == 0
    for column in ("mean_words_per_turn", "characters_per_word", "words_per_sentence"):
        assert speakers.loc["Bob", column] == measures.WITHHELD
    assert speakers.loc["Ann", "words_per_sentence"] == 3.5   # 7 words, 2 sentences
    assert measures.numeric(speakers["words_per_sentence"]).isna().tolist() == [False, True]
    tables = [speakers, measures.per_turn(record.turns), measures.running_totals(record.turns),
              measures.articles(record.turns)]
    for table in tables:
        assert not table.isna().any().any()
        assert "nan" not in table.to_string().lower()
    assert measures.articles(record.turns).loc["Bob", "articles_per_100_words"] == measures.WITHHELD
