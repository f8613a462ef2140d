"""The print pack's pages: the cable alone, one extract per group block, the worksheet, lesson
plan A, the student context sheet, the word card, the adapted reading version and the answer key.

Each is a page of the site (so a teacher can also print it from the browser), written by the
build beside the notebook pages; ``tools/make_handouts.py`` prints them to PDF in A4 and US
Letter (:mod:`handouts.pdf`). What goes on each page is chosen, never written here:

- the cable and the extracts are cells of the notebooks, chosen by cell id (the cable: notebook
  01's numbered opening lines and its turn-by-turn text; the blocks: ``data/blocks.csv``, notebook
  04's turns and commentary);
- the worksheet, plan A and the answer key are sections of ``docs/worksheet.md`` and
  ``docs/teachers_guide.md``;
- the context sheet takes every fact from ``data/events.csv``, ``data/people.csv`` and
  ``data/glossary.csv`` (rows chosen in ``data/context.csv``), each cited;
- the word card and the adapted version take the cable's own text and glosses from
  ``data/glossary.csv`` and ``data/word_card.csv`` (plain meanings of words).

A page of the pack says which copy of the site it belongs to: the teacher's pages (plan A, the
extracts, the answer key) are in the teacher's copy only.
"""
from __future__ import annotations

import copy as copying
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from markupsafe import Markup

from .checks import check_page
from .common import SiteError, display_path
from .notebooks import Handout

DATA = Path(__file__).resolve().parent / "data"
#: Notebook 01's cells that make the cable handout: the numbered opening lines, the turn-by-turn text.
CABLE_CELLS = ("nb01-05", "nb01-22")


@dataclass(frozen=True)
class PackPage:
    """One handout of the pack: its file name, title, who gets it, and how many pages it may take."""

    name: str
    title: str
    teacher_only: bool = False
    #: the most pages it may print to (both paper sizes), and the exact number if it is fixed
    max_pages: int | None = None
    exact_pages: int | None = None
    #: an adapted text: every printed page must say so
    adapted: bool = False
    #: what the print pack's index says it is for
    purpose: str = ""
    #: what the students' and self-study copies' index says (no teacher's wording), if not ``purpose``
    reader_purpose: str = ""

    @property
    def page(self) -> str:
        return f"{self.name}.html"


@dataclass(frozen=True)
class Block:
    """A group block of lesson plan A (``data/blocks.csv``)."""

    block: str
    title: str
    lines: tuple[int, int] | None
    cells: tuple[str, ...]
    note: str

    @property
    def page(self) -> PackPage:
        return PackPage(f"block_{self.block}", f"Block {self.block}: {self.title}", teacher_only=True, max_pages=4,
                        purpose=f"for the group with block {self.block}: its extract, handed out after the group has filled its grid",
                        reader_purpose=f"block {self.block} of the cable with notebook 04's commentary on it")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_blocks(path: Path = DATA / "blocks.csv") -> list[Block]:
    """The group blocks: block letter, title, the lines of a turn it keeps (or all), cell ids."""
    blocks = []
    for row in read_csv(path):
        lines = None
        if row.get("lines"):
            first, _, last = row["lines"].partition("-")
            lines = (int(first), int(last or first))
        blocks.append(Block(row["block"], row["title"], lines, tuple(row["cells"].split()), row.get("note", "")))
    return blocks


def pack_pages(blocks: list[Block] | None = None) -> list[PackPage]:
    """Every page of the print pack, in the order of the pack's index."""
    blocks = load_blocks() if blocks is None else blocks
    return [
        PackPage("cable", "The cable: telegram No. 608, with turn and line numbers", max_pages=3,
                 purpose="one per student: the source itself",
                 reader_purpose="the source itself, to read and cite"),
        PackPage("context", "1949 in brief: a context sheet", exact_pages=1,
                 purpose="one per student, before reading",
                 reader_purpose="read it before the cable"),
        PackPage("worksheet_print", "Student worksheet", exact_pages=2,
                 purpose="one per student: the grid, the report back and the exit ticket",
                 reader_purpose="the grid, the report back and the exit ticket, to fill in"),
        PackPage("corroboration_grid", "Worksheet, section 5: two accounts of one conversation", exact_pages=1,
                 purpose="lesson plan C: one per pair",
                 reader_purpose="Kelly's record and Kirk's account side by side, with notebook 05"),
        PackPage("word_card", "Word card and sentence starters", exact_pages=1,
                 purpose="for weaker readers and learners of English"),
        PackPage("adapted_cable", "The cable, adapted: hard words glossed", max_pages=5, adapted=True,
                 purpose="for weaker readers and learners of English: the same words, glossed; never quote or count from it"),
        *[b.page for b in blocks],
        PackPage("plan_a", "Lesson plan A: one 50-minute class", teacher_only=True, exact_pages=1,
                 purpose="for the teacher alone"),
        PackPage("answer_key", "Answer key", teacher_only=True,
                 purpose="for the teacher alone: the answers to every exercise and the exit ticket's success criteria"),
    ]


# ------------------------------------------------------------------------------------------------
# Pieces of the kit's Markdown documents


def section(markdown: str, heading: str, level: int = 2) -> str:
    """The section of ``markdown`` under the heading that starts with ``heading`` (its own
    heading line included), up to the next heading of the same level or higher."""
    pattern = re.compile(rf"^(#{{1,{level}}})\s+{re.escape(heading)}.*$", re.MULTILINE)
    match = pattern.search(markdown)
    if not match:
        raise SiteError(f"no section headed {heading!r}")
    following = re.compile(rf"^#{{1,{level}}}\s", re.MULTILINE).search(markdown, match.end())
    return markdown[match.start():following.start() if following else len(markdown)].strip()


def demote(markdown: str, by: int) -> str:
    """Headings made ``by`` levels less important (h1 -> h2 ...), or more if ``by`` < 0."""
    def shift(match: re.Match) -> str:
        return "#" * min(6, max(1, len(match.group(1)) + by)) + " "
    return re.sub(r"^(#{1,6})\s+", shift, markdown, flags=re.MULTILINE)


# ------------------------------------------------------------------------------------------------
# Notebook cells chosen by id


def cells_by_id(nb: nbformat.NotebookNode, ids: tuple[str, ...], where: str) -> list[nbformat.NotebookNode]:
    """Deep copies of the notebook's cells with these ids, in the order given; SiteError naming
    the missing ids (the blocks and the cable are chosen by cell id, which never changes)."""
    found = {cell.get("id"): cell for cell in nb.cells}
    missing = [cell for cell in ids if cell not in found]
    if missing:
        raise SiteError(f"{where}: no cell with id {', '.join(missing)}")
    return [copying.deepcopy(found[cell]) for cell in ids]


def as_output_only(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A code cell whose input will be left out of the page (only its result prints)."""
    if cell.cell_type == "code":
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if "remove-input" not in tags:
            tags.append("remove-input")
    return cell


def markdown_output(cell: nbformat.NotebookNode) -> tuple[dict, str] | None:
    for output in cell.get("outputs", []):
        text = output.get("data", {}).get("text/markdown")
        if text is not None:
            return output, "".join(text) if isinstance(text, list) else text
    return None


def turn_paragraph_lines(source: str, first: int, last: int) -> list[int]:
    """The numbers of the non-blank lines of the source from ``first`` to ``last``: in the cable
    one line holds one paragraph, so these are a turn's paragraphs, in order."""
    lines = source.splitlines()
    return [n for n in range(first, last + 1) if n <= len(lines) and lines[n - 1].strip()]


def keep_turn_lines(cell: nbformat.NotebookNode, keep: tuple[int, int], source: str) -> bool:
    """In a cell that shows one turn (``cm.show_turn``: a quoted block, its heading "Turn 1 ·
    Kelly · lines 32–38" then one paragraph per line), keep only the paragraphs of the lines in
    ``keep``, each marked with its line number. False if the cell shows no such turn."""
    found = markdown_output(cell)
    if found is None:
        return False
    output, text = found
    paragraphs = [p for p in re.split(r"\n>\s*\n", text.strip())]
    head = re.search(r"lines?\s+(\d+)(?:\s*[–-]\s*(\d+))?", paragraphs[0]) if paragraphs else None
    if head is None:
        return False
    first, last = int(head.group(1)), int(head.group(2) or head.group(1))
    numbers = turn_paragraph_lines(source, first, last)
    body = paragraphs[1:]
    if len(numbers) != len(body):
        return False
    kept = [f"> *(line {n})* {p.lstrip('> ').strip()}" for n, p in zip(numbers, body) if keep[0] <= n <= keep[1]]
    shown = f"{keep[0]}–{keep[1]}" if keep[0] != keep[1] else f"{keep[0]}"
    heading = paragraphs[0].replace(head.group(0), f"lines {shown} (the turn runs over lines {first}–{last})")
    output["data"]["text/markdown"] = "\n>\n".join([heading, *kept]) + "\n"
    return True


def promote_to(cells: list[nbformat.NotebookNode], level: int) -> None:
    """Shift the Markdown headings of the cells so that the highest is at ``level`` (an extract
    under its own h1 keeps its headings one level apart, h2 then h3)."""
    levels = [len(m.group(1)) for c in cells if c.cell_type == "markdown"
              for m in re.finditer(r"^(#{1,6})\s", c.source, re.MULTILINE)]
    if levels and min(levels) != level:
        for cell in cells:
            if cell.cell_type == "markdown":
                cell.source = demote(cell.source, level - min(levels))


def extract_notebook(title: str, intro: str, cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    promote_to(cells, 2)
    heading = nbformat.v4.new_markdown_cell(f"# {title}\n\n{intro}".strip())
    heading["id"] = "kit-extract-heading"
    return nbformat.v4.new_notebook(cells=[heading, *[as_output_only(c) for c in cells]])


# ------------------------------------------------------------------------------------------------
# The data-driven pages


@dataclass
class Citations:
    """Numbered sources for a page: each distinct source gets one number."""

    sources: list[str] = field(default_factory=list)

    def cite(self, source: str) -> int:
        source = source.strip()
        if not source:
            raise SiteError("a fact on the context sheet has no source")
        if source not in self.sources:
            self.sources.append(source)
        return self.sources.index(source) + 1


def table(path: Path, key: str) -> dict[str, dict[str, str]]:
    return {row[key]: row for row in read_csv(path)}


def context_rows(root: Path, citations: Citations) -> dict[str, list[dict]]:
    """The context sheet's entries (``data/context.csv``), each with its text and its source
    number, taken from the kit's data files."""
    data = root / "data"
    glossary = table(data / "glossary.csv", "term")
    people = table(data / "people.csv", "id")
    events = read_csv(data / "events.csv")
    sections: dict[str, list[dict]] = {"brief": [], "timeline": [], "people": []}
    for row in read_csv(DATA / "context.csv"):
        kind, key, text = row["kind"], row["key"], row["text"]
        if kind == "glossary":
            entry = glossary[key]
            item = {"name": key, "text": text or entry["definition"], "source": entry["source"]}
        elif kind == "person":
            entry = people[key]
            item = {"name": entry["full_name"], "text": text or entry["role"], "source": entry["source"],
                    "certainty": entry["certainty"]}
        elif kind == "event":
            same_day = [e for e in events if e["date"] == key]
            if not same_day:
                raise SiteError(f"data/context.csv: no event on {key} in data/events.csv")
            chosen = max(same_day, key=lambda e: len(set(text.lower().split()) & set(e["event"].lower().split())))
            item = {"date": key, "text": text or chosen["event"], "source": chosen["source"]}
        elif kind == "own":
            item = {"name": key, "text": text, "source": row["source"]}
        else:
            raise SiteError(f"data/context.csv: unknown kind {kind!r}")
        item["note"] = citations.cite(item["source"])
        sections[row["section"]].append(item)
    return sections


def word_card_rows(root: Path) -> list[dict[str, str]]:
    """The hard words of the cable, in the order they come, with a plain meaning: the glossary's
    own definition for a term it has (its first sentence), or ``data/word_card.csv``."""
    rows = read_csv(DATA / "word_card.csv")
    glossary = table(root / "data" / "glossary.csv", "term")
    for term in ("Generalissimo", "Kremlin", "Council of Ministers", "Ministry of Foreign Affairs", "Board of Trade",
                 "Trade Commissars", "Paris Conference", "North Atlantic Pact"):
        first = re.split(r"(?<=[.;])\s", glossary[term]["definition"], maxsplit=1)[0]
        rows.append({"word": term, "turn": "", "meaning": first, "glossary": "yes"})
    return rows


def find_word(text: str, word: str) -> re.Match | None:
    return re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text, flags=re.IGNORECASE)


def adapted_paragraphs(cable, words: list[dict[str, str]]) -> list[dict]:
    """The cable's narration and speech, paragraph by paragraph, exactly as written, each with
    the hard words it holds (glossed once, where they first occur)."""
    seen: set[str] = set()
    paragraphs = []
    for row in cable.blocks[cable.blocks["kind"] != "header"].itertuples():
        glosses = []
        for entry in words:
            if entry["word"].lower() in seen:
                continue
            if find_word(row.text, entry["word"].split(" (")[0]):
                glosses.append(entry)
                seen.add(entry["word"].lower())
        turn = None if str(row.turn) in {"<NA>", "nan", "None"} else int(row.turn)
        speaker = None
        if turn is not None:
            speaker = str(cable.turns.loc[cable.turns["turn"] == turn, "speaker"].iloc[0])
        paragraphs.append({"line": int(row.line_start), "kind": row.kind, "turn": turn, "speaker": speaker,
                           "text": row.text, "glosses": glosses})
    return paragraphs


def mark_glossed(text: str, glosses: list[dict[str, str]]) -> Markup:
    """The paragraph's text, HTML-escaped, with each glossed word in bold (its first occurrence)."""
    from markupsafe import escape

    html = str(escape(text))
    for entry in glosses:
        word = entry["word"].split(" (")[0]
        match = find_word(html, str(escape(word)))
        if match:
            html = html[:match.start()] + f"<strong>{match.group(0)}</strong>" + html[match.end():]
    return Markup(html)


# ------------------------------------------------------------------------------------------------
# Writing the pages


class Pack:
    """Writes the pack's pages into a site (``site`` is a :class:`handouts.pages.Site`)."""

    def __init__(self, site, handouts: list[Handout]) -> None:
        self.site = site
        self.handouts = {h.number: h for h in handouts}
        self.blocks = load_blocks()
        self.pages = [p for p in pack_pages(self.blocks) if site.copy.teacher_pages or not p.teacher_only]
        self.written: list[PackPage] = []

    def notebook(self, number: str) -> Handout | None:
        return self.handouts.get(number)

    def write(self) -> list[Path]:
        """Write every page this copy has (skipping, with a warning, one whose source is missing).
        Nothing is written for notebooks that are not the kit's (a folder without its data)."""
        written: list[Path] = []
        if not (self.site.root / "data" / "events.csv").exists():
            return written
        for page in self.pages:
            try:
                html = self.render(page)
            except (SiteError, KeyError, FileNotFoundError) as error:
                self.site.warnings.append(f"{page.page}: not written: {error}")
                continue
            if html is None:
                continue
            target = self.site.out / page.page
            target.write_text(html, "utf-8")
            written.append(target)
            self.written.append(page)
        return written

    def render(self, page: PackPage) -> str | None:
        if page.name == "cable":
            return self.cable(page)
        if page.name.startswith("block_"):
            block = next(b for b in self.blocks if f"block_{b.block}" == page.name)
            return self.block(page, block)
        if page.name in {"worksheet_print", "corroboration_grid"}:
            return self.worksheet(page)
        if page.name in {"plan_a", "answer_key"}:
            return self.guide_section(page)
        if page.name == "context":
            return self.context(page)
        if page.name == "word_card":
            return self.word_card(page)
        if page.name == "adapted_cable":
            return self.adapted(page)
        raise SiteError(f"no page called {page.name}")

    # -- from the notebooks ---------------------------------------------------------------------

    def notebook_extract(self, page: PackPage, nb: nbformat.NotebookNode, handout: Handout) -> str:
        resources = {
            "metadata": {"name": page.title, "path": str(handout.source.parent)},
            "kit": {"source": f"notebooks/{handout.source.name}", "version": self.site.version,
                    "print_page": True, "body_class": f"kit-pack kit-pack-{page.name}"},
        }
        html, _ = self.site.exporter().from_notebook_node(nb, resources=resources)
        soup = BeautifulSoup(html, "html.parser")
        self.site.cite_sources_page(soup)
        self.site.rewrite_links(soup, handout.source.parent, page.page)
        self.site.embed_images(soup, handout.source.parent, page.page)
        self.site.finish_notebook_soup(soup)
        check_page(soup, page.page)
        return str(soup)

    def cable(self, page: PackPage) -> str | None:
        handout = self.notebook("01")
        if handout is None:
            return None
        cells = cells_by_id(handout.notebook, CABLE_CELLS, display_path(handout.source))
        lines = markdown_output(cells[0])
        if lines is not None:  # the opening lines stop before the first narration, which the text repeats
            output, text = lines
            first_block = int(self.site.cable.blocks.loc[self.site.cable.blocks["kind"] != "header", "line_start"].min())
            kept = [line for line in text.splitlines()
                    if not re.match(r"^\s*(\d+) \|", line) or int(re.match(r"^\s*(\d+)", line).group(1)) < first_block]
            output["data"]["text/markdown"] = "\n".join(kept) + "\n"
        intro = str(self.site.texts.cable_intro()).strip()
        return self.notebook_extract(page, extract_notebook(page.title, intro, cells), handout)

    def block(self, page: PackPage, block: Block) -> str | None:
        handout = self.notebook("04")
        if handout is None:
            return None
        cells = cells_by_id(handout.notebook, block.cells, f"tools/handouts/data/blocks.csv, block {block.block}")
        if block.lines:
            if not any(keep_turn_lines(c, block.lines, self.site.cable.source) for c in cells):
                raise SiteError(f"block {block.block}: no cell shows a turn with lines {block.lines}")
        intro = str(self.site.texts.block_intro(block=block.block, note=block.note)).strip()
        return self.notebook_extract(page, extract_notebook(page.title, intro, cells), handout)

    # -- from the kit's documents ---------------------------------------------------------------

    def document_page(self, page: PackPage, markdown: str, source: Path) -> str:
        from .pages import add_heading_ids, markdown_to_html

        body = markdown_to_html(markdown)
        soup = BeautifulSoup(self.site.render(page.title, body, page.page, f"kit-pack kit-pack-{page.name}",
                                              print_page=True), "html.parser")
        add_heading_ids(soup)
        self.site.rewrite_links(soup, source.parent, page.page)
        from .printing import mark_bare_urls, mark_writing_cells
        mark_bare_urls(soup)
        mark_writing_cells(soup)
        check_page(soup, page.page)
        return str(soup)

    def worksheet(self, page: PackPage) -> str | None:
        if self.site.worksheet is None:
            return None
        text = self.site.worksheet.read_text("utf-8")
        head, _, rest = text.partition("\n## ")
        rest = "## " + rest
        split = re.search(r"^## 5\.", rest, re.MULTILINE)
        footer = text[text.rindex("\n---\n"):] if "\n---\n" in text else ""
        if page.name == "worksheet_print":
            body = head + "\n\n" + (rest[:split.start()] if split else rest)
            body += footer
        else:
            if not split:
                return None
            title = head.splitlines()[0]
            name_line = next((line for line in head.splitlines() if line.startswith("Name:")), "")
            section5 = rest[split.start():].split("\n---\n")[0]
            body = f"{title}\n\n{name_line}\n\n{section5}\n{footer}"
        return self.document_page(page, body, self.site.worksheet)

    def guide_section(self, page: PackPage) -> str | None:
        if self.site.guide is None:
            return None
        text = self.site.guide.read_text("utf-8")
        if page.name == "plan_a":
            body = demote(section(text, "Lesson plan A"), -1)
        else:
            parts = [f"# {page.title}", "*For the teacher: keep it away from students.*",
                     demote(section(text, "Answer keys for the notebooks"), 0)]
            try:
                parts.insert(2, section(text, "Success criteria for the exit ticket", 3))
            except SiteError:
                pass
            body = "\n\n".join(parts)
        return self.document_page(page, body, self.site.guide)

    # -- from the data ---------------------------------------------------------------------------

    def template_page(self, page: PackPage, template: str, **context) -> str:
        body = self.site.env.get_template(template).render(**context)
        soup = BeautifulSoup(self.site.render(page.title, body, page.page, f"kit-pack kit-pack-{page.name}",
                                              print_page=True), "html.parser")
        from .printing import mark_bare_urls
        mark_bare_urls(soup)
        check_page(soup, page.page)
        return str(soup)

    def context(self, page: PackPage) -> str:
        citations = Citations()
        rows = context_rows(self.site.root, citations)
        return self.template_page(page, "context_sheet.html.j2", title=page.title, rows=rows,
                                  sources=citations.sources)

    def word_card(self, page: PackPage) -> str:
        words = word_card_rows(self.site.root)
        order = {p["line"]: i for i, p in enumerate(adapted_paragraphs(self.site.cable, words))}
        placed = []
        for paragraph in adapted_paragraphs(self.site.cable, words):
            for entry in paragraph["glosses"]:
                placed.append({**entry, "line": paragraph["line"], "turn": paragraph["turn"]})
        del order
        return self.template_page(page, "word_card.html.j2", title=page.title, words=placed)

    def adapted(self, page: PackPage) -> str:
        words = word_card_rows(self.site.root)
        paragraphs = adapted_paragraphs(self.site.cable, words)
        for paragraph in paragraphs:
            paragraph["html"] = mark_glossed(paragraph["text"], paragraph["glosses"])
        return self.template_page(page, "adapted_cable.html.j2", title=page.title, paragraphs=paragraphs)
