"""The handout site (tools/build_site.py): offline, printable, accessible, checked in a browser.

Fast tests read the built HTML. The browser test (marked ``browser``) opens every page in
headless Chromium through its DevTools protocol (no driver, nothing downloaded) and writes a
screenshot of each page, on screen and as printed in grey, to ``build/screenshots/``.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
BUILDER = ROOT / "tools" / "build_site.py"

spec = importlib.util.spec_from_file_location("build_site", BUILDER)
build_site = importlib.util.module_from_spec(spec)
sys.modules["build_site"] = build_site
spec.loader.exec_module(build_site)

# A 1x1 PNG: enough to stand for a chart in a notebook written by hand.
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def soup_of(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def real_notebooks() -> list[Path]:
    return build_site.notebook_paths(ROOT / "notebooks")


@pytest.fixture(scope="module")
def stored_site(tmp_path_factory) -> Path:
    """The site built from the notebooks' stored outputs (no kernel: fast)."""
    out = tmp_path_factory.mktemp("site-stored")
    build_site.build(out, run=False, log=lambda *_: None)
    return out


# --------------------------------------------------------------------------------------------
# Fast tests: the HTML itself


def test_every_notebook_has_a_page_and_a_place_in_the_index(stored_site):
    index = soup_of(stored_site / "index.html")
    listed = [a["href"] for a in index.select("ol.kit-sequence a.kit-title")]
    expected = [p.with_suffix(".html").name for p in real_notebooks()]
    assert listed == expected
    for name in expected:
        assert (stored_site / name).is_file()
    if (ROOT / "docs" / "teachers_guide.md").exists():
        assert (stored_site / "teachers_guide.html").is_file()
    if (ROOT / "docs" / "worksheet.md").exists():
        assert (stored_site / "worksheet.html").is_file()
        assert "worksheet.html" in [a["href"] for a in index.select("main a[href]")]
        worksheet = soup_of(stored_site / "worksheet.html")
        assert worksheet.find("h1").get_text(strip=True).startswith("Student worksheet")


def test_index_shows_each_notebooks_title_and_time_needed(stored_site):
    index = soup_of(stored_site / "index.html")
    entries = index.select("ol.kit-sequence li")
    assert len(entries) == len(real_notebooks())
    for path, entry in zip(real_notebooks(), entries):
        nb = nbformat.read(path, as_version=4)
        assert entry.select_one("a.kit-title").get_text(strip=True) == build_site.first_heading(nb)
        time_needed = build_site.time_line(nb)
        assert time_needed, f"{path.name}: the learner header has no 'Time needed' line"
        assert entry.select_one(".kit-time").get_text(strip=True) == time_needed


def test_pages_fetch_nothing_from_the_network(stored_site):
    for page in pages(stored_site):
        html = page.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert build_site.network_fetches(soup) == [], page.name
        # The CDN loaders of nbconvert's default template are gone.
        for needle in ("require.js", "require.min.js", "mathjax", "mermaid.esm", "cdnjs", "unpkg"):
            assert needle not in html.lower(), (page.name, needle)
        for script in soup.find_all("script"):
            assert not script.get("src"), (page.name, script.get("src"))
        for img in soup.find_all("img"):
            assert img["src"].startswith("data:image/"), (page.name, img["src"][:60])


def test_every_image_has_a_meaningful_alt_text(stored_site):
    for page in pages(stored_site):
        for img in soup_of(page).find_all("img"):
            alt = img.get("alt", "")
            assert alt.strip(), page.name
            assert alt.strip().lower() not in build_site.MEANINGLESS_ALT, (page.name, alt)


def test_chart_alt_text_is_the_charts_own_description(stored_site):
    for path in real_notebooks():
        nb = nbformat.read(path, as_version=4)
        expected = [
            output["metadata"]["image/png"]["alt"]
            for cell in nb.cells
            if cell.cell_type == "code"
            for output in cell.outputs
            if "image/png" in output.get("data", {})
        ]
        page = soup_of(stored_site / path.with_suffix(".html").name)
        assert [img["alt"] for img in page.select("img.kit-chart")] == expected, path.name


def test_no_prompts_and_print_rules_present(stored_site):
    for page in pages(stored_site):
        soup = soup_of(page)
        text = soup.get_text()
        assert "In\xa0[" not in text and "Out[" not in text, page.name
        assert not soup.select(".jp-InputPrompt, .jp-OutputPrompt"), page.name
        css = "\n".join(style.get_text() for style in soup.find_all("style"))
        assert "@media print" in css and "break-inside: avoid" in css, page.name
        assert "#kit-print-code:checked" in css, page.name


def test_model_answers_are_tagged_for_print(stored_site):
    """Every notebook's "Model answers" section is tagged, so print.css can leave it out."""
    for path in real_notebooks():
        soup = soup_of(stored_site / path.with_suffix(".html").name)
        answers = soup.select(".jp-Cell.celltag_model-answer")
        assert answers, f"{path.name}: no model-answer cells tagged"
        assert "Model answers" in answers[0].get_text(), path.name
        assert not any("How to cite" in cell.get_text() for cell in answers), path.name
        assert soup.find("input", id="kit-print-answers") is not None, path.name


@pytest.fixture(scope="module")
def students_site(tmp_path_factory) -> Path:
    """The students' copy, from the stored outputs."""
    out = tmp_path_factory.mktemp("site-students")
    warnings = build_site.build(out, run=False, log=lambda *_: None, students=True)
    assert warnings == []  # links to the guide become text; nothing is broken
    return out


def test_students_copy_has_no_guide_and_no_model_answers(students_site, stored_site):
    assert not (students_site / build_site.GUIDE_PAGE).exists()
    assert (students_site / build_site.WORKSHEET_PAGE).exists()
    assert sorted(p.name for p in pages(students_site) if p.name[:2].isdigit()) == sorted(
        p.name for p in pages(stored_site) if p.name[:2].isdigit())
    for page in pages(students_site):
        soup = soup_of(page)
        assert not soup.select(".celltag_model-answer"), page.name
        assert soup.find("input", id="kit-print-answers") is None, page.name
        assert not any(build_site.GUIDE_PAGE in a["href"] or "teachers_guide" in a["href"]
                       for a in soup.find_all("a", href=True)), page.name
    for path in real_notebooks():
        soup = soup_of(students_site / path.with_suffix(".html").name)
        text = soup.get_text()
        assert "leaves the model answers out" in text, path.name
        assert "How to cite" in text, path.name  # the footer stays
        # the answers' own words are gone: the teacher's copy has them, the students' does not
        teacher = soup_of(stored_site / path.with_suffix(".html").name)
        first_answer = teacher.select(".jp-Cell.celltag_model-answer")[1].get_text(" ", strip=True)[:60]
        assert first_answer and first_answer not in soup.get_text(" ", strip=True), path.name


def test_both_copies_list_the_sources_for_students(students_site, stored_site):
    for site in (students_site, stored_site):
        assert (site / build_site.SOURCES_PAGE).exists()
        index = soup_of(site / "index.html")
        assert index.find("a", href=build_site.SOURCES_PAGE) is not None


def test_long_tokens_in_tables_are_marked_and_short_words_are_not():
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><tr><td>Kelly</td>'
                         '<td>see https://example.org/a/very/long/address/here now</td></tr></table></div>',
                         "html.parser")
    build_site.mark_long_tokens(soup)
    assert [s.get_text() for s in soup.select("span.kit-long")] == ["https://example.org/a/very/long/address/here"]
    assert soup.select("td")[1].get_text() == "see https://example.org/a/very/long/address/here now"
    assert soup.select("td")[0].get_text() == "Kelly"


def test_column_names_break_after_underscores_and_keep_short_parts_whole():
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><thead><tr><th>line</th>'
                         '<th>line_start</th><th>share_of_words</th></tr></thead></table></div>',
                         "html.parser")
    build_site.break_column_names(soup)
    heads = soup.select("th")
    keep = '<span class="kit-keep">'
    assert [str(h) for h in heads] == [
        f"<th>{keep}line</span></th>",
        f"<th>{keep}line_</span><wbr/>{keep}start</span></th>",
        f"<th>{keep}share_</span><wbr/>{keep}of_</span><wbr/>{keep}words</span></th>"]
    assert [h.get_text() for h in heads] == ["line", "line_start", "share_of_words"]
    # a long part may still break in a wide table: it is left as plain text
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><thead><tr><th>characters</th>'
                         '</tr></thead></table></div>', "html.parser")
    build_site.break_column_names(soup)
    assert str(soup.select_one("th")) == "<th>characters</th>"


def test_tag_model_answers_stops_at_the_footer_and_the_students_copy_withholds_them():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## Try it"),
        nbformat.v4.new_markdown_cell("## Model answers"),
        nbformat.v4.new_code_cell("1 + 1"),
        nbformat.v4.new_markdown_cell("---\n**How to cite.** ..."),
    ])
    assert build_site.tag_model_answers(nb) == 2
    assert [c.metadata.get("tags", []) for c in nb.cells] == [[], ["model-answer"], ["model-answer"], []]
    # the students' copy keeps one notice where the section was
    assert build_site.withhold_model_answers(nb) == 2
    assert [c.source for c in nb.cells] == ["## Try it", build_site.ANSWERS_WITHHELD,
                                            "---\n**How to cite.** ..."]


def test_headings_do_not_skip_levels(stored_site):
    for page in pages(stored_site):
        levels = [level for level, _ in build_site.heading_levels(soup_of(page))]
        assert levels, f"{page.name} has no heading"
        assert build_site.heading_problems(levels) == [], page.name


def test_local_links_point_at_files_of_the_site(stored_site):
    for page in pages(stored_site):
        for anchor in soup_of(page).find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert (stored_site / unquote(parts.path)).is_file(), (page.name, anchor["href"])


def test_heading_rule_on_examples():
    assert build_site.heading_problems([1, 2, 3, 2, 2, 1, 2]) == []
    assert build_site.heading_problems([1, 3]) == ["heading 2 is h3 after h1"]
    assert build_site.heading_problems([2]) == ["heading 1 is h2 after the start of the page"]


def test_time_line_and_title_from_the_learner_header():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "# 03 Topics: what *they* talked about\n\n"
                "- **What you will learn:** to tag topics.\n"
                "- **Time needed:** about 40 minutes.\n"
            ),
            nbformat.v4.new_code_cell("1 + 1"),
            nbformat.v4.new_markdown_cell("Time to stop: 5 minutes (not in the header)."),
        ]
    )
    assert build_site.first_heading(nb) == "03 Topics: what they talked about"
    assert build_site.time_line(nb) == "Time needed: about 40 minutes."
    table = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("| Time needed | 1 hour |")])
    assert build_site.time_line(table) == "Time needed: 1 hour"


def chart_notebook(alt: str | None) -> nbformat.NotebookNode:
    """A hand-written executed notebook with one image output, described by ``alt``."""
    metadata = {"image/png": {"alt": alt}} if alt is not None else {}
    output = nbformat.v4.new_output(
        "display_data", data={"image/png": PIXEL, "text/plain": alt or "<Figure>"}, metadata=metadata
    )
    code = nbformat.v4.new_code_cell("chart()", outputs=[output], execution_count=1)
    code["id"] = "chart-cell"
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 01 A chart\n\nTime needed: 5 minutes."), code],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )


def test_a_chart_without_description_fails_the_build_naming_file_and_cell(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(chart_notebook(None), folder / "01_chart.ipynb")
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--no-execute", "--out", str(tmp_path / "site"),
         "--notebooks", str(folder), "--guide", str(tmp_path / "none.md")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "01_chart.ipynb, cell 2 (id chart-cell), output 1: image/png image has no description" in result.stderr


@pytest.mark.parametrize("alt", ["", "Image", "No description has been provided for this image"])
def test_a_meaningless_description_also_fails(tmp_path, alt):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(chart_notebook(alt), folder / "01_chart.ipynb")
    with pytest.raises(build_site.SiteError, match=r"01_chart\.ipynb, cell 2 \(id chart-cell\)"):
        build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)


def test_execution_uses_a_copy_and_keeps_the_description(tmp_path):
    """Executes a throwaway notebook that displays a real Chart; the notebook file is unchanged."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 01 Throwaway\n\nTime needed: 1 minute."),
            nbformat.v4.new_code_cell(
                "from helpers.style import Chart, new_figure\n"
                "fig = new_figure()\n"
                "fig.add_subplot().bar(['Kelly', 'Stalin'], [1, 2])\n"
                "open('written-by-the-kernel.txt', 'w').close()\n"
                "Chart(fig, 'Two bars: Kelly 1, Stalin 2.')"
            ),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    path = folder / "01_throwaway.ipynb"
    nbformat.write(nb, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    build_site.build(tmp_path / "site", folder, None, run=True, log=lambda *_: None)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (folder / "written-by-the-kernel.txt").exists()
    img = soup_of(tmp_path / "site" / "01_throwaway.html").select_one("img.kit-chart")
    assert img["alt"] == "Two bars: Kelly 1, Stalin 2."


def test_a_failing_cell_fails_the_build_naming_the_notebook(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 01 Broken"), nbformat.v4.new_code_cell("1 / 0")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, folder / "01_broken.ipynb")
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--out", str(tmp_path / "site"), "--notebooks", str(folder),
         "--guide", str(tmp_path / "none.md")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "01_broken.ipynb: a cell failed while executing" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_an_image_in_markdown_needs_alt_text_too(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "pixel.png").write_bytes(base64.b64decode(PIXEL))
    picture = nbformat.v4.new_markdown_cell("![](pixel.png)")
    picture["id"] = "picture"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 Picture"), picture])
    nbformat.write(nb, folder / "01_picture.ipynb")
    with pytest.raises(build_site.SiteError, match=r"01_picture\.ipynb, cell 2 \(id picture\): image has alt text ''"):
        build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
    picture.source = "![A single grey pixel](pixel.png)"
    nbformat.write(nb, folder / "01_picture.ipynb")
    build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
    img = soup_of(tmp_path / "site" / "01_picture.html").find("img")
    assert img["alt"] == "A single grey pixel" and img["src"].startswith("data:image/png;base64,")


def test_cell_tags_remove_parts_and_hide_in_print(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    stream = nbformat.v4.new_output("stream", name="stdout", text="a result\n")
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 01 Tags\n\nTime needed: 5 minutes."),
            nbformat.v4.new_code_cell("setup_only = 1", metadata={"tags": ["remove-cell"]}),
            nbformat.v4.new_code_cell("print('a result')", metadata={"tags": ["remove-input"]}, outputs=[stream]),
            nbformat.v4.new_markdown_cell("On screen only.", metadata={"tags": ["hide-in-print"]}),
        ]
    )
    nbformat.write(nb, folder / "01_tags.ipynb")
    build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
    page = soup_of(tmp_path / "site" / "01_tags.html")
    text = page.get_text()
    assert "setup_only" not in text and "print(" not in text
    assert "a result" in text
    assert page.select_one(".celltag_hide-in-print").get_text(strip=True) == "On screen only."


def test_links_to_other_files_of_the_kit(tmp_path):
    """Notebook links become pages: .ipynb -> .html, Markdown docs rendered, other files copied."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs" / "sources.md").write_text("# Sources\n\nBack to [the first notebook](../notebooks/01_a.ipynb).\n")
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\n## Plan\n\nStart with [01](../notebooks/01_a.ipynb#Part-two).\n")
    (tmp_path / "seeds" / "text.txt").write_text("the source\n")
    links = (
        "# 01 A\n\nTime needed: 5 minutes. See [02](02_b.ipynb), [the sources](../docs/sources.md), "
        "[the text](../seeds/text.txt), [the sequence](README.md) and [nothing](../missing.md).\n\n## Part two"
    )
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(links)]), tmp_path / "notebooks" / "01_a.ipynb")
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 02 B")]), tmp_path / "notebooks" / "02_b.ipynb")
    site = tmp_path / "site"
    warnings = build_site.build(site, tmp_path / "notebooks", tmp_path / "docs" / "guide.md", run=False, log=lambda *_: None)
    hrefs = [a["href"] for a in soup_of(site / "01_a.html").select("main a[href]")]
    assert hrefs == ["02_b.html", "sources.html", "files/seeds/text.txt", "index.html", "../missing.md"]
    assert warnings[-1] == "01_a.html: link to '../missing.md' points at nothing in the kit"
    assert warnings[0].endswith("02_b.ipynb: no learner-header line on time needed")
    assert (site / "files" / "seeds" / "text.txt").read_text() == "the source\n"
    assert [a["href"] for a in soup_of(site / "sources.html").select("main a[href]")] == ["01_a.html"]
    guide = soup_of(site / "teachers_guide.html")
    assert [a["href"] for a in guide.select("main a[href]")] == ["01_a.html#Part-two"]
    assert [h["id"] for h in guide.select("main h1, main h2")] == ["guide", "plan"]
    assert soup_of(site / "01_a.html").find(id="Part-two") is not None


def test_the_builder_only_empties_a_folder_it_built(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(chart_notebook("One pixel, standing for a chart."), folder / "01_chart.ipynb")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(build_site.SiteError, match="refusing to empty"):
        build_site.build(precious, folder, None, run=False, log=lambda *_: None)
    assert (precious / "notes.txt").read_text() == "keep me"
    out = tmp_path / "site"
    build_site.build(out, folder, None, run=False, log=lambda *_: None)
    (out / "stale.html").write_text("from an older build")
    build_site.build(out, folder, None, run=False, log=lambda *_: None)  # rebuilds its own folder
    assert not (out / "stale.html").exists() and (out / "01_chart.html").exists()


def test_binder_links_when_asked(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(chart_notebook("One pixel, standing for a chart."), folder / "01_chart.ipynb")
    build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None, binder="owner/kit")
    links = [a["href"] for a in soup_of(tmp_path / "site" / "01_chart.html").find_all("a", href=True)]
    assert "https://mybinder.org/v2/gh/owner/kit/HEAD?urlpath=lab/tree/notebooks/01_chart.ipynb" in links
    index = [a["href"] for a in soup_of(tmp_path / "site" / "index.html").find_all("a", href=True)]
    assert "https://mybinder.org/v2/gh/owner/kit/HEAD?urlpath=lab/tree/notebooks" in index
    with pytest.raises(build_site.SiteError, match="OWNER/REPO"):
        build_site.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None, binder="not a repo")


def test_speaker_colours_differ_in_grey():
    """Kelly's and Stalin's colours stay apart when printed in grey (luminance contrast >= 2)."""
    from helpers.style import SPEAKER_COLOURS

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    kelly, stalin = luminance(SPEAKER_COLOURS["Kelly"]), luminance(SPEAKER_COLOURS["Stalin"])
    assert (max(kelly, stalin) + 0.05) / (min(kelly, stalin) + 0.05) >= 2


# --------------------------------------------------------------------------------------------
# The browser test: headless Chromium through the DevTools protocol


def find_chromium() -> str | None:
    for name in (os.environ.get("KIT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium_or_skip() -> str:
    """The Chromium binary; installs Debian's package when missing; skips only if that fails."""
    binary = find_chromium()
    if binary:
        return binary
    installer = ROOT / "tools" / "install_chromium.sh"
    result = subprocess.run(["sh", str(installer)], capture_output=True, text=True, timeout=600)
    binary = find_chromium()
    if binary:
        return binary
    reason = (
        "!!! BROWSER TEST NOT RUN: Chromium is not installed and tools/install_chromium.sh could "
        f"not install it (exit {result.returncode}): {(result.stderr or result.stdout).strip()[-400:]}"
    )
    if os.environ.get("KIT_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


class DevTools:
    """A minimal Chrome DevTools protocol client over one websocket (flattened sessions)."""

    FLAGS = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1024,768",
    ]

    def __init__(self, binary: str, profile: Path) -> None:
        import websocket  # websocket-client, pinned in requirements.txt

        self.log = open(profile.parent / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [binary, *self.FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"Chromium did not start; see {profile.parent / 'chromium.log'}")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        self.ws.settimeout(60)  # a full-page screenshot of a long notebook takes a few seconds
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event["method"] == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(method)
            self.ws.settimeout(remaining)
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression: str, session: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        """Close the browser politely, then make sure its process group (ours) is gone."""
        try:
            if getattr(self, "ws", None):
                try:
                    self.ws.send(json.dumps({"id": self.next_id + 1, "method": "Browser.close"}))
                    self.process.wait(5)
                except Exception:
                    pass
                self.ws.close()
        finally:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
            try:  # helpers Chromium forked into the session it leads (started above, by us)
                os.killpg(self.process.pid, 15)
            except (ProcessLookupError, PermissionError):
                pass
            self.log.close()


# What the page looks like to a reader: images, headings, text contrast, print layout.
INSPECT = r"""
(() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const blend = (top, bottom) => { const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg); return bg; };
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const contrast = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode; const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el); const bg = background(el); const fg = blend(parse(style.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a); const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < needed) contrast.push({text: node.textContent.trim().slice(0, 40), tag: el.tagName,
      cls: String(el.className), color: style.color, background: 'rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ')',
      ratio: Math.round(ratio * 100) / 100, needed});
  }
  const images = [...document.images].map(img => ({alt: img.getAttribute('alt'), src: img.src.slice(0, 30),
    loaded: img.complete && img.naturalWidth > 0, breakInside: getComputedStyle(img.closest('.jp-RenderedImage') || img).breakInside}));
  const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => [Number(h.tagName[1]), h.textContent.trim()]);
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const width = document.documentElement.clientWidth;
  const tooWide = [...document.querySelectorAll('main *')].filter(el => visible(el)
    && el.getBoundingClientRect().right > width + 1
    && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
    .map(el => el.tagName + '.' + String(el.className).split(' ')[0] + ' ' + (el.textContent || '').trim().slice(0, 30));
  const shown = sel => [...document.querySelectorAll(sel)].filter(visible).length;
  return {contrast, images, headings, links, title: document.title, lang: document.documentElement.lang,
    prompts: shown('.jp-InputPrompt, .jp-OutputPrompt'), code: shown('.jp-CodeCell .jp-Cell-inputWrapper'),
    emptyOutputs: shown('.kit-empty-output, .jp-CodeCell.jp-mod-noOutputs'),
    nav: shown('nav.kit-nav'), tooWide};
})()
"""


@pytest.fixture(scope="module")
def executed_site(tmp_path_factory) -> Path:
    """The site as `make site` builds it: every notebook executed from a fresh kernel."""
    out = tmp_path_factory.mktemp("site-executed")
    build_site.build(out, run=True, log=lambda *_: None)
    return out


@pytest.fixture
def server(executed_site):
    handler = functools.partial(QuietHandler, directory=str(executed_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def screenshot(browser: DevTools, session: str, path: Path, scale: float = 1) -> None:
    """A PNG of the whole page (up to 20000 CSS pixels tall)."""
    metrics = browser.send("Page.getLayoutMetrics", session=session)
    size = metrics["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": min(size["width"], 1280), "height": min(size["height"], 20000), "scale": scale}
    shot = browser.send(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": clip, "optimizeForSpeed": True}, session
    )
    path.write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.browser
def test_pages_in_headless_chromium(executed_site, server):
    binary = chromium_or_skip()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in [*SCREENSHOTS.glob("*.png"), *SCREENSHOTS.glob("*.pdf")]:
        old.unlink()
    names = [p.name for p in pages(executed_site)]
    assert "index.html" in names
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kit-chromium-", ignore_cleanup_errors=True) as tmp:
        browser = DevTools(binary, Path(tmp) / "profile")
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}, session)
            for name in names:
                problems += check_page_in_browser(browser, session, server, executed_site, name)
        finally:
            browser.close()
    assert problems == [], "\n".join(problems)


def check_page_in_browser(browser: DevTools, session: str, base: str, site: Path, name: str) -> list[str]:
    """Load one page; return what is wrong with it (console, network, alt, headings, contrast, print)."""
    problems = []
    url = base + name
    browser.events.clear()
    browser.send("Emulation.setEmulatedMedia", {"media": "screen"}, session)
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired", session)
    screen = browser.evaluate(INSPECT, session)
    screenshot(browser, session, SCREENSHOTS / f"{Path(name).stem}.png")

    # As printed, in grey, at the width of an A4 page inside its margins (about 680 CSS px).
    browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 680, "height": 960, "deviceScaleFactor": 1, "mobile": False}, session)
    printed = browser.evaluate(INSPECT, session)
    browser.evaluate("document.documentElement.style.filter = 'grayscale(1)'", session)
    screenshot(browser, session, SCREENSHOTS / f"{Path(name).stem}.print-grey.png", scale=0.75)
    browser.evaluate("document.documentElement.style.filter = ''", session)
    # Ticking "Print the code cells too" brings every code cell (outside the model answers)
    # back into the print.
    code_cells = browser.evaluate(
        "(() => { const box = document.getElementById('kit-print-code'); if (!box) return null;"
        " box.checked = true; const all = [...document.querySelectorAll('.jp-CodeCell:not(.celltag_model-answer) .jp-Cell-inputWrapper')];"
        " const shown = all.filter(el => el.getClientRects().length > 0).length; box.checked = false;"
        " return [shown, all.length]; })()", session)
    if code_cells is not None and code_cells[0] != code_cells[1]:
        problems.append(f"{name}: with 'Print the code cells too', {code_cells[0]} of {code_cells[1]} code cells print")
    # The model answers stay out of the print unless "Print the model answers too" is ticked.
    answers = browser.evaluate(
        "(() => { const box = document.getElementById('kit-print-answers'); if (!box) return null;"
        " const all = [...document.querySelectorAll('.jp-Cell.celltag_model-answer')];"
        " const seen = () => all.filter(el => el.getClientRects().length > 0).length;"
        " const hidden = seen(); box.checked = true; const shown = seen(); box.checked = false;"
        " return [hidden, shown, all.length]; })()", session)
    if answers is not None and (answers[0] != 0 or answers[1] != answers[2]):
        problems.append(f"{name}: model answers in print: {answers[0]} of {answers[2]} shown unticked, "
                        f"{answers[1]} ticked")
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}, session)
    if name != "index.html":  # the handout as the browser prints it (A4), for a person to check
        pdf = browser.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                "preferCSSPageSize": True}, session)
        (SCREENSHOTS / f"{Path(name).stem}.pdf").write_bytes(base64.b64decode(pdf["data"]))

    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert", "warning"}:
            texts = [a.get("value") or a.get("description") for a in params.get("args", [])]
            problems.append(f"{name}: console {params['type']}: {texts}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"{name}: exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"]["level"] in {"error", "warning"}:
            problems.append(f"{name}: console {params['entry']['level']}: {params['entry']['text']}")
        elif method == "Network.requestWillBeSent":
            request = params["request"]["url"]
            if not (request.startswith(base) or request.startswith("data:")):
                problems.append(f"{name}: requested {request[:100]} (not part of the site)")
        elif method == "Network.loadingFailed":
            problems.append(f"{name}: request failed: {params.get('errorText')}")
        elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
            problems.append(f"{name}: {params['response']['status']} for {params['response']['url']}")

    if screen["lang"] != "en" or not screen["title"]:
        problems.append(f"{name}: missing lang or title")
    for image in screen["images"]:
        if not image["loaded"]:
            problems.append(f"{name}: image {image['src']} did not load")
        if not (image["alt"] or "").strip() or image["alt"].strip().lower() in build_site.MEANINGLESS_ALT:
            problems.append(f"{name}: image {image['src']} has alt {image['alt']!r}")
    levels = [level for level, _ in screen["headings"]]
    if not levels:
        problems.append(f"{name}: no headings")
    problems += [f"{name}: {p}" for p in build_site.heading_problems(levels)]
    for fail in screen["contrast"]:
        problems.append(f"{name}: contrast {fail['ratio']} < {fail['needed']} for {fail['tag']}.{fail['cls']} "
                        f"{fail['text']!r} ({fail['color']} on {fail['background']})")
    for link in screen["links"]:
        if link.startswith(base):
            path = unquote(urlsplit(link).path).lstrip("/")
            if not (site / path).is_file():
                problems.append(f"{name}: link to {link} leads nowhere")
    if printed["prompts"] or printed["nav"]:
        problems.append(f"{name}: prompts or navigation visible in print")
    if printed["code"] or printed["emptyOutputs"]:
        problems.append(f"{name}: code cells or empty outputs visible in print")
    for element in printed["tooWide"]:
        problems.append(f"{name}: printed, {element!r} is wider than the paper")
    for image in printed["images"]:
        if image["breakInside"] != "avoid":
            problems.append(f"{name}: a chart may be split across printed pages")
    return problems
