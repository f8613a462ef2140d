"""The model answers: cells tagged ``model-answer`` in the notebooks themselves.

In JupyterLab those cells are folded; on the teacher's handout page the tag becomes the class
``celltag_model-answer``, which ``print.css`` leaves out of the print unless "Print the model
answers too" is ticked, so a printed student handout does not give the answers away. The
students' copy (``make site-students``) removes the tagged cells with nbconvert's own
``TagRemovePreprocessor`` and keeps one notice where they were.
"""
from __future__ import annotations

import re

import nbformat

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


def remove_tags(students: bool) -> set[str]:
    """The cell tags ``TagRemovePreprocessor`` removes: ``remove-cell`` always, as in Jupyter
    Book, and ``model-answer`` in the students' copy."""
    return {"remove-cell", TAG} if students else {"remove-cell"}
