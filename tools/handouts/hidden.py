"""Cells hidden in the notebook stay hidden on the site's pages (the kit's convention, item 3).

- A code cell with ``metadata.jupyter.source_hidden: true`` has its input removed on every page
  (its output stays): the ``cm.prose(...)`` templates of notebook 04, for example, are not
  projected in the middle of the commentary.
- A code cell with ``outputs_hidden: true`` outside the model answers has its output folded in a
  ``<details>`` ("Show the result"), as JupyterLab folds it. The model answers' own outputs are
  folded, shown or removed with their answer (:mod:`handouts.answers`), whichever the copy asks.

Markdown cells are not touched: in the kit a hidden Markdown cell is a folded model answer.
"""
from __future__ import annotations

import nbformat
from bs4 import BeautifulSoup

from .answers import is_answer

#: The tag nbconvert's TagRemovePreprocessor reads to drop a cell's input.
REMOVE_INPUT = "remove-input"
#: The builder's own tag for an output to fold.
FOLD_OUTPUT = "kit-folded-output"


def hidden(cell: nbformat.NotebookNode, part: str) -> bool:
    """Whether ``part`` ("source" or "outputs") of the cell is hidden in JupyterLab."""
    jupyter = cell.get("metadata", {}).get("jupyter", {})
    return isinstance(jupyter, dict) and bool(jupyter.get(f"{part}_hidden"))


def prepare(nb: nbformat.NotebookNode) -> int:
    """Tag the hidden parts of the notebook's code cells for the exporter (in place); return how
    many inputs will be removed."""
    removed = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if hidden(cell, "source") and REMOVE_INPUT not in tags:
            tags.append(REMOVE_INPUT)
            removed += 1
        if hidden(cell, "outputs") and not is_answer(cell) and cell.get("outputs") and FOLD_OUTPUT not in tags:
            tags.append(FOLD_OUTPUT)
    return removed


def _fold(soup: BeautifulSoup, tag: str, part: str, css_class: str, label: str) -> int:
    """Wrap the ``part`` (an input or output wrapper) of every cell tagged ``tag`` in a
    ``<details>`` of class ``css_class`` whose summary is ``label``; the number folded."""
    folded = 0
    for cell in soup.select(f".jp-Cell.celltag_{tag}"):
        wrapper = cell.select_one(part)
        if wrapper is None:
            continue
        _wrap_in_details(soup, wrapper, css_class, label)
        folded += 1
    return folded


def _wrap_in_details(soup: BeautifulSoup, element, css_class: str, label: str) -> None:
    """Put ``element`` in a closed ``<details>`` of class ``css_class`` whose summary is ``label``."""
    details = soup.new_tag("details", attrs={"class": css_class})
    summary = soup.new_tag("summary")
    summary.string = label
    element.wrap(details)
    details.insert(0, summary)


def fold_outputs(soup: BeautifulSoup, label: str = "Show the result") -> int:
    """Fold the outputs of the cells tagged :data:`FOLD_OUTPUT` in ``<details>``."""
    return _fold(soup, FOLD_OUTPUT, ".jp-Cell-outputWrapper", "kit-folded-output", label)


#: The Markdown a cell shows where the reader has no install (cell metadata ``kit.static``).
STATIC = "static"
#: The builder's tag for a code cell whose code is folded under "Show the code".
FOLD_CODE = "kit-folded-code"


def use_static_texts(nb: nbformat.NotebookNode) -> int:
    """Put each Markdown cell's ``kit.static`` text (its wording for a page that runs nothing and
    a reader with no JupyterLab: no Shift+Enter, no "click its bar") in place of its source (in
    place); return how many were replaced."""
    replaced = 0
    for cell in nb.cells:
        kit = cell.get("metadata", {}).get("kit", {})
        text = kit.get(STATIC) if isinstance(kit, dict) else None
        if cell.cell_type == "markdown" and isinstance(text, str) and text.strip():
            cell.source = text.strip()
            replaced += 1
    return replaced


def tag_code_to_fold(nb: nbformat.NotebookNode, only_without_output: bool = False) -> None:
    """Tag every code cell whose code is shown (or, ``only_without_output``, every one that shows
    nothing else: a set-up cell of imports), for :func:`fold_code` (in place)."""
    for cell in nb.cells:
        if only_without_output and cell.get("outputs"):
            continue
        if cell.cell_type == "code" and cell.source.strip():
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if REMOVE_INPUT not in tags and FOLD_CODE not in tags:
                tags.append(FOLD_CODE)


def fold_code(soup: BeautifulSoup, label: str = "Show the code") -> int:
    """Fold the code of the cells tagged :data:`FOLD_CODE` in ``<details>`` (their results stay
    open): a reader with no install reads the results, and may look at the code."""
    return _fold(soup, FOLD_CODE, ".jp-Cell-inputWrapper", "kit-folded-code", label)


#: The tag of a Markdown cell that helps only in JupyterLab (:data:`handouts.answers.LAB_ONLY`).
LAB_ONLY = "lab-only"


def fold_lab_help(soup: BeautifulSoup,
                  label: str = "In JupyterLab: when a cell shows red, and how to start again") -> int:
    """Fold the cells tagged ``lab-only`` (kept in the teacher's and students' copies) in a
    ``<details>``: on a projected page the box takes one line above the lesson, not ten."""
    folded = 0
    for cell in soup.select(f".jp-Cell.celltag_{LAB_ONLY}"):
        body = cell.select_one(".jp-RenderedMarkdown") or cell.select_one(".jp-Cell-inputWrapper")
        if body is None or body.find_parent("details") is not None:
            continue
        _wrap_in_details(soup, body, "kit-lab-help", label)
        folded += 1
    return folded
