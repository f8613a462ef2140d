"""Doubts: no speech credited to the wrong speaker without a word (issue 12).

The parser's judgement calls about labels are recorded (``transcript.doubts``), reported by
``python -m helpers check``, counted by ``summary``, ``export`` and the rerun, and rendered for a
notebook. The cable has none; a speaker file settles them. Property tests build records from
invented labels and check that the speaker file makes every way of closing a label read the
same, and that every label the parser does not read is doubted.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.cli import main
from helpers.course import paths
from helpers.doubts import Doubt, check_report, doubts_markdown, doubts_table
from helpers.speakers import Alias

DATA = Path(__file__).resolve().parents[1] / "data"
WH = DATA / "wh_2022-05-23_biden_kishida_joint_press_conference.txt"
SEED = str(paths.SEED)


# --- the record type ---------------------------------------------------------------------------------
def test_a_doubt_prints_as_a_report_line():
    d = Doubt("semicolon", 64, 1, 0, "MR. LEVY;", "'MR. LEVY;' looks like a speaker label closed by ';'",
              "read as a label", "list it in a speaker file to confirm")
    assert str(d) == ("64:1: 'MR. LEVY;' looks like a speaker label closed by ';' — read as a "
                      "label; list it in a speaker file to confirm")
    with pytest.raises(AttributeError):
        d.line = 3  # frozen
    table = doubts_table([d])
    assert table.columns.tolist() == ["kind", "line", "column", "start", "text", "message",
                                      "decision", "suggestion"]
    assert table.loc[0, "line"] == 64


def test_doubts_point_at_their_text():
    t = helpers.load(DATA / "form_debate.txt")
    for d in t.doubts:
        line = t.source.split("\n")[d.line - 1]
        assert line[d.column - 1:].startswith(d.text.rstrip(";"))
        assert t.source[d.start:].startswith(d.text)


# --- the cable, the real example, a record with no dialogue: no doubts ----------------------------
def test_the_cable_has_no_doubts_and_its_figures_stand(cable):
    assert cable.doubts == []
    assert cable.turns["words"].tolist() == [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]
    totals = cable.turns.groupby("speaker", observed=True)["words"].sum().to_dict()
    assert totals == {"Kelly": 742, "Stalin": 185}


def test_the_cable_without_its_speaker_file_doubts_its_two_kelly_labels(cable):
    plain = helpers.parse_text(cable.source)
    assert [(d.kind, d.line) for d in plain.doubts] == [("same-speaker", 42)]
    assert plain.doubts[0].message == ("labels 'Sir. D. Kelly' and 'Sir D. Kelly' may be one "
                                       "speaker (the same words but for full stops)")


def test_the_white_house_example_keeps_34_turns_and_no_doubts():
    wh = helpers.load(WH)
    assert len(wh.turns) == 34 and wh.doubts == []
    assert helpers.parse_text(wh.source).doubts == []   # nor without its speaker file


@pytest.mark.parametrize("name", ["form_no_speech.txt", "form_memcon.txt", "form_frus_excerpt.txt",
                                  "form_press_conference.txt", "form_public_papers.txt",
                                  "form_quoted_interview.txt",
                                  "form_withheld.txt"])
def test_the_other_forms_have_no_doubts(name):
    assert helpers.load(DATA / name).doubts == []


def test_a_narrative_record_gives_no_turns_and_no_flood_of_doubts(cable):
    # the cable's header and narration alone, hard-wrapped at 60 characters: indirect speech only
    narrative = "\n\n".join(cable.blocks.loc[cable.blocks["kind"] != "speech", "text"])
    import textwrap
    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in narrative.split("\n\n"))
    for text in (narrative, wrapped):
        t = helpers.parse_text(text)
        assert t.turns.empty and t.doubts == []


# --- the report ------------------------------------------------------------------------------------------
def test_check_report_on_the_debate():
    report = check_report(helpers.load(DATA / "form_debate.txt"))
    lines = report.splitlines()
    assert lines[0] == "style: colon (inferred: 7 labels, 0 of them followed by an opening quotation mark)"
    assert lines[1] == "speakers: 5, in 7 turns"
    assert "  Mr. McRae: 2 turns (labels: 'MR. McRAE' 1, 'Mr. McRae' 1)" in lines
    assert "  Mr. Orley: 2 turns (labels: 'MR. ORLEY' 2)" in lines
    assert lines[7].startswith("doubts: 3")
    assert lines[8] == ("9:1: 'MR. LEVIN;' looks like a speaker label closed by ';' — read as a "
                        "label; list it in a speaker file to confirm")
    assert lines[10].startswith("15:1: labels 'JOHN HALE' and 'MR. HALE' may be one speaker")


def test_check_report_lists_headings_and_a_given_style():
    t = helpers.load(DATA / "form_title_case_papers.txt", style="full-stop")
    report = check_report(t)
    assert report.splitlines()[0] == ("style: full-stop (given with --style (style= in Python), "
                                      "not inferred)")
    assert "headings: 1 (set apart from the turns, not counted as speech)\n  9: Fisheries Policy" in report
    # 'The President' and 'President Petrov': a title alone and a title with a name
    assert report.splitlines()[-2].startswith("doubts: 1")
    assert report.splitlines()[-1].startswith("19:1: labels 'The President' and 'President Petrov'")


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=paths.ROOT)


def test_check_command(tmp_path, capsys):
    result = run("check", str(DATA / "form_debate.txt"))  # the real entry point, once
    assert result.returncode == 0 and result.stderr == ""
    assert "\n9:1: 'MR. LEVIN;' looks like a speaker label closed by ';'" in result.stdout

    def check(*args):  # the rest in this process: the same main(), faster
        code = main(["check", *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    assert check(SEED)[1].splitlines()[-1] == "doubts: 0"
    # --speakers and --style, as for the other commands
    names = tmp_path / "names.csv"
    names.write_text("label,speaker\nPresident Orley,Orley\n", encoding="utf-8")
    record = tmp_path / "record.txt"
    record.write_text("Record\n\nPresident Orley. We agree.\n\nMinister Vance. We do not.",
                      encoding="utf-8")
    assert "doubts: 2" in check(record)[1]
    styled = check(record, "--style", "full-stop")[1]
    assert "speakers: 2, in 2 turns" in styled and styled.endswith("doubts: 0\n")
    listed = check(record, "--speakers", names)[1]
    assert "Orley: 1 turn (labels: 'President Orley' 1)" in listed
    # a style it does not know: one line, as for every error of the command line
    assert check(record, "--style", "bold") == (
        2, "", f"{record}: error: --style must be one of quoted, colon, full-stop, not 'bold'\n")


def test_summary_and_export_count_the_doubts(tmp_path, capsys):
    debate = str(DATA / "form_debate.txt")
    assert main(["summary", debate]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (f"3 doubts about the speaker labels: see python -m helpers "
                                    f"check {debate}")
    assert main(["summary", SEED]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "No doubts about the speaker labels"
    assert main(["export", debate, str(tmp_path / "t.csv")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"wrote 7 turns to {tmp_path / 't.csv'}",
        f"{debate}: 3 doubts about the speaker labels: see python -m helpers check {debate}"]


def test_doubts_as_a_markdown_note(cable):
    assert doubts_markdown(cable) == ""
    note = doubts_markdown(helpers.load(DATA / "form_debate.txt"))
    lines = note.splitlines()
    assert lines[0].startswith("> **The parser has 3 doubts about the speaker labels of "
                               "`form_debate.txt`.**")
    assert lines[2] == ("> - line 9: 'MR. LEVIN;' looks like a speaker label closed by ';' — "
                        "read as a label; list it in a speaker file to confirm")
    assert len(lines) == 7
    short = doubts_markdown(helpers.load(DATA / "form_debate.txt"), limit=1)
    assert "… and 2 more: run `python -m helpers check`" in short


# --- property tests: invented labels, written with ':', '.' or ';' -----------------------------------
FIRST = ["Anna", "Ivo", "Marta", "Nils", "Olga", "Petr", "Rosa", "Tomas"]
LAST = ["Berg", "Hale", "Lund", "McRae", "Orley", "Vance", "Kemp", "Dahl"]
TITLES = ["", "Dr. ", "Mr. ", "Minister ", "General ", "Ambassador "]
WORDS = "we agree the harbor is open today river frontier must wait until spring talks resume soon not".split()


@st.composite
def labels(draw):
    """Two to four invented labels, each of a first name and a surname of its own."""
    n = draw(st.integers(2, 4))
    surnames = draw(st.lists(st.sampled_from(LAST), min_size=n, max_size=n, unique=True))
    out = []
    for surname in surnames:
        label = draw(st.sampled_from(TITLES)) + draw(st.sampled_from(FIRST)) + " " + surname
        out.append(label.upper() if draw(st.booleans()) else label)
    return out


@st.composite
def records(draw, marks=(":", ".", ";")):
    """A record: a title, then turns ``LABEL<mark> speech``; returns (text, labels, turns)."""
    names = draw(labels())
    turns = []
    for _ in range(draw(st.integers(1, 8))):
        who = draw(st.sampled_from(names))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9))
        speech = " ".join(words).capitalize() + draw(st.sampled_from([".", "?"]))
        turns.append((who, draw(st.sampled_from(marks)), speech))
    text = "Record of a meeting\n\n" + "\n\n".join(f"{w}{m} {s}" for w, m, s in turns)
    return text, names, turns


@given(records(), st.sampled_from([None, "quoted", "colon", "full-stop"]))
def test_listed_labels_read_the_same_whatever_closes_them(record, style):
    text, names, turns = record
    aliases = [Alias(name, name) for name in names]
    t = helpers.parse_text(text, speakers=aliases, style=style)
    assert t.turns["label"].tolist() == [w for w, _, _ in turns]
    assert t.turns["speaker"].tolist() == [w for w, _, _ in turns]
    assert t.turns["spoken"].tolist() == [s for _, _, s in turns]
    assert t.doubts == []
    # ... and the same as the record written with colons throughout
    colons = "Record of a meeting\n\n" + "\n\n".join(f"{w}: {s}" for w, _, s in turns)
    plain = helpers.parse_text(colons)
    assert plain.turns["spoken"].tolist() == t.turns["spoken"].tolist()


@given(records())
def test_every_label_like_line_not_read_is_doubted(record):
    text, names, turns = record
    t = helpers.parse_text(text)
    starts = set(t.turns["start"])
    doubted = {d.line for d in t.doubts}
    offset = len("Record of a meeting\n\n")
    for number, (who, mark, speech) in enumerate(turns):
        line = 3 + 2 * number
        assert offset in starts or line in doubted, (who + mark, line)
        offset += len(f"{who}{mark} {speech}") + 2
    # a label read is given its words: no turn swallows another turn's label
    for row in t.turns.itertuples():
        assert row.paragraphs == 1 or any(d.line <= row.line_end for d in t.doubts)
