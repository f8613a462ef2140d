#!/usr/bin/env python3
"""Turn one FRUS document (a TEI ``<div type="document">``) into a speaker-labelled plain text.

    python tools/frus_to_text.py FRAGMENT.xml [-o OUT.txt]
    python tools/frus_to_text.py --volume VOLUME.xml --doc d39 --fragment-out FRAGMENT.xml [-o OUT.txt]

The second form first cuts the document's ``<div>`` out of a whole volume file of the Office of
the Historian's repository (``volumes/<id>.xml``), exactly as it stands there (from the ``<`` of
``<div`` to the ``>`` of its matching ``</div>``), and prints its character offsets in the
volume; ``--fragment-out`` saves that fragment. Only the standard library is used.

The rule, the same for every document (``tests/test_corpus.py`` checks that the committed
texts are exactly what it gives):

1. **Paragraphs, in document order**, separated by one blank line, the file ending in one
   line feed (UTF-8, LF line endings):

   - the heading (``<head>``: "39. Telephone Conversation Between ...");
   - the dateline ("Washington, April 29, 1965, 8:47 a.m.");
   - a ``<list>`` (subject, participants) as one paragraph: its ``<head>`` on the first line,
     then one line per ``<item>`` (a ``<label>`` before it is kept: "1. ...");
   - every ``<p>`` (and the ``<p>`` inside a ``<quote>``) as a paragraph of its own;
   - a ``<closer>``, a ``<table>`` or any other block as one paragraph of its text.

2. **Inside a paragraph** only the words are kept: names (``<persName>``), glossed
   abbreviations (``<gloss>``), emphasis (``<hi>``) and references lose their markup, not
   their text; white space (the XML's indentation and line breaks included) is folded to single
   spaces and trimmed; ``<lb/>`` is a line break; page breaks (``<pb/>``) are dropped. Speaker
   labels stay as the printed volume has them ("President:", "Raborn:", "General Palmer:"):
   they are part of the paragraph's text. Nothing is corrected or normalised: the volume's
   apostrophe (ʼ, U+02BC), dashes, ellipses and editors' brackets (``[Omitted here is ...]``,
   ``[Laughter]``, ``G[uzman]``) are copied as they are.

3. **Notes**: each ``<note>`` is replaced where it stands by its number in square brackets,
   attached to the word before it as the printed volume sets its footnote numbers (white
   space just before the note is dropped: "this morning.[2] But", "President Johnson[1]"), and the notes themselves follow the last paragraph, in order, as
   paragraphs of the form "2. At a special session ..." (the source note first: "1. Source:
   ..."). This is how the kit's FRUS example (``tests/data/form_frus_excerpt.txt``) writes
   them, and the parser reads a paragraph "1. Source: ..." as the end of speech.
"""
from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BLOCKS = {"p", "list", "closer", "table", "quote", "dateline", "head", "attachment",
          "signed", "postscript"}


def _local(tag: object) -> str:
    """An element's name without its namespace (``{http://...}p`` -> ``p``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _fold(text: str) -> str:
    """White space folded to single spaces; line breaks from ``<lb/>`` (``\\x00``) kept."""
    lines = [" ".join(part.split()) for part in text.split("\x00")]
    return "\n".join(line for line in lines if line) if len(lines) > 1 else lines[0]


class _Converter:
    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []

    def inline(self, element: ET.Element) -> str:
        """The text of ``element`` with notes as ``[n]`` markers (each note recorded once)."""
        parts = [element.text or ""]
        for child in element:
            name = _local(child.tag)
            if name == "note":
                number = child.get("n", str(len(self.notes) + 1))
                self.notes.append((number, _fold(_Converter().inline(child))))
                parts[-1] = parts[-1].rstrip()  # the mark sits on the word before it
                parts.append(f"[{number}]")
            elif name == "lb":
                parts.append("\x00")
            elif name == "pb":
                pass
            else:
                parts.append(self.inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def blocks(self, element: ET.Element) -> list[str]:
        """The paragraphs of a block-level element, in order."""
        name = _local(element.tag)
        if name == "pb":
            return []
        if name == "list":
            lines = []
            label = ""
            for child in element:
                child_name = _local(child.tag)
                if child_name == "head":
                    lines.append(_fold(self.inline(child)))
                elif child_name == "label":
                    label = _fold(self.inline(child))
                elif child_name == "item":
                    text = _fold(self.inline(child))
                    lines.append(f"{label} {text}".strip())
                    label = ""
            return ["\n".join(line for line in lines if line)] if lines else []
        if name in ("quote", "attachment") or (
                name == "p" and any(_local(c.tag) in ("p", "quote") for c in element)):
            out: list[str] = []
            lead = _fold(element.text or "") if name == "p" else ""
            if lead:
                out.append(lead)
            for child in element:
                out += self.blocks(child) if _local(child.tag) in BLOCKS else [
                    _fold(self.inline(child))]
            return [p for p in out if p]
        text = _fold(self.inline(element))
        return [text] if text else []

    def document(self, div: ET.Element) -> str:
        paragraphs: list[str] = []
        for child in div:
            paragraphs += self.blocks(child)
        paragraphs += [f"{number}. {text}" for number, text in self.notes]
        return "\n\n".join(paragraphs) + "\n"


def convert(fragment: str) -> str:
    """The plain text of one FRUS ``<div type="document">`` (TEI, as a string), by the rule above."""
    div = ET.fromstring(fragment)
    if _local(div.tag) != "div" or div.get("type") != "document":
        raise ValueError("expected a <div type=\"document\"> element")
    return _Converter().document(div)


_DIV = re.compile(r"<div\b[^>]*>|</div\s*>")


def extract_document(volume: str, doc_id: str) -> tuple[str, int, int]:
    """Cut document ``doc_id`` (``"d39"``) out of a volume's text: ``(fragment, start, end)``.

    ``volume[start:end] == fragment``: the fragment runs from ``<div`` to its matching
    ``</div>``, byte for byte as the volume has it.
    """
    opening = re.search(
        rf'<div\b(?=[^>]*\btype="document")(?=[^>]*\bxml:id="{re.escape(doc_id)}")[^>]*>', volume)
    if opening is None:
        raise ValueError(f"no <div type=\"document\" xml:id=\"{doc_id}\"> in the volume")
    depth = 0
    for tag in _DIV.finditer(volume, opening.start()):
        depth += -1 if tag.group().startswith("</") else 1
        if depth == 0:
            return volume[opening.start():tag.end()], opening.start(), tag.end()
    raise ValueError(f"the <div> of {doc_id} never closes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fragment", nargs="?", help="a TEI file holding one <div type=\"document\">")
    parser.add_argument("-o", "--out", help="write the text here (default: standard output)")
    parser.add_argument("--volume", help="a whole FRUS volume file (volumes/<id>.xml)")
    parser.add_argument("--doc", help="the document's xml:id in the volume, e.g. d39")
    parser.add_argument("--fragment-out", help="save the cut-out <div> here (with --volume)")
    args = parser.parse_args(argv)
    if args.volume:
        if not args.doc:
            parser.error("--volume needs --doc")
        volume = Path(args.volume).read_text(encoding="utf-8")
        fragment, start, end = extract_document(volume, args.doc)
        print(f"{args.volume}: {args.doc} at characters {start}-{end}", file=sys.stderr)
        if args.fragment_out:
            Path(args.fragment_out).write_bytes(fragment.encode("utf-8"))
    elif args.fragment:
        fragment = Path(args.fragment).read_text(encoding="utf-8")
    else:
        parser.error("give a fragment file, or --volume and --doc")
    text = convert(fragment)
    if args.out:
        Path(args.out).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
