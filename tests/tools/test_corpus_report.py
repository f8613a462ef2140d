"""The corpus run's comparison notebook and its page: `python -m helpers corpus DIR OUT --notebook`
(what `make rerun TRANSCRIPTS=DIR` runs), once for the module, on the demo corpus."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup

from handouts.checks import image_alt_problems, network_fetches
from helpers import corpus, text
from helpers.course import paths

DEMO = paths.ROOT / "tests" / "data" / "corpus"
TEMPLATE = paths.ROOT / "notebooks" / "templates" / "compare_corpus.ipynb"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-report") / "out"
    before = hashlib.sha256(TEMPLATE.read_bytes()).hexdigest()
    done = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(DEMO), str(out), "--notebook"],
                          capture_output=True, text=True, encoding="utf-8", cwd=paths.ROOT, timeout=300)
    assert hashlib.sha256(TEMPLATE.read_bytes()).hexdigest() == before  # the template is only read
    return done, out


def test_the_notebook_runs_and_its_page_is_written(report):
    done, out = report
    assert done.returncode == 0, done.stderr
    assert (out / "compare_corpus.ipynb").is_file() and (out / "compare_corpus.html").is_file()
    assert "compare_corpus.ipynb, compare_corpus.html" in done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["path"]: o["sha256"] for o in manifest["outputs"]}
    for name in ["compare_corpus.ipynb", "compare_corpus.html"]:
        assert listed[name] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert manifest["parameters"]["notebook"] is True


def test_the_notebook_shows_the_corpus_s_own_tables_and_charts(report):
    _, out = report
    nb = nbformat.read(out / "compare_corpus.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "\n".join(o.get("data", {}).get("text/markdown", "") for o in outputs)
    run = corpus.read_corpus(DEMO, jobs=1)
    assert corpus.summary_markdown(run).replace(str(DEMO), "") in shown.replace(str(DEMO.resolve()), "")
    assert corpus.doubts_markdown(run) in shown
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    drawn = corpus.charts_of(run)
    assert [o.metadata["image/png"]["alt"] for o in images] == [c.description for c in drawn.values()]
    for chart in drawn.values():  # the visible caption under each chart, from the same table
        assert text.what_the_chart_shows(chart) in shown


def test_the_page_works_offline_with_every_chart_described(report):
    _, out = report
    soup = BeautifulSoup((out / "compare_corpus.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None
    assert network_fetches(soup) == []
    assert image_alt_problems(soup) == []
    assert len(soup.find_all("img")) == 3


def test_the_template_is_outside_the_course_and_the_tests():
    nb = nbformat.read(TEMPLATE, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and "CORPUS = None" in params[0].source
    collected = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "notebooks"],
                               capture_output=True, text=True, cwd=paths.ROOT, timeout=120)
    assert "templates" not in collected.stdout and "02_who_held_the_floor" in collected.stdout


def test_make_rerun_transcripts_runs_the_corpus_with_its_notebook():
    done = subprocess.run(["make", "--no-print-directory", "-n", "rerun", "TRANSCRIPTS=tests/data/corpus/", "STYLE=colon"],
                          capture_output=True, text=True, cwd=paths.ROOT, timeout=60)
    command = done.stdout.splitlines()[-1]
    assert "-m helpers corpus" in command and '"tests/data/corpus/"' in command
    assert '"reruns/corpus"' in command and "--notebook" in command and '--style "colon"' in command
    single = subprocess.run(["make", "--no-print-directory", "-n", "rerun", "TRANSCRIPT=x.txt"], capture_output=True,
                            text=True, cwd=paths.ROOT, timeout=60).stdout.splitlines()[-1]
    assert "tools/rerun.py" in single and '"x.txt"' in single
