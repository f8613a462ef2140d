"""Issue 15, item 5: a route for a student alone. The README and notebooks/README.md say how a
student works through the kit with an install and without one (the self-study copy), and mark a
core path of 60 to 90 minutes, whose figures are the notebooks' own; the notebooks' README gives
each notebook's time as its header does, and no longer promises that restarting undoes a
student's changes (trial P3)."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NB_README = (ROOT / "notebooks" / "README.md").read_text(encoding="utf-8")


def header(number: str) -> str:
    path = next((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    return "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])


def core_minutes(number: str) -> int | None:
    """The core path's minutes, as the notebook's header states them (None: all optional)."""
    text = header(number)
    found = re.search(r"[Cc]ore path\**[^\n]*?about (\d+) minutes", text)
    if found:
        return int(found.group(1))
    assert "all of it is optional" in text, number
    return None


def test_the_core_path_figures_are_the_notebooks_own():
    minutes = {n: core_minutes(n) for n in ("01", "02", "03", "04", "05")}
    assert minutes["05"] is None
    total = sum(m for m in minutes.values() if m)
    assert 60 <= total <= 90, total
    said = f"(notebook 01 about {minutes['01']}, 02 about {minutes['02']}, 03 about {minutes['03']}, 04 about {minutes['04']})"
    assert said in " ".join(NB_README.split())
    rounded = round(total, -1)
    assert f"about {rounded} minutes in all" in " ".join(NB_README.split())
    assert f"takes about {rounded} minutes" in " ".join(README.split())


def test_the_sequence_gives_each_notebooks_own_time():
    for number in ("01", "02", "03", "04", "05"):
        reading, exercises = re.search(r"about (\d+) minutes of reading, and (\d+) more", header(number)).groups()
        row = re.search(rf"^\| {number} \|.*\| ([^|]+) \|$", NB_README, re.MULTILINE).group(1)
        assert row.strip() == f"about {reading} min, and {exercises} for the exercises", number


def test_a_student_alone_with_an_install_and_without_one():
    for text in (README, NB_README):
        flat = " ".join(text.split())
        assert "make lab" in flat and "site-self-study" in flat and "make site-self-study" in flat
        assert "With an install" in flat or "With the kit installed" in flat
        assert "Without an install" in flat
        assert "make reset-notebooks" in flat
    assert "notebooks/README.md" in README.split("## Students working alone")[1].split("\n## ")[0]


def test_no_false_promise_about_restarting():
    flat = " ".join(NB_README.split())
    assert "puts everything back as it was" not in flat
    assert "does not undo them" in flat and "exercise.reset(" in flat
    assert "⋯" not in NB_README  # the model answers open with one click, on their summary line


def test_the_teacher_prints_the_pack():
    flat = " ".join(README.split())
    assert "make handouts" in flat and "handouts/A4/" in flat and "handouts/Letter/" in flat


def test_the_readmes_say_where_the_self_study_answers_are():
    """Trial 2 December, item 2: the self-study copy keeps the answers at the end of each page."""
    for text in (README, NB_README):
        flat = " ".join(text.split())
        assert "folded under its exercise (one click)" not in flat
        assert "at the end of" in flat.split("Without an install")[1][:600]
