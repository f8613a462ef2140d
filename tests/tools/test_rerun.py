"""tools/rerun.py, run as a user would: outputs, untouched notebooks, and one-line errors."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.course import paths

TOOL = paths.ROOT / "tools" / "rerun.py"
DATA = Path(__file__).resolve().parents[1] / "data"
WH = DATA / "wh_2022-05-23_biden_kishida_joint_press_conference.txt"
PRESS = DATA / "form_press_conference.txt"

_spec = importlib.util.spec_from_file_location("rerun", TOOL)  # a script, not a package
rerun = importlib.util.module_from_spec(_spec)
sys.modules["rerun"] = rerun  # its dataclasses look their module up while it loads
_spec.loader.exec_module(rerun)


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=paths.ROOT, timeout=300)


def digests(notebooks: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in notebooks}


def stand_in(folder: Path, body: str) -> Path:
    """A small notebook shaped like notebook 02: a tagged parameters cell, then the analysis."""
    params = nbformat.v4.new_code_cell("TRANSCRIPT = None\nSPEAKERS = None")
    params.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Stand-in for 02"), params,
               nbformat.v4.new_code_cell(body)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}})
    path = folder / "02_stand_in.ipynb"
    nbformat.write(nb, path)
    return path


SUMMARY = ("import helpers\n"
           "record = helpers.load(TRANSCRIPT, SPEAKERS)\n"
           "print(len(record.turns), 'turns:', ', '.join(record.turns['speaker'].cat.categories))\n"
           "helpers.measures.per_speaker(record.turns)")


def outputs_text(nb_path: Path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    return "\n".join(o.get("text", "") + json.dumps(o.get("data", {}))
                     for c in nb.cells if c.cell_type == "code" for o in c.outputs)


# --- a transcript of our own, through a notebook of our own -------------------------------------
def test_rerun_own_transcript(tmp_path):
    notebook = stand_in(tmp_path, SUMMARY)
    before = digests([notebook])
    out = tmp_path / "out"
    result = run(PRESS, "--out", out, "--notebook", notebook)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "02_stand_in.html", "02_stand_in.ipynb", "turns.csv"]
    # the notebook ran on the transcript, with its speaker file beside it
    assert "6 turns: Hale, Chancellor Weber, Q" in outputs_text(out / "02_stand_in.ipynb")
    executed = nbformat.read(out / "02_stand_in.ipynb", as_version=4)
    assert executed.cells[0].cell_type == "markdown"
    assert "Rerun on `form_press_conference.txt`" in executed.cells[0].source
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and f'TRANSCRIPT = "{PRESS.resolve()}"' in injected[0].source
    # the turn table as CSV, one row per turn, UTF-8 with a byte-order mark
    csv = (out / "turns.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbfturn,speaker,side,label,")
    assert csv.count(b"\r\n") == 7
    # HTML with the computed table, and no script fetched from the web
    html = (out / "02_stand_in.html").read_text(encoding="utf-8")
    assert "Chancellor Weber" in html and "Rerun on" in html
    assert 'src="http' not in html
    assert 'href="index.html"' not in html  # a page on its own: no link to a site it is not in
    # the notebook it ran is only read
    assert digests([notebook]) == before
    assert result.stderr.splitlines()[0] == f"6 turns from {PRESS}"


# --- the real example, through the kit's own turn notebooks ---------------------------------------
def test_rerun_example_with_the_kit_notebooks(tmp_path, capsys):
    # The kit's turn notebooks (02, and any other with a TRANSCRIPT parameter), as `make rerun`
    # runs them (in this process: the command itself runs as a subprocess above).
    notebooks = rerun.turn_notebooks()
    assert notebooks
    committed = digests(notebooks)
    out = tmp_path / "wh"
    assert rerun.main([str(WH), "--out", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == f"34 turns from {WH}"
    names = {p.name for p in out.iterdir()}
    for notebook in notebooks:
        assert {notebook.name, notebook.with_suffix(".html").name} <= names
        executed = nbformat.read(out / notebook.name, as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type == "error"]
        assert errors == []
        assert 'src="http' not in (out / notebook.with_suffix(".html").name).read_text(encoding="utf-8")
        # nothing cable-specific is said about a record that is not the cable
        shown = outputs_text(out / notebook.name)
        for cable_only in ["Pavlov", "Hayward", "Stalin spoke Russian", "exactly 25 minutes",
                           "of service", "personal questions"]:
            assert cable_only not in shown, cable_only
    assert "turns.csv" in names
    assert (out / "turns.csv").read_bytes().count(b"\r\n") == 35  # header + 34 turns
    # the committed notebooks are only read
    assert digests(notebooks) == committed


@pytest.mark.parametrize("text", [
    # the first speaker speaks once (a moderator's welcome), so leaving out turn 1 drops them
    "MODERATOR: Welcome.\n\nPRESIDENT HALE: Thank you.\n\nQ    Any news?\n\nPRESIDENT HALE: None.",
    "Stalin: Yes.",  # one speaker, one turn
])
def test_kit_notebooks_run_on_small_records(tmp_path, capsys, text):
    source = tmp_path / "small.txt"
    source.write_text(text, encoding="utf-8")
    assert rerun.main([str(source), "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err


def test_default_output_folder_is_reruns_stem():
    assert rerun.RERUNS == paths.ROOT / "reruns"
    parser = rerun.build_parser()
    args = parser.parse_args([str(WH)])
    assert args.out is None and args.speakers is None


# --- a notebook that fails on the transcript ---------------------------------------------------------
def test_failing_notebook_names_the_cell(tmp_path, capsys):
    notebook = stand_in(tmp_path, "import helpers\nrecord = helpers.load(TRANSCRIPT)\n"
                                  "record.turns.loc[99, 'words']")
    out = tmp_path / "out"
    assert rerun.main([str(PRESS), "--out", str(out), "--notebook", str(notebook)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"{notebook}: error: failed on form_press_conference.txt at In [3] (KeyError: ")
    assert (out / "02_stand_in.ipynb").exists() and not (out / "02_stand_in.html").exists()


# --- transcripts that cannot be rerun: one line, exit 2, nothing written -----------------------------
#: The messages exactly as docs/bring_your_own.md shows them.
BAD = [
    (b"", "1:1: error: the file is empty: there is no text to read"),
    (b"Title\n\nStalin: \xe2\x80\x9cThat is true.\n\nSir D. Kelly: \xe2\x80\x9cYes\xe2\x80\x9d.",
     "3:9: error: the quotation opened here (in the turn of \u201cStalin\u201d) never closes: add "
     "the closing quotation mark where the speech ends"),
    (b"Kelly: caf\xe9", "1:11: error: the file is not UTF-8 text (byte 0xe9 cannot be read); "
                        "save it again as UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "3:1: error: this looks like a binary file, not text (it has a "
                                   "NUL byte); if it is text saved as UTF-16, save it again as UTF-8"),
    (b"A memorandum.\n\nThe Ambassador said: nothing.",
     "1:1: error: no speaker turns found, so there is nothing to analyse: no paragraph opens with "
     "a speaker label such as 'Chairman:' or 'PRESIDENT BIDEN:' (see docs/bring_your_own.md)"),
]


@pytest.mark.parametrize("content,expected", BAD)
def test_bad_transcript_one_line_exit_2(tmp_path, capsys, content, expected):
    path = tmp_path / "record.txt"
    path.write_bytes(content)
    out = tmp_path / "out"
    assert rerun.main([str(path), "--out", str(out), "--notebook", str(stand_in(tmp_path, "1"))]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{path}:{expected}\n"
    assert not out.exists()


def test_missing_notebook_and_missing_speaker_file(tmp_path, capsys):
    assert rerun.main([str(PRESS), "--notebook", str(tmp_path / "nope.ipynb")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'nope.ipynb'}: error: no such notebook\n"
    assert rerun.main([str(PRESS), "--speakers", str(tmp_path / "nope.csv"),
                       "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'nope.csv'}: error: cannot read the speaker file")
    assert not (tmp_path / "out").exists()


def test_bad_speaker_file_messages(tmp_path, capsys):
    names = tmp_path / "names.csv"
    names.write_text("name,who\nA,B\n", encoding="utf-8")
    assert rerun.main([str(PRESS), "--speakers", str(names), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (f"{names}:1: error: a speaker file needs the columns label "
                                       "and speaker (missing: label, speaker)\n")
    names.write_text("label,speaker\nA,B\nC,D\n,E\n", encoding="utf-8")
    assert rerun.main([str(PRESS), "--speakers", str(names), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"{names}:4: error: every row needs a label and a speaker\n"


@pytest.mark.parametrize("content", [b"not a notebook", b"{\"cells\": 5}", b"\xff\xfe{"])
def test_a_file_that_is_not_a_notebook_is_refused_in_one_line(tmp_path, capsys, content):
    bad = tmp_path / "bad.ipynb"
    bad.write_bytes(content)
    assert rerun.main([str(PRESS), "--notebook", str(bad), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: error: this is not a Jupyter notebook that can be read (")
    assert err.count("\n") == 1 and not (tmp_path / "out").exists()


def test_a_speaker_file_that_is_not_csv_is_refused_in_one_line(tmp_path, capsys):
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nA," + "x" * 200_000 + "\n", encoding="utf-8")
    assert rerun.main([str(PRESS), "--speakers", str(names), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{names}:") and "error: the speaker file cannot be read as CSV (" in err
    assert err.count("\n") == 1


def test_parser_warnings_are_passed_on(tmp_path):
    source = tmp_path / "single.txt"
    source.write_text("Stalin: ‘Yes.’\n\nKelly: ‘Good.’", encoding="utf-8")
    warnings = []
    rerun.rerun(source, None, tmp_path / "out", notebooks=[], warn=warnings.append)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{source}: warning: most labels are followed by a single")


def test_speaker_file_label_no_turn_uses_is_a_warning(tmp_path):
    names = tmp_path / "names.csv"
    # "PRESIDENT HALE:" with its colon still matches; "PRESIDNET HALE" is a misspelling
    names.write_text("label,speaker\nPRESIDENT HALE:,Hale\nPRESIDNET HALE,Hale\n", encoding="utf-8")
    out, warnings = tmp_path / "out", []
    result = rerun.rerun(PRESS, names, out, notebooks=[], warn=warnings.append)
    assert warnings == [f"{names}: warning: no turn has the label PRESIDNET HALE: check the "
                        "spelling against the transcript"]
    assert (result.turns, result.notebooks) == (6, [])
    assert b",Hale,,PRESIDENT HALE," in (out / "turns.csv").read_bytes()


def test_rerun_counts_the_doubts(tmp_path, capsys, monkeypatch):
    # (issue 12; in this process and with no notebook to run: the printed lines are the point)
    debate = DATA / "form_debate.txt"
    monkeypatch.setattr(rerun, "turn_notebooks", lambda folder=None: [])
    assert rerun.main([str(debate), "--out", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"7 turns from {debate}"
    assert lines[1] == (f"{debate}: 3 doubts about the speaker labels: see python -m helpers "
                        f"check {debate}")
    assert rerun.main([str(PRESS), "--out", str(tmp_path / "press")]) == 0
    assert capsys.readouterr().err.splitlines()[1] == f"{PRESS}: no doubts about the speaker labels"


def test_notebook_without_parameters_cell_is_refused(tmp_path, capsys):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import helpers")])
    path = tmp_path / "plain.ipynb"
    nbformat.write(nb, path)
    assert rerun.main([str(PRESS), "--out", str(tmp_path / "out"), "--notebook", str(path)]) == 1
    assert capsys.readouterr().err.endswith(
        f"{path}: error: no code cell tagged 'parameters' sets TRANSCRIPT, so the notebook would "
        "read the cable, not your transcript\n")


def test_the_kit_reruns_notebook_02_only():
    assert rerun.TURN_NOTEBOOKS == ("02_who_held_the_floor.ipynb",)
    assert all(p.name in rerun.TURN_NOTEBOOKS for p in rerun.turn_notebooks())


def test_docs_show_the_messages_exactly():
    docs = (paths.ROOT / "docs" / "bring_your_own.md").read_text(encoding="utf-8")
    for _, expected in BAD:
        assert f"`record.txt:{expected}`" in docs
    for expected in ["names.csv:1: error: a speaker file needs the columns label and speaker",
                     "names.csv:4: error: every row needs a label and a speaker"]:
        assert f"`{expected}" in docs


# --- the style, given (issue 12): STYLE=... for make rerun, --style for the tool ------------------
def test_style_reaches_the_turn_table_and_the_notebook(tmp_path, capsys, monkeypatch):
    import papermill

    ran = {}

    def execute(nb, output, parameters=None, **_):  # a stand-in for the kernel: fast
        ran["parameters"] = parameters
        nbformat.write(nb, output)

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    record = tmp_path / "record.txt"
    record.write_text("Record\n\nPresident Orley. We agree.\n\nMinister Vance. We do not.",
                      encoding="utf-8")
    styled = stand_in(tmp_path, "1")
    nb = nbformat.read(styled, as_version=4)
    nb.cells[1].source += "\nSTYLE = None"
    nbformat.write(nb, styled)
    out = tmp_path / "out"
    assert rerun.main([str(record), "--style", "full-stop", "--out", str(out),
                       "--notebook", str(styled)]) == 0, capsys.readouterr().err
    assert ran["parameters"]["STYLE"] == "full-stop"
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"2 turns from {record}", f"{record}: no doubts about the speaker labels"]
    assert (out / "turns.csv").read_bytes().count(b"\r\n") == 3  # read as full-stop labels
    # (inferred, the style is colon, and the record has no turns: it is refused, see BAD)
    assert rerun.main([str(record), "--out", str(out), "--notebook", str(styled)]) == 2
    # without --style, no STYLE is passed: the notebook infers it
    assert rerun.main([str(PRESS), "--out", str(out), "--notebook", str(styled)]) == 0
    assert "STYLE" not in ran["parameters"]
    capsys.readouterr()
    # a notebook whose parameters cell cannot take it is refused, in one line
    (tmp_path / "plain").mkdir()
    plain = stand_in(tmp_path / "plain", "1")
    assert rerun.main([str(record), "--style", "full-stop", "--out", str(out),
                       "--notebook", str(plain)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"{plain}: error: no code cell tagged 'parameters' sets STYLE, so the notebook would not "
        "read your transcript in the full-stop style")
    # a style the parser does not know: one line, exit 2, nothing written
    assert rerun.main([str(record), "--style", "bold", "--out", str(tmp_path / "bad")]) == 2
    assert capsys.readouterr().err == (f"{record}: error: --style must be one of quoted, colon, "
                                       "full-stop, not 'bold'\n")
    assert not (tmp_path / "bad").exists()


def test_notebook_02_takes_the_style():
    assert rerun.has_style_parameter(paths.NOTEBOOKS / "02_who_held_the_floor.ipynb")


def test_not_a_speaker_rows_are_not_unused_labels(tmp_path):
    # a '-' row says a label is not a speaker: used when it opens a line, though no turn has it
    record = tmp_path / "record.txt"
    record.write_text("HEADLINE: TALKS RESUME\n\nMR. HALE: We agree.\n\nMR. DAHL: We do not.",
                      encoding="utf-8")
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nHEADLINE,-\nWITNESS,-\nMR. HALE,Hale\n", encoding="utf-8")
    warnings = []
    result = rerun.rerun(record, names, tmp_path / "out", notebooks=[], warn=warnings.append)
    assert result.turns == 2
    assert warnings == [f"{names}: warning: no turn has the label WITNESS: check the spelling "
                        "against the transcript"]
