"""The formats registry (helpers/formats/__init__.py) and `python -m helpers export --to FORMAT`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import helpers
import helpers.annotations
from helpers.counting import COUNTING_RULES_VERSION
from helpers import formats
from helpers.course import paths
from helpers.cli import main
from helpers.formats._common import ni_uri, participants, source_sha256, xml_name

SEED = str(paths.SEED)
CORPUS = paths.ROOT / "tests" / "data" / "corpus"


def test_registry_lists_every_format():
    assert list(formats.FORMATS) == ["csv", "json", "tei", "tei-u", "convokit", "tsv", "webanno"]
    for name, fmt in formats.FORMATS.items():
        assert fmt.name == name and fmt.writes in ("file", "folder") and callable(fmt.writer)


@pytest.mark.parametrize("to", ["csv", "json", "tei", "tei-u", "convokit", "tsv", "webanno"])
def test_write_every_format_on_every_corpus_record(tmp_path, to):
    for record in [paths.SEED] + sorted(CORPUS.glob("*.txt")):
        transcript = helpers.load(record)
        options = {}
        if to == "webanno":  # notes on the first turn's first word, for any record
            first = transcript.turns.iloc[0]
            options["annotations"] = [{"id": "a1", "turn": 1, "topic": "t", "note": "n",
                                       "anchor": first.text[:12]}]
        out = tmp_path / f"{record.stem}{formats.FORMATS[to].suffix or '_' + to}"
        written = formats.write(transcript, out, to=to, **options)
        assert written and all(p.exists() and p.stat().st_size > 0 for p in written)


def test_unknown_format_is_a_value_error(tmp_path, cable):
    with pytest.raises(ValueError, match="choose one of csv, json, tei"):
        formats.write(cable, tmp_path / "x", to="docx")


def test_every_new_format_names_the_kit_and_counting_rules_versions(tmp_path, cable):
    version, rules = helpers.__version__, COUNTING_RULES_VERSION
    marker = f"helpers {version} (counting rules version {rules})"
    formats.write(cable, tmp_path / "a.xml", to="tei")
    formats.write(cable, tmp_path / "b.xml", to="tei-u")
    formats.write(cable, tmp_path / "ck", to="convokit")
    formats.write(cable, tmp_path / "tsv", to="tsv")
    formats.write(cable, tmp_path / "n.jsonld", to="webanno",
                  annotations=helpers.annotations.load_annotations(paths.ANNOTATIONS))
    for path in [tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "ck" / "corpus.json",
                 tmp_path / "tsv" / "000_6ea7450cd42aaf9c-about.tsv", tmp_path / "n.jsonld"]:
        assert marker in path.read_text(encoding="utf-8"), path


def test_exports_are_deterministic(tmp_path, cable):
    for to, suffix in (("tei", ".xml"), ("tei-u", ".xml")):
        a = formats.write(cable, tmp_path / f"1{suffix}", to=to)[0].read_bytes()
        b = formats.write(cable, tmp_path / f"2{suffix}", to=to)[0].read_bytes()
        assert a == b


def test_participants_join_the_people_table_and_tolerate_missing_columns(cable):
    persons = participants(cable)
    assert [p.id for p in persons] == list(cable.people["id"])
    kelly = persons[0]
    assert kelly.role.startswith("British Ambassador") and kelly.speaks and kelly.turns == 6
    assert [p.speaks for p in persons] == [True, True, False, False, False, False]
    other = participants(cable, people=[{"id": "stalin"}, {"full_name": "no id"}])
    assert [p.id for p in other] == ["stalin", "Kelly"]  # matched without regard to case
    assert other[0].speaks and other[0].labels == ["Stalin"] and other[0].role == ""


def test_ids_and_hashes():
    assert xml_name("000 record") == "_000_record" and xml_name("José Ñ") == "José_Ñ"
    assert ni_uri("00" * 32) == "ni:///sha-256;" + "A" * 43
    t = helpers.parse_text("A: b.", name="<text>")
    import hashlib

    assert source_sha256(t) == hashlib.sha256(b"A: b.").hexdigest()


# ---- the command line -------------------------------------------------------------------------
def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=paths.ROOT)


def test_export_without_to_keeps_todays_behaviour(tmp_path, capsys):
    assert main(["export", SEED, str(tmp_path / "t.csv")]) == 0
    assert "wrote 11 turns to" in capsys.readouterr().err
    assert main(["export", SEED, str(tmp_path / "b.json"), "--blocks"]) == 0
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))) == 30


@pytest.mark.parametrize("to,out", [("tei", "c.tei.xml"), ("tei-u", "c.xml"), ("convokit", "ck"),
                                    ("tsv", "tsv"), ("csv", "t.txt"), ("json", "t.out")])
def test_export_to(tmp_path, capsys, to, out):
    assert main(["export", SEED, str(tmp_path / out), "--to", to]) == 0
    assert f"wrote 11 turns as {to} to" in capsys.readouterr().err
    assert (tmp_path / out).exists()


def test_export_to_csv_with_blocks(tmp_path):
    assert main(["export", SEED, str(tmp_path / "b"), "--to", "json", "--blocks"]) == 0
    assert len(json.loads((tmp_path / "b").read_text(encoding="utf-8"))) == 30


def test_export_to_webanno_needs_annotations(tmp_path):
    result = run("export", SEED, str(tmp_path / "n.jsonld"), "--to", "webanno")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "needs the notes" in result.stderr and "Traceback" not in result.stderr
    result = run("export", SEED, str(tmp_path / "n.jsonld"), "--to", "webanno",
                 "--annotations", "data/annotations.csv", "--topics", "data/topics.csv")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "n.jsonld").read_text(encoding="utf-8"))
    assert data["total"] == 43


def test_export_to_unknown_format_and_bad_input(tmp_path):
    result = run("export", SEED, str(tmp_path / "x"), "--to", "docx")
    assert result.returncode == 2 and "invalid choice" in result.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff")
    result = run("export", str(bad), str(tmp_path / "x.xml"), "--to", "tei")
    assert result.returncode == 2 and result.stderr.startswith(f"{bad}:1:4: error: the file is not UTF-8")


def test_docs_name_every_format_and_column():
    from helpers.formats import tsv

    doc = (paths.ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in formats.FORMATS:
        assert f"--to {name}" in doc or f"`{name}`" in doc, name
    for column in tsv.PARLAMINT_COLUMNS + tsv.KIT_COLUMNS:
        assert f"`{column}`" in doc, column
    for column in helpers.transcript.TURN_COLUMNS:
        assert f"| `{column}`" in doc or f"`{column}`," in doc or f", `{column}`" in doc, column
    guide = (paths.ROOT / "docs" / "bring_your_own.md").read_text(encoding="utf-8")
    assert "--to tei" in guide and "docs/formats.md" in guide
