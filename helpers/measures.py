"""Every number the kit shows, computed once, as a table.

Charts, their descriptions and the notebooks' sentences are all written from these tables, so a
figure said in words is the figure drawn. Counts follow :mod:`helpers.counting` (words,
characters and sentences of the *spoken* text).

- :func:`per_turn`: one row per turn: speaker, words, running total, share of all words.
- :func:`per_speaker`: one row per speaker: turns, words, characters, sentences, each one's share
  of the whole, and the means (words per turn, characters per word, words per sentence).
- :func:`speakers_by_document` and :func:`per_document`: the same for a corpus, a turn table
  with a ``document`` column: per document and speaker (each share of its own document), and
  per document; :func:`leading_speakers` and :func:`document_words` for the corpus's charts.
- :func:`running_totals`: after each turn, each speaker's running total of words.
- :func:`narration` and :func:`gaps`: the narration blocks, and those that fall between two turns.
- :func:`articles`, :func:`punctuation`: the articles and a punctuation mark, per speaker.
- :func:`speaking_time`: the one speaking-time model (see there).
- :func:`without_turn`, :func:`speaker_order`, :func:`mentions_interpreter`.

**Rounding.** Shares (percent) and means are rounded to one decimal place, each from the
unrounded counts. **Withheld words.** A turn whose speech is only an editorial note
(``[3½ lines not declassified]``) has 0 words; where a mean would divide by a speaker's 0 words
the cell reads :data:`WITHHELD` ("words withheld"), never NaN.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from .counting import count_words

__all__ = [
    "ARTICLES", "SHARE_COLUMNS", "SUMMARY_COLUMNS", "UNITS", "UNIT_COLUMNS", "WITHHELD",
    "OTHER_SPEAKERS", "articles", "document_words", "gaps", "leading_speakers",
    "mentions_interpreter", "narration", "numeric", "per_document", "per_speaker", "per_turn", "punctuation", "running_totals", "speaker_order",
    "speakers_by_document", "speaking_time", "without_turn",
]

#: What a cell says where a mean would divide by a speaker's 0 recorded words.
WITHHELD = "words withheld"
#: The counting units of :func:`per_speaker`.
UNITS: tuple[str, ...] = ("words", "characters", "sentences")
#: Columns of :func:`per_speaker` for "who held the floor": turns and words, and their shares.
SHARE_COLUMNS: list[str] = ["turns", "words", "share_of_turns", "share_of_words"]
#: Columns of :func:`per_speaker` that compare the counting units.
UNIT_COLUMNS: list[str] = ["words", "characters", "sentences", "share_of_words",
                           "share_of_characters", "share_of_sentences", "characters_per_word",
                           "words_per_sentence"]
#: Columns of :func:`per_speaker` that ``python -m helpers summary`` prints.
SUMMARY_COLUMNS: list[str] = ["turns", "words", "share_of_turns", "share_of_words",
                              "mean_words_per_turn"]
#: The English articles (see :func:`articles`).
ARTICLES: frozenset[str] = frozenset({"a", "an", "the"})


def speaker_order(turns: pd.DataFrame) -> list[str]:
    """The speakers who have turns, in the order of the ``speaker`` category (first to speak first)."""
    column = turns["speaker"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        present = set(column.astype(str))
        return [str(s) for s in column.cat.categories if str(s) in present]
    return list(dict.fromkeys(column.astype(str)))


def _share(part: pd.Series, total: pd.Series | None = None) -> pd.Series:
    """Each value's share of ``total`` (%, one decimal): of the column's sum, or, for a corpus,
    of a total per row (its document's); 0.0 where the total is 0."""
    if total is None:
        whole = part.sum()
        if not whole:
            return pd.Series(0.0, index=part.index)
        return (100 * part / whole).round(1)
    share = (100 * part / total).round(1)
    return share.where(total != 0, 0.0)


def _mean(numerator: pd.Series, words: pd.Series, denominator: pd.Series) -> pd.Series:
    """``numerator / denominator`` to one decimal; :data:`WITHHELD` where ``words`` is 0."""
    values = [WITHHELD if w == 0 or d == 0 else round(n / d, 1)
              for n, w, d in zip(numerator, words, denominator)]
    if WITHHELD in values:
        return pd.Series(values, index=numerator.index, dtype=object)
    return pd.Series(values, index=numerator.index, dtype="float64")


def numeric(column: pd.Series) -> pd.Series:
    """A column of means as numbers, with :data:`WITHHELD` cells as missing (for min, max, sort)."""
    return pd.to_numeric(column.where(column != WITHHELD), errors="coerce")


def per_turn(turns: pd.DataFrame) -> pd.DataFrame:
    """One row per turn (indexed by ``turn``): speaker (a category, in the order of
    :func:`speaker_order`), words, running total of words, and its share of all words (%)."""
    table = pd.DataFrame({
        "turn": turns["turn"].astype(int).to_numpy(),
        "speaker": pd.Categorical(turns["speaker"].astype(str).to_numpy(), categories=speaker_order(turns)),
        "words": turns["words"].astype(int).to_numpy(),
    })
    table["cumulative_words"] = table["words"].cumsum()
    table["share_of_words"] = _share(table["words"])
    return table.set_index("turn")


def per_speaker(turns: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker, in order of first speaking: turns, words, characters and sentences
    (those the turn table has), each one's share of the whole (%), and the means
    ``mean_words_per_turn``, ``characters_per_word`` and ``words_per_sentence``.

    Two labels the speaker file does not join stay two speakers (the ``speaker`` column is read
    as it stands).
    """
    names = speaker_order(turns)
    units = [u for u in UNITS if u in turns.columns]
    by = turns.assign(speaker=turns["speaker"].astype(str)).groupby("speaker", sort=False)
    table = pd.DataFrame({"turns": by["turn"].count()})
    for unit in units:
        table[unit] = by[unit].sum()
    table = table.reindex(names).fillna(0).astype("int64")
    for column in ["turns", *units]:
        table[f"share_of_{column}"] = _share(table[column])
    _add_means(table, units)
    table.index.name = "speaker"
    return table


def _mean_columns(units: Sequence[str]) -> list[str]:
    """The ratio columns of a per-speaker table counted in ``units``, in order."""
    return ["mean_words_per_turn"] + (["characters_per_word"] if "characters" in units else []) \
        + (["words_per_sentence"] if "sentences" in units else [])


def _add_means(table: pd.DataFrame, units: Sequence[str]) -> None:
    """Add :func:`_mean_columns` to a table of turns and unit totals (per speaker, or per
    document and speaker): words per turn, characters per word, words per sentence."""
    words = table["words"]
    table["mean_words_per_turn"] = _mean(words, words, table["turns"])
    if "characters" in units:
        table["characters_per_word"] = _mean(table["characters"], words, words)
    if "sentences" in units:
        table["words_per_sentence"] = _mean(words, words, table["sentences"])


def speakers_by_document(turns: pd.DataFrame) -> pd.DataFrame:
    """:func:`per_speaker` for every document of a corpus at once: one row per document and
    speaker (columns ``document``, ``speaker``, then those of :func:`per_speaker`), documents in
    the order of the table, each document's speakers in order of first speaking, and every share
    a share of its own document. The rows of one document are what :func:`per_speaker` gives for
    that document's turns alone (a test checks it), computed in one pass, so a corpus of a
    thousand records costs no more than one long record.

    ``turns`` is a turn table with a ``document`` column (``helpers.corpus``).
    """
    columns = ["document", "speaker", "turns", *[u for u in UNITS if u in turns.columns]]
    units = columns[3:]
    if turns.empty:
        shares = [f"share_of_{c}" for c in ["turns", *units]]
        return pd.DataFrame(columns=[*columns, *shares, *_mean_columns(units)])
    frame = pd.DataFrame({"document": turns["document"].astype(str).to_numpy(),
                          "speaker": turns["speaker"].astype(str).to_numpy(),
                          "turn": turns["turn"].to_numpy(),
                          **{u: turns[u].to_numpy() for u in units}})
    by = frame.groupby(["document", "speaker"], sort=False)
    table = pd.DataFrame({"turns": by["turn"].count()})
    for unit in units:
        table[unit] = by[unit].sum()
    table = table.astype("int64")
    documents = table.groupby(level="document", sort=False)
    for column in ["turns", *units]:
        table[f"share_of_{column}"] = _share(table[column], documents[column].transform("sum"))
    _add_means(table, units)
    return table.reset_index()


def per_document(turns: pd.DataFrame, documents: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per document of a corpus (indexed by ``document``): its turns, speakers (how many
    speak), words, characters and sentences (those the turn table has). ``documents`` gives the documents and their
    order (a document with no turns has a row of zeros); else those of the table, in its order.
    """
    units = [u for u in UNITS if u in turns.columns]
    names = list(documents) if documents is not None else list(dict.fromkeys(turns["document"].astype(str)))
    frame = pd.DataFrame({"document": turns["document"].astype(str).to_numpy(),
                          "speaker": turns["speaker"].astype(str).to_numpy(),
                          "turn": turns["turn"].to_numpy(),
                          **{u: turns[u].to_numpy() for u in units}})
    by = frame.groupby("document", sort=False)
    table = pd.DataFrame({"turns": by["turn"].count(), "speakers": by["speaker"].nunique()})
    for unit in units:
        table[unit] = by[unit].sum()
    return table.reindex(pd.Index(names, name="document")).fillna(0).astype("int64")


#: The column of :func:`document_words` that holds the words of every speaker not drawn apart.
OTHER_SPEAKERS = "other speakers"


def leading_speakers(speakers: pd.DataFrame, top: int = 5) -> list[str]:
    """The ``top`` speakers with the most words in the whole corpus, most first (a tie in the
    order the speakers first appear), from :func:`speakers_by_document`'s table."""
    totals = speakers.groupby("speaker", sort=False)["words"].sum()
    return totals.sort_values(ascending=False, kind="stable").index.astype(str).tolist()[:top]


def document_words(speakers: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Words per document (rows, in the order of :func:`speakers_by_document`'s table) by
    speaker (columns): each of the :func:`leading_speakers` a column, most words first, then
    :data:`OTHER_SPEAKERS`, the words of all the others together (only when there are others)."""
    kept = leading_speakers(speakers, top)
    names = speakers["speaker"].astype(str)
    others = names.nunique() > len(kept)
    group = names.where(names.isin(kept), OTHER_SPEAKERS)
    documents = list(dict.fromkeys(speakers["document"].astype(str)))
    columns = kept + ([OTHER_SPEAKERS] if others else [])
    if speakers.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="document"), dtype="int64")
    table = (pd.DataFrame({"document": speakers["document"].astype(str).to_numpy(),
                           "group": group.to_numpy(), "words": speakers["words"].to_numpy()})
             .groupby(["document", "group"], sort=False)["words"].sum().unstack(fill_value=0))
    table = table.reindex(index=documents, columns=columns, fill_value=0).astype("int64")
    table.index.name = "document"
    table.columns.name = None
    return table


def running_totals(turns: pd.DataFrame) -> pd.DataFrame:
    """After each turn (indexed by ``turn``): every speaker's running total of words, and ``all``."""
    table = pd.DataFrame({"turn": turns["turn"].astype(int).to_numpy()})
    spoken = turns["speaker"].astype(str).to_numpy()
    words = turns["words"].astype(int).to_numpy()
    for name in speaker_order(turns):
        table[name] = pd.Series([w if s == name else 0 for s, w in zip(spoken, words)],
                                dtype="int64").cumsum()
    table["all"] = pd.Series(words, dtype="int64").cumsum()
    return table.set_index("turn")


#: The columns of :func:`narration` and :func:`gaps`.
NARRATION_COLUMNS = ["after_turn", "before_turn", "line_start", "line_end", "words", "text"]


def narration(blocks: pd.DataFrame) -> pd.DataFrame:
    """The narration blocks with the turns they fall between (``after_turn``, ``before_turn``).

    ``after_turn`` is ``<NA>`` for narration before the first turn, ``before_turn`` for
    narration after the last: those are the writer's introduction and closing remarks.
    ``words`` follows the kit's counting rule (:func:`helpers.counting.count_words`);
    ``text`` is the block with its white space folded.
    """
    rows = []
    last_turn = None
    for i, block in enumerate(blocks.itertuples(index=False)):
        if block.kind == "speech":
            last_turn = int(block.turn)
        elif block.kind == "narration":
            following = blocks.iloc[i + 1:]
            nxt = following.loc[following["kind"] == "speech", "turn"]
            rows.append({
                "after_turn": last_turn,
                "before_turn": int(nxt.iloc[0]) if len(nxt) else None,
                "line_start": int(block.line_start),
                "line_end": int(block.line_end),
                "words": count_words(block.text),
                "text": " ".join(block.text.split()),
            })
    table = pd.DataFrame(rows, columns=NARRATION_COLUMNS)
    return table.astype({"after_turn": "Int64", "before_turn": "Int64", "line_start": "int64",
                         "line_end": "int64", "words": "int64"})


def gaps(blocks: pd.DataFrame | None) -> pd.DataFrame:
    """The narration blocks that fall between two turns (not before the first or after the
    last), columns as :func:`narration`; empty when ``blocks`` is ``None``."""
    if blocks is None:
        return narration(pd.DataFrame(columns=["kind", "turn", "text", "line_start", "line_end"]))
    table = narration(blocks)
    return table.dropna(subset=["after_turn", "before_turn"]).reset_index(drop=True)


def articles(turns: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: words, how many of them are the articles "a", "an", "the", the rate per 100
    words, and the words without them. Russian has no articles: in an English record of Russian
    speech every article is the interpreter's or the writer's English.

    A word counts as an article when, lower-cased and stripped of the punctuation around it
    (quotation marks, commas, full stops), it is exactly "a", "an" or "the". A speaker whose
    words are all withheld has :data:`WITHHELD` as the rate.
    """
    strip = ".,;:!?()[]“”‘’\"'"
    rows = []
    for name in speaker_order(turns):
        mine = turns[turns["speaker"].astype(str) == name]
        tokens = [t.strip(strip).lower() for t in " ".join(mine["spoken"]).split()]
        words = int(mine["words"].sum())
        found = sum(t in ARTICLES for t in tokens)
        rows.append({"speaker": name, "words": words, "articles": found,
                     "articles_per_100_words": round(100 * found / words, 1) if words else WITHHELD,
                     "words_without_articles": words - found})
    table = pd.DataFrame(rows, columns=["speaker", "words", "articles", "articles_per_100_words",
                                        "words_without_articles"]).set_index("speaker")
    if WITHHELD not in set(table["articles_per_100_words"]):
        table["articles_per_100_words"] = table["articles_per_100_words"].astype("float64")
    return table


def punctuation(turns: pd.DataFrame, mark: str) -> pd.DataFrame:
    """Per speaker: how many times ``mark`` (e.g. ``"?"``) stands in the recorded words, and in
    which turns. Counts the spoken text only: labels, stage directions and narration are out."""
    if not mark:
        raise ValueError("give a mark to count, such as \"?\"")
    counts = turns.assign(speaker=turns["speaker"].astype(str),
                          n=turns["spoken"].str.count(re.escape(mark)))
    rows = []
    for name in speaker_order(turns):
        mine = counts[counts["speaker"] == name]
        where = mine.loc[mine["n"] > 0, "turn"].astype(int).astype(str).tolist()
        rows.append({"speaker": name, "count": int(mine["n"].sum()),
                     "in_turns": ", ".join(where) or "none"})
    table = pd.DataFrame(rows, columns=["speaker", "count", "in_turns"]).set_index("speaker")
    table.columns = pd.Index([f"“{mark}” marks", "in_turns"])
    return table


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


def speaking_time(words: int | pd.DataFrame, rates: Sequence[float],
                  interpretation_factor: float = 1.0,
                  duration_minutes: float | None = None) -> pd.DataFrame:
    """The speaking-time model: how long the recorded words take to say, at given rates.

    ``words`` is a count, or a turn table whose words are added up. One row per rate (words a
    minute, an *assumption*; repeated rates once), in the order given:

    - ``minutes_speech``: words / rate, the words said once;
    - ``minutes_total``: that times ``interpretation_factor`` (2 when everything is said twice,
      once in each language, as in consecutive interpretation; 1 without interpretation);
    - ``minutes_left``: only when the record states its length, ``duration_minutes`` minus
      ``minutes_total`` (negative: the words do not fit).

    **One rounding rule**: each number is rounded to one decimal place with Python's
    ``round``, and ``minutes_left`` is taken from the *rounded* total, so that the two numbers
    shown always add up to the stated length (12.4 + 12.6 = 25).

    >>> speaking_time(927, [150], 2, 25).loc[150].tolist()
    [927.0, 6.2, 12.4, 12.6]
    """
    total = int(words["words"].sum()) if isinstance(words, pd.DataFrame) else int(words)
    if total < 0:
        raise ValueError("the number of words cannot be negative")
    if not rates or any(r <= 0 for r in rates):
        raise ValueError("the speaking rate must be more than 0 words a minute")
    if interpretation_factor <= 0:
        raise ValueError("the interpretation factor must be more than 0")
    if duration_minutes is not None and duration_minutes <= 0:
        raise ValueError("the stated length must be more than 0 minutes")
    unique = list(dict.fromkeys(rates))
    rows = []
    for rate in unique:
        spoken = round(total / rate, 1)
        with_interpretation = round(total / rate * interpretation_factor, 1)
        row: dict[str, float] = {"words": total, "minutes_speech": spoken,
                                 "minutes_total": with_interpretation}
        if duration_minutes is not None:
            row["minutes_left"] = round(duration_minutes - with_interpretation, 1)
        rows.append(row)
    table = pd.DataFrame(rows, index=pd.Index(unique, name="words_per_minute"))
    return table.astype({"words": "int64"})


def without_turn(turns: pd.DataFrame, turn: int | None) -> pd.DataFrame:
    """The turn table without turn number ``turn``; ``0`` or ``None`` leaves every turn in."""
    if not turn:
        return turns
    return turns[turns["turn"] != turn]
