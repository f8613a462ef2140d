"""Parse a speaker-labelled record into blocks and turns, losing nothing.

The grammar, in the order the parser applies it:

1. **Paragraphs.** The text is cut into paragraphs at blank lines. Each paragraph becomes one
   *block*; a block's ``text`` is ``source[start:end]``, from its first to its last non-space
   character. Every non-space character of the source lies in exactly one block.
   Header paragraphs (see 6) are cut further, one block per line. A line inside a paragraph
   that opens with a label (and has words after it), after a line ending like a sentence,
   starts a paragraph of its own: web copies sometimes lose the blank line before a label.
2. **Labels.** A paragraph that opens with a speaker label starts a new turn. A label is one to
   seven words, each starting with a capital letter (``Stalin``, ``Sir. D. Kelly``,
   ``PRESIDENT BIDEN``, ``General Secretary Brezhnev``; ``of``, ``the``, ``de``, ``von`` and a few
   other small words may stand inside, and a particle may open it: ``de Gaulle``), optionally followed by a parenthesis
   (``Dr. Kissinger (to General Haig)``), then a colon and a space (ordinary or non-breaking)
   or an opening quotation mark. White House transcripts' ``Q`` followed by two or more spaces
   (or a tab, or a non-breaking space) is a label too, and so is a numbered role
   (``Speaker 1:``, ``UNIDENTIFIED SPEAKER 2:``, ``Participant 3:``; only such role words may
   carry a number, so ``Article 5:`` is not a label). Words before a colon that are not all
   capitalised (``I have the following question: how ...``) are not a label; neither is a word
   that opens speech (``First:``, ``Finally:``, ``Look:``). Header field names
   (``Participants:``, ``Date:``, ``Subject:``, ``Notetaker:`` ...) are never speakers; before
   the first turn, neither is a list heading such as ``U.S. Side:``, ``Soviet Participants:``
   or ``Interpreter:``.
   In a record that ends its labels with a full stop, as the Public Papers of the Presidents
   print Truman's press conferences (at least two paragraphs open with such a label other than
   ``Q.``), one to five words in capitals followed by a full stop and a space are a label too:
   ``THE PRESIDENT.``, ``MR. ROSS.``, ``Q.``; abbreviations (``NO. 608``), ``OK.`` and a
   cable's marks (``SECRET.``) are not, and a label of one word (other than ``Q.``) counts only
   when it opens two paragraphs or more (``NATO. That is ...`` once is speech). An item number
   in square brackets before any label (``[1.] Q. ...``) is an editorial note of the turn.
3. **Quoted turns.** In a record that quotes its speech (at least half of its labels are
   followed by an opening quotation mark, as in the cable), when a label is followed (after any
   stage direction) by an opening quotation mark (curly ``“`` or straight ``"``), the turn
   runs to the end of the paragraph in which that quotation closes, over as many paragraphs as
   it takes. Only the words inside the quotation marks are spoken; a parenthesis inside a
   quotation may hold a quotation of its own (``(His translator said “meaningless”)``), and so
   may straight marks inside curly ones (``“He said "no" to me.”``). Single marks (``‘...’``)
   are not read as quotation marks, because ``’`` is also the apostrophe; a record whose labels
   are mostly followed by ``‘`` gets a warning saying so.
   Paragraphs after the closing mark that carry no label are narration, not speech. A
   quotation still open when the next quoted label (a label followed by an opening mark) or the
   end of the file comes is an error naming the line where it opened; a label followed by plain
   text inside an open quotation is read as part of the speech (a paragraph of it may begin
   ``Berlin: ...``).
4. **Unquoted turns.** When the label is followed by plain text, or in a record that does not
   quote its speech (a press conference whose speaker begins by quoting someone), every
   following paragraph without a label continues the same turn, up to the next label or to a
   closing paragraph: a time stamp such as ``2:58 P.M. JST``, ``END``, ``###``, ``* * *``, a
   rule ``---``, a heading ``Notes`` or ``Footnotes``, an editor's ``NOTE: ...``, or a footnote
   (``[1] ...``, ``1. See ...``, ``1. Source: ...``, or ``1 A correspondent ...`` right after a
   paragraph whose word carries that number, ``Tony.1``; the number stays in its word). A
   paragraph that is only a stage direction (``(Laughter.)``) continues the turn like any other
   (in a quoted record it is narration, like any paragraph after the closing mark).
5. **Stage directions and editorial notes**: text in parentheses or square brackets inside a
   turn (``(Laughing)``, ``(After a pause)``, ``[Omitted here is ...]``, footnote markers
   ``[1]``), and, in a quoted turn, any words outside the quotation marks. They stay in ``text``,
   are listed in ``stage_directions`` and are left out of ``spoken``.
6. **Header and narration.** Paragraphs before the first turn are the *header*, except a run of
   prose paragraphs (twelve or more words, ending like a sentence, no line opening with a header
   field such as ``DATE:``) just before the first turn, which is *narration*: in the cable,
   Kelly's "The Generalissimo received me ..." paragraph.
   Paragraphs after a turn that are not speech are narration.

A **turn** is thus one stretch of speech under one label. Two labelled paragraphs in a row by
the same speaker are two turns (the cable's turns 9 and 10, on either side of the unrecorded
personal questions, show why: the record itself breaks there).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TypeGuard

from .counting import count_characters, count_sentences, count_words
from .errors import TranscriptError
from .source import position

# ---------------------------------------------------------------------------------------------
# Patterns
_SEPARATOR = re.compile(r"\n(?:[^\S\n]*\n)+")
# Capital letters a label may begin with: Latin (with the extended blocks, which mix capitals
# and small letters), Greek and Cyrillic. Combining accents may follow any letter ("José" typed
# as "Jose" and U+0301, as text copied on a Mac often is).
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏΆ-ΫЀ-Я"
_ACCENTS = "\u0300-\u036f"
_SMALL = r"(?:of|the|de|du|des|la|le|von|van|der|den|al|el|bin|ibn|y|da|di|and|for)"
_PARTICLE = r"(?:de|du|des|la|le|von|van|der|den|al|el|bin|ibn|da|di)"  # "de Gaulle:"
_CAP_WORD = rf"[{_UPPER}][\w’'.\-{_ACCENTS}]*"
_LABEL = re.compile(
    rf"(?P<label>(?:{_PARTICLE}[ \t\u00a0]+)?{_CAP_WORD}"
    rf"(?:[ \t\u00a0]+(?:{_CAP_WORD}|{_SMALL}(?=[ \t\u00a0]))){{0,6}})"
    r"(?:[ \t\u00a0]*(?P<aside>\([^()\n]{1,80}\)))?"
    r"[ \t\u00a0]*:(?=[\s\u00a0“\"«]|$)"
)
_Q_LABEL = re.compile(r"(?P<label>Q)(?:[ \t\u00a0]{2,}|[ \t]*[\u00a0\t])(?=\S)")
# Numbered speakers of interview and hearing transcripts: "Speaker 1:", "UNIDENTIFIED SPEAKER 2:",
# "Participant 3:". Only these role words may carry a number, so "Article 5:" stays speech.
_ROLE = r"(?i:speaker|participant|person|voice|interviewer|interviewee|respondent|delegate|reporter|questioner)"
_NUMBERED_LABEL = re.compile(
    rf"(?P<label>(?:{_CAP_WORD}[ \t\u00a0]+){{0,2}}{_ROLE}[ \t\u00a0]+\d{{1,3}})"
    r"(?:[ \t\u00a0]*(?P<aside>\([^()\n]{1,80}\)))?"
    r"[ \t\u00a0]*:(?=[\s\u00a0“\"«]|$)"
)
# Full-stop labels, as the Public Papers of the Presidents print Truman's press conferences:
# "THE PRESIDENT. I have no statements", "MR. ROSS. Yes", "Q. Mr. President, ...". Read only in
# a record that uses them (see _full_stop_style), and only in capitals, so that "Mr. Bevin. He
# said" or "No. 608" is never a speaker.
_CAPS_WORD = rf"(?:Mc|Mac|De|La)?[{_UPPER}][{_UPPER}’'\-{_ACCENTS}]+"  # McMAHON, DeGAULLE
_TITLE = rf"[{_UPPER}]{{1,4}}\."  # MR. GEN. or an initial F., inside a label
_FULL_STOP_LABEL = re.compile(
    rf"(?P<label>Q|(?:{_TITLE}[ \t\u00a0]+)*{_CAPS_WORD}"
    rf"(?:[ \t\u00a0]+(?:{_TITLE}[ \t\u00a0]+)*{_CAPS_WORD}){{0,4}})"
    r"\.[ \t\u00a0]+(?=\S)"
)
# Words that end a capitalised line with a full stop but are not speakers: abbreviations
# ("NO. 608") and a cable's classification and precedence marks ("SECRET. PRIORITY.").
_NOT_FULL_STOP_SPEAKERS = frozenset(
    """mr mrs ms dr st no nos sen rep gen gov adm col maj capt lt sgt rev prof hon jr sr
    secret top secret confidential restricted unclassified priority urgent immediate niact
    personal end note ok okay yes""".split()) | frozenset(["top secret", "eyes only"])
# A footnote paragraph of the Public Papers, "1 A correspondent of the Associated Press."
_NOTE_NUMBER = re.compile(r"(\d{1,2})[ \t\u00a0]+[A-Z]")
# An item number the Public Papers put before a label: "[1.] Q. Mr. President ...".
_ITEM = re.compile(r"\[\d{1,3}\.\][ \t\u00a0]+")
_HEADER_FIELDS = frozenset(
    """participants participant present also present date time date and time place location
    subject subjects source sources from to cc bcc classification distribution summary note notes
    memorandum memorandum of conversation memorandum for the record attachment attachments
    enclosure enclosures reference references re topic topics drafted by approved by copies
    minutes record file ref tags cleared notetaker notetakers title venue released transcript
    action info precedence""".split()
) | frozenset(
    ["also present", "date and time", "memorandum of conversation", "memorandum for the record",
     "drafted by", "approved by", "time and place", "date and place", "cleared by", "prepared by",
     "note taker", "note takers"]
)
# Words that open a paragraph of speech with a colon ("First: we must agree"), never speakers
# when they stand alone.
_NOT_SPEAKERS_ALONE = frozenset(
    """first second third fourth fifth firstly secondly thirdly finally lastly next look listen
    now well so yes no remember example""".split())
_NEVER_SPEAKERS = _HEADER_FIELDS | _NOT_SPEAKERS_ALONE
# Before the first turn, a label-like line ending in one of these words is a header field
# ("U.S. Side:", "Soviet Participants:"), not a speaker.
_HEADER_LAST_WORDS = frozenset(
    """side sides participants participant delegation delegations attendees present staff
    interpreter interpreters""".split())
_CLOSING = re.compile(
    r"(?:\d{1,2}[:.]\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?"   # 2:58 P.M. JST
    r"|END(?:\s.*)?|#{3,}|(?:\*[ \t]*){3,}|[-_=—]{3,}"              # END, ###, * * *, ---
    r"|\[\d+\]\s.*|\d+\.?\s+See\s.*"                                # footnotes
    r"|\d{1,3}\.?\s+(?:Source|Sources|Ibid|Printed|Not\s+printed)\b.*"  # FRUS source notes
    r"|(?:Notes?|Footnotes?|Endnotes?|Sources?):?"                   # headings
    r"|(?:NOTE|Note):\s.*)",                                          # an editor's note
    re.DOTALL,
)
_OPENING_QUOTES = "“\"«"
_QUOTE_CHARS = re.compile(r"[“”\"«»()\[\]]")
_GROUP_CHARS = re.compile(r"[()\[\]]")
_PROSE_END = re.compile(r"[.?!”\"’)]\s*$")
_TRAILING_PUNCT = re.compile(r"[ \t]*[.,;:]")


@dataclass
class Paragraph:
    """One paragraph of the source: its offsets and first line."""

    start: int
    end: int
    line_start: int
    line_end: int
    text: str


@dataclass
class _Turn:
    label: str
    label_start: int
    label_end: int
    quoted: bool
    paragraphs: list[int] = field(default_factory=list)
    # (start, end) spans of spoken text, in source offsets
    speech: list[tuple[int, int]] = field(default_factory=list)
    # (start, end) spans of text outside the quotation marks
    outside: list[tuple[int, int]] = field(default_factory=list)
    aside: str | None = None


# ---------------------------------------------------------------------------------------------
# Paragraphs
def split_paragraphs(text: str) -> list[Paragraph]:
    """Cut ``text`` into paragraphs at blank lines; offsets exclude surrounding white space."""
    paragraphs: list[Paragraph] = []
    piece_start = 0
    line = 1
    counted_to = 0
    bounds = [(m.start(), m.end()) for m in _SEPARATOR.finditer(text)]
    bounds.append((len(text), len(text)))
    for sep_start, sep_end in bounds:
        piece = text[piece_start:sep_start]
        stripped = piece.strip()
        if stripped:
            start = piece_start + (len(piece) - len(piece.lstrip()))
            end = start + len(stripped)
            line += text.count("\n", counted_to, start)
            counted_to = start
            line_end = line + stripped.count("\n")
            paragraphs.append(Paragraph(start, end, line, line_end, stripped))
        piece_start = sep_end
    return paragraphs


def _lines(para: Paragraph) -> list[Paragraph]:
    """The non-blank lines of a paragraph, as paragraphs of one line each."""
    out = []
    offset = para.start
    for number, line in enumerate(para.text.split("\n")):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            out.append(Paragraph(start, start + len(stripped), para.line_start + number,
                                 para.line_start + number, stripped))
        offset += len(line) + 1
    return out


def split_at_labels(paragraphs: list[Paragraph], full_stop: bool = False) -> list[Paragraph]:
    """Cut a paragraph again where a line inside it opens with a speaker label.

    Transcripts copied from web pages sometimes lose the blank line before a label
    (``... questions from the U.S. press.`` / ``PRESIDENT BIDEN:  Nancy ...``). A line counts
    as opening a new paragraph when it starts with a label, has words after the label, and the
    line before it ends like a sentence (so a hard-wrapped line that happens to begin
    ``Berlin: ...`` in mid-sentence is left alone). ``full_stop`` is passed to
    :func:`match_label`.
    """
    out: list[Paragraph] = []
    for para in paragraphs:
        if "\n" not in para.text:
            out.append(para)
            continue
        lines = _lines(para)
        cuts = [0]
        for i in range(1, len(lines)):
            m = match_label(lines[i].text, full_stop)
            if (m is not None and lines[i].text[m.end():].strip()
                    and _PROSE_END.search(lines[i - 1].text)):
                cuts.append(i)
        if len(cuts) == 1:
            out.append(para)
            continue
        for a, b in zip(cuts, cuts[1:] + [len(lines)]):
            first, last = lines[a], lines[b - 1]
            out.append(Paragraph(first.start, last.end, first.line_start, last.line_end,
                                 para.text[first.start - para.start:last.end - para.start]))
    return out


# ---------------------------------------------------------------------------------------------
# Labels
def match_label(paragraph: str, full_stop: bool = False) -> re.Match[str] | None:
    """The speaker label that opens ``paragraph``, or ``None`` (see the module grammar).

    With ``full_stop``, a label in capitals ending in a full stop (``THE PRESIDENT.``, ``Q.``)
    counts too. An item number before the label (``[1.] Q. ...``) is skipped: the match starts
    at the item number and ``m.start("label")`` says where the label itself begins.
    """
    item = _ITEM.match(paragraph)
    pos = item.end() if item else 0
    m = (_Q_LABEL.match(paragraph, pos) or _NUMBERED_LABEL.match(paragraph, pos)
         or _LABEL.match(paragraph, pos) or (_full_stop_label(paragraph, pos) if full_stop else None))
    if m is None:
        return None
    label = m.group("label")
    if len(label) > 60:
        return None
    if _normal(label).rstrip(".") in _NEVER_SPEAKERS:
        return None
    return m


def _full_stop_label(paragraph: str, pos: int = 0) -> re.Match[str] | None:
    """A full-stop label at ``pos`` (``THE PRESIDENT.``), unless it is an abbreviation or a mark."""
    m = _FULL_STOP_LABEL.match(paragraph, pos)
    if m is not None:
        words = _normal(m.group("label"))
        if words in _NOT_FULL_STOP_SPEAKERS or words.split()[-1] in _NOT_FULL_STOP_SPEAKERS:
            return None
    return m


def _full_stop_style(paragraphs: list[Paragraph]) -> bool:
    """Whether the record writes its labels with a full stop (``THE PRESIDENT. ...``).

    It does when at least two paragraphs open with such a label other than ``Q.`` (a line after
    a line that ends like a sentence counts as opening a paragraph, as in
    :func:`split_at_labels`). A single capitalised line ending in a full stop (a heading) does
    not make a record of this style.
    """
    found = 0
    for para in paragraphs:
        lines = para.text.split("\n")
        for i, line in enumerate(lines):
            if i and not _PROSE_END.search(lines[i - 1]):
                continue
            line = line.strip()
            item = _ITEM.match(line)
            m = _full_stop_label(line, item.end() if item else 0)
            if m is not None and m.group("label") != "Q":
                found += 1
                if found == 2:
                    return True
    return False


def _drop_lone_words(matches: list[re.Match[str] | None]) -> list[re.Match[str] | None]:
    """Full-stop labels of one word other than ``Q.`` count only when they open two paragraphs
    or more: ``NATO. That is ...`` once is speech, ``TRUMAN.`` at every answer is a speaker."""
    def lone(m: re.Match[str] | None) -> TypeGuard[re.Match[str]]:
        return (m is not None and m.re is _FULL_STOP_LABEL and m.group("label") != "Q"
                and len(m.group("label").split()) == 1)
    counts = Counter(m.group("label") for m in matches if lone(m))
    return [None if lone(m) and counts[m.group("label")] < 2 else m for m in matches]


def _numbered_note(previous: str, paragraph: str) -> bool:
    """Whether ``paragraph`` is a footnote to the paragraph before it.

    The Public Papers print a footnote right after the paragraph that calls it, the number glued
    to a word there: "Not this morning, Tony.1 I have ..." then "1 A correspondent of ...".
    """
    m = _NOTE_NUMBER.match(paragraph)
    return m is not None and re.search(
        rf"[^\W\d_][.,;:!?’”)]?{m.group(1)}(?!\d)", previous) is not None


def _opens_quotation(after_label: str) -> bool:
    """Whether the text after a label opens a quotation, after any directions in parentheses
    or square brackets (``[Smiling] “...``, ``(Smiling (broadly)) “...``)."""
    probe = after_label.lstrip(" \t\u00a0")
    while probe[:1] in ("(", "["):
        depth = 0
        for i, ch in enumerate(probe):
            depth += ch in "(["
            depth -= ch in ")]"
            if depth == 0:
                break
        if depth:  # never closed: ordinary text
            break
        probe = probe[i + 1:].lstrip(" \t\u00a0")
    return probe[:1] in _OPENING_QUOTES


def _quoted_style(paragraphs: list[Paragraph], matches: list[re.Match[str] | None]) -> bool:
    """Whether the record puts its speech in quotation marks (rule 3) or not (rule 4).

    A record is in the quoted style when at least half of its labels are followed by an
    opening quotation mark. In a record in the plain style (a press conference), a turn that
    happens to begin by quoting someone (``PRESIDENT BIDEN:  “The Pacific Ocean ...”  Those
    are the words ...``) is still a plain turn: all its words are the speaker's.
    """
    return _mostly_followed_by(paragraphs, matches, _opens_quotation)


def _mostly_followed_by(paragraphs: list[Paragraph], matches: list[re.Match[str] | None],
                        test) -> bool:
    """Whether ``test`` holds for what follows at least half of the labels."""
    labelled = passed = 0
    for para, m in zip(paragraphs, matches):
        if m is not None:
            labelled += 1
            passed += test(para.text[m.end():])
    return labelled > 0 and 2 * passed >= labelled


def _has_field_line(paragraph: str) -> bool:
    """Whether a line of ``paragraph`` opens with a header field (``DATE: May 24, 1972``)."""
    for line in paragraph.split("\n"):
        name, colon, _ = line.partition(":")
        if colon and _normal(name) in _HEADER_FIELDS:
            return True
    return False


def _list_heading(label: str) -> bool:
    """Whether a label reads like a header's list heading (``U.S. Side``, ``Participants``)."""
    return _normal(label).rstrip(".").split()[-1] in _HEADER_LAST_WORDS


def _normal(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split()).casefold()


# ---------------------------------------------------------------------------------------------
# Quotations
def _scan_quotes(text: str, begin: int, stop: int, open_marks: str, strays: list[int]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]], int | None]:
    """Follow quotation marks in ``text[begin:stop]``, with the quotations ``open_marks`` open.

    ``open_marks`` holds the opening mark of each quotation still open, outermost first (``""``
    when none is: a quotation may run over several paragraphs). Returns the marks open at
    ``stop``, the spans inside top-level quotation marks, the spans outside them, and the offset
    of the last top-level opening mark still open (or None). Curly marks nest. A straight mark
    closes a quotation opened with a straight mark; inside one opened with a curly mark it opens a
    quotation within it (``“He said "no" to me.”``); with none open, it opens one. Straight
    marks inside a parenthesis opened within the quotation belong to that parenthesis. A
    closing curly mark with no quotation open is added to ``strays`` (the parse warns of it).
    """
    inside: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    parens = 0
    mark = begin  # where the current inside/outside span began
    opened_at: int | None = begin if open_marks else None
    for m in _QUOTE_CHARS.finditer(text, begin, stop):
        ch = m.group()
        pos = m.start()
        if ch == "(" or ch == "[":
            parens += 1
        elif ch == ")" or ch == "]":
            if parens:
                parens -= 1
        elif ch == "“" or ch == "«":
            if not open_marks:
                outside.append((mark, pos))
                mark = pos + 1
                opened_at = pos
            open_marks += "“"
        elif ch == "”" or ch == "»":
            if not open_marks:
                strays.append(pos)
            if len(open_marks) == 1:
                inside.append((mark, pos))
                mark = pos + 1
                opened_at = None
            open_marks = open_marks[:-1]
        elif not open_marks:  # a straight mark opens a quotation
            outside.append((mark, pos))
            mark = pos + 1
            opened_at = pos
            open_marks = '"'
            parens = 0
        elif parens == 0:
            if open_marks[-1] == '"':  # a straight mark closes a straight quotation
                if len(open_marks) == 1:
                    inside.append((mark, pos))
                    mark = pos + 1
                    opened_at = None
                open_marks = open_marks[:-1]
            else:  # inside a curly quotation, it opens one within it
                open_marks += '"'
    (inside if open_marks else outside).append((mark, stop))
    return open_marks, inside, outside, opened_at


# ---------------------------------------------------------------------------------------------
# Stage directions
def _directions(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split ``text[start:end]`` into spoken pieces and parenthesised/bracketed groups.

    An opening ``(`` or ``[`` without its closing partner is ordinary text. A full stop or
    comma right after a direction that follows the end of a sentence ("No. (After a pause).")
    goes with the direction, so the spoken text does not read "No. . Why".
    """
    groups: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _GROUP_CHARS.finditer(text, start, end):
        ch = m.group()
        if ch in "([":
            stack.append((ch, m.start()))
        elif stack and stack[-1][0] == ("(" if ch == ")" else "["):
            _, opened = stack.pop()
            if not stack:
                groups.append((opened, m.end()))
    pieces: list[tuple[int, int]] = []
    mark = start
    for g_start, g_end in groups:
        pieces.append((mark, g_start))
        mark = g_end
        before = text[start:g_start].rstrip()
        if before.endswith((".", "?", "!")):
            tail = _TRAILING_PUNCT.match(text, g_end, end)
            if tail:
                mark = tail.end()
    pieces.append((mark, end))
    return pieces, groups


def _clean(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# The parse
@dataclass
class ParseResult:
    """What :func:`parse` finds: blocks and turns as lists of dicts, and any warnings."""

    blocks: list[dict]
    turns: list[dict]
    warnings: list[str]


def parse(text: str, path: str = "<text>") -> ParseResult:
    """Parse ``text`` into blocks and turns (see the module docstring for the grammar).

    Raises :class:`TranscriptError` for a quotation that never closes, and for a text whose
    lines end with a carriage return alone (old Mac line endings). Labels are returned as
    written; mapping them to canonical speakers is :mod:`helpers.speakers`' job.
    """
    if "\r" in text and "\n" not in text:
        line, column = position(text, text.index("\r"))
        raise TranscriptError(
            "the lines end with a carriage return alone (old Mac line endings); save the file "
            "again with Unix (LF) or Windows (CRLF) line endings", path, line, column)
    paragraphs = split_paragraphs(text)
    full_stop = _full_stop_style(paragraphs)
    paragraphs = split_at_labels(paragraphs, full_stop)
    matches = [match_label(para.text, full_stop) for para in paragraphs]
    if full_stop:
        matches = _drop_lone_words(matches)
    quoted_style = _quoted_style(paragraphs, matches)
    kinds: list[str] = ["header"] * len(paragraphs)
    owner: list[int | None] = [None] * len(paragraphs)
    turns: list[_Turn] = []
    current: _Turn | None = None
    open_marks = ""  # the quotations open, outermost first (see _scan_quotes)
    strays: list[int] = []  # closing marks met with no quotation open
    opened_at: int | None = None
    closed = False  # an unquoted turn met a closing paragraph

    def fail_unclosed() -> None:
        assert current is not None  # called only inside a turn
        line, column = position(text, opened_at if opened_at is not None else 0)
        raise TranscriptError(
            f"the quotation opened here (in the turn of “{current.label}”) never closes: "
            "add the closing quotation mark where the speech ends",
            path, line, column,
        )

    for index, para in enumerate(paragraphs):
        m = matches[index]
        if m is not None and not turns and _list_heading(m.group("label")):
            m = None  # "U.S. Side:" in a header lists people; it is not a speaker
        if open_marks and m is not None:
            # Inside an open quotation, a label counts only when a new quotation follows it.
            if _opens_quotation(para.text[m.end():]):
                fail_unclosed()
            m = None
        if m is not None:
            label_end = para.start + m.end()
            label = m.group("label")
            label_start = para.start + m.start("label")
            current = _Turn(label=label, label_start=label_start, label_end=label_end, quoted=False,
                            aside=m.group("aside") if "aside" in m.groupdict() else None)
            turns.append(current)
            closed = False
            current.quoted = quoted_style and _opens_quotation(text[label_end:para.end])
            kinds[index] = "speech"
            owner[index] = len(turns) - 1
            current.paragraphs.append(index)
            if label_start > para.start:  # an item number, "[1.]"
                current.outside.append((para.start, label_start))
            if current.aside:
                current.outside.append((para.start + m.start("aside"), para.start + m.end("aside")))
            if current.quoted:
                open_marks, inside, outside, opened_at = _scan_quotes(
                    text, label_end, para.end, "", strays)
                current.speech += inside
                current.outside += outside
            else:
                current.speech.append((label_end, para.end))
            continue
        if current is not None and open_marks:
            # Continuation of an open quotation; a leading opening mark repeats the open quote.
            kinds[index] = "speech"
            owner[index] = len(turns) - 1
            current.paragraphs.append(index)
            begin = para.start
            if para.text[:1] in _OPENING_QUOTES:
                current.outside.append((begin, begin + 1))
                begin += 1
            open_marks, inside, outside, opened_here = _scan_quotes(
                text, begin, para.end, open_marks, strays)
            current.speech += inside
            current.outside += outside
            if opened_here is not None and opened_here != begin:
                opened_at = opened_here
            continue
        if current is not None and not current.quoted and not closed:
            if _CLOSING.fullmatch(para.text) or _numbered_note(paragraphs[index - 1].text, para.text):
                closed = True
                kinds[index] = "narration"
                continue
            kinds[index] = "speech"
            owner[index] = len(turns) - 1
            current.paragraphs.append(index)
            current.speech.append((para.start, para.end))
            continue
        kinds[index] = "narration" if turns else "header"

    if open_marks and current is not None:
        fail_unclosed()

    # A run of prose paragraphs right before the first turn is narration, not header.
    first = next((i for i, k in enumerate(kinds) if k == "speech"), len(kinds))
    i = first - 1
    while i >= 0 and kinds[i] == "header":
        para = paragraphs[i]
        if (count_words(para.text) >= 12 and _PROSE_END.search(para.text)
                and not _has_field_line(para.text)):
            kinds[i] = "narration"
            i -= 1
        else:
            break

    blocks: list[dict] = []
    for n, p in enumerate(paragraphs):
        turn = (o + 1) if (o := owner[n]) is not None else None
        # Header paragraphs are cut into lines: each line of a header is a field of its own.
        pieces = _lines(p) if kinds[n] == "header" else [p]
        for piece in pieces:
            blocks.append({
                "block": len(blocks) + 1,
                "kind": kinds[n],
                "turn": turn,
                "text": piece.text,
                "start": piece.start,
                "end": piece.end,
                "line_start": piece.line_start,
                "line_end": piece.line_end,
            })
    rows = [_turn_row(text, n + 1, t, paragraphs) for n, t in enumerate(turns)]
    warnings = []
    if strays:
        lines = sorted({position(text, offset)[0] for offset in strays})
        shown = ", ".join(map(str, lines[:5])) + (" ..." if len(lines) > 5 else "")
        warnings.append(
            f"a closing quotation mark ” with no quotation open (line{'s' if len(lines) > 1 else ''} "
            f"{shown}): the words after it, up to the next opening mark, are read as outside the "
            "speech; check the marks there")
    if _mostly_followed_by(paragraphs, matches, lambda rest: rest.lstrip(" \t\u00a0")[:1] == "‘"):
        warnings.append(
            "most labels are followed by a single quotation mark ‘, which is not read as a "
            "quotation (’ is also the apostrophe), so every paragraph up to the next label is "
            "counted as speech, narration included: replace ‘ and its closing ’ with “ and ” "
            "(see docs/bring_your_own.md)")
    if not rows:
        warnings.append(
            "no speaker turns found: no paragraph opens with a speaker label such as "
            "'Stalin:' or 'PRESIDENT BIDEN:' (see docs/bring_your_own.md)"
        )
    return ParseResult(blocks, rows, warnings)


def _turn_row(text: str, number: int, turn: _Turn, paragraphs: list[Paragraph]) -> dict:
    first = paragraphs[turn.paragraphs[0]]
    last = paragraphs[turn.paragraphs[-1]]
    directions: list[tuple[int, str]] = []
    spoken_parts: list[str] = []
    previous_end: int | None = None
    for s_start, s_end in turn.speech:
        pieces, groups = _directions(text, s_start, s_end)
        if previous_end is not None:
            between = _SEPARATOR.search(text, previous_end, s_start)
            spoken_parts.append("\n\n" if between else " ")
        spoken_parts.append("".join(text[a:b] for a, b in pieces))
        previous_end = s_end
        directions += [(g0, _clean(text[g0:g1])) for g0, g1 in groups]
    for o_start, o_end in turn.outside:
        chunk = _clean(text[o_start:o_end])
        if any(ch.isalnum() for ch in chunk):
            directions.append((o_start, chunk))
    directions.sort()
    spoken = _join_spoken("".join(spoken_parts))
    return {
        "turn": number,
        "label": turn.label,
        "text": text[first.start:last.end],
        "spoken": spoken,
        "stage_directions": [d for _, d in directions],
        "words": count_words(spoken),
        "characters": count_characters(spoken),
        "sentences": count_sentences(spoken),
        "start": first.start,
        "end": last.end,
        "line_start": first.line_start,
        "line_end": last.line_end,
        "paragraphs": len(turn.paragraphs),
    }


def _join_spoken(joined: str) -> str:
    """Tidy spoken text: paragraphs kept apart by a blank line, white space inside folded."""
    paragraphs = (_clean(chunk) for chunk in _SEPARATOR.split(joined))
    return "\n\n".join(p for p in paragraphs if p)
