"""Where the kit and the site's templates are, and the one error of the builder."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The templates and style sheets of the pages.
ASSETS = ROOT / "tools" / "site"
GUIDE_PAGE = "teachers_guide.html"
WORKSHEET_PAGE = "worksheet.html"
SOURCES_PAGE = "sources.html"


class SiteError(Exception):
    """The site cannot be built as asked; the message names the file (and cell) at fault."""


def display_path(path: Path) -> str:
    """A path as a person reads it: relative to the kit's folder when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def stop_process_group(process, timeout: float = 10) -> None:
    """Stop ``process`` (started with ``start_new_session=True``): terminate it, kill it if it
    has not gone after ``timeout`` seconds, then signal the rest of its session (the helpers a
    browser forks, the kernels a JupyterLab starts)."""
    import os
    import subprocess

    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    try:
        os.killpg(process.pid, 15)
    except (ProcessLookupError, PermissionError):
        pass
