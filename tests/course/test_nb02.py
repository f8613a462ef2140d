"""Notebook 02's sentences: each says the numbers of the table it is written from, and nothing
about the cable is said of another record."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import measures
from helpers.course import nb02

#: A record whose narration says someone was asked something: it is not the cable.
ASKED = ("The chairman met the minister.\n\n"
         "Chairman: “Welcome. How was the journey?”\n\n"
         "Minister: “Long, but it was worth it.”\n\n"
         "The chairman asked about the weather and the harvest.\n\n"
         "Chairman: “Then let us begin.”\n\n"
         "Minister: “Gladly. The Russian translation is ready.”")


@pytest.fixture(scope="module")
def asked():
    return helpers.parse_text(ASKED)


def test_record_summary(cable, asked):
    assert nb02.record_summary(asked) == (
        "This record has **4 turns** by **2 speakers** (Chairman, Minister): **21 words** of "
        "recorded speech.")
    text = nb02.record_summary(cable)
    assert text.startswith("This record has **11 turns** by **2 speakers** (Kelly, Stalin): **927 words**")
    assert "Pavlov" in text and "Hayward" in text


def test_questions_note_says_the_cables_story_only_of_the_cable(cable, asked):
    table = measures.punctuation(cable.turns, "?")
    text = nb02.questions_note(cable)
    assert text.startswith(f"Question marks in the recorded words: Kelly {table.iloc[0, 0]}, "
                           f"Stalin {table.iloc[1, 0]} (in turn 8).")
    assert "of service" in text
    # the third review (C7): the count also misses Kelly's question with a full stop
    assert "\"May I amplify about exchanges of views.\" (turn 10)" in text
    other = nb02.questions_note(asked)
    assert other == "Question marks in the recorded words: Chairman 1, Minister 0 (in turn 1)."
    for cable_only in ("of service", "personal questions", "Stalin", "Kelly"):
        assert cable_only not in other


def test_articles_note_is_for_the_cable_only(cable, asked):
    articles = measures.articles(cable.turns)
    text = nb02.articles_note(cable, articles)
    row = articles.loc["Stalin"]
    assert f"**{int(row['articles'])}** articles among Stalin's {int(row['words'])} recorded words" in text
    assert f"{row['articles_per_100_words']} in every 100" in text
    assert nb02.articles_note(asked, measures.articles(asked.turns)) == ""


def test_longest_and_turn_length_notes_say_their_tables_numbers(cable):
    per_turn, gaps = measures.per_turn(cable.turns), measures.gaps(cable.blocks)
    text = nb02.longest_turn_note(per_turn, gaps)
    assert text.startswith(f"The longest turn, **turn 1** (Kelly), has **472 words**: "
                           f"{per_turn.loc[1, 'share_of_words']}% of all the words")
    assert "Between turns 9 and 10 the record stops quoting and narrates (line 56)" in text
    assert f"summarised in {gaps.loc[0, 'words']} words of narration" in text
    speakers = measures.per_speaker(cable.turns)
    lines = nb02.turn_length_note(speakers).splitlines()
    assert lines[0] == "**Kelly** has **80.0%** of the words with **54.5%** of the turns."
    assert lines[1:] == [f"- {s}: {m} words per turn on average"
                         for s, m in speakers["mean_words_per_turn"].items()]


def test_averages_and_sentence_length_notes(cable):
    speakers = measures.per_speaker(cable.turns)
    assert nb02.averages_note(speakers).splitlines()[-1] == (
        "- **Stalin**: 10.3 words per sentence, 5.0 characters per word; 20.0% of the words but "
        "38.3% of the sentences.")
    text = nb02.sentence_length_note(speakers)
    # 25.6 / 10.3 = 2.49: Kelly's sentences are about 2.5 times as long
    assert text.startswith("**Stalin** uses the shorter sentences: 10.3 words per sentence "
                           "against 25.6 for Kelly (2.5 times as long).")


def test_assumptions_note(cable):
    assert nb02.assumptions_note(130, 110, 150, 2, cable.metadata) == (
        "Assumed speaking rate: **130 words a minute** (range 110 to 150). Interpretation: "
        "**yes**, so the time is multiplied by 2. The record states its length on line 62: "
        "*“lasted exactly 25 minutes”*.")
    assert nb02.assumptions_note(130, 110, 150, 1, None).endswith(
        "This record does not say how long the meeting lasted, so there is nothing to test.")


def test_time_test_says_its_tables_numbers(cable):
    timing = measures.speaking_time(cable.turns, (150, 130, 110), 2, 25)
    text = nb02.time_test(timing, 130, 25, 2)
    mid = timing.loc[130]
    assert f"about **{mid['minutes_total']} minutes**" in text
    assert f"leaving about **{mid['minutes_left']:.1f} minutes**" in text
    # 25 / 2 * 130 = 1625 words would fill it; 927 * 2 / 25 = 74.2 words a minute
    assert "about **1625 words**; it has 927 (57%)" in text and "**74 words a minute**" in text
    assert f"the estimate, {timing.loc[110, 'minutes_total']} minutes, stays within" in text


def test_time_test_too_many_words():
    timing = measures.speaking_time(18, (6,), 2, 5)  # 18 words at 6 a minute, twice: 6 minutes
    assert "**1.0 minutes** more than the stated length" in nb02.time_test(timing, 6, 5, 2)


def test_rate_sentences_use_the_one_model():
    for rate in (150, 100, 160):
        row = measures.speaking_time(927, [rate], 2, 25).iloc[0]
        sentence = nb02.rate_sentence(927, rate, 2, 25)
        assert f"**{row['minutes_total']} minutes**" in sentence
        assert f"leaving **{row['minutes_left']} minutes** of the stated 25" in sentence
    assert nb02.rate_sentence(18, 6, 1, 2).endswith(": **1.0 minutes** more than the stated 2.")
    assert nb02.rate_sentence(18, 6, 1, None).endswith("; this record does not say how long the meeting lasted.")
    with pytest.raises(ValueError):
        nb02.rate_sentence(18, 0, 1, 25)


def test_rates_answer():
    text = nb02.rates_answer(927, (150, 100), 2, 25)
    assert text.count("\n- ") == 1 and text.startswith("- At **150**")
    assert text.endswith("only the size of the unquoted part changes.")
    assert nb02.rates_answer(18, (18, 6), 1, 2).endswith("the conclusion depends on the assumed rate.")


def test_without_turn_note(cable):
    without = measures.per_speaker(measures.without_turn(cable.turns, 1))
    text = nb02.without_turn_note(cable.turns, 1)
    assert f"Kelly {without.loc['Kelly', 'share_of_words']}%, Stalin {without.loc['Stalin', 'share_of_words']}%" in text
    assert "moves Kelly's share by 20.7 percentage points" in text  # 80.0 - 59.3
    toy = pd.DataFrame({"turn": [1, 2, 3], "speaker": pd.Categorical(["Ann", "Bob", "Ann"]),
                        "words": [10, 5, 3]})
    assert "(Bob has no other turn)" in nb02.without_turn_note(toy, 2)
    assert nb02.without_turn_note(toy.iloc[:1], 1).endswith("no recorded words are left, so there are no shares to compare.")


def test_sentences_of_a_record_with_withheld_words():
    record = helpers.parse_text("Ann: Good morning to you all.\n\nBob: [3½ lines not declassified]"
                                "\n\nAnn: Thank you.")
    speakers = measures.per_speaker(record.turns)
    assert nb02.averages_note(speakers).splitlines()[-1] == "- **Bob**: words withheld."
    assert nb02.turn_length_note(speakers).splitlines()[-1] == "- Bob: words withheld"
    assert "nan" not in nb02.averages_note(speakers).lower()
    assert "fewer than two speakers" in nb02.sentence_length_note(speakers)
    assert "nan" not in nb02.turn_length_note(speakers).lower()


def test_doubts_note_is_shown_on_a_rerun_only_when_there_are_doubts(cable, asked):
    # the cable and a plain record have none: nothing is shown above the first chart
    assert nb02.doubts_note(cable) == "" and nb02.doubts_note(asked) == ""
    debate = helpers.load(helpers.course.paths.ROOT / "tests" / "data" / "form_debate.txt")
    note = nb02.doubts_note(debate)
    assert note.startswith("> **The parser has 3 doubts about the speaker labels of `form_debate.txt`.**")
    assert note.count("\n> - line ") == len(debate.doubts)


def test_course_load_takes_a_style_for_another_record_only(tmp_path):
    record = tmp_path / "record.txt"
    record.write_text("Record\n\nPresident Orley. We agree.\n\nMinister Vance. We do not.",
                      encoding="utf-8")
    assert helpers.course.load(record).turns.empty
    styled = helpers.course.load(record, None, "full-stop")
    assert styled.turns["label"].tolist() == ["President Orley", "Minister Vance"]
    assert styled.style is not None and styled.style.given
    with pytest.raises(ValueError, match="the cable is read in its own style"):
        helpers.course.load(None, None, "colon")
    with pytest.raises(ValueError, match="style must be one of"):
        helpers.course.load(record, None, "bold")
