"""Notebook 03, topics: the kit's notes on the cable, the naive tagger's keywords, and the
notebook's sentences about a search."""
from __future__ import annotations

import pandas as pd

from ..annotations import load_annotations, load_glossary, load_topics
from ..concordance import kwic
from ..display import turn_heading
from . import paths

__all__ = ["COLUMN_WORDS", "KEYWORDS", "glossary", "matches_sentence", "notes", "topics",
           "turn_for_copying"]

#: The naive tagger's keywords: for each topic of ``data/topics.csv``, words that "signal" it.
#: Deliberately simple, to show what counting words can and cannot see.
KEYWORDS: dict[str, list[str]] = {
    "coexistence": ["co-exist", "side by side", "suspicion*"],
    "no_aggression": ["aggression", "attack*", "self-defense"],
    "reconstruction_trade": ["reconstruction", "devastation", "houses", "trade"],
    "germany_paris": ["German*", "Paris", "conference*"],
    "atlantic_pact": ["pact", "North Atlantic"],
    "soviet_treaties": ["alliances", "pacts", "neighbo*"],
    "american_forces": ["America*", "United States", "forces"],
    "diplomatic_access": ["Ministry", "Embassy", "assistance", "exchange* of views"],
    "atmosphere": ["respects", "laugh*", "pause"],
}

#: What each column of the turns table holds, in words, for sentences about a search.
COLUMN_WORDS: dict[str, str] = {
    "spoken": "the spoken words (column spoken)",
    "text": "the full text of the turns, stage directions included (column text)",
}


def topics() -> pd.DataFrame:
    """The kit's topic list for the cable (``data/topics.csv``)."""
    return load_topics(paths.TOPICS)


def notes() -> pd.DataFrame:
    """The kit's topic notes on the cable (``data/annotations.csv``)."""
    return load_annotations(paths.ANNOTATIONS)


def glossary() -> pd.DataFrame:
    """The kit's glossary (``data/glossary.csv``)."""
    return load_glossary(paths.GLOSSARY)


def matches_sentence(turns: pd.DataFrame, word: str, column: str = "spoken") -> str:
    """One sentence on how often ``word`` matches in ``column``, and in which turns.

    ``"laughing" in the spoken words (column spoken): no match.`` An empty concordance is
    easy to misread as a mistake; this says plainly that nothing was found.
    """
    hits = kwic(turns, word, column=column)
    where = COLUMN_WORDS.get(column, f"the `{column}` column")
    if hits.empty:
        return f'"{word}" in {where}: no match.'
    found = list(dict.fromkeys(int(t) for t in hits["turn"]))
    count = "1 match" if len(hits) == 1 else f"{len(hits)} matches"
    in_turns = ("turn " if len(found) == 1 else "turns ") + ", ".join(map(str, found))
    return f'"{word}" in {where}: {count}, in {in_turns}.'


def turn_for_copying(turns: pd.DataFrame, n: int) -> str:
    """Turn ``n`` as plain text to print and copy from: a heading line, then the turn as written.

    The text is the turn's ``text`` column, exactly as the cable has it (label, quotation
    marks, stage directions and slips), so a phrase copied from it is a valid anchor.
    """
    row = turns[turns["turn"] == n]
    heading = turn_heading(turns, n)  # raises ValueError for a turn that does not exist
    return f"{heading} of the cable\n\n{row.iloc[0]['text']}"
