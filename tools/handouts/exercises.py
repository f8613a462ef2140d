"""The exercises ("Try it"), on screen and on paper.

By the kit's convention (``/work/coord/classroom/CONVENTIONS.md``, item 1), each exercise is a
Markdown cell tagged ``try-it`` saying, for the screen, what to change and run, followed by its
code cell tagged ``try-it-code``; the Markdown cell carries the exercise as a *paper task* in its
metadata, ``{"kit": {"paper": "<Markdown>"}}``: what to do on paper, with no key and no code.

The builder writes both versions into the page: the screen text in ``div.kit-screen-task``, the
paper task, with a box to write in, in ``div.kit-paper-task``. ``print.css`` prints the paper
task and leaves out the screen text and the code cell; the self-study copy, which can run
nothing, shows the paper task on screen too and drops the code cell; the students' copy shows
on screen the paper task first, then the screen text headed "In JupyterLab" and its code cell
(a class may have the kit installed, or read on a tablet). An exercise without a paper
task (a notebook not yet tagged) keeps its screen text everywhere, as before.

The "Try it" section's introduction ("Some exercises ask you to change a word in a code cell
...") is rewritten where a copy cannot do what it says: in print, and in the students' and
self-study copies (the texts are in ``tools/site/texts.j2``).
"""
from __future__ import annotations

import re

import nbformat

from .copies import Copy

TRY_IT = "try-it"
TRY_IT_CODE = "try-it-code"
#: The builder's tag for an exercise's code cell whose paper task replaces it in print.
REPLACED_IN_PRINT = "kit-replaced-in-print"
#: A "Try it" section heading ("## Try it").
SECTION_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+Try it\s*$", re.MULTILINE)
#: Where one exercise's text starts inside a cell ("**Try it 2: the gap in time.**").
EXERCISE_START = re.compile(r"^\*\*Try it\s+\d", re.MULTILINE)
#: Where an intro or exercise ends: the next heading.
NEXT_HEADING = re.compile(r"^\s{0,3}#{1,6}\s", re.MULTILINE)


def tags(cell: nbformat.NotebookNode) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def paper_task(cell: nbformat.NotebookNode) -> str | None:
    """The exercise's paper task (cell metadata ``kit.paper``), or None."""
    kit = cell.get("metadata", {}).get("kit", {})
    paper = kit.get("paper") if isinstance(kit, dict) else None
    return paper.strip() if isinstance(paper, str) and paper.strip() else None


def split_section_intro(source: str) -> tuple[str, str, str]:
    """A cell that opens the "Try it" section: (heading, introduction, the rest).

    The introduction is the text between the heading and the first exercise ("**Try it 1")
    or the next heading; ("", "", source) when the cell has no "Try it" heading.
    """
    match = SECTION_HEADING.search(source)
    if not match:
        return "", "", source
    after = source[match.end():]
    ends = [m.start() for m in (EXERCISE_START.search(after), NEXT_HEADING.search(after)) if m]
    cut = min(ends) if ends else len(after)
    return source[:match.end()], after[:cut].strip(), after[cut:].strip()


def box(label: str, size: str = "medium") -> str:
    """A writing box (HTML): a full-width ruled area with a small visible label."""
    return (f'<div class="kit-writing-box kit-box-{size}"><span class="kit-box-label">{label}</span></div>')


SCREEN = "kit-screen-task"
PAPER = "kit-paper-task"
#: The paper version of the section's introduction, printed only (the students' copy shows the
#: paper tasks on screen, under its own screen introduction).
PAPER_INTRO = "kit-paper-intro"


def part(source: str, tag: str, base: nbformat.NotebookNode, suffix: str) -> nbformat.NotebookNode:
    """A Markdown cell holding one version (screen or paper) of an exercise's text. (Separate
    cells, not <div> wrappers in one cell: nbconvert parses each raw HTML block on its own
    when it embeds images, which would close an opening <div> at once.)"""
    cell = nbformat.v4.new_markdown_cell(source, metadata={"tags": [tag]})
    cell["id"] = f"{base.get('id', 'cell')}-{suffix}"
    return cell


def in_jupyterlab(screen: str) -> str:
    """An exercise's screen text, headed as the version to do in JupyterLab (the students' copy)."""
    return "*In JupyterLab:* " + re.sub(r"^\s*\*\*Try it[^*]*\*\*\s*", "", screen, count=1)


def exercise_cells(cell: nbformat.NotebookNode, copy: Copy, texts, tagged: bool) -> list[nbformat.NotebookNode]:
    """The cells that stand for one exercise cell (and the section heading it may open)."""
    heading, intro, rest = split_section_intro(cell.source)
    paper = paper_task(cell) if TRY_IT in tags(cell) else None
    out = []
    if heading:
        head = nbformat.v4.new_markdown_cell(heading, metadata={"tags": [t for t in tags(cell) if t != TRY_IT]})
        head["id"] = cell.get("id", "cell")
        out.append(head)
        screen_intro = str(texts.try_it_intro(copy=copy.name, original=intro, tagged=tagged)).strip()
        if tagged and not copy.paper_on_screen:
            out.append(part(screen_intro, SCREEN, cell, "intro"))
            intro_cell = part(str(texts.try_it_paper_intro()).strip(), PAPER, cell, "paper-intro")
            intro_cell.metadata["tags"].append(PAPER_INTRO)  # print only: the screen has its own
            out.append(intro_cell)
        elif screen_intro:
            out.append(part(screen_intro, "kit-intro", cell, "intro"))
    if paper is not None:
        paper_cell = part(paper + "\n\n" + box("Your answer"), PAPER, cell, "paper")
        if copy.name == "students" and rest:
            # On screen the students' copy shows the paper task first (a student reading on a
            # tablet can do it), then the JupyterLab version for a class with the kit installed.
            out.append(paper_cell)
            out.append(part(in_jupyterlab(rest), SCREEN, cell, "screen"))
            return out
        if not copy.paper_on_screen and rest:
            out.append(part(rest, SCREEN, cell, "screen"))
        out.append(paper_cell)
    elif rest:
        if heading:
            out.append(part(rest, "kit-exercise", cell, "text"))
        else:
            return [cell]
    return out


def prepare(nb: nbformat.NotebookNode, copy: Copy, texts) -> int:
    """Rewrite the notebook's exercises for ``copy`` (in place); return how many have a paper task.

    ``texts`` is the module of ``tools/site/texts.j2`` (its macros give the English).
    """
    tagged = any(paper_task(c) for c in nb.cells if c.cell_type == "markdown" and TRY_IT in tags(c))
    with_paper = 0
    keep = []
    replaced = False  # the last exercise had a paper task, which stands in for its code cell in print
    for cell in nb.cells:
        cell_tags = tags(cell)
        if cell.cell_type == "code" and TRY_IT_CODE in cell_tags:
            if replaced:
                if copy.paper_on_screen:
                    continue  # nothing can run here; the paper task stands in its place
                cell.metadata.setdefault("tags", []).append(REPLACED_IN_PRINT)
            keep.append(cell)
            continue
        if cell.cell_type == "markdown" and "model-answer" not in cell_tags:
            paper = paper_task(cell) if TRY_IT in cell_tags else None
            if TRY_IT in cell_tags:
                replaced = paper is not None
            if paper is not None:
                with_paper += 1
            if SECTION_HEADING.search(cell.source) or paper is not None:
                keep.extend(exercise_cells(cell, copy, texts, tagged))
                continue
        keep.append(cell)
    nb.cells = keep
    return with_paper
