#!/usr/bin/env python3
"""Rerun the kit's turn analyses on another transcript.

    .venv/bin/python tools/rerun.py TRANSCRIPT [--speakers FILE] [--style STYLE] [--out DIR] [--notebook NB ...]

What it does, in order:

1. Reads and parses TRANSCRIPT with the kit's parser (and its speaker file: ``--speakers FILE``,
   else ``NAME.speakers.csv`` beside ``NAME.txt`` when there is one; in the style inferred, or
   the one ``--style`` gives: quoted, colon or full-stop). A transcript the kit
   cannot read, or one with no speaker turns, stops here with one line on standard error,
   ``FILE:LINE:COL: error: MESSAGE``, and exit status 2. Nothing is written.
2. Writes the turn table as ``turns.csv`` (UTF-8, spreadsheet-safe, as ``python -m helpers
   export`` writes it) into the output folder, by default ``reruns/<transcript stem>/``.
3. Runs each notebook that analyses turns through papermill with ``TRANSCRIPT`` (and
   ``SPEAKERS``) set to absolute paths (and ``STYLE`` to ``--style``'s value, when given), and writes the executed copy ``NN_name.ipynb`` and a
   self-contained ``NN_name.html`` (images embedded, no scripts fetched from the web) into the
   output folder (the handouts' page template, :func:`handouts.pages.standalone_page`). The
   notebooks that analyse turns are listed in :data:`TURN_NOTEBOOKS` (notebook 02); each needs a
   code cell tagged ``parameters`` that assigns ``TRANSCRIPT`` and ``SPEAKERS`` (and ``STYLE``,
   for ``--style``: notebook 02's does). The committed notebooks are only read.

A notebook that fails on the transcript stops the run with exit status 1 and a line naming the
notebook, the cell and the error; the partly executed copy is kept in the output folder so the
failing cell can be read there.

**A folder of transcripts** (``--corpus DIR --out OUT``): the comparison notebook,
:data:`CORPUS_NOTEBOOK` (``notebooks/templates/compare_corpus.ipynb``, not one of the course's
numbered notebooks), is run through papermill with ``CORPUS`` (and ``SPEAKERS_DIR``, ``STYLE``)
set, and written executed into OUT with its offline HTML page. This is the ``--notebook`` step of
``python -m helpers corpus DIR OUT --notebook`` (which ``make rerun TRANSCRIPTS=DIR`` runs): that
command writes the tables, charts and manifest, and calls this for the notebook.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import TypeVar
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, where the handouts package is

import helpers  # noqa: E402  (installed, editable, by requirements.txt: run with .venv/bin/python)
from helpers.doubts import unused_labels, unused_line  # noqa: E402
from helpers.errors import KitError, OutputError, TranscriptError  # noqa: E402
from helpers.export import to_csv  # noqa: E402
from helpers.parse import STYLES  # noqa: E402
from helpers.speakers import sidecar  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

NOTEBOOKS = ROOT / "notebooks"
#: The notebooks a rerun runs: those that analyse the turns of any record. Notebooks 01, 03 and
#: 04 read the cable itself (its header and slips, topic notes anchored to its turns, a
#: commentary on its words), so a rerun leaves them out. Add a notebook here when it can read
#: any transcript through ``helpers.load(TRANSCRIPT, SPEAKERS)``.
TURN_NOTEBOOKS: tuple[str, ...] = ("02_who_held_the_floor.ipynb",)
#: The notebook a corpus run executes: a template, outside the numbered sequence, never run by
#: nbval (pyproject.toml leaves notebooks/templates/ out of the tests).
CORPUS_NOTEBOOK = NOTEBOOKS / "templates" / "compare_corpus.ipynb"
RERUNS = ROOT / "reruns"
KERNEL = "python3"
#: Seconds a single cell may run: the kit's notebooks take a few seconds in all.
CELL_TIMEOUT = 600
_ASSIGNS_TRANSCRIPT = re.compile(r"^\s*TRANSCRIPT\s*=", re.MULTILINE)
_ASSIGNS_STYLE = re.compile(r"^\s*STYLE\s*=", re.MULTILINE)


def shown(path: Path) -> Path:
    """A path as the user reads it: relative to the kit's folder when inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


class NotebookFailed(RuntimeError):
    """A notebook raised an error while running on the transcript."""


@dataclass
class Rerun:
    """What one rerun wrote."""

    transcript: Path
    out: Path
    turns: int
    csv: Path
    doubts: int = 0
    notebooks: list[Path] = field(default_factory=list)
    html: list[Path] = field(default_factory=list)


def has_transcript_parameter(notebook: Path) -> bool:
    """Whether ``notebook`` has a code cell tagged ``parameters`` that assigns TRANSCRIPT."""
    return _has_parameter(notebook, _ASSIGNS_TRANSCRIPT)


def has_style_parameter(notebook: Path) -> bool:
    """Whether ``notebook``'s ``parameters`` cell assigns STYLE (so ``--style`` can reach it)."""
    return _has_parameter(notebook, _ASSIGNS_STYLE)


def _has_parameter(notebook: Path, assigns: re.Pattern[str]) -> bool:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    return any(cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", [])
               and assigns.search(cell.source) for cell in nb.cells)


def check_notebook(notebook: Path) -> None:
    """Refuse, with a one-line error, a ``--notebook`` that is missing or is not a notebook."""
    import nbformat

    if not notebook.is_file():
        raise KitError("no such notebook", str(notebook))
    try:
        nbformat.read(notebook, as_version=4)
    except Exception as exc:  # nbformat raises many kinds on a malformed file (TypeError, too)
        raise KitError(
            f"this is not a Jupyter notebook that can be read ({type(exc).__name__}); "
            "give an .ipynb file saved by JupyterLab", str(notebook)) from None


def turn_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The kit's notebooks that analyse turns (:data:`TURN_NOTEBOOKS`) that exist in ``folder``."""
    return [folder / name for name in TURN_NOTEBOOKS if (folder / name).is_file()]


def check_style(style: str | None, transcript: str | Path) -> None:
    """Refuse, with a one-line error, a ``--style`` the parser does not know."""
    if style is not None and style not in STYLES:
        raise KitError(f"--style must be one of {', '.join(STYLES)}, not {style!r}", str(transcript))


def check_transcript(transcript: Path, speakers: Path | None,
                     style: str | None = None) -> helpers.Transcript:
    """Parse the transcript as the notebooks will; refuse one with no turns to analyse."""
    check_style(style, transcript)
    parsed = helpers.load(transcript, speakers=speakers, style=style)
    if parsed.turns.empty:
        raise TranscriptError(
            "no speaker turns found, so there is nothing to analyse: no paragraph opens with a "
            "speaker label such as 'Chairman:' or 'PRESIDENT BIDEN:' "
            "(see docs/bring_your_own.md)", str(transcript), 1, 1)
    return parsed


def banner(transcript: Path, speakers: Path | None, notebook: Path) -> str:
    """The note put at the top of a rerun copy, so nobody mistakes it for the cable's."""
    speaker_note = (f"speaker file `{speakers.name}`" if speakers is not None
                    else "its own speaker file, if it has one beside it")
    return (
        f"> **Rerun on `{transcript.name}`.** This is a copy of `notebooks/{notebook.name}` "
        f"run by `tools/rerun.py` on `{transcript.name}` ({speaker_note}). Tables, charts and "
        "the sentences built from computed values describe that transcript. The rest of the "
        "prose was written for Kelly's telegram No. 608 of 19 July 1949 and may not fit it."
    )


def export_html(executed: Path, html: Path) -> None:
    """Write ``executed`` as one HTML page that stands alone: the handouts' template, images
    embedded, nothing fetched from the network (checked)."""
    import nbformat

    from handouts.build import kit_version
    from handouts.pages import standalone_page

    nb = nbformat.read(executed, as_version=4)
    html.write_text(standalone_page(nb, executed, kit_version()), encoding="utf-8")


def run_notebook(notebook: Path, output: Path, transcript: Path, speakers: Path | None,
                 style: str | None = None) -> None:
    """Execute a copy of ``notebook`` on ``transcript`` into ``output`` (the original is only read)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    note = nbformat.v4.new_markdown_cell(banner(transcript, speakers, notebook))
    note.metadata["tags"] = ["rerun-note"]
    nb.cells.insert(0, note)
    parameters: dict[str, str | None] = {
        "TRANSCRIPT": str(transcript), "SPEAKERS": str(speakers) if speakers is not None else None}
    if style is not None:
        parameters["STYLE"] = style
    execute(nb, notebook, output, parameters, transcript.name)


def execute(nb, notebook: Path, output: Path, parameters: dict[str, str | None], on: str) -> None:
    """Run the notebook ``nb`` (read from ``notebook``) through papermill with ``parameters``
    into ``output``; a failing cell is a :class:`NotebookFailed` naming it (``on``: what it ran on)."""
    import tempfile

    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    kernel_log = tempfile.TemporaryFile()
    try:
        papermill.execute_notebook(
            nb, str(output), parameters=parameters, kernel_name=KERNEL, cwd=str(notebook.parent),
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=CELL_TIMEOUT,
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],  # no start-up chatter
            kernel_manager_class=kernel_manager(kernel_log),
        )
    except PapermillExecutionError as exc:
        value = " ".join(str(exc.evalue).split())
        value = value if len(value) <= 200 else value[:199] + "…"
        raise NotebookFailed(
            f"{shown(notebook)}: error: failed on {on} at In [{exc.exec_count}] "
            f"({exc.ename}: {value}); the partly run copy is {shown(output)}") from None
    except (DeadKernelError, CellTimeoutError) as exc:
        value = " ".join(str(exc).split())[:200]
        kernel_log.seek(0)
        said = kernel_log.read().decode("utf-8", "replace").strip().splitlines()
        last = f"; the kernel's last words: {' '.join(said[-1].split())[:200]}" if said else ""
        raise NotebookFailed(
            f"{shown(notebook)}: error: failed on {on}: the kernel stopped or a cell "
            f"ran too long ({type(exc).__name__}: {value}){last}") from None
    finally:
        kernel_log.close()


def kernel_manager(log):
    """Jupyter's kernel manager, its kernels' own standard error written into ``log`` (a file).

    A notebook's errors reach the executed notebook, not this stream; what a kernel process
    writes there itself is start-up chatter or, now and then, a line from ZeroMQ as the kernel
    shuts down after the notebook is done ("Assertion failed: pfd.revents & POLLIN"), which
    would be printed among the rerun's own lines. It is kept in ``log``, and shown with the
    error if the kernel dies during a run."""
    from jupyter_client import AsyncKernelManager

    class KernelStderrToLog(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stderr"] = log
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return KernelStderrToLog


def rerun(transcript: str | Path, speakers: str | Path | None = None, out: str | Path | None = None,
          notebooks: list[Path] | None = None, warn: Callable[[str], object] | None = None,
          style: str | None = None) -> Rerun:
    """Rerun the turn notebooks on ``transcript``; see the module docstring.

    ``warn``, if given, is called with each warning line before the notebooks run. ``style``
    overrides the style inferred for the transcript, in the turn table and in every notebook.
    """
    parsed = check_transcript(Path(transcript), Path(speakers) if speakers is not None else None,
                              style)
    if warn is not None:
        for warning in parsed.warnings:
            warn(f"{transcript}: warning: {warning}")
    unused = unused_labels(parsed)
    if unused and warn is not None:  # ("-" rows, not speakers, count as used if they open a line)
        names = Path(speakers) if speakers is not None else sidecar(transcript)
        warn(f"{names}: warning: {unused_line(unused, parsed.source)}")
    transcript = Path(transcript).resolve()
    speakers = Path(speakers).resolve() if speakers is not None else None
    out = Path(out).resolve() if out is not None else RERUNS / transcript.stem
    if notebooks is None:
        notebooks = turn_notebooks()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder ({exc.strerror or exc})", str(out)) from None
    result = Rerun(transcript, out, len(parsed.turns), out / "turns.csv", len(parsed.doubts))
    to_csv(parsed.turns, result.csv)
    for notebook in notebooks:
        notebook = Path(notebook).resolve()
        if not has_transcript_parameter(notebook):
            raise NotebookFailed(
                f"{shown(notebook)}: error: no code cell tagged 'parameters' sets TRANSCRIPT, so "
                "the notebook would read the cable, not your transcript")
        if style is not None and not has_style_parameter(notebook):
            raise NotebookFailed(
                f"{shown(notebook)}: error: no code cell tagged 'parameters' sets STYLE, so "
                f"the notebook would not read your transcript in the {style} style")
        executed = out / notebook.name
        run_notebook(notebook, executed, transcript, speakers, style)
        html = executed.with_suffix(".html")
        export_html(executed, html)
        result.notebooks.append(executed)
        result.html.append(html)
    return result


def corpus_notebook(folder: str | Path, out: str | Path, speakers_dir: str | Path | None = None,
                    style: str | None = None, notebook: Path = CORPUS_NOTEBOOK) -> tuple[Path, Path]:
    """Execute a copy of the comparison notebook on the folder of transcripts ``folder`` into
    ``out`` (``compare_corpus.ipynb``) and write its offline HTML page beside it; returns both."""
    import nbformat

    check_style(style, folder)
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise KitError("no such folder", str(folder))
    out = Path(out).resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder ({exc.strerror or exc})", str(out)) from None
    nb = nbformat.read(notebook, as_version=4)
    parameters: dict[str, str | None] = {
        "CORPUS": str(folder),
        "SPEAKERS_DIR": str(Path(speakers_dir).resolve()) if speakers_dir is not None else None,
        "STYLE": style}
    executed = out / notebook.name
    execute(nb, notebook, executed, parameters, folder.name + "/")
    html = executed.with_suffix(".html")
    export_html(executed, html)
    return executed, html


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tools/rerun.py",
        description="Run the kit's turn analyses (notebook 02, who held the floor) on another "
                    "speaker-labelled transcript.")
    parser.add_argument("transcript", nargs="?", help="the transcript: a UTF-8 text file")
    parser.add_argument("--corpus", metavar="DIR", help="instead of one transcript, run the "
                        "comparison notebook on this folder of transcripts (the --notebook step of "
                        "python -m helpers corpus; give --out)")
    parser.add_argument("--speakers-dir", metavar="D", help="with --corpus: a folder of speaker "
                        "files (NAME.speakers.csv)")
    parser.add_argument("--speakers", metavar="FILE",
                        help="speaker file (CSV: label,speaker,side); default: TRANSCRIPT's "
                             "NAME.speakers.csv when it exists")
    parser.add_argument("--style", metavar="STYLE",
                        help="read the transcript in this style instead of the one inferred: "
                             "quoted, colon or full-stop (see docs/bring_your_own.md)")
    parser.add_argument("--out", metavar="DIR",
                        help="output folder (default: reruns/<transcript stem>/)")
    parser.add_argument("--notebook", metavar="NB", action="append", type=Path,
                        help="run this notebook instead of the kit's turn notebooks (repeatable)")
    return parser


T = TypeVar("T")


def _one_line(source: str, work: Callable[[], T]) -> T | int:
    """``work()``, or the exit status of its failure, told in one line on standard error: 2 for
    input the kit cannot read (and for a bug of the kit's met on this input: still one line, no
    traceback), 1 for a notebook that failed, 130 for Ctrl+C."""
    try:
        return work()
    except KitError as exc:
        print(exc, file=sys.stderr)
        return 2
    except NotebookFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(KitError.unforeseen(source, exc), file=sys.stderr)
        return 2


def main_corpus(args: argparse.Namespace) -> int:
    """``--corpus DIR --out OUT``: the comparison notebook and its page."""
    def work() -> list[Path]:
        if args.out is None:
            raise KitError("give the output folder: --out DIR", str(args.corpus))
        return corpus_notebook(args.corpus, args.out, args.speakers_dir, args.style)

    paths = _one_line(str(args.corpus), work)
    if isinstance(paths, int):
        return paths
    for path in paths:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return main_corpus(args)
    if args.transcript is None:
        parser.error("give a transcript (or --corpus DIR)")
    def work():
        for nb in args.notebook or []:
            check_notebook(nb)
        return rerun(args.transcript, args.speakers, args.out, args.notebook,
                     warn=lambda line: print(line, file=sys.stderr), style=args.style)

    result = _one_line(str(args.transcript), work)
    if isinstance(result, int):
        return result
    print(f"{result.turns} turns from {args.transcript}", file=sys.stderr)
    print(f"{args.transcript}: " + (
        f"{result.doubts} doubt{'s' if result.doubts != 1 else ''} about the speaker labels: see "
        f"python -m helpers check {args.transcript}" if result.doubts
        else "no doubts about the speaker labels"), file=sys.stderr)
    for path in [result.csv, *result.notebooks, *result.html]:
        print(f"wrote {shown(path)}", file=sys.stderr)
    if not result.notebooks:
        print(f"none of {', '.join(TURN_NOTEBOOKS)} is in notebooks/ yet: wrote the turn table only",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
