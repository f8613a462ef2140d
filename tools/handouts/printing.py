"""Small fixes to the HTML of a page so that it prints well."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

#: Parts of a column name this short are never broken in print ("line", "words", "side").
_KEEP_WHOLE = 5


NUMBER = re.compile(r"^[-+−]?[\d.,\s%]+$|^(nan|NaN|None|<NA>|True|False)?$")


def align_text_cells(soup: BeautifulSoup) -> None:
    """Left-align the text cells of output tables (pandas right-aligns every cell, which makes
    sentences hard to read); numbers stay right-aligned."""
    for cell in soup.select(".jp-OutputArea-output table td"):
        if not NUMBER.match(cell.get_text(strip=True)):
            cell["class"] = cell.get("class", []) + ["kit-text-cell"]


def mark_bare_urls(soup: BeautifulSoup) -> None:
    """Mark links that show their own address, so that print.css does not print it twice."""
    for anchor in soup.find_all("a", href=True):
        if anchor.get_text(strip=True).rstrip("/") == anchor["href"].rstrip("/"):
            anchor["class"] = anchor.get("class", []) + ["kit-bare-url"]


_LONG_TOKEN = re.compile(r"\S{22,}")


def mark_long_tokens(soup: BeautifulSoup) -> None:
    """Wrap very long unbroken tokens in table cells (web addresses, file names) in
    ``span.kit-long``, which print.css lets break anywhere; short words stay whole."""
    for cell in soup.select(".jp-OutputArea-output td"):
        for text in list(cell.find_all(string=_LONG_TOKEN)):
            if text.parent.name in {"a", "span"} and "kit-long" in text.parent.get("class", []):
                continue
            pieces, last = [], 0
            for m in _LONG_TOKEN.finditer(text):
                pieces.append(text[last:m.start()])
                span = soup.new_tag("span", attrs={"class": "kit-long"})
                span.string = m.group()
                pieces.append(span)
                last = m.end()
            pieces.append(text[last:])
            text.replace_with(*[p for p in pieces if p != ""])


def break_column_names(soup: BeautifulSoup) -> None:
    """Help a narrow printed table break its column names well: after the underscores
    (``line_<wbr>start``), and never inside a short part (``line``, ``words``, ``side``:
    wrapped in ``span.kit-keep``, which print.css keeps whole). Longer parts may still break
    anywhere when a table has many columns."""
    for cell in soup.select(".jp-OutputArea-output thead th"):
        for text in list(cell.find_all(string=True)):
            parts = str(text).split("_")
            pieces: list = []
            for i, part in enumerate(parts):
                last = i == len(parts) - 1
                piece = part + ("" if last else "_")
                if 0 < len(part) <= _KEEP_WHOLE:
                    span = soup.new_tag("span", attrs={"class": "kit-keep"})
                    span.string = piece
                    pieces.append(span)
                elif piece:
                    pieces.append(piece)
                if not last:
                    pieces.append(soup.new_tag("wbr"))
            if pieces:
                text.replace_with(*pieces)


def mark_empty_outputs(soup: BeautifulSoup) -> None:
    """Mark output areas that show nothing, so that print.css can drop them."""
    for child in soup.select(".jp-OutputArea-child"):
        if not child.get_text(strip=True) and not child.find(["img", "svg", "table", "video", "iframe"]):
            child["class"] = child.get("class", []) + ["kit-empty-output"]
    for wrapper in soup.select(".jp-Cell-outputWrapper"):
        children = wrapper.select(".jp-OutputArea-child")
        if children and all("kit-empty-output" in c.get("class", []) for c in children):
            wrapper["class"] = wrapper.get("class", []) + ["kit-empty-output"]


