"""The three copies of the handouts, and who each is for.

- the **teacher's copy** (``make site`` into ``site/``): the teacher's guide, every model answer
  shown (left out of the print unless asked for), the answer checks kept as code, and the
  teacher's print pages (lesson plan A, the group extracts, the answer key);
- the **students' copy** (``make site-students``): no guide, no model answers, no answer checks;
- the **self-study copy** (``make site-self-study``), for a student working alone without an
  install: no guide, each model answer folded in a ``<details>`` (one click, no script), no
  answer checks (they cannot run on a static page), every exercise written as a task on
  paper, and nothing that speaks of JupyterLab: the cells tagged ``lab-only`` (the "When a cell
  shows red" and "Start again" box) left out, a Markdown cell's ``kit.static`` text (its
  metadata) in place of its JupyterLab wording, and the code of the code cells folded under
  "Show the code".

The students' copy shows each exercise on screen as its paper task too (a student reading on a
tablet can do it), with the JupyterLab version under it for a class that has the kit installed.

All three are static: no page runs code, so no copy may promise that it does.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Copy:
    """What one copy of the handouts keeps and leaves out."""

    #: "teacher", "students" or "self-study"
    name: str
    #: the default output folder
    folder: str
    #: the teacher's guide, and the teacher's print pages (plan A, extracts, answer key)
    teacher_pages: bool
    #: "shown" (teacher), "removed" (students) or "folded" (self-study)
    answers: str
    #: answer-check cells kept as code (only where a teacher reads them)
    answer_checks: bool
    #: exercises shown on screen as paper tasks (the code cell left out), not only in print
    paper_on_screen: bool
    #: what the index page calls this copy
    label: str
    #: JupyterLab's help kept (the ``lab-only`` cells, the notebooks' own wording); False for a
    #: reader with no install, who gets each cell's ``kit.static`` text and the code folded
    lab_help: bool = True


TEACHER = Copy("teacher", "site", True, "shown", True, False, "the teacher's copy")
STUDENTS = Copy("students", "site-students", False, "removed", False, False, "the students' copy")
SELF_STUDY = Copy("self-study", "site-self-study", False, "folded", False, True, "the self-study copy", lab_help=False)

COPIES = {c.name: c for c in (TEACHER, STUDENTS, SELF_STUDY)}


def copy_named(name: str | Copy | None, students: bool = False) -> Copy:
    """The copy called ``name``; ``None`` is the teacher's, or the students' if ``students``."""
    if isinstance(name, Copy):
        return name
    if name is None:
        return STUDENTS if students else TEACHER
    try:
        return COPIES[name]
    except KeyError:
        raise ValueError(f"no copy called {name!r}: use one of {', '.join(COPIES)}") from None
