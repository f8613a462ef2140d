"""Doubts: every judgement call the parser makes about a label, written down where it made it.

A parser of speaker-labelled records has to decide, again and again, whether the words that
open a paragraph are a speaker's name. Most decisions are plain (``Stalin: “...``), but some are
calls: ``MR. LEVY;`` (a semicolon where the record's labels have colons), a paragraph that
opens ``Mr. Bevin. He said`` in a record whose labels end in colons, a short line ``Soviet
Union`` inside a turn, ``Tom Brokaw`` and ``Mr. Brokaw`` as two speakers. A wrong call credits
speech to the wrong speaker, and nothing in the counts would show it. So the parser never makes
such a call silently: each one is a :class:`Doubt` with the line and column, the text, what the
parser decided and how to settle it. ``transcript.doubts`` lists them in reading order, and
``python -m helpers check FILE`` prints them (see :func:`check_report`).

The kinds of doubt (``Doubt.kind``):

``semicolon``
    a label closed by ``;`` (``MR. LEVY; Mr. Vice President ...``): read as a label when the
    same label opens other turns or is in capitals, else read as speech.
``comma``
    a full-stop label in capitals with a comma inside its name (``CARI, WEISS [ZDF German
    Television].``, an OCR slip or a surname written first), or a label in capitals closed by a
    comma (``THE CHAIR, Please sit down.``): read as a label.
``note-call``
    a label with a note's number between the name and its mark (``Mr. Lind 3:``, ``MR. SHORT
    2.``): read as the label ``Mr. Lind``, the number a note, not spoken.
``glued``
    in a record whose lines open with ``§``, as Hansard prints a debate, a name glued to the
    speech after it (``§ Mr. DunnMay I ask ...``): read as the label ``Mr. Dunn``.
``empty-label``
    a paragraph that opens with a colon and no name before it (``: Netherlands defense cuts.``,
    a speaker's name left blank in the source, as FRUS prints an omission): read as a turn of
    the unnamed speaker ``(unnamed)``, not added to the turn before it.
``topic``
    a label that reads like a topic heading (a preposition opens it, ``About Moscow:``, ``On
    Laos:``, or an article before an acronym, ``The TTB:``) read as a speaker all the same: it
    recurs, or opens the record's first turn, or the record has too few other labels naming
    people. Met once inside a turn, in a record whose other labels name people, it is not read
    (a ``not-a-label`` doubt): the paragraph goes on the turn before it.
``not-a-label``
    a paragraph that opens like a label (capitalised words and ``:``, ``;`` or ``.``) but that
    the parser does not read as one: a topic heading met once (``About Moscow:``), a full-stop label in a record whose labels use colons, a
    one-word full-stop label met once, ``Q.`` met once in a colon record, ``Q`` and one space
    once, ``A.`` once, a label inside an open quotation, a greeting in capitals (``GOOD
    EVENING.``, which names nobody). It is read as part of the turn before
    it, or as narration or header.
``header-field``
    a label-like line before the first turn read as a header field, not as a turn: followed
    only by a name (``President: Jimmy Carter``; a UN record's presiding officer, ``President:
    Mr. Lund ...... (Norland)``; in a header without blank lines, ``Jerry W.
    Friedhiem Treasury: William Simon`` after a line ending in a full stop), by words in
    capitals only (``HEADLINE: PANEL I OF A HEARING ...``), or by nothing, before a label
    (``BODY:``); or the record's title broken at its colon, three words or more opening the
    record and ending its line (``Debate Between the Candidates:`` / ``Anna Berg and John Hale``).
``lost-label``
    two blank lines before the second paragraph of a questioner's turn (``Q. Mrs. Berg: ...``,
    ``Q  ...``) in a record that otherwise parts its paragraphs by one blank line: the trace of
    a label the copy dropped (UCSB's copies of news conferences), the answer most likely
    credited to the questioner. Read as part of the questioner's turn.
``label-alone``
    three paragraphs or more that are a titled name alone (``Mr. Lund``, ``The Prime Minister``),
    each followed by a paragraph of speech, as the historic Hansard site prints a debate: read as
    labels, the paragraphs after each its speech (one doubt for the record); and three lines or
    more that are a name with its constituency on the line below (``Mr Selwyn Lloyd`` / ``,
    Wirral``), as TheyWorkForYou prints Hansard: read as labels, the constituency a stage direction.
``inside-line``
    a label of the record (one that opens a paragraph elsewhere with a colon, or one the speaker
    file lists) inside a line, after the end of a sentence and spaces (``... the bridge?    JOHN
    HALE: It is safe.``, a web copy that lost its paragraph breaks): a new turn starts there,
    the row's offsets exact. A name in capitals and a colon there, after two spaces or more, in
    a record of capitals labels, that opens no paragraph elsewhere: left in the turn, doubted.
``mid-sentence``
    a line inside a paragraph that opens with a label but follows a line that does not end a
    sentence (a hard-wrapped line ``Berlin: it is long``): left in the paragraph; or read as a
    label all the same, when the label opens other paragraphs, or after a heading or a date line
    (``March 3, 1999`` / ``Carole Simpson. Good evening``) when it does not. After a line that
    ends in ``--`` or a dash (``Q Do you think NATO will --``, an interruption, as press
    transcripts mark it) a label that opens other paragraphs is read with no doubt.
``short-line``
    a short line inside a turn that reads like a heading (in title case with no full stop) but
    is not followed by a label (a paragraph of its own, or a line inside a paragraph after a line
    that ends a sentence), or like a running head (capitalised words with a number, ``CBS
    NEWS 485 Madison Avenue, New York 22, N. Y.``) met once: counted as speech.
``running-head``
    a short line inside a turn that repeats another line of the record, like a page's running
    head: set apart as a heading, not counted (one doubt for all the lines like it).
``third-person``
    a paragraph with no label inside a turn of a record whose labels are not quoted, that opens
    like a note-taker's narration about someone (a title and a name, then a verb of saying:
    ``Mr. Shea, the student president, summed up ...``, ``Ambassador Kirk said that ...``):
    counted as the turn's speech all the same (in a memorandum the speaker's own words are often
    reported in the third person, so it may be speech).
``same-speaker``
    two labels that may be one person (the same surname, one with a first name or a title:
    ``Tom Brokaw`` and ``Mr. Brokaw``; the same words but for full stops: ``THE. PRESIDENT``
    and ``THE PRESIDENT``; a title alone and the same title with a name: ``The Secretary`` and
    ``Secretary of State Dulles``; a name written surname first and the surname after a title:
    ``Chou En-lai`` and ``PM Chou``; an initial and a surname that begins with it, in a record
    that labels speakers with a letter: ``K`` and ``Dr. Kissinger``; initials in capitals and a
    full name with those initials: ``CM`` and ``CYNTHIA McFADDEN``), read as two speakers; and
    answers labelled ``A``, which name nobody, in a record with other speakers.

A label listed in the speaker file is the researcher's decision, so it raises no doubt: list a
label there to confirm it, give two labels one speaker to join them, or give it the speaker
``-`` to say it is not a speaker. A listed label that matches nothing is a fix that does
nothing: :func:`unused_labels` finds them, and ``check`` and the other commands warn of them.

Headings the parser sets apart (a short title-case line right before a label, as the Public
Papers print ``Yugoslavia`` between the turns of a news conference) are blocks of kind
``heading``; :func:`check_report` lists them too.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for types only: transcript imports this module
    import pandas as pd

    from .transcript import Rows, Transcript

__all__ = ["COLUMNS", "KINDS", "Doubt", "as_dicts", "check_report", "doubt_line", "doubts_markdown",
           "doubts_table", "speaker_doubts", "unused_labels", "unused_line"]

#: The kinds of doubt, in the order the module docstring explains them.
KINDS = ("semicolon", "comma", "note-call", "glued", "empty-label", "topic", "not-a-label",
         "header-field", "lost-label", "label-alone", "inside-line", "mid-sentence", "short-line",
         "running-head", "third-person", "same-speaker")


@dataclass(frozen=True)
class Doubt:
    """One judgement call about a label, where the parser made it.

    ``line`` and ``column`` count from 1 in the source; ``start`` is the character offset in
    ``Transcript.source``. ``text`` is the text in question (``MR. LEVY;``), ``message`` says
    why it is a doubt, ``decision`` what the parser did, ``suggestion`` how to settle it.
    ``str(doubt)`` is the report line ``LINE:COL: message — decision; suggestion``.
    """

    kind: str
    line: int
    column: int
    start: int
    text: str
    message: str
    decision: str
    suggestion: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message} — {self.decision}; {self.suggestion}"


#: The columns of :func:`doubts_table`, the fields of :class:`Doubt` in order.
COLUMNS = ["kind", "line", "column", "start", "text", "message", "decision", "suggestion"]


def doubts_table(doubts: Iterable[Doubt]) -> "pd.DataFrame":
    """The doubts as a DataFrame, one row each, columns as the fields of :class:`Doubt`."""
    import pandas as pd

    return pd.DataFrame([asdict(d) for d in doubts], columns=COLUMNS)


# ---------------------------------------------------------------------------------------------
# Two labels, one person?
_ROLE_WORDS = frozenset(
    """president vice minister prime secretary chairman chairwoman chair moderator ambassador
    speaker interpreter translator questioner reporter reporters participant participants
    audience member members side delegation correspondent voice interviewer interviewee
    respondent q general governor senator representative""".split())
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _folded(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split()).casefold()


def _surname(label: str) -> str | None:
    """The last name of a label (``Brokaw`` in ``Mr. Tom Brokaw``), or None for a role.

    A label that begins with ``The`` (``THE PRESIDENT``) names a role, and so does one that ends
    in a role word or a number (``MODERATOR``, ``Speaker 2``): those have no surname.
    """
    name = _BRACKETS.sub(" ", label).split(",")[0]
    words = [w.strip(".’'") for w in _folded(name).split()]
    words = [w for w in words if w]
    if not words or words[0] == "the" or len(words[-1]) < 2:
        return None
    last = words[-1]
    if last in _ROLE_WORDS or not any(ch.isalpha() for ch in last):
        return None
    return last


def _dotless(label: str) -> str:
    return " ".join(_folded(label).replace(".", " ").split())


def speaker_doubts(turns: list[dict], listed: Iterable[str] = ()) -> list[Doubt]:
    """Doubts about labels of two different speakers that may be one person.

    ``turns`` are the parser's rows with their ``speaker`` resolved; ``listed`` the labels of
    the speaker file (a pair of labels both listed there is the researcher's decision). Two
    labels are suspect when they share a surname (``Tom Brokaw``, ``Mr. Brokaw``;
    ``Dr. Kissinger``, ``Secretary Kissinger``) or are the same words but for full stops
    (``THE. PRESIDENT``, ``THE PRESIDENT``). The doubt is placed at the first turn of the label
    met second.
    """
    listed_keys = {_folded(label).removesuffix(":").strip() for label in listed}
    first: dict[str, dict] = {}  # folded label -> its first turn row
    written: set[str] = set()  # labels as written already seen (a label recurs, turn after turn)
    for row in turns:
        if row["label"] not in written:
            written.add(row["label"])
            first.setdefault(_folded(row["label"]), row)
    doubts: list[Doubt] = []
    seen: dict[tuple[str, str], tuple[str, str]] = {}  # (how, key) -> (label, speaker)
    said: set[frozenset[str]] = set()
    for key, row in first.items():
        label, speaker = row["label"], row["speaker"]
        for how, value in (("dots", _dotless(label)), ("surname", _surname(label))):
            if value is None:
                continue
            other = seen.setdefault((how, value), (label, speaker))
            other_label, other_speaker = other
            pair = frozenset([_folded(other_label), key])
            if (other_speaker == speaker or pair in said
                    or (key in listed_keys and _folded(other_label) in listed_keys)):
                continue
            said.add(pair)
            why = ("the same words but for full stops" if how == "dots"
                   else f"the same surname, {value.title()}")
            doubts.append(Doubt(
                "same-speaker", int(row["line_start"]), 1, int(row["start"]), label,
                f"labels '{other_label}' and '{label}' may be one speaker ({why})",
                "read as two speakers",
                "give both one name in a speaker file (or each a name of its own to keep "
                "them apart)"))
    _surname_first_doubts(first, listed_keys, said, doubts)
    # A title alone and the same title with a name: "The Secretary" and "Secretary of State
    # Dulles", "THE PRESIDENT" and "PRESIDENT BUSH".
    titles: dict[tuple[str, ...], dict] = {}
    for row in first.values():
        words = _dotless(row["label"]).split()
        if len(words) >= 2 and words[0] == "the":
            titles.setdefault(tuple(words[1:]), row)
    for key, row in first.items() if titles else ():
        words = _dotless(row["label"]).split()
        if words[0] == "the":
            continue
        for k in range(len(words) - 1, 0, -1):
            title_row = titles.get(tuple(words[:k]))
            if title_row is None:
                continue
            title_label = title_row["label"]
            pair = frozenset([_folded(title_label), key])
            if (title_row["speaker"] == row["speaker"] or pair in said
                    or (key in listed_keys and _folded(title_label) in listed_keys)):
                break
            said.add(pair)
            a, b = sorted([title_row, row], key=lambda r: int(r["start"]))
            doubts.append(Doubt(
                "same-speaker", int(b["line_start"]), 1, int(b["start"]), b["label"],
                f"labels '{a['label']}' and '{b['label']}' may be one speaker (a title alone, "
                "and the same title with a name)",
                "read as two speakers",
                "give both one name in a speaker file (or each a name of its own to keep "
                "them apart)"))
            break
    # "A." answers name nobody; the answerer is often a speaker with a label of their own.
    answers = first.get("a")
    others = [label for label in first if label not in ("a", "q")]
    if answers is not None and others and "a" not in listed_keys:
        doubts.append(Doubt(
            "same-speaker", int(answers["line_start"]), 1, int(answers["start"]), answers["label"],
            f"the answers (label '{answers['label']}') name nobody; the answerer may be one of "
            f"this record's other speakers ({', '.join(repr(first[k]['label']) for k in others[:3])}"
            f"{' ...' if len(others) > 3 else ''})",
            "read as a speaker of its own, 'A'",
            "name the answerer in a speaker file: a row 'A' with the speaker's name, the same name "
            "as the speaker's other labels"))
    return doubts


# Titles and roles that open a label before a surname ("PM Chou", "Vice Premier Deng"): a label
# whose first word is one of these does not begin with a surname.
_TITLES = _ROLE_WORDS | frozenset(
    """mr mrs ms miss messrs dr sir dame lord lady madam mme mlle pm vp prof professor rev hon
    sen rep gen adm admiral col colonel maj major capt captain lt sgt amb premier chancellor
    marshal chairman foreign deputy acting under assistant king queen prince princess""".split())


def _words(label: str) -> list[str]:
    name = _BRACKETS.sub(" ", label).split(",")[0]
    return [w for w in (w.strip(".’'") for w in _folded(name).split()) if w]


def _surname_first_doubts(first: dict[str, dict], listed_keys: set[str],
                          said: set[frozenset[str]], doubts: list[Doubt]) -> None:
    """Two more ways one person may be two speakers: a name written surname first (``Chou
    En-lai``, ``Deng Xiaoping``: Chinese, Korean, Hungarian names) and the same surname after a
    title (``PM Chou``, ``Vice Premier Deng``); and, in a record that labels speakers with a
    single letter, an initial that is the first letter of another label's surname (``K`` and
    ``Dr. Kissinger``)."""
    rows = list(first.values())
    surnames: dict[str, dict] = {}  # the surname after a title -> its label's first row
    for row in rows:
        words = _words(row["label"])
        if len(words) >= 2 and words[0] in _TITLES and words[-1] not in _ROLE_WORDS:
            surnames.setdefault(words[-1], row)
    pairs = []
    for row in rows:
        words = _words(row["label"])
        if 2 <= len(words) <= 3 and words[0] not in _TITLES and words[0] != "the":
            titled = surnames.get(words[0])
            if titled is not None and _words(titled["label"])[-1] != words[-1]:
                pairs.append((row, titled, f"a name written surname first, {words[0].title()}, "
                                           "and the same surname after a title"))
    initials = [row for row in rows if len(row["label"].strip()) == 1
                and row["label"].strip().upper() not in "QAI"]
    for row in initials:
        letter = row["label"].strip().casefold()
        for other in rows:
            surname = _surname(other["label"])
            if other is not row and surname and len(_words(other["label"])) >= 2 and surname[0] == letter:
                pairs.append((row, other, f"an initial, {letter.upper()}, and a surname that begins "
                                          "with it"))
    # initials of a full name: "CM" and "CYNTHIA McFADDEN", "HRC" and "Hillary Rodham Clinton"
    for row in rows:
        letters = row["label"].strip()
        if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
            continue
        for other in rows:
            words = [w for w in _words(other["label"]) if w not in _TITLES]
            if other is row or len(words) < 2 or not all(w[:1].isalpha() for w in words):
                continue
            full = "".join(w[0] for w in words)
            if letters.casefold() in (full, words[0][0] + words[-1][0]):
                pairs.append((row, other, f"initials, {letters}, and a full name with those "
                                          "initials"))
    for a, b, why in pairs:
        if a["speaker"] == b["speaker"]:
            continue
        ka, kb = _folded(a["label"]), _folded(b["label"])
        pair = frozenset([ka, kb])
        if pair in said or (ka in listed_keys and kb in listed_keys):
            continue
        said.add(pair)
        one, two = sorted([a, b], key=lambda r: int(r["start"]))
        doubts.append(Doubt(
            "same-speaker", int(two["line_start"]), 1, int(two["start"]), two["label"],
            f"labels '{one['label']}' and '{two['label']}' may be one speaker ({why})",
            "read as two speakers",
            "give both one name in a speaker file (or each a name of its own to keep them apart)"))


# ---------------------------------------------------------------------------------------------
# Reports
def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def doubt_line(transcript: "Transcript", source: str | None = None) -> str:
    """One line saying how many doubts there are and where to read them."""
    n = len(transcript.doubts)
    if not n:
        return "no doubts about the speaker labels"
    return (f"{_count(n, 'doubt')} about the speaker labels: see "
            f"python -m helpers check {source or transcript.path}")


def unused_labels(transcript: "Transcript | Rows") -> list[str]:
    """The labels of the speaker file that match nothing in the record (a misspelling, most
    often, and a fix that does nothing): a label with a speaker that no turn has, or a label
    marked ``-`` (not a speaker) that opens no line of the record. ``transcript`` may also be
    the plain rows of :func:`helpers.transcript.parse_rows`."""
    from .speakers import NOT_A_SPEAKER, fold

    turns = transcript.turns
    labels = [row["label"] for row in turns] if isinstance(turns, list) else turns["label"]
    used = {fold(label) for label in set(labels)}
    out = []
    for alias in transcript.aliases:
        if alias.speaker != NOT_A_SPEAKER:
            if fold(alias.label) not in used:
                out.append(alias.label)
            continue
        words = alias.label.removesuffix(":").split()
        pattern = r",?[ \t\u00a0]+".join(map(re.escape, words))
        if not words or re.search(rf"(?im)^[ \t\u00a0]*(?:{pattern})[ \t\u00a0]*[:.;,]",
                                  transcript.source) is None:
            out.append(alias.label)
    return out


def unused_line(labels: list[str], source: str | None = None) -> str:
    """The warning for :func:`unused_labels`, as the command line and the rerun print it.

    With the record's text (``source``), a label that does occur in it, in a form the parser
    did not read, is named with where it was seen and why it was not read (:func:`_seen_where`);
    the others are likely misspelt."""
    seen = [(label, _seen_where(source, label)) for label in labels] if source else []
    places = [f"'{label}' is in the record at {where}" for label, where in seen if where]
    if not places:
        return (f"no turn has the label{'s' if len(labels) > 1 else ''} {', '.join(labels)}: "
                "check the spelling against the transcript")
    missing = [label for label, where in seen if not where]
    return (f"no turn has the label{'s' if len(labels) > 1 else ''} {', '.join(labels)}: "
            + "; ".join(places)
            + (f"; check the spelling of {', '.join(missing)} against the transcript" if missing else ""))


_LINE_PREFIX = re.compile(r"[ \t\u00a0]*(?:\[[^\[\]\n]{1,40}\]|\([^()\n]{1,40}\)|§(?:[ \t\u00a0]+\d{1,4}\.)?)?[ \t\u00a0]*")


def _seen_where(source: str, label: str) -> str | None:
    """Where a speaker-file label that no turn has occurs in ``source`` all the same, and why
    the parser did not read it there: ``'33:1 ('Mr. Short 2: I wonder ...'), where ' 2:' ...``;
    or None when it does not occur (then it is likely misspelt)."""
    from .source import position

    words = label.removesuffix(":").split()
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)" + r",?[ \t\u00a0]+".join(map(re.escape, words)), re.IGNORECASE)
    found = None
    for m in pattern.finditer(source):
        line_start = source.rfind("\n", 0, m.start()) + 1
        if _LINE_PREFIX.fullmatch(source, line_start, m.start()):
            found = m  # at the start of a line: the likeliest place a label was missed
            break
        found = found or m
    if found is None:
        return None
    line, column = position(source, found.start())
    line_end = source.find("\n", found.start())
    shown = " ".join(source[found.start():line_end if line_end >= 0 else len(source)].split())[:40]
    after = source[found.end():found.end() + 12].split("\n")[0]
    line_start = source.rfind("\n", 0, found.start()) + 1
    if not _LINE_PREFIX.fullmatch(source, line_start, found.start()):
        why = ("inside a line, not where a paragraph or a line opens, which is the only place a "
               "label is read (a paragraph break may be missing before it)")
    elif line_start > 1 and source[line_start - 2:line_start].strip() and not re.search(
            r"[.?!”\"’)]\d{0,3}[ \t\u00a0\r]*$", source[source.rfind("\n", 0, line_start - 1) + 1:line_start - 1]):
        if after.lstrip(" \t\u00a0")[:1] == ":":
            why = ("at the start of a line after one that does not end a sentence, with no blank "
                   "line between them, closed by a colon but with no speech after it on its line "
                   "or below: put a blank line before it")
        else:
            why = ("at the start of a line after one that does not end a sentence, with no blank "
                   "line between them, where a listed label is read only when a colon closes it "
                   + (f"(here '{after[:6].rstrip()}' follows it)" if after.strip() else
                      "(here nothing follows it on its line)")
                   + ": put a blank line before it, or a colon after it")
    elif after[:1].isalnum():
        why = f"glued to the words after it ('{after[:8]}'), with no mark or space between"
    else:
        why = (f"followed by '{after[:6].rstrip()}', which does not close a label (a colon, a full "
               "stop, a semicolon or a comma does, and an em dash before a capital letter)")
    return f"{line}:{column} ('{shown}'), {why}"


def check_report(transcript: "Transcript") -> str:
    """What the parser made of a record, for a researcher to check before counting.

    The style it read the record in and why; each speaker with its labels and number of turns;
    a warning for every label of the speaker file that matches nothing (:func:`unused_labels`);
    the headings it set apart; and every doubt as ``LINE:COL: message — decision; suggestion``.
    This is what ``python -m helpers check FILE`` prints.
    """
    out = []
    style = transcript.style
    if style is not None:
        out.append(f"style: {style.name} ({style.reason if style.given else 'inferred: ' + style.reason})")
    turns = transcript.turns
    if turns.empty:
        out.append("speakers: none (no speaker turns found)")
    else:
        speakers = list(turns["speaker"].cat.categories)
        out.append(f"speakers: {len(speakers)}, in {_count(len(turns), 'turn')}")
        for speaker in speakers:
            own = turns[turns["speaker"] == speaker]
            labels = own["label"].value_counts(sort=False)
            shown = ", ".join(f"'{label}' {count}" for label, count in labels.items())
            out.append(f"  {speaker}: {_count(len(own), 'turn')} (labels: {shown})")
    unused = unused_labels(transcript)
    if unused:
        seen = [(label, _seen_where(transcript.source, label)) for label in unused]
        out.append(f"warning: the speaker file lists {_count(len(unused), 'label')} that "
                   f"{'match' if len(unused) > 1 else 'matches'} nothing in the record: "
                   + ", ".join(f"'{label}'" for label in unused)
                   + (" (check the spelling against the record: listed so, a fix does nothing)"
                      if not all(where for _, where in seen) else ""))
        out += [f"  '{label}' is in the record at {where}" for label, where in seen if where]
    headings = transcript.blocks[transcript.blocks["kind"] == "heading"]
    if len(headings):
        out.append(f"headings: {len(headings)} (set apart from the turns, not counted as speech)")
        for block in headings.itertuples():
            out.append(f"  {block.line_start}: {block.text}")
    out.append(f"doubts: {len(transcript.doubts)}"
               + (" (each: LINE:COL: why — what the parser did; how to settle it)"
                  if transcript.doubts else ""))
    out += [str(d) for d in transcript.doubts]
    return "\n".join(out)


def doubts_markdown(transcript: "Transcript", limit: int = 10) -> str:
    """The doubts as a short Markdown note for a notebook, or ``""`` when there are none.

    At most ``limit`` doubts are listed (with the count of the rest); the note says how to
    settle them. For example, in a notebook: ``Markdown(helpers.doubts.doubts_markdown(record))``.
    """
    doubts = transcript.doubts
    if not doubts:
        return ""
    lines = [f"> **The parser has {_count(len(doubts), 'doubt')} about the speaker labels of "
             f"`{_name(transcript.path)}`.** The counts below take each call as listed; check "
             "them before you trust who held the floor.", ">"]
    for d in doubts[:limit]:
        lines.append(f"> - line {d.line}: {_md(d.message)} — {_md(d.decision)}; {_md(d.suggestion)}")
    if len(doubts) > limit:
        lines.append(f"> - … and {len(doubts) - limit} more: run `python -m helpers check` on "
                     "the file to see them all")
    lines += [">", "> A label listed in the speaker file is trusted wherever it opens a "
              "paragraph; see `docs/bring_your_own.md`, \"Doubts\"."]
    return "\n".join(lines)


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _md(text: str) -> str:
    """Text safe inside Markdown: characters that would start emphasis or code escaped."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def as_dicts(doubts: Iterable[Doubt]) -> list[dict[str, Any]]:
    """The doubts as plain dicts (for JSON)."""
    return [asdict(d) for d in doubts]
