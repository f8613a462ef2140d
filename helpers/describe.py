"""What each chart shows, in plain words: its alt text, written from the table it draws.

Each function takes the same measures table as the chart of the same name in
:mod:`helpers.charts` (and nothing else that holds numbers), so the words and the picture
cannot disagree. A screen reader reads the description; the handouts print it as the chart's
alt text; a notebook shows it under the chart (:func:`helpers.text.what_the_chart_shows`).
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .measures import OTHER_SPEAKERS, speaker_order
from .style import LINE_NAMES, LINE_STYLES, SpeakerStyle, speaker_styles
from .text import join, line_span, opening, pct, plural, possessive

__all__ = ["describe_cumulative", "describe_gaps", "describe_share_per_document", "describe_shares",
           "describe_speaking_time", "describe_topic_turns", "describe_turns_by_topic",
           "describe_turns_per_document", "describe_units", "describe_words_by_topic",
           "describe_words_per_document", "describe_words_per_turn", "rate_label"]


def _bars(names: list[str], styles: Mapping[str, SpeakerStyle] | None) -> str:
    """How each speaker's bars look, pattern first: "Kelly: plain bars (blue); ..."."""
    look = speaker_styles(names, styles)
    return "; ".join(f"{s}: {look[s].bar_words()}" for s in names)

#: A corpus chart names each document in its description up to this many documents.
LIST_DOCUMENTS = 12


def describe_gaps(gaps: pd.DataFrame | None) -> str:
    """The sentence on the dashed lines that mark narration between turns ("" when there is none)."""
    if gaps is None or gaps.empty:
        return ""
    said = [f"between turns {gap.after_turn} and {gap.before_turn} "
            f"({line_span(gap.line_start, gap.line_end)}: “{opening(gap.text)}”)"
            for gap in gaps.itertuples(index=False)]
    return " A dashed line marks narration, not speech, " + join(said) + "."


def _withheld(table: pd.DataFrame) -> str:
    empty = [f"turn {t} ({s})" for t, s in zip(table.index, table["speaker"]) if table.loc[t, "words"] == 0]
    if not empty:
        return ""
    verb = "has" if len(empty) == 1 else "have"
    listed = join(empty)
    return f" {listed[:1].upper()}{listed[1:]} {verb} no recorded words (words withheld), so no bar."


def describe_words_per_turn(per_turn: pd.DataFrame, gaps: pd.DataFrame | None = None,
                            styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.words_per_turn_chart`, from :func:`helpers.measures.per_turn`."""
    table = per_turn
    names = speaker_order(table)
    n = len(table)
    counts = table.groupby(table["speaker"].astype(str))["words"].count()
    per_speaker = join([f"{s} {plural(int(counts.get(s, 0)), 'turn')}" for s in names])
    labelled = ", each labelled with its number of words" if 0 < n <= 20 else ""
    parts = [f"Bar chart of words per turn, {plural(n, 'turn')} in order{labelled} "
             f"({per_speaker}). {_bars(names, styles)}."]
    spoken = table[table["words"] > 0]
    if len(spoken):
        longest = spoken["words"].idxmax()
        shortest = spoken["words"].idxmin()
        row, low = spoken.loc[longest], spoken.loc[shortest]
        if len(spoken) == 1:
            parts.append(f" {possessive(str(row['speaker']))} turn {longest} is the only one with "
                         f"recorded words, {plural(int(row['words']), 'word')}.")
        elif int(row["words"]) == int(low["words"]):  # no longest and shortest to name
            parts.append(f" Every turn with recorded words has {plural(int(row['words']), 'word')}.")
        else:
            parts.append(f" {possessive(str(row['speaker']))} turn {longest} is the longest at "
                         f"{plural(int(row['words']), 'word')}; {possessive(str(low['speaker']))} "
                         f"turn {shortest} is the shortest at {plural(int(low['words']), 'word')}.")
        for s in names:
            mine = spoken[spoken["speaker"].astype(str) == s]
            if len(mine) > 1 and mine["words"].idxmax() != longest:
                parts.append(f" {possessive(s)} longest turn is turn {mine['words'].idxmax()} "
                             f"({plural(int(mine['words'].max()), 'word')}).")
        if n >= 3:
            top = table["words"].nlargest(2)
            share = 100 * top.sum() / table["words"].sum()
            parts.append(f" The two longest turns, {top.index[0]} and {top.index[1]}, hold "
                         f"{pct(share)} of all {int(table['words'].sum())} words.")
    parts.append(_withheld(table))
    parts.append(describe_gaps(gaps))
    return "".join(parts)


def describe_shares(per_speaker: pd.DataFrame,
                    styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.shares_chart`, from :func:`helpers.measures.per_speaker`."""
    table = per_speaker
    said = [f"{speaker} has {pct(r.share_of_words)} of the words ({r.words} of "
            f"{table['words'].sum()}) and {pct(r.share_of_turns)} of the turns "
            f"({r.turns} of {table['turns'].sum()})"
            for speaker, r in zip(table.index, table.itertuples(index=False))]
    return ("Two stacked bars, one for words and one for turns, each split by speaker and "
            f"each part labelled with its speaker and share ({_bars([str(n) for n in table.index], styles)}). "
            + "; ".join(said) + ".")


def describe_cumulative(running: pd.DataFrame, gaps: pd.DataFrame | None = None) -> str:
    """:func:`helpers.charts.cumulative_chart`, from :func:`helpers.measures.running_totals`."""
    names = [c for c in running.columns if c != "all"]
    lines = join([f"{s} {LINE_NAMES[LINE_STYLES[i % len(LINE_STYLES)]]}"
                  for i, s in enumerate(names)])
    parts = [f"Step chart of the running total of words, one line per speaker ({lines}), across "
             f"{plural(len(running), 'turn')}."]
    if len(running):
        last = running.iloc[-1]
        parts.append(" By the end " + join([f"{s} has said {plural(int(last[s]), 'word')}"
                                             for s in names]) + ".")
        total = int(last["all"])
        if total:
            half = int(running.index[(running["all"] >= total / 2).to_numpy().argmax()])
            parts.append(f" Half of all {total} words have been said by the end of turn {half}.")
    parts.append(describe_gaps(gaps))
    return "".join(parts)


def describe_units(per_speaker: pd.DataFrame,
                   styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.units_chart`, from :func:`helpers.measures.per_speaker`."""
    said = [f"{s}: {pct(r['share_of_words'])} of the words, {pct(r['share_of_characters'])} "
            f"of the characters and {pct(r['share_of_sentences'])} of the sentences"
            for s, r in per_speaker.iterrows()]
    return ("Grouped bar chart of each speaker's share of the words, the characters and the "
            f"sentences, each bar labelled with its share ({_bars([str(n) for n in per_speaker.index], styles)}). "
            + "; ".join(said) + ".")


def _count(n: int) -> str:
    return ("one", "two", "three", "four", "five", "six")[n - 1] if 1 <= n <= 6 else str(n)


def rate_label(rate: float, rates: list[float], assumed: float | None) -> str:
    """``"assumed"``, ``"fast"`` (the highest rate) or ``"slow"`` (the lowest), else ``""``."""
    if rate == assumed:
        return "assumed"
    if len(rates) > 1 and rate == max(rates):
        return "fast"
    if len(rates) > 1 and rate == min(rates):
        return "slow"
    return ""


def describe_speaking_time(timing: pd.DataFrame, assumed: float | None = None,
                           interpretation_factor: float = 1.0,
                           duration_minutes: float | None = None) -> str:
    """:func:`helpers.charts.speaking_time_chart`, from :func:`helpers.measures.speaking_time`.

    ``assumed`` is the rate the estimate rests on (default: the middle row).
    """
    rates = list(timing.index)
    if assumed is None:
        assumed = rates[len(rates) // 2]
    if assumed not in rates:
        raise ValueError(f"the assumed rate {assumed:g} is not a row of the table")
    mid = timing.loc[assumed]
    fast, slow = timing.loc[max(rates)], timing.loc[min(rates)]
    words = int(mid["words"])
    spread = len(rates) > 1
    parts = [f"Bar chart of the minutes needed to say the {words} recorded words at "
             f"{_count(len(rates))} speaking {'rate' if len(rates) == 1 else 'rates'}, one bar each, "
             "labelled with its minutes: plain blue for saying the words once"
             + (", dotted sky-blue for the interpretation added to it" if interpretation_factor != 1 else "")
             + f". At the assumed {assumed:g} words a minute "
             f"they take {mid['minutes_speech']:.1f} minutes"
             + (f" (from {fast['minutes_speech']:.1f} at {max(rates):g} to "
                f"{slow['minutes_speech']:.1f} at {min(rates):g})." if spread else ".")]
    if interpretation_factor != 1:
        parts.append(f" With interpretation (times {interpretation_factor:g}) that becomes "
                     f"{mid['minutes_total']:.1f} minutes"
                     + (f" (from {fast['minutes_total']:.1f} to {slow['minutes_total']:.1f})."
                        if spread else "."))
    if duration_minutes:
        share = 100 * mid["minutes_total"] / duration_minutes
        parts.append(f" A dashed line marks the stated length of the meeting, "
                     f"{duration_minutes:g} minutes; the estimate at the assumed rate fills "
                     f"{share:.0f}% of it.")
    return "".join(parts)


def describe_topic_turns(grid: pd.DataFrame,
                         styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.topic_turn_chart`, from :func:`helpers.annotations.topic_grid`."""
    live = grid[grid["live"]]
    topics = list(dict.fromkeys(grid["topic"]))
    labels = dict(zip(grid["topic"], grid["label"]))
    turns = list(dict.fromkeys(grid["turn"]))
    names = speaker_order(grid)
    marks = speaker_styles(names, styles)
    lines = [
        f"Dot chart of {len(topics)} topics (rows) against {len(turns)} turns (columns), from "
        "the kit's hand-made topic notes. A mark means a note ties the topic to that turn; "
        + "; ".join(f"{s}'s turns are {marks[s].words()}" for s in names)
        + ". A black ring marks the turn that opens each topic."
    ]
    opens = grid[grid["opens"]]
    raised = []
    for speaker in names:
        mine = opens[opens["speaker"].astype(str) == speaker]
        sentence = f"{speaker} opens {len(mine)} of the {len(topics)}"
        if 0 < len(mine) <= 3:
            sentence += " (" + join([f"{labels[t]} in turn {n}"
                                     for t, n in zip(mine["topic"], mine["turn"])]) + ")"
        raised.append(sentence)
    lines.append(join(raised) + ".")
    for row in opens.itertuples(index=False):
        in_turns = list(live.loc[live["topic"] == row.topic, "turn"])
        lines.append(f"{labels[row.topic]}: opened by {row.speaker} in turn {row.turn}, "
                     f"live in {'turn' if len(in_turns) == 1 else 'turns'} {join(in_turns)}.")
    busiest = live.groupby("turn").size()
    if len(busiest):
        top = busiest[busiest == busiest.max()].index.tolist()
        lines.append(f"The most topics in one turn: {busiest.max()}, in "
                     f"{'turn' if len(top) == 1 else 'turns'} {join(top)}.")
    return "\n".join(lines)


def describe_turns_by_topic(table: pd.DataFrame, topics: pd.DataFrame,
                            styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.turns_by_topic_chart`, from :func:`helpers.annotations.turns_by_topic`."""
    labels = dict(zip(topics["topic"], topics["label"]))
    speakers = [str(s) for s in table.columns]
    lines = [
        f"Horizontal bar chart of {len(table)} topics, with one bar per speaker, labelled with "
        f"its count: in how many turns the speaker spoke while the topic was live "
        f"({_bars(speakers, styles)}). Each turn counts once, however long."
    ]
    for speaker in table.columns:
        column = table[speaker]
        most = join([labels.get(t, t) for t in column.index[column == column.max()]])
        lines.append(f"{speaker}'s longest bar: {most} ({plural(int(column.max()), 'turn')}).")
    for topic, row in table.iterrows():
        lines.append(f"{labels.get(topic, topic)}: " + ", ".join(
            f"{s} {plural(int(row[s]), 'turn')}" for s in table.columns) + ".")
    return "\n".join(lines)


def describe_words_by_topic(table: pd.DataFrame, topics: pd.DataFrame) -> str:
    """:func:`helpers.charts.words_by_topic_chart`, from :func:`helpers.annotations.words_by_topic`."""
    labels = dict(zip(topics["topic"], topics["label"]))
    speakers = [str(s) for s in table.columns]
    lines = [
        f"Horizontal bar chart of {len(table)} topics, with one bar per speaker "
        f"({join(speakers)}) giving the words spoken in the turns where the topic is live. "
        "A turn's words count for every topic in it, so the bars overlap."
    ]
    for speaker in table.columns:
        column = table[speaker]
        longest = join([labels[t] for t in column.index[column == column.max()]])
        shortest = join([labels[t] for t in column.index[column == column.min()]])
        lines.append(f"{speaker}'s longest bar: {longest} ({plural(column.max(), 'word')}); "
                     f"shortest: {shortest} ({plural(column.min(), 'word')}).")
    for topic, row in table.iterrows():
        lines.append(f"{labels[topic]}: " + ", ".join(f"{s} {plural(row[s], 'word')}"
                                                      for s in table.columns) + ".")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# A corpus: many documents compared
def _in_order(n: int) -> str:
    return f"{plural(n, 'document')}, one {'bar' if n == 1 else 'bar each'}, in order of file name"


def describe_words_per_document(words: pd.DataFrame) -> str:
    """:func:`helpers.charts.words_per_document_chart`, from :func:`helpers.measures.document_words`."""
    n = len(words)
    names = [str(c) for c in words.columns]
    speakers = [c for c in names if c != OTHER_SPEAKERS]
    totals = words.sum(axis=1)
    shown = speakers + ([f"{OTHER_SPEAKERS} together"] if OTHER_SPEAKERS in names else [])
    lines = [f"Stacked bar chart of the words of {_in_order(n)}, split by speaker "
             f"({join(shown)}): {plural(int(totals.sum()), 'word')} in all."]
    if n > 1:
        longest, shortest = totals.idxmax(), totals.idxmin()
        if totals[longest] == totals[shortest]:
            lines.append(f"Every document has {plural(int(totals[longest]), 'word')}.")
        else:
            lines.append(f"The longest document is {longest} ({plural(int(totals[longest]), 'word')}); "
                         f"the shortest is {shortest} ({plural(int(totals[shortest]), 'word')}).")
    for name in names:
        column = words[name]
        present = int((column > 0).sum())
        lines.append(f"{name[:1].upper() + name[1:]}: {plural(int(column.sum()), 'word')}, in "
                     f"{present} of the {plural(n, 'document')}.")
    if n <= LIST_DOCUMENTS:
        for document, row in words.iterrows():
            said = [f"{name} {int(row[name])}" for name in names if row[name] > 0]
            lines.append(f"{document}: {plural(int(row.sum()), 'word')}"
                         + (f" ({', '.join(said)})." if said else "."))
    return "\n".join(lines)


def describe_share_per_document(speakers: pd.DataFrame, drawn: list[str],
                                styles: Mapping[str, SpeakerStyle] | None = None) -> str:
    """:func:`helpers.charts.share_per_document_chart`, from
    :func:`helpers.measures.speakers_by_document`; ``drawn`` are the speakers the chart marks
    (:func:`helpers.measures.leading_speakers`)."""
    documents = list(dict.fromkeys(speakers["document"].astype(str)))
    n = len(documents)
    marks = speaker_styles(drawn, styles)
    names = speakers["speaker"].astype(str)
    lines = [f"Dot chart of each speaker's share of the words in each of {plural(n, 'document')} "
             f"(in order of file name), for the {plural(len(drawn), 'speaker')} with the most "
             "words in the corpus: "
             + "; ".join(f"{s} as {marks[s].words()}" for s in drawn) + "."]
    others = sorted(set(names) - set(drawn))
    if others:
        lines[0] += (f" The other {plural(len(others), 'speaker')} "
                     f"{'is' if len(others) == 1 else 'are'} not marked.")
    lines[0] += " A dotted line marks half of a document's words."
    for s in drawn:
        mine = speakers[names == s]
        shares = mine["share_of_words"].astype(float)
        high, low = mine.loc[shares.idxmax()], mine.loc[shares.idxmin()]
        if len(mine) == 1:
            lines.append(f"{s} speaks in 1 document, {high['document']}, with "
                         f"{pct(high['share_of_words'])} of its words.")
        elif shares.max() == shares.min():
            lines.append(f"{s} speaks in {len(mine)} of the {plural(n, 'document')}, with "
                         f"{pct(high['share_of_words'])} of the words in each.")
        else:
            lines.append(f"{s} speaks in {len(mine)} of the {plural(n, 'document')}, with from "
                         f"{pct(low['share_of_words'])} of the words ({low['document']}) to "
                         f"{pct(high['share_of_words'])} ({high['document']}).")
    return "\n".join(lines)


def describe_turns_per_document(documents: pd.DataFrame) -> str:
    """:func:`helpers.charts.turns_per_document_chart`, from the documents table of a corpus
    (``helpers.corpus.Corpus.documents``: its ``turns`` column, indexed by document)."""
    turns = documents["turns"].astype(int)
    n = len(turns)
    lines = [f"Bar chart of the turns of {_in_order(n)}: {plural(int(turns.sum()), 'turn')} in all."]
    if n > 1 and turns.max() == turns.min():
        lines.append(f"Every document has {plural(int(turns.max()), 'turn')}.")
    elif n > 1:
        most, fewest = turns.idxmax(), turns.idxmin()
        lines.append(f"The most turns: {most} ({plural(int(turns[most]), 'turn')}); the fewest: "
                     f"{fewest} ({plural(int(turns[fewest]), 'turn')}).")
    if n <= LIST_DOCUMENTS:
        lines += [f"{d}: {plural(int(t), 'turn')}." for d, t in turns.items()]
    return "\n".join(lines)
