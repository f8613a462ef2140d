"""Notebook 02, who held the floor: its sentences, each written from a table of
:mod:`helpers.measures`, never from numbers of its own.

Notebook 02 also runs on other records (``make rerun``): every sentence here works for any
record, and what only the cable warrants (its interpreters, Stalin's Russian, the personal
questions Kelly did not record) is said only when :func:`helpers.course.is_the_cable` is true.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..doubts import doubts_markdown
from ..measures import WITHHELD, numeric, per_speaker, punctuation, speaker_order, speaking_time, without_turn
from ..metadata import Metadata
from ..text import plural, possessive
from ..transcript import Transcript
from .cable import is_the_cable

__all__ = ["USUAL_RATES", "articles_note", "assumptions_note", "averages_note", "doubts_note",
           "longest_turn_note", "questions_note", "rate_note", "rate_sentence", "rates_answer",
           "record_summary", "sentence_length_note", "time_test", "turn_length_note",
           "without_turn_note"]

#: Speaking rates (words a minute) outside which :func:`rate_note` says a rate is far from
#: the usual range of speech: the notebook assumes 110 to 150 for conversation; 200 is already
#: a fast talker. Any rate above 0 still gives a result.
USUAL_RATES: tuple[float, float] = (90.0, 200.0)


def rate_note(words_per_minute: float) -> str:
    """A plain note when a speaking rate is far from the usual range (:data:`USUAL_RATES`), or "".

    >>> rate_note(130)
    ''
    >>> rate_note(60)[:48]
    '60 words a minute is very slow for speech (most '
    """
    low, high = USUAL_RATES
    if words_per_minute < low:
        return (f"{words_per_minute:g} words a minute is very slow for speech (most conversation "
                f"runs somewhere between 110 and 150): the result is possible, but far from the "
                "usual range.")
    if words_per_minute > high:
        return (f"{words_per_minute:g} words a minute is very fast for speech (most conversation "
                f"runs somewhere between 110 and 150, and {high:g} is already a fast talker): the "
                "result is possible, but far from the usual range.")
    return ""


def record_summary(record: Transcript) -> str:
    """``This record has **11 turns** by **2 speakers** (Kelly, Stalin): **927 words** ...``,
    and, for the cable, how its words reached English."""
    turns = record.turns
    names = speaker_order(turns)
    text = (f"This record has **{plural(len(turns), 'turn')}** by "
            f"**{plural(len(names), 'speaker')}** ({', '.join(names)}): "
            f"**{plural(int(turns['words'].sum()), 'word')}** of recorded speech.")
    if is_the_cable(record):
        text += (" Everything was recorded in English by Kelly's side. Stalin spoke Russian, so "
                 "what we count for him is an English rendering: the record notes once, in turn 2, "
                 "what “His translator” said, presumably Stalin's interpreter, whom the cable names "
                 "as Pavlov, so at least some of his words reached English through him. Kelly had "
                 "his own interpreter, Hayward; the record does not say who interpreted what, and "
                 "it gives Kelly's words in his own English.")
    return text


def doubts_note(record: Transcript) -> str:
    """The parser's doubts about the record's speaker labels, as a Markdown note to show above
    the first chart (:func:`helpers.doubts.doubts_markdown`), or ``""`` when it has none, as
    the cable has none: on a rerun, a reader sees each call the counts rest on before them."""
    return doubts_markdown(record)


def longest_turn_note(per_turn: pd.DataFrame, gaps: pd.DataFrame) -> str:
    """The longest turn and its share of the words; then each stretch of narration between two
    turns, quoted, with the number of words it summarises in (counted nowhere else)."""
    if per_turn.empty:
        return "This record has no turns."
    longest = per_turn["words"].idxmax()
    row = per_turn.loc[longest]
    text = (f"The longest turn, **turn {longest}** ({row['speaker']}), has "
            f"**{plural(int(row['words']), 'word')}**: {row['share_of_words']}% of all the words "
            f"in the record, in one turn out of {len(per_turn)}.")
    for gap in gaps.itertuples():
        text += (f"\n\nBetween turns {gap.after_turn} and {gap.before_turn} the record stops "
                 f"quoting and narrates (line {gap.line_start}): *“{gap.text}”* Whatever was said "
                 f"there is summarised in {plural(gap.words, 'word')} of narration and counted "
                 f"nowhere in this notebook.")
    return text


def turn_length_note(speakers: pd.DataFrame) -> str:
    """Who has the largest share of the words, with what share of the turns; then each
    speaker's average words per turn, as a Markdown list (from :func:`helpers.measures.per_speaker`)."""
    if speakers.empty:
        return "This record has no turns."
    top = speakers["words"].idxmax()
    lines = [f"**{top}** has **{speakers.loc[top, 'share_of_words']}%** of the words with "
             f"**{speakers.loc[top, 'share_of_turns']}%** of the turns."]
    lines += [f"- {s}: {m} words per turn on average" if m != WITHHELD else f"- {s}: {WITHHELD}"
              for s, m in speakers["mean_words_per_turn"].items()]
    return "\n".join(lines)


def averages_note(speakers: pd.DataFrame) -> str:
    """Per speaker, as a Markdown list: words per sentence, characters per word, and the shares
    of words and of sentences (from :func:`helpers.measures.per_speaker`)."""
    lines = [f"- **{s}**: {r['words_per_sentence']} words per sentence, {r['characters_per_word']} "
             f"characters per word; {r['share_of_words']}% of the words but "
             f"{r['share_of_sentences']}% of the sentences." if r["words"] else f"- **{s}**: {WITHHELD}."
             for s, r in speakers.iterrows()]
    return "Averages by speaker:\n\n" + "\n".join(lines)


def articles_note(record: Transcript, articles: pd.DataFrame) -> str:
    """For the cable only (else ""): Stalin's articles are the translation's words, since
    Russian has none (from :func:`helpers.measures.articles`)."""
    if not is_the_cable(record):
        return ""
    speaker, language = "Stalin", "Russian"
    row = articles.loc[speaker]
    return (f"{speaker} spoke {language}, so the **{int(row['articles'])}** articles among "
            f"{possessive(speaker)} {int(row['words'])} recorded words are the interpreter's (or "
            f"the note-taker's) English, not words he said: {row['articles_per_100_words']} in "
            f"every 100. Without the {language} we cannot say whether his answers were longer or "
            f"shorter than their English; only that his share of the *English* record is not a "
            f"measure of how much he said in the room.")


def assumptions_note(words_per_minute: float, low: float, high: float,
                     interpretation_factor: float, metadata: Metadata | None = None) -> str:
    """The assumptions of the speaking-time test, and the record's own statement of its length
    (with its line) when it makes one."""
    interpreted = interpretation_factor != 1
    low, high = min(low, high), max(low, high)
    text = (f"Assumed speaking rate: **{words_per_minute:g} words a minute** (range {low:g} to "
            f"{high:g}). Interpretation: **{'yes' if interpreted else 'no'}**"
            + (f", so the time is multiplied by {interpretation_factor:g}." if interpreted else "."))
    if not low <= words_per_minute <= high:
        text += (f" The assumed rate lies outside that range, so the table and the chart below "
                 f"show it beside the range's ends.")
    if note := rate_note(words_per_minute):
        text += f" *Note:* {note}"
    stated = metadata.field("duration_minutes") if metadata is not None else None
    if stated is not None:
        text += (f" The record states its length on line {stated.line}: "
                 f"*“{' '.join(stated.as_written.split())}”*.")
    else:
        text += " This record does not say how long the meeting lasted, so there is nothing to test."
    return text


def time_test(timing: pd.DataFrame, assumed: float, duration_minutes: float,
              interpretation_factor: float) -> str:
    """Could the recorded words fill the stated length? From :func:`helpers.measures.speaking_time`:
    the estimate at the assumed rate, the minutes left, the words the full length would need,
    the rate at which the record alone would fill it, and the slowest rate's verdict."""
    mid, slow = timing.loc[assumed], timing.loc[min(timing.index)]
    words = int(mid["words"])
    left = mid["minutes_left"]
    needed = duration_minutes / interpretation_factor * assumed
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
    slowest = min(timing.index)
    if slow["minutes_total"] <= duration_minutes:
        text += (f" Even at the slowest rate assumed ({slowest:g} words a minute) "
                 f"the estimate, {slow['minutes_total']} minutes, stays within the stated length.")
    else:
        text += (f" At the slowest rate assumed ({slowest:g} words a minute) the "
                 f"estimate, {slow['minutes_total']} minutes, is longer than the stated length.")
    return text


def _interpretation(factor: float) -> str:
    return f"with interpretation (times {factor:g})" if factor != 1 else "without interpretation"


def rate_sentence(words: int, words_per_minute: float, interpretation_factor: float = 1.0,
                  duration_minutes: float | None = None) -> str:
    """One sentence for one speaking rate: the minutes the record takes, and the minutes of the
    stated length left over (or missing), from :func:`helpers.measures.speaking_time`."""
    row = speaking_time(words, [words_per_minute], interpretation_factor,
                        duration_minutes or None).iloc[0]
    text = (f"At **{words_per_minute:g}** words a minute the {plural(words, 'recorded word')} "
            f"take **{row['minutes_total']} minutes** {_interpretation(interpretation_factor)}")
    if not duration_minutes:
        return text + "; this record does not say how long the meeting lasted."
    left = row["minutes_left"]
    if left >= 0:
        return text + f", leaving **{left} minutes** of the stated {duration_minutes:g}."
    return text + f": **{-left} minutes** more than the stated {duration_minutes:g}."


def rates_answer(words: int, rates: Sequence[float], interpretation_factor: float,
                 duration_minutes: float | None) -> str:
    """Model answer to "change the assumption": one line per rate, then whether the
    conclusion (the recorded words leave part of the stated time unfilled) holds at every rate."""
    lines = [f"- {rate_sentence(words, r, interpretation_factor, duration_minutes)}" for r in rates]
    if not duration_minutes:
        return "\n".join(lines)
    timing = speaking_time(words, rates, interpretation_factor, duration_minutes)
    never = bool((timing["minutes_total"] < duration_minutes).all())
    return "\n".join(lines) + "\n\n" + (
        "The conclusion stands: at every one of these rates the recorded words leave part of the "
        "stated time unfilled; only the size of the unquoted part changes." if never else
        "At one of these rates the recorded words fill the stated time: the conclusion depends "
        "on the assumed rate.")


def without_turn_note(turns: pd.DataFrame, turn: int) -> str:
    """Model answer to "does one turn decide the picture?": the shares of words with and without
    one turn, how far its speaker's share moves, and whether the order of speakers changes.

    A speaker whose only turn it is drops out of the shares without it (their share becomes 0).
    """
    row = turns[turns["turn"] == turn].iloc[0]
    who = str(row["speaker"])
    without = per_speaker(without_turn(turns, turn))
    full = per_speaker(turns)
    head = f"Without turn {turn} ({who}, {plural(int(row['words']), 'word')}), "
    if without["words"].sum() == 0:
        return head + "no recorded words are left, so there are no shares to compare."
    gone = "" if who in without.index else f" ({who} has no other turn)"
    moved = abs(full.loc[who, "share_of_words"] - without["share_of_words"].get(who, 0.0))
    return (head + "the shares of words become "
            + ", ".join(f"{s} {without.loc[s, 'share_of_words']}%" for s in without.index)
            + " (with it: " + ", ".join(f"{s} {full.loc[s, 'share_of_words']}%" for s in full.index)
            + f"). Leaving out that one turn moves {possessive(who)} share by {moved:.1f} "
            f"percentage points{gone}; the order of the speakers by words "
            + ("stays the same." if without["words"].idxmax() == full["words"].idxmax()
               else "changes."))


def questions_note(record: Transcript) -> str:
    """Model answer to "who asks the questions?": question marks per speaker (from
    :func:`helpers.measures.punctuation`) and, for the cable, the questions Kelly narrates
    but does not quote."""
    table = punctuation(record.turns, "?")
    counts = table.iloc[:, 0]
    where = sorted({t for cell in table["in_turns"] if cell != "none" for t in cell.split(", ")},
                   key=int)
    text = ("Question marks in the recorded words: "
            + ", ".join(f"{s} {int(n)}" for s, n in counts.items())
            + f" (in turn{'s' if len(where) != 1 else ''} {', '.join(where) or 'none'}).")
    if is_the_cable(record):
        text += (" But the narration between turns says that more questions were asked and not "
                 "quoted (the personal questions, and whether he could be \"of service\"): the "
                 "count of the record's question marks misses them.")
    return text


def sentence_length_note(speakers: pd.DataFrame) -> str:
    """Model answer to "the unit matters": who uses the shorter sentences, by how much, and
    what that does to the shares of sentences and of words (from :func:`helpers.measures.per_speaker`)."""
    per_sentence = numeric(speakers["words_per_sentence"]).dropna()
    if len(per_sentence) < 2:
        return "The record has fewer than two speakers with recorded sentences: nothing to compare."
    short, long_ = per_sentence.idxmin(), per_sentence.idxmax()
    ratio = per_sentence[long_] / per_sentence[short]
    return (f"**{short}** uses the shorter sentences: {per_sentence[short]} words "
            f"per sentence against {per_sentence[long_]} for {long_} "
            f"({ratio:.1f} times as long). Many short sentences give {short} "
            f"{speakers.loc[short, 'share_of_sentences']}% of the sentences with only "
            f"{speakers.loc[short, 'share_of_words']}% of the words.")
