"""Start a notebook again: put it back exactly as the kit made it, whatever was changed in it.

JupyterLab saves a notebook by itself every two minutes, so *Restart Kernel and Run All Cells*
runs the student's edited cells again, and the file on disk is the edited one. This module puts
the kit's own copy back:

- from git, when the kit is a git clone (``git show HEAD:notebooks/NAME``): the notebook as
  committed, which is what the kit's tests check;
- else from the copy that ``make setup`` keeps in ``.venv/kit-notebooks/`` (a download without
  git), made before anything was opened.

From a terminal, ``make reset-notebooks`` (every notebook) or ``make reset-notebooks NB=02``;
from a notebook cell, ``exercise.reset("02")``. The notebook open in JupyterLab still holds the
edited version until it is reloaded: *File > Reload Notebook from Disk* (:data:`RELOAD`).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import KitError
from . import paths

__all__ = ["PRISTINE", "RELOAD", "notebook_path", "original", "reset", "reset_message"]

#: Where ``make setup`` keeps a copy of the notebooks as the kit made them (for a kit without git).
PRISTINE: Path = paths.ROOT / ".venv" / "kit-notebooks"
#: What to do in JupyterLab after a reset, so that the open notebook shows the file on disk.
RELOAD = ("In JupyterLab, choose **File > Reload Notebook from Disk** now (if JupyterLab says "
          "\"File Changed\", choose **Revert**): the notebook then shows the kit's version.")


def notebook_path(notebook: str) -> Path:
    """The notebook ``notebook`` ("02", "2" or "02_who_held_the_floor.ipynb")."""
    name = str(notebook).strip()
    number = name.zfill(2) if name.isdigit() else name[:2]
    found = sorted(paths.NOTEBOOKS.glob(f"{number}_*.ipynb"))
    if not number.isdigit() or len(found) != 1:
        known = ", ".join(p.name[:2] for p in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
        raise KitError(f"there is no notebook {notebook!r}: the notebooks are {known}",
                       str(paths.NOTEBOOKS))
    return found[0]


def original(path: Path) -> bytes:
    """The kit's own copy of the notebook at ``path``: from git, else from :data:`PRISTINE`."""
    relative = path.resolve().relative_to(paths.ROOT).as_posix()
    try:
        shown = subprocess.run(["git", "-C", str(paths.ROOT), "show", f"HEAD:{relative}"],
                               capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        shown = None
    if shown is not None and shown.returncode == 0 and shown.stdout:
        return shown.stdout
    kept = PRISTINE / path.name
    if kept.is_file():
        return kept.read_bytes()
    raise KitError("the kit's own copy of this notebook is not here (no git, and no copy made by "
                   "`make setup`): download the kit again, or ask your teacher for the notebook",
                   str(path))


def reset(notebook: str) -> Path:
    """Write the kit's own copy over notebook ``notebook``; return its path."""
    path = notebook_path(notebook)
    path.write_bytes(original(path))
    return path


def reset_message(notebook: str) -> str:
    """:func:`reset`, and what it did and what to do next, as Markdown. A notebook that does not
    exist is a student's slip: one plain sentence (:class:`helpers.course.plain.Slip`), not the
    path of the notebooks folder."""
    from . import plain

    try:
        notebook_path(notebook)
    except KitError:
        known = ", ".join(f'"{p.name[:2]}"' for p in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
        raise plain.Slip(f"There is no notebook “{notebook}”: write its number in quotation marks, "
                         f"one of {known}.") from None
    path = reset(notebook)
    return f"**{path.name}** is back as the kit made it. {RELOAD}"


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.course.reset [NN ...]``: reset those notebooks (all when none given)."""
    args = sys.argv[1:] if argv is None else argv
    names = args or [p.name for p in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))]
    try:
        for name in names:
            print(f"reset {reset(name).relative_to(paths.ROOT)}")
    except KitError as error:
        print(error, file=sys.stderr)
        return 2
    print("If a notebook is open in JupyterLab: File > Reload Notebook from Disk.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
