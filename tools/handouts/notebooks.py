"""Reading the notebooks of the sequence: their titles, time lines, and undescribed images."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .checks import MEANINGLESS_ALT
from .common import display_path

NOTEBOOK_NAME = re.compile(r"^(\d\d)_[^/]*\.ipynb$")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


@dataclass
class Handout:
    """One notebook of the sequence and the page it becomes."""

    source: Path
    number: str
    title: str
    time: str | None
    page: str
    notebook: nbformat.NotebookNode = field(repr=False)


def notebook_paths(folder: Path) -> list[Path]:
    """The notebooks of the sequence, ``NN_*.ipynb``, in order."""
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))


def plain(markdown: str) -> str:
    """A line of Markdown as plain text (links, emphasis, code marks and bullets removed)."""
    text = markdown.strip()
    if text.startswith("|"):  # a table row: "| Time needed | 40 minutes |"
        cells = [c.strip() for c in text.strip("|").split("|") if c.strip()]
        text = ": ".join(cells[:2]) if len(cells) > 1 else "".join(cells)
    text = re.sub(r"^(?:[-*+>]\s+|#+\s+)+", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([:.,;])", r"\1", text)
    return re.sub(r"::", ":", text)


def markdown_heading(text: str) -> str | None:
    """The first heading of a piece of Markdown, as plain text."""
    for line in text.splitlines():
        match = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
        if match:
            return plain(match.group(1))
    return None


def first_heading(nb: nbformat.NotebookNode) -> str | None:
    """The text of the notebook's first Markdown heading, as plain text."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and (heading := markdown_heading(cell.source)):
            return heading
    return None


TIME_LINE = re.compile(r"(?i)\btime\b")
DURATION = re.compile(r"(?i)\b(?:\d+|one|two|three|half|an?)\b.{0,20}\b(?:min|minutes?|hours?|hrs?|lessons?|periods?|sessions?)\b")


def time_line(nb: nbformat.NotebookNode) -> str | None:
    """The learner-header line that says how long the notebook takes ("Time needed: ...").

    Looked for in the Markdown cells before the first code cell: the first line that
    mentions "time" and a duration (minutes, hours, lessons).
    """
    for cell in nb.cells:
        if cell.cell_type == "code":
            break
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            text = plain(line)
            if TIME_LINE.search(text) and DURATION.search(text):
                return text
    return None


def describe_cell(path: Path, index: int, cell: nbformat.NotebookNode) -> str:
    """"notebooks/02_x.ipynb, cell 7 (id 1a2b)": how error messages name a cell."""
    cell_id = cell.get("id")
    return f"{display_path(path)}, cell {index + 1}" + (f" (id {cell_id})" if cell_id else "")


def missing_descriptions(path: Path, nb: nbformat.NotebookNode) -> list[str]:
    """Every image output of the notebook that has no meaningful description, named by cell.

    A chart shown with ``helpers.style.Chart(fig, description)`` carries its description in
    the output metadata ``{"image/png": {"alt": description}}``; an image without it would be
    announced to a screen reader as "image" and printed without a caption.
    """
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for number, output in enumerate(cell.get("outputs", []), start=1):
            data = output.get("data", {})
            for mime in IMAGE_TYPES:
                if mime not in data:
                    continue
                meta = output.get("metadata", {}).get(mime, {})
                alt = meta.get("alt") if isinstance(meta, dict) else None
                alt = alt or cell.get("metadata", {}).get("alt")
                if not isinstance(alt, str) or alt.strip().lower() in MEANINGLESS_ALT:
                    problems.append(
                        f"{describe_cell(path, index, cell)}, output {number}: {mime} image has "
                        "no description (display charts with helpers.style.Chart(fig, description))"
                    )
    return problems


