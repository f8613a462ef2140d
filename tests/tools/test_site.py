"""The handout site (tools/build_site.py, the package tools/handouts/): offline, printable,
accessible. These tests read the built HTML; ``test_browser.py`` opens it in headless Chromium.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup

from handouts import answers, build, checks, common, notebooks, printing  # tools/ is on sys.path (conftest)

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "tools" / "build_site.py"

# A 1x1 PNG: enough to stand for a chart in a notebook written by hand.
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def soup_of(page: Path) -> BeautifulSoup:
    """The parsed page, parsed once per build (the tests only read it)."""
    stat = page.stat()
    return _parsed(str(page), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parsed(page: str, mtime: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(Path(page).read_text("utf-8"), "html.parser")


def real_notebooks() -> list[Path]:
    return notebooks.notebook_paths(ROOT / "notebooks")


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
        assert entry.select_one("a.kit-title").get_text(strip=True) == notebooks.first_heading(nb)
        time_needed = notebooks.time_line(nb)
        assert time_needed, f"{path.name}: the learner header has no 'Time needed' line"
        assert entry.select_one(".kit-time").get_text(strip=True) == time_needed


def test_pages_fetch_nothing_from_the_network(stored_site):
    for page in pages(stored_site):
        html = page.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert checks.network_fetches(soup) == [], page.name
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
            assert alt.strip().lower() not in checks.MEANINGLESS_ALT, (page.name, alt)


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
        tagged = soup.select(".jp-Cell.celltag_model-answer")
        assert tagged, f"{path.name}: no model-answer cells tagged"
        assert "Model answers" in tagged[0].get_text(), path.name
        assert not any("How to cite" in cell.get_text() for cell in tagged), path.name
        assert soup.find("input", id="kit-print-answers") is not None, path.name


def test_the_notebooks_tag_exactly_their_model_answers():
    """The tag is in the notebooks (the builder no longer looks for headings): every cell of
    each "Model answers" section, up to the footer, and no other cell."""
    for path in real_notebooks():
        nb = nbformat.read(path, as_version=4)
        tagged = [i for i, cell in enumerate(nb.cells) if answers.is_answer(cell)]
        assert tagged == answers.answer_section(nb) != [], path.name


def test_students_copy_has_no_guide_and_no_model_answers(students_site, stored_site):
    assert not (students_site / common.GUIDE_PAGE).exists()
    assert (students_site / common.WORKSHEET_PAGE).exists()
    assert sorted(p.name for p in pages(students_site) if p.name[:2].isdigit()) == sorted(
        p.name for p in pages(stored_site) if p.name[:2].isdigit())
    for page in pages(students_site):
        soup = soup_of(page)
        assert not soup.select(".celltag_model-answer"), page.name
        assert soup.find("input", id="kit-print-answers") is None, page.name
        assert not any(common.GUIDE_PAGE in a["href"] or "teachers_guide" in a["href"]
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
        assert (site / common.SOURCES_PAGE).exists()
        index = soup_of(site / "index.html")
        assert index.find("a", href=common.SOURCES_PAGE) is not None


def test_long_tokens_in_tables_are_marked_and_short_words_are_not():
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><tr><td>Kelly</td>'
                         '<td>see https://example.org/a/very/long/address/here now</td></tr></table></div>',
                         "html.parser")
    printing.mark_long_tokens(soup)
    assert [s.get_text() for s in soup.select("span.kit-long")] == ["https://example.org/a/very/long/address/here"]
    assert soup.select("td")[1].get_text() == "see https://example.org/a/very/long/address/here now"
    assert soup.select("td")[0].get_text() == "Kelly"


def test_column_names_break_after_underscores_and_keep_short_parts_whole():
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><thead><tr><th>line</th>'
                         '<th>line_start</th><th>share_of_words</th></tr></thead></table></div>',
                         "html.parser")
    printing.break_column_names(soup)
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
    printing.break_column_names(soup)
    assert str(soup.select_one("th")) == "<th>characters</th>"


def test_the_answer_section_stops_at_the_footer_and_the_students_copy_withholds_it(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 01 Tags\n\nTime needed: 5 minutes.\n\n## Try it"),
        nbformat.v4.new_markdown_cell("## Model answers"),
        nbformat.v4.new_code_cell("print('the answer is 42')"),
        nbformat.v4.new_markdown_cell("---\n**How to cite.** ..."),
    ])
    assert answers.answer_section(nb) == [1, 2]
    assert answers.tag_answer_section(nb) == 2
    assert [answers.is_answer(c) for c in nb.cells] == [False, True, True, False]
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(nb, folder / "01_tags.ipynb")
    build.build(tmp_path / "students", folder, None, run=False, log=lambda *_: None, students=True)
    page = soup_of(tmp_path / "students" / "01_tags.html")
    assert "the answer is 42" not in page.get_text() and "leaves the model answers out" in page.get_text()
    assert "How to cite" in page.get_text()
    build.build(tmp_path / "teacher", folder, None, run=False, log=lambda *_: None)
    teacher = soup_of(tmp_path / "teacher" / "01_tags.html")
    assert len(teacher.select(".jp-Cell.celltag_model-answer")) == 2


def test_headings_do_not_skip_levels(stored_site):
    for page in pages(stored_site):
        levels = [level for level, _ in checks.heading_levels(soup_of(page))]
        assert levels, f"{page.name} has no heading"
        assert checks.heading_problems(levels) == [], page.name


def test_local_links_point_at_files_of_the_site(stored_site):
    for page in pages(stored_site):
        for anchor in soup_of(page).find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert (stored_site / unquote(parts.path)).is_file(), (page.name, anchor["href"])


def test_heading_rule_on_examples():
    assert checks.heading_problems([1, 2, 3, 2, 2, 1, 2]) == []
    assert checks.heading_problems([1, 3]) == ["heading 2 is h3 after h1"]
    assert checks.heading_problems([2]) == ["heading 1 is h2 after the start of the page"]


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
    assert notebooks.first_heading(nb) == "03 Topics: what they talked about"
    assert notebooks.time_line(nb) == "Time needed: about 40 minutes."
    table = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("| Time needed | 1 hour |")])
    assert notebooks.time_line(table) == "Time needed: 1 hour"


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
    with pytest.raises(common.SiteError, match=r"01_chart\.ipynb, cell 2 \(id chart-cell\)"):
        build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)


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
    build.build(tmp_path / "site", folder, None, run=True, log=lambda *_: None)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (folder / "written-by-the-kernel.txt").exists()
    img = soup_of(tmp_path / "site" / "01_throwaway.html").select_one("img.kit-chart")
    assert img["alt"] == "Two bars: Kelly 1, Stalin 2."


def test_a_failing_cell_fails_the_build_naming_the_notebook(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 01 Broken"), nbformat.v4.new_code_cell("1 / 0")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, folder / "01_broken.ipynb")
    # the command line in this process (the script itself runs as a subprocess above)
    assert build.main(["--out", str(tmp_path / "site"), "--notebooks", str(folder),
                       "--guide", str(tmp_path / "none.md")]) == 1
    err = capsys.readouterr().err
    assert "01_broken.ipynb: a cell failed while executing" in err
    assert "ZeroDivisionError" in err


def test_an_image_in_markdown_needs_alt_text_too(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "pixel.png").write_bytes(base64.b64decode(PIXEL))
    picture = nbformat.v4.new_markdown_cell("![](pixel.png)")
    picture["id"] = "picture"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 Picture"), picture])
    nbformat.write(nb, folder / "01_picture.ipynb")
    with pytest.raises(common.SiteError, match=r"01_picture\.ipynb, cell 2 \(id picture\): image has alt text ''"):
        build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
    picture.source = "![A single grey pixel](pixel.png)"
    nbformat.write(nb, folder / "01_picture.ipynb")
    build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
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
    build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None)
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
    warnings = build.build(site, tmp_path / "notebooks", tmp_path / "docs" / "guide.md", run=False, log=lambda *_: None)
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
    with pytest.raises(common.SiteError, match="refusing to empty"):
        build.build(precious, folder, None, run=False, log=lambda *_: None)
    assert (precious / "notes.txt").read_text() == "keep me"
    out = tmp_path / "site"
    build.build(out, folder, None, run=False, log=lambda *_: None)
    (out / "stale.html").write_text("from an older build")
    build.build(out, folder, None, run=False, log=lambda *_: None)  # rebuilds its own folder
    assert not (out / "stale.html").exists() and (out / "01_chart.html").exists()


def test_binder_links_when_asked(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(chart_notebook("One pixel, standing for a chart."), folder / "01_chart.ipynb")
    build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None, binder="owner/kit")
    links = [a["href"] for a in soup_of(tmp_path / "site" / "01_chart.html").find_all("a", href=True)]
    assert "https://mybinder.org/v2/gh/owner/kit/HEAD?urlpath=lab/tree/notebooks/01_chart.ipynb" in links
    index = [a["href"] for a in soup_of(tmp_path / "site" / "index.html").find_all("a", href=True)]
    assert "https://mybinder.org/v2/gh/owner/kit/HEAD?urlpath=lab/tree/notebooks" in index
    with pytest.raises(common.SiteError, match="OWNER/REPO"):
        build.build(tmp_path / "site", folder, None, run=False, log=lambda *_: None, binder="not a repo")


def test_speaker_colours_differ_in_grey():
    """Kelly's and Stalin's colours stay apart when printed in grey (luminance contrast >= 2)."""
    from helpers.course import SPEAKER_STYLES

    SPEAKER_COLOURS = {name: style.colour for name, style in SPEAKER_STYLES.items()}

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    kelly, stalin = luminance(SPEAKER_COLOURS["Kelly"]), luminance(SPEAKER_COLOURS["Stalin"])
    assert (max(kelly, stalin) + 0.05) / (min(kelly, stalin) + 0.05) >= 2


def test_hidden_inputs_stay_hidden_on_every_copy(stored_site, students_site, self_study_site):
    """The cm.prose(...) templates that notebook 04 hides are not on its page (trial P6)."""
    for site in (stored_site, students_site, self_study_site):
        page = soup_of(site / "04_commentary.html")
        code = " ".join(c.get_text() for c in page.select(".jp-CodeCell .jp-Cell-inputWrapper"))
        assert "text.prose(" not in code and "cm.prose(" not in code, site.name
        nb = nbformat.read(ROOT / "notebooks" / "04_commentary.ipynb", as_version=4)
        hidden_ids = [c.id for c in nb.cells if c.cell_type == "code" and c.metadata.get("jupyter", {}).get("source_hidden")
                      and "model-answer" not in c.metadata.get("tags", [])]
        for cell_id in hidden_ids:
            cell = page.find(id=f"cell-id={cell_id}")
            assert cell is not None and cell.select_one(".jp-Cell-inputWrapper") is None, cell_id


def test_self_study_copy_folds_each_answer_and_drops_the_checks(self_study_site, stored_site):
    assert not (self_study_site / common.GUIDE_PAGE).exists()
    for path in real_notebooks():
        page = soup_of(self_study_site / path.with_suffix(".html").name)
        # Each answer is folded once: in the notebook's own <details> (issue 15's notebooks) or,
        # for a notebook that does not fold its answers, in the builder's; either way its
        # summary names the exercise, and one click opens it.
        folded = page.select("details.kit-answer")
        assert folded, path.name
        numbers = []
        for details in folded:
            summary = details.find("summary")
            assert summary is not None, path.name
            named = re.match(r"Model answer(?: to|:) Try it (\d+)", summary.get_text(" ", strip=True))
            assert named, (path.name, summary.get_text(strip=True))
            numbers.append(int(named.group(1)))
            assert details.find("details") is None  # one click, never two
            assert details.find_parent("details") is None
        exercises = sorted({int(n) for n in re.findall(r"\*\*Try it (\d+)", " ".join(
            c.source for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "markdown" and "try-it" in c.metadata.get("tags", [])))})
        assert sorted(set(numbers)) == exercises, path.name
        # every answer's words are inside its fold, none after its summary outside it (an HTML
        # block re-parsed on its own closed the notebook's <details> at once, and the answer
        # showed unfolded below an empty fold)
        for details in folded:
            assert details.get_text(" ", strip=True) != details.find("summary").get_text(" ", strip=True), path.name
        for cell in page.select(".jp-Cell.celltag_model-answer"):
            if cell.find_parent("details") is not None:
                continue
            for output in cell.select(".jp-OutputArea-output"):
                outside = output.get_text(" ", strip=True)
                for details in output.find_all("details"):
                    outside = outside.replace(details.get_text(" ", strip=True), "", 1)
                assert not outside.strip(), (path.name, outside[:80])
        assert not page.select(".celltag_answer-check"), path.name
        assert not page.find_all("script"), path.name
        assert page.find("input", id="kit-print-answers") is None, path.name
        text = page.get_text(" ")
        assert "press Shift+Enter" not in text.split("Model answers")[0] or "cannot run code" in text, path.name
    index = soup_of(self_study_site / "index.html").get_text(" ")
    assert "self-study copy" in index


def test_zero_based_index_columns_are_dropped():
    soup = BeautifulSoup('<div class="jp-OutputArea-output"><table><thead><tr><th></th><th>a</th></tr></thead>'
                         '<tbody><tr><th>0</th><td>x</td></tr><tr><th>1</th><td>y</td></tr></tbody></table></div>'
                         '<div class="jp-OutputArea-output"><table><thead><tr><th></th><th>a</th></tr></thead>'
                         '<tbody><tr><th>Kelly</th><td>x</td></tr></tbody></table></div>', "html.parser")
    assert printing.drop_range_index(soup) == 1
    first, second = soup.select("table")
    assert [th.get_text() for th in first.select("th")] == ["a"]
    assert [th.get_text() for th in second.select("th")] == ["", "a", "Kelly"]


def test_paper_tasks_replace_the_screen_text_in_print(tmp_path):
    """An exercise with a paper task (cell metadata kit.paper) prints the task and a box, not the
    screen text or its code cell; the self-study copy shows the task on screen and drops the code."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    task = nbformat.v4.new_markdown_cell("## Try it\n\nChange a word in the cell, then press Shift+Enter.\n\n"
                                         "**Try it 1: find it.** Change `\"pipe\"`, then press Shift+Enter.",
                                         metadata={"tags": ["try-it"], "kit": {"paper": "**Try it 1: find it.** Find the pipe in the cable."}})
    code = nbformat.v4.new_code_cell("find('pipe')", metadata={"tags": ["try-it-code"]})
    check = nbformat.v4.new_code_cell("check('x')", metadata={"tags": ["answer-check"]})
    answer = nbformat.v4.new_markdown_cell("## Model answers\n\nIntro.\n\n**Try it 1: find it.** Line 56.", metadata={"tags": ["model-answer"]})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 T\n\nTime needed: 5 minutes."),
                                         task, code, check, answer, nbformat.v4.new_markdown_cell("How to cite")])
    nbformat.write(nb, folder / "01_t.ipynb")
    build.build(tmp_path / "teacher", folder, None, run=False, log=lambda *_: None)
    teacher = soup_of(tmp_path / "teacher" / "01_t.html")
    assert "Find the pipe" in " ".join(c.get_text() for c in teacher.select(".jp-Cell.celltag_kit-paper-task"))
    assert "Shift+Enter" in " ".join(c.get_text() for c in teacher.select(".jp-Cell.celltag_kit-screen-task"))
    assert teacher.select_one(".kit-writing-box") is not None
    assert teacher.select(".celltag_kit-replaced-in-print") and teacher.select(".celltag_answer-check")
    build.build(tmp_path / "alone", folder, None, run=False, log=lambda *_: None, copy="self-study")
    alone = soup_of(tmp_path / "alone" / "01_t.html")
    assert "Shift+Enter" not in alone.get_text()
    assert "find('pipe')" not in alone.get_text() and not alone.select(".celltag_answer-check")
    assert alone.select_one("details.kit-answer summary").get_text() == "Model answer to Try it 1: find it"


def test_no_na_and_no_zero_based_index_in_any_students_table(stored_site, students_site, self_study_site):
    """Trial P10: no <NA> (nor NaN, None) in a table a student reads, and no 0, 1, 2 ... row
    numbers under an empty header, on any page of the three copies; and none in the notebooks'
    stored tables either (what JupyterLab shows)."""
    empty = {"<NA>", "NaN", "nan", "None", "NaT"}
    for site in (stored_site, students_site, self_study_site):
        for page in pages(site):
            for table in soup_of(page).select("main table"):
                cells = [c.get_text(strip=True) for c in table.select("td, th")]
                assert not empty & set(cells), (site.name, page.name, sorted(empty & set(cells)))
                rows = table.select("tbody tr")
                head = table.select_one("thead tr")
                labels = [r.find(["th", "td"]).get_text(strip=True) if r.find(["th", "td"]) else "" for r in rows]
                if head is not None and rows and not head.find(["th", "td"]).get_text(strip=True):
                    assert labels != [str(i) for i in range(len(rows))], (site.name, page.name)
    for path in real_notebooks():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
                html = output.get("data", {}).get("text/html")
                if not html:
                    continue
                table = BeautifulSoup("".join(html) if isinstance(html, list) else html, "html.parser")
                cells = [c.get_text(strip=True) for c in table.select("td, th")]
                assert not empty & set(cells), (path.name, cell.get("id"))
                first = [r.find("th").get_text(strip=True) for r in table.select("tbody tr") if r.find("th")]
                assert not (first and first == [str(i) for i in range(len(first))]), (path.name, cell.get("id"))


def test_self_study_copy_drops_jupyterlab_help_and_folds_the_code(tmp_path):
    """A reader with no install meets no JupyterLab instruction: the lab-only cells are left out,
    a cell's kit.static text replaces its JupyterLab wording, and code is folded under "Show the
    code" (its result open); the teacher's and students' copies keep the notebook's own text."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    head = nbformat.v4.new_markdown_cell("# 01 T\n\nTime needed: 5 minutes. Run it with Shift+Enter.",
                                         metadata={"kit": {"static": "# 01 T\n\nTime needed: 5 minutes. Read it."}})
    box = nbformat.v4.new_markdown_cell("> **When a cell shows red.** Start again: `exercise.reset(\"01\")`.",
                                        metadata={"tags": ["lab-only"]})
    code = nbformat.v4.new_code_cell("print('hello there')", outputs=[nbformat.v4.new_output("stream", text="hello there\n")])
    nb = nbformat.v4.new_notebook(cells=[head, box, code, nbformat.v4.new_markdown_cell("How to cite")])
    nbformat.write(nb, folder / "01_t.ipynb")
    build.build(tmp_path / "alone", folder, None, run=False, log=lambda *_: None, copy="self-study")
    alone = soup_of(tmp_path / "alone" / "01_t.html")
    text = alone.get_text(" ")
    assert "Shift+Enter" not in text and "When a cell shows red" not in text and "exercise.reset" not in text
    assert "Read it." in text
    folded = alone.select_one(".jp-CodeCell details.kit-folded-code")
    assert folded is not None and folded.summary.get_text() == "Show the code"
    assert "print" in folded.get_text() and "hello there" in alone.select_one(".jp-OutputArea").get_text()
    for copy in ("teacher", "students"):
        build.build(tmp_path / copy, folder, None, run=False, log=lambda *_: None, copy=copy)
        page = soup_of(tmp_path / copy / "01_t.html")
        assert "Shift+Enter" in page.get_text() and "When a cell shows red" in page.get_text(), copy
        assert page.select_one("details.kit-folded-code") is None, copy


JUPYTERLAB_ONLY = ("Shift+Enter", "exercise.reset", "reset-notebooks", "click its bar", "When a cell shows red",
                   "Reload Notebook from Disk", "+ button")


def test_self_study_pages_carry_no_jupyterlab_instruction(self_study_site):
    """Report item 1 (trial 2 December): the kit's own notebooks, in the self-study copy."""
    for page in sorted(self_study_site.glob("0*.html")):
        soup = soup_of(page)
        for details in soup.select("details.kit-folded-code"):
            details.decompose()  # the code itself, folded, may say anything
        text = soup.get_text(" ")
        assert not [w for w in JUPYTERLAB_ONLY if w in text], page.name
        assert not soup.select(".celltag_try-it-code"), page.name


def test_students_copy_shows_each_paper_task_on_screen_first(students_site):
    """Report item 8: on screen the students' copy gives each exercise as its paper task (a tablet
    reader can do it), then the JupyterLab version under "In JupyterLab"."""
    css = (common.ASSETS / "site.css").read_text("utf-8")
    assert "body.kit-copy-teacher .jp-Cell.celltag_kit-paper-task" in css
    page = soup_of(students_site / "01_reading_the_cable.html")
    cells = page.select(".jp-Cell")
    papers = [i for i, c in enumerate(cells) if "celltag_kit-paper-task" in c["class"]
              and "celltag_kit-paper-intro" not in c["class"]]
    assert len(papers) == 4
    for i in papers:
        after = cells[i + 1]
        assert "celltag_kit-screen-task" in after["class"] and after.get_text(" ", strip=True).startswith("In JupyterLab:")


def test_index_says_how_each_reader_copy_works_under_its_own_heading(self_study_site, students_site):
    """Report item 2: the paragraph on how the copy works has its own heading, the pack list has
    no teacher's wording, and the self-study index gives the core path from the notebooks."""
    for site in (self_study_site, students_site):
        index = soup_of(site / "index.html")
        headings = [h.get_text(strip=True) for h in index.find_all("h2")]
        assert "How this copy works" in headings, site.name
        pack = index.select_one("ul.kit-pack-list").get_text(" ")
        assert "lesson plan" not in pack and "one per" not in pack and "handed out" not in pack, site.name
        printing_part = index.get_text(" ").split("Printing")[-1]
        assert "self-study copy" not in printing_part and "students' copy" not in printing_part
    text = " ".join(soup_of(self_study_site / "index.html").get_text(" ").split())
    assert "at the end of its page" in text
    assert "core path" in text and "notebooks 01 to 04" in text and "about 90 minutes" in text


def test_plan_a_points_only_at_what_the_teacher_holds(stored_site):
    """Report item 5: the one-page plan names the handouts, not a box or a section off its page."""
    text = " ".join(soup_of(stored_site / "plan_a.html").get_text(" ").split())
    assert "see the section on them below" not in text and 'Print: see "Before the lesson"' not in text
    for handout in ("cable.pdf", "worksheet_print.pdf", "context.pdf", "block_A.pdf", "answer_key.pdf"):
        assert handout in text, handout


def test_no_page_for_readers_names_the_repository_file_of_sources(stored_site, students_site, self_study_site):
    """Report item 6: a student holding a printed extract has no docs/sources.md; the pages cite
    the site's sources page in words ("the kit's list of sources (sources.html)")."""
    for site in (stored_site, students_site, self_study_site):
        for page in sorted(site.glob("*.html")):
            if page.name == common.GUIDE_PAGE:
                continue  # the teacher's guide speaks to a teacher who has the kit
            assert "docs/sources.md" not in soup_of(page).get_text(" "), (site.name, page.name)
    block = soup_of(stored_site / "block_D.html")
    assert block.find("a", href="sources.html", string="the kit's list of sources (sources.html)") is not None


def test_the_pack_readme_says_who_each_file_is_for():
    import make_handouts
    from handouts.pack import pack_pages

    lines = {p.name: make_handouts.readme_line(p, ["A4 2"]) for p in pack_pages()}
    assert "[teacher]" not in " ".join(lines.values())
    assert "for the group with block A" in lines["block_A"]
    assert "for the teacher alone" in lines["plan_a"] and "for the teacher alone" in lines["answer_key"]


def test_the_builds_local_kernels_talk_over_ipc_without_the_tcp_warning(tmp_path, capfd):
    """Report item 9: ipykernel warns "Kernel is running over TCP without encryption" for each
    notebook; the build's kernels are local, so they use IPC transport and the warning has no
    cause (nothing is filtered: the kernel's other messages would still show)."""
    from handouts import execute

    config = execute.local_kernel(tmp_path / ".kernel-01")
    assert config.KernelManager.transport == "ipc"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbformat.write(nb, tmp_path / "01_t.ipynb")
    ran = execute.execute(tmp_path / "01_t.ipynb", tmp_path / "01_t.ipynb", tmp_path, 60)
    assert ran.cells[0].outputs[0]["text"] == "42\n"
    captured = capfd.readouterr()
    assert "TCP without encryption" not in captured.err + captured.out


def test_the_projected_notebook_04_opens_with_the_lesson_not_with_code_and_help(stored_site, students_site):
    """Report item 7: on the teacher's (projected) and the students' pages, notebook 04's
    JupyterLab help box and its set-up cell of imports are folded to one line each; the help box
    is not printed."""
    for site in (stored_site, students_site):
        page = soup_of(site / "04_commentary.html")
        box = page.select_one(".jp-Cell.celltag_lab-only details.kit-lab-help")
        assert box is not None and "When a cell shows red" in box.get_text(), site.name
        setup = page.find(id="cell-id=c04-01")
        assert setup is not None and setup.select_one("details.kit-folded-code") is not None, site.name
    assert ".jp-Cell.celltag_lab-only { display: none !important; }" in (common.ASSETS / "print.css").read_text("utf-8")
