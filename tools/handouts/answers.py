"""The model answers: cells tagged ``model-answer`` in the notebooks themselves; and the
answer checks, code cells tagged ``answer-check``.

In JupyterLab those cells are folded; on the teacher's handout page the tag becomes the class
``celltag_model-answer``, which ``print.css`` leaves out of the print unless "Print the model
answers too" is ticked, so a printed student handout does not give the answers away. The
students' copy (``make site-students``) removes the tagged cells with nbconvert's own
``TagRemovePreprocessor`` and keeps one notice where they were. The self-study copy (``make
site-self-study``) keeps them, each answer folded in a ``<details>`` whose ``<summary>`` names
its exercise (:func:`answer_groups`, :func:`fold_answers`): one click opens it, with no script.
Answer checks (a student types an answer and a salted hash says right or where to look again)
cannot run on a static page: only the teacher's copy keeps them, as code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import nbformat
from bs4 import BeautifulSoup

from .copies import Copy

#: The tag that marks a model answer.
TAG = "model-answer"
#: What the students' copy says where a notebook's model answers were.
ANSWERS_WITHHELD = (
    "## Model answers\n\n"
    "This is the students' copy of the handouts: it leaves the model answers out. Try each "
    "exercise, then compare your answer with a classmate's or ask your teacher."
)
_ANSWERS_HEADING = re.compile(r"^#+\s*Model answers", re.MULTILINE)


def is_answer(cell: nbformat.NotebookNode) -> bool:
    """Whether the cell is tagged ``model-answer``."""
    return TAG in cell.get("metadata", {}).get("tags", [])


def answer_section(nb: nbformat.NotebookNode) -> list[int]:
    """The indexes of the cells of the "Model answers" section: from the Markdown cell headed
    "Model answers" to the footer (the cell with "How to cite"), footer excluded. The cells that
    should carry the tag (a test checks that they do, and no other)."""
    section, inside = [], False
    for index, cell in enumerate(nb.cells):
        source = cell.get("source", "")
        if cell.get("cell_type") == "markdown" and _ANSWERS_HEADING.search(source):
            inside = True
        elif cell.get("cell_type") == "markdown" and "How to cite" in source:
            inside = False
        if inside:
            section.append(index)
    return section


def tag_answer_section(nb: nbformat.NotebookNode) -> int:
    """Tag the cells of :func:`answer_section` (a maintainer's tool; the notebooks keep the
    tags); return how many were newly tagged."""
    tagged = 0
    for index in answer_section(nb):
        tags = nb.cells[index].setdefault("metadata", {}).setdefault("tags", [])
        if TAG not in tags:
            tags.append(TAG)
            tagged += 1
    return tagged


def add_withheld_notice(nb: nbformat.NotebookNode) -> bool:
    """Put the students' notice, untagged, before the first tagged cell; ``False`` if none is tagged.

    The tagged cells themselves are removed when the page is exported (see
    :func:`remove_tags`), by ``TagRemovePreprocessor``.
    """
    first = next((i for i, c in enumerate(nb.cells) if is_answer(c)), None)
    if first is None:
        return False
    nb.cells.insert(first, nbformat.v4.new_markdown_cell(ANSWERS_WITHHELD))
    return True


#: The tag of an answer-check cell.
CHECK_TAG = "answer-check"


#: The tag of a cell that helps only in JupyterLab (the "When a cell shows red" box): left out
#: of a copy for a reader with no install.
LAB_ONLY = "lab-only"


def remove_tags(copy: Copy | bool) -> set[str]:
    """The cell tags ``TagRemovePreprocessor`` removes: ``remove-cell`` always, as in Jupyter
    Book; ``model-answer`` in the students' copy; ``answer-check`` wherever checks cannot be
    read as code (the students' and self-study copies); ``lab-only`` where the reader has no
    install (the self-study copy). ``True`` stands for the students' copy."""
    if isinstance(copy, bool):
        return {"remove-cell", TAG, CHECK_TAG} if copy else {"remove-cell"}
    removed = {"remove-cell"}
    if copy.answers == "removed":
        removed.add(TAG)
    if not copy.answer_checks:
        removed.add(CHECK_TAG)
    if not copy.lab_help:
        removed.add(LAB_ONLY)
    return removed


#: Where one exercise's answer starts: "**Try it 2: the gap in time.**", "**Model answer 1: find
#: Germany.**", "**Try it 1: model answer.**" (a continuation, "**Try it 3, continued: ...**",
#: has the same number and stays in the same answer).
ANSWER_START = re.compile(r"^\*\*(?:Try it|Model answer)\s+(\d+)\b([^*]*)\*\*", re.MULTILINE)


@dataclass
class AnswerGroup:
    """The cells of one exercise's model answer, and what its ``<summary>`` says."""

    number: str
    summary: str
    cells: list[str] = field(default_factory=list)


def _summary(number: str, rest: str) -> str:
    title = re.sub(r"(?i)^[\s:,.]*|[\s.:]*$", "", rest)
    title = re.sub(r"(?i)^(?:continued[:,]?\s*|model answer\.?)", "", title).strip(" :.,")
    return f"Model answer to Try it {number}" + (f": {title}" if title else "")


def answer_groups(nb: nbformat.NotebookNode) -> list[AnswerGroup]:
    """Group the tagged cells by exercise (in place: the cell that opens the "Model answers"
    section is split where its first answer starts, so that the heading stays outside).

    A group starts at a Markdown cell whose text opens an answer with a new number; every
    tagged cell after it, code or Markdown, belongs to it until the next. Cells before the
    first group (the heading and its introduction) belong to none.
    """
    groups: list[AnswerGroup] = []
    titles = exercise_titles(nb)
    cells = []
    for cell in nb.cells:
        if not is_answer(cell):
            cells.append(cell)
            continue
        if cell.cell_type == "markdown":
            match = ANSWER_START.search(cell.source)
            if match and _ANSWERS_HEADING.search(cell.source[:match.start()]):
                head = nbformat.v4.new_markdown_cell(cell.source[:match.start()].rstrip(),
                                                     metadata={"tags": [TAG]})
                head["id"] = f"{cell.get('id', 'answers')}-heading"
                cells.append(head)
                cell.source = cell.source[match.start():]
            match = ANSWER_START.match(cell.source.lstrip())
            if match and (not groups or groups[-1].number != match.group(1)):
                number = match.group(1)
                summary = _summary(number, match.group(2))
                if summary.endswith(number) and number in titles:
                    summary += f": {titles[number]}"
                groups.append(AnswerGroup(number, summary))
        if groups and cell.get("id"):
            groups[-1].cells.append(cell["id"])
        cells.append(cell)
    nb.cells = cells
    return groups


_EXERCISE_TITLE = re.compile(r"\*\*Try it\s+(\d+):\s*([^*]+?)[.\s]*\*\*")


def exercise_titles(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Exercise number -> its title, from the exercises' own headings ("**Try it 1: cite a
    phrase.**"), outside the model answers."""
    titles: dict[str, str] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not is_answer(cell):
            for match in _EXERCISE_TITLE.finditer(cell.source):
                titles.setdefault(match.group(1), match.group(2).strip())
    return titles


def answers_heading_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    """The tagged Markdown cell headed "Model answers", if any."""
    return next((c for c in nb.cells if is_answer(c) and c.cell_type == "markdown"
                 and _ANSWERS_HEADING.search(c.source)), None)


def mark_own_folds(soup: BeautifulSoup) -> int:
    """Give the ``<details>`` that a notebook's model answers fold themselves in (the notebooks
    of issue 15: each answer cell's output is one ``<details>`` with its ``<summary>``) the
    class of the builder's own folds, ``kit-answer``, so that every copy styles and prints them
    alike; the markup is otherwise left as the notebook wrote it. Returns how many."""
    marked = 0
    for cell in soup.select(f".jp-Cell.celltag_{TAG}"):
        for details in cell.find_all("details"):
            if details.find_parent("details") is not None:
                continue
            classes = details.get("class", [])
            if "kit-answer" not in classes:
                details["class"] = [*classes, "kit-answer"]
                marked += 1
    return marked


def fold_answers(soup: BeautifulSoup, groups: list[AnswerGroup]) -> int:
    """Wrap each group's cells in ``<details class="kit-answer">`` with its ``<summary>``;
    return how many were folded. A group whose cells already hold a ``<details>`` (a notebook
    that folds its answers itself) is left as it is, so that an answer never takes two clicks."""
    folded = 0
    for group in groups:
        found = [soup.find(id=f"cell-id={cell}") for cell in group.cells]
        found = [cell for cell in found if cell is not None]
        if not found or any(cell.find("details") for cell in found):
            continue
        details = soup.new_tag("details", attrs={"class": "kit-answer"})
        summary = soup.new_tag("summary")
        summary.string = group.summary
        details.append(summary)
        found[0].insert_before(details)
        for cell in found:
            details.append(cell.extract())
        folded += 1
    return folded
