"""CSV and JSON exports: spreadsheet-safe, UTF-8, nothing dropped."""
import csv
import json

import pandas as pd

import helpers
from helpers.export import guard_cell, to_csv, to_json


def test_guard_cell():
    assert guard_cell("=SUM(A1)") == "'=SUM(A1)"
    assert guard_cell("+1") == "'+1" and guard_cell("-1") == "'-1" and guard_cell("@x") == "'@x"
    assert guard_cell("Stalin") == "Stalin" and guard_cell(5) == 5


def test_csv_roundtrip(tmp_path, cable):
    path = tmp_path / "turns.csv"
    to_csv(cable.turns, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 11
    assert rows[1]["stage_directions"] == "(His translator said “meaningless”)"
    assert rows[0]["text"] == cable.turns.loc[0, "text"]
    assert [int(r["words"]) for r in rows] == cable.turns["words"].tolist()


def test_csv_guards_formulas(tmp_path):
    path = tmp_path / "x.csv"
    to_csv(pd.DataFrame({"a": ["=1+1", "fine"]}), path)
    assert path.read_text(encoding="utf-8-sig").splitlines()[1] == "'=1+1"


def test_json_keeps_lists_and_nulls(tmp_path, cable):
    path = tmp_path / "blocks.json"
    to_json(cable.blocks, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data[0]["turn"] is None and data[0]["kind"] == "header"
    path = tmp_path / "turns.json"
    to_json(cable.turns, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data[7]["stage_directions"] == ["(After a pause)"]


def test_csv_of_one_speaker_and_of_no_turns(tmp_path):
    # one speaker makes a one-category column; no turns makes empty columns: neither may fail
    for text, rows in [("Stalin: Yes.\n\nStalin: No.", 2), ("A memorandum with no labels.", 0)]:
        path = tmp_path / "t.csv"
        to_csv(helpers.parse_text(text).turns, path)
        with open(path, encoding="utf-8-sig", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == rows
