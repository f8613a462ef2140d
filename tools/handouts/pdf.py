"""The print pack as PDF: each pack page printed by headless Chromium (``Page.printToPDF`` with
``preferCSSPageSize``) in A4 and in US Letter, and read back with pypdf to count its pages and
find near-empty ones."""
from __future__ import annotations

import functools

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .browser import DevTools, find_chromium
from .common import SiteError
from .pack import PackPage

#: Folder name -> the CSS ``@page`` size.
SIZES = {"A4": "A4", "Letter": "letter"}
#: A page with less text than this, and less than a fifth of the fullest page of its file, is
#: "near-empty" (the trial found a page holding one paragraph, 17 % of the sheet).
NEAR_EMPTY_CHARACTERS = 400
NEAR_EMPTY_SHARE = 0.2


@dataclass(frozen=True)
class PdfPage:
    """What one printed page holds: characters of text, and how far down the text goes (0-1)."""

    characters: int
    fill: float


def print_pages(site: Path, out: Path, pages: list[PackPage], sizes: dict[str, str] = SIZES,
                browser: DevTools | None = None) -> dict[tuple[str, str], Path]:
    """Print each page of ``site`` in ``pages`` to ``out/<size>/<name>.pdf``; return the files."""
    own = browser is None
    tmp = None
    if own:
        binary = find_chromium()
        if binary is None:
            raise SiteError("Chromium is not installed: run tools/install_chromium.sh (Debian's chromium package)")
        tmp = tempfile.TemporaryDirectory(prefix="kit-handouts-", ignore_cleanup_errors=True)
        browser = DevTools(binary, Path(tmp.name) / "profile")
    files = {}
    try:
        session = browser.new_page()
        for page in pages:
            browser.load(session, (site / page.page).resolve().as_uri())
            for folder, size in sizes.items():
                target = out / folder / f"{page.name}.pdf"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(browser.print_pdf(session, size))
                files[(page.name, folder)] = target
        browser.send("Target.closeTarget", {"targetId": browser.send("Target.getTargetInfo", session=session)["targetInfo"]["targetId"]})
    finally:
        if own:
            browser.close()
            tmp.cleanup()
    return files


def _key(pdf: Path) -> tuple[str, int, int]:
    stat = Path(pdf).stat()
    return str(pdf), stat.st_mtime_ns, stat.st_size


def read_pages(pdf: Path) -> list[PdfPage]:
    """Each page's amount of text and how far down the page the text reaches (read once per
    file: extracting a PDF's text is the slow part of checking the pack)."""
    return list(_read_pages(*_key(pdf)))


@functools.lru_cache(maxsize=256)
def _read_pages(pdf: str, mtime: int, size: int) -> tuple[PdfPage, ...]:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    pages = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        lowest = [height]
        highest = [0.0]

        def visit(text, cm, tm, font, size, lowest=lowest, highest=highest):
            if text.strip():
                y = tm[5] * cm[3] + cm[5] if cm else tm[5]
                lowest[0] = min(lowest[0], y)
                highest[0] = max(highest[0], y)

        text = page.extract_text(visitor_text=visit) or ""
        chars = len("".join(text.split()))
        fill = 0.0 if not chars else max(0.0, min(1.0, (height - lowest[0]) / height))
        pages.append(PdfPage(chars, round(fill, 3)))
    return tuple(pages)


def page_text(pdf: Path) -> list[str]:
    """Each page's text (read once per file)."""
    return list(_page_text(*_key(pdf)))


@functools.lru_cache(maxsize=256)
def _page_text(pdf: str, mtime: int, size: int) -> tuple[str, ...]:
    from pypdf import PdfReader

    return tuple(page.extract_text() or "" for page in PdfReader(pdf).pages)


def problems(page: PackPage, pdf: Path) -> list[str]:
    """What is wrong with one printed handout: too many or too few pages, a near-empty page,
    an adapted page that does not say so."""
    found = []
    pages = read_pages(pdf)
    name = f"{pdf.parent.name}/{pdf.name}"
    if page.exact_pages is not None and len(pages) != page.exact_pages:
        found.append(f"{name}: {len(pages)} pages, not {page.exact_pages}")
    if page.max_pages is not None and len(pages) > page.max_pages:
        found.append(f"{name}: {len(pages)} pages, more than {page.max_pages}")
    fullest = max((p.characters for p in pages), default=0)
    for number, info in enumerate(pages, start=1):
        if info.characters == 0:
            found.append(f"{name}: page {number} is empty")
        elif len(pages) > 1 and info.characters < NEAR_EMPTY_CHARACTERS and info.characters < NEAR_EMPTY_SHARE * fullest:
            found.append(f"{name}: page {number} is near-empty ({info.characters} characters, text to {info.fill:.0%} of the page)")
    if page.adapted:
        for number, text in enumerate(page_text(pdf), start=1):
            if "adapted" not in text.lower():
                found.append(f"{name}: page {number} does not say it is adapted")
    return found
