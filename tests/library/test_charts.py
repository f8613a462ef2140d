"""Charts draw their measures table, and their descriptions say the numbers of that same table.

A few alt texts are pinned word for word (they are the contract a screen reader hears);
the others are checked for the table's numbers.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

import helpers
from helpers import charts, describe, measures, style, text
from helpers.style import Chart

DATA = Path(__file__).resolve().parents[1] / "data"
CABLE_WORDS = [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]


def toy_turns() -> pd.DataFrame:
    """Three turns, hand-countable: Ann 10 words, Bob 5, Ann 3 (18 in all)."""
    return pd.DataFrame({
        "turn": [1, 2, 3],
        "speaker": pd.Categorical(["Ann", "Bob", "Ann"], categories=["Ann", "Bob"]),
        "words": [10, 5, 3],
        "characters": [40, 30, 12],
        "sentences": [2, 1, 1],
        "spoken": ["a"] * 3,
    })


def toy_gaps() -> pd.DataFrame:
    return pd.DataFrame({"after_turn": pd.array([2], dtype="Int64"), "before_turn": pd.array([3], dtype="Int64"),
                         "line_start": [7], "line_end": [7], "words": [7],
                         "text": ["Bob lit his pipe and sat back."]})


def assert_chart(chart: Chart, png: bool = True) -> None:
    assert isinstance(chart, Chart)
    assert isinstance(chart.figure, Figure)
    ax = chart.figure.axes[0]
    assert ax.get_title(loc="left")
    assert ax.get_xlabel()
    assert ax.get_ylabel()
    if png:  # rendering is the slow part: done for the cable's charts, not for every record
        assert chart.png().startswith(b"\x89PNG")
    assert chart.description and "nan" not in chart.description.lower()


# --- words per turn ---------------------------------------------------------------------------

def test_words_per_turn_alt_text_cable(cable):
    chart = charts.words_per_turn_chart(measures.per_turn(cable.turns), measures.gaps(cable.blocks))
    assert chart.description == (
        "Bar chart of words per turn, 11 turns in order, each labelled with its number of "
        "words (Kelly 6 turns and Stalin 5 turns). Kelly: plain bars (blue); Stalin: bars "
        "with diagonal stripes (orange). Kelly's turn 1 is the longest at 472 words; Stalin's turn 11 is "
        "the shortest at 5 words. Stalin's longest turn is turn 2 (142 words). The two longest "
        "turns, 1 and 2, hold 66.2% of all 927 words. A dashed line marks narration, not "
        "speech, between turns 9 and 10 (line 56: “At this point Stalin took out his pipe …”)."
    )
    assert_chart(chart)
    ax = chart.figure.axes[0]
    assert ax.get_title(loc="left") == "Words per turn, in the order spoken"
    assert sorted(p.get_height() for p in ax.patches) == sorted(CABLE_WORDS)
    # every bar carries its value, as the trial asked: turns 4 to 11 look alike without them
    values = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert sorted(map(int, values)) == sorted(CABLE_WORDS)
    assert chart.table["words"].tolist() == CABLE_WORDS  # the table shown beside the chart
    gap_lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert [list(line.get_xdata()) for line in gap_lines] == [[9.5, 9.5]]


def test_words_per_turn_alt_text_toy():
    table = measures.per_turn(toy_turns())
    assert describe.describe_words_per_turn(table, toy_gaps()) == (
        "Bar chart of words per turn, 3 turns in order, each labelled with its number of "
        "words (Ann 2 turns and Bob 1 turn). Ann: plain bars (blue); Bob: bars with diagonal "
        "stripes (orange). Ann's turn 1 is the longest at 10 words; Ann's turn 3 is the shortest at "
        "3 words. The two longest turns, 1 and 2, hold 83.3% of all 18 words. A dashed line "
        "marks narration, not speech, between turns 2 and 3 (line 7: “Bob lit his pipe and "
        "sat back.”)."
    )


def test_possessive_of_plural_name():
    turns = toy_turns().assign(speaker=pd.Categorical(["Reporters", "Bob", "Reporters"]))
    assert "Reporters' turn 1 is the longest" in describe.describe_words_per_turn(measures.per_turn(turns))


def test_the_description_is_written_from_the_table_it_is_given():
    """Change the table, and the words follow: they are not recomputed from the turns."""
    table = measures.per_turn(toy_turns())
    table.loc[3, "words"] = 99
    assert "Ann's turn 3 is the longest at 99 words" in charts.words_per_turn_chart(table).description


# --- shares, running totals, units -------------------------------------------------------------

def test_shares_alt_text_cable(cable):
    chart = charts.shares_chart(measures.per_speaker(cable.turns))
    assert chart.description == (
        "Two stacked bars, one for words and one for turns, each split by speaker and each "
        "part labelled with its speaker and share (Kelly: plain bars (blue); Stalin: bars with "
        "diagonal stripes (orange)). Kelly has "
        "80.0% of the words (742 of 927) and 54.5% of the turns (6 of 11); Stalin has 20.0% "
        "of the words (185 of 927) and 45.5% of the turns (5 of 11)."
    )
    assert_chart(chart)
    widths = [round(p.get_width(), 1) for p in chart.figure.axes[0].patches]
    assert widths == [80.0, 20.0, 54.5, 45.5]


def test_cumulative_chart_says_its_tables_numbers(cable):
    running = measures.running_totals(cable.turns)
    chart = charts.cumulative_chart(running, measures.gaps(cable.blocks))
    assert_chart(chart)
    last = running.iloc[-1]
    assert f"Kelly has said {last['Kelly']} words and Stalin has said {last['Stalin']} words" in chart.description
    assert "Half of all 927 words have been said by the end of turn 1." in chart.description


def test_units_chart_says_its_tables_numbers():
    table = measures.per_speaker(toy_turns())
    chart = charts.units_chart(table)
    assert_chart(chart)
    for name, row in table.iterrows():
        for unit in measures.UNITS:
            assert f"{row[f'share_of_{unit}']:.1f}% of the {unit}" in chart.description
    bars = [round(p.get_height(), 1) for p in chart.figure.axes[0].patches]
    assert bars == [72.2, 63.4, 75.0, 27.8, 36.6, 25.0]


# --- speaking time -----------------------------------------------------------------------------

def test_speaking_time_alt_text_cable(cable):
    timing = measures.speaking_time(cable.turns, (160, 130, 100), 2, 25)
    chart = charts.speaking_time_chart(timing, 130, 2, 25)
    assert chart.description == (
        "Bar chart of the minutes needed to say the 927 recorded words at three speaking "
        "rates, one bar each, labelled with its minutes: plain blue for saying the words once, "
        "dotted sky-blue for the interpretation added to it. At the assumed 130 words a minute they take 7.1 minutes (from 5.8 at 160 to "
        "9.3 at 100). With interpretation (times 2) that becomes 14.3 minutes (from 11.6 to "
        "18.5). A dashed line marks the stated length of the meeting, 25 minutes; the "
        "estimate at the assumed rate fills 57% of it."
    )
    assert_chart(chart)
    ax = chart.figure.axes[0]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [25]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "fast (160 words/min)", "assumed (130 words/min)", "slow (100 words/min)"]


def test_speaking_time_description_without_duration_or_interpreter():
    timing = measures.speaking_time(toy_turns(), (18, 9, 6))
    text_ = describe.describe_speaking_time(timing, 9)
    assert "At the assumed 9 words a minute they take 2.0 minutes (from 1.0 at 18 to 3.0 at 6)." in text_
    assert "interpretation" not in text_ and "dashed" not in text_
    with pytest.raises(ValueError):
        describe.describe_speaking_time(timing, 7)


# --- speaker styles ----------------------------------------------------------------------------

def test_speaker_styles_are_distinct_and_can_be_fixed():
    fixed = {"Kelly": style.SpeakerStyle("#0072B2", "", "o")}
    many = style.speaker_styles(["Kelly", "A", "B", "C", "D", "E"], fixed)
    assert many["Kelly"] == fixed["Kelly"]
    for part in ("colour", "hatch", "marker"):
        assert len({getattr(s, part) for s in many.values()}) == 6
    assert "#F0E442" not in {s.colour for s in many.values()}  # no pale yellow
    assert style.speaker_styles(["A", "B"])["B"].words() == "squares (orange)"  # shape first
    assert style.speaker_styles(["A", "B"])["B"].bar_words() == "bars with diagonal stripes (orange)"
    assert style.speaker_styles(["A", "B"])["A"].bar_words() == "plain bars (blue)"


def test_grey_print_tells_the_first_two_speakers_apart():
    """The first two speakers' colours differ in luminance (contrast >= 2), as in grey print."""
    first, second = style.speaker_styles(["A", "B"]).values()

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    a, b = luminance(first.colour), luminance(second.colour)
    assert (max(a, b) + 0.05) / (min(a, b) + 0.05) >= 2


# --- any transcript ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "wh_2022-05-23_biden_kishida_joint_press_conference.txt",
    "form_press_conference.txt",
    "form_memcon.txt",
    "form_quoted_interview.txt",
    "form_frus_excerpt.txt",
    "form_public_papers.txt",
])
def test_every_chart_works_on_other_transcripts(name):
    t = helpers.load(DATA / name)
    per_turn, speakers, gaps = measures.per_turn(t.turns), measures.per_speaker(t.turns), measures.gaps(t.blocks)
    timing = measures.speaking_time(t.turns, (150, 130, 110), 1, t.metadata.duration_minutes)
    for chart in [charts.words_per_turn_chart(per_turn, gaps), charts.shares_chart(speakers),
                  charts.cumulative_chart(measures.running_totals(t.turns), gaps),
                  charts.units_chart(speakers),
                  charts.speaking_time_chart(timing, 130, 1, t.metadata.duration_minutes)]:
        assert_chart(chart, png=False)
        assert "Kelly" not in chart.description and "Stalin" not in chart.description
    assert f"{len(t.turns)} turn" in charts.words_per_turn_chart(per_turn, gaps).description


def test_charts_mark_withheld_words():
    record = helpers.parse_text("Ann: Good morning to you all.\n\nBob: [3½ lines not declassified]"
                                "\n\nAnn: Thank you.")
    chart = charts.words_per_turn_chart(measures.per_turn(record.turns))
    assert ". Turn 2 (Bob) has no recorded words (words withheld), so no bar." in chart.description
    assert "Ann's turn 3 is the shortest at 2 words" in chart.description
    assert measures.WITHHELD in [t.get_text().strip() for t in chart.figure.axes[0].texts]
    speakers = measures.per_speaker(record.turns)
    for chart in (charts.shares_chart(speakers), charts.units_chart(speakers)):
        assert_chart(chart)


def test_what_the_chart_shows_is_visible_markdown():
    chart = Chart(Figure(), "Two bars.\nKelly: 1 word.\n\nStalin: 2 *words*.")
    assert text.what_the_chart_shows(chart) == (
        "**What the chart shows:** Two bars.\n\n- Kelly: 1 word.\n- Stalin: 2 \\*words\\*.")
    assert text.what_the_chart_shows(Chart(Figure(), "One line.")) == "**What the chart shows:** One line."


def test_words_per_turn_alt_text_names_no_longest_and_shortest_when_they_tie():
    # form_withheld.txt: two turns of 8 words and one withheld (issue 12's zero-word turn)
    record = helpers.load(DATA / "form_withheld.txt")
    text = charts.words_per_turn_chart(measures.per_turn(record.turns)).description
    assert "Every turn with recorded words has 8 words." in text and "shortest" not in text
    assert "Turn 2 (The Secretary) has no recorded words (words withheld), so no bar." in text
    one = helpers.parse_text("Ann: Good morning to you all.\n\nBob: [3½ lines not declassified]")
    text = charts.words_per_turn_chart(measures.per_turn(one.turns)).description
    assert "Ann's turn 1 is the only one with recorded words, 5 words." in text


# --- print size: every chart's text at 9 pt or more on a 16 cm text width ------------------------

def all_charts(cable) -> dict[str, Chart]:
    from helpers import annotations
    from helpers.course import SPEAKER_STYLES, nb03
    from helpers.course import witnesses as wt

    per_turn, gaps = measures.per_turn(cable.turns), measures.gaps(cable.blocks)
    speakers = measures.per_speaker(cable.turns)
    notes, topics = nb03.notes(), nb03.topics()
    timing = measures.speaking_time(cable.turns, (150, 130, 110), 2, 25)
    return {
        "words per turn": charts.words_per_turn_chart(per_turn, gaps, SPEAKER_STYLES),
        "shares": charts.shares_chart(speakers, SPEAKER_STYLES),
        "running total": charts.cumulative_chart(measures.running_totals(cable.turns), gaps, SPEAKER_STYLES),
        "units": charts.units_chart(speakers, SPEAKER_STYLES),
        "speaking time": charts.speaking_time_chart(timing, 130, 2, 25),
        "topic by turn": charts.topic_turn_chart(annotations.topic_grid(cable.turns, notes, topics), SPEAKER_STYLES),
        "turns by topic": charts.turns_by_topic_chart(
            annotations.turns_by_topic(cable.turns, notes, topics), topics, SPEAKER_STYLES),
        "words by topic": charts.words_by_topic_chart(
            annotations.words_by_topic(cable.turns, notes, topics), topics, SPEAKER_STYLES),
        "order of topics": wt.order_chart(wt.topic_order(wt.load())),
    }


def test_chart_text_is_at_least_9_points_when_printed(cable):
    """Printed on the text width of A4 or US Letter (16 cm, the narrower), no text of any chart
    is smaller than 9 points: the trial measured 7 to 8 points."""
    from matplotlib.text import Text

    for name, chart in all_charts(cable).items():
        fig = chart.figure
        fig.canvas.draw()  # tick labels exist once drawn
        scale = style.print_scale(fig)
        assert fig.get_figwidth() <= style.FIGSIZE[0], name
        for item in fig.findobj(Text):
            if item.get_visible() and item.get_text().strip():
                printed = item.get_fontsize() * scale
                assert printed >= style.MIN_PRINT_POINTS - 0.01, (name, item.get_text(), round(printed, 1))


def test_every_chart_carries_the_table_it_draws(cable):
    for name, chart in all_charts(cable).items():
        if name == "order of topics":
            continue  # the slope chart of notebook 05 draws wt.topic_order, shown above it
        assert isinstance(chart.table, pd.DataFrame) and not chart.table.empty, name
        assert "nan" not in chart.table.to_string().lower(), name


def test_turns_by_topic_does_not_measure_turn_1():
    """The replacement for the words-by-topic chart: a turn counts once per topic, so a topic
    live only in one long turn and one short one counts 1 and 1, not 472 and 142."""
    from helpers import annotations

    turns = pd.DataFrame({"turn": [1, 2, 3], "speaker": pd.Categorical(["A", "B", "A"], ["A", "B"]),
                          "words": [500, 3, 4], "text": ["x y", "z", "w"], "spoken": ["x y", "z", "w"]})
    notes = pd.DataFrame({"note_id": ["n1", "n2", "n3", "n4"], "turn": [1, 2, 1, 3],
                          "anchor": ["x", "z", "y", "w"], "topic": ["t1", "t1", "t2", "t2"],
                          "note": [""] * 4, "source": [""] * 4, "glossary": [""] * 4})
    topics = pd.DataFrame({"topic": ["t1", "t2"], "label": ["One", "Two"], "description": ["", ""]})
    table = annotations.turns_by_topic(turns, notes, topics)
    assert table.to_dict("index") == {"t1": {"A": 1, "B": 1}, "t2": {"A": 2, "B": 0}}
    chart = charts.turns_by_topic_chart(table, topics)
    assert "One: A 1 turn, B 1 turn." in chart.description
    assert "Two: A 2 turns, B 0 turns." in chart.description
