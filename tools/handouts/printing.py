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




def drop_range_index(soup: BeautifulSoup) -> int:
    """Remove pandas' 0-based row numbers (0, 1, 2, ... under an empty header) from output
    tables: they number nothing a reader can cite. A named or meaningful index stays."""
    dropped = 0
    for table in soup.select(".jp-OutputArea-output table"):
        head_rows = table.select("thead tr")
        body_rows = table.select("tbody tr")
        if len(head_rows) != 1 or not body_rows:
            continue
        first_head = head_rows[0].find(["th", "td"])
        if first_head is None or first_head.get_text(strip=True):
            continue
        labels = [row.find("th") for row in body_rows]
        if any(label is None or label.find_previous_sibling(["th", "td"]) is not None for label in labels):
            continue
        if [label.get_text(strip=True) for label in labels] != [str(i) for i in range(len(labels))]:
            continue
        first_head.decompose()
        for label in labels:
            label.decompose()
        dropped += 1
    return dropped


#: A page with at least this many section headings (h2 and h3) gets a table of contents.
TOC_MINIMUM = 10


def add_table_of_contents(soup: BeautifulSoup, minimum: int = TOC_MINIMUM) -> bool:
    """Put a list of the page's sections (its h2 and h3 headings, linked to their ids) under its
    title, for a long page such as notebook 04's on a projector; left out of the print."""
    main = soup.find("main") or soup.body
    if main is None:
        return False
    headings = [h for h in main.find_all(["h2", "h3"]) if h.get("id") and not h.find_parent("details")]
    title = main.find("h1")
    if len(headings) < minimum or title is None:
        return False
    nav = soup.new_tag("nav", attrs={"class": "kit-toc", "aria-label": "Contents of this page"})
    caption = soup.new_tag("p", attrs={"class": "kit-toc-title"})
    caption.string = "On this page"
    nav.append(caption)
    top = soup.new_tag("ol")
    nav.append(top)
    current = None
    for heading in headings:
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{heading['id']}")
        link.string = heading.get_text(" ", strip=True).rstrip("¶").strip()
        item.append(link)
        if heading.name == "h3" and current is not None:
            sub = current.find("ol")
            if sub is None:
                sub = soup.new_tag("ol")
                current.append(sub)
            sub.append(item)
        else:
            top.append(item)
            current = item
    cell = title.find_parent(class_="jp-Cell")
    (cell or title).insert_after(nav)
    return True


#: A table with this many columns or more prints in a smaller type (``table.kit-wide``), so
#: that its column names fit the paper without being split inside a word.
WIDE_COLUMNS = 8


def mark_wide_tables(soup: BeautifulSoup, columns: int = WIDE_COLUMNS) -> int:
    """Mark output tables with many columns as ``kit-wide`` (print.css sets them smaller)."""
    marked = 0
    for table in soup.select(".jp-OutputArea-output table"):
        row = table.select_one("thead tr") or table.select_one("tr")
        if row is not None and len(row.find_all(["th", "td"])) >= columns:
            table["class"] = table.get("class", []) + ["kit-wide"]
            marked += 1
    return marked


def mark_writing_cells(soup: BeautifulSoup) -> int:
    """Mark the table cells of a worksheet that are there to be written in (empty, or only line
    breaks) as ``kit-write``, and their tables as ``kit-writing-table``: print.css makes them
    full-width boxes with room for a hand."""
    marked = 0
    for cell in soup.select("main td"):
        if not cell.get_text(strip=True) and not cell.find(["img", "a", "input"]):
            cell["class"] = cell.get("class", []) + ["kit-write"]
            table = cell.find_parent("table")
            if table is not None and "kit-writing-table" not in table.get("class", []):
                wide = len((table.find("tr") or table).find_all(["th", "td"])) > 2
                table["class"] = table.get("class", []) + ["kit-writing-table"] + (["kit-grid"] if wide else [])
            marked += 1
    return marked


def mark_run_in_headings(soup: BeautifulSoup, longest: int = 80) -> int:
    """Mark the short bold lines that head what follows them, such as "**Turn 8 · Stalin** (line
    52)" in the cable's text, as ``kit-run-in-heading``: print.css keeps each on the same page as
    the paragraph under it (a turn's heading was left alone at the foot of a page)."""
    marked = 0
    for paragraph in soup.select(".jp-OutputArea-output p, .jp-RenderedMarkdown p"):
        first = next((c for c in paragraph.children if getattr(c, "name", None) or str(c).strip()), None)
        text = paragraph.get_text(" ", strip=True)
        if getattr(first, "name", None) in {"strong", "b"} and len(text) <= longest and not text.endswith((".", ":", "?")):
            paragraph["class"] = paragraph.get("class", []) + ["kit-run-in-heading"]
            marked += 1
    return marked
