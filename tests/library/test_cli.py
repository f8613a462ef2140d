"""The command line, run as a user would: python -m helpers ..."""
import json
import subprocess
import sys

import pytest

from helpers.cli import main
from helpers.course import paths

SEED = str(paths.SEED)


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=paths.ROOT)


def test_export_csv_and_json(tmp_path, capsys):
    assert main(["export", SEED, str(tmp_path / "t.csv")]) == 0
    assert "wrote 11 turns" in capsys.readouterr().err
    assert main(["export", SEED, str(tmp_path / "b.json"), "--blocks"]) == 0
    blocks = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert len(blocks) == 30 and {b["kind"] for b in blocks} == {"header", "narration", "speech"}


def test_metadata_json(capsys):
    assert main(["metadata", SEED]) == 0
    data = json.loads(capsys.readouterr().out)
    # the library's reading of any header: the cable's own fields are the course's
    assert data["number"] == 608 and data["date"] == "1949-07-19"
    assert data["time_1"] == "1949-07-19T13:11:00" and data["time_2"] == "1949-07-19T15:50:00"
    assert data["duration_minutes"] == 25 and "meeting_start" not in data


def test_summary_table(capsys):
    assert main(["summary", SEED]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[2].split() == ["Kelly", "6", "742", "54.5", "80.0", "123.7"]
    assert lines[3].split() == ["Stalin", "5", "185", "45.5", "20.0", "37.0"]
    assert "11 turns, 927 words" in out


@pytest.mark.parametrize("content,expected", [
    (b"", ":1:1: error: the file is empty"),
    (b"Title\n\nStalin: \xe2\x80\x9cHello", ":3:9: error: the quotation opened here"),
    (b"abc\xff", ":1:4: error: the file is not UTF-8 text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", ":3:1: error: this looks like a binary file"),
])
def test_bad_input_one_line_exit_2(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["summary", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(str(path) + expected)


def test_unknown_output_suffix(tmp_path, capsys):
    assert main(["export", SEED, str(tmp_path / "t.xlsx")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 't.xlsx'}: error: the output name must end in .csv or .json\n"


def test_unwritable_output_is_one_line(tmp_path, capsys):
    assert main(["export", SEED, str(tmp_path / "no" / "such" / "folder" / "t.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ": error: cannot write the file" in err


def test_bad_speaker_file_names_its_line(tmp_path, capsys):
    speakers = tmp_path / "s.csv"
    speakers.write_text("label,speaker\nStalin,\n", encoding="utf-8")
    assert main(["summary", SEED, "--speakers", str(speakers)]) == 2
    assert capsys.readouterr().err == f"{speakers}:2: error: every row needs a label and a speaker\n"


def test_missing_file():
    result = run("metadata", "no/such/file.txt")
    assert result.returncode == 2 and result.stderr == "no/such/file.txt:1:1: error: no such file\n"


def test_no_turns_says_so(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("A memorandum with no speech.", encoding="utf-8")
    result = run("summary", str(path))
    assert result.returncode == 0
    assert "no speaker turns" in result.stdout and "warning: no speaker turns found" in result.stderr


def test_a_bug_met_on_some_input_is_still_one_line(monkeypatch, capsys):
    import helpers.cli

    def broken(*args, **kwargs):
        raise RuntimeError("something the kit did not foresee\nover two lines")
    monkeypatch.setattr(helpers.cli, "load", broken)
    assert main(["summary", SEED]) == 2
    err = capsys.readouterr().err
    assert err == (f"{SEED}: error: the kit could not handle this file (RuntimeError: "
                   "something the kit did not foresee over two lines); please report it with "
                   "the file\n")
