"""Build the kit's handouts: a static HTML site from the notebooks, for the web or for print.

    .venv/bin/python tools/build_site.py [--out site] [--no-execute] [--binder OWNER/REPO] [--strict]

Each notebook ``notebooks/NN_*.ipynb`` is executed from a fresh kernel in a temporary copy of
the notebooks folder (the committed notebooks are never written to) and exported with
nbconvert's "lab" template, adapted in ``tools/site/notebook.html.j2``. The site has:

- ``index.html``: the sequence, with each notebook's first heading and its "time" line;
- ``NN_name.html``: one page per notebook;
- ``teachers_guide.html``: ``docs/teachers_guide.md`` rendered with mistune, plus any other
  Markdown document of the kit that a page links to;
- ``worksheet.html``: the student worksheet, ``docs/worksheet.md``, linked from the index;
- ``sources.html``: the list of sources, ``docs/sources.md``, linked from the index.

With ``--students`` it builds the students' copy instead (``make site-students``): the same
pages without the teacher's guide (links to it become plain text) and without the model
answers (each notebook's "Model answers" section is replaced by a line saying so), to share on
a course site where students can read it.

The pages work offline (no script, style or font is fetched from the network; images are data
URIs) and print as clean handouts (``tools/site/print.css``). The builder fails, with a
non-zero exit and the file and cell named, when a notebook image has no description (charts are
displayed through ``helpers.style.Chart(fig, description)``), when a page would load anything
from the network, or when a notebook fails to execute.
"""
from __future__ import annotations

import argparse
import base64
import mimetypes
import re
import shutil
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import jinja2
import mistune
import nbformat
from bs4 import BeautifulSoup
from markupsafe import Markup
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
ASSETS = Path(__file__).resolve().parent / "site"
NOTEBOOK_NAME = re.compile(r"^(\d\d)_[^/]*\.ipynb$")
GUIDE_PAGE = "teachers_guide.html"
#: Parts of a column name this short are never broken in print ("line", "words", "side").
_KEEP_WHOLE = 5
WORKSHEET_PAGE = "worksheet.html"
SOURCES_PAGE = "sources.html"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
#: Alt texts that describe nothing: a chart needs its generated description instead.
MEANINGLESS_ALT = {
    "",
    "image",
    "chart",
    "figure",
    "plot",
    "graph",
    "png",
    "no description has been provided for this image",
}
#: Elements and attributes that make a browser fetch something while the page loads.
FETCHING = {
    "script": "src",
    "link": "href",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "object": "data",
    "input": "src",
}
NETWORK_URL = re.compile(r"""(?i)(?:^|["'(\s,])(?:https?:)?//""")
CSS_NETWORK = re.compile(r"""(?i)(?:@import\s+(?:url\()?\s*["']?|url\(\s*["']?)(?:https?:)?//""")


class SiteError(Exception):
    """The site cannot be built as asked; the message names the file (and cell) at fault."""


@dataclass
class Handout:
    """One notebook of the sequence and the page it becomes."""

    source: Path
    number: str
    title: str
    time: str | None
    page: str
    notebook: nbformat.NotebookNode = field(repr=False)


# --------------------------------------------------------------------------------------------
# Reading the notebooks


def notebook_paths(folder: Path) -> list[Path]:
    """The notebooks of the sequence, ``NN_*.ipynb``, in order."""
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))


def plain(markdown: str) -> str:
    """A line of Markdown as plain text (links, emphasis, code marks and bullets removed)."""
    text = markdown.strip()
    if text.startswith("|"):  # a table row: "| Time needed | 40 minutes |"
        cells = [c.strip() for c in text.strip("|").split("|") if c.strip()]
        text = ": ".join(cells[:2]) if len(cells) > 1 else "".join(cells)
    text = re.sub(r"^(?:[-*+>]\s+|#+\s+)+", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([:.,;])", r"\1", text)
    return re.sub(r"::", ":", text)


def first_heading(nb: nbformat.NotebookNode) -> str | None:
    """The text of the notebook's first Markdown heading, as plain text."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
            if match:
                return plain(match.group(1))
    return None


TIME_LINE = re.compile(r"(?i)\btime\b")
DURATION = re.compile(r"(?i)\b(?:\d+|one|two|three|half|an?)\b.{0,20}\b(?:min|minutes?|hours?|hrs?|lessons?|periods?|sessions?)\b")


def time_line(nb: nbformat.NotebookNode) -> str | None:
    """The learner-header line that says how long the notebook takes ("Time needed: ...").

    Looked for in the Markdown cells before the first code cell: the first line that
    mentions "time" and a duration (minutes, hours, lessons).
    """
    for cell in nb.cells:
        if cell.cell_type == "code":
            break
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            text = plain(line)
            if TIME_LINE.search(text) and DURATION.search(text):
                return text
    return None


def describe_cell(path: Path, index: int, cell: nbformat.NotebookNode) -> str:
    """"notebooks/02_x.ipynb, cell 7 (id 1a2b)": how error messages name a cell."""
    cell_id = cell.get("id")
    return f"{display_path(path)}, cell {index + 1}" + (f" (id {cell_id})" if cell_id else "")


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def missing_descriptions(path: Path, nb: nbformat.NotebookNode) -> list[str]:
    """Every image output of the notebook that has no meaningful description, named by cell.

    A chart shown with ``helpers.style.Chart(fig, description)`` carries its description in
    the output metadata ``{"image/png": {"alt": description}}``; an image without it would be
    announced to a screen reader as "image" and printed without a caption.
    """
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for number, output in enumerate(cell.get("outputs", []), start=1):
            data = output.get("data", {})
            for mime in IMAGE_TYPES:
                if mime not in data:
                    continue
                meta = output.get("metadata", {}).get(mime, {})
                alt = meta.get("alt") if isinstance(meta, dict) else None
                alt = alt or cell.get("metadata", {}).get("alt")
                if not isinstance(alt, str) or alt.strip().lower() in MEANINGLESS_ALT:
                    problems.append(
                        f"{describe_cell(path, index, cell)}, output {number}: {mime} image has "
                        "no description (display charts with helpers.style.Chart(fig, description))"
                    )
    return problems


# --------------------------------------------------------------------------------------------
# Executing


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


_ANSWERS_HEADING = re.compile(r"^#+\s*Model answers", re.MULTILINE)


def tag_model_answers(nb: nbformat.NotebookNode) -> int:
    """Tag the "Model answers" section's cells ``model-answer``; return how many were tagged.

    The section runs from the markdown cell whose heading is "Model answers" to the footer (the
    cell with "How to cite"). In JupyterLab those cells are folded; on the handout page the tag
    becomes the class ``celltag_model-answer``, which print.css leaves out of the print unless
    "Print the model answers too" is ticked, so a printed student handout does not give the
    answers away.
    """
    tagged = 0
    inside = False
    for cell in nb.cells:
        source = cell.get("source", "")
        if cell.get("cell_type") == "markdown" and _ANSWERS_HEADING.search(source):
            inside = True
        elif cell.get("cell_type") == "markdown" and "How to cite" in source:
            inside = False
        if inside:
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if "model-answer" not in tags:
                tags.append("model-answer")
            tagged += 1
    return tagged


#: What the students' copy says where a notebook's model answers were.
ANSWERS_WITHHELD = (
    "## Model answers\n\n"
    "This is the students' copy of the handouts: it leaves the model answers out. Try each "
    "exercise, then compare your answer with a classmate's or ask your teacher."
)


def withhold_model_answers(nb: nbformat.NotebookNode) -> int:
    """Replace the cells tagged ``model-answer`` by one cell saying so; return how many went."""
    first = next((i for i, c in enumerate(nb.cells)
                  if "model-answer" in c.get("metadata", {}).get("tags", [])), None)
    if first is None:
        return 0
    kept = [c for c in nb.cells if "model-answer" not in c.get("metadata", {}).get("tags", [])]
    removed = len(nb.cells) - len(kept)
    kept.insert(first, nbformat.v4.new_markdown_cell(ANSWERS_WITHHELD))
    nb.cells = kept
    return removed


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


# --------------------------------------------------------------------------------------------
# Pages


class Site:
    """Builds the pages and keeps track of which repository file became which page."""

    def __init__(
        self, out: Path, notebooks: Path, guide: Path | None, version: str, binder: str | None = None,
        worksheet: Path | None = None, students: bool = False, sources: Path | None = None,
    ) -> None:
        self.out = out
        self.students = students
        # The students' copy leaves the guide out, and links to it become plain text.
        self.withheld = {guide.resolve()} if students and guide else set()
        if students:
            guide = None
        self.binder = binder
        self.notebooks = notebooks.resolve()
        self.root = self.notebooks.parent  # the kit's folder: links may point anywhere inside it
        self.guide = guide.resolve() if guide and guide.exists() else None
        self.version = version
        self.pages: dict[Path, str] = {}
        self.pending: list[tuple[Path, str]] = []
        self.warnings: list[str] = []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=jinja2.select_autoescape(["html"])
        )
        if self.guide:
            self.pages[self.guide] = GUIDE_PAGE
            self.pending.append((self.guide, GUIDE_PAGE))
        self.worksheet = worksheet.resolve() if worksheet and worksheet.exists() else None
        if self.worksheet:
            self.pages[self.worksheet] = WORKSHEET_PAGE
            self.pending.append((self.worksheet, WORKSHEET_PAGE))
        self.sources = sources.resolve() if sources and sources.exists() else None
        if self.sources:
            self.pages[self.sources] = SOURCES_PAGE
            self.pending.append((self.sources, SOURCES_PAGE))
        readme = self.notebooks / "README.md"
        self.pages[readme] = "index.html"  # the sequence page stands in for notebooks/README.md

    # -- links -------------------------------------------------------------------------------

    def page_for(self, target: Path) -> str | None:
        """The site address for a repository file that a page links to, or None if broken."""
        target = target.resolve()
        if target in self.pages:
            return self.pages[target]
        if not target.is_file():
            return None
        try:
            relative = target.relative_to(self.root)
        except ValueError:
            return None
        if relative.parts[0] in {".git", ".venv"}:
            return None
        if target.suffix == ".md":
            name = target.stem + ".html"
            taken = set(self.pages.values())
            if name in taken:
                name = "_".join(relative.with_suffix("").parts) + ".html"
            self.pages[target] = name
            self.pending.append((target, name))
            return name
        copy = self.out / "files" / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
        name = "files/" + quote(relative.as_posix())
        self.pages[target] = name
        return name

    def site_pages(self) -> set[str]:
        return set(self.pages.values()) | {"index.html"}

    def rewrite_links(self, soup: BeautifulSoup, base: Path, page: str) -> None:
        """Point relative links at the site's pages (``02_x.ipynb`` becomes ``02_x.html``)."""
        for anchor in soup.find_all("a", href=True):
            href = anchor["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if "/" not in parts.path and parts.path in self.site_pages():
                continue  # already a page of the site (the navigation bar)
            target = base / unquote(parts.path)
            if target.resolve() in self.withheld:
                anchor.unwrap()
                continue
            new = self.page_for(target)
            if new is None:
                self.warnings.append(f"{page}: link to {href!r} points at nothing in the kit")
                continue
            anchor["href"] = new + (f"#{parts.fragment}" if parts.fragment else "")

    def embed_images(self, soup: BeautifulSoup, base: Path, page: str) -> None:
        """Turn relative ``<img src>`` into data URIs so that a page stands alone."""
        for img in soup.find_all("img", src=True):
            src = img["src"]
            if src.startswith("data:") or urlsplit(src).scheme:
                continue
            target = (base / unquote(src)).resolve()
            if not target.is_file():
                raise SiteError(f"{page}: image {src!r} not found")
            mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            img["src"] = f"data:{mime};base64," + base64.b64encode(target.read_bytes()).decode("ascii")

    # -- notebook pages ----------------------------------------------------------------------

    def exporter(self) -> HTMLExporter:
        # Cell tags, as in Jupyter Book: "remove-cell", "remove-input", "remove-output" leave
        # that part out of the page; "hide-in-print" (print.css) keeps it on screen only.
        config = Config()
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
        config.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
        config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
        exporter = HTMLExporter(
            config=config,
            template_name="lab",
            extra_template_paths=[str(ASSETS)],
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
        )
        exporter.template_file = "notebook.html.j2"
        return exporter

    def notebook_page(self, handout: Handout, previous: Handout | None, following: Handout | None) -> str:
        tag_model_answers(handout.notebook)
        if self.students:
            withhold_model_answers(handout.notebook)
        resources = {
            "metadata": {"name": handout.title, "path": str(handout.source.parent)},
            "kit": {
                "previous": previous,
                "next": following,
                "guide": GUIDE_PAGE if self.guide else None,
                "source": f"notebooks/{handout.source.name}",
                "version": self.version,
                "binder": self.binder_url(handout.source.name),
                "students": self.students,
            },
        }
        html, _ = self.exporter().from_notebook_node(handout.notebook, resources=resources)
        soup = BeautifulSoup(html, "html.parser")
        self.rewrite_links(soup, handout.source.parent, handout.page)
        for anchor in soup.select("a.anchor-link"):  # the pilcrow links; the heading ids stay
            anchor.decompose()
        mark_empty_outputs(soup)
        mark_bare_urls(soup)
        mark_long_tokens(soup)
        break_column_names(soup)
        # nbconvert's lab template puts a markdown cell's tags on its inner div; lift the
        # model-answer tag to the cell itself, as it is for code cells, so print.css finds it.
        for inner in soup.select(".celltag_model-answer"):
            cell = inner if "jp-Cell" in inner.get("class", []) else inner.find_parent(class_="jp-Cell")
            if cell is not None and "celltag_model-answer" not in cell["class"]:
                cell["class"].append("celltag_model-answer")
        align_text_cells(soup)
        check_page(soup, handout.page, self.notebook_cells(handout))
        return str(soup)

    @staticmethod
    def notebook_cells(handout: Handout) -> dict[str, str]:
        """Cell id -> "notebooks/NN_x.ipynb, cell N (id ...)", to name a cell in an error."""
        return {
            f"cell-id={cell.get('id')}": describe_cell(handout.source, i, cell)
            for i, cell in enumerate(handout.notebook.cells)
            if cell.get("id")
        }

    # -- other pages -------------------------------------------------------------------------

    def render(self, title: str, body: str, page: str) -> str:
        template = self.env.get_template("page.html.j2")
        return template.render(
            title=title,
            body=Markup(body),
            site_css=Markup((ASSETS / "site.css").read_text("utf-8")),
            print_css=Markup((ASSETS / "print.css").read_text("utf-8")),
            guide=GUIDE_PAGE if self.guide else None,
            version=self.version,
            current=page,
        )

    def binder_url(self, notebook: str | None = None) -> str | None:
        """The Binder launch address for the repository (and one notebook), if one was given."""
        if not self.binder:
            return None
        path = "notebooks" + (f"/{quote(notebook)}" if notebook else "")
        return f"https://mybinder.org/v2/gh/{self.binder}/HEAD?urlpath=lab/tree/{path}"

    def index_page(self, handouts: list[Handout]) -> str:
        body = self.env.get_template("index_body.html.j2").render(
            handouts=handouts, guide=GUIDE_PAGE if self.guide else None, binder=self.binder_url(),
            students=self.students,
        )
        soup = BeautifulSoup(self.render("The Kelly–Stalin interview, 18 July 1949: handouts", body, "index.html"), "html.parser")
        extra = ""
        if self.worksheet:
            extra += ('<p><a href="%s">The student worksheet</a>: the five blocks of the '
                      "conversation with their line numbers, the close-reading grid and the exit "
                      "ticket, to print one per student. It has no answers.</p>" % WORKSHEET_PAGE)
        if self.sources:
            extra += ('<p><a href="%s">The sources</a>: where each fact in the notebooks comes '
                      "from, what it supports, and what the kit could not confirm.</p>" % SOURCES_PAGE)
        if extra:  # a section of its own, just before "Printing" (or at the end)
            section = BeautifulSoup("<h2>For students</h2>" + extra, "html.parser")
            printing = soup.find(lambda tag: tag.name == "h2" and tag.get_text(strip=True) == "Printing")
            if printing is not None:
                for element in list(section.contents):
                    printing.insert_before(element)
            else:
                (soup.find("main") or soup.body or soup).append(section)
        mark_bare_urls(soup)
        check_page(soup, "index.html")
        return str(soup)

    def markdown_page(self, source: Path, page: str) -> str:
        text = source.read_text("utf-8")
        body = markdown_to_html(text)
        title = first_heading(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])) or source.stem
        soup = BeautifulSoup(self.render(title, body, page), "html.parser")
        add_heading_ids(soup)
        self.rewrite_links(soup, source.parent, page)
        self.embed_images(soup, source.parent, page)
        mark_bare_urls(soup)
        check_page(soup, page)
        return str(soup)

    def write_pending(self) -> list[Path]:
        written = []
        while self.pending:
            source, page = self.pending.pop(0)
            target = self.out / page
            target.write_text(self.markdown_page(source, page), "utf-8")
            written.append(target)
        return written


def markdown_to_html(text: str) -> str:
    """Markdown (the teacher's guide) to HTML, with tables, strikethrough and bare URLs."""
    render = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url", "footnotes"])
    return render(text)


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "section"


def add_heading_ids(soup: BeautifulSoup) -> None:
    seen: set[str] = set()
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        if heading.get("id"):
            continue
        base = name = slug(heading.get_text())
        n = 1
        while name in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name)
        heading["id"] = name


NUMBER = re.compile(r"^[-+−]?[\d.,\s%]+$|^(nan|NaN|None|<NA>|True|False)?$")


def align_text_cells(soup: BeautifulSoup) -> None:
    """Left-align the text cells of output tables (pandas right-aligns every cell, which makes
    sentences hard to read); numbers stay right-aligned."""
    for cell in soup.select(".jp-OutputArea-output table td"):
        if not NUMBER.match(cell.get_text(strip=True)):
            cell["class"] = cell.get("class", []) + ["kit-text-cell"]


def mark_bare_urls(soup: BeautifulSoup) -> None:
    """Mark links that show their own address, so that print.css does not print it twice."""
    for anchor in soup.find_all("a", href=True):
        if anchor.get_text(strip=True).rstrip("/") == anchor["href"].rstrip("/"):
            anchor["class"] = anchor.get("class", []) + ["kit-bare-url"]


_LONG_TOKEN = re.compile(r"\S{22,}")


def mark_long_tokens(soup: BeautifulSoup) -> None:
    """Wrap very long unbroken tokens in table cells (web addresses, file names) in
    ``span.kit-long``, which print.css lets break anywhere; short words stay whole."""
    for cell in soup.select(".jp-OutputArea-output td"):
        for text in list(cell.find_all(string=_LONG_TOKEN)):
            if text.parent.name in {"a", "span"} and "kit-long" in text.parent.get("class", []):
                continue
            pieces, last = [], 0
            for m in _LONG_TOKEN.finditer(text):
                pieces.append(text[last:m.start()])
                span = soup.new_tag("span", attrs={"class": "kit-long"})
                span.string = m.group()
                pieces.append(span)
                last = m.end()
            pieces.append(text[last:])
            text.replace_with(*[p for p in pieces if p != ""])


def break_column_names(soup: BeautifulSoup) -> None:
    """Help a narrow printed table break its column names well: after the underscores
    (``line_<wbr>start``), and never inside a short part (``line``, ``words``, ``side``:
    wrapped in ``span.kit-keep``, which print.css keeps whole). Longer parts may still break
    anywhere when a table has many columns."""
    for cell in soup.select(".jp-OutputArea-output thead th"):
        for text in list(cell.find_all(string=True)):
            parts = str(text).split("_")
            pieces: list = []
            for i, part in enumerate(parts):
                last = i == len(parts) - 1
                piece = part + ("" if last else "_")
                if 0 < len(part) <= _KEEP_WHOLE:
                    span = soup.new_tag("span", attrs={"class": "kit-keep"})
                    span.string = piece
                    pieces.append(span)
                elif piece:
                    pieces.append(piece)
                if not last:
                    pieces.append(soup.new_tag("wbr"))
            if pieces:
                text.replace_with(*pieces)


def mark_empty_outputs(soup: BeautifulSoup) -> None:
    """Mark output areas that show nothing, so that print.css can drop them."""
    for child in soup.select(".jp-OutputArea-child"):
        if not child.get_text(strip=True) and not child.find(["img", "svg", "table", "video", "iframe"]):
            child["class"] = child.get("class", []) + ["kit-empty-output"]
    for wrapper in soup.select(".jp-Cell-outputWrapper"):
        children = wrapper.select(".jp-OutputArea-child")
        if children and all("kit-empty-output" in c.get("class", []) for c in children):
            wrapper["class"] = wrapper.get("class", []) + ["kit-empty-output"]


# --------------------------------------------------------------------------------------------
# Checks (also used by tests/test_site.py)


def network_fetches(soup: BeautifulSoup) -> list[str]:
    """Everything in a page that would be fetched from the network while it loads."""
    found = []
    for tag, attribute in FETCHING.items():
        for element in soup.find_all(tag):
            value = element.get(attribute) or ""
            if tag == "link" and not set(element.get("rel") or []) & {
                "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "shortcut"
            }:
                continue
            if NETWORK_URL.match(value.strip()) or value.strip().lower().startswith(("http:", "https:", "//")):
                found.append(f"<{tag} {attribute}={value[:80]!r}>")
            for candidate in (element.get("srcset") or "").split(","):
                if candidate.strip().lower().startswith(("http:", "https:", "//")):
                    found.append(f"<{tag} srcset={candidate.strip()[:80]!r}>")
    for style in soup.find_all("style"):
        for match in CSS_NETWORK.finditer(style.get_text()):
            found.append(f"<style> {style.get_text()[match.start():match.start() + 80]!r}")
    for element in soup.find_all(style=True):
        if CSS_NETWORK.search(element["style"]):
            found.append(f"<{element.name} style={element['style'][:80]!r}>")
    return found


def image_alt_problems(soup: BeautifulSoup) -> list[tuple[BeautifulSoup, str]]:
    """Images whose alt text is missing or says nothing ("Image", nbconvert's default)."""
    problems = []
    for img in soup.find_all("img"):
        alt = img.get("alt")
        if alt is None:
            problems.append((img, "no alt text"))
        elif alt.strip().lower() in MEANINGLESS_ALT:
            problems.append((img, f"alt text {alt!r}, which describes nothing"))
    return problems


def heading_problems(levels: list[int]) -> list[str]:
    """Skipped heading levels: the page starts at h1 and never goes down more than one level."""
    problems = []
    previous = 0
    for position, level in enumerate(levels, start=1):
        if level > previous + 1:
            problems.append(f"heading {position} is h{level} after " + (f"h{previous}" if previous else "the start of the page"))
        previous = level
    return problems


def heading_levels(soup: BeautifulSoup) -> list[tuple[int, str]]:
    return [(int(h.name[1]), h.get_text(" ", strip=True)) for h in soup.find_all(re.compile(r"^h[1-6]$"))]


def check_page(soup: BeautifulSoup, page: str, cells: dict[str, str] | None = None) -> None:
    """Fail loudly if a page would fetch from the network or shows an image without a description."""
    problems = [f"{page}: loads {what} from the network" for what in network_fetches(soup)]
    for img, why in image_alt_problems(soup):
        cell = img.find_parent(id=re.compile(r"^cell-id="))
        where = (cells or {}).get(cell["id"], cell["id"]) if cell else page
        problems.append(f"{where}: image has {why}")
    if problems:
        raise SiteError("\n".join(problems))


# --------------------------------------------------------------------------------------------
# The build


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
    log=print,
    binder: str | None = None,
    jobs: int = 2,
    worksheet: Path | None = ROOT / "docs" / "worksheet.md",
    students: bool = False,
    sources: Path | None = None,
) -> list[str]:
    """Build the site into ``out`` (emptied first); return the warnings (broken links, headings).

    ``students`` builds the students' copy: no teacher's guide, no model answers. ``sources``
    defaults to ``docs/sources.md`` beside the notebooks folder, if there is one.

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
    site = Site(out, notebooks, guide, kit_version(), binder, worksheet, students, sources)

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
    (out / "index.html").write_text(site.index_page(handouts), "utf-8")
    for page in site.write_pending():
        log(f"wrote {display_path(page)}")
    if guide is not None and site.guide is None and not students:
        site.warnings.append(f"{display_path(guide)} not found: the site has no teacher's guide")

    for page in sorted(out.glob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for problem in heading_problems([level for level, _ in heading_levels(soup)]):
            site.warnings.append(f"{page.name}: {problem}")
    return site.warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help="folder of NN_*.ipynb")
    parser.add_argument("--guide", type=Path, default=ROOT / "docs" / "teachers_guide.md", help="teacher's guide (Markdown)")
    parser.add_argument("--no-execute", action="store_true", help="use the stored outputs instead of executing")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    parser.add_argument("--binder", metavar="OWNER/REPO", help="add 'Run on Binder' links for this GitHub repository")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at the same time (default 2)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (broken links, skipped headings) as errors")
    parser.add_argument("--students", action="store_true",
                        help="the students' copy: leave out the teacher's guide and the model answers")
    args = parser.parse_args(argv)
    try:
        warnings = build(args.out, args.notebooks, args.guide, run=not args.no_execute, timeout=args.timeout,
                         binder=args.binder, jobs=args.jobs, students=args.students)
    except SiteError as error:
        print(f"build_site: error: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"build_site: warning: {warning}", file=sys.stderr)
    if args.strict and warnings:
        return 1
    print(f"site written to {display_path(args.out)} (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
