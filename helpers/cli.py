"""The command line: ``python -m helpers check|export|metadata|summary SOURCE ...``, and
``python -m helpers corpus DIR OUT`` for a folder of transcripts (:mod:`helpers.corpus`).

Bad input never shows a traceback: the program prints one line (``SOURCE:LINE:COL: error:
MESSAGE`` for a transcript; see :mod:`helpers.errors`) on standard error and exits with status 2.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from .doubts import check_report, doubt_line, unused_labels, unused_line
from .errors import KitError, OutputError
from .export import WRITERS, write
from .measures import SUMMARY_COLUMNS, per_speaker
from .parse import STYLES
from .speakers import sidecar
from .transcript import Transcript, load

__all__ = ["build_parser", "main"]


def _style(args: argparse.Namespace) -> str | None:
    """``--style``, checked here so that a bad value is one line like every other error."""
    if args.style is not None and args.style not in STYLES:
        raise KitError(f"--style must be one of {', '.join(STYLES)}, not {args.style!r}", str(args.source))
    return args.style


def _warn_unused(args: argparse.Namespace, transcript: Transcript) -> None:
    labels = unused_labels(transcript)
    if labels:  # a label of the speaker file that matches nothing: a fix that does nothing
        names = args.speakers or sidecar(args.source)
        print(f"{names}: warning: {unused_line(labels)}", file=sys.stderr)


def _load(args: argparse.Namespace, unused: bool = True) -> Transcript:
    transcript = load(args.source, speakers=args.speakers, style=_style(args))
    for warning in transcript.warnings:
        print(f"{args.source}: warning: {warning}", file=sys.stderr)
    if unused:
        _warn_unused(args, transcript)
    return transcript


def cmd_export_to(args: argparse.Namespace) -> int:
    """``export --to FORMAT``: any format of :data:`helpers.formats.FORMATS`."""
    from . import formats

    options: dict[str, Any] = {"blocks": True} if args.blocks and args.to in ("csv", "json") else {}
    style = _style(args)
    try:
        transcript, written = formats.export(
            args.source, args.out, args.to, speakers=args.speakers,
            annotations=args.annotations, topics=args.topics, style=style, **options)
    except KitError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output ({exc.strerror or exc})", str(args.out)) from None
    except ValueError as exc:  # notes that do not fit the record, a format that needs notes
        raise KitError(str(exc), str(args.source)) from None
    for warning in transcript.warnings:
        print(f"{args.source}: warning: {warning}", file=sys.stderr)
    _warn_unused(args, transcript)
    print(f"wrote {len(transcript.turns)} turns as {args.to} to {args.out} "
          f"({len(written)} file{'s' if len(written) != 1 else ''})", file=sys.stderr)
    print(f"{args.source}: {doubt_line(transcript, args.source)}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    transcript = _load(args, unused=False)  # the report says it
    print(check_report(transcript))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.to:
        return cmd_export_to(args)
    out = Path(args.out)
    if out.suffix.lower() not in WRITERS:  # said before the transcript is read
        raise OutputError("the output name must end in .csv or .json", str(out))
    transcript = _load(args)
    frame = transcript.blocks if args.blocks else transcript.turns
    write(frame, out)
    what = "blocks" if args.blocks else "turns"
    print(f"wrote {len(frame)} {what} to {out}", file=sys.stderr)
    print(f"{args.source}: {doubt_line(transcript, args.source)}", file=sys.stderr)
    return 0


def cmd_metadata(args: argparse.Namespace) -> int:
    transcript = _load(args)
    print(json.dumps(transcript.metadata.as_dict(), ensure_ascii=False, indent=2))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    transcript = _load(args)
    table = per_speaker(transcript.turns)[SUMMARY_COLUMNS]
    if table.empty:
        print("no speaker turns")
        print(_first_up(doubt_line(transcript, args.source)))
        return 0
    printable = table.rename(columns={
        "share_of_turns": "% of turns", "share_of_words": "% of words",
        "mean_words_per_turn": "words per turn"})
    print(printable.to_string())
    total_turns, total_words = int(table["turns"].sum()), int(table["words"].sum())
    print(f"\n{total_turns} turns, {total_words} words. A word is a whitespace-separated token "
          "of the spoken text that contains a letter or digit.")
    print(_first_up(doubt_line(transcript, args.source)))
    return 0


def _shown_command(*parts: object) -> str:
    return " ".join(shlex.quote(str(p)) for p in parts)


def _check_command(record, style: str | None) -> str:
    """The ``check`` command for one document, with the speaker file and style it was read with."""
    parts: list[object] = ["python", "-m", "helpers", "check", record.path]
    if record.speakers_file and Path(record.speakers_file) != sidecar(record.path):
        parts += ["--speakers", record.speakers_file]
    if style:
        parts += ["--style", style]
    return _shown_command(*parts)


#: Documents with doubts listed one by one after a corpus run; the rest are counted.
_DOUBTFUL_SHOWN = 10
#: Where ``--notebook`` finds the kit's notebook runner: beside the package, in a kit checkout.
_RERUN = Path(__file__).resolve().parents[1] / "tools" / "rerun.py"


def _notebook_step(args: argparse.Namespace, out: Path) -> tuple[int, list[Path]]:
    """``--notebook``: the comparison notebook, executed, and its HTML page, by the kit's
    ``tools/rerun.py`` (which runs notebooks; the library does not)."""
    if not _RERUN.is_file():
        raise KitError("--notebook needs the kit's tools/rerun.py beside the helpers package "
                       "(a copy of the kit set up with make setup)", str(args.source))
    command = [sys.executable, str(_RERUN), "--corpus", str(args.source), "--out", str(out)]
    if args.speakers_dir:
        command += ["--speakers-dir", str(args.speakers_dir)]
    if args.style:
        command += ["--style", args.style]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    for line in done.stderr.splitlines():
        if not line.startswith("wrote "):
            print(line, file=sys.stderr)
    written = [Path(line.removeprefix("wrote ")) for line in done.stderr.splitlines()
               if line.startswith("wrote ")]
    return done.returncode, [p if p.is_absolute() else _RERUN.parents[1] / p for p in written]


def cmd_corpus(args: argparse.Namespace) -> int:
    """``corpus DIR OUT``: every transcript of DIR read, compared, and written into OUT."""
    from . import corpus

    style = _style(args)
    if args.jobs is not None and args.jobs < 1:
        raise KitError(f"--jobs must be 1 or more, not {args.jobs}", str(args.source))
    out = Path(args.out)

    def report(record: corpus.Record) -> None:
        if not record.ok:
            print(record.error, file=sys.stderr)
            return
        for warning in record.warnings:
            print(f"{record.path}: warning: {warning}", file=sys.stderr)
        if record.unused:
            print(f"{record.speakers_file}: warning: {unused_line(record.unused)}", file=sys.stderr)

    try:
        run = corpus.read_corpus(args.source, speakers_dir=args.speakers_dir, style=style,
                                 jobs=args.jobs, to=args.to or (), exports=out / "exports",
                                 report=report, lines=True)
    except ValueError as exc:
        raise KitError(str(exc), str(args.source)) from None
    if not run.records:
        raise KitError("no transcripts here: the folder has no .txt file", str(args.source))
    written = corpus.write_corpus(run, out)
    exports = [Path(p) for r in run.read for p in r.exports]
    status = 2 if run.failed else 0
    notebook: list[Path] = []
    if args.notebook and run.read:
        code, notebook = _notebook_step(args, out)
        status = status or (1 if code else 0)
    corpus.write_manifest(run, out, [*written, *exports, *notebook],
                          {"out": str(args.out), "notebook": bool(args.notebook)})
    turns = sum(len(r.turns) for r in run.read)
    print(f"read {len(run.read)} of {len(run.records)} transcript{'s' if len(run.records) != 1 else ''} "
          f"in {args.source} ({turns} turn{'s' if turns != 1 else ''})"
          + (f"; {len(run.failed)} could not be read (above)" if run.failed else ""), file=sys.stderr)
    doubtful = run.doubtful()
    if doubtful:
        n = sum(len(r.doubts) for r in doubtful)
        print(f"{len(doubtful)} document{'s have' if len(doubtful) != 1 else ' has'} doubts about "
              f"the speaker labels ({n} in all, column doubts of documents.csv): run check on "
              f"{'each' if len(doubtful) != 1 else 'it'}:", file=sys.stderr)
        for record in doubtful[:_DOUBTFUL_SHOWN]:
            print(f"  {_check_command(record, style)}   "
                  f"({len(record.doubts)} doubt{'s' if len(record.doubts) != 1 else ''})", file=sys.stderr)
        if len(doubtful) > _DOUBTFUL_SHOWN:
            print(f"  ... and {len(doubtful) - _DOUBTFUL_SHOWN} more", file=sys.stderr)
    else:
        print("no doubts about the speaker labels", file=sys.stderr)
    names = [p.name for p in written] + (["exports/"] if exports else []) + [p.name for p in notebook]
    print(f"wrote {', '.join(names)}, manifest.json and ro-crate-metadata.json into {out}",
          file=sys.stderr)
    return status


def _format_names() -> list[str]:
    from .formats import FORMATS

    return list(FORMATS)


def _first_up(line: str) -> str:
    return line[:1].upper() + line[1:]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Parse a speaker-labelled transcript (a cable, a memorandum of "
                    "conversation, a press conference) into turns, and export, describe or "
                    "summarise it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("source", help="the transcript: a UTF-8 text file")
        p.add_argument("--speakers", metavar="FILE",
                       help="speaker file mapping labels to speakers (CSV: label,speaker,side); "
                            "default: SOURCE's NAME.speakers.csv when it exists. Its labels are "
                            "read wherever they open a paragraph")
        p.add_argument("--style", metavar="STYLE",
                       help="read the record in this style instead of the one inferred: quoted "
                            "(labels followed by quotation marks), colon (labels closed by a "
                            "colon) or full-stop (labels closed by a full stop)")
        return p

    export = add("export", "write the turns (or, with --blocks, every block) to a .csv or .json file")
    export.add_argument("out", help="output file; its suffix (.csv or .json) picks the format")
    export.add_argument("--blocks", action="store_true", help="write every block instead of the turns")
    export.add_argument("--to", choices=sorted(_format_names()), metavar="FORMAT",
                        help="export format: " + ", ".join(_format_names()) + " (docs/formats.md); "
                             "without it, OUT's suffix picks .csv or .json")
    export.add_argument("--annotations", metavar="FILE", help="topic notes for --to webanno "
                        "(CSV: note_id,turn,anchor,topic,note,source,glossary)")
    export.add_argument("--topics", metavar="FILE", help="topic list for --to webanno (CSV: topic,label)")
    export.set_defaults(run=cmd_export)
    add("metadata", "print the header's fields (dates and times in ISO 8601) as JSON"
        ).set_defaults(run=cmd_metadata)
    add("summary", "print turns, words and shares of words per speaker").set_defaults(run=cmd_summary)
    add("check", "print how the record was read: its style and why, each speaker's labels and "
                 "turns, and every doubt about a label with a suggested fix").set_defaults(run=cmd_check)
    help_text = ("read every transcript (*.txt) of a folder by the same rules, in parallel, and "
                 "write the turns, per-document and per-speaker tables, comparative charts, a "
                 "manifest and an RO-Crate into OUT (docs/bring_your_own.md, \"Many transcripts\")")
    corpus = sub.add_parser("corpus", help=help_text, description=help_text)
    corpus.add_argument("source", metavar="DIR", help="the folder of transcripts (UTF-8 .txt files), "
                        "each with its NAME.speakers.csv beside it if it has one")
    corpus.add_argument("out", metavar="OUT", help="the folder to write into (created if need be)")
    corpus.add_argument("--speakers-dir", metavar="D", help="a folder of speaker files "
                        "(NAME.speakers.csv): one there is used instead of the one beside NAME.txt")
    corpus.add_argument("--style", metavar="STYLE", help="read every transcript in this style "
                        "(quoted, colon or full-stop) instead of each in the one inferred")
    corpus.add_argument("--jobs", metavar="N", type=int, help="worker processes (default: one "
                        "per core; 1 reads in one process)")
    corpus.add_argument("--to", metavar="FORMAT", action="append",
                        choices=["csv", "json", "tei", "tei-u", "convokit", "tsv"],
                        help="also export each document in this format into OUT/exports/FORMAT/ "
                             "(repeatable): csv, json, tei, tei-u, convokit, tsv (docs/formats.md)")
    corpus.add_argument("--notebook", action="store_true", help="also write the comparison "
                        "notebook, executed, and its offline HTML page (needs the kit's tools/)")
    corpus.set_defaults(run=cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KitError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of the kit's, met on this input: still one line, no traceback
        print(KitError.unforeseen(args.source, exc), file=sys.stderr)
        return 2
