"""Running the notebooks from a fresh kernel, in a throwaway copy of their folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config
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


def local_kernel(sockets: Path) -> Config:
    """The configuration of one local kernel over IPC transport (see :func:`execute`), its
    sockets named by ``sockets`` (a path prefix of its own: kernels run side by side); on a
    system without Unix sockets, the usual TCP on 127.0.0.1."""
    import os

    config = Config()
    if os.name == "posix":
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(sockets)
    return config


def execute(original: Path, path: Path, workdir: Path, timeout: int) -> nbformat.NotebookNode:
    """Run the copy ``path`` of a notebook, in ``workdir``, from a fresh "python3" kernel.

    The kernel is local (a child process of the build), so it talks to the build over IPC
    (Unix sockets in the temporary ``workdir``), not TCP: nothing listens on a network port, and
    ipykernel has no cause to print "Kernel is running over TCP without encryption" for each
    notebook (the build printed it five times, which alarmed a technician).
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        config=local_kernel(workdir / f".kernel-{path.stem[:2]}"),
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


