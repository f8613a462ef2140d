"""TEI P5: the transcript as drama (``tei``) or as spoken text (``tei-u``).

Two styles, the same header and the same pointers back to the source:

- ``style="sp"`` (format ``tei``), as TEI's drama module has it: each turn is an
  ``<sp who="#id">`` holding the label as written in ``<speaker>`` and one ``<p>`` per
  paragraph; stage directions inside speech are ``<stage>`` where they stand (``type="editorial"``
  for square brackets, ``type="narration"`` for the words outside the quotation marks of a
  quoted record); the narration between turns is ``<stage type="narration">`` (or ``<p>``, with
  ``narration="p"``).
- ``style="u"`` (format ``tei-u``), as TEI's module for transcribed speech has it: each turn
  is a ``<u who="#id">``, the label as written in ``<note type="label">`` and one ``<seg>`` per
  paragraph; directions in parentheses are ``<incident><desc>``, editorial brackets and words
  outside the quotation marks are ``<note>``; narration is ``<note type="narration">``.

Header paragraphs (before the first turn) go to ``<front>``, one ``<p>`` per header block.

**Pointers.** Every turn and every block (and every marked direction, speaker label and label
note) carries ``corresp`` with RFC 5147 ``text/plain`` fragment identifiers into the source
file: ``record.txt#char=120,340`` (characters ``120`` to ``340``, so ``source[120:340]``) and,
for turns and blocks, ``record.txt#line=32,40`` (lines 33 to 40: RFC 5147 counts line
*positions* from 0, so lines ``a`` to ``b`` counted from 1 are ``line=a-1,b``). Turns have
``xml:id="tN"`` (the kit's turn number), blocks ``xml:id="bN"`` (its block number); a turn
that narration cuts in two (a note between its paragraphs) goes on in ``xml:id="tN.2"`` with
``prev="#tN"``, the turn's pointer and no label. The
character counts are the kit's offsets: code points of the decoded text, a byte-order mark
dropped, each character counted (a Windows line end is two). The text of every element that
carries a ``char=`` pointer is exactly that slice of the source (XML keeps carriage returns
as ``&#13;``); a character XML 1.0 cannot hold (a form feed) is written as U+FFFD.

**Header.** ``titleStmt`` and ``sourceDesc`` come from the transcript's metadata (title,
sender as author, despatch or archive date) and the source's SHA-256; ``encodingDesc`` names
the kit's version and the version of its counting rules; ``profileDesc`` holds the summary as
``abstract``, the ``settingDesc`` (meeting place and time, when the metadata has them) and a
``particDesc/listPerson`` with one ``person`` for every row of the people table and every
speaker it lacks, silent participants included, with ``cert`` from the table's certainty
(confirmed: high, probable: medium, possible: low, unidentified: unknown) and the words
themselves in a ``note``.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from ..counting import COUNTING_RULES_VERSION
from ._common import (
    Person, clip_spans, direction_spans, document_id, fragment, generator_name, kit_version,
    label_span, line_fragment, participants, rows, person_of, source_name, source_sha256,
    speaker_ids, title_of, write_text, xml_attr, xml_name, xml_text,
)

__all__ = ["CERTAINTY", "STYLES", "TEI_NS", "to_string", "write", "write_u"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
STYLES = ("sp", "u")
CERTAINTY = {"confirmed": "high", "certain": "high", "probable": "medium", "likely": "medium",
             "possible": "low", "unidentified": "unknown", "unknown": "unknown"}


def _version_number(version: str) -> str:
    """The numeric part of a version (TEI's ``teidata.versionNumber``): ``0.1.0``."""
    m = re.match(r"\d+(?:\.\d+){0,3}", version)
    return m.group() if m else "0"


class _Writer:
    def __init__(self, transcript, style: str, narration: str, people, source_uri: str | None,
                 document: str | None) -> None:
        if style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
        if narration not in ("stage", "p", "note"):
            raise ValueError("narration must be 'stage', 'p' or 'note'")
        self.t = transcript
        self.src = transcript.source
        self.style = style
        self.narration = narration
        self.uri = quote(source_uri or source_name(transcript), safe="/:@!$&'()*+,;=~")
        self.document = document_id(transcript, document)
        self.persons = participants(transcript, people)
        self.by_speaker = speaker_ids(self.persons)
        self.out: list[str] = []

    # -- pointers ------------------------------------------------------------------------------
    def ptr(self, start: int, end: int, lines: tuple[int, int] | None = None) -> str:
        value = fragment(self.uri, start, end)
        if lines is not None:
            value += " " + line_fragment(self.uri, *lines)
        return xml_attr(value)

    # -- inline content --------------------------------------------------------------------------
    def inline(self, start: int, end: int, spans: list[tuple[int, int]]) -> str:
        """``source[start:end]`` escaped, with each direction span marked up."""
        parts: list[str] = []
        position = start
        for s, e in clip_spans(spans, start, end):
            parts.append(xml_text(self.src[position:s]))
            parts.append(self.direction(s, e))
            position = e
        parts.append(xml_text(self.src[position:end]))
        return "".join(parts)

    def direction(self, start: int, end: int) -> str:
        text = self.src[start:end]
        ptr = self.ptr(start, end)
        if self.style == "sp":
            kind = ("" if text.startswith("(") else ' type="editorial"' if text.startswith("[")
                    else ' type="narration"')
            return f'<stage{kind} corresp="{ptr}">{xml_text(text)}</stage>'
        if text.startswith("("):
            return f'<incident corresp="{ptr}"><desc>{xml_text(text)}</desc></incident>'
        kind = "editorial" if text.startswith("[") else "narration"
        return f'<note type="{kind}" corresp="{ptr}">{xml_text(text)}</note>'

    # -- header ------------------------------------------------------------------------------
    def header(self) -> None:
        w = self.out.append
        meta = getattr(self.t, "metadata", None)
        title = title_of(self.t)
        sha = source_sha256(self.t)
        w("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n")
        w(f"        <title>{xml_text(title)}</title>\n      </titleStmt>\n")
        w("      <publicationStmt>\n")
        w(f"        <p>Converted from the plain text {xml_text(source_name(self.t))} by "
          f"{xml_text(generator_name())}; not published.</p>\n      </publicationStmt>\n")
        w("      <sourceDesc>\n        <bibl>\n")
        w(f"          <title>{xml_text(title)}</title>\n")
        sender = getattr(meta, "sender", None)
        if sender:
            w(f"          <author>{xml_text(str(sender))}</author>\n")
        when = getattr(meta, "despatched", None) or getattr(meta, "archive_date", None)
        if when is not None:
            w(f'          <date when="{when.isoformat()}">{xml_text(when.isoformat())}</date>\n')
        w(f'          <idno type="sha256">{sha}</idno>\n')
        w(f'          <ptr target="{xml_attr(self.uri)}"/>\n')
        w("        </bibl>\n      </sourceDesc>\n    </fileDesc>\n")
        w("    <encodingDesc>\n      <appInfo>\n")
        w(f'        <application ident="helpers" version="{_version_number(kit_version())}">\n')
        w("          <label>helpers</label>\n")
        w(f"          <desc>{xml_text(generator_name())}: the study kit's parser and counting "
          f"rules (version {COUNTING_RULES_VERSION}); turns, words and offsets as the kit "
          "computes them.</desc>\n")
        w("        </application>\n      </appInfo>\n")
        w("      <refsDecl>\n        <p>Each sp or u, p, seg, stage, note and speaker that "
          "carries corresp points into the source with RFC 5147 text/plain fragment "
          "identifiers: #char=START,END (the element's text is exactly those characters of "
          "the decoded source, counted in code points from 0) and, for turns and paragraphs, "
          "#line=A,B (line positions from 0: the lines A+1 to B). xml:id tN is the kit's "
          "turn N, bN its block N.</p>\n      </refsDecl>\n    </encodingDesc>\n")
        w("    <profileDesc>\n")
        summary = getattr(meta, "summary", None)
        if summary:
            w(f"      <abstract>\n        <p>{xml_text(str(summary))}</p>\n      </abstract>\n")
        if self.persons:  # an empty listPerson is not valid TEI
            w("      <particDesc>\n        <listPerson>\n")
            for person in self.persons:
                self.person(person)
            w("        </listPerson>\n      </particDesc>\n")
        place = getattr(meta, "meeting_place", None)
        start = getattr(meta, "meeting_start", None)
        if place or start is not None:
            w("      <settingDesc>\n        <setting>\n")
            if place:
                w(f"          <placeName>{xml_text(str(place))}</placeName>\n")
            if start is not None:
                w(f'          <date when="{start.isoformat()}">{xml_text(start.isoformat())}'
                  "</date>\n")
            w("        </setting>\n      </settingDesc>\n")
        w("    </profileDesc>\n  </teiHeader>\n")

    def person(self, p: Person) -> None:
        w = self.out.append
        cert = CERTAINTY.get(p.certainty.casefold()) if p.certainty else None
        cert_attr = f' cert="{cert}"' if cert else ""
        w(f'          <person xml:id="{xml_attr(p.xml_id)}"{cert_attr}>\n')
        w(f"            <persName>{xml_text(p.name)}</persName>\n")
        for label in p.labels:
            w(f'            <persName type="label">{xml_text(label)}</persName>\n')
        if p.side:
            w(f"            <affiliation>{xml_text(p.side)}</affiliation>\n")
        notes = [("role", p.role), ("speaks", "yes" if p.speaks else "no"),
                 ("in_the_room", "" if p.in_the_room is None else ("yes" if p.in_the_room else "no")),
                 ("certainty", p.certainty), ("turns", str(p.turns) if p.speaks else ""),
                 ("words", str(p.words) if p.speaks else ""), ("note", p.note),
                 ("source", p.source)]
        for kind, value in notes:
            if value:
                w(f'            <note type="{kind}">{xml_text(value)}</note>\n')
        w("          </person>\n")

    # -- body --------------------------------------------------------------------------------
    def body(self) -> None:
        w = self.out.append
        blocks = self.t.blocks
        turns = {int(t.turn): t for t in rows(self.t.turns)}
        all_blocks = rows(blocks)
        head = [b for b in all_blocks if b.kind == "header"]
        rest = [b for b in all_blocks if b.kind != "header"]
        w("  <text>\n")
        if head:
            w('    <front>\n      <div type="header">\n')
            for b in head:
                w(f'        <p xml:id="b{int(b.block)}" '
                  f'corresp="{self.ptr(int(b.start), int(b.end), (int(b.line_start), int(b.line_end)))}">'
                  f"{xml_text(b.text)}</p>\n")
            w("      </div>\n    </front>\n")
        w('    <body>\n      <div type="transcript">\n')
        if not rest:
            w("        <ab/>\n")
        current = None
        parts: dict[int, int] = {}  # how many times each turn was opened (narration may cut one)
        spans: list[tuple[int, int]] = []
        label_end = 0
        wrote_para = False
        for b in rest:
            if b.kind == "speech" and b.turn is not None and not _isna(b.turn):
                number = int(b.turn)
                if number != current:
                    if current is not None:
                        self.close_turn(wrote_para)
                    current = number
                    turn = turns[number]
                    parts[number] = parts.get(number, 0) + 1
                    label_end, spans = self.open_turn(turn, parts[number])
                    wrote_para = False
                wrote_para |= self.paragraph(b, max(int(b.start), label_end), spans)
                continue
            if current is not None:
                self.close_turn(wrote_para)
                current = None
            self.narration_block(b)
        if current is not None:
            self.close_turn(wrote_para)
        w("      </div>\n    </body>\n  </text>\n")

    def open_turn(self, turn, part: int = 1) -> tuple[int, list[tuple[int, int]]]:
        """Open a turn's element; ``part`` 2, 3, ... is the turn going on after narration
        inside it (a note between its paragraphs): ``xml:id="tN.2"``, ``prev`` the part
        before, the turn's pointer, and no label again."""
        w = self.out.append
        person = person_of(self.by_speaker, turn.speaker)
        start, end = int(turn.start), int(turn.end)
        element = "sp" if self.style == "sp" else "u"
        number = int(turn.turn)
        ident = f"t{number}" if part == 1 else f"t{number}.{part}"
        prev = "" if part == 1 else f' prev="#t{number}{"" if part == 2 else f".{part - 1}"}"'
        w(f'        <{element} xml:id="{ident}"{prev} who="#{xml_attr(person.xml_id)}" '
          f'corresp="{self.ptr(start, end, (int(turn.line_start), int(turn.line_end)))}">\n')
        label_start, label_end = label_span(turn, self.src)
        if part > 1:
            return label_end, direction_spans(turn, self.src, label_end)
        if label_start > start and self.src[start:label_start].strip():
            w(f'          <note type="editorial" corresp="{self.ptr(start, label_start)}">'
              f"{xml_text(self.src[start:label_start])}</note>\n")
        if label_end > label_start:
            label = xml_text(self.src[label_start:label_end])
            ptr = self.ptr(label_start, label_end)
            if self.style == "sp":
                w(f'          <speaker corresp="{ptr}">{label}</speaker>\n')
            else:
                w(f'          <note type="label" corresp="{ptr}">{label}</note>\n')
        return label_end, direction_spans(turn, self.src, label_end)

    def paragraph(self, b, start: int, spans: list[tuple[int, int]]) -> bool:
        end = int(b.end)
        while start < end and self.src[start].isspace():
            start += 1
        if start >= end:
            return False
        element = "p" if self.style == "sp" else "seg"
        lines = (int(b.line_start), int(b.line_end))
        self.out.append(f'          <{element} xml:id="b{int(b.block)}" '
                        f'corresp="{self.ptr(start, end, lines)}">'
                        f"{self.inline(start, end, spans)}</{element}>\n")
        return True

    def close_turn(self, wrote_para: bool) -> None:
        if self.style == "sp":
            if not wrote_para:
                self.out.append("          <p/>\n")
            self.out.append("        </sp>\n")
        else:
            self.out.append("        </u>\n")

    def narration_block(self, b) -> None:
        start, end = int(b.start), int(b.end)
        ptr = self.ptr(start, end, (int(b.line_start), int(b.line_end)))
        text = xml_text(b.text)
        if self.style == "u" or self.narration == "note":
            tag, attrs = "note", ' type="narration"'
        elif self.narration == "p":
            tag, attrs = "p", ""
        else:
            tag, attrs = "stage", ' type="narration"'
        self.out.append(f'        <{tag}{attrs} xml:id="b{int(b.block)}" corresp="{ptr}">'
                        f"{text}</{tag}>\n")

    def document_text(self) -> str:
        self.out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.append(f'<TEI xmlns="{TEI_NS}" xml:id="{xml_attr(xml_name(self.document))}">\n')
        self.header()
        self.body()
        self.out.append("</TEI>\n")
        return "".join(self.out)


def _isna(value) -> bool:
    try:
        return bool(value != value)  # NaN and pandas' NA
    except TypeError:
        return True


def to_string(transcript, style: str = "sp", *, narration: str = "stage", people=None,
              source_uri: str | None = None, document: str | None = None) -> str:
    """The transcript as a TEI P5 document (a string); see the module docstring.

    ``style``: ``"sp"`` (drama) or ``"u"`` (spoken). ``narration``: how the drama style writes
    narration between turns, ``"stage"`` (default), ``"p"`` or ``"note"``. ``people``: a people
    table (default ``transcript.people``). ``source_uri``: how the pointers name the source
    (default: its file name). ``document``: the ``xml:id`` of the ``<TEI>`` element (default:
    the file's stem).
    """
    return _Writer(transcript, style, narration, people, source_uri, document).document_text()


def write(transcript, out: str | Path, *, style: str = "sp", narration: str = "stage",
          people=None, source_uri: str | None = None, document: str | None = None) -> list[Path]:
    """Write :func:`to_string`'s document to the file ``out``; returns ``[out]``."""
    text = to_string(transcript, style, narration=narration, people=people,
                     source_uri=source_uri, document=document)
    return [write_text(Path(out), text)]


def write_u(transcript, out: str | Path, **options) -> list[Path]:
    """:func:`write` in the spoken style (``style="u"``): the ``tei-u`` format."""
    options.setdefault("style", "u")
    return write(transcript, out, **options)
