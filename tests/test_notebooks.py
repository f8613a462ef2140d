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

from helpers import paths

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
SEQUENCE = ["01 reading the cable", "02 who held the floor", "03 topics", "04 commentary"]


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
    assert f"notebook {number} of 04" in text


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
    assert "helpers.load(TRANSCRIPT, SPEAKERS)" in source(cells[2])


@pytest.mark.parametrize("name", MINE)
def test_no_pyplot(name):
    for cell in code_cells(load(paths.NOTEBOOKS / name)):
        assert "pyplot" not in source(cell) and "plt." not in source(cell)


OTHER_TRANSCRIPTS = [
    "wh_2022-05-23_biden_kishida_joint_press_conference.txt",
    "form_memcon.txt",
]


@pytest.mark.parametrize("name", MINE)
@pytest.mark.parametrize("transcript", OTHER_TRANSCRIPTS)
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
        for cable_only in ["Pavlov", "Stalin spoke Russian", "exactly 25 minutes"]:
            assert cable_only not in "".join(
                output_text(o) for c in code_cells(json.loads(text)) for o in c.get("outputs", []))
