"""Running the notebooks from a fresh kernel, in a throwaway copy of their folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .common import SiteError, display_path


def execution_copy(folder: Path, workdir: Path) -> Path:
    """A throwaway copy of ``folder`` to execute in, with its siblings linked beside it.

    Relative paths such as ``../data/people.csv`` keep working from the copy, and nothing a
    kernel writes next to its notebook lands in the committed notebooks folder.
    """
    parent = folder.resolve().parent
    for entry in parent.iterdir():
        if entry.name in {folder.name, ".git"}:
            continue
        (workdir / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    copy = workdir / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return copy


def execute(original: Path, path: Path, workdir: Path, timeout: int) -> nbformat.NotebookNode:
    """Run the copy ``path`` of a notebook, in ``workdir``, from a fresh "python3" kernel."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise SiteError(f"{display_path(original)}: a cell failed while executing\n{error}") from error
    nbformat.write(nb, path)  # the executed copy, inside the temporary folder
    return nb


