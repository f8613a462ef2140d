"""The command line: ``python -m helpers check|export|metadata|summary SOURCE ...``.

Bad input never shows a traceback: the program prints one line,
``SOURCE:LINE:COL: error: MESSAGE``, on standard error and exits with status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .counting import speaker_summary
from .doubts import check_report, doubt_line, unused_labels, unused_line
from .errors import TranscriptError
from .export import WRITERS
from .parse import STYLES
from .speakers import sidecar
from .transcript import Transcript, read_transcript


def _load(args: argparse.Namespace, unused: bool = True) -> Transcript:
    transcript = read_transcript(args.source, aliases=args.speakers, style=args.style)
    for warning in transcript.warnings:
        print(f"{args.source}: warning: {warning}", file=sys.stderr)
    labels = unused_labels(transcript) if unused else []
    if labels:  # a label of the speaker file that matches nothing: a fix that does nothing
        names = args.speakers or sidecar(args.source)
        print(f"{names}: warning: {unused_line(labels)}", file=sys.stderr)
    return transcript


def cmd_check(args: argparse.Namespace) -> int:
    transcript = _load(args, unused=False)  # the report says it
    print(check_report(transcript))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        raise TranscriptError("the output name must end in .csv or .json", str(out), 1, 1)
    transcript = _load(args)
    frame = transcript.blocks if args.blocks else transcript.turns
    try:
        writer(frame, out)
    except OSError as exc:
        raise TranscriptError(f"cannot write the file ({exc.strerror or exc})", str(out), 1, 1) from None
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
    table = speaker_summary(transcript.turns)
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


def _first_up(line: str) -> str:
    return line[:1].upper() + line[1:]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Parse a speaker-labelled transcript (such as the Kelly-Stalin cable) "
                    "into turns, and export, describe or summarise it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("source", help="the transcript: a UTF-8 text file")
        p.add_argument("--speakers", metavar="FILE",
                       help="speaker file mapping labels to speakers (CSV: label,speaker,side); "
                            "default: SOURCE's NAME.speakers.csv when it exists. Its labels are "
                            "read wherever they open a paragraph")
        p.add_argument("--style", choices=STYLES,
                       help="read the record in this style instead of the one inferred: quoted "
                            "(labels followed by quotation marks), colon (labels closed by a "
                            "colon) or full-stop (labels closed by a full stop)")
        return p

    export = add("export", "write the turns (or, with --blocks, every block) to a .csv or .json file")
    export.add_argument("out", help="output file; its suffix (.csv or .json) picks the format")
    export.add_argument("--blocks", action="store_true", help="write every block instead of the turns")
    export.set_defaults(run=cmd_export)
    add("metadata", "print the telegram's header fields and the meeting's date as JSON").set_defaults(run=cmd_metadata)
    add("summary", "print turns, words and shares of words per speaker").set_defaults(run=cmd_summary)
    add("check", "print how the record was read: its style and why, each speaker's labels and "
                 "turns, and every doubt about a label with a suggested fix").set_defaults(run=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except TranscriptError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of the kit's, met on this input: still one line, no traceback
        print(TranscriptError.unforeseen(args.source, exc), file=sys.stderr)
        return 2
