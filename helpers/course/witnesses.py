"""Other accounts and documents: what companion documents say about Kelly's meeting, as data.

``data/witnesses.csv`` holds one row per note that the kit makes on a companion document, a
point that the document makes about the meeting of 18 July 1949 or its setting: the US
Ambassador Kirk's retelling of what Kelly told him (FRUS 1949, vol. V, doc. 365), Kirk's other
telegrams and letters, the State Department's answer, the Soviet memorandum of 31 March 1949 on
the North Atlantic Treaty and the British reply, and Kirk's report of 1951 on Kelly's refused
farewell. The file keeps the name it was given, but only one of these documents retells the
conversation, and that one at second hand: they are accounts and documents, not independent
witnesses. Columns:

- ``point_id``; the document: ``document`` (a short name), ``volume`` (as FRUS or the archive
  prints it), ``number`` (document or telegram number; empty for a newspaper), ``date`` (ISO,
  ``YYYY-MM-DD`` or ``YYYY-MM`` when only the month is known), ``author``, ``based_on`` (where
  the author had it from: *what Kelly told him* is the point of the whole exercise) and
  ``address`` (where to read it);
- ``position``: the place of the kit's note among its notes on that document (1, 2, ...), in
  the order of the document's text, so that the order of subjects can be compared. The notes
  are the kit's own division of the text: Kirk 1804 numbers four points, (1) to (4), after a
  preamble, and the kit makes twenty notes on them (``k00`` to ``k16``);
- ``part``: where the note's words stand in the document's own numbering, when it has one
  (Kirk 1804: ``preamble``, ``(1)`` ... ``(4)``; the memorandum's conclusions in the *People's
  Daily*: ``conclusion (1)`` ...); empty otherwise;
- ``point``: the kit's note, what the document says, in the kit's own words; ``quotation``: a
  short phrase of the document, exactly as the page prints it (a phrase, never a passage);
- ``topic`` (an id of ``data/topics.csv``), ``turn`` and ``line`` (of the cable): what the point
  bears on, when it bears on something in the cable; each may be empty;
- ``relation``: ``same`` (the cable has it too), ``differs`` (the cable has it otherwise),
  ``only_document`` (the cable does not have it) or ``context`` (not an account of the
  conversation, but evidence about its setting).

**Counting rule for the order of topics.** In Kelly's record a topic's place is that of its
first topic note (the note's anchor, found in the text); in a witness's account it is that of
the first point tied both to the topic and to a turn of the cable (points about the
arrangements before the meeting are left out). Only the part of Kirk's telegram that the kit
could read is in the data: the page's text, as the kit has it, breaks off within his point (4),
at the comparison with the Soviet treaties, so "only in Kelly's record" means "not in the part
of Kirk's account the kit has".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from matplotlib.figure import Figure

from .. import style
from ..annotations import load_annotations, load_topics
from ..counting import count_words
from ..errors import DataFileError
from ..text import join
from ..transcript import Transcript
from . import paths
from .cable import load_cable

__all__ = [
    "ASSURANCE", "AUDIENCES", "COURTESIES", "FAREWELL_REFUSED", "INTERJECTION", "KIRK_ACCOUNT",
    "MAX_QUOTATION_WORDS", "POSITION_DOCUMENTS", "RELATIONS", "WITNESS_COLUMNS", "Kit",
    "audiences", "audiences_note", "beside_positions", "check", "days_from_meeting",
    "describe_order", "documents", "interruption", "interruption_note", "load", "load_witnesses",
    "only_in", "opening_orders", "opening_sentence", "order_chart", "order_note",
    "point_beside_turn", "points", "position_sentence", "record_order", "relation_counts",
    "search", "topic_order", "validate_witnesses", "witness_order", "words_after",
    "words_after_note",
]

#: The columns of ``data/witnesses.csv`` (see the module docstring).
WITNESS_COLUMNS = [
    "point_id", "document", "volume", "number", "date", "author", "based_on", "address",
    "position", "part", "point", "quotation", "topic", "turn", "line", "relation",
]
#: What each ``relation`` means, in plain words.
RELATIONS: dict[str, str] = {
    "same": "the cable has it too",
    "differs": "the cable has it otherwise",
    "only_document": "the cable does not have it (only this document has it)",
    "context": "evidence about the setting, not an account of the conversation",
}
#: The document that retells the conversation itself, from what Kelly told its author.
KIRK_ACCOUNT = "Kirk 1804"
#: The documents that set out the two governments' public positions on the Pact.
POSITION_DOCUMENTS = ("Soviet memorandum", "People's Daily", "British reply")
#: A quotation is a phrase, not a passage.
MAX_QUOTATION_WORDS = 10
#: The assurance of no aggression in the cable's turn 1, in the cable's own words: in Kirk's
#: account Stalin breaks in when Kelly comes to it.
ASSURANCE = "we have no thought of endangering the Soviet Union"
#: The kit's note on Kirk's "Stalin at once interjected": where, in Kirk's order, Stalin breaks in.
INTERJECTION = "k12"
#: The topic of the opening courtesies, left out when the subjects of the two orders are counted.
COURTESIES = "atmosphere"

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class Kit:
    """Everything notebook 05 reads: the cable, its topic notes and topics, and the notes on the other documents."""

    cable: Transcript
    notes: pd.DataFrame
    topics: pd.DataFrame
    witnesses: pd.DataFrame

    @property
    def meeting_day(self) -> date:
        """The day of the meeting, derived from the cable ("last night" in a cable of 19 July)."""
        return self.cable.metadata.meeting_start.date()


def load_witnesses(path: str | Path | None = None) -> pd.DataFrame:
    """The notes on the other documents (``data/witnesses.csv`` unless another file is given), in file order.

    ``position``, ``turn`` and ``line`` become nullable integers; a value that is not a whole
    number becomes missing, and :func:`validate_witnesses` reports it. A missing file or column
    is a :class:`helpers.DataFileError`.
    """
    path = Path(path) if path else paths.WITNESSES
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("no such file", str(path)) from None
    missing = [c for c in WITNESS_COLUMNS if c not in table.columns]
    if missing:
        raise DataFileError(f"missing column(s) {', '.join(missing)}", str(path), 1)
    for column in ("position", "turn", "line"):
        table[column] = pd.to_numeric(table[column].replace("", None), errors="coerce").astype("Int64")
    return table


def load(path: str | Path | None = None) -> Kit:
    """The cable, its notes and the notes on the other documents: one cheap call, the same result every time."""
    return Kit(load_cable(), load_annotations(paths.ANNOTATIONS), load_topics(paths.TOPICS),
               load_witnesses(path))


def validate_witnesses(
    witnesses: pd.DataFrame, turns: pd.DataFrame, topics: pd.DataFrame, source: str,
) -> list[str]:
    """Check the notes on the other documents; return the problems in plain words (empty list: valid).

    Checks: every row has a unique ``point_id``, a document, volume, date (ISO), author,
    ``based_on``, an ``http(s)`` address, a point and a quotation of at most
    :data:`MAX_QUOTATION_WORDS` words; positions are whole numbers, unique within a document;
    a topic, when given, is on the topic list; a turn, when given, exists; a line, when given,
    is a line of the cable with text on it; the relation is one of :data:`RELATIONS`; and one
    document keeps one volume, number, date, author and address on all its rows.
    """
    problems: list[str] = []
    known_topics = set(topics["topic"])
    known_turns = set(int(t) for t in turns["turn"])
    lines = source.split("\n")
    seen: set[str] = set()
    for row in witnesses.itertuples(index=False):
        pid = str(row.point_id).strip()
        who = f"point {pid}" if pid else "a point with no point_id"
        if not pid:
            problems.append(f"{who} ({row.document!r}) needs a point_id.")
        elif pid in seen:
            problems.append(f"point_id {pid} is used more than once.")
        seen.add(pid)
        for column in ("document", "volume", "author", "based_on", "point", "quotation"):
            if not str(getattr(row, column)).strip():
                problems.append(f"{who}: the {column} is empty.")
        if not _DATE.match(str(row.date)):
            problems.append(f"{who}: the date {row.date!r} is not YYYY-MM-DD (or YYYY-MM).")
        if not re.match(r"^https?://\S+$", str(row.address)):
            problems.append(f"{who}: the address {row.address!r} is not a web address.")
        words = len(str(row.quotation).split())
        chinese = len(re.findall(r"[\u4e00-\u9fff]", str(row.quotation)))
        if words > MAX_QUOTATION_WORDS or chinese > 2 * MAX_QUOTATION_WORDS:
            problems.append(f"{who}: the quotation is a passage, not a phrase "
                            f"({words} words; at most {MAX_QUOTATION_WORDS}).")
        if pd.isna(row.position) or int(row.position) < 1:
            problems.append(f"{who}: the position is missing or not a whole number from 1.")
        if row.topic and row.topic not in known_topics:
            problems.append(f"{who}: the topic {row.topic!r} is not in the topic list.")
        if not pd.isna(row.turn) and int(row.turn) not in known_turns:
            problems.append(f"{who}: turn {int(row.turn)} does not exist (the turns run from "
                            f"{min(known_turns)} to {max(known_turns)}).")
        if not pd.isna(row.line):
            n = int(row.line)
            if not 1 <= n <= len(lines):
                problems.append(f"{who}: line {n} is not a line of the cable (it has {len(lines)}).")
            elif not lines[n - 1].strip():
                problems.append(f"{who}: line {n} of the cable is blank.")
        if row.relation not in RELATIONS:
            problems.append(f"{who}: the relation {row.relation!r} is not one of "
                            f"{', '.join(RELATIONS)}.")
    for document, part in witnesses.groupby("document", sort=False):
        for column in ("volume", "number", "date", "author", "address"):
            if part[column].nunique() > 1:
                problems.append(f"document {document!r}: its rows disagree on the {column}.")
        positions = part["position"].dropna()
        if positions.duplicated().any():
            problems.append(f"document {document!r}: two points share a position.")
    return problems


def check(kit: Kit) -> str:
    """:func:`validate_witnesses` on the kit's own data, answered in sentences to print."""
    problems = validate_witnesses(kit.witnesses, kit.cable.turns, kit.topics, kit.cable.source)
    if not problems:
        return "No problems found."
    heading = "1 problem found:" if len(problems) == 1 else f"{len(problems)} problems found:"
    return "\n".join([heading] + [f"- {p}" for p in problems])


def _day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def days_from_meeting(kit: Kit, value: str | date) -> int | None:
    """Days from the meeting to a day (an ISO string or a date); negative for earlier days.

    ``None`` for a month-only date (``"1949-07"``): the day is not known, so neither is the count.
    """
    if isinstance(value, str) and value.count("-") < 2:
        return None
    day = _day(value) if isinstance(value, str) else value
    return (day - kit.meeting_day).days


def documents(kit: Kit) -> pd.DataFrame:
    """One row per companion document: when, by whom, from what, how many of the kit's notes, days from the meeting.

    ``days_from_meeting`` counts from 18 July 1949 (derived from the cable); it is empty for a
    month-only date. Sorted by date.
    """
    w = kit.witnesses
    rows = []
    for document, part in w.groupby("document", sort=False):
        first = part.iloc[0]
        rows.append({
            "document": document,
            "volume": first["volume"],
            "number": first["number"],
            "date": first["date"],
            "days_from_meeting": days_from_meeting(kit, first["date"]),
            "author": first["author"],
            "based_on": first["based_on"],
            "notes": len(part),
        })
    table = pd.DataFrame(rows)
    table["days_from_meeting"] = table["days_from_meeting"].astype("Int64")
    return table.sort_values("date", kind="stable").set_index("document")


def points(kit: Kit, document: str) -> pd.DataFrame:
    """The kit's notes on one document, in the document's order; ``ValueError`` if unknown.

    Indexed by ``note`` (the note's id, ``k05``...); ``part`` is where the note's words stand in
    the document's own numbering (Kirk 1804: ``preamble``, ``(1)`` ... ``(4)``); ``note_text``
    is the kit's note in its own words; the topic is given by its label.
    """
    w = kit.witnesses
    if document not in set(w["document"]):
        raise ValueError(f"no document {document!r}: the documents are "
                         f"{', '.join(dict.fromkeys(w['document']))}")
    labels = dict(zip(kit.topics["topic"], kit.topics["label"]))
    part = w[w["document"] == document].sort_values("position")
    table = part[["point_id", "part", "point", "quotation", "topic", "turn", "line", "relation"]].copy()
    table["topic"] = table["topic"].map(lambda t: labels.get(t, t))
    table = table.rename(columns={"point_id": "note", "point": "note_text"})
    return table.set_index("note")


def relation_counts(kit: Kit, document: str = KIRK_ACCOUNT) -> pd.DataFrame:
    """How many of the kit's notes on a document the cable has too, has otherwise, or lacks (``relation``)."""
    part = kit.witnesses[kit.witnesses["document"] == document]
    counts = part["relation"].value_counts().reindex(list(RELATIONS), fill_value=0)
    table = pd.DataFrame({"notes": counts.astype(int),
                          "meaning": [RELATIONS[r] for r in counts.index]})
    table.index.name = "relation"
    return table[table["notes"] > 0]


def point_beside_turn(kit: Kit, point_id: str) -> pd.DataFrame:
    """One of the kit's notes on a document beside the part of the cable it corresponds to.

    Two rows, ``document`` and ``cable``: who says it, where, and the words (the kit's note, with
    its quotation of the document; the cable's turn or line exactly as written). ``ValueError``
    for an unknown id or a note that corresponds to nothing in the cable.
    """
    w = kit.witnesses.set_index("point_id")
    if point_id not in w.index:
        raise ValueError(f"no note {point_id!r}: the ids run {w.index[0]} to {w.index[-1]}")
    row = w.loc[point_id]
    if pd.isna(row["turn"]) and pd.isna(row["line"]):
        raise ValueError(f"note {point_id} corresponds to no turn or line of the cable")
    if not pd.isna(row["turn"]):
        turn = kit.cable.turns[kit.cable.turns["turn"] == int(row["turn"])].iloc[0]
        where = f"turn {int(row['turn'])} ({turn['speaker']}), " + (
            f"line {turn['line_start']}" if turn["line_start"] == turn["line_end"]
            else f"lines {turn['line_start']}–{turn['line_end']}")
        words = " ".join(str(turn["text"]).split())
    else:
        n = int(row["line"])
        where, words = f"line {n} (narration)", kit.cable.source.split("\n")[n - 1]
    where_in = f", in its {row['part']}" if row["part"].startswith("preamble") else (
        f", in its point {row['part']}" if row["part"] else "")
    return pd.DataFrame(
        [{"source": f"{row['document']} ({row['volume']}), the kit's note {point_id}{where_in}",
          "where": row["relation"].replace("_", " "),
          "says": f"{row['point']} (“{row['quotation']}”)"},
         {"source": "Kelly's cable", "where": where, "says": words}],
        index=pd.Index(["document", "cable"], name="account"),
    )


def search(kit: Kit, word: str) -> pd.DataFrame:
    """The kit's notes whose text or quotation contains ``word`` (any case), with their document."""
    w = kit.witnesses
    hit = (w["point"].str.contains(word, case=False, regex=False)
           | w["quotation"].str.contains(word, case=False, regex=False))
    table = w.loc[hit, ["document", "date", "point_id", "part", "point", "quotation"]]
    return table.rename(columns={"point_id": "note", "point": "note_text"}).reset_index(drop=True)


# ------------------------------------------------------------------------------------------
# the order of subjects in each account


def record_order(kit: Kit) -> pd.Series:
    """Each topic's place in Kelly's record (1 = first to come up), by its first note's anchor."""
    turns = kit.cable.turns.set_index("turn")
    first: dict[str, int] = {}
    for note in kit.notes.itertuples(index=False):
        row = turns.loc[int(note.turn)]
        offset = int(row["start"]) + row["text"].index(note.anchor)
        first[note.topic] = min(offset, first.get(note.topic, offset))
    ordered = sorted(first, key=first.__getitem__)
    return pd.Series({t: i + 1 for i, t in enumerate(ordered)}, name="in_kelly", dtype="Int64")


def witness_order(kit: Kit, document: str = KIRK_ACCOUNT) -> pd.Series:
    """Each topic's place in a witness's account: its first point that names a topic and a turn."""
    w = kit.witnesses
    part = w[(w["document"] == document) & (w["topic"] != "") & w["turn"].notna()]
    ordered = list(dict.fromkeys(part.sort_values("position")["topic"]))
    return pd.Series({t: i + 1 for i, t in enumerate(ordered)}, name="in_kirk", dtype="Int64")


def topic_order(kit: Kit, document: str = KIRK_ACCOUNT) -> pd.DataFrame:
    """The topics with their place in Kelly's record and in the witness's account (empty: absent).

    Rows in the order of the topic list; ``moved`` is the witness's place minus Kelly's
    (negative: the topic comes up earlier in the witness's account).
    """
    kelly, kirk = record_order(kit), witness_order(kit, document)
    table = pd.DataFrame({"topic": kit.topics["topic"], "label": kit.topics["label"]})
    table["in_kelly"] = table["topic"].map(kelly).astype("Int64")
    table["in_kirk"] = table["topic"].map(kirk).astype("Int64")
    table = table[table["in_kelly"].notna() | table["in_kirk"].notna()]
    table["moved"] = (table["in_kirk"] - table["in_kelly"]).astype("Int64")
    return table.set_index("topic")


def only_in(order: pd.DataFrame) -> dict[str, list[str]]:
    """Topic labels found in only one account: ``{"kelly": [...], "kirk": [...]}``."""
    return {
        "kelly": list(order.loc[order["in_kirk"].isna(), "label"]),
        "kirk": list(order.loc[order["in_kelly"].isna(), "label"]),
    }


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: Line colour and style for a topic that comes up earlier, later or at the same place in the
#: witness's account: they differ in hue (Okabe-Ito) and in dash, so grey print keeps them apart.
_MOVES: dict[str, tuple[str, Literal["-", "--", ":"]]] = {
    "earlier": ("#0072B2", "-"), "later": ("#D55E00", "--"), "same": ("#555555", ":")}


def _move(value) -> str:
    if pd.isna(value) or value == 0:
        return "same"
    return "earlier" if value < 0 else "later"


def order_chart(order: pd.DataFrame) -> style.Chart:
    """A slope chart of :func:`topic_order`: each topic's place in Kelly's record (left) and in
    Kirk's account (right), with its description (:func:`describe_order`) from the same table.

    A line joins a topic's two places; solid blue when it comes up earlier in Kirk's account,
    dashed red-orange when later, dotted grey when at the same place. A topic found in one account
    only has a label on that side alone.
    """
    return style.Chart(_order_figure(order), describe_order(order))


def _order_figure(order: pd.DataFrame) -> Figure:
    import textwrap

    from matplotlib.lines import Line2D

    fig = style.new_figure(8.0, 8.0)
    ax = fig.add_subplot()
    for row in order.itertuples():
        colour, dash = _MOVES[_move(row.moved)]
        alone = pd.isna(row.in_kelly) or pd.isna(row.in_kirk)
        if not alone:
            ax.plot([0, 1], [row.in_kelly, row.in_kirk], color=colour, linestyle=dash,
                    linewidth=2, zorder=3)
        for side, place, align in ((0, row.in_kelly, "right"), (1, row.in_kirk, "left")):
            if pd.isna(place):
                continue
            ax.scatter([side], [place], color="black" if alone else colour, zorder=4, s=30,
                       marker="s" if alone else "o")
            pad = -0.05 if side == 0 else 0.05
            label = "\n".join(textwrap.wrap(f"{int(place)}. {row.label}", 30))
            if alone:
                label += "\n(in one account only)"
            ax.text(side + pad, place, label, ha=align, va="center", fontsize=style.SMALL_FONT)
    deepest = int(max(order["in_kelly"].max(skipna=True), order["in_kirk"].max(skipna=True)))
    ax.set_ylim(deepest + 0.7, 0.3)
    ax.set_xlim(-1.45, 2.45)
    handles = [Line2D([], [], color=c, linestyle=d, linewidth=2, label=f"{name} in Kirk's account")
               for name, (c, d) in (("earlier", _MOVES["earlier"]), ("later", _MOVES["later"]),
                                    ("at the same place", _MOVES["same"]))]
    style.finish_axes(ax, "The order in which the topics first come up, in two accounts",
                      "account", "order in which the topic first comes up (1 = first)")
    fig.legend(handles=handles, loc="outside lower center", ncol=2, frameon=False,
               fontsize=style.SMALL_FONT)
    ax.set_xticks([0, 1])
    ax.set_xticklabels(["Kelly's record\n(telegram No. 608)", "Kirk's account of what\n"
                        "Kelly told him (FRUS\n1949 V, doc. 365)"], fontsize=style.SMALL_FONT)
    ax.set_yticks([])
    ax.spines[["left"]].set_visible(False)
    return fig


def describe_order(order: pd.DataFrame) -> str:
    """What :func:`order_chart` shows, in sentences, computed from the same table."""
    both = order[order["in_kelly"].notna() & order["in_kirk"].notna()]
    lines = [
        "Slope chart of the order in which the topics first come up in Kelly's record (left) "
        "and in Kirk's account of what Kelly told him (right; FRUS 1949, vol. V, doc. 365, as "
        f"far as the kit could read it). Kelly's record has {int(order['in_kelly'].notna().sum())} "
        f"topics, Kirk's account {int(order['in_kirk'].notna().sum())}; {len(both)} are in both. "
        "Solid lines (blue): earlier in Kirk's account; dashed lines (red-orange): later; dotted "
        "lines (grey): the same place; a black square: a topic found in one account only."
    ]
    for row in both.sort_values("in_kelly").itertuples():
        lines.append(f"{row.label}: {_ordinal(int(row.in_kelly))} in Kelly's record, "
                     f"{_ordinal(int(row.in_kirk))} in Kirk's.")
    alone = only_in(order)
    if alone["kelly"]:
        lines.append("Only in Kelly's record: " + join(alone["kelly"]) + ".")
    if alone["kirk"]:
        lines.append("Only in Kirk's account: " + join(alone["kirk"]) + ".")
    return " ".join(lines)


def order_note(kit: Kit) -> str:
    """One Markdown paragraph on the two orders: what comes first, and what only one account has."""
    order = topic_order(kit)
    both = order[order["in_kelly"].notna() & order["in_kirk"].notna()]
    first_kelly = order.sort_values("in_kelly").iloc[1]["label"] if len(order) > 1 else ""
    first_kirk = order.sort_values("in_kirk").iloc[1]["label"] if len(order) > 1 else ""
    moved = both[both["moved"] != 0]
    alone = only_in(order)
    text = (
        f"After the courtesies, Kelly's record begins with **{first_kelly}** and Kirk's account "
        f"with **{first_kirk}**. Of the {len(both)} topics both accounts have, "
        f"**{len(moved)}** come up at a different place in each."
    )
    if alone["kelly"]:
        text += (" Only Kelly's record has " + join([f"*{t}*" for t in alone["kelly"]])
                 + ", as far as the kit can read Kirk's telegram (the page, as the kit has it, "
                 "breaks off within his point (4)).")
    return text


def position_sentence(kit: Kit, topic: str) -> str:
    """Where one topic comes up in each account, in a sentence (for an exercise)."""
    order = topic_order(kit)
    if topic not in order.index:
        known = ", ".join(kit.topics["topic"])
        raise ValueError(f"no topic {topic!r} in either account: the topics are {known}")
    row = order.loc[topic]
    def place(value, who: str) -> str:
        if pd.isna(value):
            return f"not in {who} (as far as the kit has it)"
        return f"{_ordinal(int(value))} in {who}"
    return (f"*{row['label']}* comes up {place(row['in_kelly'], 'Kelly’s record')} and "
            f"{place(row['in_kirk'], 'Kirk’s account')}.")


# ------------------------------------------------------------------------------------------
# the interruption, and the two orders of Kelly's opening


def words_after(turns: pd.DataFrame, phrase: str, turn: int = 1) -> int:
    """Words of turn ``turn``'s spoken text after ``phrase`` (kit's counting rule); ``ValueError`` if absent."""
    match = turns[turns["turn"] == turn]
    if match.empty:
        raise ValueError(f"no turn {turn}")
    spoken = match.iloc[0]["spoken"]
    at = spoken.find(phrase)
    if at < 0:
        raise ValueError(f"{phrase!r} is not in the spoken words of turn {turn} as written")
    return count_words(spoken[at + len(phrase):])


def words_after_note(kit: Kit, phrase: str, turn: int = 1) -> str:
    """:func:`words_after` in a Markdown sentence: how far the turn goes on after ``phrase``."""
    rows = kit.cable.turns[kit.cable.turns["turn"] == turn]
    total = int(rows.iloc[0]["words"]) if len(rows) else 0
    after = words_after(kit.cable.turns, phrase, turn)
    return (f"After “{phrase}”, turn {turn} goes on for **{after}** more words, of its "
            f"**{total}**.")


def _kirk_before_interjection(kit: Kit) -> pd.DataFrame:
    """Kirk's notes before :data:`INTERJECTION`, in his order."""
    w = kit.witnesses
    kirk = w[w["document"] == KIRK_ACCOUNT].sort_values("position")
    at = int(kirk.loc[kirk["point_id"] == INTERJECTION, "position"].iloc[0])
    return kirk[kirk["position"] < at]


def opening_orders(kit: Kit) -> pd.DataFrame:
    """The subjects of Kelly's opening in the two accounts, each in its own order.

    ``in_cable``: the subject's place among the topics of the cable's turn 1 (by its first topic
    note), and ``in_the_cable``: whether it comes before Kelly's assurance of no aggression
    (:data:`ASSURANCE`), is that assurance, or comes after it. ``in_kirk``: its place among the
    topics of Kirk's notes before Stalin breaks in (:data:`INTERJECTION`), ``kirk_part``: the
    part of Kirk's telegram where it first comes (``preamble``, ``(1)``, ``(2)``), empty when Kirk
    has it nowhere before the interruption (as far as the kit has his telegram).
    """
    turn = kit.cable.turns.set_index("turn").loc[1]
    assurance_at = int(turn["start"]) + turn["text"].index(ASSURANCE)
    first: dict[str, int] = {}
    for note in kit.notes[kit.notes["turn"].astype(int) == 1].itertuples(index=False):
        offset = int(turn["start"]) + turn["text"].index(note.anchor)
        first[note.topic] = min(offset, first.get(note.topic, offset))
    cable = sorted(first, key=first.__getitem__)
    before = _kirk_before_interjection(kit)
    before = before[(before["topic"] != "") & before["turn"].notna()]
    kirk = list(dict.fromkeys(before["topic"]))
    kirk_part = {t: before.loc[before["topic"] == t, "part"].iloc[0] for t in kirk}
    labels = dict(zip(kit.topics["topic"], kit.topics["label"]))

    def side(topic: str) -> str:
        if topic == "no_aggression":
            return "the assurance"
        return "before the assurance" if first[topic] < assurance_at else "after the assurance"

    rows = []
    for topic in list(dict.fromkeys(cable + kirk)):
        rows.append({
            "topic": topic, "label": labels.get(topic, topic),
            "in_cable": cable.index(topic) + 1 if topic in cable else None,
            "in_the_cable": side(topic) if topic in cable else "",
            "in_kirk": kirk.index(topic) + 1 if topic in kirk else None,
            "kirk_part": kirk_part.get(topic, ""),
        })
    table = pd.DataFrame(rows).set_index("topic")
    for column in ("in_cable", "in_kirk"):
        table[column] = table[column].astype("Int64")
    return table


def opening_sentence(kit: Kit, topic: str) -> str:
    """Where one subject of Kelly's opening stands in each account's order (for an exercise)."""
    table = opening_orders(kit)
    if topic not in table.index:
        raise ValueError(f"no topic {topic!r} in Kelly's opening: the topics there are "
                         f"{', '.join(table.index)}")
    row = table.loc[topic]
    if pd.isna(row["in_cable"]):
        cable = "the cable's turn 1 does not have it"
    elif row["in_the_cable"] == "the assurance":
        cable = f"the cable's turn 1 has it {_ordinal(int(row['in_cable']))}: it is the assurance itself"
    else:
        cable = (f"the cable's turn 1 has it {_ordinal(int(row['in_cable']))}, "
                 f"{row['in_the_cable']} of no aggression")
    if pd.isna(row["in_kirk"]):
        kirk = "Kirk's notes before Stalin breaks in do not have it (as far as the kit has his telegram)"
    else:
        part = "his preamble" if row["kirk_part"] == "preamble" else f"his point {row['kirk_part']}"
        when = "where Stalin breaks in" if topic == "no_aggression" else "before Stalin breaks in"
        kirk = f"Kirk's account has it {_ordinal(int(row['in_kirk']))}, in {part}, {when}"
    return f"*{row['label']}*: {cable}; {kirk}."


_TIMES = {1: "once", 2: "twice"}


def interruption(kit: Kit) -> dict[str, Any]:
    """The figures of the disagreement over Stalin's interruption, computed from the data.

    ``turn_words`` and ``paragraphs``: Kelly's opening turn in the cable; ``next_speaker``: who
    speaks in turn 2; ``assented``: how many of Kirk's notes before the interruption quote
    Stalin's assent; ``raised``: the subjects (topic labels) Kirk has Kelly raise before he comes
    to the assurance at which Stalin breaks in, courtesies left out; ``raised_words``: for each,
    the quotation of Kirk's first note on it; ``after_in_cable``: those subjects that the cable
    puts after the assurance of no aggression; ``not_in_kirk``: subjects of the cable's turn 1
    that Kirk's notes before the interruption do not have.
    """
    turns = kit.cable.turns
    first = turns[turns["turn"] == 1].iloc[0]
    table = opening_orders(kit).drop(index=COURTESIES, errors="ignore")
    raised = table[table["in_kirk"].notna()].drop(index="no_aggression", errors="ignore")
    raised = raised.sort_values("in_kirk")
    before = _kirk_before_interjection(kit)
    return {
        "turn_words": int(first["words"]),
        "paragraphs": int(first["paragraphs"]),
        "next_speaker": str(turns[turns["turn"] == 2].iloc[0]["speaker"]),
        "assented": int(before["quotation"].str.contains("assented").sum()),
        "raised": list(raised["label"]),
        "raised_words": [before.loc[before["topic"] == t, "quotation"].iloc[0] for t in raised.index],
        "after_in_cable": list(raised.loc[raised["in_the_cable"] == "after the assurance", "label"]),
        "not_in_kirk": list(table.loc[table["in_kirk"].isna() & table["in_cable"].notna(), "label"]),
    }


def interruption_note(kit: Kit) -> str:
    """The disagreement over Stalin's interruption, in Markdown, with the figures computed.

    It does not count the cable's words after the assurance: the two accounts order Kelly's
    opening differently, so the place where Kirk's Stalin breaks in cannot be found in the
    cable's text.
    """
    f = interruption(kit)
    quoted = kit.witnesses.set_index("point_id").loc[INTERJECTION, "quotation"]
    times = _TIMES.get(f["assented"], f"**{f['assented']}** times")
    raised = [f"*{label}* (“{words}”)" for label, words in zip(f["raised"], f["raised_words"])]
    after = [f"*{label}*" for label in f["after_in_cable"]]
    text = (
        f"In the cable Kelly's opening is one turn of **{f['turn_words']} words** over "
        f"{f['paragraphs']} paragraphs, and {f['next_speaker']} first speaks in turn 2. In Kirk's "
        f"account Stalin \"{quoted}\" when Kelly said that Britain meant no aggression; before "
        f"that, Stalin had \"assented\" {times}, and Kelly had already raised "
        f"**{len(f['raised'])}** subjects of the kit's topic list: {join(raised)}. The cable "
        f"puts **{len(f['after_in_cable'])}** of them after the assurance of no aggression: "
        f"{join(after)}. So the two accounts give Kelly's opening in different "
        "orders, and the moment at which Kirk's Stalin broke in has no place in the cable's "
        "text: what the cable has after the assurance is not what Kirk's Kelly still had to say."
    )
    if f["not_in_kirk"]:
        text += (" Of the cable's opening, topic by topic, only " + join([f"*{t}*" for t in f["not_in_kirk"]])
                 + " is missing from Kirk's notes before the interruption (as far as the kit "
                 "has his telegram).")
    return text


# ------------------------------------------------------------------------------------------
# Stalin's turns beside the published positions


def beside_positions(kit: Kit) -> pd.DataFrame:
    """The published positions of the two governments beside the turns of the cable they bear on.

    One row per point of the memorandum, its press version and the British reply that names a
    turn: the turn, its speaker, its ``spoken`` words (stage directions left out, as in the
    turns table), the document, its date, the kit's note (``note_text``) and its quotation.
    """
    w = kit.witnesses
    part = w[w["document"].isin(POSITION_DOCUMENTS) & w["turn"].notna()].copy()
    turns = kit.cable.turns.set_index("turn")
    part["turn"] = part["turn"].astype(int)
    part["speaker"] = part["turn"].map(turns["speaker"].astype(str))
    part["spoken"] = part["turn"].map(turns["spoken"])
    table = part[["turn", "speaker", "spoken", "document", "date", "point", "quotation"]]
    table = table.rename(columns={"point": "note_text"})
    return table.sort_values(["turn", "date"], kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------------------------------
# the audiences: "the first interview of this kind ... for several years"

#: Stalin's audiences for Western ambassadors and foreign ministers that the kit's sources
#: document, 1946-51: (day as ISO text, ``YYYY-MM`` when only the month is known; kind; who;
#: hour as the source gives it, empty when it gives none; source). Kelly's own is the zero of
#: the count. Kinds: ``ambassador`` (one ambassador), ``envoys`` (the three Western envoys
#: together), ``foreign minister``.
AUDIENCES: list[tuple[str, str, str, str, str]] = [
    ("1946-04-04", "ambassador",
     "US Ambassador Walter Bedell Smith, without his embassy staff (Molotov and an interpreter were there)",
     "9 p.m.", "Smith 1053, FRUS 1946, vol. VI (digitalarchive.wilsoncenter.org/document/134362)"),
    ("1947-03", "foreign minister",
     "Bevin, the British Foreign Secretary, in Moscow for the Council of Foreign Ministers (the day not given)",
     "", "Hansard, written answers, 19 April 1948 (api.parliament.uk/historic-hansard/written_answers/"
     "1948/apr/19/russian-born-wives-british-subjects)"),
    ("1947-04-15", "foreign minister",
     "Marshall, the US Secretary of State, at the same session of the Council",
     "night", "FRUS 1947, vol. IV, editorial note (history.state.gov/historicaldocuments/frus1947v04/d467)"),
    ("1948-08-02", "envoys", "the US and French Ambassadors and Bevin's representative, together",
     "", "Reuters, 4 August 1948 (paperspast.natlib.govt.nz/newspapers/WC19480804.2.40)"),
    ("1948-08-23", "envoys", "the same three envoys, a second time",
     "evening", "Reuters/BUP, 23 August 1948 (paperspast.natlib.govt.nz/newspapers/GEST19480824.2.36)"),
    ("1949-07-18", "ambassador", "Kelly, the new British Ambassador",
     "10 p.m.", "the cable; Kirk 1804, FRUS 1949, vol. V, doc. 365"),
    ("1949-08-15", "ambassador", "Kirk, the new US Ambassador",
     "told to be at the Kremlin gate at 10 p.m.", "Kirk to Acheson, FRUS 1949, vol. V, doc. 380"),
]
#: The day of Kirk's telegram reporting that Vyshinsky had refused Kelly's request to take
#: leave of Stalin: the refusal came on or before it (Kelly left Moscow the next day).
FAREWELL_REFUSED = date(1951, 9, 21)
#: Hours that count as evening ones in :func:`audiences_note`.
_EVENING = re.compile(r"p\.m\.|evening|night")


def audiences(kit: Kit) -> pd.DataFrame:
    """The audiences of :data:`AUDIENCES` with their days from Kelly's meeting, and the refused farewell.

    ``days_from_meeting`` is empty for a month-only date. The last row is the day of Kirk's
    report of the refusal, not the day of the refusal itself.
    """
    rows = [{"date": day, "kind": kind, "who": who, "hour": hour, "source": source,
             "days_from_meeting": days_from_meeting(kit, day)}
            for day, kind, who, hour, source in AUDIENCES]
    rows.append({"date": FAREWELL_REFUSED.isoformat(), "kind": "request refused",
                 "who": "Kelly's request to take leave of Stalin: refused (this is the day of "
                        "Kirk's report; the refusal came on or before it)",
                 "hour": "", "source": "Kirk 491, FRUS 1951, vol. IV, part 2, doc. 343",
                 "days_from_meeting": days_from_meeting(kit, FAREWELL_REFUSED)})
    table = pd.DataFrame(rows).set_index("date")
    table["days_from_meeting"] = table["days_from_meeting"].astype("Int64")
    return table[["days_from_meeting", "kind", "who", "hour", "source"]]


def audiences_note(kit: Kit) -> str:
    """The coda in Markdown: days between the audiences, computed from :func:`audiences`."""
    table = audiences(kit)
    days = table["days_from_meeting"]
    earlier = table[days.notna() & (days < 0)]
    smith = -int(earlier.loc[earlier["kind"] == "ambassador", "days_from_meeting"].max())
    envoys = -int(earlier.loc[earlier["kind"].isin(["ambassador", "envoys"]), "days_from_meeting"].max())
    kelly_day = table.index[days == 0][0]
    ministers = table[(table["kind"] == "foreign minister") & (table.index < kelly_day)]
    minister = -int(ministers["days_from_meeting"].max())
    kelly_hour = table.loc[days == 0, "hour"].iloc[0]
    kirk = table[(table["kind"] == "ambassador") & (days > 0)].iloc[0]
    same_hour = kelly_hour in kirk["hour"]
    farewell = int(days[FAREWELL_REFUSED.isoformat()])
    timed = table[table["hour"] != ""]
    evening = int(timed["hour"].str.contains(_EVENING).sum())
    return (
        f"Before Kelly, the last ambassador received on his own (not with other envoys) that the kit "
        f"can document was Bedell Smith, **{smith}** days earlier (about **{smith / 365.25:.1f}** years); the last "
        f"audience for Western ambassadors at all was **{envoys}** days earlier. **{len(ministers)}** "
        f"foreign ministers, not ambassadors, had been received in between, at the Moscow session of "
        f"the Council of Foreign Ministers in spring 1947, the last of them **{minister}** days "
        f"before Kelly. **{int(kirk['days_from_meeting'])}** days after Kelly, "
        f"Stalin received Kirk, who was {kirk['hour']}" + (", Kelly's hour" if same_hour else "")
        + f". Of the **{len(timed)}** audiences whose hour the sources give, **{evening}** were in "
        f"the evening or at night. On 21 September 1951, **{farewell}** days (about "
        f"**{farewell / 365.25:.1f}** years) after Kelly's audience, Kirk reported that Kelly's "
        "request to take leave of Stalin had been refused."
    )
