"""Keyword in context, and a naive keyword tagger to set against the hand-made topic notes.

**Matching rule.** A search term matches case-insensitively, as a whole word: the letters or
digits of the match may not run on into further letters or digits. So ``pact`` finds "Pact"
and "pact" but not "pacts"; ``exist`` also finds the "exist" in "co-exist" (the hyphen ends a
word for matching), and ``Generalissimo`` finds "Generalissimo’s". A term may hold several
words (``North Atlantic``: any white space between them) and any of its words may end in ``*`` for "any ending":
``suspicion*`` finds "suspicion" and "suspicions".

By default both functions read the ``spoken`` column: the words spoken, without the speaker
label, the quotation marks or the stage directions. That is the point of the tagger lesson: a
laugh or a pause is in the record, but it is not in the words.
"""
from __future__ import annotations

import re

import pandas as pd

#: The naive tagger's keywords: for each topic of ``data/topics.csv``, words that "signal" it.
#: Deliberately simple, to show what counting words can and cannot see.
TOPIC_KEYWORDS: dict[str, list[str]] = {
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


def term_pattern(term: str) -> re.Pattern[str]:
    """The compiled pattern for one search term, by the matching rule above."""
    term = term.strip()
    if not term or term == "*":
        raise ValueError("a search term needs at least one letter or digit")
    parts = []
    for word in term.split():
        stem = word.rstrip("*")
        if not stem:
            raise ValueError(f"{term!r}: '*' must follow some letters")
        parts.append(re.escape(stem) + (r"[^\W_]*" if word.endswith("*") else ""))
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


def kwic(
    turns: pd.DataFrame, word: str, width: int = 30, column: str = "spoken"
) -> pd.DataFrame:
    """Keyword-in-context concordance: one row per match of ``word`` in the turns.

    Columns: ``turn``, ``speaker``, ``left`` (up to ``width`` characters before the match),
    ``keyword`` (the match as written), ``right`` (up to ``width`` characters after). Line
    breaks in the context are shown as spaces. Rows follow the reading order.
    """
    pattern = term_pattern(word)
    rows = []
    for turn, speaker, text in zip(turns["turn"], turns["speaker"].astype(str), turns[column]):
        for match in pattern.finditer(text):
            left = text[max(0, match.start() - width):match.start()]
            right = text[match.end():match.end() + width]
            rows.append({
                "turn": int(turn),
                "speaker": speaker,
                "left": " ".join(left.split("\n")).rjust(width),
                "keyword": match.group(0),
                "right": " ".join(right.split("\n")).ljust(width),
            })
    return pd.DataFrame(rows, columns=["turn", "speaker", "left", "keyword", "right"]).astype(
        {"turn": "int64"}
    )


def kwic_counts(turns: pd.DataFrame, words: list[str], column: str = "spoken") -> pd.DataFrame:
    """How many times each search term matches, in total and per turn (terms as rows)."""
    rows = {}
    for word in words:
        hits = kwic(turns, word, column=column)
        rows[word] = {"matches": len(hits), "turns": ", ".join(map(str, hits["turn"].unique()))}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "term"
    return table


def tag_turns(
    turns: pd.DataFrame,
    keywords: dict[str, list[str]] | None = None,
    column: str = "spoken",
) -> pd.DataFrame:
    """The naive tagger: a topic is tagged in a turn when any of its keywords occurs there.

    Returns one row per (turn, topic) tagged: ``turn``, ``speaker``, ``topic``, ``matched``
    (the words that triggered it, as written, lower-cased, ``;``-separated, in reading order).
    """
    keywords = TOPIC_KEYWORDS if keywords is None else keywords
    rows = []
    for turn, speaker, text in zip(turns["turn"], turns["speaker"].astype(str), turns[column]):
        for topic, terms in keywords.items():
            found = []
            for term in terms:
                found += [(m.start(), m.group(0).lower()) for m in term_pattern(term).finditer(text)]
            if found:
                matched = list(dict.fromkeys(word for _, word in sorted(found)))
                rows.append({"turn": int(turn), "speaker": speaker, "topic": topic,
                             "matched": "; ".join(matched)})
    return pd.DataFrame(rows, columns=["turn", "speaker", "topic", "matched"]).astype(
        {"turn": "int64"}
    )


def compare_tags(tagged: pd.DataFrame, hand: pd.DataFrame) -> pd.DataFrame:
    """Set the tagger's (turn, topic) pairs against the hand notes' pairs.

    ``tagged`` comes from :func:`tag_turns`, ``hand`` from
    :func:`helpers.annotations.topics_by_turn`. One row per pair found by either, in turn order:
    ``turn``, ``speaker``, ``topic``, ``verdict`` (``both``, ``hand only``: the reader saw a
    topic the words do not show; ``tagger only``: a keyword fired where the reader saw no such
    topic) and ``matched`` (the tagger's words, empty when it found none).
    """
    left = hand[["turn", "speaker", "topic"]].assign(hand=True)
    right = tagged[["turn", "speaker", "topic", "matched"]].assign(tagger=True)
    table = left.merge(right, on=["turn", "speaker", "topic"], how="outer")
    table["hand"] = table["hand"].astype("boolean").fillna(False).astype(bool)
    table["tagger"] = table["tagger"].astype("boolean").fillna(False).astype(bool)
    table["matched"] = table["matched"].fillna("")
    table["verdict"] = "both"
    table.loc[table["hand"] & ~table["tagger"], "verdict"] = "hand only"
    table.loc[~table["hand"] & table["tagger"], "verdict"] = "tagger only"
    table = table.sort_values(["turn", "topic"], kind="stable").reset_index(drop=True)
    return table[["turn", "speaker", "topic", "verdict", "matched"]].astype({"turn": "int64"})


def agreement_summary(comparison: pd.DataFrame, topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per topic: how many (turn, topic) pairs are ``both``, ``hand only``, ``tagger only``.

    With ``topics`` (``data/topics.csv``), rows follow the topic list and carry its labels;
    otherwise they are sorted by topic id. A last row, ``all topics``, gives the totals.
    """
    table = pd.crosstab(comparison["topic"], comparison["verdict"])
    table = table.reindex(columns=["both", "hand only", "tagger only"], fill_value=0)
    if topics is not None:
        table = table.reindex(index=list(topics["topic"]), fill_value=0)
        table.index = table.index.map(topics.set_index("topic")["label"])
    table.loc["all topics"] = table.sum()
    table.columns.name = None
    table.index.name = "topic"
    return table.astype("int64")


#: What each column of the turns table holds, in words, for sentences about a search.
COLUMN_WORDS: dict[str, str] = {
    "spoken": "the spoken words (column spoken)",
    "text": "the full text of the turns, stage directions included (column text)",
}


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


def keyword_table(keywords: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """The tagger's keywords as a table: one row per topic id, its keywords comma-separated."""
    keywords = TOPIC_KEYWORDS if keywords is None else keywords
    table = pd.DataFrame(
        {"keywords": [", ".join(words) for words in keywords.values()]},
        index=pd.Index(list(keywords), name="topic"),
    )
    return table


def with_keywords(
    extra: dict[str, list[str]], keywords: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """A copy of the keyword lists with ``extra`` keywords added to the topics it names.

    Empty or blank keywords are skipped; an unknown topic id is a ``ValueError`` that lists the
    known ones. ``TOPIC_KEYWORDS`` itself is never changed.
    """
    keywords = TOPIC_KEYWORDS if keywords is None else keywords
    unknown = [topic for topic in extra if topic not in keywords]
    if unknown:
        raise ValueError(
            f"{', '.join(map(repr, unknown))} is not a topic id; the ids are: "
            + ", ".join(keywords)
        )
    copy = {topic: list(words) for topic, words in keywords.items()}
    for topic, words in extra.items():
        copy[topic] += [w for w in words if str(w).strip()]
    return copy


def compare_keywords(
    turns: pd.DataFrame,
    hand: pd.DataFrame,
    extra: dict[str, list[str]],
    keywords: dict[str, list[str]] | None = None,
    label: str = "with the added keywords",
) -> pd.DataFrame:
    """Totals of ``both``, ``hand only``, ``tagger only`` with the kit's keywords and with more.

    ``hand`` comes from :func:`helpers.annotations.topics_by_turn`. Rows are the three
    verdicts; the column ``kit keywords`` uses :data:`TOPIC_KEYWORDS` (or ``keywords``), and a
    second column, named ``label``, adds ``extra`` (see :func:`with_keywords`). When ``extra``
    adds nothing, only the first column is returned.
    """
    base = TOPIC_KEYWORDS if keywords is None else keywords
    more = with_keywords(extra, base)
    columns = {"kit keywords": base}
    if more != base:
        columns[label] = more
    table = pd.DataFrame({
        name: agreement_summary(compare_tags(tag_turns(turns, words), hand)).loc["all topics"]
        for name, words in columns.items()
    })
    table.index.name = "verdict"
    return table


def try_keyword(
    turns: pd.DataFrame, hand: pd.DataFrame, topic: str, keyword: str
) -> pd.DataFrame:
    """:func:`compare_keywords` for one keyword added to one topic (an empty keyword adds none).

    The second column is named after the keyword: ``with "stabilizing factor"``.
    """
    return compare_keywords(turns, hand, {topic: [keyword]}, label=f'with "{keyword.strip()}"')


def changed_verdicts(
    turns: pd.DataFrame,
    hand: pd.DataFrame,
    extra: dict[str, list[str]],
    keywords: dict[str, list[str]] | None = None,
) -> pd.DataFrame:
    """The (turn, topic) pairs whose verdict changes when ``extra`` keywords are added.

    Columns: ``turn``, ``speaker``, ``topic``, ``before``, ``after`` (a verdict, or ``none``
    when neither reader had the pair), in turn order; no rows when nothing changes.
    """
    base = TOPIC_KEYWORDS if keywords is None else keywords
    key = ["turn", "speaker", "topic"]
    before = compare_tags(tag_turns(turns, base), hand)[key + ["verdict"]]
    after = compare_tags(tag_turns(turns, with_keywords(extra, base)), hand)[key + ["verdict"]]
    table = before.merge(after, on=key, how="outer", suffixes=("_before", "_after"))
    table = table.rename(columns={"verdict_before": "before", "verdict_after": "after"})
    table[["before", "after"]] = table[["before", "after"]].fillna("none")
    table = table[table["before"] != table["after"]]
    table = table.sort_values(["turn", "topic"], kind="stable").reset_index(drop=True)
    return table[key + ["before", "after"]].astype({"turn": "int64"})
