"""Charts of who held the floor: descriptions, tables and figures, with exact expectations."""
from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

import helpers
from helpers import charts
from helpers.style import Chart

CABLE_WORDS = [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]


def toy_turns() -> pd.DataFrame:
    """Three turns, hand-countable: Ann 10 words, Bob 5, Ann 3 (18 in all)."""
    return pd.DataFrame({
        "turn": [1, 2, 3],
        "speaker": pd.Categorical(["Ann", "Bob", "Ann"], categories=["Ann", "Bob"]),
        "words": [10, 5, 3],
        "characters": [40, 30, 12],
        "sentences": [2, 1, 1],
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


def assert_chart(chart: Chart) -> None:
    assert isinstance(chart, Chart)
    assert isinstance(chart.figure, Figure)
    ax = chart.figure.axes[0]
    assert ax.get_title(loc="left")
    assert ax.get_xlabel()
    assert ax.get_ylabel()
    assert chart.png().startswith(b"\x89PNG")
    assert repr(chart) == chart.description


# --- words per turn -----------------------------------------------------------------------


def test_words_per_turn_table_cable(cable):
    table = charts.words_per_turn_table(cable.turns)
    assert list(table.index) == list(range(1, 12))
    assert list(table["words"]) == CABLE_WORDS
    assert table["cumulative_words"].iloc[-1] == sum(CABLE_WORDS) == 927
    assert table.loc[1, "share_of_words"] == 50.9  # 472 / 927


def test_describe_words_per_turn_cable(cable):
    assert charts.describe_words_per_turn(cable.turns, cable.blocks) == (
        "Bar chart of words per turn, 11 turns in order, coloured by speaker (Kelly 6 turns "
        "and Stalin 5 turns). Kelly's turn 1 is the longest at 472 words; Stalin's turn 11 is "
        "the shortest at 5 words. Stalin's longest turn is turn 2 (142 words). The two longest "
        "turns, 1 and 2, hold 66.2% of all 927 words. A dashed line marks narration, not "
        "speech, between turns 9 and 10 (line 56: “At this point Stalin took out his pipe …”)."
    )


def test_describe_words_per_turn_toy():
    assert charts.describe_words_per_turn(toy_turns(), toy_blocks()) == (
        "Bar chart of words per turn, 3 turns in order, coloured by speaker (Ann 2 turns and "
        "Bob 1 turn). Ann's turn 1 is the longest at 10 words; Ann's turn 3 is the shortest at "
        "3 words. The two longest turns, 1 and 2, hold 83.3% of all 18 words. A dashed line "
        "marks narration, not speech, between turns 2 and 3 (line 7: “Bob lit his pipe and "
        "sat back.”)."
    )


def test_words_per_turn_chart_cable(cable):
    chart = charts.words_per_turn_chart(cable.turns, cable.blocks)
    assert_chart(chart)
    ax = chart.figure.axes[0]
    assert ax.get_title(loc="left") == "Words per turn, in the order spoken"
    assert ax.get_xlabel() == "Turn"
    heights = sorted(p.get_height() for p in ax.patches)
    assert heights == sorted(CABLE_WORDS)
    # the one narration line sits between turns 9 and 10, found from the blocks
    gap_lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert [list(line.get_xdata()) for line in gap_lines] == [[9.5, 9.5]]


def test_gap_is_found_not_typed(cable):
    gaps = charts.turn_gaps(cable.blocks)
    assert list(zip(gaps["after_turn"], gaps["before_turn"], gaps["line_start"])) == [(9, 10, 56)]
    assert charts.turn_gaps(None).empty


# --- shares ---------------------------------------------------------------------------------


def test_shares_table_adds_up(cable):
    table = charts.shares_table(cable.turns)
    assert list(table.index) == ["Kelly", "Stalin"]
    assert table["turns"].tolist() == [6, 5]
    assert table["words"].tolist() == [742, 185]
    assert table["turns"].sum() == len(cable.turns)
    assert table["words"].sum() == cable.turns["words"].sum()
    assert table["share_of_words"].tolist() == [80.0, 20.0]
    assert table["share_of_turns"].tolist() == [54.5, 45.5]
    assert table["share_of_words"].sum() == pytest.approx(100, abs=0.1)


def test_describe_shares(cable):
    assert charts.describe_shares(cable.turns) == (
        "Two stacked bars, one for words and one for turns, each split by speaker. Kelly has "
        "80.0% of the words (742 of 927) and 54.5% of the turns (6 of 11); Stalin has 20.0% "
        "of the words (185 of 927) and 45.5% of the turns (5 of 11)."
    )


def test_shares_chart(cable):
    chart = charts.shares_chart(cable.turns)
    assert_chart(chart)
    widths = [round(p.get_width(), 1) for p in chart.figure.axes[0].patches]
    assert widths == [80.0, 20.0, 54.5, 45.5]


# --- cumulative -------------------------------------------------------------------------------


def test_cumulative_table(cable):
    table = charts.cumulative_table(cable.turns)
    assert table.loc[1].tolist() == [472, 0, 472]
    assert table.loc[11].tolist() == [742, 185, 927]
    assert (table["Kelly"] + table["Stalin"] == table["all"]).all()


def test_describe_cumulative_toy():
    assert charts.describe_cumulative(toy_turns()) == (
        "Step chart of the running total of words, one line per speaker, across 3 turns. By "
        "the end Ann has said 13 words and Bob has said 5 words. Half of all 18 words have "
        "been said by the end of turn 1."
    )


def test_cumulative_chart(cable):
    chart = charts.cumulative_chart(cable.turns, cable.blocks)
    assert_chart(chart)
    assert "Half of all 927 words have been said by the end of turn 1." in chart.description


# --- counting units ---------------------------------------------------------------------------


def test_units_table_toy():
    table = charts.units_table(toy_turns())
    assert table.loc["Ann", ["words", "characters", "sentences"]].tolist() == [13, 52, 3]
    assert table.loc["Bob", ["words", "characters", "sentences"]].tolist() == [5, 30, 1]
    assert table.loc["Ann", "share_of_sentences"] == 75.0
    assert table.loc["Bob", "characters_per_word"] == 6.0
    assert table.loc["Ann", "words_per_sentence"] == 4.3  # 13 / 3


def test_units_table_adds_up(cable):
    table = charts.units_table(cable.turns)
    for unit in charts.UNITS:
        assert table[unit].sum() == cable.turns[unit].sum()
    assert table.loc["Kelly", "sentences"] == 29
    assert table.loc["Stalin", "sentences"] == 18


def test_describe_units_toy():
    assert charts.describe_units(toy_turns()) == (
        "Grouped bar chart of each speaker's share of the words, the characters and the "
        "sentences. Ann: 72.2% of the words, 63.4% of the characters and 75.0% of the "
        "sentences; Bob: 27.8% of the words, 36.6% of the characters and 25.0% of the sentences."
    )


def test_units_chart(cable):
    assert_chart(charts.units_chart(cable.turns))


# --- speaking time ----------------------------------------------------------------------------


def test_speaking_time_table_toy():
    table = charts.speaking_time_table(toy_turns(), words_per_minute=9, low=6, high=18,
                                       interpretation_factor=2)
    assert table.index.tolist() == ["fast", "assumed", "slow"]
    assert table["minutes_speech"].tolist() == [1.0, 2.0, 3.0]
    assert table["minutes_total"].tolist() == [2.0, 4.0, 6.0]


def test_speaking_time_rates_checked():
    with pytest.raises(ValueError):
        charts.speaking_time_table(toy_turns(), words_per_minute=200, low=100, high=160)


def test_describe_speaking_time_cable(cable):
    table = charts.speaking_time_table(cable.turns, 130, 100, 160, 2)
    assert charts.describe_speaking_time(table, 25, 2) == (
        "Bar chart of the minutes needed to say the 927 recorded words at three speaking "
        "rates. At the assumed 130 words a minute they take 7.1 minutes (from 5.8 at 160 to "
        "9.3 at 100). With interpretation (times 2) that becomes 14.3 minutes (from 11.6 to "
        "18.5). A dashed line marks the stated length of the meeting, 25 minutes; the "
        "estimate at the assumed rate fills 57% of it."
    )


def test_describe_speaking_time_without_duration_or_interpreter():
    table = charts.speaking_time_table(toy_turns(), 9, 6, 18)
    assert charts.describe_speaking_time(table) == (
        "Bar chart of the minutes needed to say the 18 recorded words at three speaking rates. "
        "At the assumed 9 words a minute they take 2.0 minutes (from 1.0 at 18 to 3.0 at 6)."
    )


def test_speaking_time_chart(cable):
    chart = charts.speaking_time_chart(cable.turns, interpretation_factor=2, duration_minutes=25)
    assert_chart(chart)
    ax = chart.figure.axes[0]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [25]


def test_mentions_interpreter(cable):
    assert charts.mentions_interpreter(cable.blocks)
    assert not charts.mentions_interpreter(toy_blocks())


def test_mentions_interpreter_in_stage_directions():
    blocks = toy_blocks()
    blocks.loc[1, "text"] = "Ann:  (As interpreted.)  Thank you."
    assert charts.mentions_interpreter(blocks)
    blocks.loc[1, "text"] = "Ann:  We interpreted the treaty differently."
    assert not charts.mentions_interpreter(blocks)


# --- any transcript ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "wh_2022-05-23_biden_kishida_joint_press_conference.txt",
    "form_press_conference.txt",
    "form_memcon.txt",
    "form_quoted_interview.txt",
    "form_frus_excerpt.txt",
    "form_public_papers.txt",
])
def test_every_chart_works_on_other_transcripts(name):
    from helpers import paths

    t = helpers.read_transcript(paths.ROOT / "tests" / "data" / name)
    for chart in [charts.words_per_turn_chart(t.turns, t.blocks), charts.shares_chart(t.turns),
                  charts.cumulative_chart(t.turns, t.blocks), charts.units_chart(t.turns),
                  charts.speaking_time_chart(t.turns, duration_minutes=t.metadata.duration_minutes)]:
        assert_chart(chart)
    assert f"{len(t.turns)} turn" in charts.describe_words_per_turn(t.turns, t.blocks)
    assert charts.shares_table(t.turns)["words"].sum() == t.turns["words"].sum()


def test_possessive_of_plural_name():
    turns = toy_turns().assign(speaker=pd.Categorical(["Reporters", "Bob", "Reporters"]))
    assert "Reporters' turn 1 is the longest" in charts.describe_words_per_turn(turns)


def test_articles_table_toy():
    turns = pd.DataFrame({
        "turn": [1, 2],
        "speaker": pd.Categorical(["Ann", "Bob"]),
        "spoken": ["The cat sat on a mat, the end.", "“An apple” then"],
        "words": [8, 3],
    })
    table = charts.articles_table(turns)
    assert table.loc["Ann"].tolist() == [8, 3, 37.5, 5]
    assert table.loc["Bob"].tolist() == [3, 1, 33.3, 2]


def test_articles_table_cable(cable):
    table = charts.articles_table(cable.turns)
    assert table["words"].tolist() == [742, 185]
    assert table.loc["Stalin", "articles"] == 12


def test_speakers_keeps_first_to_speak_first(cable):
    assert charts.speakers(cable.turns) == ["Kelly", "Stalin"]
    assert charts.speakers(pd.DataFrame({"speaker": ["B", "A", "B"]})) == ["B", "A"]


def test_speaker_styles_are_distinct():
    from helpers import style

    assert style.speaker_styles(["Kelly", "Stalin"]) == {"Kelly": ("#0072B2", ""),
                                                         "Stalin": ("#E69F00", "//")}
    many = style.speaker_styles(["Kelly", "A", "B", "C", "D"])
    assert len({c for c, _ in many.values()}) == 5
    assert len({h for _, h in many.values()}) == 5
    assert "#F0E442" not in {c for c, _ in many.values()}  # no pale yellow


# ---------------------------------------------------------------------------------------------
# the sentences of notebook 02


def spoken_toy() -> pd.DataFrame:
    """The toy turns with their words: Ann asks twice in turn 1, Bob once in turn 2."""
    return toy_turns().assign(spoken=["Why? And why not? a b c d e f", "The x? y z w",
                                      "an a b"])


def test_record_summary():
    assert charts.record_summary(toy_turns()) == (
        "This record has **3 turns** by **2 speakers** (Ann, Bob): **18 words** of recorded speech.")


def test_record_summary_cable(cable):
    assert charts.record_summary(cable.turns) == (
        "This record has **11 turns** by **2 speakers** (Kelly, Stalin): **927 words** of "
        "recorded speech.")


def test_longest_turn_note_toy():
    text = charts.longest_turn_note(toy_turns(), toy_blocks())
    assert text.startswith("The longest turn, **turn 1** (Ann), has **10 words**: 55.6% of all "
                           "the words in the record, in one turn out of 3.")
    assert text.endswith("Between turns 2 and 3 the record stops quoting and narrates (line 7): "
                         "*“Bob lit his pipe and sat back.”* Whatever was said there is "
                         "summarised in 7 words of narration and counted nowhere in this notebook.")


def test_turn_length_note_toy():
    # Ann: 13 words in 2 turns (6.5 a turn); Bob: 5 in 1
    assert charts.turn_length_note(toy_turns()) == (
        "**Ann** has **72.2%** of the words with **66.7%** of the turns.\n"
        "- Ann: 6.5 words per turn on average\n"
        "- Bob: 5.0 words per turn on average")


def test_averages_note_cable(cable):
    assert charts.averages_note(cable.turns).splitlines()[-1] == (
        "- **Stalin**: 10.3 words per sentence, 5.0 characters per word; 20.0% of the words but "
        "38.3% of the sentences.")


def test_articles_note_cable(cable):
    assert charts.articles_note(cable.turns, "Stalin", "Russian").startswith(
        "Stalin spoke Russian, so the **12** articles among Stalin's 185 recorded words are the "
        "interpreter's (or the note-taker's) English, not words he said: 6.5 in every 100.")


def test_assumptions_note(cable):
    assert charts.assumptions_note(130, 110, 150, 2, cable.metadata) == (
        "Assumed speaking rate: **130 words a minute** (range 110 to 150). Interpretation: "
        "**yes**, so the time is multiplied by 2. The record states its length on line 62: "
        "*“lasted exactly 25 minutes”*.")
    assert charts.assumptions_note(130, 110, 150, 1, None) == (
        "Assumed speaking rate: **130 words a minute** (range 110 to 150). Interpretation: "
        "**no**. This record does not say how long the meeting lasted, so there is nothing to test.")


def test_time_test_cable(cable):
    timing = charts.speaking_time_table(cable.turns, 130, 110, 150, 2)
    text = charts.time_test(timing, 25, 2)
    # 927 words at 130 a minute, twice: 14.26 minutes, 14.3 rounded; 25 - 14.3 = 10.7
    assert text.startswith("At the assumed rate the 927 recorded words take about **14.3 "
                           "minutes**, interpretation included: **57%** of the stated 25 minutes, "
                           "leaving about **10.7 minutes** that the quotations do not fill.")
    # 25 / 2 * 130 = 1625 words would fill it; 927 * 2 / 25 = 74.2 words a minute
    assert "about **1625 words**; it has 927 (57%)" in text
    assert "about **74 words a minute**" in text
    assert text.endswith("Even at the slowest rate assumed (110 words a minute) the estimate, "
                         "16.9 minutes, stays within the stated length.")


def test_time_test_too_many_words():
    timing = charts.speaking_time_table(toy_turns(), 6, 6, 6, 2)  # 18 words: 6 minutes
    assert "**1.0 minutes** more than the stated length" in charts.time_test(timing, 5, 2)
    assert charts.time_test(timing, 5, 2).endswith("is longer than the stated length.")


def test_rate_sentence(cable):
    # 927 / 150 * 2 = 12.36 -> 12.4, leaving 12.6; 927 / 100 * 2 = 18.54 -> 18.5, leaving 6.5
    assert charts.rate_sentence(cable.turns, 150, 2, 25) == (
        "At **150** words a minute the 927 recorded words take **12.4 minutes** with "
        "interpretation (times 2), leaving **12.6 minutes** of the stated 25.")
    assert charts.rate_sentence(cable.turns, 100, 2, 25).endswith("leaving **6.5 minutes** of "
                                                                   "the stated 25.")
    assert charts.rate_sentence(toy_turns(), 6, 1, 2) == (
        "At **6** words a minute the 18 recorded words take **3.0 minutes** without "
        "interpretation: **1.0 minutes** more than the stated 2.")
    assert charts.rate_sentence(toy_turns(), 6, 1, None).endswith(
        "; this record does not say how long the meeting lasted.")
    with pytest.raises(ValueError):
        charts.rate_sentence(toy_turns(), 0, 1, 25)


def test_rates_answer(cable):
    text = charts.rates_answer(cable.turns, (150, 100), 2, 25)
    assert text.count("\n- ") == 1 and text.startswith("- At **150**")
    assert text.endswith("only the size of the unquoted part changes.")
    assert charts.rates_answer(toy_turns(), (18, 6), 1, 2).endswith(
        "the conclusion depends on the assumed rate.")


def test_without_turn(cable):
    assert len(charts.without_turn(cable.turns, 0)) == 11
    assert list(charts.without_turn(cable.turns, 1)["turn"]) == list(range(2, 12))


def test_without_turn_note_cable(cable):
    # without turn 1: Kelly 742 - 472 = 270 of 455 words (59.3%), Stalin 185 (40.7%)
    assert charts.without_turn_note(cable.turns, 1) == (
        "Without turn 1 (Kelly, 472 words), the shares of words become Kelly 59.3%, Stalin 40.7% "
        "(with it: Kelly 80.0%, Stalin 20.0%). Leaving out that one turn moves Kelly's share by "
        "20.7 percentage points; the order of the speakers by words stays the same.")


def test_without_turn_note_when_the_speaker_has_no_other_turn():
    # Bob's only turn: without it Ann has all 13 words; Bob's 27.8% (5 of 18) drops to 0
    assert charts.without_turn_note(toy_turns(), 2) == (
        "Without turn 2 (Bob, 5 words), the shares of words become Ann 100.0% (with it: Ann "
        "72.2%, Bob 27.8%). Leaving out that one turn moves Bob's share by 27.8 percentage points "
        "(Bob has no other turn); the order of the speakers by words stays the same.")


def test_without_turn_note_when_nothing_is_left():
    one = toy_turns().iloc[:1]
    assert charts.without_turn_note(one, 1) == (
        "Without turn 1 (Ann, 10 words), no recorded words are left, so there are no shares to "
        "compare.")


def test_punctuation_table_toy():
    table = charts.punctuation_table(spoken_toy(), "?")
    assert list(table.columns) == ["“?” marks", "in_turns"]
    assert table.to_dict("index") == {"Ann": {"“?” marks": 2, "in_turns": "1"},
                                      "Bob": {"“?” marks": 1, "in_turns": "2"}}
    assert charts.punctuation_table(spoken_toy(), "!")["in_turns"].tolist() == ["none", "none"]
    with pytest.raises(ValueError):
        charts.punctuation_table(spoken_toy(), "")


def test_questions_note(cable):
    assert charts.questions_note(cable.turns, cable.blocks) == (
        "Question marks in the recorded words: Kelly 0, Stalin 2 (in turn 8). But the narration "
        "between turns says that more questions were asked and not quoted (the personal "
        "questions, and whether he could be \"of service\"): the count of the record's question "
        "marks misses them.")
    assert charts.questions_note(spoken_toy(), toy_blocks()) == (
        "Question marks in the recorded words: Ann 2, Bob 1 (in turns 1, 2).")


def test_sentence_length_note_toy():
    # Ann 13 words in 3 sentences (4.3), Bob 5 in 1 (5.0): Ann's are shorter
    assert charts.sentence_length_note(toy_turns()) == (
        "**Ann** uses the shorter sentences: 4.3 words per sentence against 5.0 for Bob (1.2 "
        "times as long). Many short sentences give Ann 75.0% of the sentences with only 72.2% of "
        "the words.")
