"""Topic notes kept as data: load them, check them against the text, and join them to the turns.

Notes are a reader's reading of a record, not the document's own: someone chose the topics,
picked the phrases and wrote the notes. Three CSV files hold them (the kit's notes on the cable
are ``data/topics.csv``, ``data/annotations.csv`` and ``data/glossary.csv``):

- ``topics.csv``: ``topic`` (a short id), ``label``, ``description``.
- ``annotations.csv``: one row per note: ``note_id``, ``turn``, ``anchor`` (a phrase copied
  exactly from that turn's ``text``, curly quotes and slips as written), ``topic``,
  ``note``, ``source`` (where any outside fact in the note comes from; empty when the note
  states none) and ``glossary`` (glossary terms, separated by ``;``).
- ``glossary.csv``: ``term``, ``kind`` (person, place, institution, term, event),
  ``definition``, ``source``.

A **topic is live in a turn** when at least one note on that turn carries it. A turn may carry
several topics, so words counted "per topic" overlap: a turn's words count once for every topic
live in it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .errors import DataFileError
from .measures import speaker_order

__all__ = [
    "ANNOTATION_COLUMNS", "GLOSSARY_COLUMNS", "GLOSSARY_KINDS", "TOPIC_COLUMNS", "add_note", "check",
    "edit_note", "glossary_links", "load_annotations", "load_glossary", "load_topics", "notes_table",
    "topic_grid", "topic_spans", "topics_by_turn", "topics_where_more_words", "turns_by_topic",
    "validate_annotations", "words_by_topic", "words_by_topic_compared",
]

#: The columns of a topic list.
TOPIC_COLUMNS = ["topic", "label", "description"]
#: The columns of a file of notes.
ANNOTATION_COLUMNS = ["note_id", "turn", "anchor", "topic", "note", "source", "glossary"]
#: The columns of a glossary.
GLOSSARY_COLUMNS = ["term", "kind", "definition", "source"]
#: The kinds a glossary term may be.
GLOSSARY_KINDS = ("person", "place", "institution", "term", "event")


def _read(path: str | Path, columns: list[str]) -> pd.DataFrame:
    """A CSV of notes as text; :class:`helpers.DataFileError` for a missing column or bad CSV."""
    name = str(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("no such file", name) from None
    except UnicodeDecodeError:
        raise DataFileError("the file is not UTF-8 text", name) from None
    except pd.errors.ParserError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise DataFileError(f"the file cannot be read as CSV ({' '.join(str(exc).split())})", name,
                            int(line[1]) if line else None) from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataFileError(f"missing column(s) {', '.join(missing)}", name, 1)
    return table


def load_topics(path: str | Path) -> pd.DataFrame:
    """The topic list (columns ``topic``, ``label``, ``description``), in file order."""
    return _read(path, TOPIC_COLUMNS)


def load_annotations(path: str | Path) -> pd.DataFrame:
    """The topic notes (see the module docstring for the columns).

    ``turn`` is converted to a nullable integer; a value that is not a whole number becomes
    missing, and :func:`validate_annotations` reports it.
    """
    table = _read(path, ANNOTATION_COLUMNS)
    table["turn"] = pd.to_numeric(table["turn"], errors="coerce").astype("Int64")
    return table


def load_glossary(path: str | Path) -> pd.DataFrame:
    """The glossary (columns ``term``, ``kind``, ``definition``, ``source``), in file order."""
    return _read(path, GLOSSARY_COLUMNS)


def glossary_links(value: str) -> list[str]:
    """The glossary terms named in one note's ``glossary`` cell (``;``-separated, trimmed)."""
    return [term.strip() for term in str(value).split(";") if term.strip()]


def validate_annotations(
    turns: pd.DataFrame,
    annotations: pd.DataFrame,
    topics: pd.DataFrame,
    glossary: pd.DataFrame | None = None,
) -> list[str]:
    """Check the notes against the text; return the problems in plain words (empty list: valid).

    Checks: every note has an id (no two alike), a known turn, a known topic, a note, and an
    anchor that stands exactly once in its turn's ``text`` (character for character, so a
    straight quote where the source has a curly one is a problem); every turn carries at least
    one topic; every glossary link names a term of the glossary; every glossary row has a known
    kind. With ``glossary=None`` the glossary links are not checked.
    """
    problems: list[str] = []
    texts = dict(zip(turns["turn"].astype(int), turns["text"]))
    known_topics = set(topics["topic"])
    known_terms = set(glossary["term"]) if glossary is not None else None

    seen: set[str] = set()
    for row in annotations.itertuples(index=False):
        note_id = str(row.note_id).strip()
        who = f"note {note_id}" if note_id else "a note with no note_id"
        if not note_id:
            problems.append(f"{who} (anchor {row.anchor!r}) needs a note_id.")
        elif note_id in seen:
            problems.append(f"note_id {note_id} is used more than once.")
        seen.add(note_id)

        turn = row.turn
        if pd.isna(turn):
            problems.append(f"{who}: the turn is missing or not a whole number.")
        elif int(turn) not in texts:
            problems.append(
                f"{who}: turn {int(turn)} does not exist (the turns run from "
                f"{min(texts)} to {max(texts)})."
            )
        else:
            text = texts[int(turn)]
            anchor = str(row.anchor)
            count = text.count(anchor) if anchor else 0
            if not anchor:
                problems.append(f"{who}: the anchor is empty.")
            elif count == 0:
                elsewhere = [t for t, other in texts.items() if anchor in other]
                hint = f" (it does appear in turn {elsewhere[0]})" if elsewhere else ""
                problems.append(
                    f"{who}: the anchor {anchor!r} is not in turn {int(turn)} as written{hint}."
                )
            elif count > 1:
                problems.append(
                    f"{who}: the anchor {anchor!r} appears {count} times in turn {int(turn)}; "
                    "make it longer so that it points to one place."
                )

        if row.topic not in known_topics:
            problems.append(f"{who}: the topic {row.topic!r} is not in the topic list.")
        if not str(row.note).strip():
            problems.append(f"{who}: the note itself is empty.")
        for term in glossary_links(row.glossary):
            if known_terms is not None and term not in known_terms:
                problems.append(f"{who}: the glossary term {term!r} is not in the glossary.")

    covered = {int(t) for t in annotations["turn"].dropna()}
    for turn in sorted(texts):
        if turn not in covered:
            problems.append(f"turn {turn} carries no topic: give it at least one note.")

    for row in (glossary if glossary is not None else pd.DataFrame(columns=GLOSSARY_COLUMNS)).itertuples(index=False):
        if row.kind not in GLOSSARY_KINDS:
            problems.append(
                f"glossary term {row.term!r}: the kind {row.kind!r} is not one of "
                f"{', '.join(GLOSSARY_KINDS)}."
            )
    return problems


def topics_by_turn(turns: pd.DataFrame, annotations: pd.DataFrame) -> pd.DataFrame:
    """One row per topic live in a turn: ``turn``, ``speaker``, ``topic``, ``notes``.

    ``notes`` counts the notes behind that pairing. Rows are in turn order, and within a turn in
    the order the topics first appear in the notes. Notes on unknown turns are left out (see
    :func:`validate_annotations`).
    """
    speakers = turns.set_index("turn")["speaker"].astype(str)
    notes = annotations.dropna(subset=["turn"]).astype({"turn": "int64"})
    notes = notes[notes["turn"].isin(speakers.index)]
    table = (
        notes.groupby(["turn", "topic"], sort=False)
        .size()
        .rename("notes")
        .reset_index()
        .sort_values("turn", kind="stable")
        .reset_index(drop=True)
    )
    table.insert(1, "speaker", table["turn"].map(speakers))
    return table[["turn", "speaker", "topic", "notes"]]


def _topic_order(table: pd.DataFrame, topics: pd.DataFrame | None) -> list[str]:
    if topics is not None:
        return list(topics["topic"])
    return list(dict.fromkeys(table["topic"]))


def words_by_topic(
    turns: pd.DataFrame,
    annotations: pd.DataFrame,
    topics: pd.DataFrame | None = None,
    split: bool = False,
) -> pd.DataFrame:
    """Words spoken in the turns where each topic is live, per speaker (topics as rows).

    By default a turn's words (the ``words`` column, by the kit's counting rule) count once for
    every topic live in that turn, so the rows add up to more than the words of the record. Read
    it as "how much talk surrounds this topic", not "how many words were about it".

    With ``split=True`` each turn's words are shared equally among its topics instead (a turn of
    90 words with 2 topics gives 45 to each), so every column adds up to that speaker's words in
    the annotated turns; shares are rounded to one decimal place. Neither rule knows which words
    were about which topic: only a reader does.
    """
    live = topics_by_turn(turns, annotations)
    words = turns.set_index("turn")["words"]
    live["words"] = live["turn"].map(words).astype("float64" if split else "int64")
    if split:
        live["words"] = live["words"] / live.groupby("turn")["topic"].transform("size")
    speakers = speaker_order(turns)
    table = live.pivot_table(
        index="topic", columns="speaker", values="words", aggfunc="sum", fill_value=0
    )
    table = table.reindex(index=_topic_order(live, topics), columns=speakers, fill_value=0)
    table = table.round(1) if split else table.astype("int64")
    table.columns.name = "speaker"
    table.index.name = "topic"
    return table


def topic_spans(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Who opens and who closes each topic, and in how many turns it is live.

    Columns: ``topic``, ``label`` (when ``topics`` is given), ``opened_in`` (first turn where
    the topic is live), ``opened_by``, ``closed_in`` (last such turn), ``closed_by``, ``turns``
    (how many turns carry it) and one column per speaker with that speaker's share of those
    turns. A topic with no notes is left out.
    """
    live = topics_by_turn(turns, annotations)
    speakers = speaker_order(turns)
    rows = []
    for topic in _topic_order(live, topics):
        part = live[live["topic"] == topic]
        if part.empty:
            continue
        first, last = part.iloc[0], part.iloc[-1]
        row = {
            "topic": topic,
            "opened_in": int(first["turn"]),
            "opened_by": first["speaker"],
            "closed_in": int(last["turn"]),
            "closed_by": last["speaker"],
            "turns": len(part),
        }
        for speaker in speakers:
            row[f"{speaker}_turns"] = int((part["speaker"] == speaker).sum())
        rows.append(row)
    table = pd.DataFrame(rows)
    if topics is not None and not table.empty:
        labels = topics.set_index("topic")["label"]
        table.insert(1, "label", table["topic"].map(labels))
    return table


def turns_by_topic(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """In how many turns each speaker spoke while each topic was live (topics as rows, in the
    order of the topic list when given; speakers as columns, in order of first speaking).

    A turn counts once for each topic live in it, however many words it has, so one long turn
    weighs no more than a short one (compare :func:`words_by_topic`). A topic with no notes is
    left out.
    """
    live = topics_by_turn(turns, annotations)
    speakers = speaker_order(turns)
    order = _topic_order(live, topics)
    counts = pd.crosstab(live["topic"], live["speaker"].astype(str))
    table = counts.reindex(index=[t for t in order if t in counts.index], columns=speakers,
                           fill_value=0)
    table.index.name = "topic"
    table.columns.name = None
    return table.astype("int64")


def topic_grid(turns: pd.DataFrame, annotations: pd.DataFrame,
               topics: pd.DataFrame) -> pd.DataFrame:
    """Every topic that has a note against every turn: what the topic-by-turn chart draws.

    One row per (topic, turn), topics in the order of the topic list and turns in reading
    order: ``topic``, ``label``, ``turn``, ``speaker`` (a category, in order of first
    speaking), ``live`` (a note ties the topic to the turn) and ``opens`` (the first turn
    where the topic is live: who raised it).
    """
    live = topics_by_turn(turns, annotations)
    pairs = set(zip(live["turn"], live["topic"]))
    labels = dict(zip(topics["topic"], topics["label"]))
    order = [t for t in topics["topic"] if t in set(live["topic"])]
    speaker_of = dict(zip(turns["turn"].astype(int), turns["speaker"].astype(str)))
    rows = []
    for topic in order:
        first = int(live.loc[live["topic"] == topic, "turn"].min())
        for turn, speaker in speaker_of.items():
            rows.append({"topic": topic, "label": labels.get(topic, topic), "turn": turn,
                         "speaker": speaker, "live": (turn, topic) in pairs, "opens": turn == first})
    table = pd.DataFrame(rows, columns=["topic", "label", "turn", "speaker", "live", "opens"])
    table["speaker"] = pd.Categorical(table["speaker"], categories=speaker_order(turns))
    return table.astype({"turn": "int64", "live": "bool", "opens": "bool"})


def notes_table(annotations: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """The notes as a reader sees them: turn, topic label, anchor, note, source."""
    labels = topics.set_index("topic")["label"]
    table = annotations.assign(topic=annotations["topic"].map(labels).fillna(annotations["topic"]))
    return table[["note_id", "turn", "topic", "anchor", "note", "source"]].reset_index(drop=True)


def check(
    turns: pd.DataFrame,
    annotations: pd.DataFrame,
    topics: pd.DataFrame,
    glossary: pd.DataFrame | None = None,
) -> str:
    """:func:`validate_annotations`, answered in sentences to print.

    ``"No problems found."`` when the notes are valid; otherwise how many problems there are,
    then one line per problem (``- note n02: the topic 'courtesy' is not in the topic list.``).
    """
    problems = validate_annotations(turns, annotations, topics, glossary)
    if not problems:
        return "No problems found."
    heading = "1 problem found:" if len(problems) == 1 else f"{len(problems)} problems found:"
    return "\n".join([heading] + [f"- {problem}" for problem in problems])


def add_note(
    annotations: pd.DataFrame,
    turn: int,
    anchor: str,
    topic: str,
    note: str = "Your note.",
    note_id: str = "my01",
    source: str = "",
    glossary: str = "",
) -> pd.DataFrame:
    """A copy of the notes with one more note at the end (the original table is not changed).

    Nothing is checked here: pass the result to :func:`check` to see whether the new note's
    anchor really stands in that turn and its topic is on the list.
    """
    row = pd.DataFrame([{
        "note_id": note_id, "turn": turn, "anchor": anchor, "topic": topic, "note": note,
        "source": source, "glossary": glossary,
    }])
    row["turn"] = pd.to_numeric(row["turn"], errors="coerce").astype("Int64")
    return pd.concat([annotations, row[annotations.columns]], ignore_index=True)


def edit_note(annotations: pd.DataFrame, note_id: str, **changes: object) -> pd.DataFrame:
    """A copy of the notes in which note ``note_id`` has the given columns changed.

    ``edit_note(notes, "n02", topic="courtesy")`` gives note n02 a topic that is not on the
    list; the original table is not changed. An unknown id or column is a ``ValueError``.
    """
    unknown = [c for c in changes if c not in annotations.columns]
    if unknown:
        raise ValueError(f"no column {', '.join(map(repr, unknown))} in the notes")
    where = annotations["note_id"] == note_id
    if not where.any():
        raise ValueError(f"no note with note_id {note_id!r}")
    edited = annotations.copy()
    for column, value in changes.items():
        edited.loc[where, column] = value
    return edited


def words_by_topic_compared(
    turns: pd.DataFrame, annotations: pd.DataFrame, topics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """:func:`words_by_topic` by both counting rules, side by side (topics as rows).

    The first pair of columns counts each turn once for every topic live in it; the second
    shares each turn's words equally among its topics (``split=True``).
    """
    return pd.concat(
        {
            "each turn counted for every topic": words_by_topic(turns, annotations, topics),
            "each turn shared among its topics": words_by_topic(
                turns, annotations, topics, split=True
            ),
        },
        axis=1,
    )


def topics_where_more_words(
    turns: pd.DataFrame,
    annotations: pd.DataFrame,
    topics: pd.DataFrame,
    speaker: str,
    than: str,
) -> list[str]:
    """Labels of the topics where ``speaker`` has more words than ``than`` (topic-list order).

    Words are counted as in :func:`words_by_topic` (each turn once for every topic in it).
    """
    table = words_by_topic(turns, annotations, topics)
    ahead = table.index[table[speaker] > table[than]]
    labels = topics.set_index("topic")["label"]
    return [labels.get(topic, topic) for topic in ahead]
