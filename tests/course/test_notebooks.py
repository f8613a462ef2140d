"""Every committed notebook: executed in order, clean, deterministic, with header and footer.

These checks read the stored notebooks; nbval (``pytest notebooks/``) re-executes them and
compares the outputs. The notebooks that take a transcript parameter are also run through
papermill on other transcripts, as ``tools/rerun.py`` does, to show that they work on any record.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.course import paths

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
MINE = ["01_reading_the_cable.ipynb", "02_who_held_the_floor.ipynb"]

#: A memory address in a repr, e.g. ``<Figure at 0x7f3a2b1c4d50>``.
ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
#: A timestamp of the run (the cable's own dates are from 1949, so only 20xx years count).
TIMESTAMP = re.compile(r"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d")
FOOTER_PARTS = [
    "**How to cite.**",
    "https://digitalarchive.wilsoncenter.org/document/134387",
    "*The Kelly–Stalin\ninterview, 18 July 1949: a study kit*",
    "version 0.1.0",
    "**Licence.** Code MIT; notes and notebooks CC BY 4.0.",
    "**Where the text comes from.** `seeds/000_6ea7450cd42aaf9c.txt`",
]
HEADER_PARTS = [r"What you will learn", r"Time needed", r"What to know first", r"Where (this|it) sits"]
SEQUENCE = ["01 reading the cable", "02 who held the floor", "03 topics", "04 commentary",
            "05 other accounts"]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def output_text(output: dict) -> str:
    if output["output_type"] == "stream":
        text = output["text"]
        return "".join(text) if isinstance(text, list) else text
    parts = []
    for mime, value in output.get("data", {}).items():
        if mime.startswith("image/") and mime != "image/svg+xml":
            continue
        parts.append("".join(value) if isinstance(value, list) else json.dumps(value))
    return "\n".join(parts)


def test_there_are_notebooks():
    names = [p.name for p in NOTEBOOKS]
    for mine in MINE:
        assert mine in names


ids = [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_executed_in_order(path):
    counts = [c.get("execution_count") for c in code_cells(load(path))]
    assert counts == list(range(1, len(counts) + 1)), "execute from a fresh kernel, top to bottom"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_errors_no_svg(path):
    for cell in code_cells(load(path)):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", source(cell)[:80]
            assert output.get("name") != "stderr", f"stderr stored under: {source(cell)[:80]}"
            assert "image/svg+xml" not in output.get("data", {}), source(cell)[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_outputs_are_deterministic(path):
    for cell in code_cells(load(path)):
        assert "execution" not in cell.get("metadata", {}), (
            "timing metadata stored: execute with --ExecutePreprocessor.record_timing=False")
        for output in cell.get("outputs", []):
            text = output_text(output)
            assert not ADDRESS.search(text), f"memory address in output of: {source(cell)[:80]}"
            assert not TIMESTAMP.search(text), f"timestamp in output of: {source(cell)[:80]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_kernelspec(path):
    assert load(path)["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_learner_header(path):
    first = load(path)["cells"][0]
    assert first["cell_type"] == "markdown"
    text = source(first)
    for part in HEADER_PARTS:
        assert re.search(part, text), f"learner header lacks {part!r}"
    for part in SEQUENCE:
        assert part in text, f"learner header lacks the sequence step {part!r}"
    number = path.name[:2]
    assert f"notebook {number} of {len(NOTEBOOKS):02d}" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_footer(path):
    markdown = [c for c in load(path)["cells"] if c["cell_type"] == "markdown"]
    last = source(markdown[-1])
    assert last.startswith("---")
    for part in FOOTER_PARTS:
        assert part in last, f"footer lacks {part!r}"
    assert f"notebook {path.name[:2]}, version 0.1.0" in last


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_try_it_and_model_answers(path):
    headings = [line for c in load(path)["cells"] if c["cell_type"] == "markdown"
                for line in source(c).splitlines() if line.startswith("#")]
    assert any("Try it" in h for h in headings)
    assert any("Model answers" in h for h in headings)
    assert any("Discussion" in h for h in headings)


@pytest.mark.parametrize("name", MINE)
def test_parameters_cell(name):
    cells = load(paths.NOTEBOOKS / name)["cells"]
    assert cells[0]["cell_type"] == "markdown"
    params = cells[1]
    assert params["cell_type"] == "code"
    assert params["metadata"].get("tags") == ["parameters"]
    assert re.search(r"^TRANSCRIPT = None", source(params), re.MULTILINE)
    assert re.search(r"^SPEAKERS = None", source(params), re.MULTILINE)
    assert "course.load(TRANSCRIPT, SPEAKERS" in source(cells[2])
    if name == "02_who_held_the_floor.ipynb":  # the notebook make rerun runs: STYLE=... too
        assert re.search(r"^STYLE = None", source(params), re.MULTILINE)
        assert "course.load(TRANSCRIPT, SPEAKERS, STYLE)" in source(cells[2])


@pytest.mark.parametrize("name", MINE)
def test_no_pyplot(name):
    for cell in code_cells(load(paths.NOTEBOOKS / name)):
        assert "pyplot" not in source(cell) and "plt." not in source(cell)


OTHER_TRANSCRIPTS = [
    "wh_2022-05-23_biden_kishida_joint_press_conference.txt",
    "form_memcon.txt",
]


@pytest.mark.parametrize(("name", "transcript"), [
    ("01_reading_the_cable.ipynb", OTHER_TRANSCRIPTS[0]),
    ("01_reading_the_cable.ipynb", OTHER_TRANSCRIPTS[1]),
    # notebook 02 on the White House record is run by tests/tools/test_rerun.py, as make rerun does
    ("02_who_held_the_floor.ipynb", OTHER_TRANSCRIPTS[1]),
])
def test_runs_on_another_transcript(tmp_path, name, transcript):
    """As tools/rerun.py runs it: papermill sets TRANSCRIPT; the notebook must not fail."""
    papermill = pytest.importorskip("papermill")
    out = tmp_path / name
    papermill.execute_notebook(
        str(paths.NOTEBOOKS / name), str(out), kernel_name="python3", progress_bar=False,
        parameters={"TRANSCRIPT": str(paths.ROOT / "tests" / "data" / transcript)},
        cwd=str(paths.NOTEBOOKS),
    )
    text = out.read_text(encoding="utf-8")
    assert '"output_type": "error"' not in text
    if name.startswith("02"):
        # nothing cable-specific is said about a record that is not the cable
        for cable_only in ["Pavlov", "Hayward", "Stalin spoke Russian", "exactly 25 minutes",
                           "of service", "personal questions"]:
            assert cable_only not in "".join(
                output_text(o) for c in code_cells(json.loads(text)) for o in c.get("outputs", []))


# ---------------------------------------------------------------------------------------------
# usability: answers folded away, exercises that start from neutral values, clean outputs


def cells_after(nb: dict, heading: str) -> list[dict]:
    """The cells after the markdown cell whose first line is ``heading``."""
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown" and source(cell).splitlines()[0] == heading:
            return nb["cells"][i + 1:]
    raise AssertionError(f"no cell headed {heading!r}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_model_answers_open_with_one_click(path):
    """Each answer is one code cell: its code hidden, its output the whole answer (words and
    computed numbers) in a closed <details> element whose summary names the exercise. No
    outputs_hidden: JupyterLab folds a cell's code and output separately (two clicks, the first
    showing raw Markdown, as the trial found)."""
    after = cells_after(load(path), "## Model answers")[:-1]  # not the footer
    assert after, "no model answers"
    for n, cell in enumerate(after, start=1):
        assert cell["cell_type"] == "code", source(cell)[:80]
        assert cell["metadata"].get("jupyter") == {"source_hidden": True}, source(cell)[:80]
        assert "collapsed" not in cell["metadata"]
        shown = "".join(output_text(o) for o in cell["outputs"])
        assert shown.startswith(f"<details>\n<summary><strong>Model answer: Try it {n}, "), shown[:80]
        assert "</summary>\n\n" in shown and "\n\n</details>" in shown  # Markdown inside renders


#: cell id -> (what its code must start from, text its stored output must NOT show: the answer)
NEUTRAL_EXERCISES = {
    "01_reading_the_cable.ipynb": {
        "nb01-28": (r'"pipe"', ["turn 8", "line 52"]),
        "nb01-30": (r'^FROM = "despatched".*\nTO = "received"', ["15 hours 11 minutes"]),
        "nb01-32": (r'ex.person\("Harrison"\)', ["Vyshinsky", "line 58", "line 64"]),
    },
    "02_who_held_the_floor.ipynb": {
        "nb02-33": (r"^my_rate = 130\b", ["12.4", "18.5", "12.6", "6.5 minutes"]),
        "nb02-35": (r"^leave_out = 0\b", ["59.3", "40.7"]),
        "nb02-37": (r'^mark = "!"', ["“?”", " 2 "]),
    },
}


@pytest.mark.parametrize("name", MINE)
def test_exercises_start_from_neutral_values(name):
    cells = {c.get("id"): c for c in load(paths.NOTEBOOKS / name)["cells"]}
    for cell_id, (start, answers) in NEUTRAL_EXERCISES[name].items():
        cell = cells[cell_id]
        assert re.search(start, source(cell), re.MULTILINE), f"{cell_id}: {source(cell)[:80]}"
        shown = "".join(output_text(o) for o in cell["outputs"])
        assert shown, f"{cell_id} is stored without its result"
        for answer in answers:
            assert answer not in shown, f"{cell_id} shows the answer {answer!r}"


@pytest.mark.parametrize("name", MINE)
def test_try_it_says_what_to_do(name):
    """Item 6 of the usability review: no promise that every exercise changes code."""
    text = "\n".join(source(c) for c in load(paths.NOTEBOOKS / name)["cells"]
                     if c["cell_type"] == "markdown")
    assert "Each exercise changes a line or two of code" not in text
    assert re.search(r"Some exercises ask you to change a\s+(number or a )?word", text)
    assert text.count("Shift+Enter") >= 4


#: A value cut short by pandas: a word running into "...", at the end of a cell or a line.
CUT = re.compile(r"\w\.\.\.(</td>|\s*$|\s{2,}|\s*\n)", re.MULTILINE)


@pytest.mark.parametrize("name", MINE)
def test_no_debugging_noise_or_cut_tables(name):
    """No pandas Series footers ("Name: ..., dtype: int64"), no list brackets, no "..." cuts."""
    for cell in code_cells(load(paths.NOTEBOOKS / name)):
        for output in cell.get("outputs", []):
            text = output_text(output)
            assert "dtype:" not in text, source(cell)[:80]
            assert not CUT.search(text), f"a table is cut short under: {source(cell)[:80]}"
            plain = output.get("data", {}).get("text/plain", "")
            plain = "".join(plain) if isinstance(plain, list) else plain
            assert not plain.startswith("["), f"a bare list under: {source(cell)[:80]}"


def test_02_names_every_chart_it_draws():
    """The objectives list the charts without a typed count, and name the speaking-time one."""
    first = source(load(paths.NOTEBOOKS / "02_who_held_the_floor.ipynb")["cells"][0])
    assert "four charts" not in first
    assert "time the recorded words would take" in first


# ---------------------------------------------------------------------------------------------
# notebooks/README.md: the class plans are the teacher's guide's, and the words are glossed

README = paths.NOTEBOOKS / "README.md"
GUIDE = paths.ROOT / "docs" / "teachers_guide.md"
SLOT = re.compile(r"(\d+)–(\d+)")


def guide_slots(title: str) -> list[str]:
    """Time slots of the table under ``title`` in the teacher's guide (a heading or bold line)."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(title)
    slots = []
    for line in text[start:].splitlines()[1:]:
        if slots and not line.startswith("|"):
            break
        match = re.match(r"\|\s*(\d+–\d+)\s*\|", line)
        if match:
            slots.append(match.group(1))
    return slots


def readme_slots(title: str) -> list[str]:
    """Time slots of the list under ``title`` in notebooks/README.md (``- **0–5** ...``)."""
    text = README.read_text(encoding="utf-8")
    start = text.index(title)
    slots = []
    for line in text[start:].splitlines()[1:]:
        if slots and not (line.startswith("- ") or line.startswith("  ")):
            break
        match = re.match(r"- \*\*(\d+–\d+)\*\*", line)
        if match:
            slots.append(match.group(1))
    return slots


@pytest.mark.parametrize("guide_title, readme_title", [
    ("## Lesson plan A", "### One 50-minute class"),
    ("**Lesson 1:", "*Lesson 1,"),
    ("**Lesson 2:", "*Lesson 2,"),
    ("## Lesson plan C", "### A class on corroboration"),
])
def test_readme_class_plans_follow_the_guide(guide_title, readme_title):
    guide, readme = guide_slots(guide_title), readme_slots(readme_title)
    assert guide, f"no time table under {guide_title!r} in the guide"
    assert readme == guide, f"notebooks/README.md {readme_title!r} has {readme}, the guide {guide}"

def test_readme_glossary_explains_the_jargon():
    text = README.read_text(encoding="utf-8")
    box = text[text.index("## Words used in this kit"):text.index("## Before you quote a number")]
    for term in ["**parse**", "**offset**", "**token**", "*exact source\n>   slice*",
                 "**order of magnitude**", "**turn**", "**narration**", "**speaker file**"]:
        assert term in box, f"the glossary lacks {term!r}"


def test_notebooks_02_and_04_use_the_one_speaking_time_model():
    """One model, one rounding rule: both notebooks call helpers.measures.speaking_time, and the
    package has no other speaking-time function."""
    for name in ["02_who_held_the_floor.ipynb", "04_commentary.ipynb"]:
        code = "\n".join(source(c) for c in code_cells(load(paths.NOTEBOOKS / name)))
        assert "measures.speaking_time(" in code, name
    defined = [path.name for path in (paths.ROOT / "helpers").rglob("*.py")
               if re.search(r"^def speaking_time\(", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert defined == ["measures.py"]
