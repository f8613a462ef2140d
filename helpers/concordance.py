"""Finding words and phrases in a record: one matching rule, keyword in context, and a naive
keyword tagger to set against hand-made topic notes.

**The matching rule** (:func:`term_pattern`), for every search in the kit: a term matches as a
whole word, so the letters or digits of the match may not run on into further letters or
digits: ``pact`` finds "pact" but not "pacts", ``engage`` not the "engage" of "engaged";
``exist`` also finds the "exist" in "co-exist" (the hyphen ends a word for matching), and
``Generalissimo`` finds "Generalissimo’s". White space in a term matches any white space (a line
break too). Then one of two modes:

- a **search term** (:func:`kwic`, :func:`tag_turns`, :func:`term_counts`) matches in any case,
  and any of its words may end in ``*`` for "any ending": ``suspicion*`` finds "suspicion" and
  "suspicions";
- an **exact phrase** (:func:`find_phrase`; the cable's slips) matches as written: capitals,
  punctuation and curly quotes included, ``*`` included.

Line numbers come from :func:`helpers.source.position`, and the words around a match from
:func:`context`, the same for every search.

By default the turn searches read the ``spoken`` column: the words spoken, without the speaker
label, the quotation marks or the stage directions. A laugh or a pause is in the record, but it
is not in the words.
"""
from __future__ import annotations

import re

import pandas as pd

from .source import position

__all__ = ["agreement_summary", "changed_verdicts", "compare_keywords",
           "compare_tags", "context", "find_phrase", "keyword_table", "kwic", "kwic_counts",
           "kwic_table",
           "phrase_table", "record_text", "tag_turns", "term_counts", "term_pattern",
           "try_keyword", "with_keywords"]

Keywords = dict[str, list[str]]


def term_pattern(term: str, exact: bool = False) -> re.Pattern[str]:
    """The compiled pattern for one search term (or, ``exact``, one phrase), by the rule above."""
    term = term.strip()
    if not term or (not exact and term == "*"):
        raise ValueError("a search term needs at least one letter or digit")
    parts = []
    for word in term.split():
        if exact:
            parts.append(re.escape(word))
            continue
        stem = word.rstrip("*")
        if not stem:
            raise ValueError(f"{term!r}: '*' must follow some letters")
        parts.append(re.escape(stem) + (r"[^\W_]*" if word.endswith("*") else ""))
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", 0 if exact else re.IGNORECASE)


def _before(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, never beginning inside a word."""
    cut = max(0, start - width)
    before = text[cut:start]
    if cut > 0 and not text[cut - 1].isspace() and not before[:1].isspace():
        space = re.search(r"\s", before)  # the cut fell inside a word: drop what is left of it
        before = before[space.start():] if space else ""
    return before


def _after(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters after ``end``, never ending inside a word."""
    after = text[end:end + width]
    stop = end + width
    if stop < len(text) and not text[stop].isspace() and not after[-1:].isspace():
        spaces = [m.start() for m in re.finditer(r"\s", after)]
        after = after[:spaces[-1] + 1] if spaces else ""
    return after


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """The match ``text[start:end]`` marked «like this», with up to ``width`` characters either
    side, on one line: ``…took out his «pipe» sat back…``. The words around it are whole: a
    word the cut would split is left out."""
    before, after = _before(text, start, width), _after(text, end, width)
    return " ".join(f"…{before}«{text[start:end]}»{after}…".split())


def find_phrase(source: str, blocks: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """Every place the exact ``phrase`` stands in ``source``: ``line``, the ``kind`` of block
    (header, narration, speech), the ``turn`` if it is speech, ``start`` and ``end``
    (``source[start:end]`` is the match) and the words around it (:func:`context`)."""
    rows = []
    for match in term_pattern(phrase, exact=True).finditer(source):
        start = match.start()
        hit = blocks[(blocks["start"] <= start) & (blocks["end"] > start)]
        block = hit.iloc[0] if len(hit) else None
        rows.append({
            "line": position(source, start)[0],
            "kind": str(block["kind"]) if block is not None else "",
            "turn": block["turn"] if block is not None else None,
            "start": start,
            "end": match.end(),
            "context": context(source, start, match.end()),
        })
    table = pd.DataFrame(rows, columns=["line", "kind", "turn", "start", "end", "context"])
    return table.astype({"line": "int64", "turn": "Int64", "start": "int64", "end": "int64"})


def phrase_table(source: str, blocks: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """:func:`find_phrase` for reading: one row per place, named by its line, saying where it
    stands (``turn 8``, ``narration``, ``header``) and the words around it.

    A phrase that is not in the text gives one row that says so (the search is exact: spelling,
    capitals and punctuation as written).
    """
    hits = find_phrase(source, blocks, phrase)
    if hits.empty:
        return pd.DataFrame({"where": ["not found: the search is exact (check spelling and "
                                       "capital letters)"], "context": [""]},
                            index=pd.Index(["–"], name="line"))
    where = [f"turn {h.turn}" if pd.notna(h.turn) else h.kind for h in hits.itertuples()]
    return pd.DataFrame({"where": where, "context": hits["context"].tolist()},
                        index=pd.Index(hits["line"].tolist(), name="line"))


def record_text(blocks: pd.DataFrame) -> str:
    """The record's own text: every narration and speech block, without the header lines."""
    kept = blocks[blocks["kind"].isin(["narration", "speech"])]
    return "\n\n".join(kept["text"])


def term_counts(summary: str, blocks: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """How often each search term occurs in a ``summary`` (an archive's summary line, say) and
    in the record's own text (:func:`record_text`), terms as rows."""
    record = record_text(blocks)
    rows = [{
        "term": term,
        "in_summary": len(term_pattern(term).findall(summary or "")),
        "in_record": len(term_pattern(term).findall(record)),
    } for term in terms]
    return pd.DataFrame(rows, columns=["term", "in_summary", "in_record"]).set_index("term")


def kwic(
    turns: pd.DataFrame, word: str, width: int = 30, column: str = "spoken"
) -> pd.DataFrame:
    """Keyword-in-context concordance: one row per match of ``word`` in the turns.

    Columns: ``turn``, ``speaker``, ``left`` (up to ``width`` characters before the match),
    ``keyword`` (the match as written), ``right`` (up to ``width`` characters after), padded to
    ``width``. The words around the match are whole: a word that the cut would split is left
    out (the first and last words of the turn are never cut). Line breaks in the context are
    shown as spaces. Rows follow the reading order.
    """
    pattern = term_pattern(word)
    rows = []
    for turn, speaker, text in zip(turns["turn"], turns["speaker"].astype(str), turns[column]):
        for match in pattern.finditer(text):
            left = _before(text, match.start(), width)
            right = _after(text, match.end(), width)
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


def kwic_table(turns: pd.DataFrame, word: str, width: int = 30,
               column: str = "spoken") -> pd.DataFrame:
    """:func:`kwic` for reading: the same rows, named by their turn (the index), so that no
    row number stands in the table."""
    return kwic(turns, word, width, column).set_index("turn")


def kwic_counts(turns: pd.DataFrame, words: list[str], column: str = "spoken",
                by_speaker: bool = False) -> pd.DataFrame:
    """How many times each search term matches, in total and per turn (terms as rows).

    ``by_speaker`` adds one column per speaker, ``by NAME``: the turns in which that speaker
    uses the term, or ``none``, so that a reader never has to guess who spoke a turn.
    """
    speakers = []
    if by_speaker:
        column_ = turns["speaker"]
        speakers = ([str(s) for s in column_.cat.categories if str(s) in set(column_.astype(str))]
                    if isinstance(column_.dtype, pd.CategoricalDtype)
                    else list(dict.fromkeys(column_.astype(str))))
    rows = {}
    for word in words:
        hits = kwic(turns, word, column=column)
        row = {"matches": len(hits), "turns": ", ".join(map(str, hits["turn"].unique()))}
        for speaker in speakers:
            mine = hits.loc[hits["speaker"] == speaker, "turn"].unique()
            row[f"by {speaker}"] = ", ".join(map(str, mine)) or "none"
        rows[word] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "term"
    return table


def tag_turns(
    turns: pd.DataFrame,
    keywords: Keywords,
    column: str = "spoken",
) -> pd.DataFrame:
    """The naive tagger: a topic is tagged in a turn when any of its keywords occurs there.

    Returns one row per (turn, topic) tagged: ``turn``, ``speaker``, ``topic``, ``matched``
    (the words that triggered it, as written, lower-cased, ``;``-separated, in reading order).
    """
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

    With ``topics`` (a topic list), rows follow the topic list and carry its labels;
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


def keyword_table(keywords: Keywords) -> pd.DataFrame:
    """The tagger's keywords as a table: one row per topic id, its keywords comma-separated."""
    table = pd.DataFrame(
        {"keywords": [", ".join(words) for words in keywords.values()]},
        index=pd.Index(list(keywords), name="topic"),
    )
    return table


def with_keywords(
    extra: Keywords, keywords: Keywords
) -> Keywords:
    """A copy of the keyword lists with ``extra`` keywords added to the topics it names.

    Empty or blank keywords are skipped; an unknown topic id is a ``ValueError`` that lists the
    known ones. ``keywords`` itself is never changed.
    """
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
    extra: Keywords,
    keywords: Keywords,
    label: str = "with the added keywords",
    base_label: str = "kit keywords",
) -> pd.DataFrame:
    """Totals of ``both``, ``hand only``, ``tagger only`` with ``keywords`` and with more.

    ``hand`` comes from :func:`helpers.annotations.topics_by_turn`. Rows are the three
    verdicts; the column ``base_label`` uses ``keywords``, and a second column, named
    ``label``, adds ``extra`` (see :func:`with_keywords`). When ``extra`` adds nothing, only
    the first column is returned.
    """
    base = keywords
    more = with_keywords(extra, base)
    columns = {base_label: base}
    if more != base:
        columns[label] = more
    table = pd.DataFrame({
        name: agreement_summary(compare_tags(tag_turns(turns, words), hand)).loc["all topics"]
        for name, words in columns.items()
    })
    table.index.name = "verdict"
    return table


def try_keyword(
    turns: pd.DataFrame, hand: pd.DataFrame, topic: str, keyword: str, keywords: Keywords
) -> pd.DataFrame:
    """:func:`compare_keywords` for one keyword added to one topic (an empty keyword adds none).

    The second column is named after the keyword: ``with "stabilizing factor"``.
    """
    return compare_keywords(turns, hand, {topic: [keyword]}, keywords,
                            label=f'with "{keyword.strip()}"')


def changed_verdicts(
    turns: pd.DataFrame,
    hand: pd.DataFrame,
    extra: Keywords,
    keywords: Keywords,
) -> pd.DataFrame:
    """The (turn, topic) pairs whose verdict changes when ``extra`` keywords are added.

    Columns: ``turn``, ``speaker``, ``topic``, ``before``, ``after`` (a verdict, or ``none``
    when neither reader had the pair), in turn order; no rows when nothing changes.
    """
    base = keywords
    key = ["turn", "speaker", "topic"]
    before = compare_tags(tag_turns(turns, base), hand)[key + ["verdict"]]
    after = compare_tags(tag_turns(turns, with_keywords(extra, base)), hand)[key + ["verdict"]]
    table = before.merge(after, on=key, how="outer", suffixes=("_before", "_after"))
    table = table.rename(columns={"verdict_before": "before", "verdict_after": "after"})
    table[["before", "after"]] = table[["before", "after"]].fillna("none")
    table = table[table["before"] != table["after"]]
    table = table.sort_values(["turn", "topic"], kind="stable").reset_index(drop=True)
    return table[key + ["before", "after"]].astype({"turn": "int64"})
