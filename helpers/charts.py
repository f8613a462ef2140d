"""Charts: each takes a measures table and returns a :class:`helpers.style.Chart`.

A chart draws the table it is given and nothing else, and its description
(:mod:`helpers.describe`) is written from that same table, so the picture and the words agree::

    per_turn = measures.per_turn(record.turns)
    chart = charts.words_per_turn_chart(per_turn, measures.gaps(record.blocks))

Charts are built on :func:`helpers.style.new_figure` (never pyplot) in the kit's colour-blind
safe style: one colour, hatching and marker per speaker (:func:`helpers.style.speaker_styles`;
``styles`` fixes some speakers' styles), a title and labelled axes on every chart. Narration
between two turns is drawn as a dashed line at its place, found from the blocks, never typed in.
A turn with no recorded words is marked "words withheld" where its bar would be.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from . import describe
from .measures import OTHER_SPEAKERS, WITHHELD, leading_speakers, speaker_order
from .style import (EDGE, LINE_STYLES, OKABE_ITO, SMALL_FONT, Chart, SpeakerStyle, finish_axes,
                    new_figure, speaker_styles)

__all__ = ["cumulative_chart", "share_per_document_chart", "shares_chart", "speaking_time_chart",
           "topic_turn_chart", "turns_by_topic_chart", "turns_per_document_chart", "units_chart",
           "words_by_topic_chart", "words_per_document_chart", "words_per_turn_chart"]

#: The light grey of the corpus charts' "other speakers".
OTHER_GREY = "#BBBBBB"
#: A corpus chart names its documents on the axis, and hatches its bars, up to this many.
LABELLED_DOCUMENTS = 30

Styles = Mapping[str, SpeakerStyle] | None


def _speaker_handles(styles: Mapping[str, SpeakerStyle], names: list[str]) -> list[Artist]:
    return [Patch(facecolor=styles[n].colour, hatch=styles[n].hatch, edgecolor=EDGE, label=n)
            for n in names]


def _draw_gaps(ax: Axes, gaps: pd.DataFrame | None, at_middle: bool = True, height: float = 0.55) -> None:
    if gaps is None:
        return
    for i, gap in enumerate(gaps.itertuples(index=False)):
        x = (gap.after_turn + gap.before_turn) / 2 if at_middle else gap.after_turn
        ax.axvline(x, color="black", linestyle="--", linewidth=1.2 if at_middle else 1.0, zorder=1,
                   label="narration between turns" if i == 0 else None)
        ax.text(x, height, f" narration, line {gap.line_start} ", rotation=90, ha="right",
                va="center", fontsize=SMALL_FONT, transform=ax.get_xaxis_transform())


def words_per_turn_chart(per_turn: pd.DataFrame, gaps: pd.DataFrame | None = None,
                         styles: Styles = None) -> Chart:
    """Bars of words per turn, in order, one colour and hatching per speaker.

    ``per_turn`` is :func:`helpers.measures.per_turn`; ``gaps`` (:func:`helpers.measures.gaps`)
    puts a dashed vertical line where narration falls between two turns.
    """
    table = per_turn
    names = speaker_order(table)
    look = speaker_styles(names, styles)
    fig = new_figure()
    ax = fig.add_subplot()
    labelled = len(table) <= 20  # a value on every bar, while the bars are wide enough for it
    for name in names:
        part = table[table["speaker"].astype(str) == name]
        bars = ax.bar(part.index, part["words"], color=look[name].colour, hatch=look[name].hatch,
                      edgecolor=EDGE, linewidth=0.5, zorder=2)
        if labelled:
            ax.bar_label(bars, labels=[str(w) if w else "" for w in part["words"]],
                         padding=2, fontsize=SMALL_FONT)
    for turn in table.index[table["words"] == 0]:
        ax.text(turn, 0.02, f" {WITHHELD}", rotation=90, ha="center", va="bottom",
                fontsize=SMALL_FONT, transform=ax.get_xaxis_transform())
    _draw_gaps(ax, gaps)
    if len(table):
        ax.set_ylim(0, max(1, int(table["words"].max())) * 1.12)  # room for the labels
    handles = _speaker_handles(look, names)
    if gaps is not None and not gaps.empty:
        handles.append(ax.get_legend_handles_labels()[0][0])
    ax.legend(handles=handles, frameon=False, fontsize=SMALL_FONT)
    finish_axes(ax, "Words per turn, in the order spoken", "Turn", "Words (spoken)")
    if len(table) <= 40:
        ax.set_xticks(list(table.index))
        if len(table) > 20:
            ax.tick_params(axis="x", labelrotation=90)
    return Chart(fig, describe.describe_words_per_turn(table, gaps, styles),
                 table[["speaker", "words"]])


def shares_chart(per_speaker: pd.DataFrame, styles: Styles = None) -> Chart:
    """Each speaker's share of the words and of the turns, as two 100% stacked bars
    (``per_speaker`` is :func:`helpers.measures.per_speaker`)."""
    table = per_speaker
    names = [str(n) for n in table.index]
    look = speaker_styles(names, styles)
    fig = new_figure(8.0, 3.2)
    ax = fig.add_subplot()
    rows = {"words": "share_of_words", "turns": "share_of_turns"}
    for y, column in enumerate(rows.values()):
        left = 0.0
        for name in names:
            value = float(table.loc[name, column])
            ax.barh(y, value, left=left, color=look[name].colour, hatch=look[name].hatch,
                    edgecolor=EDGE, linewidth=0.5, height=0.6)
            if value >= 8:
                ax.text(left + value / 2, y, f"{name}\n{value:.1f}%", ha="center", va="center",
                        fontsize=SMALL_FONT, color="black",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85})
            left += value
    finish_axes(ax, "Who held the floor: share of words and of turns", "Percent of the whole",
                "Measure")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"share of {k}" for k in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    fig.legend(handles=_speaker_handles(look, names), frameon=False, loc="outside lower center",
               ncol=min(len(names), 5), fontsize=SMALL_FONT)
    return Chart(fig, describe.describe_shares(table, styles),
                 table[["words", "share_of_words", "turns", "share_of_turns"]])


def cumulative_chart(running: pd.DataFrame, gaps: pd.DataFrame | None = None,
                     styles: Styles = None) -> Chart:
    """Each speaker's running total of words, turn by turn (a step rises on their turns);
    ``running`` is :func:`helpers.measures.running_totals`."""
    table = running
    names = [str(c) for c in table.columns if c != "all"]
    look = speaker_styles(names, styles)
    lines = LINE_STYLES
    fig = new_figure()
    ax = fig.add_subplot()
    x = [table.index[0] - 1, *table.index] if len(table) else []
    for i, name in enumerate(names):
        ax.step(x, [0, *table[name]], where="post", color=look[name].colour,
                linestyle=lines[i % len(lines)], linewidth=2.2, label=name, zorder=3)
    _draw_gaps(ax, gaps, at_middle=False, height=0.45)
    finish_axes(ax, "Running total of words, by speaker", "After turn", "Words said so far")
    if len(table) <= 40:
        ax.set_xticks(x)
        if len(table) > 20:
            ax.tick_params(axis="x", labelrotation=90)
    ax.set_xlim(left=x[0] if x else 0)
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, loc="upper left", fontsize=SMALL_FONT)
    return Chart(fig, describe.describe_cumulative(table, gaps), table)


def units_chart(per_speaker: pd.DataFrame, styles: Styles = None) -> Chart:
    """Each speaker's share by three counting units, side by side: does the unit matter?"""
    table = per_speaker
    units = ("words", "characters", "sentences")
    names = [str(n) for n in table.index]
    look = speaker_styles(names, styles)
    fig = new_figure()
    ax = fig.add_subplot()
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        values = [float(table.loc[name, f"share_of_{u}"]) for u in units]
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(units))]
        bars = ax.bar(xs, values, width=width, color=look[name].colour, hatch=look[name].hatch,
                      edgecolor=EDGE, linewidth=0.5, label=name, zorder=2)
        ax.bar_label(bars, labels=[f"{v:.1f}%" for v in values], fontsize=SMALL_FONT, padding=2)
    finish_axes(ax, "Share of the record by counting unit", "Counting unit", "Percent of the whole")
    ax.set_xticks(range(len(units)))
    ax.set_xticklabels(list(units))
    ax.set_ylim(0, 110)
    ax.legend(frameon=False, fontsize=SMALL_FONT)
    return Chart(fig, describe.describe_units(table, styles),
                 table[[f"share_of_{u}" for u in units]])


def speaking_time_chart(timing: pd.DataFrame, assumed: float | None = None,
                        interpretation_factor: float = 1.0,
                        duration_minutes: float | None = None) -> Chart:
    """Horizontal bars: time to say the record at each rate of ``timing``
    (:func:`helpers.measures.speaking_time`, made with the same ``interpretation_factor``),
    plus interpretation if any, against the stated length of the meeting (a dashed line) when
    the record gives one. ``assumed`` is the rate the estimate rests on."""
    table = timing
    rates = [float(r) for r in table.index]
    fig = new_figure(8.0, 3.4 + 0.35 * len(table))
    ax = fig.add_subplot()
    labels = []
    for rate in table.index:
        kind = describe.rate_label(rate, list(table.index), assumed)
        labels.append(f"{kind} ({rate:g} words/min)" if kind else f"{rate:g} words/min")
    ys = range(len(table))
    speech = table["words"] / pd.Series(rates, index=table.index)
    ax.barh(ys, speech, color=OKABE_ITO[4], edgecolor=EDGE, linewidth=0.5,
            height=0.6, label="speaking the recorded words once", zorder=2)
    if interpretation_factor != 1:
        ax.barh(ys, speech * (interpretation_factor - 1), left=speech, color=OKABE_ITO[1],
                hatch="..", edgecolor=EDGE, linewidth=0.5, height=0.6,
                label="interpretation (the same again)", zorder=2)
    for y, total in zip(ys, table["minutes_total"]):
        ax.text(total + 0.3, y, f"{total:.1f} min", va="center", fontsize=SMALL_FONT)
    if duration_minutes:
        ax.axvline(duration_minutes, color="black", linestyle="--", linewidth=1.4,
                   label=f"stated length: {duration_minutes:g} min", zorder=3)
    right = max(float(table["minutes_total"].max()) * 1.18 + 1, (duration_minutes or 0) + 2)
    finish_axes(ax, "How long would the recorded words take to say?", "Minutes", "Speaking rate")
    ax.set_xlim(0, right)
    ax.set_yticks(list(ys))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, loc="outside lower center", ncol=2,
               fontsize=SMALL_FONT)
    return Chart(fig, describe.describe_speaking_time(table, assumed, interpretation_factor,
                                                      duration_minutes), table)


def _wrap(label: str, width: int = 26) -> str:
    import textwrap
    return "\n".join(textwrap.wrap(label, width)) or label


def topic_turn_chart(grid: pd.DataFrame, styles: Styles = None) -> Chart:
    """Which topic is live in which turn: topics as rows, turns as columns.

    ``grid`` is :func:`helpers.annotations.topic_grid`. A mark means at least one note ties the
    topic to that turn; its shape and colour show who spoke the turn. A black ring marks the
    turn that opens each topic (who raised it). The chart's ``table`` is the grid as a reader
    reads it: topics as rows, turns as columns, each cell "opens", "live" or empty.
    """
    order = list(dict.fromkeys(grid["topic"]))
    labels = dict(zip(grid["topic"], grid["label"]))
    row_of = {topic: len(order) - 1 - i for i, topic in enumerate(order)}  # first topic on top
    names = speaker_order(grid)
    look = speaker_styles(names, styles)
    turns = grid.drop_duplicates("turn")[["turn", "speaker"]]
    live = grid[grid["live"]]
    opens = grid[grid["opens"]]

    fig = new_figure(8.0, 3.2 + 0.5 * len(order))
    ax = fig.add_subplot()
    for speaker in names:
        part = live[live["speaker"].astype(str) == speaker]
        ax.scatter(part["turn"], part["topic"].map(row_of), s=90, marker=look[speaker].marker,
                   color=look[speaker].colour, edgecolor="white", linewidth=0.8, zorder=3,
                   label=f"{speaker}'s turn")
    ax.scatter(opens["turn"], opens["topic"].map(row_of), s=260, marker="o", facecolor="none",
               edgecolor="black", linewidth=1.4, zorder=4, label="turn that opens the topic")
    finish_axes(ax, "Which topic is live in which turn (this kit's topic notes)",
                "turn and speaker", "topic")
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([_wrap(labels[t]) for t in reversed(order)], fontsize=SMALL_FONT)
    ax.set_xticks(list(turns["turn"]))
    ax.set_xticklabels([f"{t} {s}" for t, s in zip(turns["turn"], turns["speaker"].astype(str))],
                       rotation=90, fontsize=SMALL_FONT)
    ax.tick_params(axis="y", length=0)
    if len(turns):
        ax.set_xlim(turns["turn"].min() - 0.6, turns["turn"].max() + 0.6)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.grid(True, color="#dddddd", linewidth=0.6, zorder=0)
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=len(names) + 1,
               frameon=False, fontsize=SMALL_FONT, handletextpad=0.3, columnspacing=1.0)
    return Chart(fig, describe.describe_topic_turns(grid, styles), _grid_table(grid))


def _grid_table(grid: pd.DataFrame) -> pd.DataFrame:
    """The topic grid as a reader reads it: topics (labels) as rows, ``turn · speaker`` as columns."""
    cells = grid.assign(mark=["opens" if o else "live" if v else "" for o, v in zip(grid["opens"], grid["live"])],
                        column=[f"{t} {s}" for t, s in zip(grid["turn"], grid["speaker"].astype(str))])
    table = cells.pivot(index="label", columns="column", values="mark")
    table = table.reindex(index=list(dict.fromkeys(grid["label"])),
                          columns=list(dict.fromkeys(cells["column"])))
    table.index.name = "topic"
    table.columns.name = "turn"
    return table


def turns_by_topic_chart(table: pd.DataFrame, topics: pd.DataFrame, styles: Styles = None) -> Chart:
    """In how many turns each speaker spoke while a topic was live: topics as rows, the
    speakers' bars side by side, each labelled with its count.

    ``table`` is :func:`helpers.annotations.turns_by_topic`; ``topics`` gives the labels. A
    turn counts once for each topic live in it, however long it is: unlike a count of words,
    one long turn cannot fill every bar.
    """
    labels = dict(zip(topics["topic"], topics["label"]))
    names = [str(c) for c in table.columns]
    look = speaker_styles(names, styles)
    n = len(table)
    fig = new_figure(8.0, 2.6 + 0.55 * n)
    ax = fig.add_subplot()
    height = 0.8 / max(len(names), 1)
    for i, speaker in enumerate(names):
        ys = [n - 1 - k + (len(names) / 2 - i - 0.5) * height for k in range(n)]
        bars = ax.barh(ys, table[speaker], height=height, color=look[speaker].colour,
                       hatch=look[speaker].hatch, edgecolor=EDGE, linewidth=0.5, label=speaker)
        ax.bar_label(bars, labels=[str(int(v)) for v in table[speaker]], padding=3,
                     fontsize=SMALL_FONT)
    finish_axes(ax, "In how many turns each man spoke while a topic was live",
                "turns (each turn counts once, however long)", "topic")
    ax.set_yticks([n - 1 - k for k in range(n)])
    ax.set_yticklabels([_wrap(labels.get(t, t)) for t in table.index], fontsize=SMALL_FONT)
    most = int(table.to_numpy().max()) if n else 1
    ax.set_xlim(0, most + 1)
    ax.set_xticks(range(0, most + 2))
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, loc="outside lower center",
               ncol=len(names), fontsize=SMALL_FONT)
    shown = table.copy()
    shown.index = [labels.get(t, t) for t in table.index]
    shown.index.name = "topic"
    return Chart(fig, describe.describe_turns_by_topic(table, topics, styles), shown)


def words_by_topic_chart(table: pd.DataFrame, topics: pd.DataFrame, styles: Styles = None) -> Chart:
    """Words spoken in the turns where each topic is live, the speakers side by side.

    ``table`` is :func:`helpers.annotations.words_by_topic`; ``topics`` gives the labels. A
    turn's words count for every topic live in it, so the bars overlap and do not add up to
    the length of the record: one long turn can fill most of the bars (notebook 03 of the kit
    draws :func:`turns_by_topic_chart` instead).
    """
    labels = dict(zip(topics["topic"], topics["label"]))
    names = [str(c) for c in table.columns]
    look = speaker_styles(names, styles)
    fig = new_figure(8.0, 2.6 + 0.55 * len(table))
    ax = fig.add_subplot()
    height = 0.8 / max(len(names), 1)
    n = len(table)
    for i, speaker in enumerate(names):
        ys = [n - 1 - k + (len(names) / 2 - i - 0.5) * height for k in range(n)]
        ax.barh(ys, table[speaker], height=height, color=look[speaker].colour,
                hatch=look[speaker].hatch, edgecolor="white", linewidth=0.5, label=speaker)
    finish_axes(ax, "Words spoken in the turns where each topic is live",
                "words (a turn counts once for each of its topics)", "topic")
    ax.set_yticks([n - 1 - k for k in range(n)])
    ax.set_yticklabels([_wrap(labels[t]) for t in table.index], fontsize=SMALL_FONT)
    ax.legend(frameon=False, loc="lower right", fontsize=SMALL_FONT)
    return Chart(fig, describe.describe_words_by_topic(table, topics), table)


# ---------------------------------------------------------------------------------------------
# A corpus: many documents compared
def _document_axis(ax: Axes, documents: list[str]) -> None:
    n = len(documents)
    if n <= LABELLED_DOCUMENTS:
        ax.set_xticks(range(n))
        ax.set_xticklabels(documents, rotation=45 if n > 4 else 0, ha="right" if n > 4 else "center",
                           fontsize=8 if n > 10 else 9)
    else:
        ax.set_xticks([])
    ax.set_xlim(-0.6, n - 0.4)


def words_per_document_chart(words: pd.DataFrame, styles: Styles = None) -> Chart:
    """Each document's words as a bar, split by speaker (stacked), documents in order.

    ``words`` is :func:`helpers.measures.document_words`: its speakers each have a colour and,
    up to 30 documents, a hatching; :data:`helpers.measures.OTHER_SPEAKERS` is light grey.
    """
    names = [str(c) for c in words.columns if c != OTHER_SPEAKERS]
    look = speaker_styles(names, styles)
    documents = [str(d) for d in words.index]
    n = len(documents)
    hatched = n <= LABELLED_DOCUMENTS
    fig = new_figure()
    ax = fig.add_subplot()
    xs = list(range(n))
    bottom = [0] * n
    handles: list[Artist] = []
    edges = [x - 0.5 for x in range(n + 1)]
    for name in [*names, *([OTHER_SPEAKERS] if OTHER_SPEAKERS in words.columns else [])]:
        values = words[name].astype(int).tolist()
        colour = look[name].colour if name in look else OTHER_GREY
        hatch = look[name].hatch if name in look and hatched else ""
        top = [b + v for b, v in zip(bottom, values)]
        if hatched:
            ax.bar(xs, values, bottom=bottom, width=0.8, color=colour, hatch=hatch,
                   edgecolor=EDGE, linewidth=0.5, zorder=2)
        else:  # many documents: one filled outline per speaker, not a rectangle per document
            ax.stairs(top, edges, baseline=bottom, fill=True, color=colour, linewidth=0, zorder=2)
        handles.append(Patch(facecolor=colour, hatch=hatch, edgecolor=EDGE, label=name))
        bottom = top
    _document_axis(ax, documents)
    ax.legend(handles=handles, frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    finish_axes(ax, "Words per document, by speaker",
                "Document" + ("" if n <= LABELLED_DOCUMENTS else f" ({n}, in order of file name)"),
                "Words (spoken)")
    return Chart(fig, describe.describe_words_per_document(words), words)


def share_per_document_chart(speakers: pd.DataFrame, top: int = 5, styles: Styles = None) -> Chart:
    """Each leading speaker's share of the words in each document they speak in, as dots.

    ``speakers`` is :func:`helpers.measures.speakers_by_document`; the ``top`` speakers with the
    most words in the corpus (:func:`helpers.measures.leading_speakers`) each have a colour and
    a marker; the shares are the table's own.
    """
    drawn = leading_speakers(speakers, top)
    look = speaker_styles(drawn, styles)
    documents = list(dict.fromkeys(speakers["document"].astype(str)))
    where = {d: i for i, d in enumerate(documents)}
    names = speakers["speaker"].astype(str)
    fig = new_figure()
    ax = fig.add_subplot()
    small = len(documents) <= LABELLED_DOCUMENTS
    for name in drawn:
        mine = speakers[names == name]
        ax.scatter([where[d] for d in mine["document"].astype(str)], mine["share_of_words"].astype(float),
                   s=45 if small else 12, marker=look[name].marker, color=look[name].colour,
                   edgecolor="white" if small else "none", linewidth=0.6, label=name, zorder=3)
    ax.axhline(50, color="#777777", linestyle=":", linewidth=1, zorder=1)
    ax.set_ylim(0, 102)
    _document_axis(ax, documents)
    ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    finish_axes(ax, "Each speaker's share of the words, document by document",
                "Document" + ("" if small else f" ({len(documents)}, in order of file name)"),
                "Share of the document's words (%)")
    return Chart(fig, describe.describe_share_per_document(speakers, drawn, styles),
                 speakers[speakers["speaker"].astype(str).isin(drawn)][["document", "speaker", "share_of_words"]]
                 .reset_index(drop=True))


def turns_per_document_chart(documents: pd.DataFrame) -> Chart:
    """The number of turns in each document, as bars, documents in order (``documents`` is a
    corpus's documents table, indexed by document, with a ``turns`` column)."""
    names = [str(d) for d in documents.index]
    turns = documents["turns"].astype(int).tolist()
    fig = new_figure(8.0, 3.6)
    ax = fig.add_subplot()
    if len(names) <= LABELLED_DOCUMENTS:
        ax.bar(range(len(names)), turns, width=0.8, color=OKABE_ITO[4], edgecolor=OKABE_ITO[4],
               linewidth=0, zorder=2)
    else:  # many documents: one filled outline, not a rectangle per document
        ax.stairs(turns, [x - 0.5 for x in range(len(names) + 1)], fill=True, color=OKABE_ITO[4],
                  linewidth=0, zorder=2)
    _document_axis(ax, names)
    finish_axes(ax, "Turns per document",
                "Document" + ("" if len(names) <= LABELLED_DOCUMENTS else
                              f" ({len(names)}, in order of file name)"), "Turns")
    return Chart(fig, describe.describe_turns_per_document(documents), documents[["turns"]])
