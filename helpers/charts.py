"""Who held the floor: turn-length charts, each with a description and a table of its numbers.

Every chart comes in three parts that are computed from the same turn table:

- ``*_table(turns, ...)``: the numbers the chart draws, as a DataFrame (the "table view");
- ``describe_*(turns, ...)``: what a screen reader should say about the chart, in plain words,
  generated from those numbers (pure: no drawing, tested);
- ``*_chart(turns, ...)``: a :class:`helpers.style.Chart` (the Figure plus its description).

Charts are built on :func:`helpers.style.new_figure` (never pyplot) in the kit's colour-blind
safe style: one colour and one hatching per speaker, a title and labelled axes on every chart.

The functions work for any transcript: any speakers, any number of turns. Narration that falls
between two turns (in the cable, Kelly's account of the personal questions between turns 9 and
10) is drawn as a dashed line at its place, found from the blocks, never typed in.

Counting follows :mod:`helpers.counting`: words, characters and sentences of the *spoken* text.
"""
from __future__ import annotations

import re

import pandas as pd
from matplotlib.patches import Patch

from . import style
from .display import narration_blocks
from .style import Chart

# ---------------------------------------------------------------------------------------------
# small helpers


def speakers(turns: pd.DataFrame) -> list[str]:
    """The speakers in the order of the ``speaker`` category (first to speak first)."""
    column = turns["speaker"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        present = set(column.astype(str))
        return [str(s) for s in column.cat.categories if str(s) in present]
    return list(dict.fromkeys(column.astype(str)))


def _plural(n: int | float, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _pct(x: float) -> str:
    return f"{x:.1f}%"


def turn_gaps(blocks: pd.DataFrame | None) -> pd.DataFrame:
    """Narration blocks that fall between two turns (not before the first or after the last).

    Columns as :func:`helpers.display.narration_blocks`; empty when ``blocks`` is ``None``.
    """
    if blocks is None:
        return pd.DataFrame(columns=["after_turn", "before_turn", "line_start", "line_end",
                                     "words", "text"])
    table = narration_blocks(blocks)
    return table.dropna(subset=["after_turn", "before_turn"]).reset_index(drop=True)


def _opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _describe_gaps(gaps: pd.DataFrame) -> str:
    if gaps.empty:
        return ""
    said = []
    for gap in gaps.itertuples(index=False):
        lines = (f"line {gap.line_start}" if gap.line_start == gap.line_end
                 else f"lines {gap.line_start}–{gap.line_end}")
        said.append(f"between turns {gap.after_turn} and {gap.before_turn} "
                    f"({lines}: “{_opening(gap.text)}”)")
    return (" A dashed line marks narration, not speech, " + _join(said) + ".")


def _draw_gaps(ax, gaps: pd.DataFrame, label: bool = True) -> None:
    for i, gap in enumerate(gaps.itertuples(index=False)):
        x = (gap.after_turn + gap.before_turn) / 2
        ax.axvline(x, color="black", linestyle="--", linewidth=1.2, zorder=1,
                   label="narration between turns" if (label and i == 0) else None)
        ax.text(x, 0.55, f" narration, line {gap.line_start} ", rotation=90, ha="right",
                va="center", fontsize=8, transform=ax.get_xaxis_transform())


def _speaker_handles(names: list[str]) -> list[Patch]:
    styles = style.speaker_styles(names)
    return [Patch(facecolor=styles[n][0], hatch=styles[n][1], edgecolor=style.EDGE, label=n)
            for n in names]


# ---------------------------------------------------------------------------------------------
# words per turn


def words_per_turn_table(turns: pd.DataFrame) -> pd.DataFrame:
    """One row per turn: speaker, words, running total of words, and its share of all words (%)."""
    total = int(turns["words"].sum())
    table = pd.DataFrame({
        "turn": turns["turn"].astype(int).to_numpy(),
        "speaker": turns["speaker"].astype(str).to_numpy(),
        "words": turns["words"].astype(int).to_numpy(),
    })
    table["cumulative_words"] = table["words"].cumsum()
    table["share_of_words"] = (100 * table["words"] / total).round(1) if total else 0.0
    return table.set_index("turn")


def describe_words_per_turn(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> str:
    """A plain-language account of :func:`words_per_turn_chart`, from the same numbers."""
    table = words_per_turn_table(turns)
    names = speakers(turns)
    n = len(table)
    counts = table.groupby("speaker")["words"].count()
    per_speaker = _join([f"{s} {_plural(int(counts.get(s, 0)), 'turn')}" for s in names])
    parts = [f"Bar chart of words per turn, {_plural(n, 'turn')} in order, coloured by speaker "
             f"({per_speaker})."]
    if n:
        longest = table["words"].idxmax()
        shortest = table["words"].idxmin()
        row, low = table.loc[longest], table.loc[shortest]
        parts.append(f" {_possessive(row['speaker'])} turn {longest} is the longest at "
                     f"{_plural(int(row['words']), 'word')}; {_possessive(low['speaker'])} turn {shortest} "
                     f"is the shortest at {_plural(int(low['words']), 'word')}.")
        for s in names:
            mine = table[table["speaker"] == s]
            if len(mine) > 1 and mine["words"].idxmax() != longest:
                parts.append(f" {_possessive(s)} longest turn is turn {mine['words'].idxmax()} "
                             f"({_plural(int(mine['words'].max()), 'word')}).")
        if n >= 3:
            top = table["words"].nlargest(2)
            share = 100 * top.sum() / table["words"].sum()
            parts.append(f" The two longest turns, {top.index[0]} and {top.index[1]}, hold "
                         f"{_pct(share)} of all {int(table['words'].sum())} words.")
    parts.append(_describe_gaps(turn_gaps(blocks)))
    return "".join(parts)


def words_per_turn_chart(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> Chart:
    """Bars of words per turn, in order, one colour and hatching per speaker.

    Narration between two turns (from ``blocks``) is a dashed vertical line at its place.
    """
    table = words_per_turn_table(turns)
    names = speakers(turns)
    styles = style.speaker_styles(names)
    fig = style.new_figure()
    ax = fig.add_subplot()
    for name in names:
        part = table[table["speaker"] == name]
        colour, hatch = styles[name]
        ax.bar(part.index, part["words"], color=colour, hatch=hatch, edgecolor=style.EDGE,
               linewidth=0.5, zorder=2)
    gaps = turn_gaps(blocks)
    _draw_gaps(ax, gaps)
    if len(table) <= 40:
        ax.set_xticks(list(table.index))
        ax.tick_params(axis="x", labelsize=8 if len(table) > 20 else 10)
    handles = _speaker_handles(names)
    if not gaps.empty:
        handles.append(ax.get_legend_handles_labels()[0][0])
    ax.legend(handles=handles, frameon=False)
    style.finish_axes(ax, "Words per turn, in the order spoken", "Turn", "Words (spoken)")
    return Chart(fig, describe_words_per_turn(turns, blocks))


# ---------------------------------------------------------------------------------------------
# shares of words and turns


def shares_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: turns and words, and each as a share of the whole (%, one decimal)."""
    by = _by_speaker(turns)
    table = pd.DataFrame({
        "turns": by["turn"].count(),
        "words": by["words"].sum(),
    }).reindex(speakers(turns)).fillna(0).astype("int64")
    _add_shares(table, ("turns", "words"))
    table.index.name = "speaker"
    return table


def _by_speaker(turns: pd.DataFrame):
    """The turns grouped by speaker name (as text, so a category's unused speakers drop out)."""
    return turns.assign(speaker=turns["speaker"].astype(str)).groupby("speaker")


def _add_shares(table: pd.DataFrame, columns) -> None:
    """Add ``share_of_<column>`` (% of the column's total, one decimal; 0.0 when the total is 0)."""
    for column in columns:
        total = table[column].sum()
        table[f"share_of_{column}"] = (100 * table[column] / total).round(1) if total else 0.0


def describe_shares(turns: pd.DataFrame) -> str:
    """A plain-language account of :func:`shares_chart`."""
    table = shares_table(turns)
    said = [f"{r.speaker} has {_pct(r.share_of_words)} of the words ({r.words} of "
            f"{table['words'].sum()}) and {_pct(r.share_of_turns)} of the turns "
            f"({r.turns} of {table['turns'].sum()})"
            for r in table.reset_index().itertuples(index=False)]
    return ("Two stacked bars, one for words and one for turns, each split by speaker. "
            + "; ".join(said) + ".")


def shares_chart(turns: pd.DataFrame) -> Chart:
    """Each speaker's share of the words and of the turns, as two 100% stacked bars."""
    table = shares_table(turns)
    names = list(table.index)
    styles = style.speaker_styles(names)
    fig = style.new_figure(8.0, 2.8)
    ax = fig.add_subplot()
    rows = {"words": "share_of_words", "turns": "share_of_turns"}
    for y, (label, column) in enumerate(rows.items()):
        left = 0.0
        for name in names:
            value = float(table.loc[name, column])
            colour, hatch = styles[name]
            ax.barh(y, value, left=left, color=colour, hatch=hatch, edgecolor=style.EDGE,
                    linewidth=0.5, height=0.6)
            if value >= 8:
                ax.text(left + value / 2, y, f"{name}\n{value:.1f}%", ha="center", va="center",
                        fontsize=9, color="black",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85})
            left += value
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"share of {k}" for k in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.legend(handles=_speaker_handles(names), frameon=False, loc="upper center",
              bbox_to_anchor=(0.5, -0.3), ncol=min(len(names), 5))
    style.finish_axes(ax, "Who held the floor: share of words and of turns",
                      "Percent of the whole", "")
    ax.set_ylabel("Measure")
    return Chart(fig, describe_shares(turns))


# ---------------------------------------------------------------------------------------------
# cumulative words


def cumulative_table(turns: pd.DataFrame) -> pd.DataFrame:
    """After each turn: every speaker's running total of words, and the running total of all."""
    names = speakers(turns)
    table = pd.DataFrame({"turn": turns["turn"].astype(int).to_numpy()})
    spoken = turns["speaker"].astype(str).to_numpy()
    words = turns["words"].astype(int).to_numpy()
    for name in names:
        table[name] = pd.Series([w if s == name else 0 for s, w in zip(spoken, words)]).cumsum()
    table["all"] = pd.Series(words).cumsum()
    return table.set_index("turn")


def describe_cumulative(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> str:
    """A plain-language account of :func:`cumulative_chart`."""
    table = cumulative_table(turns)
    names = speakers(turns)
    parts = [f"Step chart of the running total of words, one line per speaker, across "
             f"{_plural(len(table), 'turn')}."]
    if len(table):
        last = table.iloc[-1]
        parts.append(" By the end " + _join([f"{s} has said {_plural(int(last[s]), 'word')}"
                                              for s in names]) + ".")
        total = int(last["all"])
        if total:
            half = int(table.index[(table["all"] >= total / 2).to_numpy().argmax()])
            parts.append(f" Half of all {total} words have been said by the end of turn {half}.")
    parts.append(_describe_gaps(turn_gaps(blocks)))
    return "".join(parts)


def cumulative_chart(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> Chart:
    """Each speaker's running total of words, turn by turn (a step rises on their turns)."""
    table = cumulative_table(turns)
    names = speakers(turns)
    styles = style.speaker_styles(names)
    lines = ("-", "--", "-.", ":")
    fig = style.new_figure()
    ax = fig.add_subplot()
    x = [table.index[0] - 1, *table.index] if len(table) else []
    for i, name in enumerate(names):
        ax.step(x, [0, *table[name]], where="post", color=styles[name][0],
                linestyle=lines[i % len(lines)], linewidth=2.2, label=name, zorder=3)
    gaps = turn_gaps(blocks)
    for i, gap in enumerate(gaps.itertuples(index=False)):
        ax.axvline(gap.after_turn, color="black", linestyle="--", linewidth=1.0, zorder=1,
                   label="narration between turns" if i == 0 else None)
        ax.text(gap.after_turn, 0.45, f" narration, line {gap.line_start} ", rotation=90,
                ha="right", va="center", fontsize=8, transform=ax.get_xaxis_transform())
    if len(table) <= 40:
        ax.set_xticks(x)
    ax.set_xlim(left=x[0] if x else 0)
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, loc="upper left")
    style.finish_axes(ax, "Running total of words, by speaker", "After turn",
                      "Words said so far")
    return Chart(fig, describe_cumulative(turns, blocks))


# ---------------------------------------------------------------------------------------------
# counting units: words, characters, sentences

UNITS: tuple[str, ...] = ("words", "characters", "sentences")


def units_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: words, characters and sentences, each one's share of the whole (%), and
    two averages (characters per word, words per sentence)."""
    table = _by_speaker(turns)[list(UNITS)].sum().reindex(speakers(turns)).fillna(0).astype("int64")
    _add_shares(table, UNITS)
    table["characters_per_word"] = (table["characters"] / table["words"]).round(1)
    table["words_per_sentence"] = (table["words"] / table["sentences"]).round(1)
    table.index.name = "speaker"
    return table


def describe_units(turns: pd.DataFrame) -> str:
    """A plain-language account of :func:`units_chart`."""
    table = units_table(turns)
    said = [f"{s}: {_pct(r['share_of_words'])} of the words, {_pct(r['share_of_characters'])} "
            f"of the characters and {_pct(r['share_of_sentences'])} of the sentences"
            for s, r in table.iterrows()]
    return ("Grouped bar chart of each speaker's share of the words, the characters and the "
            "sentences. " + "; ".join(said) + ".")


def units_chart(turns: pd.DataFrame) -> Chart:
    """Each speaker's share by three counting units, side by side: does the unit matter?"""
    table = units_table(turns)
    names = list(table.index)
    styles = style.speaker_styles(names)
    fig = style.new_figure()
    ax = fig.add_subplot()
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        values = [float(table.loc[name, f"share_of_{u}"]) for u in UNITS]
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(UNITS))]
        colour, hatch = styles[name]
        bars = ax.bar(xs, values, width=width, color=colour, hatch=hatch, edgecolor=style.EDGE,
                      linewidth=0.5, label=name, zorder=2)
        ax.bar_label(bars, labels=[f"{v:.1f}%" for v in values], fontsize=8, padding=2)
    ax.set_xticks(range(len(UNITS)))
    ax.set_xticklabels(list(UNITS))
    ax.set_ylim(0, 105)
    ax.legend(frameon=False)
    style.finish_axes(ax, "Share of the record by counting unit", "Counting unit",
                      "Percent of the whole")
    return Chart(fig, describe_units(turns))


ARTICLES: frozenset[str] = frozenset({"a", "an", "the"})


def articles_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: words, how many of them are the articles "a", "an", "the", and the rate
    per 100 words. Russian has no articles: in an English record of Russian speech every
    article is the interpreter's or the writer's English.

    A word counts as an article when, lower-cased and stripped of the punctuation around it
    (quotation marks, commas, full stops), it is exactly "a", "an" or "the".
    """
    names = speakers(turns)
    strip = ".,;:!?()[]“”‘’\"'"
    rows = []
    for name in names:
        spoken = " ".join(turns.loc[turns["speaker"].astype(str) == name, "spoken"])
        tokens = [t.strip(strip).lower() for t in spoken.split()]
        words = int(turns.loc[turns["speaker"].astype(str) == name, "words"].sum())
        articles = sum(t in ARTICLES for t in tokens)
        rows.append({"speaker": name, "words": words, "articles": articles,
                     "articles_per_100_words": round(100 * articles / words, 1) if words else 0.0,
                     "words_without_articles": words - articles})
    return pd.DataFrame(rows).set_index("speaker")


# ---------------------------------------------------------------------------------------------
# speaking time

_INTERPRETER = re.compile(r"\b(?:interpret(?:er|ers|ing|ation|ed)?|translat(?:or|ors|ion|ed))\b",
                          re.IGNORECASE)


_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")


def mentions_interpreter(blocks: pd.DataFrame) -> bool:
    """True when the header, the narration or a stage direction names interpreting.

    Stage directions count too: a White House transcript marks interpreted remarks
    "(As interpreted.)" inside the speech. A clue, not proof, that the conversation went
    through consecutive interpretation.
    """
    is_speech = blocks["kind"].astype(str) == "speech"
    told = blocks.loc[~is_speech, "text"]
    if told.str.contains(_INTERPRETER).any():
        return True
    directions = blocks.loc[is_speech, "text"].map(lambda t: " ".join(_BRACKETED.findall(t)))
    return bool(directions.str.contains(_INTERPRETER).any())


def speaking_time_table(turns: pd.DataFrame, words_per_minute: float = 130,
                        low: float = 110, high: float = 150,
                        interpretation_factor: float = 1.0) -> pd.DataFrame:
    """Minutes needed to say the recorded words at three speaking rates (an assumption!).

    ``minutes_speech`` is words / rate; ``minutes_total`` multiplies it by
    ``interpretation_factor`` (2.0 when everything is said twice, once in each language, as in
    consecutive interpretation; 1.0 without interpretation). Rows: ``fast`` (``high`` words a
    minute), ``assumed`` (``words_per_minute``) and ``slow`` (``low``).
    """
    if not (0 < low <= words_per_minute <= high):
        raise ValueError("speaking rates must satisfy 0 < low <= words_per_minute <= high")
    words = int(turns["words"].sum())
    rates = {"fast": high, "assumed": words_per_minute, "slow": low}
    table = pd.DataFrame({
        "words_per_minute": list(rates.values()),
        "words": [words] * 3,
    }, index=pd.Index(list(rates), name="rate"))
    table["minutes_speech"] = (table["words"] / table["words_per_minute"]).round(1)
    table["minutes_total"] = (table["words"] / table["words_per_minute"]
                              * interpretation_factor).round(1)
    return table


def describe_speaking_time(table: pd.DataFrame, duration_minutes: float | None = None,
                           interpretation_factor: float = 1.0) -> str:
    """A plain-language account of :func:`speaking_time_chart`, from its table."""
    mid, fast, slow = table.loc["assumed"], table.loc["fast"], table.loc["slow"]
    words = int(mid["words"])
    parts = [f"Bar chart of the minutes needed to say the {words} recorded words at three "
             f"speaking rates. At the assumed {mid['words_per_minute']:g} words a minute they "
             f"take {mid['minutes_speech']:.1f} minutes (from {fast['minutes_speech']:.1f} at "
             f"{fast['words_per_minute']:g} to {slow['minutes_speech']:.1f} at "
             f"{slow['words_per_minute']:g})."]
    if interpretation_factor != 1:
        parts.append(f" With interpretation (times {interpretation_factor:g}) that becomes "
                     f"{mid['minutes_total']:.1f} minutes (from {fast['minutes_total']:.1f} to "
                     f"{slow['minutes_total']:.1f}).")
    if duration_minutes:
        share = 100 * mid["minutes_total"] / duration_minutes
        parts.append(f" A dashed line marks the stated length of the meeting, "
                     f"{duration_minutes:g} minutes; the estimate at the assumed rate fills "
                     f"{share:.0f}% of it.")
    return "".join(parts)


def speaking_time_chart(turns: pd.DataFrame, words_per_minute: float = 130, low: float = 110,
                        high: float = 150, interpretation_factor: float = 1.0,
                        duration_minutes: float | None = None) -> Chart:
    """Horizontal bars: time to say the record at three rates, plus interpretation if any,
    against the stated length of the meeting (a dashed line) when the record gives one."""
    table = speaking_time_table(turns, words_per_minute, low, high, interpretation_factor)
    fig = style.new_figure(8.0, 3.6)
    ax = fig.add_subplot()
    labels = [f"{r} ({row.words_per_minute:g} words/min)" for r, row in table.iterrows()]
    ys = range(len(table))
    speech = table["words"] / table["words_per_minute"]
    ax.barh(ys, speech, color=style.OKABE_ITO[4], edgecolor=style.EDGE, linewidth=0.5,
            height=0.6, label="speaking the recorded words once", zorder=2)
    if interpretation_factor != 1:
        ax.barh(ys, speech * (interpretation_factor - 1), left=speech, color=style.OKABE_ITO[1],
                hatch="..", edgecolor=style.EDGE, linewidth=0.5, height=0.6,
                label="interpretation (the same again)", zorder=2)
    for y, total in zip(ys, table["minutes_total"]):
        ax.text(total + 0.3, y, f"{total:.1f} min", va="center", fontsize=9)
    if duration_minutes:
        ax.axvline(duration_minutes, color="black", linestyle="--", linewidth=1.4,
                   label=f"stated length: {duration_minutes:g} min", zorder=3)
    right = max(float(table["minutes_total"].max()) + 3, (duration_minutes or 0) + 2)
    ax.set_xlim(0, right)
    ax.set_yticks(list(ys))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2, fontsize=9)
    style.finish_axes(ax, "How long would the recorded words take to say?", "Minutes",
                      "Speaking rate")
    return Chart(fig, describe_speaking_time(table, duration_minutes, interpretation_factor))


# ---------------------------------------------------------------------------------------------
# sentences for notebook 02: each one Markdown, written from the same numbers as the charts


def record_summary(turns: pd.DataFrame) -> str:
    """``This record has **11 turns** by **2 speakers** (Kelly, Stalin): **927 words** ...``."""
    names = speakers(turns)
    return (f"This record has **{_plural(len(turns), 'turn')}** by "
            f"**{_plural(len(names), 'speaker')}** ({', '.join(names)}): "
            f"**{_plural(int(turns['words'].sum()), 'word')}** of recorded speech.")


def longest_turn_note(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> str:
    """The longest turn and its share of the words; then each stretch of narration between two
    turns, quoted, with the number of words it summarises in (counted nowhere else)."""
    table = words_per_turn_table(turns)
    if table.empty:
        return "This record has no turns."
    longest = table["words"].idxmax()
    row = table.loc[longest]
    text = (f"The longest turn, **turn {longest}** ({row['speaker']}), has "
            f"**{_plural(int(row['words']), 'word')}**: {row['share_of_words']}% of all the words "
            f"in the record, in one turn out of {len(table)}.")
    for gap in turn_gaps(blocks).itertuples():
        text += (f"\n\nBetween turns {gap.after_turn} and {gap.before_turn} the record stops "
                 f"quoting and narrates (line {gap.line_start}): *“{gap.text}”* Whatever was said "
                 f"there is summarised in {_plural(gap.words, 'word')} of narration and counted "
                 f"nowhere in this notebook.")
    return text


def turn_length_note(turns: pd.DataFrame) -> str:
    """Who has the largest share of the words, with what share of the turns; then each
    speaker's average words per turn, as a Markdown list."""
    shares = shares_table(turns)
    if shares.empty:
        return "This record has no turns."
    top = shares["words"].idxmax()
    mean = (shares["words"] / shares["turns"]).round(1)
    lines = [f"**{top}** has **{shares.loc[top, 'share_of_words']}%** of the words with "
             f"**{shares.loc[top, 'share_of_turns']}%** of the turns."]
    lines += [f"- {s}: {mean[s]} words per turn on average" for s in shares.index]
    return "\n".join(lines)


def averages_note(turns: pd.DataFrame) -> str:
    """Per speaker, as a Markdown list: words per sentence, characters per word, and the shares
    of words and of sentences (from :func:`units_table`)."""
    units = units_table(turns)
    lines = [f"- **{s}**: {r['words_per_sentence']} words per sentence, {r['characters_per_word']} "
             f"characters per word; {r['share_of_words']}% of the words but "
             f"{r['share_of_sentences']}% of the sentences." for s, r in units.iterrows()]
    return "Averages by speaker:\n\n" + "\n".join(lines)


def articles_note(turns: pd.DataFrame, speaker: str, language: str) -> str:
    """For a speaker whose words are recorded in English translation from ``language`` (a
    language without articles, such as Russian): his articles are the translation's words."""
    row = articles_table(turns).loc[speaker]
    return (f"{speaker} spoke {language}, so the **{int(row['articles'])}** articles among "
            f"{_possessive(speaker)} {int(row['words'])} recorded words are the interpreter's (or "
            f"the note-taker's) English, not words he said: {row['articles_per_100_words']} in "
            f"every 100. Without the {language} we cannot say whether his answers were longer or "
            f"shorter than their English; only that his share of the *English* record is not a "
            f"measure of how much he said in the room.")


def _interpretation(factor: float) -> str:
    return f"with interpretation (times {factor:g})" if factor != 1 else "without interpretation"


def assumptions_note(words_per_minute: float, low: float, high: float,
                     interpretation_factor: float, metadata=None) -> str:
    """The assumptions of the speaking-time test, and the record's own statement of its length
    (with its line) when it makes one."""
    interpreted = interpretation_factor != 1
    text = (f"Assumed speaking rate: **{words_per_minute:g} words a minute** (range {low:g} to "
            f"{high:g}). Interpretation: **{'yes' if interpreted else 'no'}**"
            + (f", so the time is multiplied by {interpretation_factor:g}." if interpreted else "."))
    stated = [f for f in getattr(metadata, "fields", []) if f.name == "duration_minutes"]
    if stated:
        text += (f" The record states its length on line {stated[0].line}: "
                 f"*“{' '.join(stated[0].as_written.split())}”*.")
    else:
        text += " This record does not say how long the meeting lasted, so there is nothing to test."
    return text


def time_test(timing: pd.DataFrame, duration_minutes: float, interpretation_factor: float) -> str:
    """Could the recorded words fill the stated length? From :func:`speaking_time_table`:
    the estimate at the assumed rate, the minutes left, the words the full length would need,
    the rate at which the record alone would fill it, and the slowest rate's verdict."""
    mid, slow = timing.loc["assumed"], timing.loc["slow"]
    words = int(mid["words"])
    rate = float(mid["words_per_minute"])
    left = duration_minutes - mid["minutes_total"]
    needed = duration_minutes / interpretation_factor * rate
    break_even = words * interpretation_factor / duration_minutes
    with_interpretation = ", interpretation included" if interpretation_factor != 1 else ""
    text = (f"At the assumed rate the {words} recorded words take about **{mid['minutes_total']} "
            f"minutes**{with_interpretation}: **{100 * mid['minutes_total'] / duration_minutes:.0f}%** "
            f"of the stated {duration_minutes:g} minutes, ")
    if left >= 0:
        text += f"leaving about **{left:.1f} minutes** that the quotations do not fill."
    else:
        text += f"**{-left:.1f} minutes** more than the stated length."
    text += (f" To fill the whole {duration_minutes:g} minutes at that rate, the record would need "
             f"about **{needed:.0f} words**; it has {words} ({100 * words / needed:.0f}%). Put the "
             f"other way: the record alone would fill the {duration_minutes:g} minutes only if "
             f"everyone spoke at about **{break_even:.0f} words a minute**, pauses included.")
    if slow["minutes_total"] <= duration_minutes:
        text += (f" Even at the slowest rate assumed ({slow['words_per_minute']:g} words a minute) "
                 f"the estimate, {slow['minutes_total']} minutes, stays within the stated length.")
    else:
        text += (f" At the slowest rate assumed ({slow['words_per_minute']:g} words a minute) the "
                 f"estimate, {slow['minutes_total']} minutes, is longer than the stated length.")
    return text


def minutes_at_rate(turns: pd.DataFrame, words_per_minute: float,
                    interpretation_factor: float = 1.0) -> float:
    """Minutes to say the recorded words at one rate, times the interpretation factor, to one
    decimal (as in :func:`speaking_time_table`)."""
    if words_per_minute <= 0:
        raise ValueError("the speaking rate must be more than 0 words a minute")
    return round(int(turns["words"].sum()) / words_per_minute * interpretation_factor, 1)


def rate_sentence(turns: pd.DataFrame, words_per_minute: float,
                  interpretation_factor: float = 1.0, duration_minutes: float | None = None) -> str:
    """One sentence for one speaking rate: the minutes the record takes, and the minutes of the
    stated length left over (or missing). The minutes left are the stated length minus the
    rounded estimate, so the two numbers add up."""
    words = int(turns["words"].sum())
    total = minutes_at_rate(turns, words_per_minute, interpretation_factor)
    text = (f"At **{words_per_minute:g}** words a minute the {_plural(words, 'recorded word')} "
            f"take **{total} minutes** {_interpretation(interpretation_factor)}")
    if not duration_minutes:
        return text + "; this record does not say how long the meeting lasted."
    left = round(duration_minutes - total, 1)
    if left >= 0:
        return text + f", leaving **{left} minutes** of the stated {duration_minutes:g}."
    return text + f": **{-left} minutes** more than the stated {duration_minutes:g}."


def rates_answer(turns: pd.DataFrame, rates: tuple[float, ...], interpretation_factor: float,
                 duration_minutes: float | None) -> str:
    """Model answer to "change the assumption": one line per rate, then whether the
    conclusion (the recorded words leave part of the stated time unfilled) holds at every rate."""
    lines = [f"- {rate_sentence(turns, r, interpretation_factor, duration_minutes)}" for r in rates]
    if not duration_minutes:
        return "\n".join(lines)
    never = all(minutes_at_rate(turns, r, interpretation_factor) < duration_minutes for r in rates)
    return "\n".join(lines) + "\n\n" + (
        "The conclusion stands: at every one of these rates the recorded words leave part of the "
        "stated time unfilled; only the size of the unquoted part changes." if never else
        "At one of these rates the recorded words fill the stated time: the conclusion depends "
        "on the assumed rate.")


def without_turn(turns: pd.DataFrame, turn: int | None) -> pd.DataFrame:
    """The turn table without turn number ``turn``; ``0`` or ``None`` leaves every turn in."""
    if not turn:
        return turns
    return turns[turns["turn"] != turn]


def without_turn_note(turns: pd.DataFrame, turn: int) -> str:
    """Model answer to "does one turn decide the picture?": the shares of words with and without
    one turn, how far its speaker's share moves, and whether the order of speakers changes.

    A speaker whose only turn it is drops out of the shares without it (their share becomes 0).
    """
    row = turns[turns["turn"] == turn].iloc[0]
    who = str(row["speaker"])
    without = shares_table(without_turn(turns, turn))
    full = shares_table(turns)
    head = f"Without turn {turn} ({who}, {_plural(int(row['words']), 'word')}), "
    if without["words"].sum() == 0:
        return head + "no recorded words are left, so there are no shares to compare."
    gone = "" if who in without.index else f" ({who} has no other turn)"
    moved = abs(full.loc[who, "share_of_words"] - without["share_of_words"].get(who, 0.0))
    return (head + "the shares of words become "
            + ", ".join(f"{s} {without.loc[s, 'share_of_words']}%" for s in without.index)
            + " (with it: " + ", ".join(f"{s} {full.loc[s, 'share_of_words']}%" for s in full.index)
            + f"). Leaving out that one turn moves {_possessive(who)} share by {moved:.1f} "
            f"percentage points{gone}; the order of the speakers by words "
            + ("stays the same." if without["words"].idxmax() == full["words"].idxmax()
               else "changes."))


def punctuation_table(turns: pd.DataFrame, mark: str) -> pd.DataFrame:
    """Per speaker: how many times ``mark`` (e.g. ``"?"``) stands in the recorded words, and in
    which turns. Counts the spoken text only: labels, stage directions and narration are out."""
    if not mark:
        raise ValueError("give a mark to count, such as \"?\"")
    counts = turns.assign(speaker=turns["speaker"].astype(str),
                          n=turns["spoken"].str.count(re.escape(mark)))
    rows = []
    for name in speakers(turns):
        mine = counts[counts["speaker"] == name]
        where = mine.loc[mine["n"] > 0, "turn"].astype(int).astype(str).tolist()
        rows.append({"speaker": name, "count": int(mine["n"].sum()),
                     "in_turns": ", ".join(where) or "none"})
    table = pd.DataFrame(rows, columns=["speaker", "count", "in_turns"]).set_index("speaker")
    table.columns = [f"“{mark}” marks", "in_turns"]
    return table


def questions_note(turns: pd.DataFrame, blocks: pd.DataFrame | None = None) -> str:
    """Model answer to "who asks the questions?": question marks per speaker, and whether the
    narration between turns says that more questions were asked than the record quotes."""
    table = punctuation_table(turns, "?")
    counts = table.iloc[:, 0]
    where = sorted({t for cell in table["in_turns"] if cell != "none" for t in cell.split(", ")},
                   key=int)
    text = ("Question marks in the recorded words: "
            + ", ".join(f"{s} {int(n)}" for s, n in counts.items())
            + f" (in turn{'s' if len(where) != 1 else ''} {', '.join(where) or 'none'}).")
    gaps = turn_gaps(blocks)
    if len(gaps) and gaps["text"].str.contains("asked").any():
        text += (" But the narration between turns says that more questions were asked and not "
                 "quoted (the personal questions, and whether he could be \"of service\"): the "
                 "count of the record's question marks misses them.")
    return text


def sentence_length_note(turns: pd.DataFrame) -> str:
    """Model answer to "the unit matters": who uses the shorter sentences, by how much, and
    what that does to the shares of sentences and of words."""
    u = units_table(turns)
    short = u["words_per_sentence"].idxmin()
    long_ = u["words_per_sentence"].idxmax()
    ratio = u.loc[long_, "words_per_sentence"] / u.loc[short, "words_per_sentence"]
    return (f"**{short}** uses the shorter sentences: {u.loc[short, 'words_per_sentence']} words "
            f"per sentence against {u.loc[long_, 'words_per_sentence']} for {long_} "
            f"({ratio:.1f} times as long). Many short sentences give {short} "
            f"{u.loc[short, 'share_of_sentences']}% of the sentences with only "
            f"{u.loc[short, 'share_of_words']}% of the words.")
