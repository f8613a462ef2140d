"""Charts of the topic notes, each with a plain-language description built from the same data.

Every chart function returns a matplotlib Figure (built with :func:`helpers.style.new_figure`,
never pyplot); its companion ``describe_*`` returns what a screen reader should say about it.
Show both at once with :class:`helpers.style.Chart`::

    Chart(topic_turn_chart(turns, notes, topics), describe_topic_turn_chart(turns, notes, topics))

The charts show this kit's reading of the cable (the hand-made notes), not the cable itself.
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import style
from .annotations import topic_spans, topics_by_turn, words_by_topic
from .display import escape_markdown

#: Marker shapes per speaker: a second cue, beside colour, that survives grey print.
SPEAKER_MARKERS: dict[str, str] = {"Kelly": "o", "Stalin": "s"}
_OTHER_MARKERS = ("^", "D", "v", "P")
_MARK_WORDS: dict[str, str] = {"Kelly": "blue circles", "Stalin": "orange squares"}


def _speakers(turns: pd.DataFrame) -> list[str]:
    return [str(s) for s in turns["speaker"].astype("category").cat.categories]


def _marker(speaker: str, order: int) -> str:
    return SPEAKER_MARKERS.get(speaker, _OTHER_MARKERS[order % len(_OTHER_MARKERS)])


def _labels(topics: pd.DataFrame) -> dict[str, str]:
    return dict(zip(topics["topic"], topics["label"]))


def _words(n: float) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def _join(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def topic_turn_chart(turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame) -> Figure:
    """Which topic is live in which turn: topics as rows, turns as columns.

    A mark means at least one note ties the topic to that turn; its colour and shape show who
    spoke the turn. A black ring marks the turn that opens each topic (who raised it).
    """
    live = topics_by_turn(turns, annotations)
    spans = topic_spans(turns, annotations, topics).set_index("topic")
    order = [t for t in topics["topic"] if t in spans.index]
    labels = _labels(topics)
    row_of = {topic: len(order) - 1 - i for i, topic in enumerate(order)}  # first topic on top
    speakers = _speakers(turns)

    fig = style.new_figure(10.0, 5.5)
    ax = fig.add_subplot()
    for i, speaker in enumerate(speakers):
        part = live[live["speaker"] == speaker]
        ax.scatter(
            part["turn"], part["topic"].map(row_of), s=90, marker=_marker(speaker, i),
            color=style.speaker_colour(speaker, i), edgecolor="white", linewidth=0.8,
            zorder=3, label=f"{speaker}'s turn",
        )
    ax.scatter(
        spans.loc[order, "opened_in"], [row_of[t] for t in order], s=260, marker="o",
        facecolor="none", edgecolor="black", linewidth=1.4, zorder=4,
        label="turn that opens the topic",
    )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([labels[t] for t in reversed(order)], fontsize=9)
    ax.set_xticks(list(turns["turn"]))
    ax.set_xticklabels(
        [f"{t}\n{s}" for t, s in zip(turns["turn"], turns["speaker"].astype(str))], fontsize=8
    )
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(turns["turn"].min() - 0.6, turns["turn"].max() + 0.6)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.grid(True, color="#dddddd", linewidth=0.6, zorder=0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=len(speakers) + 1,
              frameon=False, fontsize=9)
    style.finish_axes(ax, "Which topic is live in which turn (this kit's topic notes)",
                      "turn and speaker", "topic")
    return fig


def describe_topic_turn_chart(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame
) -> str:
    """What :func:`topic_turn_chart` shows, in sentences, computed from the same data."""
    spans = topic_spans(turns, annotations, topics)
    live = topics_by_turn(turns, annotations)
    labels = _labels(topics)
    speakers = _speakers(turns)
    marks = [f"{s}'s turns are {_MARK_WORDS.get(s, 'other marks')}" for s in speakers]
    lines = [
        f"Dot chart of {len(spans)} topics (rows) against {len(turns)} turns (columns), from "
        "the kit's hand-made topic notes. A mark means a note ties the topic to that turn; "
        + "; ".join(marks) + ". A black ring marks the turn that opens each topic."
    ]
    raised = []
    for speaker in speakers:
        mine = spans[spans["opened_by"] == speaker]
        sentence = f"{speaker} opens {len(mine)} of the {len(spans)}"
        if 0 < len(mine) <= 3:
            sentence += " (" + _join(
                [f"{labels[t]} in turn {n}" for t, n in zip(mine["topic"], mine["opened_in"])]
            ) + ")"
        raised.append(sentence)
    lines.append(_join(raised) + ".")
    for row in spans.itertuples(index=False):
        in_turns = list(live.loc[live["topic"] == row.topic, "turn"])
        lines.append(
            f"{labels[row.topic]}: opened by {row.opened_by} in turn {row.opened_in}, "
            f"live in {'turn' if len(in_turns) == 1 else 'turns'} {_join(in_turns)}."
        )
    busiest = live.groupby("turn").size()
    top = busiest[busiest == busiest.max()].index.tolist()
    lines.append(
        f"The most topics in one turn: {busiest.max()}, in "
        f"{'turn' if len(top) == 1 else 'turns'} {_join(top)}."
    )
    return "\n".join(lines)


def words_by_topic_chart(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame
) -> Figure:
    """Words spoken in the turns where each topic is live, Kelly and Stalin side by side.

    A turn's words count for every topic live in it (see
    :func:`helpers.annotations.words_by_topic`), so the bars overlap and do not add up to the
    length of the cable.
    """
    table = words_by_topic(turns, annotations, topics)
    labels = _labels(topics)
    speakers = list(table.columns)
    fig = style.new_figure(9.0, 5.0)
    ax = fig.add_subplot()
    height = 0.8 / max(len(speakers), 1)
    n = len(table)
    for i, speaker in enumerate(speakers):
        ys = [n - 1 - k + (len(speakers) / 2 - i - 0.5) * height for k in range(n)]
        ax.barh(
            ys, table[speaker], height=height, color=style.speaker_colour(speaker, i),
            hatch=style.speaker_hatch(speaker, i), edgecolor="white", linewidth=0.5,
            label=speaker,
        )
    ax.set_yticks([n - 1 - k for k in range(n)])
    ax.set_yticklabels([labels[t] for t in table.index], fontsize=9)
    ax.legend(frameon=False, loc="lower right")
    style.finish_axes(ax, "Words spoken in the turns where each topic is live",
                      "words (a turn counts once for each of its topics)", "topic")
    return fig


def describe_words_by_topic_chart(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame
) -> str:
    """What :func:`words_by_topic_chart` shows, in sentences, computed from the same data."""
    table = words_by_topic(turns, annotations, topics)
    labels = _labels(topics)
    speakers = list(table.columns)
    lines = [
        f"Horizontal bar chart of {len(table)} topics, with one bar per speaker "
        f"({_join(speakers)}) giving the words spoken in the turns where the topic is live. "
        "A turn's words count for every topic in it, so the bars overlap."
    ]
    for speaker in speakers:
        column = table[speaker]
        longest = _join([labels[t] for t in column.index[column == column.max()]])
        shortest = _join([labels[t] for t in column.index[column == column.min()]])
        lines.append(
            f"{speaker}'s longest bar: {longest} ({_words(column.max())}); "
            f"shortest: {shortest} ({_words(column.min())})."
        )
    for topic, row in table.iterrows():
        lines.append(
            f"{labels[topic]}: " + ", ".join(f"{s} {_words(row[s])}" for s in speakers) + "."
        )
    return "\n".join(lines)


def topic_turn_chart_described(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame
) -> style.Chart:
    """:func:`topic_turn_chart` with its description, ready to display."""
    return style.Chart(
        topic_turn_chart(turns, annotations, topics),
        describe_topic_turn_chart(turns, annotations, topics),
    )


def words_by_topic_chart_described(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame
) -> style.Chart:
    """:func:`words_by_topic_chart` with its description, ready to display."""
    return style.Chart(
        words_by_topic_chart(turns, annotations, topics),
        describe_words_by_topic_chart(turns, annotations, topics),
    )


def what_the_chart_shows(chart: style.Chart) -> str:
    """A chart's description as Markdown to show under it, so it is visible, not only alt text.

    The first line of the description follows a bold "What the chart shows:"; each further
    line becomes a bullet. Markdown's formatting characters in the description are escaped.
    """
    first, *rest = [line for line in chart.description.splitlines() if line.strip()] or [""]
    lines = [f"**What the chart shows:** {escape_markdown(first)}"]
    if rest:
        lines.append("")
        lines += [f"- {escape_markdown(line)}" for line in rest]
    return "\n".join(lines)
