"""The pages of the site: notebooks through nbconvert, the index, and the kit's Markdown
documents; links between them rewritten, images embedded, every page checked."""
from __future__ import annotations

import base64
import copy as copying
import functools
import mimetypes
import re
import shutil
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import jinja2
import mistune
import nbformat
from bs4 import BeautifulSoup
from markupsafe import Markup
from nbconvert import HTMLExporter
from traitlets.config import Config

from . import answers, exercises, hidden
from .checks import check_page, network_fetches
from .common import ASSETS, GUIDE_PAGE, SOURCES_PAGE, WORKSHEET_PAGE, SiteError
from .copies import STUDENTS, TEACHER, Copy, copy_named
from .notebooks import Handout, describe_cell, markdown_heading
from .printing import (
    add_table_of_contents,
    align_text_cells,
    break_column_names,
    drop_range_index,
    mark_bare_urls,
    mark_empty_outputs,
    mark_long_tokens,
    mark_run_in_headings,
    mark_wide_tables,
)


#: How the notebooks write the kit's list of sources (a file of the repository).
SOURCE_FILE_NAMES = {"docs/sources.md", "../docs/sources.md", "sources.md"}

#: The title of the index page (its body is ``tools/site/index_body.html.j2``).
INDEX_TITLE = "The Kelly–Stalin interview, 18 July 1949: handouts"


@functools.lru_cache(maxsize=None)
def exporter(students: bool | Copy = False) -> HTMLExporter:
    """nbconvert's "lab" HTML exporter with the kit's template (``tools/site/notebook.html.j2``).

    One exporter per copy and process: an exporter compiles its Jinja templates once, and the
    same exporter converts every notebook of that copy (a new one for each notebook compiled
    them again, about a tenth of a second each).

    Cell tags, as in Jupyter Book: "remove-cell", "remove-input", "remove-output" leave that
    part out of the page; "hide-in-print" (print.css) keeps it on screen only. The students'
    copy also removes the cells tagged "model-answer", and the students' and self-study copies
    the cells tagged "answer-check" (:mod:`handouts.answers`).
    """
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = answers.remove_tags(
        students if isinstance(students, Copy) else (STUDENTS if students else TEACHER))
    config.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    html = HTMLExporter(
        config=config,
        template_name="lab",
        extra_template_paths=[str(ASSETS)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # Not nbconvert's embed_images: it re-parses each raw HTML block of a Markdown text on
        # its own, which closes an opening tag at once (a model answer's <details> came out
        # empty, its answer unfolded below it). Relative images are embedded after the export
        # instead (embed_local_images).
        embed_images=False,
    )
    html.template_file = "notebook.html.j2"
    return html


def standalone_page(nb: nbformat.NotebookNode, path: Path, version: str) -> str:
    """The notebook ``path`` as a page that stands alone (images embedded, nothing fetched from
    the network: :func:`handouts.checks.network_fetches` finds nothing), for ``tools/rerun.py``."""
    source = path.name
    title = next((markdown_heading(c.source) for c in nb.cells if c.cell_type == "markdown"
                  and markdown_heading(c.source)), None) or path.stem
    resources = {"metadata": {"name": title, "path": str(path.parent)},
                 "kit": {"source": source, "version": version, "standalone": True,
                         "answers_printable": True}}
    html, _ = exporter().from_notebook_node(nb, resources=resources)
    soup = BeautifulSoup(html, "html.parser")
    embed_local_images(soup, path.parent, source)
    fetches = network_fetches(soup)
    if fetches:
        raise SiteError(f"{source}: the page would load {fetches[0]} from the network")
    return str(soup)


class Site:
    """Builds the pages and keeps track of which repository file became which page."""

    def __init__(
        self, out: Path, notebooks: Path, guide: Path | None, version: str, binder: str | None = None,
        worksheet: Path | None = None, students: bool = False, sources: Path | None = None,
        copy: Copy | str | None = None,
    ) -> None:
        self.out = out
        self.copy = copy_named(copy, students)
        students = self.students = not self.copy.teacher_pages
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
        self.env.filters["long_date"] = long_date
        self.texts = self.env.get_template("texts.j2").module
        self._cable = None
        self.worksheet = worksheet.resolve() if worksheet and worksheet.exists() else None
        self.sources = sources.resolve() if sources and sources.exists() else None
        for document, page in ((self.guide, GUIDE_PAGE), (self.worksheet, WORKSHEET_PAGE),
                               (self.sources, SOURCES_PAGE)):
            if document is not None:  # a Markdown document of the kit with a page of its own
                self.pages[document] = page
                self.pending.append((document, page))
        readme = self.notebooks / "README.md"
        self.pages[readme] = "index.html"  # the sequence page stands in for notebooks/README.md

    @property
    def cable(self):
        """The kit's cable, parsed (for the pack's pages)."""
        if self._cable is None:
            import helpers

            self._cable = helpers.load_cable()
        return self._cable

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
        embed_local_images(soup, base, page)

    # -- notebook pages ----------------------------------------------------------------------

    def exporter(self) -> HTMLExporter:
        return exporter(self.copy)

    def prepare(self, nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, list[answers.AnswerGroup]]:
        """A copy of the notebook as this copy of the site shows it: hidden inputs tagged for
        removal, the exercises with their paper tasks, the model answers withheld or grouped."""
        nb = copying.deepcopy(nb)
        hidden.prepare(nb)
        if not self.copy.lab_help:  # a reader with no install: no JupyterLab wording, the code folded
            hidden.use_static_texts(nb)
            hidden.tag_code_to_fold(nb)
        else:  # a set-up cell that shows nothing but its code (imports) is folded, as on a projector
            hidden.tag_code_to_fold(nb, only_without_output=True)
        exercises.prepare(nb, self.copy, self.texts)
        groups: list[answers.AnswerGroup] = []
        if self.copy.answers == "removed":  # the tagged answers go at export; a notice stands where they were
            answers.add_withheld_notice(nb)
        else:
            if self.copy.answers == "folded":
                groups = answers.answer_groups(nb)
            # The notebook's own introduction speaks of JupyterLab (the bar that hides an
            # answer's code); on a page the answers are folded by name, in every copy that keeps them.
            heading = answers.answers_heading_cell(nb)
            folds = groups or any(answers.is_answer(c) and "<details>" in str(c.get("outputs", "")) for c in nb.cells)
            if heading is not None and folds:
                heading.source = "## Model answers\n\n" + str(self.texts.answers_intro(copy=self.copy.name)).strip()
        return nb, groups

    def notebook_page(self, handout: Handout, previous: Handout | None, following: Handout | None) -> str:
        nb, groups = self.prepare(handout.notebook)
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
                "answers_printable": self.copy.answers == "shown",
                "copy": self.copy.name,
                "body_class": f"kit-copy-{self.copy.name}",
            },
        }
        html, _ = self.exporter().from_notebook_node(nb, resources=resources)
        soup = BeautifulSoup(html, "html.parser")
        self.cite_sources_page(soup)
        self.rewrite_links(soup, handout.source.parent, handout.page)
        self.embed_images(soup, handout.source.parent, handout.page)
        self.finish_notebook_soup(soup, groups)
        check_page(soup, handout.page, self.notebook_cells(handout))
        return str(soup)

    def cite_sources_page(self, soup: BeautifulSoup) -> int:
        """The notebooks name the kit's list of sources by its file, `docs/sources.md`, which a
        reader of the pages (a student holding a printed extract) does not have: on a page it
        becomes a link to the site's sources page, "the kit's list of sources (sources.html)",
        which prints as its words. Returns how many were replaced."""
        if self.sources is None:
            return 0
        replaced = 0
        for code in soup.find_all("code"):
            if code.find_parent("pre") is not None or code.get_text().strip() not in SOURCE_FILE_NAMES:
                continue
            link = soup.new_tag("a", href=SOURCES_PAGE)
            link.string = f"the kit's list of sources ({SOURCES_PAGE})"
            code.replace_with(link)
            replaced += 1
        for text in soup.find_all(string=re.compile(r"\bdocs/sources\.md\b")):
            if text.find_parent(["pre", "code", "script", "style", "a"]) is not None:
                continue  # code shown as code, and links (rewritten to sources.html later), stay
            text.replace_with(re.sub(r"\bdocs/sources\.md\b", f"the kit's list of sources ({SOURCES_PAGE})", str(text)))
            replaced += 1
        return replaced

    @staticmethod
    def finish_notebook_soup(soup: BeautifulSoup, groups: list[answers.AnswerGroup] | None = None) -> None:
        """The fixes every exported notebook page gets: no pilcrow links, empty outputs and
        addresses marked for print, column names that break well, no 0-based index, hidden
        outputs and (self-study) model answers folded, a table of contents on a long page."""
        for anchor in soup.select("a.anchor-link"):  # the pilcrow links; the heading ids stay
            anchor.decompose()
        mark_empty_outputs(soup)
        mark_bare_urls(soup)
        mark_long_tokens(soup)
        break_column_names(soup)
        # nbconvert's lab template puts a markdown cell's tags on its inner div; lift the
        # model-answer tag to the cell itself, as it is for code cells, so print.css finds it.
        for tag in ("model-answer", "kit-screen-task", "kit-paper-task", "kit-paper-intro", "lab-only"):
            for inner in soup.select(f".celltag_{tag}"):
                cell = inner if "jp-Cell" in inner.get("class", []) else inner.find_parent(class_="jp-Cell")
                if cell is not None and f"celltag_{tag}" not in cell["class"]:
                    cell["class"].append(f"celltag_{tag}")
        align_text_cells(soup)
        drop_range_index(soup)
        mark_wide_tables(soup)
        mark_run_in_headings(soup)
        hidden.fold_outputs(soup)
        hidden.fold_code(soup)
        hidden.fold_lab_help(soup)
        answers.mark_own_folds(soup)
        answers.fold_answers(soup, groups or [])
        add_table_of_contents(soup)

    @staticmethod
    def notebook_cells(handout: Handout) -> dict[str, str]:
        """Cell id -> "notebooks/NN_x.ipynb, cell N (id ...)", to name a cell in an error."""
        return {
            f"cell-id={cell.get('id')}": describe_cell(handout.source, i, cell)
            for i, cell in enumerate(handout.notebook.cells)
            if cell.get("id")
        }

    # -- other pages -------------------------------------------------------------------------

    def render(self, title: str, body: str, page: str, body_class: str = "", print_page: bool = False) -> str:
        template = self.env.get_template("page.html.j2")
        if page == SOURCES_PAGE:  # the one page where a printed link keeps its address
            body_class = (body_class + " kit-addresses").strip()
        return template.render(
            body_class=body_class,
            print_page=print_page,
            title=title,
            body=Markup(body),
            site_css=Markup((ASSETS / "site.css").read_text("utf-8")),
            print_css=Markup((ASSETS / "print.css").read_text("utf-8")),
            pack_css=Markup((ASSETS / "pack.css").read_text("utf-8")),
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

    def index_page(self, handouts: list[Handout], pack: list | None = None) -> str:
        body = self.env.get_template("index_body.html.j2").render(
            pack=pack or [],
            handouts=handouts, guide=GUIDE_PAGE if self.guide else None, binder=self.binder_url(),
            students=self.students, copy=self.copy.name, worksheet=WORKSHEET_PAGE if self.worksheet else None,
            sources=SOURCES_PAGE if self.sources else None, **core_path(handouts),
        )
        soup = BeautifulSoup(self.render(INDEX_TITLE, body, "index.html"), "html.parser")
        mark_bare_urls(soup)
        check_page(soup, "index.html")
        return str(soup)

    def markdown_page(self, source: Path, page: str) -> str:
        text = source.read_text("utf-8")
        body = markdown_to_html(text)
        title = markdown_heading(text) or source.stem
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


#: "The **core path** (...) takes about 30 minutes" / "| **Core path** | ...: about 25 minutes", in a header
CORE_MINUTES = re.compile(r"[Cc]ore path\**[^\n]*?about (\d+) minutes")


def core_path(handouts: list[Handout]) -> dict[str, object]:
    """The core path, from the notebooks' own headers: its minutes in all (rounded to ten, as the
    READMEs say it) and the notebooks on it ("01 to 04"), for the index."""
    numbers, minutes = [], 0
    for handout in handouts:
        header = next((c.source for c in handout.notebook.cells if c.cell_type == "markdown"), "")
        found = CORE_MINUTES.search(header)
        if found:
            numbers.append(handout.number)
            minutes += int(found.group(1))
    if not numbers:
        return {"core_minutes": None, "core_notebooks": None}
    span = numbers[0] if len(numbers) == 1 else f"{numbers[0]} to {numbers[-1]}"
    return {"core_minutes": int(round(minutes, -1)), "core_notebooks": span}


def embed_local_images(soup: BeautifulSoup, base: Path, page: str) -> None:
    """Turn relative ``<img src>`` (relative to ``base``) into data URIs so that a page stands alone."""
    for img in soup.find_all("img", src=True):
        src = img["src"]
        if src.startswith("data:") or urlsplit(src).scheme:
            continue
        target = (base / unquote(src)).resolve()
        if not target.is_file():
            raise SiteError(f"{page}: image {src!r} not found")
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        img["src"] = f"data:{mime};base64," + base64.b64encode(target.read_bytes()).decode("ascii")


def long_date(iso: str) -> str:
    """"1949-07-18" as "18 July 1949"."""
    import datetime

    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


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


