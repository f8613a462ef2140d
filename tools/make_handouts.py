"""Write the print pack: print-ready PDFs of the pack's pages, in A4 and in US Letter.

    .venv/bin/python tools/make_handouts.py [--out handouts] [--execute] [--size A4|Letter] [--keep-site DIR]

It builds the teacher's copy of the handouts site (from the notebooks' stored outputs, which
the tests keep identical to a fresh run; ``--execute`` runs them), then prints each pack page
with headless Chromium into ``handouts/A4/`` and ``handouts/Letter/``:

- ``cable.pdf``: the cable alone, with turn and line numbers (at most 3 pages);
- ``context.pdf``: 1949 in brief, a context sheet for students (1 page);
- ``worksheet_print.pdf``: the worksheet with full-width writing boxes (2 pages), and
  ``corroboration_grid.pdf``: its section 5, for lesson plan C (1 page);
- ``word_card.pdf`` and ``adapted_cable.pdf``: for weaker readers and learners of English;
- ``block_A.pdf`` ... ``block_E.pdf``: one extract per group block (``tools/handouts/data/blocks.csv``);
- ``plan_a.pdf``: lesson plan A on one page; ``answer_key.pdf``: the answer key, for the teacher.

Each file is checked (its number of pages, no near-empty page) and the results are listed in
``handouts/README.txt``; with ``--strict`` a problem fails the run.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, where the handouts package is

from handouts import build, pdf  # noqa: E402
from handouts.common import ROOT, SiteError, display_path  # noqa: E402
from handouts.pack import pack_pages  # noqa: E402

MARKER = ".kit-handouts"


def make(out: Path, execute: bool = False, sizes: dict[str, str] = pdf.SIZES, log=print,
         site: Path | None = None) -> list[str]:
    """Build the pack into ``out``; return the problems found (an empty list when all is well)."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SiteError(f"refusing to empty {display_path(out)}: it was not made by tools/make_handouts.py")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Made by tools/make_handouts.py; the whole folder is rebuilt each time.\n")
    with tempfile.TemporaryDirectory(prefix="kit-pack-site-") as tmp:
        folder = site or Path(tmp) / "site"
        warnings = build.build(folder, run=execute, log=lambda *_: None)
        for warning in warnings:
            log(f"warning: {warning}")
        pages = [p for p in pack_pages() if (folder / p.page).exists()]
        files = pdf.print_pages(folder, out, pages, sizes)
    found: list[str] = []
    lines = ["The print pack of the Kelly-Stalin study kit (made by tools/make_handouts.py).",
             "Each file says who it is for: every student, each group (the block extracts, handed out",
             "by the teacher during the lesson), or the teacher alone (keep those away from students).", ""]
    for page in pages:
        counts = []
        for size in sizes:
            path = files[(page.name, size)]
            counts.append(f"{size} {len(pdf.read_pages(path))}")
            found += pdf.problems(page, path)
        lines.append(readme_line(page, counts))
        log(lines[-1])
    lines += ["", "Problems: " + ("; ".join(found) if found else "none")]
    (out / "README.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return found


def readme_line(page, counts: list[str]) -> str:
    """One file of the pack in README.txt: its title, pages, and who it is handed out to (its
    ``purpose``: "one per student", "for the group with block A: its extract, ...", "for the
    teacher"), so that no label reads as "not for students" on a page the groups receive."""
    return f"{page.name}.pdf: {page.title} ({', '.join(counts)} pages): {page.purpose}."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/make_handouts.py", description="Write the print pack (PDF, A4 and US Letter).")
    parser.add_argument("--out", type=Path, default=ROOT / "handouts", help="output folder (default: handouts/)")
    parser.add_argument("--execute", action="store_true", help="run the notebooks instead of using their stored outputs")
    parser.add_argument("--size", choices=sorted(pdf.SIZES), action="append", help="only this paper size (repeatable)")
    parser.add_argument("--keep-site", type=Path, help="build the pack's site pages into this folder and keep them")
    parser.add_argument("--strict", action="store_true", help="fail if a handout breaks its page limit or has a near-empty page")
    args = parser.parse_args(argv)
    sizes = {s: pdf.SIZES[s] for s in args.size} if args.size else pdf.SIZES
    try:
        found = make(args.out, args.execute, sizes, site=args.keep_site)
    except SiteError as error:
        print(f"make_handouts: error: {error}", file=sys.stderr)
        return 1
    for problem in found:
        print(f"make_handouts: problem: {problem}", file=sys.stderr)
    print(f"print pack written to {display_path(args.out)} (see README.txt there)")
    return 1 if (found and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
