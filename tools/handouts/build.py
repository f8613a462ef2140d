"""The build: execute the notebooks (or take their stored outputs), write every page, check
them; and the command line of ``tools/build_site.py``."""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup

from .checks import heading_levels, heading_problems
from .common import ROOT, SiteError, display_path
from .copies import COPIES, Copy, copy_named
from .execute import execute, execution_copy
from .notebooks import NOTEBOOK_NAME, Handout, first_heading, missing_descriptions, notebook_paths, time_line
from .pack import Pack
from .pages import Site


MARKER = ".kit-site"


def empty_output_folder(out: Path) -> None:
    """Empty ``out`` for a new build, but only if it is missing, empty, or an earlier site."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SiteError(
                f"refusing to empty {display_path(out)}: it is not a site made by this builder "
                f"(no {MARKER} file); choose another --out"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Built by tools/build_site.py; the whole folder is rebuilt each time.\n")


def kit_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def build(
    out: Path,
    notebooks: Path = ROOT / "notebooks",
    guide: Path | None = ROOT / "docs" / "teachers_guide.md",
    run: bool = True,
    timeout: int = 120,
    log: Callable[[str], object] = print,
    binder: str | None = None,
    jobs: int = 2,
    worksheet: Path | None = ROOT / "docs" / "worksheet.md",
    students: bool = False,
    sources: Path | None = None,
    copy: Copy | str | None = None,
) -> list[str]:
    """Build the site into ``out`` (emptied first); return the warnings (broken links, headings).

    ``copy`` is "teacher" (the default), "students" or "self-study" (:mod:`handouts.copies`);
    ``students=True`` is the same as ``copy="students"``: no teacher's guide, no model answers.
    ``sources`` defaults to ``docs/sources.md`` beside the notebooks folder, if there is one.

    Raises SiteError, naming the file and cell, for what must not be published.
    """
    notebooks = notebooks.resolve()
    paths = notebook_paths(notebooks)
    if sources is None:
        sources = notebooks.parent / "docs" / "sources.md"
    if not paths:
        log(f"warning: no notebooks NN_*.ipynb in {display_path(notebooks)}; the index lists none")
    empty_output_folder(out)
    if binder is not None and not re.fullmatch(r"[\w.-]+/[\w.-]+", binder):
        raise SiteError(f"--binder wants OWNER/REPO (a GitHub repository), not {binder!r}")
    chosen = copy_named(copy, students)
    site = Site(out, notebooks, guide, kit_version(), binder, worksheet, students, sources, chosen)

    handouts: list[Handout] = []
    with tempfile.TemporaryDirectory(prefix="kit-site-") as tmp:
        if run:
            copy = execution_copy(notebooks, Path(tmp))
            for path in paths:
                log(f"executing {display_path(path)}")
            # Each notebook has its own kernel; a couple at a time keeps the build short.
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                executed = list(pool.map(lambda p: execute(p, copy / p.name, copy, timeout), paths))
        else:
            executed = [nbformat.read(path, as_version=4) for path in paths]
        for path, nb in zip(paths, executed):
            handout = Handout(
                source=path,
                number=NOTEBOOK_NAME.match(path.name).group(1),
                title=first_heading(nb) or path.stem,
                time=time_line(nb),
                page=path.with_suffix(".html").name,
                notebook=nb,
            )
            if handout.time is None:
                site.warnings.append(f"{display_path(path)}: no learner-header line on time needed")
            handouts.append(handout)
            site.pages[path] = handout.page

    problems = [p for h in handouts for p in missing_descriptions(h.source, h.notebook)]
    if problems:
        raise SiteError("\n".join(problems))

    for i, handout in enumerate(handouts):
        previous = handouts[i - 1] if i > 0 else None
        following = handouts[i + 1] if i + 1 < len(handouts) else None
        html = site.notebook_page(handout, previous, following)
        (out / handout.page).write_text(html, "utf-8")
        log(f"wrote {display_path(out / handout.page)}")
    pack = Pack(site, handouts)
    for page in pack.write():
        log(f"wrote {display_path(page)}")
    (out / "index.html").write_text(site.index_page(handouts, pack.written), "utf-8")
    for page in site.write_pending():
        log(f"wrote {display_path(page)}")
    if guide is not None and site.guide is None and chosen.teacher_pages:
        site.warnings.append(f"{display_path(guide)} not found: the site has no teacher's guide")

    for page in sorted(out.glob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for problem in heading_problems([level for level, _ in heading_levels(soup)]):
            site.warnings.append(f"{page.name}: {problem}")
    return site.warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/build_site.py",
        description="Build the kit's handouts: a static HTML site from the notebooks, for the web or for print.")
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help="folder of NN_*.ipynb")
    parser.add_argument("--guide", type=Path, default=ROOT / "docs" / "teachers_guide.md", help="teacher's guide (Markdown)")
    parser.add_argument("--no-execute", action="store_true", help="use the stored outputs instead of executing")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    parser.add_argument("--binder", metavar="OWNER/REPO", help="add 'Run on Binder' links for this GitHub repository")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at the same time (default 2)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (broken links, skipped headings) as errors")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--students", action="store_true",
                       help="the students' copy: leave out the teacher's guide and the model answers")
    which.add_argument("--self-study", action="store_true",
                       help="the self-study copy: no guide, each model answer folded, exercises as paper tasks")
    args = parser.parse_args(argv)
    chosen = COPIES["self-study"] if args.self_study else COPIES["students"] if args.students else COPIES["teacher"]
    try:
        warnings = build(args.out, args.notebooks, args.guide, run=not args.no_execute, timeout=args.timeout,
                         binder=args.binder, jobs=args.jobs, copy=chosen)
    except SiteError as error:
        print(f"build_site: error: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"build_site: warning: {warning}", file=sys.stderr)
    if args.strict and warnings:
        return 1
    print(f"site written to {display_path(args.out)} (open index.html)")
    return 0


