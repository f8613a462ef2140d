"""Corpus mode (helpers/corpus.py, `python -m helpers corpus DIR OUT`), on the demo corpus.

One run of the command on tests/data/corpus for the whole module (with two export formats), one
on every record of tests/data (read only), and one small run with files that cannot be read.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers import corpus, describe, export, measures
from helpers.cli import main
from helpers.course import paths
from helpers.counting import COUNTING_RULES_VERSION
from helpers.transcript import TURN_COLUMNS

DATA = paths.ROOT / "tests" / "data"
DEMO = DATA / "corpus"
PROVENANCE = {r["file"]: r for r in csv.DictReader(open(DEMO / "provenance.csv", encoding="utf-8"))}
FILES = ["turns.csv", "speakers.csv", "documents.csv", "words_per_document.png",
         "share_per_document.png", "turns_per_document.png", "charts.md", "manifest.json",
         "ro-crate-metadata.json"]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """The command, once, on the demo corpus: (exit status, standard error, the output folder)."""
    out = tmp_path_factory.mktemp("corpus") / "out"
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = main(["corpus", str(DEMO), str(out), "--to", "tei", "--to", "tsv", "--jobs", "2"])
    return status, errors.getvalue(), out


@pytest.fixture(scope="module")
def demo() -> corpus.Corpus:
    return corpus.read_corpus(DEMO, jobs=2)


@pytest.fixture(scope="module")
def every_record() -> corpus.Corpus:
    """Every record of tests/data, read as a corpus (with their speaker files), the workers
    writing the lines of turns.csv too, as the command line has them."""
    return corpus.read_corpus(DATA, jobs=2, lines=True)


def values(column: pd.Series) -> list:
    return [None if not isinstance(v, list) and pd.isna(v) else v for v in column.astype(object)]


def test_the_command_writes_every_file(demo_run):
    status, err, out = demo_run
    assert status == 0, err
    for name in FILES:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    for name in PROVENANCE:
        stem = Path(name).stem
        assert (out / "exports" / "tei" / f"{stem}.tei.xml").is_file()
        assert (out / "exports" / "tsv" / f"{stem}-meta.tsv").is_file()
    assert "read 5 of 5 transcripts" in err and "(201 turns)" in err
    # d64 line 23 (KNOWN_ISSUES.md): a label inside a line of speech, cut there with a doubt
    assert "1 document has doubts about the speaker labels" in err
    assert "check " in err and "frus1964-68v32-d64.txt   (1 doubt)" in err
    assert "Traceback" not in err


def test_each_document_s_turns_are_its_turns_read_alone(every_record):
    """Speed never buys a different count: the corpus run's turns of each record of
    tests/data are, column by column, helpers.load's turns of that file."""
    files = sorted(DATA.glob("*.txt"))
    assert [r.document for r in every_record.records] == [f.stem for f in files]
    assert not every_record.failed
    turns = every_record.turns
    assert list(turns.columns) == ["document", *TURN_COLUMNS]
    for file in files:
        alone = helpers.load(file)
        mine = turns[turns["document"] == file.stem].drop(columns="document").reset_index(drop=True)
        expected = alone.turns.reset_index(drop=True)
        assert len(mine) == len(expected), file.name
        for column in TURN_COLUMNS:  # (a missing side is NaN or None, as pandas infers the column)
            assert values(mine[column]) == values(expected[column]), (file.name, column)
        record = next(r for r in every_record.records if r.document == file.stem)
        assert record.doubts == alone.doubts and record.style == alone.style.name
        assert record.warnings == alone.warnings


def test_the_cable_read_as_a_corpus_keeps_its_figures(tmp_path):
    shutil.copy(paths.SEED, tmp_path / paths.SEED.name)
    shutil.copy(paths.SEED.with_name(paths.SEED.stem + ".speakers.csv"), tmp_path)
    run = corpus.read_corpus(tmp_path, jobs=1)
    assert run.turns["words"].tolist() == [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]
    speakers = run.speakers.set_index("speaker")["words"]
    assert speakers.to_dict() == {"Kelly": 742, "Stalin": 185}


def test_speakers_are_measures_per_speaker_of_each_document(every_record):
    table = every_record.speakers
    assert list(table.columns[:3]) == ["document", "speaker", "side"]
    for file in sorted(DATA.glob("*.txt")):
        expected = measures.per_speaker(helpers.load(file).turns)
        mine = table[table["document"] == file.stem].set_index("speaker").drop(columns=["document", "side"])
        mine.index.name = "speaker"
        assert list(mine.index) == list(expected.index), file.name
        assert list(mine.columns) == list(expected.columns)
        for column in expected.columns:  # the shares are per_speaker's own, to the last digit
            assert mine[column].astype(object).tolist() == expected[column].astype(object).tolist(), \
                (file.name, column)


def test_documents_table(demo, demo_run):
    _, _, out = demo_run
    table = demo.documents
    assert list(table.columns) == corpus.DOCUMENT_COLUMNS
    assert list(table.index) == [Path(f).stem for f in sorted(PROVENANCE)]
    for file, row in PROVENANCE.items():
        alone = helpers.load(DEMO / file)
        mine = table.loc[Path(file).stem]
        assert mine["sha256"] == row["sha256"]  # the corpus's own provenance record
        assert mine["turns"] == len(alone.turns) and mine["words"] == alone.turns["words"].sum()
        assert mine["speakers"] == alone.turns["speaker"].nunique()
        assert mine["doubts"] == len(alone.doubts) and mine["style"] == alone.style.name
        assert mine["speaker_file"] == Path(file).stem + ".speakers.csv"
    assert table["turns"].tolist() == [12, 25, 14, 53, 97]  # tests/data/corpus/KNOWN_ISSUES.md
    written = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype={"sha256": str})
    assert written["document"].tolist() == list(table.index)
    assert written["words"].tolist() == table["words"].tolist()


def test_csv_files_are_the_tables_as_the_kit_writes_them(demo, demo_run, tmp_path):
    _, _, out = demo_run
    for name, frame in [("turns.csv", demo.turns), ("speakers.csv", demo.speakers),
                        ("documents.csv", demo.documents.reset_index())]:
        export.to_csv(frame, tmp_path / name)
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name
    turns = pd.read_csv(out / "turns.csv", encoding="utf-8-sig")
    assert len(turns) == 201 and turns.columns[0] == "document"
    source = helpers.read_source(DEMO / "frus1964-68v32-d64.txt")
    row = demo.turns[demo.turns["document"] == "frus1964-68v32-d64"].iloc[7]
    assert source[row.start:row.end] == row.text  # every row still points to its source


def test_turns_csv_from_the_workers_lines_is_the_table_written_whole(every_record, tmp_path):
    joined = corpus.write_corpus(every_record, tmp_path / "joined", charts=False)[0]
    export.to_csv(every_record.turns, tmp_path / "whole.csv")
    assert all(r.csv for r in every_record.read if r.turns)
    assert joined.read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_csv_rows_are_to_csv_s_lines_for_any_cell(tmp_path):
    rows = [("a", 1, None, "=SUM(A1)", ["(x)", "[y]"], 'say "no",\nthen', "-3", "\r", "", [], "é“”")]
    frame = pd.DataFrame(rows, columns=[f"c{i}" for i in range(len(rows[0]))])
    export.to_csv(frame, tmp_path / "t.csv")
    made = export.csv_header(list(frame.columns)) + export.csv_rows(rows)
    assert (tmp_path / "t.csv").read_bytes() == ("\ufeff" + made).encode("utf-8")


def test_manifest_records_versions_parameters_and_every_hash(demo_run):
    _, _, out = demo_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kit_version"] == helpers.__version__
    assert manifest["counting_rules_version"] == COUNTING_RULES_VERSION
    assert manifest["generator"] == f"helpers {helpers.__version__} (counting rules version {COUNTING_RULES_VERSION})"
    import platform

    assert manifest["python"]["version"] == platform.python_version()
    assert manifest["packages"]["pandas"] == pd.__version__
    assert set(corpus.PACKAGES) == set(manifest["packages"])
    assert manifest["parameters"] == {"folder": str(DEMO), "speakers_dir": None, "style": None,
                                      "jobs": 2, "to": ["tei", "tsv"], "out": str(out),
                                      "notebook": False}
    assert manifest["documents"] == {"found": 5, "read": 5, "failed": 0, "turns": 201}
    inputs = {Path(i["path"]).name: i for i in manifest["inputs"]}
    assert set(inputs) == set(PROVENANCE)
    for name, row in inputs.items():
        data = (DEMO / name).read_bytes()
        assert row["sha256"] == hashlib.sha256(data).hexdigest() == PROVENANCE[name]["sha256"]
        assert row["bytes"] == len(data) and row["status"] == "read"
        speakers = Path(row["speaker_file"]["path"])
        assert row["speaker_file"]["sha256"] == hashlib.sha256(speakers.read_bytes()).hexdigest()
    outputs = {o["path"]: o for o in manifest["outputs"]}
    for name in FILES[:-2]:
        assert name in outputs
    assert sum(p.startswith("exports/tei/") for p in outputs) == 5
    for path, row in outputs.items():
        data = (out / path).read_bytes()
        assert row["sha256"] == hashlib.sha256(data).hexdigest() and row["bytes"] == len(data), path
    assert "manifest.json" not in outputs and "ro-crate-metadata.json" not in outputs
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", json.dumps(manifest))  # no timestamp of its own


def test_ro_crate_has_its_required_entities(demo_run):
    _, _, out = demo_run
    crate = json.loads((out / "ro-crate-metadata.json").read_text(encoding="utf-8"))
    assert crate["@context"][0] == "https://w3id.org/ro/crate/1.1/context"
    graph = {e["@id"]: e for e in crate["@graph"]}
    descriptor = graph["ro-crate-metadata.json"]
    assert descriptor["@type"] == "CreativeWork" and descriptor["about"] == {"@id": "./"}
    assert descriptor["conformsTo"] == {"@id": "https://w3id.org/ro/crate/1.1"}
    root = graph["./"]
    assert root["@type"] == "Dataset"
    for key in ("name", "description", "datePublished", "license"):
        assert root[key], key
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", root["datePublished"])
    files = {e["@id"]: e for e in crate["@graph"] if e.get("@type") == "File"}
    assert {p["@id"] for p in root["hasPart"]} == set(files)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for row in manifest["outputs"] + [{"path": "manifest.json"}]:
        entity = files[row["path"]]
        assert entity["sha256"] == hashlib.sha256((out / row["path"]).read_bytes()).hexdigest()
        assert entity["encodingFormat"] and entity["contentSize"] == str((out / row["path"]).stat().st_size)
    assert files["turns.csv"]["encodingFormat"] == "text/csv"
    assert files["words_per_document.png"]["encodingFormat"] == "image/png"
    inputs = [e for e in files.values() if e["@id"].endswith(".txt") and e["@id"].startswith("..")]
    assert len(inputs) == 5
    for entity in inputs:  # each input, found from the crate's folder by its relative @id
        path = (out / entity["@id"]).resolve()
        assert path.parent == DEMO.resolve()
        assert entity["sha256"] == PROVENANCE[path.name]["sha256"]
        assert entity["encodingFormat"] == "text/plain"
    software = [e for e in crate["@graph"] if e.get("@type") == "SoftwareApplication"]
    assert len(software) == 1 and software[0]["version"].startswith(helpers.__version__)
    action = next(e for e in crate["@graph"] if e.get("@type") == "CreateAction")
    assert action["instrument"] == {"@id": software[0]["@id"]}
    assert {o["@id"] for o in action["object"]} >= {e["@id"] for e in inputs}
    assert {r["@id"] for r in action["result"]} == {r["path"] for r in manifest["outputs"]} | {"manifest.json"}


def test_charts_and_their_descriptions_come_from_the_same_tables(demo, demo_run):
    _, _, out = demo_run
    drawn = corpus.charts_of(demo)
    assert list(drawn) == list(corpus.CHARTS)
    words = measures.document_words(demo.speakers)
    assert drawn["words_per_document"].description == describe.describe_words_per_document(words)
    assert drawn["turns_per_document"].description == describe.describe_turns_per_document(demo.documents)
    assert drawn["share_per_document"].description == describe.describe_share_per_document(
        demo.speakers, measures.leading_speakers(demo.speakers))
    page = (out / "charts.md").read_text(encoding="utf-8")
    for name, chart in drawn.items():
        assert (out / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"({name}.png)" in page and chart.description.splitlines()[-1] in page.replace("\\", "")
    # the figures in the words are the table's
    assert words.sum(axis=1).tolist() == demo.documents["words"].tolist()
    assert "201 turns in all" in drawn["turns_per_document"].description
    assert f"{int(demo.documents['words'].sum())} words in all" in drawn["words_per_document"].description


def test_a_file_that_cannot_be_read_is_one_line_and_the_rest_go_on(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ["form_memcon.txt", "form_debate.txt", "form_press_conference.txt",
                 "form_press_conference.speakers.csv"]:
        shutil.copy(DATA / name, folder)
    (folder / "latin1.txt").write_bytes("Chairman: Caf\xe9 au lait.\n".encode("latin-1"))
    (folder / "open.txt").write_text("Minister Orlov: “Next month.\n\nChair: “Yes.”\n", encoding="utf-8")
    (folder / "notes.md").write_text("not a transcript", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["corpus", str(folder), str(out), "--jobs", "2"]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert f"{folder / 'latin1.txt'}:1:14: error: the file is not UTF-8 text (byte 0xe9 cannot be read); save it again as UTF-8" in lines
    assert any(re.fullmatch(re.escape(str(folder / "open.txt")) + r":1:\d+: error: the quotation opened here .*", l)
               for l in lines)
    assert "read 3 of 5 transcripts" in err and "2 could not be read" in err
    assert f"python -m helpers check {folder / 'form_debate.txt'}   (3 doubts)" in err
    assert "Traceback" not in err
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert documents["document"].tolist() == ["form_debate", "form_memcon", "form_press_conference"]
    assert documents.set_index("document").loc["form_debate", "doubts"] == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    failed = {Path(i["path"]).name: i for i in manifest["inputs"] if i["status"] == "failed"}
    assert set(failed) == {"latin1.txt", "open.txt"}
    assert failed["latin1.txt"]["error"].startswith(f"{folder / 'latin1.txt'}:1:14: error:")
    assert failed["latin1.txt"]["sha256"] == hashlib.sha256((folder / "latin1.txt").read_bytes()).hexdigest()


def test_jobs_do_not_change_the_tables(demo):
    alone = corpus.read_corpus(DEMO, jobs=1)
    pd.testing.assert_frame_equal(alone.turns, demo.turns)
    pd.testing.assert_frame_equal(alone.speakers, demo.speakers)
    pd.testing.assert_frame_equal(alone.documents, demo.documents)


def test_speakers_dir_and_style(tmp_path):
    names = tmp_path / "names"
    names.mkdir()
    (names / "frus1964-68v32-d39.speakers.csv").write_text(
        "label,speaker,side\nRaborn,The Director,CIA\nPresident,The President,White House\n", encoding="utf-8")
    run = corpus.read_corpus(DEMO, speakers_dir=names, style="colon", jobs=1)
    d39 = run.speakers[run.speakers["document"] == "frus1964-68v32-d39"]
    assert set(d39["speaker"]) == {"The Director", "The President"}
    assert set(d39["side"]) == {"CIA", "White House"}
    assert run.records[0].speakers_file == str(names / "frus1964-68v32-d39.speakers.csv")
    assert run.records[1].speakers_file == str(DEMO / "frus1964-68v32-d40.speakers.csv")  # beside its file
    assert set(run.documents["style"]) == {"colon"}


@pytest.mark.parametrize("args, message", [
    (["no/such/folder", "OUT"], "no/such/folder: error: no such folder"),
    ([str(DEMO / "frus1964-68v32-d39.txt"), "OUT"], "error: this is a file, not a folder"),
    ([str(DEMO), "OUT", "--style", "bold"], "error: --style must be one of quoted, colon, full-stop"),
    ([str(DEMO), "OUT", "--jobs", "0"], "error: --jobs must be 1 or more"),
])
def test_bad_arguments_are_one_line(tmp_path, capsys, args, message):
    args = [a if a != "OUT" else str(tmp_path / "out") for a in args]
    assert main(["corpus", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_an_empty_folder_is_one_line(tmp_path, capsys):
    assert main(["corpus", str(tmp_path), str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"{tmp_path}: error: no transcripts here: the folder has no .txt file\n"


def test_no_progress_bar_off_a_terminal(capsys):
    corpus.read_corpus(DEMO, jobs=1)
    assert capsys.readouterr().err == ""
    assert corpus._progress(1000, None) is None  # the tests' standard error is not a terminal


def test_by_document_measures_on_a_toy_table():
    turns = pd.DataFrame({
        "document": ["a", "a", "a", "b", "b"], "turn": [1, 2, 3, 1, 2],
        "speaker": ["X", "Y", "X", "Y", "Z"], "words": [2, 1, 0, 0, 0],
        "characters": [8, 3, 0, 0, 0], "sentences": [1, 1, 0, 0, 0]})
    table = measures.speakers_by_document(turns)
    assert table[["document", "speaker", "turns", "words"]].values.tolist() == [
        ["a", "X", 2, 2], ["a", "Y", 1, 1], ["b", "Y", 1, 0], ["b", "Z", 1, 0]]
    assert table["share_of_words"].tolist() == [66.7, 33.3, 0.0, 0.0]
    assert table["share_of_turns"].tolist() == [66.7, 33.3, 50.0, 50.0]
    assert table["mean_words_per_turn"].tolist() == [1.0, 1.0, measures.WITHHELD, measures.WITHHELD]
    docs = measures.per_document(turns, ["a", "b", "c"])
    assert docs.loc["c"].tolist() == [0, 0, 0, 0, 0] and docs.loc["a", "speakers"] == 2
    words = measures.document_words(table, top=1)
    assert list(words.columns) == ["X", measures.OTHER_SPEAKERS]
    assert words.values.tolist() == [[2, 1], [0, 0]]


def test_an_unused_speaker_file_label_is_told_where_it_was_seen(tmp_path, capsys):
    # The same warning as `check` and `summary` give for one file: where the label occurs in a
    # form the parser does not read, and why (here: inside a line, after a comma; after the end
    # of a sentence a listed label is read inside a line).
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.txt").write_text("MR. ONE: Good day, Zed: hi there.\n\nMR. TWO: Fine.\n\nMR. ONE: Good.\n",
                                  encoding="utf-8")
    (folder / "a.speakers.csv").write_text("label,speaker\nZed,Zed\nNobody,Nobody\n", encoding="utf-8")
    assert main(["corpus", str(folder), str(tmp_path / "out"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'a.speakers.csv'}: warning: no turn has the labels Zed, Nobody: 'Zed' is in the record at 1:20" in err
    assert "inside a line" in err and "check the spelling of Nobody" in err
