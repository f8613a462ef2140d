"""Quotations of the cable, checked against the cable.

The kit quotes telegram No. 608 all the time, in the notebooks' prose, the guide, the worksheet
and the data files. This module finds every quotation in a text and says whether it stands in
the cable, so that a test can hold the whole kit to one rule. Other documents quoted by the kit
(Kirk's telegrams, Hansard, the treaty texts...) and the kit's own words in quotation marks
(section titles, the values an exercise asks you to type) are listed, with their source, in
``data/quotation_register.csv``; anything else in quotation marks must be the cable's words.

**What counts as a quotation.** Text between double quotation marks, straight or curly (``"…"``,
``“…”``), or between single ones (``'…'``, ``‘…’``) when the opening mark follows no letter and
the closing mark is followed by none (so the apostrophes of *Kelly's* and *the Soviets'* are
not quotation marks). A quotation lies within one paragraph. Inline code and code blocks are
not prose and are skipped, and so are the kit's own line markers ``*(line 34)*`` that the
full-text display puts at the start of each paragraph of a turn.

**The rule for a quotation of the cable.** It must stand in the cable character for character:
the same capitals, the cable's curly apostrophes and quotation marks, its slips, and its
punctuation where the cable has it (the cable closes a quotation before the full stop, ``”.``,
so a kit quotation that ends a sentence of the cable ends before that full stop). Three
editorial conventions are allowed, and only these:

1. *Line wraps.* Any run of white space (a line break in hard-wrapped Markdown) equals any run
   of white space in the cable; Markdown's backslash escapes (``\\[sic\\]``) and emphasis stars
   are read as the text they mark.
2. *Ellipsis.* ``...`` or ``…`` marks an omission: the pieces on either side must stand in the
   cable in that order, within one paragraph of it.
3. *Square brackets* hold the editor's words, never the cable's, and contain no quotation
   marks: ``[sic]`` or ``[a slip for 'note']`` is dropped and the words on either side must
   join up in the cable (``"United States of American [sic] and do not believe"``). The
   cable's own ``[sic]`` (``shewed [sic]``) matches as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import DataFileError
from . import paths

__all__ = ["REGISTER", "REGISTER_COLUMNS", "REGISTER_KINDS", "SOURCED_KINDS", "Quotation",
           "ambiguous", "load_register", "normalise", "prose", "quotations", "quote", "stands_in",
           "unverified", "validate_register"]

#: The register of quotations that are not the cable's: a small data file with their sources.
REGISTER: Path = paths.QUOTATION_REGISTER
#: The columns of the register.
REGISTER_COLUMNS = ["fragment", "kind", "source", "note"]
#: ``document``: another document's words; ``title``: the title of a work, page or section
#: elsewhere; ``kit``: the kit's own words in quotation marks (its headings, labels, the values
#: an exercise asks for); ``term``: a word or name discussed as a word, not quoted from anyone.
REGISTER_KINDS = ("document", "title", "kit", "term")
#: Kinds that must name where the words come from.
SOURCED_KINDS = ("document", "title")

_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
#: An HTML tag with its attributes (a model answer's <details>, a table's <td class="...">).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"`[^`\n]*`")
_LINE_MARKER = re.compile(r"\*\(lines? \d+(?:[–-]\d+)?\)\*")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)|<https?://[^>\s]*>|https?://\S+")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#|~{}()!.+-])")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_BRACKETS = re.compile(r"\s*\[[^\[\]]*\]\s*")
_SPACE = re.compile(r"\s+")

#: Opening and closing patterns of the four kinds of quotation marks.
_PAIRS = [
    re.compile(r'"([^"]+?)"'),
    re.compile(r"“([^“”]+?)”"),
    re.compile(r"(?<![\w’'])'(?=\S)(.+?)(?<=\S)'(?![\w])", re.DOTALL),
    re.compile(r"(?<![\w’'])‘(?=\S)(.+?)(?<=\S)’(?![\w])", re.DOTALL),
]


@dataclass(frozen=True)
class Quotation:
    """One quotation found in a text: its words, where it was found, and its raw inside.

    ``raw`` keeps the white space just inside the quotation marks: a quotation that starts or
    ends with a space is a sign of quotation marks nested the same way (``"he said "no""``),
    which no program can read unambiguously; :func:`ambiguous` finds them.
    """

    text: str
    where: str
    raw: str = ""


def prose(text: str) -> str:
    """``text`` without what is not prose: code, link targets, HTML tags (with their
    attributes), blockquote marks, line markers."""
    text = _FENCE.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _CODE.sub(" ", text)
    text = _LINK_TARGET.sub(" ", text)
    text = _BLOCKQUOTE.sub("", text)
    return _LINE_MARKER.sub(" ", text)


def quotations(text: str, where: str = "") -> list[Quotation]:
    """Every quotation in ``text`` (see the module's rule), in order, nested ones included.

    >>> [q.text for q in quotations('He said "that is true" and \\'looser\\'.')]
    ['that is true', 'looser']
    """
    found: list[Quotation] = []
    for paragraph in _PARAGRAPH.split(prose(text)):
        for pattern in _PAIRS:
            for match in pattern.finditer(paragraph):
                inner = match.group(1).strip()
                if inner:
                    found.append(Quotation(inner, where, match.group(1)))
    return found


def ambiguous(found: list[Quotation]) -> list[Quotation]:
    """The quotations whose marks look nested the same way (a space just inside a mark)."""
    return [q for q in found if q.raw and q.raw != q.raw.strip()]


def normalise(text: str) -> str:
    """Markdown read as plain text, and every run of white space made one space."""
    text = _ESCAPE.sub(r"\1", text).replace("*", "")
    return _SPACE.sub(" ", text).strip()


def _cable_paragraphs(source: str) -> list[str]:
    return [normalise(p) for p in re.split(r"\n\s*\n", source) if p.strip()]


def stands_in(quotation: str, source: str) -> bool:
    """Does ``quotation`` stand in ``source`` by the module's rule (exact, three conventions)?

    >>> cable = "Stalin: “Ours are all directed exclusively against Germany”."
    >>> stands_in("Ours are all directed exclusively against Germany", cable)
    True
    >>> stands_in("Ours are all directed exclusively against Germany.", cable)
    False
    >>> stands_in("Ours ... against Germany", cable), stands_in("ours are all", cable)
    (True, False)
    """
    text = normalise(quotation)
    paragraphs = _cable_paragraphs(source)
    if any(text in p for p in paragraphs):
        return True
    text = normalise(_BRACKETS.sub(" ", text))
    pieces = [p for p in _ELLIPSIS.split(text) if p]
    if not pieces:
        return False
    for paragraph in paragraphs:
        at = 0
        for piece in pieces:
            at = paragraph.find(piece, at)
            if at < 0:
                break
            at += len(piece)
        else:
            return True
    return False


def load_register(path: str | Path | None = None) -> pd.DataFrame:
    """The register of quotations that are not the cable's (``data/quotation_register.csv``
    unless another file is given); a missing file or column is a :class:`helpers.DataFileError`."""
    path = Path(path) if path else REGISTER
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("no such file", str(path)) from None
    missing = [c for c in REGISTER_COLUMNS if c not in table.columns]
    if missing:
        raise DataFileError(f"missing column(s) {', '.join(missing)}", str(path), 1)
    return table


def validate_register(register: pd.DataFrame, source: str) -> list[str]:
    """Problems with the register itself, in plain words (empty list: valid).

    Every row has a fragment (no two alike), a known kind, and a source when it quotes a
    document or names a title; no row registers words that stand in the cable (those are
    checked against the cable, never excused).
    """
    problems: list[str] = []
    seen: set[str] = set()
    for row in register.itertuples(index=False):
        key = normalise(row.fragment)
        if not key:
            problems.append("a register row has no fragment.")
            continue
        if key in seen:
            problems.append(f"the fragment {row.fragment!r} is registered twice.")
        seen.add(key)
        if row.kind not in REGISTER_KINDS:
            problems.append(f"{row.fragment!r}: the kind {row.kind!r} is not one of "
                            f"{', '.join(REGISTER_KINDS)}.")
        if row.kind in SOURCED_KINDS and not row.source.strip():
            problems.append(f"{row.fragment!r}: a {row.kind} needs its source.")
        if stands_in(row.fragment, source):
            problems.append(f"{row.fragment!r} stands in the cable: quote it, do not register it.")
    return problems


def unverified(found: list[Quotation], source: str, register: pd.DataFrame) -> list[Quotation]:
    """The quotations that neither stand in the cable nor are in the register."""
    known = {normalise(f) for f in register["fragment"]}
    return [q for q in found if normalise(q.text) not in known and not stands_in(q.text, source)]


def quote(phrase: str, source: str) -> str:
    """``phrase`` in curly quotation marks, if it stands in ``source``; else a ``ValueError``.

    The way generated prose quotes the cable: a sentence can only quote what the cable holds.
    """
    if not stands_in(phrase, source):
        raise ValueError(f"{phrase!r} does not stand in the cable as written")
    return f"“{phrase}”"
