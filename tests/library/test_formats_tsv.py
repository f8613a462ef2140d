"""ParlaMint-style TSV export: ParlaMint's columns first, the kit's after, nothing lost."""
from __future__ import annotations

import csv
from pathlib import Path

import helpers
from helpers.counting import COUNTING_RULES_VERSION
from helpers.course import paths
from helpers.formats import tsv

# The header row of ParlaMint's Scripts/parlamint2meta.xsl (ParlaMint 4 and later).
PARLAMINT = ("Text_ID ID Title Date Body Term Session Meeting Sitting Agenda Subcorpus Lang "
             "Speaker_role Speaker_MP Speaker_minister Speaker_party Speaker_party_name "
             "Party_status Party_orientation Speaker_ID Speaker_name Speaker_gender "
             "Speaker_birth").split()


def read_tsv(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text and text.endswith("\n")
    lines = text.splitlines()
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == len(header) for r in rows), "no tab inside a cell"
    return [dict(zip(header, r)) for r in rows]


def test_cable_tables(tmp_path, cable):
    written = tsv.write(cable, tmp_path)
    doc = "000_6ea7450cd42aaf9c"
    assert [p.name for p in written] == [f"{doc}-meta.tsv", f"{doc}.txt", f"{doc}-speakers.tsv",
                                         f"{doc}-about.tsv"]
    header = (tmp_path / f"{doc}-meta.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[:23] == PARLAMINT and header[23:] == tsv.KIT_COLUMNS
    rows = read_tsv(tmp_path / f"{doc}-meta.tsv")
    assert len(rows) == 11
    for row, turn in zip(rows, cable.turns.itertuples()):
        assert row["Text_ID"] == doc and row["ID"] == f"{doc}.t{turn.turn}"
        assert row["Speaker_ID"] == str(turn.speaker) and row["Speaker"] == str(turn.speaker)
        assert cable.source[int(row["Start"]):int(row["End"])] == turn.text
        assert int(row["Words"]) == turn.words and row["Label"] == turn.label
        assert row["Body"] == "-" and row["Date"] == "1949-07-18"
    assert rows[0]["Speaker_name"] == "Sir David Victor Kelly (1891–1959)"
    assert rows[1]["Stage_directions"] == "(His translator said “meaningless”)"
    lines = (tmp_path / f"{doc}.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[0] for line in lines] == [r["ID"] for r in rows]
    assert lines[3] == f"{doc}.t4\tAll the same we Russians would not be prepared to conclude such a pact against Great Britain"
    speakers = read_tsv(tmp_path / f"{doc}-speakers.tsv")
    assert [s["Speaker_ID"] for s in speakers] == list(cable.people["id"])
    assert {s["Speaker_ID"]: s["Speaks"] for s in speakers}["Vyshinsky"] == "no"
    assert {s["Speaker_ID"]: s["Share_of_words"] for s in speakers}["Kelly"] == "80.0"
    about = {r["Field"]: r["Value"] for r in read_tsv(tmp_path / f"{doc}-about.tsv")}
    assert about["Source_sha256"] == paths.SEED_SHA256
    assert about["Kit_version"] == helpers.__version__
    assert about["Counting_rules_version"] == COUNTING_RULES_VERSION


def test_cells_fold_white_space_and_mark_missing_values():
    assert tsv.cell("a\tb\nc") == "a b c" and tsv.cell("") == "-" and tsv.cell(None) == "-"
    assert tsv.cell(True) == "yes" and tsv.cell(3) == "3"


def test_a_record_without_people_table_or_metadata(tmp_path):
    t = helpers.parse_text("Memo\n\nAlice: One\ttwo.\n\nBob: Three.\n", name="memo.txt")
    tsv.write(t, tmp_path, document="m1", lang="en")
    rows = read_tsv(tmp_path / "m1-meta.tsv")
    assert [r["Speaker_ID"] for r in rows] == ["Alice", "Bob"] and rows[0]["Lang"] == "en"
    assert rows[0]["Date"] == "-" and rows[0]["Title"] == "Memo"
    assert (tmp_path / "m1.txt").read_text(encoding="utf-8") == "m1.t1\tOne two.\nm1.t2\tThree.\n"
