"""The notebooks' exercises: one cheap call loads what they need; a slip gets one plain sentence.

Every "Try it" cell of the notebooks starts the same way, so that it runs on its own, on a
fresh kernel, without the cells above it::

    from helpers.course import exercise
    ex = exercise.start("02")   # the cable and what notebook 02's exercises use (cached)
    ex.rate(100)                # words a minute: a sentence, or a plain note saying what to change

:func:`start` is idempotent and cheap after its first call (the cable is parsed once per
kernel), and installs the plain error messages of :mod:`helpers.course.plain`. The methods of
:class:`Exercises` are the exercises' own calls: each checks what the student typed and, for a
slip (a phrase not in the text, a field name misspelt, a turn that does not exist, a date
written day first, ``(100)`` for a tuple, a topic's label for its id, a call with values too
many or too few, such as ``ex.counts("German*", "Paris")`` for ``ex.counts(["German*",
"Paris"])``), returns a :class:`Note`, one plain sentence saying what to do, instead of raising. :meth:`Exercises.check` checks an
answer against its salted hash (:mod:`helpers.course.checks`); :meth:`Exercises.answer` shows a
model answer folded in a ``<details>`` element (:mod:`helpers.course.answers`); :func:`reset`
puts a notebook back as the kit made it (:mod:`helpers.course.reset`).
"""
from __future__ import annotations

import datetime
import difflib
import functools
import inspect
import re
from functools import cached_property, lru_cache
from typing import Any

import pandas as pd
from IPython.display import Markdown

from .. import annotations as notes_lib
from .. import concordance, display, measures, transcript
from ..text import escape_markdown, long_date, plural
from . import nb01, nb02, nb03, nb04, plain
from .cable import chosen, load_cable

__all__ = ["NOTEBOOKS", "Exercises", "Note", "check", "reset", "start"]

#: The notebooks that have exercises.
NOTEBOOKS: tuple[str, ...] = ("01", "02", "03", "04", "05")


class Note:
    """One plain sentence for a slip: shown in a notebook as a note, never as a traceback."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    def _repr_markdown_(self) -> str:
        return f"> **{plain.MARKER} Check the cell:** {escape_markdown(self.sentence)}"

    def __repr__(self) -> str:
        return f"{plain.MARKER} Check the cell: {self.sentence}"

    def __str__(self) -> str:
        return self.sentence


def _quoted(value: object) -> str:
    return f"“{value}”" if isinstance(value, str) else repr(value)


def _tidy(number: float) -> float:
    """A whole number as an int (so that it is shown as 100, not 100.0)."""
    return int(number) if float(number).is_integer() else float(number)


def _number(value: object, what: str, like: str = "100") -> float | Note:
    """``value`` as a number, or a note saying how to write one (``like``: an example that fits)."""
    if isinstance(value, bool):
        return Note(f"{what} must be a number, like {like}, not {value}.")
    if isinstance(value, (int, float)):
        return _tidy(value)
    if isinstance(value, str):
        try:
            return _tidy(float(value.strip().replace(",", ".")))
        except ValueError:
            return Note(f"{what} must be a number, like {like}, without quotation marks: "
                        f"{_quoted(value)} is not one.")
    if isinstance(value, (tuple, list)):
        return Note(f"{what} is one number here, like {like}, without brackets or commas.")
    return Note(f"{what} must be a number, like {like}.")


def _whole(value: object, what: str, like: str = "1") -> int | Note:
    number = _number(value, what, like)
    if isinstance(number, Note):
        return number
    if number != int(number):
        return Note(f"{what} is a whole number, like {like}, not {number:g}.")
    return int(number)


def _text(value: object, what: str) -> str | Note:
    if isinstance(value, str):
        if not value.strip():
            return Note(f"Type {what} between the two quotation marks first.")
        return value
    return Note(f"{what[:1].upper()}{what[1:]} goes between quotation marks, like \"American forces\": "
                f"{value!r} is not in quotation marks.")


def _topic_id(value: object, topics: pd.DataFrame) -> str | Note:
    """A topic id as typed, or a note: a label instead of the id, a misspelt id."""
    typed = _text(value, "a topic id")
    if isinstance(typed, Note):
        return typed
    ids = list(topics["topic"])
    if typed in ids:
        return typed
    by_label = {str(label).casefold(): t for t, label in zip(topics["topic"], topics["label"])}
    if typed.strip().casefold() in by_label:
        return Note(f"{_quoted(typed)} is a topic's label: write its id, "
                    f"\"{by_label[typed.strip().casefold()]}\" (the left-hand column of the topic table).")
    folded = typed.strip().lower().replace(" ", "_").replace("-", "_")
    if folded in ids:
        return Note(f"Write the topic id exactly: \"{folded}\", in small letters with underscores.")
    close = difflib.get_close_matches(folded, ids, n=1)
    hint = f" Did you mean \"{close[0]}\"?" if close else ""
    return Note(f"{_quoted(typed)} is not a topic id.{hint} The ids are: {', '.join(ids)}.")


#: The methods that take a list of words: their values typed without the square brackets get
#: the list written out for them.
_LIST_METHODS = {"counts", "summary_words"}


def _arguments_note(name: str, method: Any, args: tuple, kwargs: dict) -> Note | None:
    """The plain sentence for a call with values the method cannot take (too many, too few, a
    name it does not have), or ``None`` if the call fits. Python's own ``TypeError`` ("takes 2
    positional arguments but 3 were given") names no slip a student can act on."""
    signature = inspect.signature(method)
    try:
        signature.bind(None, *args, **kwargs)
        return None
    except TypeError:
        pass
    params = [p for p in list(signature.parameters.values())[1:]]
    names = [p.name for p in params]
    needed = [p.name for p in params if p.default is inspect.Parameter.empty]
    if name in _LIST_METHODS and len(args) > 1 and not kwargs:
        listed = ", ".join(f'"{a}"' if isinstance(a, str) else repr(a) for a in args)
        return Note(f"Put the words in square brackets, each in quotation marks: ex.{name}([{listed}]).")
    unknown = [k for k in kwargs if k not in names]
    if unknown:
        return Note(f"ex.{name} has no {unknown[0]}=: give it " + _values(names) + ".")
    if len(args) > len(names):
        return Note(f"ex.{name} takes {_count(len(names))} ({_values(names)}), and the cell gives it "
                    f"{len(args)}: compare the line with the cell as it was (a comma too many, or "
                    "brackets left out?).")
    return Note(f"ex.{name} needs {_count(len(needed))} ({_values(needed)}), and the cell gives it "
                f"{len(args) + len(kwargs)}: compare the line with the cell as it was.")


def _count(n: int) -> str:
    return {0: "no value", 1: "one value", 2: "two values", 3: "three values"}.get(n, f"{n} values")


def _values(names: list[str]) -> str:
    shown = [n.replace("_", " ") for n in names]
    return "nothing" if not shown else shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _plain_arguments(cls: type) -> type:
    """Give every public method of ``cls`` a plain sentence (a :class:`Note`) for a call with the
    wrong number of values, in place of Python's ``TypeError``."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(member):
            continue

        def wrap(method: Any, name: str = name) -> Any:
            @functools.wraps(method)
            def call(self: Any, *args: Any, **kwargs: Any) -> Any:
                note = _arguments_note(name, method, args, kwargs)
                if note is not None:
                    if inspect.signature(method).return_annotation in ("None",):
                        print(note.sentence)  # the methods that print (print_turn, check_note)
                        return None
                    return note
                return method(self, *args, **kwargs)
            return call

        setattr(cls, name, wrap(member))
    return cls


@_plain_arguments
class Exercises:
    """What one notebook's exercises use, loaded once: the cable and, when first asked for,
    the topic notes, the tagger's keywords or the notes on the other documents. Made by
    :func:`start`; each method is one exercise's call."""

    def __init__(self, notebook: str, cable: transcript.Transcript) -> None:
        self.notebook = notebook
        self.cable = cable

    def __repr__(self) -> str:
        return f"The exercises of notebook {self.notebook}, on the cable ({len(self.cable.turns)} turns)."

    # ---- what the exercises read, loaded when first needed --------------------------------

    @cached_property
    def turns(self) -> pd.DataFrame:
        return self.cable.turns

    @cached_property
    def notes(self) -> pd.DataFrame:
        return nb03.notes()

    @cached_property
    def topics(self) -> pd.DataFrame:
        return nb03.topics()

    @cached_property
    def glossary(self) -> pd.DataFrame:
        return nb03.glossary()

    @cached_property
    def hand(self) -> pd.DataFrame:
        """The hand notes' (turn, topic) pairs."""
        return notes_lib.topics_by_turn(self.turns, self.notes)

    @cached_property
    def witnesses(self) -> Any:
        from . import witnesses
        return witnesses.load()

    @property
    def words(self) -> int:
        return int(self.turns["words"].sum())

    @property
    def factor(self) -> float:
        """The interpretation factor: 2 when the record names an interpreter (the cable does)."""
        return 2.0 if measures.mentions_interpreter(self.cable.blocks) else 1.0

    @property
    def duration(self) -> float | None:
        return self.cable.metadata.duration_minutes

    def _turn(self, value: object, zero: bool = False) -> int | Note:
        n = _whole(value, "The turn")
        if isinstance(n, Note):
            return n
        last = int(self.turns["turn"].max())
        if zero and n == 0:
            return 0
        if not 1 <= n <= last:
            return Note(f"There is no turn {n}: the cable has turns 1 to {last}, so write a number from "
                        f"1 to {last}" + (", or 0 to leave no turn out." if zero else "."))
        return n

    # ---- notebook 01 ----------------------------------------------------------------------

    def where(self, phrase: object) -> pd.DataFrame | Note:
        """Where an exact phrase stands: turn or narration, and line (notebook 01, Try it 1)."""
        typed = _text(phrase, "the phrase")
        if isinstance(typed, Note):
            return typed
        hits = concordance.find_phrase(self.cable.source, self.cable.blocks, typed)
        if hits.empty:
            loose = concordance.term_pattern(typed).search(self.cable.source)
            if loose:
                return Note(f"{_quoted(typed)} is not in the cable as written: the search is exact. "
                            f"The cable has {_quoted(loose.group(0))}: check the capital letters.")
            return Note(f"{_quoted(typed)} is not in the cable: the search is exact, so check the "
                        "spelling, the capital letters and the spaces.")
        return concordance.phrase_table(self.cable.source, self.cable.blocks, typed)

    def time_between(self, start: object, end: object) -> Markdown | Note:
        """How long from one time of the header to another (notebook 01, Try it 2)."""
        names = list(nb01.TIME_FIELDS)
        for value in (start, end):
            typed = _text(value, "a time's name")
            if isinstance(typed, Note):
                return typed
            if typed not in names:
                folded = typed.strip().lower().replace(" ", "_").replace("-", "_")
                if folded in names:
                    return Note(f"Write {_quoted(typed)} as \"{folded}\", with an underscore "
                                "instead of the space.")
                close = difflib.get_close_matches(folded, names, n=1)
                hint = f" Did you mean \"{close[0]}\"?" if close else ""
                return Note(f"{_quoted(typed)} is not one of the times.{hint} Use one of "
                            + ", ".join(f'"{n}"' for n in names) + ".")
        return Markdown(nb01.time_between(self.cable.metadata, str(start), str(end)))

    def person(self, name: object) -> Markdown | Note:
        """Who one person of the room was, and every line where the record names them
        (notebook 01, Try it 3)."""
        typed = _text(name, "a name")
        if isinstance(typed, Note):
            return typed
        people = self.cable.people.set_index("id")
        ids = list(people.index)
        match = [i for i in ids if i.casefold() == typed.strip().casefold()]
        if not match:
            close = difflib.get_close_matches(typed.strip().title(), ids, n=1)
            hint = f" (did you mean \"{close[0]}\"?)" if close else ""
            return Note(f"{_quoted(typed)} is not one of the people in the room{hint}: write one of "
                        + ", ".join(ids) + ".")
        who = match[0]
        row = people.loc[who]
        hits = concordance.find_phrase(self.cable.source, self.cable.blocks, who)
        speaks = "speaks in the record" if row["speaks_in_record"] == "yes" else "never speaks in the record"
        labels = {int(t.turn): (int(t.start), int(t.start) + len(str(t.label))) for t in self.turns.itertuples()}
        places = []
        for hit in hits.itertuples():
            label = labels.get(int(hit.turn)) if pd.notna(hit.turn) else None
            if label is not None and label[0] <= hit.start < label[1]:
                where = f"turn {hit.turn}, the speaker's label, not words spoken"
            else:
                where = f"turn {hit.turn}, spoken" if pd.notna(hit.turn) else hit.kind
            places.append(f"- line {hit.line} ({where}): {escape_markdown(hit.context)}")
        lines = [f"**{escape_markdown(who)}**: {escape_markdown(row['full_name'])}. *Role:* "
                 f"{escape_markdown(row['role'])}. *Certainty:* {row['certainty']}. {who} {speaks}. "
                 f"The record names {who} in {plural(len(hits), 'place')}:", "", *places]
        return Markdown("\n".join(lines))

    def without_speaker_file(self) -> pd.DataFrame:
        """The turns of each speaker the program finds without the speaker file (Try it 4)."""
        raw = transcript.parse_text(self.cable.source)
        return measures.per_speaker(raw.turns)[["turns"]]

    # ---- notebook 02 ----------------------------------------------------------------------

    def rate(self, words_per_minute: object) -> Markdown | Note:
        """The record's speaking time at one rate (notebook 02, Try it 1)."""
        rate = _number(words_per_minute, "The speaking rate")
        if isinstance(rate, Note):
            return rate
        if rate <= 0:
            return Note(f"The speaking rate must be more than 0 words a minute: {rate:g} is not. Try 100.")
        text = nb02.rate_sentence(self.words, rate, self.factor, self.duration)
        note = nb02.rate_note(rate)
        return Markdown(text + (f"\n\n*Note:* {note}" if note else ""))

    def without_turn(self, turn: object) -> pd.DataFrame | Note:
        """The shares of words and turns with one turn left out (notebook 02, Try it 2)."""
        n = self._turn(turn, zero=True)
        if isinstance(n, Note):
            return n
        return measures.per_speaker(measures.without_turn(self.turns, n))[measures.SHARE_COLUMNS]

    def count(self, mark: object) -> pd.DataFrame | Note:
        """How often a punctuation mark stands in each speaker's words (notebook 02, Try it 3)."""
        typed = _text(mark, "the mark")
        if isinstance(typed, Note):
            return typed
        return measures.punctuation(self.turns, typed.strip())

    def sentences(self) -> pd.DataFrame:
        """Words, sentences and their averages per speaker (notebook 02, Try it 4)."""
        speakers = measures.per_speaker(self.turns)
        return speakers[["words", "sentences", "words_per_sentence", "share_of_words",
                         "share_of_sentences"]]

    # ---- notebook 03 ----------------------------------------------------------------------

    def kwic(self, word: object, column: str = "spoken") -> pd.DataFrame | Note:
        """Every place a word is spoken, with the words around it (notebook 03)."""
        typed = _text(word, "a word")
        if isinstance(typed, Note):
            return typed
        try:
            hits = concordance.kwic_table(self.turns, typed, column=column)
        except ValueError as error:
            return Note(f"{error}: type a word, like \"assistance\".")
        if hits.empty:
            elsewhere = "" if column == "text" else (
                " (It is in the full text of a turn, a stage direction: see the search of the "
                "text column above.)" if not concordance.kwic(self.turns, typed, column="text").empty
                else "")
            return Note(f"{_quoted(typed)} is not spoken in any turn: check the spelling, or add a "
                        f"* for any ending (\"{typed.strip()}*\").{elsewhere}")
        return hits

    def print_turn(self, turn: object) -> None:
        """Print one turn exactly as the cable has it, to copy a phrase from (notebook 03, Try it 2)."""
        n = self._turn(turn)
        print(n.sentence if isinstance(n, Note) else nb03.turn_for_copying(self.turns, n))

    def check_note(self, turn: object, anchor: object, topic: object) -> None:
        """Add one note to a copy of the kit's notes and check it (notebook 03, Try it 2)."""
        typed = _text(anchor, "a phrase")
        if isinstance(typed, Note):
            print(typed.sentence)
            return
        if not isinstance(topic, str) or topic not in set(self.topics["topic"]):
            label = _topic_id(topic, self.topics)
            if isinstance(label, Note):  # a label, a misspelt id ("did you mean ...?"), no quotation marks
                print(label.sentence)
                return
        with_mine = notes_lib.add_note(self.notes, turn=turn, anchor=typed, topic=str(topic))  # type: ignore[arg-type]
        print(notes_lib.check(self.turns, with_mine, self.topics, self.glossary))

    def try_keyword(self, topic: object, keyword: object) -> pd.DataFrame | Note:
        """The tagger's agreement with the hand notes, with one keyword added (notebook 03, Try it 3)."""
        chosen = _topic_id(topic, self.topics)
        if isinstance(chosen, Note):
            return chosen
        if not isinstance(keyword, str):
            return Note("The keyword goes between the two quotation marks, like \"stabilizing factor\".")
        try:
            return concordance.try_keyword(self.turns, self.hand, chosen, keyword, nb03.KEYWORDS)
        except ValueError as error:
            return Note(f"{error}: type a word or a phrase, like \"stabilizing factor\".")

    def changed(self, topic: str, keyword: str) -> pd.DataFrame:
        """The (turn, topic) pairs whose verdict changes with one keyword added."""
        return concordance.changed_verdicts(self.turns, self.hand, {topic: [keyword]}, nb03.KEYWORDS)

    def topics_in_turns(self, first: object = 1, last: object = None) -> pd.DataFrame | Note:
        """The topics live in turns ``first`` to ``last``, named by turn (notebook 03, Try it 4)."""
        start = self._turn(first)
        if isinstance(start, Note):
            return start
        stop = self._turn(last) if last is not None else int(self.turns["turn"].max())
        if isinstance(stop, Note):
            return stop
        table = self.hand[(self.hand["turn"] >= start) & (self.hand["turn"] <= stop)]
        labels = self.topics.set_index("topic")["label"]
        return table.assign(label=table["topic"].map(labels)).set_index("turn")[
            ["speaker", "topic", "label", "notes"]]

    # ---- notebook 04 ----------------------------------------------------------------------

    def _terms(self, terms: object) -> list[str] | Note:
        if isinstance(terms, str):
            terms = [terms]
        if not isinstance(terms, (list, tuple)) or not terms:
            return Note("Give the words as a list in square brackets, each in quotation marks: "
                        "[\"German*\", \"Paris\"].")
        out = []
        for term in terms:
            typed = _text(term, "each word")
            if isinstance(typed, Note):
                return typed
            if not re.search(r"[^\W_]", typed):
                return Note(f"{_quoted(typed)} has no letters: a search term needs a word, like \"Paris\".")
            out.append(typed)
        return out

    def counts(self, terms: object) -> pd.DataFrame | Note:
        """How often each term is spoken, in which turns, and by whom (notebook 04, Try it 1)."""
        words = self._terms(terms)
        if isinstance(words, Note):
            return words
        return concordance.kwic_counts(self.turns, words, by_speaker=True)

    def speaking_time(self, rates: object, factor: object = 2.0) -> Markdown | Note:
        """The speaking-time sentence for some rates and an interpreting factor (notebook 04, Try it 2)."""
        note = ""
        bare = isinstance(rates, (int, float)) and not isinstance(rates, bool)
        if bare and isinstance(factor, (int, float)) and not isinstance(factor, bool) and factor > 5:
            return Note(f"Put the rates in brackets, with commas between them: ex.speaking_time(({rates:g}, "
                        f"{factor:g}), 2.0); the second value is the interpreting factor, like 2.0.")
        if bare:
            note = (f"({rates:g}) in Python is just the number {rates:g}, so the kit used one rate; "
                    "for several rates, put commas between them: (100, 160).")
            rates = (rates,)
        if not isinstance(rates, (tuple, list)) or not rates:
            return Note("Give the rates in brackets, with commas between them: (100, 160).")
        values = []
        for value in rates:
            rate = _number(value, "Each rate")
            if isinstance(rate, Note):
                return rate
            if rate <= 0:
                return Note(f"A speaking rate must be more than 0 words a minute: {rate:g} is not.")
            values.append(rate)
        how_much = _number(factor, "The interpreting factor", "2.0")
        if isinstance(how_much, Note):
            return how_much
        if how_much <= 0:
            return Note("The interpreting factor must be more than 0: 1 means no interpreting, 2 "
                        "means everything said twice.")
        far = [nb02.rate_note(r) for r in values if nb02.rate_note(r)]
        sentence = nb04.speaking_time_sentence(self.words, values, how_much, self.duration or 0.0).data
        extra = [f"*Note:* {n}" for n in ([note] if note else []) + far]
        return Markdown("\n\n".join([sentence, *extra]))

    def summary_words(self, terms: object) -> pd.DataFrame | Note:
        """The summary line's words in the record: how often, who says them, where, and the
        words around them (notebook 04, Try it 3)."""
        words = self._terms(terms)
        if isinstance(words, Note):
            return words
        counts = nb04.term_counts(self.cable, words)
        record = self.cable.blocks[self.cable.blocks["kind"].isin(["narration", "speech"])]
        speaker = dict(zip(self.turns["turn"].astype(int), self.turns["speaker"].astype(str)))
        who, around = [], []
        for term in words:
            places, contexts = [], []
            for block in record.itertuples():
                for match in concordance.term_pattern(term).finditer(block.text):
                    if block.kind == "speech":
                        places.append(f"turn {int(block.turn)} ({speaker[int(block.turn)]})")
                    else:
                        places.append("narration")
                    contexts.append(concordance.context(block.text, match.start(), match.end(), 25))
            who.append(", ".join(dict.fromkeys(places)) or display.MISSING)
            around.append(" | ".join(contexts) or display.MISSING)
        return counts.assign(who_says_it=who, words_around_it=around)

    def stage_directions(self) -> pd.DataFrame:
        """Every turn with its stage directions (notebook 04, Try it 4)."""
        return display.stage_directions(self.turns)

    def days(self, year: object, month: object = None, day: object = None) -> Markdown | Note:
        """How far a day lies from the meeting, given as year, month, day (notebook 04, Try it 5).

        A :class:`datetime.date` or ``"1949-04-04"`` is accepted too; a date written day first
        (``4, 4, 1949``) gets a note saying to put the year first.
        """
        if isinstance(year, datetime.date):
            when = year
        elif isinstance(year, str) and month is None:
            try:
                when = datetime.date.fromisoformat(year.strip())
            except ValueError:
                return Note(f"{_quoted(year)} is not a date the kit reads: write the year, the "
                            "month and the day, like ex.days(1949, 4, 4).")
        else:
            parts = [_whole(v, "Each part of the date", "1949") for v in (year, month, day)]
            for part in parts:
                if isinstance(part, Note):
                    return Note("Write the date as three numbers, year, month and day, like "
                                "ex.days(1949, 4, 4).")
            y, m, d = (int(p) for p in parts)  # type: ignore[arg-type]
            if y <= 31 and d >= 1000:
                try:
                    meant = " for " + long_date(datetime.date(d, m, y))
                except ValueError:
                    meant = ""
                return Note(f"That looks like day, month, year: write the year first, "
                            f"ex.days({d}, {m}, {y}){meant}.")
            if m > 12 and d <= 12:
                return Note(f"That looks like year, day, month: write year, month, day, "
                            f"ex.days({y}, {d}, {m}).")
            try:
                when = datetime.date(y, m, d)
            except ValueError:
                return Note(f"{y}, {m}, {d} is not a date: the month goes from 1 to 12 and the day "
                            "must exist in that month (year, month, day).")
        return nb04.days_sentence(when)

    # ---- notebook 05 ----------------------------------------------------------------------

    def search(self, word: object) -> pd.DataFrame | Note:
        """The kit's notes on the other documents that contain a word (notebook 05, Try it 1)."""
        from . import witnesses as wt
        typed = _text(word, "a word")
        if isinstance(typed, Note):
            return typed
        found = wt.search(self.witnesses, typed.strip())
        if found.empty:
            return Note(f"No note contains {_quoted(typed)}: check the spelling, or try a shorter "
                        "word (the search finds any part of a word, in any case).")
        return display.for_reading(found, index="note")

    def position(self, topic: object) -> Markdown | Note:
        """Where one topic first comes up in each account (notebook 05, Try it 2)."""
        from . import witnesses as wt
        chosen = _topic_id(topic, self.topics)
        if isinstance(chosen, Note):
            return chosen
        return Markdown(wt.position_sentence(self.witnesses, chosen))

    def opening(self, topic: object) -> Markdown | Note:
        """Where one subject of Kelly's opening stands in each account (notebook 05, Try it 3)."""
        from . import witnesses as wt
        chosen = _topic_id(topic, self.topics)
        if isinstance(chosen, Note):
            return chosen
        try:
            return Markdown(wt.opening_sentence(self.witnesses, chosen))
        except ValueError as error:
            return Note(str(error))

    def beside(self, note_id: object) -> pd.DataFrame | Note:
        """One of the kit's notes on a document beside the part of the cable it bears on
        (notebook 05, Try it 4)."""
        from . import witnesses as wt
        typed = _text(note_id, "a note id")
        if isinstance(typed, Note):
            return typed
        ids = list(self.witnesses.witnesses["point_id"])
        if typed.strip() not in ids:
            close = difflib.get_close_matches(typed.strip().lower(), ids, n=1)
            hint = f" Did you mean \"{close[0]}\"?" if close else ""
            kirk = [i for i in ids if i.startswith("k")]
            return Note(f"There is no note {_quoted(typed)}.{hint} The notes on Kirk's telegram are "
                        f"{kirk[0]} to {kirk[-1]} (the first column of the table in section 2).")
        return wt.point_beside_turn(self.witnesses, typed.strip())

    # ---- answers and checks ---------------------------------------------------------------

    def check(self, question: str, answer: object) -> Markdown:
        """Check an answer against its salted hash: one sentence back (:mod:`helpers.course.checks`)."""
        from . import checks
        return Markdown(checks.verdict(question, answer))

    def answer(self, number: int) -> Any:
        """The model answer to Try it ``number`` of this notebook, folded (:mod:`helpers.course.answers`)."""
        from . import answers
        return answers.answer(self, number)


@lru_cache(maxsize=None)
def _exercises(notebook: str) -> Exercises:
    return Exercises(notebook, load_cable())


def _on(notebook: str) -> Exercises:
    record = chosen()
    if record is None:
        return _exercises(notebook)
    return Exercises(notebook, record)  # a rerun on another record: its own, not cached


def start(notebook: str) -> Exercises:
    """What notebook ``notebook``'s exercises need, loaded once per kernel (a second call
    returns the same object at once); also installs the plain error messages.

    The exercises work on the cable, or, when the notebook's own cells read another record in
    this kernel (``make rerun``: :func:`helpers.course.cable.chosen`), on that record.
    """
    number = str(notebook).strip()
    number = number.zfill(2) if number.isdigit() else number
    if number not in NOTEBOOKS:
        raise plain.Slip(f"there is no notebook {notebook!r}: the notebooks are "
                         + ", ".join(NOTEBOOKS))
    plain.install()
    return _on(number)


def check(question: str, answer: object) -> Markdown:
    """Check an answer, like ``check("02-1", "18.5")``: one sentence back, right or where to
    look again (:func:`helpers.course.checks.verdict`)."""
    plain.install()
    from . import checks
    return Markdown(checks.verdict(question, answer))


def reset(notebook: str) -> Markdown:
    """Put notebook ``notebook`` back as the kit made it (:func:`helpers.course.reset.reset`),
    and say what to do next in JupyterLab."""
    from . import reset as _reset
    return Markdown(_reset.reset_message(notebook))
