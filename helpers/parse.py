"""Parse a speaker-labelled record into blocks and turns, losing nothing, doubting aloud.

The grammar, in the order the parser applies it:

1. **Paragraphs.** The text is cut into paragraphs at blank lines. Each paragraph becomes one
   *block*; a block's ``text`` is ``source[start:end]``, from its first to its last non-space
   character. Every non-space character of the source lies in exactly one block.
   Header paragraphs (see 7) are cut further, one block per line. A line inside a paragraph
   that opens with a label (and has words after it), after a line ending like a sentence,
   starts a paragraph of its own: web copies sometimes lose the blank line before a label.
   So does a line that opens with a label listed in the speaker file and a colon, whatever the
   line before it (``... quieted down some now with`` / ``Adm. Moorer: They lost ...``). In a
   header typed without blank lines, a line after a full stop whose label is followed only by a
   name, below lines that are header fields (``DOD: James Schlesinger`` / ``James Noyes.`` /
   ``Jerry W. Friedhiem Treasury: William Simon``), is a header line, with a doubt.
2. **Labels.** A paragraph that opens with a speaker label starts a new turn. A label is one to
   seven words, each starting with a capital letter (``Stalin``, ``Sir. D. Kelly``,
   ``PRESIDENT BIDEN``, ``General Secretary Brezhnev``; ``of``, ``the``, ``de``, ``von`` and a few
   other small words may stand inside, and a particle may open it: ``de Gaulle``), optionally
   followed by a role after a comma (``FRANK McGEE, MODERATOR``) and by an aside or an
   identification in parentheses or square brackets (``Dr. Kissinger (to General Haig)``,
   ``FRANK CORMIER [Associated Press]``), then a colon and a space (ordinary or non-breaking)
   or an opening quotation mark. The role and the aside are kept in ``stage_directions``; the
   ``label`` is the name. A footnote number glued after the colon (``Mr. Fraser Wilkins:34 No
   reply ...``) is a note call, kept in ``stage_directions`` too. White House transcripts'
   ``Q`` followed by two or more spaces (or a tab, or a non-breaking space) is a label, and so
   is ``Q`` followed by one space where two paragraphs or more open so (a web copy collapses the
   spaces), and so is a numbered role
   (``Speaker 1:``, ``UNIDENTIFIED SPEAKER 2:``, ``Participant 3:``; only such role words may
   carry a number, so ``Article 5:`` is not a label). Words before a colon that are not all
   capitalised (``I have the following question: how ...``) are not a label; neither is a word
   that opens speech (``First:``, ``Finally:``, ``Look:``). Header field names
   (``Participants:``, ``Date:``, ``Subject:``, ``Notetaker:`` ...) are never speakers, nor
   are names of that form: a known field's plural (``Transcripts:``), a participle and ``by``
   (``CHAIRED BY:``, ``Moderated by:``), a field's word and a preposition (``NOTE TO EDITORS:``).
   Before the first turn, neither is a list heading such as ``U.S. Side:``, ``Soviet
   Participants:`` or ``Interpreter:``, and, when its label opens no other paragraph, neither is
   a line with only a name after its colon (``President: Jimmy Carter``, ``Speaker: Anna
   Berg``), nor a label followed by three words or more in capitals only in a record whose
   speech is not in capitals (``HEADLINE: PANEL I OF A HEARING ...``, ``WITNESS: JOHN R.
   BOLTON, ...``), nor a label alone before a paragraph that opens with a label or a field
   (``BODY:``): those are header fields, each a call with a doubt.
   A named questioner, ``Q. Merriman Smith, United Press:`` (a name of two words or more, and
   an affiliation in capitalised words or in brackets), is a turn of ``Merriman Smith``; ``Q.``
   and the affiliation are stage directions.
   A label closed by a **semicolon** (``MR. LEVY; Mr. Vice President ...``, a typing slip in a
   record of colons) is read as a label when the same label opens another turn or is written
   in capitals with two words or more, and always raises a doubt (see :mod:`helpers.doubts`).
   ``Q.`` (with a full stop) is the questioner in any record where it opens two paragraphs or
   more, as it does when full-stop labels were rewritten with colons. ``A.`` is the answer, in a
   record where ``Q`` (in any form) opens a paragraph and ``A.`` opens two or more (or one, in
   the full-stop style); ``A:`` is a colon label like any other.
3. **Full-stop labels.** A record may end its labels with a full stop, as the Public Papers of
   the Presidents print press conferences: in capitals for Truman's (``THE PRESIDENT.``,
   ``MR. ROSS.``, ``Q.``) and in title case from the 1980s (``The President.``,
   ``Mr. Fitzwater.``, ``President Bush.``). The record is in the *full-stop style* when at least
   two paragraphs open with such a label in capitals (other than ``Q.``), or when labels in
   title case (two words or more) open paragraphs together with ``Q.`` or a label used twice,
   at least three in all, and more than open with a colon. In that style one to five words
   followed by a full stop and a space are a label (an identification in brackets may stand
   before the full stop); abbreviations (``NO. 608``), ``OK.`` and a cable's marks
   (``SECRET.``) are not, and a label of one word other than ``Q.`` counts only in capitals
   and only when it opens two paragraphs or more (``NATO. That is ...`` once is speech). Colon
   labels are read in that style too. A label in capitals with a comma after its first word
   (``CARI, WEISS [ZDF German Television].``, a slip of the OCR or a surname written first) is
   read in that style when an identification follows it or it opens two paragraphs, with a
   doubt; ``YES, SIR.`` is not a label. An item number in square brackets before any label
   (``[1.] Q. ...``) is an editorial note of the turn.
   The style can be given instead of inferred (``style="quoted"``, ``"colon"`` or
   ``"full-stop"``), and labels listed in the speaker file (``labels``) are read wherever they
   open a paragraph, followed by ``:``, ``.``, ``;`` or ``,`` (a comma may stand between their
   words), in any style; a listed capital letter other than ``A``, ``I`` or ``O`` (``Q``) by
   spaces alone too. Labels the speaker file marks as no speaker (``ignore``) are never read: a
   paragraph they open is header, or narration that ends the turn before it.
4. **Quoted turns.** In a record that quotes its speech (at least half of its labels are
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
   ``Berlin: ...``), with a doubt.
5. **Unquoted turns.** When the label is followed by plain text, or in a record that does not
   quote its speech (a press conference whose speaker begins by quoting someone), every
   following paragraph without a label continues the same turn, up to the next label or to a
   closing paragraph: a time stamp such as ``2:58 P.M. JST``, ``END``, ``###``, ``* * *``, a
   rule ``---``, a heading ``Notes`` or ``Footnotes``, an editor's ``NOTE: ...``, or footnotes
   (``[1] ...``, ``1. See ...``, ``1. Source: ...``, or a list of notes, one a line, numbered one
   after another, the first opening as notes do, ``24. For text of ...``, ``Reference is to``,
   or indented in a record that does not indent its paragraphs). A footnote printed right after
   the paragraph that calls it, ``1 A correspondent ...`` after a paragraph whose word carries
   that number (``Tony.1``, where the number stays in its word, or ``assistants. 1``, where the
   number is a stage direction, no word), is narration too, and the turn goes on after it. A
   paragraph that is only a stage direction (``(Laughter.)``) continues the turn like any other
   (in a quoted record it is narration, like any paragraph after the closing mark). A
   **heading** is not speech: a line of one to eight words in title case or capitals with no
   punctuation at its end, right before a label (``Yugoslavia`` between the turns of a news
   conference), is a block of kind ``heading``; such a line that is not followed by a label
   stays speech, with a doubt. A **running head** is not speech either: a short line of four
   words or more, capitalised or numbers but small words, that repeats another line of the
   record (OCR slips and page numbers aside: nine tenths alike, ``CB.NEWS 485 Madison Avenue``
   for ``CBS NEWS 485 Madison Avenue``) is a ``heading``, with a doubt; such a line met once,
   with a number in it, after a paragraph that ends a sentence, stays speech, with a doubt.
6. **Stage directions and editorial notes**: text in parentheses or square brackets inside a
   turn (``(Laughing)``, ``(After a pause)``, ``[Omitted here is ...]``, footnote markers
   ``[1]``, ``[3½ lines not declassified]``), and, in a quoted turn, any words outside the
   quotation marks. They stay in ``text``, are listed in ``stage_directions`` and are left out
   of ``spoken``. A turn whose speech is all withheld is still a turn, with 0 words.
7. **Header and narration.** Paragraphs before the first turn are the *header*, except a run of
   prose paragraphs (twelve or more words, ending like a sentence, no line opening with a header
   field such as ``DATE:``) just before the first turn, which is *narration*: in the cable,
   Kelly's "The Generalissimo received me ..." paragraph. A prose paragraph may end in a note
   call (``... European integration.2``), and editorial notes in brackets (``[Page 558]``) stand
   inside the run. In a record with no turns, the run goes back from its end: a narrative
   memorandum's paragraphs are narration, its title and lists of participants header.
   Paragraphs after a turn that are not speech are narration.

8. **Forms of the second trial** (each a shape that the whole record decides on): a short
   bracketed note or Hansard's ``§`` before a label (``[Page 202]K: ...``) is a note of the
   turn; a note's number between a label's name and its mark (``Mr. Lind 3:``, ``MR. SHORT 2.``)
   is read where the label opens with a title or is read elsewhere, with a doubt; a comma after
   a label in capitals before a capital letter (``THE PRESIDENT, Please be seated.``) is read
   where the label is read elsewhere, or has two words in a record with other capitals labels,
   with a doubt; a greeting in capitals (``GOOD EVENING.``, ``THANK YOU.``) is never a label, with
   a doubt; an em dash closes a label (``RN—Where ...``) where three paragraphs open so, or two
   with a label that recurs; in a record whose lines mostly open with ``§``, the name glued to
   the speech (``§ Mr. DunnMay I ...``) is read, with a doubt, and a listed label is read glued
   in any record. A line after a heading or a date line (``March 3, 1999`` / ``Q Is ...``) or a
   note's call after a sentence's end (``... State.2``) opens a paragraph like one after a
   sentence; a label that opens other paragraphs is read after a broken line too, with a doubt.
   The header ends at its first prose paragraph (rule 7 then makes what follows narration).
9. **Forms of the third trial**: a label may carry two bracketed groups (``Mr. Liu (China)
   (spoke in Chinese):``, each a stage direction); a UN record's presiding officer, ``President:
   Mr. Lund ...... (Norland)``, and a title broken at its colon at the record's top (three
   words or more, the line ending at the colon) are header, with a doubt; a paragraph opening
   with a colon and no name is a turn of ``(unnamed)``, with a doubt; a label of the record (or
   a listed one) inside a line after a sentence's end and spaces starts a turn there, with a
   doubt; a topic heading (``About Moscow:``, ``The TTB:``) met once inside a turn, where the
   other labels name people, goes on the turn, with a doubt; ``Q. Mrs. Berg:`` is a turn of
   ``Mrs. Berg``; names alone on their paragraphs (three or more, titled, each before speech)
   are labels, with one doubt, and so are names alone on their lines with ``, Constituency``
   below (three or more, TheyWorkForYou's form); a listed colon label alone on its line is read
   after a broken line; no doubt for a label of the record after a line ending in ``--`` (an interruption).

A **turn** is thus one stretch of speech under one label. Two labelled paragraphs in a row by
the same speaker are two turns (the cable's turns 9 and 10, on either side of the unrecorded
personal questions, show why: the record itself breaks there).

**Doubts.** Wherever the grammar makes a judgement call against a line that looks like a label
(capitalised words and ``:``, ``;`` or ``.`` opening a paragraph), folds such a paragraph into
another speaker's turn, reads a semicolon or comma label, reads a label-like line as a header
field, sets a running head apart or keeps a heading-like line as speech, it records a :class:`helpers.doubts.Doubt` with the line and column: see :mod:`helpers.doubts`.

**Offsets.** ``start`` and ``end`` are character offsets (not bytes) into the text the parser
was given: for a file, :func:`helpers.read_source`'s text (a UTF-8 byte-order mark dropped,
Windows line endings kept as ``\\r\\n``).
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .counting import count_words, _tidy_counts
from .doubts import Doubt
from .errors import TranscriptError
from .source import position

__all__ = ["STYLES", "Paragraph", "ParseResult", "Style", "match_label", "parse", "split_at_labels",
           "split_paragraphs"]

#: The styles a record may be read in (``style=`` and ``--style``).
STYLES = ("quoted", "colon", "full-stop")

# ---------------------------------------------------------------------------------------------
# Patterns
_SEPARATOR = re.compile(r"\n(?:[^\S\n]*\n)+")
_SEPARATOR_KEPT = re.compile(r"(\n(?:[^\S\n]*\n)+)")  # the same, kept by split
# Capital letters a label may begin with: Latin (with the extended blocks, which mix capitals
# and small letters), Greek and Cyrillic. Combining accents may follow any letter ("José" typed
# as "Jose" and U+0301, as text copied on a Mac often is).
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏΆ-ΫЀ-Я"
_ACCENTS = "\u0300-\u036f"
_WS = "[ \t\u00a0]"
_SMALL = r"(?:of|the|de|du|des|la|le|von|van|der|den|al|el|bin|ibn|y|da|di|and|for)"
_PARTICLE = r"(?:de|du|des|la|le|von|van|der|den|al|el|bin|ibn|da|di)"  # "de Gaulle:"
# Possessive quantifiers (*+, {0,6}+): what may follow a word of a label (a space, a comma, a
# bracket, the closing mark) is never part of a word, so the engine need not try giving
# characters back; without them a line that is not a label costs several times more to reject.
_CAP_WORD = rf"[{_UPPER}][\w’'.\-{_ACCENTS}]*+"
_NAME = rf"(?:{_PARTICLE}{_WS}+)?{_CAP_WORD}(?:{_WS}+(?:{_CAP_WORD}|{_SMALL}(?={_WS}))){{0,6}}+"
# "FRANK McGEE, MODERATOR:" -- a role after a comma, kept as a stage direction of the turn
_ROLE_AFTER = rf"(?:,{_WS}+(?P<role>{_CAP_WORD}(?:{_WS}+(?:{_CAP_WORD}|{_SMALL}(?={_WS}))){{0,4}}+))"
# "(to General Haig)" or "[Associated Press]" before the label's colon or full stop
_GROUP = r"(?:\([^()\n]{1,80}\)|\[[^\[\]\n]{1,80}\])"
# one group, or two: a UN verbatim record's "Mr. Liu (China) (spoke in Chinese):", the country
# and the interpretation note, both kept as stage directions of the turn (not spoken)
_GROUP_RE = re.compile(_GROUP)
_ASIDE = rf"(?:{_WS}*(?P<aside>{_GROUP}(?:{_WS}*{_GROUP})?))"
# A footnote number glued after a label's colon, "Mr. Fraser Wilkins:34 No reply ...": a note
# call, kept as a stage direction of the turn, not spoken.
_NOTE_CALL = r"(?P<note>\d{1,3}(?=[ \t\u00a0]))"
# A footnote's number between a label's name and its mark, "Mr. Lind 3: At noon." or "MR. SHORT
# 2. I wonder": a note call, kept as a stage direction of the turn (read with a doubt, see
# _Reading.reads); "Article 5: The parties agree." has the same shape and is not read.
_CALL = rf"(?:{_WS}+(?P<call>\d{{1,3}}))"
_LABEL = re.compile(
    rf"(?P<label>{_NAME}){_ROLE_AFTER}?{_ASIDE}?{_CALL}?{_WS}*(?P<mark>[:;]){_NOTE_CALL}?(?=[\s“\"«]|$)")
_Q_LABEL = re.compile(r"(?P<label>Q)(?:[ \t\u00a0]{2,}|[ \t]*[\u00a0\t])(?=\S)")
_Q_STOP = re.compile(rf"(?P<label>Q)(?P<mark>\.){_WS}+(?=\S)")
# "Q How is your golf game?": the White House's "Q" and spaces, collapsed to one space by a web
# copy. Read only where two paragraphs or more open so (see _Reading).
_Q_SPACE = re.compile(rf"(?P<label>Q) (?=[{_UPPER}“\"‘'\d(])")
# "A. I think so.": the answer label of a record of questions and answers (Q. ... A. ...).
_A_STOP = re.compile(rf"(?P<label>A)(?P<mark>\.){_WS}+(?=\S)")
# A named questioner, "Q. Merriman Smith, United Press: Mr. President, ...": the label is the
# name; "Q." and the affiliation are stage directions of the turn.
_Q_NAMED = re.compile(
    rf"Q\.{_WS}+(?P<label>{_NAME})(?:,{_WS}+(?P<role>[{_UPPER}][^:\n]{{0,80}}+)|{_ASIDE})"
    rf"(?P<mark>:)(?=[\s“\"«]|$)")
# A questioner named by title and surname alone, "Q. Mrs. Berg: Whether it can be cut.": the
# label is "Mrs. Berg", "Q." a stage direction ("Q. Mr. President: ..." is a question).
_Q_TITLED = re.compile(
    rf"Q\.{_WS}+(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Mme)\.?{_WS}+{_CAP_WORD}(?:{_WS}+{_CAP_WORD})?)"
    rf"(?P<mark>:)(?=[\s“\"«]|$)")
# Numbered speakers of interview and hearing transcripts: "Speaker 1:", "UNIDENTIFIED SPEAKER 2:",
# "Participant 3:". Only these role words may carry a number, so "Article 5:" stays speech.
_ROLE = r"(?i:speaker|participant|person|voice|interviewer|interviewee|respondent|delegate|reporter|questioner)"
_NUMBERED_LABEL = re.compile(
    rf"(?P<label>(?:{_CAP_WORD}{_WS}+){{0,2}}{_ROLE}{_WS}+\d{{1,3}})"
    rf"{_ASIDE}?{_WS}*(?P<mark>:)(?=[\s“\"«]|$)"
)
# Full-stop labels in capitals, as the Public Papers print Truman's press conferences:
# "THE PRESIDENT. I have no statements", "MR. ROSS. Yes", "FRANK CORMIER [Associated Press].".
_CAPS_WORD = rf"(?:Mc|Mac|De|La)?[{_UPPER}][{_UPPER}’'\-{_ACCENTS}]++"  # McMAHON, DeGAULLE
_TITLE = rf"[{_UPPER}]{{1,4}}\."  # MR. GEN. or an initial F., inside a label
_FULL_STOP_LABEL = re.compile(
    rf"(?P<label>(?:{_TITLE}{_WS}+)*{_CAPS_WORD}"
    rf"(?:{_WS}+(?:{_TITLE}{_WS}+)*{_CAPS_WORD}){{0,4}})"
    rf"{_ASIDE}?{_CALL}?(?P<mark>\.){_WS}+(?=\S)"
)
# The same with a comma after the first word, an OCR slip or a surname written first:
# "CARI, WEISS [ZDF German Television]. It has been suggested ...". Read with a doubt.
_FULL_STOP_COMMA = re.compile(
    rf"(?P<label>{_CAPS_WORD},{_WS}+(?:{_TITLE}{_WS}+)*{_CAPS_WORD}"
    rf"(?:{_WS}+(?:{_TITLE}{_WS}+)*{_CAPS_WORD}){{0,3}})"
    rf"{_ASIDE}?(?P<mark>\.){_WS}+(?=\S)"
)
# Full-stop labels in title case, as the Public Papers print them from the 1980s on:
# "The President.", "Mr. Fitzwater.", "President Bush.", "Secretary of State Baker.". Only a
# title's abbreviation or an initial may carry a full stop inside, so the label ends at the
# first full stop after a name ("President Bush. Good." is "President Bush").
_ABBREVIATION = (rf"(?:Mr|Mrs|Ms|Messrs|Mme|Dr|Sen|Rep|Gen|Gov|Adm|Col|Maj|Capt|Cdr|Lt|Sgt|Rev"
                 rf"|Fr|Prof|Hon|Amb|Sec|Pres|St|[{_UPPER}])\.")
_TITLE_NAME = rf"(?:Mc|Mac|O’|O'|D’|D')?[{_UPPER}][\w’'\-{_ACCENTS}]*+"
_TITLE_STOP_LABEL = re.compile(
    rf"(?P<label>(?:{_ABBREVIATION}{_WS}+)*{_TITLE_NAME}"
    rf"(?:{_WS}+(?:{_ABBREVIATION}{_WS}+)*(?:{_SMALL}{_WS}+)?{_TITLE_NAME}){{0,4}})"
    rf"{_ASIDE}?{_CALL}?(?P<mark>\.){_WS}+(?=\S)"
)
# Words that end a capitalised line with a full stop but are not speakers: abbreviations
# ("NO. 608") and a cable's classification and precedence marks ("SECRET. PRIORITY.").
_NOT_FULL_STOP_SPEAKERS = frozenset(
    """mr mrs ms dr st no nos sen rep gen gov adm col maj capt lt sgt rev prof hon jr sr
    secret top secret confidential restricted unclassified priority urgent immediate niact
    personal end note ok okay yes""".split()) | frozenset(["top secret", "eyes only"])
# Words that open speech with a full stop or stand alone as an answer, never a label's first
# word in title case ("Thank You.", "Good Morning.", "Well.").
_INTERJECTIONS = frozenset(
    """thank thanks good well right sure fine yes no ok okay oh ah hello hi exactly absolutely
    certainly indeed correct true again now so please sorry excuse pardon bye goodbye welcome
    first second third next finally""".split())
# A footnote paragraph of the Public Papers, "1 A correspondent of the Associated Press."
_NOTE_NUMBER = re.compile(r"(\d{1,2})[ \t\u00a0]+[A-Z]")
# What may stand before a label on its line, kept as an editorial note of the turn (not spoken):
# an item number, as the Public Papers put it ("[1.] Q. Mr. President ..."), a page marker or
# another bracketed note glued to the label or spaced from it ("[Page 202]K: What I ...", "[Page
# 12] Q. ..."; a footnote's "[1] ..." is not one), and the pilcrow with which Hansard opens a speech ("§ Mr. Dunn", "§ 45. Mr. Dunn").
_ITEM = re.compile(r"(?:\[(?!\d+\])[^\[\]\n]{1,40}\]|§(?:[ \t\u00a0]+\d{1,4}\.)?)[ \t\u00a0]*")
_HEADER_FIELDS = frozenset(
    """participants participant present also present date time date and time place location
    subject subjects source sources from to cc bcc classification distribution summary note notes
    memorandum memorandum of conversation memorandum for the record attachment attachments
    enclosure enclosures reference references re topic topics drafted by approved by copies
    minutes record file ref tags cleared notetaker notetakers title venue released transcript
    action info precedence original distr agenda symbol language languages""".split()
) | frozenset(
    ["also present", "date and time", "memorandum of conversation", "memorandum for the record",
     "drafted by", "approved by", "time and place", "date and place", "cleared by", "prepared by",
     "note taker", "note takers"]
)
# Words that end a title rather than a name ("Q. Mr. President, ...", never a named questioner).
_ROLE_WORDS = frozenset(
    """president secretary minister chairman chairwoman chair ambassador senator governor general
    speaker premier chancellor""".split())
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
# A heading inside a record ("Yugoslavia", "Environmental Policy", "U.S. TRADE WITH JAPAN"):
# capitalised words, small words inside, no punctuation at the end.
_HEADING_SMALL = r"(?:of|the|and|in|on|for|to|a|an|with|at|by|from|or|vs\.?|de|la|y|&)"
_HEADING = re.compile(
    rf"[{_UPPER}\d][\w’'.\-/{_ACCENTS}]*(?:,?{_WS}+(?:[{_UPPER}\d][\w’'.\-/{_ACCENTS}]*|{_HEADING_SMALL})){{0,7}}")
_HEADING_END = re.compile(r"[\w)]")
_OPENING_QUOTES = "“\"«"
_QUOTE_CHARS = re.compile(r"[“”\"«»()\[\]]")
_QUOTE_MARKS = "“”\"«»()[]"  # the characters of _QUOTE_CHARS
_GROUP_CHARS = re.compile(r"[()\[\]]")
_PROSE_END = re.compile(r"[.?!”\"’)]\d{0,3}\s*$")  # "... of European integration.2" too
_ENDS_SENTENCE = re.compile(r"[.?!”\"’)]")  # the last character of a line that ends like a sentence
_TRAILING_PUNCT = re.compile(r"[ \t]*[.,;:]")
_PARTICLE_START = re.compile(rf"{_PARTICLE}{_WS}")
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_SPACES_AFTER = re.compile(r"[ \t\u00a0]*")


@dataclass
class Paragraph:
    """One paragraph of the source: its offsets and first line."""

    start: int
    end: int
    line_start: int
    line_end: int
    text: str


@dataclass(frozen=True)
class Style:
    """The style a record is read in, and why.

    ``name`` is ``"quoted"`` (labels followed by quotation marks, only the quoted words
    spoken), ``"colon"`` (labels closed by a colon, plain speech) or ``"full-stop"`` (labels
    closed by a full stop, as the Public Papers print press conferences). ``reason`` says what
    the choice rests on; ``given`` is True when the caller chose the style (``style=...``).
    """

    name: str
    reason: str
    given: bool = False


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


class _Candidate(NamedTuple):
    """Something that opens a line like a label: the match, its shape, the label folded."""

    m: re.Match[str]
    shape: str  # known, q, numbered, colon, semicolon, q-stop, caps-stop, title-stop
    key: str
    words: int


# ---------------------------------------------------------------------------------------------
# Paragraphs
def split_paragraphs(text: str) -> list[Paragraph]:
    """Cut ``text`` into paragraphs at blank lines; offsets exclude surrounding white space."""
    paragraphs: list[Paragraph] = []
    # The pieces between blank lines, each followed by the separator after it (split in C:
    # no match object a paragraph); ``pos`` and ``line`` are where the piece begins.
    pieces = _SEPARATOR_KEPT.split(text)
    separators = pieces[1::2]
    separators.append("")
    pos = 0
    line = 1
    for piece, separator in zip(pieces[::2], separators):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip()) if piece[0].isspace() else 0
            first = line + piece.count("\n", 0, lead) if lead else line
            start = pos + lead
            end = start + len(stripped)
            last = first + stripped.count("\n")
            paragraphs.append(Paragraph(start, end, first, last, stripped))
            line = last + piece.count("\n", end - pos)  # and the line breaks after the text
        else:
            line += piece.count("\n")
        line += separator.count("\n")
        pos += len(piece) + len(separator)
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


def _line_spans(text: str, para: Paragraph) -> list[tuple[int, int, int]]:
    """The non-blank lines of a paragraph as (start, end, line number): :func:`_lines`, lighter."""
    out = []
    offset = para.start
    number = para.line_start
    for line in para.text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            out.append((start, start + len(stripped), number))
        offset += len(line) + 1
        number += 1
    return out


def split_at_labels(paragraphs: list[Paragraph], full_stop: bool = False) -> list[Paragraph]:
    """Cut a paragraph again where a line inside it opens with a speaker label.

    Transcripts copied from web pages sometimes lose the blank line before a label
    (``... questions from the U.S. press.`` / ``PRESIDENT BIDEN:  Nancy ...``). A line counts
    as opening a new paragraph when it starts with a label, has words after the label, and the
    line before it ends like a sentence (so a hard-wrapped line that happens to begin
    ``Berlin: ...`` in mid-sentence is left alone). ``full_stop`` is passed to
    :func:`match_label`. (:func:`parse` does the same with the whole grammar, and records a
    doubt for each line it leaves alone.)
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
        out += _cut(para, [(x.start, x.end, x.line_start) for x in lines], cuts)
    return out


# A line that ends in an interruption: "Q Do you think NATO will --", "... if we --", "—".
_INTERRUPTED = re.compile(r"(?:--|[—–])[ \t\u00a0]*\Z")
_NOTE_TAIL = re.compile(r"[.?!”\"’)]\d{1,3}\Z")


def _line_ends(text: str, start: int, end: int) -> bool | str:
    """How a line that does not end in a sentence's mark ends, for the line after it: True when
    it ends a sentence all the same, with a note's call (``... at State.2``, ``(Dobrynin)1``);
    ``"heading"`` when it is a short line of its own, a heading or a date line (``March 3,
    1999``, ``Bridges and Roads``), after which a label may open a turn; else False."""
    if start < 0:
        return True
    if text[end - 1].isdigit() and _NOTE_TAIL.search(text, max(start, end - 4), end):
        return True
    return "heading" if _heading_line(text[start:end]) else False


def _heading_line(line: str) -> bool:
    """Whether a line reads like a heading or a date line: one to eight capitalised words or
    numbers, no mark at its end that closes a sentence (``Bridges and Roads``, ``March 3, 1999``)."""
    return (len(line) <= 60 and _HEADING_END.match(line[-1]) is not None
            and _HEADING.fullmatch(line) is not None and any(ch.isalpha() for ch in line)
            and not (" " not in line and line.casefold() in _INTERJECTIONS))


def _cut_heading_before(text: str, rows: list, cuts: list[int], i: int) -> None:
    """Cut a heading line off the speech above it when the label after it is read (a record with
    single line breaks: ``... is here.`` / ``Bridges and Roads`` / ``Q. Is the bridge safe?``):
    it becomes a paragraph of its own, which the parse sets apart as a heading."""
    if i < 2 or cuts[-1] == i - 1:
        return
    (start, end, _), c, _ = rows[i - 1]
    if c is None and _heading_line(text[start:end]) and (
            _ENDS_SENTENCE.match(text, rows[i - 2][0][1] - 1) is not None):
        cuts.append(i - 1)


def _cut(para: Paragraph, lines: list[tuple[int, int, int]], cuts: list[int]) -> list[Paragraph]:
    if len(cuts) == 1:
        return [para]
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(lines)]):
        (start, _, line_start), (_, end, line_end) = lines[a], lines[b - 1]
        out.append(Paragraph(start, end, line_start, line_end,
                             para.text[start - para.start:end - para.start]))
    return out


# ---------------------------------------------------------------------------------------------
# Labels
def match_label(paragraph: str, full_stop: bool = False) -> re.Match[str] | None:
    """The speaker label that opens ``paragraph``, or ``None`` (see the module grammar).

    This is the grammar without the record around it: colon labels (and semicolon ones), and
    with ``full_stop`` labels in capitals ending in a full stop (``THE PRESIDENT.``, ``Q.``).
    Title-case full-stop labels, and the rules that depend on the whole record (a one-word label
    must recur, ``Q.`` must recur outside the full-stop style), are :func:`parse`'s. An item
    number before the label (``[1.] Q. ...``) is skipped: the match starts at the item number
    and ``m.start("label")`` says where the label itself begins.
    """
    c = _candidate(paragraph, 0, None)
    if c is None or c.shape in _RECORD_SHAPES:
        return None
    if c.shape in ("q-stop", "caps-stop") and not full_stop:
        return None
    return c.m


# A paragraph opening with a colon and no name before it, ": Netherlands defense cuts.": the
# speaker's name left blank in the source (FRUS prints omissions so). A turn of an unnamed
# speaker, with a doubt.
_EMPTY_LABEL = re.compile(rf"(?P<label>)(?P<mark>:){_WS}+(?=[{_UPPER}\d“\"(\[])")
#: The label of a turn whose name the source leaves blank.
UNNAMED = "(unnamed)"


def _paragraph_start(text: str, p: int) -> bool:
    """Whether ``p`` opens a paragraph: only white space before it on its line, and a blank line
    (or the start of the text) before that."""
    line_start = text.rfind("\n", 0, p) + 1
    if text[line_start:p].strip():
        return False
    if line_start == 0:
        return True
    before = text.rfind("\n", 0, line_start - 1) + 1
    return not text[before:line_start - 1].strip()


_CAPS_SECOND = re.compile(rf"[{_UPPER}’'\-.{_ACCENTS}]")


def _caps_opening(text: str, p: int) -> bool:
    """Whether ``text`` at ``p`` may open a word in capitals or a title's abbreviation, as
    _FULL_STOP_LABEL and _FULL_STOP_COMMA need: false means neither matches there."""
    return _CAPS_SECOND.match(text, p + 1) is not None or text.startswith(("Mc", "Mac", "De", "La"), p)


def _candidate(text: str, pos: int, known: re.Pattern[str] | None) -> _Candidate | None:
    """What opens the line at ``pos`` like a label, if anything (see the module grammar)."""
    item = _ITEM.match(text, pos) if text.startswith(("[", "§"), pos) else None
    p = item.end() if item else pos
    if known is not None:
        m = known.match(text, p)
        if m is not None and _spaced_ok(m):
            return _make(m, "known")
    if p >= len(text):
        return None
    ch = text[p]
    if not ch.isupper() and not _PARTICLE_START.match(text, p):
        if ch == ":" and _paragraph_start(text, p):
            m = _EMPTY_LABEL.match(text, p)
            if m is not None:
                return _make(m, "empty")  # ": Netherlands defense cuts.", a name left blank
        return None
    # No pattern below reaches past the end of the line, and each needs its mark on it: a colon
    # (or a semicolon) for the colon labels, a full stop for the full-stop ones. A line without
    # the mark is not tried against them (most lines of speech and narration).
    line_end = text.find("\n", p)
    if line_end < 0:
        line_end = len(text)
    colon = text.find(":", p, line_end) >= 0
    if not colon and text.startswith(",", line_end + 1 + (text[line_end + 1:line_end + 2] == "\r")):
        # TheyWorkForYou's "Mr Selwyn Lloyd" / ", Wirral" / the speech on the line below
        m = _NAME_LINE.match(text, p)
        if m is not None and _titled(m.group("label")):
            return _make(m, "name-line")
    if ch == "Q":
        m = _Q_LABEL.match(text, p)
        if m is not None:
            return _make(m, "q")
        if colon and text.startswith("Q.", p):
            m = _Q_NAMED.match(text, p)
            if m is not None and _named_questioner(m):
                return _make(m, "colon")
            m = _Q_TITLED.match(text, p)
            if m is not None and _normal(m.group("label")).split()[-1] not in _ROLE_WORDS:
                return _make(m, "colon")
    m = _NUMBERED_LABEL.match(text, p) if colon else None
    if m is not None:
        return _make(m, "numbered")
    m = _LABEL.match(text, p) if colon or text.find(";", p, line_end) >= 0 else None
    if m is not None:
        label = m.group("label")
        key = _normal(label)
        if len(label) > 60 or _field_name(key):
            return None
        if m.group("role") is not None and len(label.split()) < 2 and not label.isupper():
            return None  # "Well, Mr. President:" is speech; "FRANK McGEE, MODERATOR:" a label
        if _greeting(key):
            return _make(m, "greeting")  # "GOOD EVENING: ...", "LADIES AND GENTLEMEN: ..."
        if m.group("call") is not None:
            return _make(m, "note-call")
        return _make(m, "semicolon" if m.group("mark") == ";" else "colon")
    c = _third_pass_shape(text, p, line_end, ch)
    if c is not None:
        return c
    stop = text.find(".", p, line_end) >= 0
    if ch == "Q":
        m = _Q_STOP.match(text, p) if stop else None
        if m is not None:
            return _make(m, "q-stop")
        m = _Q_SPACE.match(text, p)
        if m is not None:
            return _make(m, "q-space")
    elif ch == "A" and stop:
        m = _A_STOP.match(text, p)
        if m is not None:
            return _make(m, "a-stop")
    if not stop:
        return None
    # The two patterns below open with a word in capitals or a title's abbreviation ("MR.",
    # "McGEE", "DeGAULLE"): its second character is a capital, a full stop, an apostrophe, a
    # hyphen or an accent, or it opens with Mc, Mac, De or La. A line that opens otherwise (most
    # lines of speech, "The Generalissimo received me ...") is not tried against them.
    caps = _caps_opening(text, p)
    m = _FULL_STOP_LABEL.match(text, p) if caps else None
    if m is not None:
        folded = _normal(m.group("label"))
        if folded in _NOT_FULL_STOP_SPEAKERS or folded.split()[-1] in _NOT_FULL_STOP_SPEAKERS:
            return None
        if _greeting(folded):
            return _make(m, "greeting")  # "GOOD MORNING. Won't you all please sit down."
        return _make(m, "note-call" if m.group("call") is not None else "caps-stop")
    m = _FULL_STOP_COMMA.match(text, p) if caps else None
    if m is not None:
        words = _normal(m.group("label")).replace(",", " ").split()
        if (words[0] in _INTERJECTIONS or words[0] in _NOT_FULL_STOP_SPEAKERS
                or words[-1] in _NOT_FULL_STOP_SPEAKERS or words[-1] in _INTERJECTIONS):
            return None  # "YES, SIR. ...", "NO, SIR. ..."
        return _make(m, "caps-comma")
    m = _TITLE_STOP_LABEL.match(text, p)
    if m is not None:
        words = _normal(m.group("label")).split()
        if (len(words[-1]) < 2 or words[0].rstrip(".") in _INTERJECTIONS
                or words[-1].rstrip(".") in _NOT_FULL_STOP_SPEAKERS
                or " ".join(words) in _NOT_FULL_STOP_SPEAKERS):
            return None
        return _make(m, "note-call" if m.group("call") is not None else "title-stop")
    return None


# ---------------------------------------------------------------------------------------------
# The third pass's forms (a comma after a label in capitals, labels closed by an em dash,
# greetings in capitals, a listed label glued to its speech), each a shape of its own that
# _Reading decides on with the whole record in view.

# Shapes that only the whole record can decide on (match_label never returns them).
_RECORD_SHAPES = frozenset(["title-stop", "greeting", "comma-end", "dash", "note-call", "glued",
                            "empty", "alone", "name-line"])
# "THE CHAIR, Please sit down.": a label in capitals closed by a comma, then a sentence that
# begins with a capital letter ("THE END, said he" is not one).
_COMMA_END = re.compile(
    rf"(?P<label>(?:{_TITLE}{_WS}+)*{_CAPS_WORD}(?:{_WS}+(?:{_TITLE}{_WS}+)*{_CAPS_WORD}){{0,4}})"
    rf"(?P<mark>,){_WS}+(?=[{_UPPER}“\"])")
# "RN—Where is the line?", "Helms—To the west.": a label closed by an em dash, as some minutes
# print them; the speech after it begins with a capital letter, a quotation mark or a number.
_DASH_LABEL = re.compile(
    rf"(?P<label>{_NAME}){_ASIDE}?{_WS}*(?P<mark>—){_WS}*(?=[{_UPPER}“\"«\d(\[])")
# Greetings and thanks in capitals open speech, they name nobody: "GOOD EVENING.", "THANK YOU,
# MR. PRESIDENT.", "LADIES AND GENTLEMEN:". A phrase is one when all its words are such words
# the first of them a greeting's own (good, thank, welcome, ladies ...): "MR. GOOD." is a name.
_GREETING_CORE = frozenset(
    """good thank thanks welcome hello hi greetings ladies gentlemen goodbye good-bye bye
    happy merry please sorry friends colleagues yes okay ok right my""".split())
_GREETING_WORDS = _GREETING_CORE | frozenset(
    """morning afternoon evening night day you very much so and all everybody everyone folks
    fellow americans citizens dear sir sirs madam mr. mr mister new year christmas again once
    oh ah now then well there president chairman""".split())


def _greeting(folded: str) -> bool:
    """Whether a folded label-like phrase is a greeting or thanks (``good morning``, ``thank you
    very much``, ``ladies and gentlemen``), not a name: see :data:`_GREETING_CORE`."""
    words = folded.replace(",", " ").split()
    return bool(words) and words[0] in _GREETING_CORE and all(w in _GREETING_WORDS for w in words)


def _third_pass_shape(text: str, p: int, line_end: int, ch: str) -> _Candidate | None:
    """A comma after a label in capitals (``THE CHAIR, Please ...``) or a label closed by an em
    dash (``RN—Where ...``) at ``p``, or ``None``; a greeting in those shapes is ``greeting``."""
    if text[p + 1:p + 2].isupper() or text.startswith(".", p + 1):
        if text.find(",", p, line_end) >= 0:
            m = _COMMA_END.match(text, p)
            if m is not None and _FULL_STOP_COMMA.match(text, p) is None:
                folded = _normal(m.group("label"))
                if _greeting(folded) or folded.split()[0] in _INTERJECTIONS:
                    return _make(m, "greeting")
                if not _field_name(folded) and folded not in _NOT_FULL_STOP_SPEAKERS:
                    return _make(m, "comma-end")
    dash = text.find("—", p, line_end)
    if 0 < dash - p <= 60:
        m = _DASH_LABEL.match(text, p)
        if m is not None:
            folded = _normal(m.group("label"))
            if not (_field_name(folded) or folded.split()[0] in _INTERJECTIONS or _greeting(folded)):
                return _make(m, "dash")
    return None


# A name alone on a paragraph of its own, the speech in the next, as the historic Hansard site
# prints a debate: "Mr. H. Wilson" / "Is the right hon. Gentleman aware ...".
_LABEL_ALONE = re.compile(rf"(?P<label>{_NAME}){_ASIDE}?")


# A name alone on its line and the constituency on the next after a comma, the speech below, as
# TheyWorkForYou prints Hansard: "Mr Selwyn Lloyd" / ", Wirral" / "Yes, Sir. ...". The
# constituency is a stage direction of the turn.
_NAME_LINE = re.compile(
    rf"(?P<label>{_NAME})[ \t\u00a0]*\r?\n[ \t\u00a0]*(?P<role>,[^\n]{{0,80}}?)[ \t\u00a0\r]*(?:\n|\Z)")


def _labels_alone(text: str, raw: list[Paragraph], firsts: list, openings: list) -> int | None:
    """Read names alone on their paragraphs as labels (shape ``alone``) where three paragraphs
    or more are a titled name alone (``Mr. Lund``, ``The Prime Minister``) followed by a
    paragraph of speech, and fewer paragraphs open with another label: changes ``firsts`` and
    ``openings`` in place, and returns the offset of the first such label (for its doubt)."""
    found = []
    for number, para in enumerate(raw[:-1]):
        if firsts[number] is not None or "\n" in para.text or len(para.text) > 60:
            continue
        if not _titled(para.text) and para.text.split()[0].rstrip(".").casefold() not in _ROLE_WORDS:
            continue
        m = _LABEL_ALONE.fullmatch(text, para.start, para.end)
        if m is None or _field_name(_normal(m.group("label"))):
            continue
        after = raw[number + 1]
        next_c = firsts[number + 1]  # "Order. Next question." opens like a full-stop label
        if (next_c is None or next_c.shape.endswith("stop")) and any(
                ch.islower() for ch in after.text[:80]) and (
                _LABEL_ALONE.fullmatch(text, after.start, after.end) is None):
            found.append((number, m))
    if len(found) < 3 or len(openings) >= len(found):
        return None
    for number, m in found:
        c = _make(m, "alone")
        firsts[number] = c
        openings.append(c)
    return raw[found[0][0]].start


def _pilcrow_lines(text: str, raw: list[Paragraph], per_line: dict) -> list[tuple[int, int, int]]:
    """The lines that open with Hansard's ``§``, as (paragraph index, line index in it, start),
    when more than half of the record's lines do (else none): a debate as Hansard prints it."""
    if "§" not in text:
        return []
    found = []
    total = 0
    for i, para in enumerate(raw):
        rows = per_line.get(i)
        if rows is None:
            total += 1
            if para.text.startswith("§"):
                found.append((i, 0, para.start))
            continue
        total += len(rows)
        found += [(i, r, row[0][0]) for r, row in enumerate(rows) if text.startswith("§", row[0][0])]
    return found if 2 * len(found) > total else []


# Where a name glued to its speech ends: a small letter (or the closing bracket of an aside)
# followed by a capital, "DunnMay", "(Mr. Attlee)The"; "McDonald" and "MacArthur" are names.
_GLUE_POINT = re.compile(rf"(?<!M[ac])(?<!Mac)(?<=[a-zß-öø-ÿ)])(?=[{_UPPER}][a-zß-öø-ÿ’' ])")


def _glued_openings(text: str, pilcrows: list[tuple[int, int, int]],
                    firsts: list[_Candidate | None], per_line: dict, openings: list[_Candidate]) -> None:
    """In a record whose lines open with ``§``, the label glued to the speech of each such line
    that opens with nothing else (``§ Mr. DunnMay I ask ...``): the capitalised words up to the
    first small letter followed by a capital, read as the label (with a doubt). A line that
    opens with ``§`` opens a paragraph, whatever the line before it."""
    for i, r, start in pilcrows:
        rows = per_line.get(i)
        c = firsts[i] if rows is None else rows[r][1]
        if c is None:
            c = _glued(text, start)
        if c is None:
            continue
        if rows is None:
            if firsts[i] is None:
                firsts[i] = c
                openings.append(c)
            continue
        span, old, opens = rows[r]
        rows[r] = (span, c, True)
        if old is None or not opens:
            openings.append(c)
        if r == 0:
            firsts[i] = c


def _glued(text: str, start: int) -> _Candidate | None:
    item = _ITEM.match(text, start)
    p = item.end() if item else start
    line_end = text.find("\n", p)
    point = _GLUE_POINT.search(text, p, min(p + 80, line_end if line_end >= 0 else len(text)))
    if point is None:
        return None
    head = text[p:point.start()]
    aside = re.search(r"[ \t\u00a0]*\([^()\n]{1,80}\)$", head)
    name = head[:aside.start()] if aside else head
    if not name or re.fullmatch(_NAME, name) is None or len(name.split()) > 6:
        return None
    if _field_name(_normal(name)):
        return None
    m = re.compile(rf"(?P<label>{re.escape(name)})(?P<glued>{re.escape(head[len(name):])})").match(text, p)
    return _make(m, "glued") if m is not None else None


def _pilcrow_warning(text: str, pilcrows: list, unread: list[int]) -> str:
    """The warning for a record whose lines open with ``§`` where some open no turn."""
    line = position(text, unread[0])[0]
    end = text.find("\n", unread[0])
    shown = _clean(text[unread[0]:end if end >= 0 else len(text)])[:50]
    return (f"{len(pilcrows)} lines open with '§', as Hansard prints a debate with each "
            f"speaker's name glued to the speech ('§ Mr. DunnMay I ask ...'); {len(unread)} of them "
            f"open no turn (the first at line {line}: '{shown}'), so their words are nobody's: "
            "list the names in a speaker file (a listed name is read even glued to its speech)")


_PERSON_TITLES = frozenset(
    """mr mrs ms messrs miss dr sir dame lord lady madam mme mlle sen senator rep gen general adm
    admiral col colonel maj major capt captain cdr lt sgt gov governor amb ambassador prof
    professor rev hon secretary president minister chairman chairwoman chair premier chancellor
    the""".split())


def _titled(label: str) -> bool:
    """Whether a label opens with a person's title (``Mr. Lind``, ``THE CHAIR``), as a label with
    a note's number after its name must (``Article 5:`` is not a label)."""
    words = label.split()
    return bool(words) and words[0].rstrip(".").casefold() in _PERSON_TITLES


def _field_name(key: str) -> bool:
    """Whether a folded label is a header field's name, never a speaker: a known field
    (``date``, ``subject``) or its plural (``Transcripts``), a participle and ``by``
    (``Chaired by``, ``Moderated by``), or a field's word and a preposition (``Note to
    editors``, ``Memorandum for the record``)."""
    key = key.rstrip(".")
    if key in _NEVER_SPEAKERS:
        return True
    words = key.split()
    if not words:
        return False
    first = words[0]
    if len(words) == 1:
        return first.endswith("s") and first[:-1] in _HEADER_FIELDS
    if words[-1] == "by":
        return True
    return (words[1] in ("to", "for", "on", "of", "by", "from")
            and (first in _HEADER_FIELDS or first.endswith("s") and first[:-1] in _HEADER_FIELDS))


def _named_questioner(m: re.Match[str]) -> bool:
    """Whether ``Q. NAME, AFFILIATION:`` names a questioner: a name of two words or more that
    is not a title alone (``Q. Mr. President, I said: ...`` is a question), and an affiliation
    in capitalised words (``United Press``, ``Portland (Maine) Press Herald``)."""
    words = _normal(m.group("label")).split()
    if len(words) < 2 or words[-1].strip(".") in _ROLE_WORDS:
        return False
    role = m.group("role")
    if role is None:
        return True
    return all(w[:1].isupper() or w[:1] in "([" or w[:1].isdigit() or re.fullmatch(_SMALL, w)
               for w in role.split())


def _make(m: re.Match[str], shape: str) -> _Candidate:
    label = m.group("label")
    words = label.split()
    key = " ".join(words).casefold()
    return _Candidate(m, shape, _fold_key(key) if "," in key else key, len(words))


def _fold_key(label: str) -> str:
    """A label folded for comparison: case, spaces and commas (``CARI, WEISS`` is ``cari weiss``)."""
    return " ".join(label.replace(",", " ").split()).casefold()


def _known_pattern(labels: Iterable[str] | None) -> re.Pattern[str] | None:
    """One pattern for the labels of a speaker file: each is read wherever it opens a
    paragraph, whatever follows it (``:``, ``.``, ``;`` or ``,``), case and spaces folded."""
    alternatives = sorted({" ".join(label.replace("\u00a0", " ").split()).removesuffix(":").strip()
                           for label in labels or ()} - {""}, key=len, reverse=True)
    if not alternatives:
        return None
    # a comma may stand between the words ("CARI, WEISS" is the listed CARI WEISS)
    body = "|".join(rf",?{_WS}+".join(map(re.escape, a.split())) for a in alternatives)
    # the second branch, spaces alone after the label, counts only for a listed capital letter
    # other than A, I or O (the White House's "Q", see _spaced_ok)
    # a note's number may stand before the mark ("Mr. Lind 3:"), an em dash close the label
    # ("RN—"), and a label ending in a small letter (or an aside) may be glued to the speech, as
    # Hansard prints it ("Sir T. MooreSurely ...", "The Prime Minister (Mr. Attlee)The hon. ...")
    return re.compile(
        rf"(?i:(?P<label>{body}))(?:(?:{_ROLE_AFTER}(?!{_WS}*,))?{_ASIDE}?{_CALL}?{_WS}*(?P<mark>[:.;,]){_NOTE_CALL}?"
        rf"(?=[\s“\"«]|$)|{_WS}*(?P<dash>—){_WS}*(?=[{_UPPER}“\"«\d(\[])"
        rf"|(?P<glued>(?:{_WS}*\([^()\n]{{1,80}}\))?)(?<=[a-zß-öø-ÿ)])(?=[{_UPPER}])|{_WS}+(?=\S))")


def _spaced_ok(m: re.Match[str]) -> bool:
    """Whether a speaker-file match is one the file allows: closed by a mark, or a listed
    one-letter label in capitals other than A, I or O followed by spaces (``Q How is ...``)."""
    if m.group("mark") is not None or m.group("dash") is not None or m.group("glued") is not None:
        return True
    label = m.group("label")
    return len(label) == 1 and label.isupper() and label not in "AIO"


def _as_written(c: _Candidate) -> str:
    """The shape a candidate has as written: a speaker-file label by the mark that closes it."""
    if c.shape != "known":
        return c.shape
    mark = c.m.group("mark")
    if mark is None:  # a listed one-letter label and a space ("Q How is ..."), a dash, glued
        return "dash" if c.m.group("dash") else "glued" if c.m.group("glued") is not None else "q"
    if mark == ".":
        label = c.m.group("label")
        return "q-stop" if label in ("Q", "q") else "caps-stop" if label.isupper() else "title-stop"
    return {":": "colon", ";": "semicolon"}.get(mark, "comma")


def _full_stop_evidence(openings: list[_Candidate], n_colon: int,
                        written: list[str] | None = None) -> tuple[bool, str]:
    """Whether the record writes its labels with a full stop, and why (see grammar rule 3).
    ``written`` is :func:`_as_written` of each opening, if worked out already."""
    if written is None:
        written = [_as_written(c) for c in openings]
    # (_as_written is a candidate's own shape, but for a speaker-file label's)
    stops = [(shape, c) for c, shape in zip(openings, written) if shape.endswith("stop")]
    caps = [c for shape, c in stops if shape == "caps-stop"]
    title = [c for shape, c in stops if shape == "title-stop" and c.words >= 2]
    q = sum(shape == "q-stop" for shape, _ in stops)
    counts = Counter(c.m.group("label") for c in caps + title)
    recurring = any(n >= 2 for n in counts.values())
    total = len(caps) + len(title) + q
    shown = ", ".join([f"{label}. {n}" for label, n in counts.most_common(3)]
                      + ([f"Q. {q}"] if q else []))
    reason = (f"{total} paragraphs open with a label closed by a full stop ({shown}), "
              f"{n_colon} with a colon")
    if len(caps) >= 2:
        return True, reason
    if title and (q or recurring) and total >= 3 and total > n_colon:
        return True, reason
    return False, reason


def _numbered_note(previous: str, paragraph: str) -> bool:
    """Whether ``paragraph`` is a footnote to the paragraph before it.

    The Public Papers print a footnote right after the paragraph that calls it, the number glued
    to a word there: "Not this morning, Tony.1 I have ..." then "1 A correspondent of ...".
    """
    m = _NOTE_NUMBER.match(paragraph)
    return m is not None and re.search(
        rf"[^\W\d_](?:[.,;:!?’”)]?|[.,;:!?’”)][ \t]){m.group(1)}(?!\d)", previous) is not None


_NOTE_LINE = re.compile(r"[ \t]*(\d{1,3})\.[ \t]+[^\W\d_]")
_NOTE_WORDS = re.compile(
    r"[ \t]*\d{1,3}\.[ \t]+(?:For\s+(?:the\s+|a\s+|an\s+)?(?:full\s+)?(?:texts?|documentation|records?"
    r"|summary|report|memorandum|transcript|further|additional)\b|See\b|Reference\s+is\b|Sources?\b"
    r"|Printed\b|Not\s+printed|Not\s+found|Not\s+further|Ibid\b|Attached\b|Tab\s+[A-Z]\b|Telegram\s+\d)")


def _note_list(text: str, para: Paragraph, indenting: Callable[[], bool]) -> bool:
    """Whether ``para`` is a list of notes: every line a number, a full stop and a word, the
    numbers one after another, and an editor's hand showing: the first note opening as notes do
    (``24. For text of ...``, ``25. See ...``, ``26. Reference is to ...``), or the lines
    indented in a record that does not indent its paragraphs (``indenting()``) otherwise."""
    lines = para.text.split("\n")
    first = _NOTE_LINE.match(lines[0])
    if first is None:
        return False
    number = int(first.group(1))
    for offset, line in enumerate(lines[1:], 1):
        m = _NOTE_LINE.match(line)
        if m is None or int(m.group(1)) != number + offset:
            return False
    if _NOTE_WORDS.match(lines[0]) is not None:
        return True
    return para.start > 0 and text[para.start - 1] in " \t" and not indenting()


def _indents(text: str, paragraphs: list[Paragraph]) -> bool:
    """Whether the record indents its paragraphs, as a copy from the Government Publishing
    Office does (more than half of them): indentation is then no sign of a note."""
    indented = sum(p.start > 0 and text[p.start - 1] in " \t" for p in paragraphs)
    return 2 * indented > len(paragraphs)


_TITLE_SMALL = frozenset("of the and in on for to a an with at by from or de la".split())


def _title_like(line: str) -> bool:
    """Whether a line reads like a title or a running head: four words or more, all capitalised
    or numbers but small words (``CBS NEWS 485 Madison Avenue, New York 22, N. Y.``)."""
    words = line.split()
    if len(words) < 4:
        return False
    for w in words:
        ch = w.lstrip("([“\"'‘")[:1]
        if not (ch.isupper() or ch.isdigit()) and w.casefold() not in _TITLE_SMALL:
            return False
    return True


class _RunningHeads:
    """Which short title-like lines of a record repeat another (a page's running head, printed
    again on every page, OCR slips and page numbers aside): ``get(i)`` is the index of the
    first paragraph that paragraph ``i`` repeats, or None. Worked out when first asked."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self._paragraphs = paragraphs
        self._first: dict[int, int] | None = None

    def get(self, index: int) -> int | None:
        if self._first is None:
            self._first = self._work_out()
        return self._first.get(index)

    def _work_out(self) -> dict[int, int]:
        from difflib import SequenceMatcher

        exact: dict[str, int] = {}  # folded line -> the paragraph it first stands in
        fuzzy: list[tuple[str, int]] = []  # the first few kinds, to compare with OCR slips
        first: dict[int, int] = {}
        for i, p in enumerate(self._paragraphs):
            for line in p.text.split("\n"):
                if len(line) > 80 or not _title_like(line):
                    continue
                key = "".join(ch for ch in line.casefold() if ch.isalnum())
                if len(key) < 10:
                    continue
                j = exact.get(key)
                if j is None:
                    # a slip of the OCR ("CB.NEWS" for "CBS NEWS"): nine tenths alike; only the
                    # first hundred kinds of line are compared, so the pass stays linear
                    j = next((k for other, k in fuzzy
                              if abs(len(other) - len(key)) <= len(key) // 10
                              and SequenceMatcher(None, other, key).ratio() >= 0.9), None)
                    exact[key] = i if j is None else j
                    if j is None and len(fuzzy) < 100:
                        fuzzy.append((key, i))
                if j is not None and j != i:
                    first.setdefault(i, j)
                    first.setdefault(j, i)
        return first


def _drop_spaced_call(text: str, previous: Paragraph, note: str, turn: _Turn) -> None:
    """Take a note's call written apart from its word ("... his principal assistants. 1") out
    of the turn's speech, as a stage direction: it is no word of the speaker's. (A call glued to
    its word, ``Tony.1``, stays in it and does not change the count.)"""
    number = note.split(None, 1)[0]
    calls = list(re.finditer(rf"[^\W\d_][.,;:!?’”)][ \t]({number})(?!\d)", previous.text))
    if not calls:
        return
    start = previous.start + calls[-1].start(1)
    end = start + len(number)
    for k, (a, b) in enumerate(turn.speech):
        if a <= start and end <= b:
            turn.speech[k:k + 1] = [(a, start), (end, b)]
            turn.outside.append((start, end))
            return


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
    return probe[:1] != "" and probe[:1] in _OPENING_QUOTES


def _has_field_line(paragraph: str) -> bool:
    """Whether a line of ``paragraph`` opens with a header field (``DATE: May 24, 1972``)."""
    for line in paragraph.split("\n"):
        name, colon, _ = line.partition(":")
        if colon and name and _field_name(_normal(name)):
            return True
    return False


def _header_rows(text: str, rows: list[tuple[tuple[int, int, int], _Candidate | None, bool | str]]) -> bool:
    """Whether some of these lines of a paragraph are header fields (``Subject: Middle East``,
    ``DOD: James Schlesinger``): a field's name, or a label followed only by a name."""
    for (start, end, _), c, _ in rows:
        if c is None:
            if _has_field_line(text[start:end]):
                return True
        elif _name_only(text[c.m.end():end].strip()) or _list_heading(c.m.group("label")):
            return True
    return False


def _field_value(value: str) -> bool:
    """Whether the words after a label on its line are a header field's value: a few
    capitalised words or numbers (``Kenneth Rush NSC``, ``Henry A. Kissinger CIA: William Colby``)."""
    words = value.split()
    return 1 <= len(words) <= 12 and all(
        w[:1].isupper() or w[:1].isdigit() or w.casefold() in _TITLE_SMALL for w in words)


def _caps_value(value: str) -> bool:
    """Whether the words after a colon are three or more, in capitals only, as a header field's
    often are (``HEADLINE: PANEL I OF A HEARING ...``)."""
    return (not any(ch.islower() for ch in value)
            and sum(any(ch.isalpha() for ch in w) for w in value.split()[:3]) >= 3)


_EDITORIAL = re.compile(r"\[[^\[\]\n]*\]|\([^()\n]*\)|(?:\*[ \t]*){3,}|(?:\.[ \t]*){3,}")


def _prose(paragraph: str) -> bool:
    """Whether a paragraph is prose: twelve words or more, ending like a sentence, no line
    opening with a header field (``DATE: ...``)."""
    # (fewer than twelve tokens cannot hold twelve words: told by a split that stops at twelve)
    return (len(paragraph.split(None, 11)) >= 12 and count_words(paragraph) >= 12
            and _PROSE_END.search(paragraph) is not None and not _has_field_line(paragraph))


def _list_heading(label: str) -> bool:
    """Whether a label reads like a header's list heading (``U.S. Side``, ``Participants``)."""
    return _normal(label).rstrip(".").split()[-1] in _HEADER_LAST_WORDS


# Dotted leaders and a country in parentheses after a name, as a UN record names its presiding
# officer ("Mr. D’Escoto Brockmann …………… (Nicaragua)"): dropped before _name_only looks.
_LEADERS = re.compile(r"(?:[ \t\u00a0]*(?:[.…·][ \t\u00a0]*){2,}|[ \t\u00a0]+(?=\())(?:\([^()\n]{1,60}\))?[ \t\u00a0]*$")


# Words that open a topic, not a name ("About Moscow:", "On Laos:", "Re the treaty:").
_TOPIC_OPENERS = frozenset(
    """about on re regarding concerning as in for to at from under after before during towards
    toward against between over with without upon into""".split())
_ACRONYM = re.compile(rf"[{_UPPER}]{{2,}}[’'s]*")


def _topic_like(label: str) -> bool:
    """Whether a label reads like a topic heading, not a speaker: a preposition opens it
    (``About Moscow``, ``On Laos``) or an article before an acronym does (``The TTB``), in a
    label not written in capitals."""
    words = label.split()
    first = words[0].casefold()
    if first in _TOPIC_OPENERS and len(words) >= 2:
        return True
    return (first in ("the", "a", "an") and len(words) == 2 and not label.isupper()
            and _ACRONYM.fullmatch(words[1]) is not None)


def _person_labels(label_counts: Counter, cands: list, matches: list) -> int:
    """How many of the labels read are not topic-like (the record's speakers by name or role)."""
    return sum(1 for c, mm in zip(cands, matches) if mm is not None and c is not None
               and c.m.group("label") and not _topic_like(c.m.group("label")))


_TWO_BLANKS = re.compile(r"\n[^\S\n]*\n[^\S\n]*\n")


def _lost_label(text: str, paragraphs: list[Paragraph], index: int, rare: list[bool]) -> bool:
    """Whether two blank lines stand before paragraph ``index`` (the second of a questioner's
    turn) in a record that parts its paragraphs by one blank line (two at most twice elsewhere):
    the trace of a label a copy dropped (UCSB's copies of news conferences)."""
    if _TWO_BLANKS.search(text, paragraphs[index - 1].end, paragraphs[index].start) is None:
        return False
    if not rare:
        gaps = sum(1 for a, b in zip(paragraphs, paragraphs[1:])
                   if _TWO_BLANKS.search(text, a.end, b.start) is not None)
        rare.append(gaps <= 2 and len(paragraphs) >= 5)
    return rare[0]


def _name_only(value: str) -> bool:
    """Whether the words after a colon are only a name (``Jimmy Carter``), as a header field's."""
    words = value.split()
    return (1 <= len(words) <= 6 and value[:1].isupper() and value[-1:].isalnum()
            and all(w[:1].isupper() or w[:1].isdigit() or re.fullmatch(_SMALL, w) for w in words)
            and not any(ch in value for ch in "?!;:“”\"()[]"))


def _heading_shaped(para: Paragraph) -> bool:
    """Whether a paragraph reads like a heading: one short line of capitalised words, nothing
    at its end that closes a sentence (``Yugoslavia``, ``Environmental Policy``)."""
    text = para.text
    if "\n" in text or len(text) > 60 or not _HEADING_END.match(text[-1]):
        return False
    if not _HEADING.fullmatch(text) or not any(ch.isalpha() for ch in text):
        return False
    words = text.split()
    return not (len(words) == 1 and (len(text) < 2 or words[0].casefold() in _INTERJECTIONS
                                     or words[0].casefold() in _NOT_FULL_STOP_SPEAKERS))


def _normal(label: str) -> str:
    return " ".join(label.split()).casefold()  # split() splits at non-breaking spaces too


# ---------------------------------------------------------------------------------------------
# Quotations
def _quote_positions(text: str) -> list[int]:
    """The offset of every character of :data:`_QUOTE_CHARS` in ``text``, in order: what
    ``_QUOTE_CHARS.finditer(text)`` finds. Found one character at a time with ``str.find``,
    which runs at the speed of ``memchr``; the pattern's scan tests every character of the text
    against its set, several times slower on a record that quotes its speech throughout."""
    found: list[int] = []
    for ch in _QUOTE_MARKS:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def _has_group_char(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a parenthesis or a bracket (``_GROUP_CHARS.search``),
    by four ``str.find``: each at the speed of ``memchr``, where the pattern tests every
    character against its set."""
    return (text.find("(", start, end) >= 0 or text.find(")", start, end) >= 0
            or text.find("[", start, end) >= 0 or text.find("]", start, end) >= 0)


def _scan_quotes(text: str, begin: int, stop: int, open_marks: str, strays: list[int],
                 marks: list[int]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]], int | None]:
    """Follow quotation marks in ``text[begin:stop]``, with the quotations ``open_marks`` open.

    ``open_marks`` holds the opening mark of each quotation still open, outermost first (``""``
    when none is: a quotation may run over several paragraphs). Returns the marks open at
    ``stop``, the spans inside top-level quotation marks, the spans outside them, and the offset
    of the last top-level opening mark still open (or None). Curly marks nest. A straight mark
    closes a quotation opened with a straight mark; inside one opened with a curly mark it opens a
    quotation within it (``“He said "no" to me.”``); with none open, it opens one. Straight
    marks inside a parenthesis opened within the quotation belong to that parenthesis. A
    closing curly mark with no quotation open is added to ``strays`` (the parse warns of it).
    ``marks`` is :func:`_quote_positions` of ``text``: the marks and brackets it looks at.
    """
    inside: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    parens = 0
    mark = begin  # where the current inside/outside span began
    opened_at: int | None = begin if open_marks else None
    for k in range(bisect_left(marks, begin), bisect_left(marks, stop)):
        pos = marks[k]
        ch = text[pos]
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
    if not _has_group_char(text, start, end):  # most speech has no direction
        return [(start, end)], []
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
# The reading of one record: its style and which label-like openings are labels
class _Reading:
    """The record-wide decisions: the style, and which candidates are read as labels."""

    def __init__(self, openings: list[_Candidate], style: str | None,
                 ignored: frozenset[str] = frozenset()) -> None:
        self.ignored = ignored  # folded labels the speaker file says are not speakers
        shapes = Counter(c.shape for c in openings)
        written = [_as_written(c) for c in openings]  # (worked out once, for both below)
        n_colon = shapes["q"] + shapes["q-space"] + shapes["numbered"] + shapes["colon"] + sum(
            shape == "colon" for c, shape in zip(openings, written) if c.shape == "known")
        self.full_stop, fs_reason = _full_stop_evidence(openings, n_colon, written)
        self.fs_reason = fs_reason
        self.given = style
        if style is not None:
            self.full_stop = style == "full-stop"
        self.counts = Counter(c.key for c in openings)
        self.q_stops = shapes["q-stop"]
        self.q_spaces = shapes["q-space"]
        self.a_stops = shapes["a-stop"]
        self.name_lines = shapes["name-line"]
        # a questioner "Q" opens some paragraph, in any form ("Q", "Q.", "Q:", "Q " ...)
        self.questioner = self.counts["q"] > 0 or any(c.m.re is _Q_NAMED or c.m.re is _Q_TITLED for c in openings)
        self._openings = openings
        self._read_keys: set[str] | None = None
        self._caps_labels: int | None = None
        # labels closed by an em dash: read where three paragraphs or more open so, or two
        # with a label that recurs ("RN—", "Helms—")
        dash_keys = Counter(c.key for c in openings if c.shape == "dash")
        self.dashes = sum(dash_keys.values())
        self.dash_read = self.dashes >= 3 or (self.dashes >= 2 and max(dash_keys.values()) >= 2)

    @property
    def caps_labels(self) -> int:
        """How many paragraphs open with a label in capitals that is read (``THE PRESIDENT.``,
        ``MR. ROSS:``; not ``Q``): the evidence for a comma after a label in capitals."""
        if self._caps_labels is None:
            self._caps_labels = sum(
                1 for c in self._openings
                if c.shape not in _SECOND_ORDER and len(label := c.m.group("label")) > 1
                and label.isupper() and self.reads(c))
        return self._caps_labels

    @property
    def read_keys(self) -> set[str]:
        """The labels read with a colon (or in the record's own style) anywhere: a semicolon
        label with the same words is the same speaker's. Worked out when first needed."""
        if self._read_keys is None:
            self._read_keys = {c.key for c in self._openings
                               if c.shape not in _SECOND_ORDER and self.reads(c)}
        return self._read_keys

    def reads(self, c: _Candidate) -> bool:
        """Whether the candidate is read as a label in this record."""
        shape = c.shape
        if c.key in self.ignored:
            return False
        if shape in ("known", "q", "numbered", "colon", "empty", "alone"):
            return True
        if shape == "name-line":
            # a name and a constituency below it, where three lines or more are so
            return self.name_lines >= 3
        if shape == "semicolon":
            label = c.m.group("label")
            return c.key in self.read_keys or (c.words >= 2 and label.isupper())
        if shape in _THIRD_PASS:
            return self._reads_third(c)
        if shape == "q-stop":
            return self.full_stop or self.q_stops >= 2
        if shape == "q-space":
            return self.q_spaces >= 2 or self.counts["q"] > self.q_spaces
        if shape == "a-stop":
            return self.questioner and (self.a_stops >= 2 or self.full_stop)
        if shape == "caps-stop":
            return self.full_stop and (c.words >= 2 or self.counts[c.key] >= 2
                                       or c.key in _ROLE_LABELS)
        if shape == "caps-comma":
            return self.full_stop and (c.m.group("aside") is not None or self.counts[c.key] >= 2)
        # title-stop: in the full-stop style, labels of two words or more
        return self.full_stop and c.words >= 2

    def _reads_third(self, c: _Candidate) -> bool:
        """The third pass's shapes: a note's number after the name (``Mr. Lind 3:``), read when
        the label opens with a title or is read elsewhere (a full stop after the number, only in
        the full-stop style); a comma after a label in capitals (``THE CHAIR, Please ...``), read
        when the label is read elsewhere or has two words in a record with other labels in
        capitals; an em dash (``RN—``), where enough paragraphs open so; a greeting, never."""
        shape = c.shape
        if shape == "note-call":
            if c.key in self.read_keys:
                return True
            titled = _titled(c.m.group("label"))
            return titled and (self.full_stop if c.m.group("mark") == "." else True)
        if shape == "comma-end":
            return c.key in self.read_keys or (c.words >= 2 and self.caps_labels >= 2)
        if shape == "dash":
            return self.dash_read
        if shape == "glued":
            return True  # guessed only in a record whose paragraphs open with "§"
        return False  # a greeting

    def label_like(self, c: _Candidate, in_header: bool) -> bool:
        """Whether a candidate not read is worth a doubt (a one-word full-stop label in the
        header, ``MOSCOW. The Embassy.``, or a one-word title-case one met once, is not)."""
        if c.shape == "greeting":
            return True
        if c.shape == "note-call":
            return _titled(c.m.group("label")) or c.key in self.read_keys
        if c.shape == "comma-end":
            return not in_header and c.words >= 2 and self.caps_labels >= 1
        if c.shape == "dash":
            return not in_header
        if c.shape in ("caps-stop", "title-stop") and c.words == 1:
            return not in_header and (c.shape == "caps-stop" or self.counts[c.key] >= 2)
        if c.shape == "a-stop":
            return self.questioner  # "A. Lincoln said ..." in a record with no questioner is speech
        if c.shape == "caps-comma":
            return self.full_stop or not in_header  # "LISBETH, NORLAND. The talks ..." a dateline
        return True


# Shapes read only by the evidence of others (so left out of that evidence).
_SECOND_ORDER = frozenset(["semicolon", "note-call", "comma-end", "greeting", "glued", "empty"])
_THIRD_PASS = frozenset(["note-call", "comma-end", "dash", "greeting", "glued"])
# One-word labels in capitals that name a role, read in the full-stop style even when they open
# only one paragraph ("[1.] REPORTER. Mr. President, ...").
_ROLE_LABELS = frozenset(
    """reporter reporters questioner moderator interviewer audience voice voices chairman
    chairwoman chair interpreter""".split())


# ---------------------------------------------------------------------------------------------
# The parse
@dataclass
class ParseResult:
    """What :func:`parse` finds: blocks and turns as lists of dicts, warnings, style, doubts."""

    blocks: list[dict]
    turns: list[dict]
    warnings: list[str]
    style: Style = field(default_factory=lambda: Style("colon", ""))
    doubts: list[Doubt] = field(default_factory=list)


@dataclass
class _Pending:
    """A label-like opening the parser did not read: its doubt is written when the fate of the
    paragraph that holds it (at offset ``at``) is known (part of which turn, narration ...)."""

    at: int
    c: _Candidate
    why: str = ""
    decision: str = ""
    suggestion: str = ""


def parse(text: str, path: str = "<text>", style: str | None = None,
          labels: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          blocks: bool = True) -> ParseResult:
    """Parse ``text`` into blocks and turns (see the module docstring for the grammar).

    ``style`` (``"quoted"``, ``"colon"`` or ``"full-stop"``) overrides the style the parser
    would infer; ``labels`` (the labels of a speaker file) are read as labels wherever they
    open a paragraph; ``ignore`` (the labels a speaker file says are not speakers) never are:
    a paragraph they open is header or narration, and ends the turn before it. Raises :class:`TranscriptError` for a quotation that never closes, and for
    a text whose lines end with a carriage return alone (old Mac line endings); ``ValueError``
    for a style that is not one of :data:`STYLES`. Labels are returned as written; mapping them
    to canonical speakers is :mod:`helpers.speakers`' job. ``blocks=False`` leaves the blocks
    out of the result (``ParseResult.blocks`` is empty), for a caller that counts turns only (a
    corpus run); the turns, doubts, warnings and style are the same.
    """
    if style is not None and style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    # The parse makes many small objects that live to its end and no reference cycles, so the
    # cyclic garbage collector, which would walk them all again and again, is paused meanwhile
    # (on a long press conference it took more time than the parse itself); back on at the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, path, style, labels, ignore, blocks)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, path: str, style: str | None, labels: Iterable[str] | None,
           ignore: Iterable[str] | None, with_blocks: bool = True) -> ParseResult:
    if "\r" in text and "\n" not in text:
        cr_line, cr_column = position(text, text.index("\r"))
        raise TranscriptError(
            "the lines end with a carriage return alone (old Mac line endings); save the file "
            "again with Unix (LF) or Windows (CRLF) line endings", path, cr_line, cr_column)
    known = _known_pattern(labels)
    raw = split_paragraphs(text)

    # 1. Every line that may open a paragraph, and what opens it like a label.
    #    (first line of a paragraph, or a line after one that ends like a sentence)
    firsts: list[_Candidate | None] = []  # what opens each paragraph
    per_line: dict[int, list[tuple[tuple[int, int, int], _Candidate | None, bool | str]]] = {}
    openings: list[_Candidate] = []
    for number, para in enumerate(raw):
        if "\n" not in para.text:
            c = _candidate(text, para.start, known)
            firsts.append(c)
            if c is not None:
                openings.append(c)
            continue
        line_rows = []
        previous_end = previous_start = -1
        for span in _line_spans(text, para):
            c = _candidate(text, span[0], known)
            opens: bool | str = (previous_end < 0
                                 or _ENDS_SENTENCE.match(text, previous_end - 1) is not None)
            if c is not None and not opens:
                opens = _line_ends(text, previous_start, previous_end)
            line_rows.append((span, c, opens))
            if c is not None and (opens or c.shape == "name-line"):
                openings.append(c)
            previous_start, previous_end = span[0], span[1]
        per_line[number] = line_rows
        firsts.append(line_rows[0][1])
    alone_at = _labels_alone(text, raw, firsts, openings)
    pilcrows = _pilcrow_lines(text, raw, per_line)
    if pilcrows:
        _glued_openings(text, pilcrows, firsts, per_line, openings)
    reading = _Reading(openings, style,
                       frozenset(_fold_key(label.removesuffix(":")) for label in ignore or ()))

    # 2. Cut paragraphs where a line inside opens with a label; note the lines left alone.
    paragraphs: list[Paragraph] = []
    cands: list[_Candidate | None] = []
    pending: list[_Pending] = []
    mid_sentence: list[tuple[int, _Candidate]] = []
    # labels read after a line that does not end a sentence: (line start, candidate, the span of
    # the line before), each doubted when the paragraphs' fate is known
    broken: list[tuple[int, _Candidate, tuple[int, int, int], bool]] = []
    matches: list[re.Match[str] | None] = []
    reads = reading.reads
    ignored = reading.ignored
    seen_label = False  # a label is read in an earlier paragraph
    for number, para in enumerate(raw):
        line_rows = per_line.get(number, [])
        if len(line_rows) <= 1:
            c = firsts[number]
            paragraphs.append(para)
            cands.append(c)
            if c is None:
                matches.append(None)
            elif reads(c):
                matches.append(c.m)
                seen_label = True
            else:
                matches.append(None)
                if c.key not in ignored:
                    pending.append(_Pending(para.start, c))
            continue
        cuts = [0]
        first_c = line_rows[0][1]
        label_above = seen_label or (first_c is not None and reads(first_c))
        for i in range(1, len(line_rows)):
            (one_start, one_end, _), c, opens = line_rows[i]
            if c is None:
                continue
            if reads(c):
                words_after = text[c.m.end():one_end].strip()
                if c.shape == "name-line":
                    cuts.append(i)  # "Mr Selwyn Lloyd" / ", Wirral": read wherever the line stands
                    label_above = True
                    continue
                if opens and (words_after or (reading.name_lines >= 3 and i + 1 < len(line_rows)
                                              and c.shape == "colon")):
                    # (a colon label alone on its line, the speech below, among TheyWorkForYou's
                    # names: "Mr. H. Wilson:" / "Will the Leader ...")
                    if (not label_above and c.shape == "colon" and reading.counts[c.key] == 1
                            and _name_only(words_after) and _header_rows(text, line_rows[:i])):
                        # "DOD: James Schlesinger / James Noyes. / Jerry W. Friedhiem Treasury:
                        # William Simon": a participant line of a header without blank lines
                        label = c.m.group("label")
                        pending.append(_Pending(
                            one_start, c, f"'{label}:' is followed only by a name, like the header "
                            f"fields above it ('{_clean(text[one_start:one_end])}')",
                            "read as a header field",
                            f"if it is speech, list '{label}' in a speaker file"))
                        continue
                    if (opens == "heading" and reading.counts[c.key] < 2
                            and c.shape not in ("known", "q", "q-stop", "q-space", "a-stop")):
                        # a label met once, after a heading or a date line: read, with a doubt
                        broken.append((one_start, c, line_rows[i - 1][0], False))
                    _cut_heading_before(text, line_rows, cuts, i)
                    cuts.append(i)
                    label_above = True
                elif (c.shape == "known" and c.m.group("mark") == ":"
                      and (words_after or i + 1 < len(line_rows))):
                    # a listed label and a colon are read after a broken line too, and alone on
                    # its line with the speech below ("Mr. Holm:" / "Will the Leader ...")
                    cuts.append(i)
                    label_above = True
                elif words_after and reading.counts[c.key] >= 1 and c.shape != "known":
                    # a label that opens other paragraphs, after a broken line: read, with a doubt;
                    # after a line ending in "--" or a dash (an interruption, as press transcripts
                    # mark it: "Q Do you think NATO will --"), read with none
                    before = line_rows[i - 1][0]
                    if not _INTERRUPTED.search(text, before[0], before[1]):
                        broken.append((one_start, c, before, True))
                    cuts.append(i)
                    label_above = True
                else:
                    mid_sentence.append((one_start, c))
            elif opens and c.key not in ignored:
                pending.append(_Pending(one_start, c))
        pieces = _cut(para, [r[0] for r in line_rows], cuts)
        paragraphs += pieces
        for piece, i in zip(pieces, cuts):
            c = line_rows[i][1]
            cands.append(c)
            if c is not None and reads(c):
                matches.append(c.m)
                seen_label = True
            else:
                matches.append(None)
                if c is not None and c.key not in ignored:
                    pending.append(_Pending(piece.start, c))
    inside_cuts = _split_inside_lines(text, paragraphs, cands, matches, labels, known, reads)
    label_counts = Counter(c.key for c, m in zip(cands, matches) if c is not None and m is not None)

    # 3. The style: full stop (decided above), quoted or colon.
    # What follows each label: an opening quotation mark (the quoted style, and a quoted turn),
    # or a single mark ‘ (a warning at the end). Worked out once, for both.
    opens_quote: list[bool] = [False] * len(paragraphs)
    labelled = quoted_n = single_n = 0
    for index, (para, m) in enumerate(zip(paragraphs, matches)):
        if m is not None:
            labelled += 1
            # the first character after the label and its spaces; only a direction there
            # ("(Smiling) “...") needs the rest of the paragraph looked at
            spaces = _SPACES_AFTER.match(text, m.end(), para.end)  # None only past the end
            first = spaces.end() if spaces is not None else para.end
            ch = text[first] if first < para.end else ""
            if ch in ("(", "["):
                opens = _opens_quotation(text[m.end():para.end])
            else:
                opens = ch != "" and ch in _OPENING_QUOTES
            if opens:
                opens_quote[index] = True
                quoted_n += 1
            single_n += ch == "‘"
    if reading.given is not None:
        style_name = reading.given
        reason = "given with --style (style= in Python), not inferred"
    elif reading.full_stop:
        style_name, reason = "full-stop", reading.fs_reason
    elif labelled and 2 * quoted_n >= labelled:
        style_name = "quoted"
        reason = f"{quoted_n} of {labelled} labels are followed by an opening quotation mark"
    else:
        style_name = "colon"
        reason = (f"{labelled} label{'s' if labelled != 1 else ''}, {quoted_n} of them followed "
                  "by an opening quotation mark" if labelled
                  else "no paragraph opens with a speaker label")
        stops = sum(c.shape in ("caps-stop", "title-stop", "q-stop") for c in openings)
        if stops:
            reason += (f"; {stops} paragraph{'s' if stops != 1 else ''} open with a label closed "
                       "by a full stop, too few for the full-stop style")
    quoted_style = style_name == "quoted"

    n = len(paragraphs)

    def before_label(i: int) -> bool:
        """Whether paragraph ``i`` comes right before a label, or before headings that do."""
        for j in range(i + 1, n):
            if matches[j] is not None:
                return True
            if not _heading_shaped(paragraphs[j]):
                return False
        return False

    kinds: list[str] = ["header"] * n
    owner: list[int | None] = [None] * n
    turns: list[_Turn] = []
    doubts: list[Doubt] = []
    current: _Turn | None = None
    open_marks = ""  # the quotations open, outermost first (see _scan_quotes)
    strays: list[int] = []  # closing marks met with no quotation open
    opened_at: int | None = None
    closed = False  # an unquoted turn met a closing paragraph

    def fail_unclosed() -> None:
        line, column = position(text, opened_at if opened_at is not None else 0)
        label = current.label if current is not None else ""
        raise TranscriptError(
            f"the quotation opened here (in the turn of “{label}”) never closes: "
            "add the closing quotation mark where the speech ends",
            path, line, column,
        )

    def doubt(kind: str, at: int, shown: str, message: str, decision: str, suggestion: str) -> None:
        line, column = position(text, at)
        doubts.append(Doubt(kind, line, column, at, shown, message, decision, suggestion))

    mixed: list[bool] = []  # whether the speech after the labels is in small letters too

    def mixed_case() -> bool:
        if not mixed:
            mixed.append(any(any(ch.islower() for ch in text[mm.end():min(p.end, mm.end() + 200)])
                             for p, mm in zip(paragraphs, matches) if mm is not None))
        return mixed[0]

    def next_opens(i: int) -> bool:
        """Whether the paragraph after ``i`` opens like a label or a header field."""
        return i + 1 < n and (cands[i + 1] is not None or _has_field_line(paragraphs[i + 1].text))

    indents: list[bool] = []

    def indenting() -> bool:
        if not indents:
            indents.append(_indents(text, paragraphs))
        return indents[0]

    positions: list[list[int]] = []  # where the quotation marks and brackets are (found once)

    def quote_marks() -> list[int]:
        if not positions:
            positions.append(_quote_positions(text))
        return positions[0]

    rare_gaps: list[bool] = []  # whether two blank lines between paragraphs are rare (worked out once)
    running = _RunningHeads(paragraphs)
    heads_said: set[int] = set()
    for index, para in enumerate(paragraphs):
        m = matches[index]
        c = cands[index]
        if m is not None and c is not None and not turns and c.shape == "colon":
            rest = text[m.end():para.end].strip()
            label = c.m.group("label")
            why = ""
            if _list_heading(label):
                m = None  # "U.S. Side:" in a header lists people; it is not a speaker
            elif label_counts[c.key] > 1:
                pass
            elif _caps_value(rest) and mixed_case():
                why = (f"'{label}:' is followed by words in capitals only ('{_clean(rest)[:40]}'), "
                       "like a header field, while the speech after this record's labels is not")
            elif "\n" not in para.text and _name_only(_LEADERS.sub("", rest)):
                # "President: Jimmy Carter" at the top of a file is a header field, and so is a
                # UN record's presiding officer, "President: Mr. Lund ...... (Norland)"
                # "President: Jimmy Carter" at the top of a file is a header field
                why = f"'{label}:' is followed only by a name, like a header field ('{_clean(para.text)}')"
            elif (index == 0 and len(label.split()) >= 3 and not label.isupper()
                  and rest and text[m.end():para.end].lstrip(" \t\u00a0")[:1] in ("\r", "\n")):
                # "Debate Between the Presidential Candidates:" / "Al Gore and George W. Bush": the
                # record's title, broken at its colon
                why = (f"'{label}:' opens the record and ends its line, a title broken at its "
                       "colon rather than a speaker's label")
            elif not rest and "\n" not in para.text and next_opens(index):
                why = (f"'{label}:' has no words after it, and the next paragraph opens with a "
                       "label or a header field: a header field's name")
            if why:
                m = None
                pending.append(_Pending(para.start, c, why, "read as a header field",
                                        f"if it is speech, list '{label}' in a speaker file"))
        if m is not None and c is not None and c.shape == "colon" and _topic_like(c.m.group("label")):
            label = c.m.group("label")
            if (current is not None and not current.quoted and label_counts[c.key] == 1
                    and _person_labels(label_counts, cands, matches) >= 2):
                # "About Moscow:", "The TTB:" inside the President's turn: a topic he goes through
                m = None
                pending.append(_Pending(
                    para.start, c, f"'{label}:' reads like a topic heading, not a speaker (a "
                    "preposition, or an article before an acronym, opens it), is used once, and "
                    "the record's other labels name people", "",
                    f"if a speaker begins here, list '{label}' in a speaker file"))
            else:
                doubt("topic", c.m.start("label"), _shown(c),
                      f"'{label}:' reads like a topic heading, not a speaker (a preposition, or an "
                      "article before an acronym, opens it)",
                      "read as a label, a new turn",
                      f"if it is a topic inside the turn before, give '{label}' the speaker of that "
                      "turn in a speaker file, or join the paragraph to it in your copy")
        if c is not None and not open_marks and c.key in ignored:
            # a label the speaker file says is not a speaker: a header line, or narration that
            # ends the turn before it
            kinds[index] = "narration" if turns else "header"
            closed = True
            continue
        if open_marks and m is not None:
            # Inside an open quotation, a label counts only when a new quotation follows it (or
            # when the speaker file lists it): then the quotation before it never closed.
            if opens_quote[index] or (c is not None and c.shape == "known"):
                fail_unclosed()
            if c is not None and current is not None:
                pending.append(_Pending(para.start, c, f"'{_shown(c)}' looks like a speaker label, "
                                        "but a quotation is open",
                                        f"read as part of the quotation of turn {len(turns)} "
                                        f"({current.label})",
                                        "if a speaker begins here, the quotation before it lacks "
                                        "its closing mark: add it"))
            m = None
        if m is not None:
            label_end = m.end()
            label = m.group("label") or UNNAMED
            label_start = m.start("label")
            if c is not None and c.shape == "empty":
                doubt("empty-label", label_start, ":",
                      "the paragraph opens with ':' and no name before it (a speaker's name left "
                      "blank in the source, as FRUS prints an omission)",
                      f"read as a turn of an unnamed speaker, '{UNNAMED}'",
                      "if you know who speaks, write the name before the colon in your copy; if "
                      "the paragraph goes on the turn before it, delete the colon")
            current = _Turn(label=label, label_start=label_start, label_end=label_end, quoted=False)
            turns.append(current)
            closed = False
            current.quoted = quoted_style and opens_quote[index]
            kinds[index] = "speech"
            owner[index] = len(turns) - 1
            current.paragraphs.append(index)
            if label_start > para.start:  # an item number, "[1.]"
                current.outside.append((para.start, label_start))
            names = m.re.groupindex  # (a new mapping at every look: looked at once)
            for group in ("role", "aside", "call", "note", "glued"):
                if group in names and m.group(group):
                    g0, g1 = m.start(group), m.end(group)
                    if group == "aside" and text[g1 - 1] != text[g0]:
                        # two groups, "(China) (spoke in Chinese)": one direction each
                        for g in _GROUP_RE.finditer(text, g0, g1):
                            current.outside.append((g.start(), g.end()))
                    else:
                        current.outside.append((g0, g1))
            if c is not None and c.shape in ("note-call", "comma-end", "glued"):
                _third_pass_doubt(doubt, c, label)
            if c is not None and c.shape == "semicolon":
                doubt("semicolon", label_start, _shown(c),
                      f"'{_shown(c)}' looks like a speaker label closed by ';'",
                      "read as a label", "list it in a speaker file to confirm")
            elif c is not None and c.shape == "caps-comma":
                doubt("comma", label_start, _shown(c),
                      f"'{_shown(c)}' looks like a speaker label with a comma inside its name "
                      "(a slip of the OCR, or a surname written first)",
                      f"read as the label '{label}'",
                      f"list it in a speaker file to confirm ('{label.replace(',', '')}' or "
                      f"'{label}'), with the speaker's name")
            if current.quoted:
                open_marks, inside, outside, opened_at = _scan_quotes(
                    text, label_end, para.end, "", strays, quote_marks())
                current.speech += inside
                current.outside += outside
            else:
                current.speech.append((label_end, para.end))
                if "\n" in para.text:
                    _inner_headings(text, para, current, len(turns), doubt)
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
                text, begin, para.end, open_marks, strays, quote_marks())
            current.speech += inside
            current.outside += outside
            if opened_here is not None and opened_here != begin:
                opened_at = opened_here
            continue
        if current is not None and not current.quoted and not closed:
            if _CLOSING.fullmatch(para.text) or _note_list(text, para, indenting):
                closed = True
                kinds[index] = "narration"
                continue
            if _numbered_note(paragraphs[index - 1].text, para.text):
                kinds[index] = "narration"  # a footnote printed after its paragraph: the turn goes on
                if owner[index - 1] == len(turns) - 1:
                    _drop_spaced_call(text, paragraphs[index - 1], para.text, current)
                continue
            heading_shaped = _heading_shaped(para)
            if heading_shaped and before_label(index):
                kinds[index] = "heading"
                continue
            if "\n" not in para.text and len(para.text) <= 80 and _title_like(para.text):
                seen = running.get(index)
                if seen is not None:
                    kinds[index] = "heading"
                    if seen not in heads_said:
                        heads_said.add(seen)
                        doubt("running-head", para.start, para.text,
                              f"'{para.text}' inside turn {len(turns)} ({current.label}) repeats "
                              f"line {paragraphs[seen].line_start} ('{paragraphs[seen].text}'), like "
                              "a page's running head",
                              "set apart as a heading, not counted as speech (and so is every "
                              "other line like it)",
                              "if it is speech, correct your copy so that the lines differ")
                    continue
                if (not heading_shaped and any(ch.isdigit() for ch in para.text)
                        and _PROSE_END.search(paragraphs[index - 1].text)):
                    doubt("short-line", para.start, para.text,
                          f"short line '{para.text}' inside turn {len(turns)} ({current.label}) "
                          "reads like a running head or a heading, not like speech",
                          "read as speech",
                          "if it is a running head, delete it from your copy (it is counted as "
                          f"{current.label}'s words)")
            kinds[index] = "speech"
            owner[index] = len(turns) - 1
            if (len(current.paragraphs) == 1 and text.startswith("Q", paragraphs[current.paragraphs[0]].start)
                    and _lost_label(text, paragraphs, index, rare_gaps)):
                doubt("lost-label", para.start, _clean(para.text)[:40],
                      f"two blank lines stand before this paragraph, inside the questioner's turn "
                      f"{len(turns)} ({current.label}), where the record otherwise parts its "
                      "paragraphs by one: a label lost in the copy, most likely (an answer)",
                      f"read as part of turn {len(turns)} ({current.label})",
                      "if someone else answers here, write their label before it in your copy "
                      "(for example 'THE PRESIDENT.')")
            current.paragraphs.append(index)
            current.speech.append((para.start, para.end))
            opening = text[current.speech[0][0]:current.speech[0][1]][:200] if current.speech else ""
            about = _third_person(para.text, current.label, opening)
            if about:
                doubt("third-person", para.start, _clean(para.text)[:40],
                      f"this paragraph inside turn {len(turns)} ({current.label}) has no label and "
                      f"opens like a note-taker's narration about {about}, not like "
                      f"{current.label}'s words",
                      f"counted as {current.label}'s speech",
                      "if it is narration, put it in square brackets in your copy ([...]: a note, "
                      "not counted, and the turn goes on after it); if it is speech, nothing")
            if "\n" in para.text:
                _inner_headings(text, para, current, len(turns), doubt)
            if heading_shaped:
                doubt("short-line", para.start, para.text,
                      f"short line '{para.text}' inside turn {len(turns)} ({current.label}) "
                      "reads like a heading",
                      "read as speech",
                      "if it is a heading, the paragraph after it may open with a label the "
                      "parser did not read: list that label in a speaker file")
            continue
        kinds[index] = "narration" if turns else "header"

    if open_marks and current is not None:
        fail_unclosed()

    # A run of prose paragraphs right before the first turn (or, in a record with no turns, up
    # to its end) is narration, not header; editorial notes in brackets inside the run
    # ("[Page 558]") go with it.
    first = next((i for i, k in enumerate(kinds) if k == "speech"), len(kinds))
    i = first - 1
    while i >= 0 and kinds[i] == "header":
        j = i
        while (j >= 0 and kinds[j] == "header" and not _prose(paragraphs[j].text)
               and _EDITORIAL.fullmatch(paragraphs[j].text)):
            j -= 1
        if j < 0 or kinds[j] != "header" or not _prose(paragraphs[j].text):
            break
        for k in range(j, i + 1):
            kinds[k] = "narration"
        i = j - 1
    _header_ends(paragraphs, kinds, first)
    if style_name == "colon" and turns:
        _labels_inside_lines(text, paragraphs, kinds, owner, turns, label_counts, cands, matches, doubt)

    # The doubts about openings not read, now that each paragraph's fate is known.
    starts = [p.start for p in paragraphs]
    for note in pending:
        c = note.c
        k = _containing(starts, note.at)
        if not note.why and not reading.label_like(c, in_header=not turns or k < first):
            continue
        doubt("header-field" if note.decision == "read as a header field" else
              "semicolon" if c.shape == "semicolon" else "not-a-label",
              c.m.start("label"), _shown(c),
              note.why or _why_not(c, reading, style_name),
              note.decision or _fate(kinds[k], owner[k], turns),
              note.suggestion or _suggest(c, style_name))
    if alone_at is not None:
        n_alone = sum(1 for c in cands if c is not None and c.shape == "alone")
        first_alone = next(c for c in cands if c is not None and c.shape == "alone")
        doubt("label-alone", alone_at, first_alone.m.group("label"),
              f"{n_alone} paragraphs are a name alone ('{first_alone.m.group('label')}' the first), "
              "each followed by a paragraph of speech, as the Hansard site prints a debate",
              "read each as a label, the paragraphs after it its speech",
              "if these names are not speakers' labels, give them the speaker '-' in a speaker file")
    if reading.name_lines >= 3:
        first_line = next((c for c in cands if c is not None and c.shape == "name-line"), None)
        if first_line is not None:
            doubt("label-alone", first_line.m.start("label"), first_line.m.group("label"),
                  f"{reading.name_lines} lines are a name alone with a line ', ...' below it "
                  f"('{first_line.m.group('label')}' the first), as TheyWorkForYou prints Hansard",
                  "read each name as a label, the line after it a stage direction (the "
                  "constituency), the lines below its speech",
                  "if these names are not speakers' labels, give them the speaker '-' in a speaker file")
    for c in inside_cuts:
        label = c.m.group("label")
        k = _containing(starts, c.m.start())
        owner_before = owner[k - 1] if k else None
        previous = turns[owner_before].label if owner_before is not None else "?"
        doubt("inside-line", c.m.start("label"), _shown(c),
              f"'{_shown(c)}', a label of this record, stands inside a line after the end of a "
              f"sentence (of {previous}'s speech): a paragraph break lost, most likely",
              "read as a new turn, cut inside the line",
              "if a speaker does begin here, put a blank line before the label in your copy "
              f"(the doubt then goes); if these words are speech, write '{label}' without its "
              "colon there")
    for one_start, c, (before_start, before_end, _), elsewhere in broken:
        label = c.m.group("label")
        doubt("mid-sentence", c.m.start("label"), _shown(c),
              f"'{_shown(c)}' opens a line after one that does not end a sentence "
              f"('{_clean(text[before_start:before_end])[:60]}')",
              "read as a label, a new turn" + (" (the label opens other paragraphs)"
                                               if elsewhere else ""),
              f"if it is a speaker's label, list '{label}' in a speaker file to confirm; if not, "
              "join the line to the one before in your copy")
    for one_start, c in mid_sentence:
        k = _containing(starts, one_start)
        line_end = text.find("\n", c.m.end())
        if kinds[k] == "header" and _field_value(text[c.m.end():line_end if line_end >= 0 else len(text)]):
            continue  # "State: Kenneth Rush NSC" in a list of participants: a header line
        colon = "mark" in c.m.re.groupindex and c.m.group("mark") == ":"
        doubt("mid-sentence", c.m.start("label"), _shown(c),
              f"'{_shown(c)}' opens a line after one that does not end a sentence",
              _fate(kinds[k], owner[k], turns).replace("read as", "left in the paragraph, as", 1),
              f"if a speaker begins here, list '{c.m.group('label')}' in a speaker file (or put "
              "a blank line before it)" if colon else
              "if a speaker begins here, put a blank line before it")
    doubts.sort(key=lambda d: d.start)

    blocks: list[dict] = []
    for k, p in enumerate(paragraphs if with_blocks else ()):
        turn = (owner_k + 1) if (owner_k := owner[k]) is not None else None
        # Header paragraphs are cut into lines: each line of a header is a field of its own.
        pieces = _lines(p) if kinds[k] == "header" else [p]
        for piece in pieces:
            blocks.append({
                "block": len(blocks) + 1,
                "kind": kinds[k],
                "turn": turn,
                "text": piece.text,
                "start": piece.start,
                "end": piece.end,
                "line_start": piece.line_start,
                "line_end": piece.line_end,
            })
    rows = [_turn_row(text, t_number + 1, t, paragraphs) for t_number, t in enumerate(turns)]
    warnings = []
    if strays:
        stray_lines = sorted({position(text, offset)[0] for offset in strays})
        shown = ", ".join(map(str, stray_lines[:5])) + (" ..." if len(stray_lines) > 5 else "")
        warnings.append(
            f"a closing quotation mark ” with no quotation open (line{'s' if len(stray_lines) > 1 else ''} "
            f"{shown}): the words after it, up to the next opening mark, are read as outside the "
            "speech; check the marks there")
    if labelled and 2 * single_n >= labelled:
        warnings.append(
            "most labels are followed by a single quotation mark ‘, which is not read as a "
            "quotation (’ is also the apostrophe), so every paragraph up to the next label is "
            "counted as speech, narration included: replace ‘ and its closing ’ with “ and ” "
            "(see docs/bring_your_own.md)")
    if pilcrows:
        opened = {paragraphs[t.paragraphs[0]].start for t in turns}
        unread = [start for _, _, start in pilcrows if start not in opened]
        if unread:
            warnings.append(_pilcrow_warning(text, pilcrows, unread))
    if not rows:
        warnings.append(
            "no speaker turns found: no paragraph opens with a speaker label such as "
            "'Chairman:' or 'PRESIDENT BIDEN:' (see docs/bring_your_own.md)"
        )
    return ParseResult(blocks, rows, warnings, Style(style_name, reason, style is not None), doubts)


def _third_pass_doubt(doubt: Callable[..., None], c: _Candidate, label: str) -> None:
    """The doubt of a label read in a third-pass shape: a note's number before the mark, or a
    comma closing a label in capitals."""
    at = c.m.start("label")
    shown = c.m.group(0).rstrip()
    if c.shape == "glued":
        doubt("glued", at, label,
              f"'{label}' opens a paragraph after '§' glued to the words after it "
              f"('{_clean(c.m.string[at:at + len(label) + 20].split(chr(10))[0])}'), as Hansard "
              "prints a speaker's name",
              f"read as the label '{label}', the speech beginning at the capital letter after it",
              f"list '{label}' in a speaker file to confirm (a listed label is read glued to its "
              "speech)")
        return
    if c.shape == "note-call":
        number = c.m.group("call")
        doubt("note-call", at, shown,
              f"'{shown}' looks like a speaker label with a note's number ({number}) between the "
              "name and its mark",
              f"read as the label '{label}', the number a note (not spoken)",
              f"list '{label}' in a speaker file to confirm")
    else:
        doubt("comma", at, shown,
              f"'{shown}' looks like a speaker label in capitals closed by a comma",
              f"read as the label '{label}', the comma taken as the label's end",
              f"list '{label}' in a speaker file to confirm (if it is not a speaker, give it "
              "the speaker '-')")


def _inner_headings(text: str, para: Paragraph, turn: _Turn, number: int,
                    doubt: Callable[..., None]) -> None:
    """Doubt each line inside a paragraph of speech that reads like a heading (a short line of
    capitalised words, no mark at its end, after a line that ends a sentence): in a record with
    single line breaks, ``Harbor Dues`` between two sentences is more likely a heading than
    speech, but no label follows it, so it is counted as speech."""
    spans = _line_spans(text, para)
    for (a, b, _), (start, end, _) in zip(spans, spans[1:]):
        if _ENDS_SENTENCE.match(text, b - 1) is not None and _heading_line(text[start:end]):
            line = text[start:end]
            doubt("short-line", start, line,
                  f"line '{line}' inside turn {number} ({turn.label}) reads like a heading",
                  "read as speech",
                  "if it is a heading, the line after it may open with a label the parser did not "
                  "read (list that label in a speaker file), or put the heading on a line of its "
                  "own with blank lines around it in your copy")


def _split_inside_lines(text: str, paragraphs: list[Paragraph], cands: list, matches: list,
                        labels: Iterable[str] | None, known: re.Pattern[str] | None,
                        reads: Callable[[_Candidate], bool]) -> list[_Candidate]:
    """Cut a paragraph inside a line where a label of the record (one that opens a paragraph
    elsewhere with a colon, or one the speaker file lists) follows the end of a sentence and
    spaces, and plain words follow its colon (``... the bridge?    RICE: It is safe.``): a web
    copy that lost its paragraph breaks. ``paragraphs``, ``cands`` and ``matches`` are changed
    in place; the candidates of the cuts are returned, each to be doubted."""
    written = {c.m.group("label") for c, m in zip(cands, matches)
               if m is not None and c is not None and c.shape in ("colon", "known")
               and "mark" in c.m.re.groupindex and c.m.group("mark") == ":" and c.m.group("label")}
    listed = {" ".join(label.split()).removesuffix(":").strip() for label in labels or ()} - {""}
    if not written and not listed:
        return []
    first = next((k for k, m in enumerate(matches) if m is not None), None)
    if first is None:
        return []
    if not listed:  # (with labels listed, the record is looked into however it quotes)
        read = [m for m in matches if m is not None]
        quoted = sum(1 for m in read if text[m.end():m.end() + 3].lstrip(" \t\u00a0")[:1] in _OPENING_QUOTES)
        if 2 * quoted >= len(read):
            return []  # a record that quotes its speech (the cable): a label inside a line is quoted speech
    alternatives = [re.escape(x) for x in sorted(written, key=len, reverse=True)]
    alternatives += ["(?i:" + rf"{_WS}+".join(map(re.escape, x.split())) + ")"
                     for x in sorted(listed, key=len, reverse=True)]
    inside = re.compile(r"(?<=[.?!”\"’)])[ \t\u00a0]+(?P<at>(?:" + "|".join(alternatives)
                        + rf")){_ASIDE}?:{_WS}+(?=[^\W\d_])")
    cuts: list[_Candidate] = []
    k = first
    while k < len(paragraphs):
        para = paragraphs[k]
        found = None
        own = matches[k]  # the paragraph's own label ("Q. Mrs. Berg:") is not looked into
        begin = own.end() if own is not None else para.start + 1
        if text.find(":", begin, para.end) < 0:  # most paragraphs: no colon, nothing to look at
            k += 1
            continue
        for m in inside.finditer(text, begin, para.end):
            c = _candidate(text, m.start("at"), known)
            if c is not None and reads(c) and c.m.start("label") == m.start("at"):
                found = c
                break
        if found is None:
            k += 1
            continue
        at = found.m.start("label")
        head = text[para.start:at].rstrip()
        line = para.line_start + text.count("\n", para.start, at)
        paragraphs[k:k + 1] = [
            Paragraph(para.start, para.start + len(head), para.line_start,
                      para.line_start + head.count("\n"), head),
            Paragraph(at, para.end, line, para.line_end, text[at:para.end])]
        cands.insert(k + 1, found)
        matches.insert(k + 1, found.m)
        cuts.append(found)
        k += 1  # the second piece is looked at again: it may hold another label
    return cuts


_CAPS_INSIDE = re.compile(
    rf"(?<=[.?!”\"’)]){_WS}{{2,}}(?P<label>{_CAPS_WORD}(?:{_WS}+{_CAPS_WORD}){{1,3}}):{_WS}+(?=[{_UPPER}])")


def _unknown_inside(text: str, paragraphs: list[Paragraph], kinds: list[str],
                    owner: list[int | None], turns: list[_Turn], cands: list, matches: list,
                    doubt: Callable[..., None]) -> None:
    """Doubt a name in capitals and a colon inside a line of speech, after the end of a
    sentence and two spaces or more (``... Was it hard?    JOHN HALE: Very hard``), in a record
    whose labels are in capitals: a label met nowhere else, so not cut there, but a paragraph
    break lost most likely."""
    read = [c.m.group("label") for c, m in zip(cands, matches) if m is not None and c is not None]
    if len(read) < 2 or 2 * sum(1 for label in read if label.isupper()) < len(read):
        return
    for k, para in enumerate(paragraphs):
        number = owner[k]
        if (kinds[k] != "speech" or number is None or "  " not in para.text
                or ":" not in para.text):
            continue
        for m in _CAPS_INSIDE.finditer(text, para.start + 1, para.end):
            label = m.group("label")
            if _field_name(_normal(label)) or _greeting(_normal(label)):
                continue
            turn = turns[number]
            doubt("inside-line", m.start("label"), label + ":",
                  f"'{label}:' looks like a speaker label inside a line of turn {number + 1} "
                  f"({turn.label}), after the end of a sentence and spaces, but opens no "
                  "paragraph elsewhere",
                  f"read as part of turn {number + 1} ({turn.label})",
                  f"if a speaker begins here, list '{label}' in a speaker file (a listed label is "
                  "read there), or put a blank line before it in your copy")


def _labels_inside_lines(text: str, paragraphs: list[Paragraph], kinds: list[str],
                         owner: list[int | None], turns: list[_Turn], label_counts: Counter,
                         cands: list, matches: list, doubt: Callable[..., None]) -> None:
    """Doubt a label of the record (one that opens two paragraphs or more with a colon) that
    stands inside a line of speech after the end of a sentence (``... this morning. President:
    Now, another thing ...``): a paragraph break lost, most likely, but a colon after a
    capitalised word inside speech is too common to cut there."""
    _unknown_inside(text, paragraphs, kinds, owner, turns, cands, matches, doubt)
    labels = {c.m.group("label") for c, m in zip(cands, matches)
              if m is not None and c is not None and _as_written(c) == "colon" and label_counts[c.key] >= 2}
    if not labels:
        return
    inside = re.compile(r"(?<=[.?!”\"’)])[ \t\u00a0]+(?P<label>"
                        + "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
                        + r"):[ \t\u00a0]+(?=[^\W\d_])")
    for k, para in enumerate(paragraphs):
        number = owner[k]
        if kinds[k] != "speech" or number is None or text.find(":", para.start + 1, para.end) < 0:
            continue
        for m in inside.finditer(text, para.start + 1, para.end):
            turn = turns[number]
            label = m.group("label")
            doubt("mid-sentence", m.start("label"), label + ":",
                  f"'{label}:', a label of this record, stands inside a line of turn "
                  f"{number + 1} ({turn.label}), after the end of a sentence",
                  f"read as part of turn {number + 1} ({turn.label})",
                  "if a speaker begins here, the record lost a paragraph break: put a blank line "
                  "before it in your copy")


def _header_ends(paragraphs: list[Paragraph], kinds: list[str], first: int) -> None:
    """Where the header ends, before the first turn ``first`` (or in a record with no turns):
    at the first prose paragraph (twelve words or more, ending like a sentence, no header field,
    not a title in capitalised words) that follows the header's own lines (a title, field:
    value lines, lists of names, short capitalised or dated lines). From there to the first turn,
    a paragraph that is not speech is narration, except one with a header field (``DATE:
    ...``), which stays a header line: a narrative memorandum's paragraphs are narration,
    whatever comes between them (a list of points, a paragraph cut short)."""
    start = next((k for k in range(first) if kinds[k] == "header"
                  and _prose(paragraphs[k].text) and not _title_like(paragraphs[k].text)), None)
    if start is None:
        return
    for k in range(start, first):
        if kinds[k] == "header" and not _has_field_line(paragraphs[k].text):
            kinds[k] = "narration"


def _shown(c: _Candidate) -> str:
    """The label as the doubt shows it, with its closing mark: ``MR. LEVY;``."""
    mark = c.m.group("mark") if "mark" in c.m.re.groupindex else None
    return c.m.group("label") + (mark or "")


def _why_not(c: _Candidate, reading: _Reading, style: str) -> str:
    closer = {":": "a colon", ";": "';'", ".": "a full stop", ",": "a comma", "—": "an em dash"}.get(
        c.m.group("mark") if "mark" in c.m.re.groupindex else "", "spaces")
    why = f"'{_shown(c)}' looks like a speaker label closed by {closer}"
    if c.shape in _THIRD_PASS:
        return _why_not_third(c, why)
    if c.shape == "name-line":
        return (f"'{c.m.group('label')}' stands alone on its line with '{c.m.group('role')}' below "
                "it, as TheyWorkForYou prints a speaker and constituency, but fewer than three "
                "lines of the record are so")
    if c.shape == "q-stop":
        return why + f", but 'Q.' opens only one paragraph of this {style}-style record"
    if c.shape == "q-space":
        return ("'Q' followed by one space looks like the questioner's label, but only one "
                "paragraph opens so")
    if c.shape == "a-stop":
        return ("'A.' looks like the label of an answer, but only one paragraph opens so "
                "(answers are read where 'A.' opens two paragraphs or more, with a 'Q' questioner)")
    if c.shape == "caps-comma" and not reading.full_stop:
        return (why + f" with a comma inside its name, but this record's labels are read in the "
                f"{style} style")
    if c.shape == "caps-comma":
        return why + " with a comma inside its name, met once and with no identification after it"
    if c.shape in ("caps-stop", "title-stop") and not reading.full_stop:
        return why + f", but this record's labels are read in the {style} style"
    if c.shape in ("caps-stop", "title-stop") and c.words == 1:
        return why + ", but a label of one word must be in capitals and open two paragraphs or more"
    return why


def _why_not_third(c: _Candidate, why: str) -> str:
    label = c.m.group("label")
    if c.shape == "greeting":
        return (f"'{_shown(c)}' looks like a speaker label, but it is a greeting or thanks, which "
                "names nobody: the words of a speaker the record does not name here")
    if c.shape == "note-call":
        return (f"'{c.m.group(0).rstrip()}' looks like a speaker label with a note's number before "
                f"its mark, but '{label}' opens with no title and is not read elsewhere")
    if c.shape == "comma-end":
        return (f"'{_shown(c)}' looks like a speaker label in capitals closed by a comma, but the "
                "record has too few other labels in capitals to read it so")
    return why + (
        ", but too few paragraphs open so (three, or two with a label that recurs)")


def _fate(kind: str, turn: int | None, turns: list[_Turn]) -> str:
    if kind == "speech" and turn is not None:
        return f"read as part of turn {turn + 1} ({turns[turn].label})"
    return {"header": "read as header", "heading": "read as a heading"}.get(kind, "read as narration")


def _suggest(c: _Candidate, style: str) -> str:
    label = c.m.group("label")
    if c.shape == "greeting":
        return ("if someone speaks here, write their label before it in your copy (for example "
                f"'THE PRESIDENT. {label.capitalize()}.'), or list '{label}' in a speaker file with "
                "the speaker's name (a turn then, the greeting's own words not counted)")
    advice = f"if a speaker begins here, list '{label}' in a speaker file"
    if c.shape in ("caps-stop", "title-stop", "q-stop", "caps-comma") and style != "full-stop":
        advice += " (or, if the record's labels all end in a full stop, use --style full-stop)"
    return advice


def _containing(starts: list[int], offset: int) -> int:
    """The index of the paragraph (by its start offsets, sorted) that holds ``offset``."""
    return max(0, bisect_right(starts, offset) - 1)


def _turn_row(text: str, number: int, turn: _Turn, paragraphs: list[Paragraph]) -> dict:
    first = paragraphs[turn.paragraphs[0]]
    last = paragraphs[turn.paragraphs[-1]]
    directions: list[tuple[int, str]] = []
    speech = turn.speech
    # No parenthesis or bracket anywhere from the first span to the last: no span has a
    # direction, so none is split (what _directions would find, with one search a turn). The
    # spans are in reading order (each paragraph's appended after the one before, and within a
    # paragraph in order), so the first starts first and the last ends last.
    plain = not speech or not _has_group_char(text, speech[0][0], speech[-1][1])
    if plain and len(speech) == 1:  # most turns: one span, nothing to join
        joined = text[speech[0][0]:speech[0][1]]
    else:
        spoken_parts: list[str] = []
        previous_end: int | None = None
        for s_start, s_end in speech:
            if previous_end is not None:
                # a blank line between two spans parts them with one; no line break, no blank line
                between = (text.find("\n", previous_end, s_start) >= 0
                           and _SEPARATOR.search(text, previous_end, s_start) is not None)
                spoken_parts.append("\n\n" if between else " ")
            previous_end = s_end
            if plain:
                spoken_parts.append(text[s_start:s_end])
                continue
            pieces, groups = _directions(text, s_start, s_end)
            spoken_parts.append(text[s_start:s_end] if not groups else
                                "".join([text[a:b] for a, b in pieces]))
            directions += [(g0, _clean(text[g0:g1])) for g0, g1 in groups]
        joined = "".join(spoken_parts)
    for o_start, o_end in turn.outside:
        # a letter or digit (str.isalnum) in it: only then is it a direction, tidied (tidying
        # folds white space only, so it is looked for in the text as it stands)
        if _ALNUM.search(text, o_start, o_end) is not None:
            directions.append((o_start, _clean(text[o_start:o_end])))
    if len(directions) > 1:
        directions.sort()
    # The spoken text tidied (paragraphs apart by a blank line, white space inside folded) and
    # counted, from one split into tokens.
    chunks = _SEPARATOR.split(joined) if "\n" in joined else [joined]
    parts = [tokens for tokens in map(str.split, chunks) if tokens]
    spoken = "\n\n".join([" ".join(tokens) for tokens in parts])
    words, characters, sentences = _tidy_counts(spoken, parts)
    return {
        "turn": number,
        "label": turn.label,
        "text": text[first.start:last.end],
        "spoken": spoken,
        "stage_directions": [d for _, d in directions],
        "words": words,
        "characters": characters,
        "sentences": sentences,
        "start": first.start,
        "end": last.end,
        "line_start": first.line_start,
        "line_end": last.line_end,
        "paragraphs": len(turn.paragraphs),
    }


#: A paragraph that opens like narration about someone: a title and a name (an apposition
#: between commas allowed), then a verb of saying or doing as a note-taker reports it.
_THIRD_PERSON = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Lord|Lady|Gen|Adm|Col|Capt|Sen|Rep|Gov)\.?|Professor|"
    r"Ambassador|Secretary|Senator|Congressman|Congresswoman|Governor|General|Admiral|Minister|"
    r"Chairman|Chancellor|Premier|Marshal|Foreign Minister|Prime Minister)"
    r"(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.))+"
    r"(?:,\s[^,\n]{1,60},)?\s+(?:then\s+|also\s+|briefly\s+|again\s+)?"
    r"(said|asked|replied|answered|summed up|stated|noted|added|remarked|explained|responded|"
    r"commented|concluded|observed|suggested|agreed|pointed out|thanked|opened|closed|began|"
    r"continued|emphasized|emphasised|stressed|reported|recalled|inquired|enquired)\b")


def _third_person(paragraph: str, label: str, opening: str = "") -> str | None:
    """Who a paragraph with no label narrates about (``Mr. Shea``), when it opens like a
    note-taker's narration (:data:`_THIRD_PERSON`: a title and a name, then a verb of saying)
    about someone other than the turn's speaker; or None. The speaker is the one the label
    names, or the one the turn's first paragraph (``opening``) opens with, as a memorandum's
    ``A: Mr. Kissinger replied ...`` does."""
    m = _THIRD_PERSON.match(paragraph)
    if m is None:
        return None
    subject = paragraph[:m.start(1)].split(",")[0].strip()
    surname = subject.split()[-1].strip(".,").lower()
    own = {w.strip(".,").lower() for w in label.split()}
    first = {w.strip(".,:").lower() for w in opening.split()[:4]}
    if surname in own or surname in first:  # the speaker's own name: speech reported as such
        return None
    return subject
