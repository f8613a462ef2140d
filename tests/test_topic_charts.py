"""Topic charts: what is drawn matches the data, and the descriptions say the same."""
from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.annotations import load_annotations, load_topics
from helpers.style import Chart
from helpers.topic_charts import (
    describe_topic_turn_chart,
    describe_words_by_topic_chart,
    topic_turn_chart,
    topic_turn_chart_described,
    what_the_chart_shows,
    words_by_topic_chart,
    words_by_topic_chart_described,
)


@pytest.fixture(scope="module")
def data(cable):
    return cable.turns, load_annotations(), load_topics()


def _titled(fig):
    ax = fig.axes[0]
    return ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()


def test_topic_turn_chart_draws_every_live_pair(data):
    fig = topic_turn_chart(*data)
    assert isinstance(fig, Figure)
    assert all(_titled(fig))
    ax = fig.axes[0]
    kelly, stalin, rings = ax.collections
    # hand count from the notes: Kelly's turns carry 6 + 2 + 2 + 1 + 2 + 2 topics (turns 1, 3,
    # 5, 7, 9, 10), Stalin's 7 + 1 + 1 + 3 + 2 (turns 2, 4, 6, 8, 11); one ring per topic
    assert len(kelly.get_offsets()) == 15
    assert len(stalin.get_offsets()) == 14
    assert len(rings.get_offsets()) == 9
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Coexistence and suspicion"          # first topic on top
    assert labels[0] == "Atmosphere of the meeting"
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["1\nKelly", "2\nStalin"]


def test_describe_topic_turn_chart(data):
    text = describe_topic_turn_chart(*data)
    assert text.startswith("Dot chart of 9 topics (rows) against 11 turns (columns)")
    assert "Kelly opens 7 of the 9 and Stalin opens 2 of the 9 (The North Atlantic Pact in turn 2 " \
           "and American forces in Britain in turn 8)." in text
    assert "The North Atlantic Pact: opened by Stalin in turn 2, live in turns 2, 3, 4, 5, 7 and 8." in text
    assert "The most topics in one turn: 7, in turn 2." in text


def test_words_by_topic_chart_bars_match_the_table(data):
    fig = words_by_topic_chart(*data)
    ax = fig.axes[0]
    assert all(_titled(fig))
    bars = ax.patches
    assert len(bars) == 18
    # the first nine bars are Kelly's, in topic order; the Pact is the fifth topic
    assert bars[4].get_width() == 120 and bars[9 + 4].get_width() == 173
    assert bars[9].get_hatch() == "//" and not bars[0].get_hatch()


def test_describe_words_by_topic_chart(data):
    text = describe_words_by_topic_chart(*data)
    assert "The North Atlantic Pact: Kelly 120 words, Stalin 173 words." in text
    assert "Stalin's longest bar: The North Atlantic Pact (173 words)" in text
    assert "so the bars overlap" in text


def test_charts_work_on_a_made_up_table():
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
    chart = Chart(topic_turn_chart(turns, notes, topics), describe_topic_turn_chart(turns, notes, topics))
    assert chart.png().startswith(b"\x89PNG")
    assert "A opens 1 of the 2 (Peace in turn 1) and B opens 1 of the 2 (Trade in turn 2)." in chart.description
    words = describe_words_by_topic_chart(turns, notes, topics)
    assert "Peace: A 1 word, B 0 words." in words


def test_described_charts_carry_their_own_description(data):
    chart = topic_turn_chart_described(*data)
    assert isinstance(chart, Chart) and isinstance(chart.figure, Figure)
    assert chart.description == describe_topic_turn_chart(*data)
    bars = words_by_topic_chart_described(*data)
    assert bars.description == describe_words_by_topic_chart(*data)


def test_what_the_chart_shows_is_visible_markdown():
    chart = Chart(Figure(), "Two bars.\nKelly: 1 word.\n\nStalin: 2 *words*.")
    assert what_the_chart_shows(chart) == (
        "**What the chart shows:** Two bars.\n\n- Kelly: 1 word.\n- Stalin: 2 \\*words\\*.")
    assert what_the_chart_shows(Chart(Figure(), "One line.")) == "**What the chart shows:** One line."


def test_what_the_topic_chart_shows(data):
    text = what_the_chart_shows(topic_turn_chart_described(*data))
    assert text.startswith("**What the chart shows:** Dot chart of 9 topics (rows) against 11 turns")
    assert "\n- The North Atlantic Pact: opened by Stalin in turn 2, live in turns 2, 3, 4, 5, 7 and 8." in text
