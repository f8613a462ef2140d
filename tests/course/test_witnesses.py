"""The notes on other accounts and documents (data/witnesses.csv, helpers/course/witnesses.py) and notebook 05.

As for the topic notes (tests/library/test_annotations.py): the kit's own data is valid, the validator
names every kind of problem on hand-made rows, and the figures notebook 05 states are
recomputed here by hand. The figures typed into notebook 01's note on telegram times (M8 of the
review of December 2026) are checked against the IANA time zone database.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import DataFileError
from helpers.course import paths
from helpers.course import witnesses as wt
from helpers.style import Chart
from helpers.text import what_the_chart_shows

NOTEBOOK = paths.NOTEBOOKS / "05_other_witnesses.ipynb"
SOURCES = (paths.ROOT / "docs" / "sources.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def kit() -> wt.Kit:
    return wt.load()


# ------------------------------------------------------------------------------------------
# the kit's own data


def test_kit_data_is_valid(kit):
    assert wt.validate_witnesses(kit.witnesses, kit.cable.turns, kit.topics, kit.cable.source) == []
    assert wt.check(kit) == "No problems found."


def test_columns_and_types(kit):
    w = kit.witnesses
    assert list(w.columns) == wt.WITNESS_COLUMNS
    assert str(w["turn"].dtype) == "Int64" and str(w["line"].dtype) == "Int64"
    assert w["point_id"].is_unique


def test_the_documents_the_issue_names_are_all_there(kit):
    numbers = set(zip(kit.witnesses["volume"], kit.witnesses["number"]))
    for volume, number in [("FRUS 1949, vol. V", "365"), ("FRUS 1949, vol. V", "366"),
                           ("FRUS 1949, vol. V", "380"), ("FRUS 1949, vol. IV", "139"),
                           ("FRUS 1951, vol. IV, part 2", "343")]:
        assert (volume, number) in numbers, (volume, number)


def test_every_address_is_in_the_list_of_sources(kit):
    for address in set(kit.witnesses["address"]):
        assert address.split("://", 1)[1].removeprefix("www.") in SOURCES, address
    assert "data/witnesses.csv" in SOURCES


def test_quotations_are_phrases_and_points_are_the_kits_words(kit):
    for row in kit.witnesses.itertuples():
        assert len(row.quotation.split()) <= wt.MAX_QUOTATION_WORDS, row.point_id
        assert row.quotation not in row.point, row.point_id  # the point is not a copy of it
        assert '"' not in row.quotation, row.point_id


def test_kirks_numbering_and_the_kits_notes(kit):
    """The kit's notes are its own division of Kirk's preamble and points (1) to (4); the text
    as the kit has it breaks off within (4), so its last note is in (4)."""
    kirk = kit.witnesses[kit.witnesses["document"] == wt.KIRK_ACCOUNT].sort_values("position")
    parts = list(dict.fromkeys(kirk["part"]))
    assert parts == ["preamble", "(1)", "(2)", "(3)", "(4)"]
    assert kirk.iloc[-1]["part"] == "(4)" and kirk["point_id"].str.startswith("k").all()
    assert kirk["position"].tolist() == list(range(1, len(kirk) + 1))
    others = kit.witnesses[~kit.witnesses["document"].isin([wt.KIRK_ACCOUNT, "People's Daily"])]
    assert (others["part"] == "").all()
    interjection = kirk.set_index("point_id").loc[wt.INTERJECTION]
    assert interjection["quotation"] == "at once interjected" and interjection["part"] == "(2)"
    # the instructions Bevin sent for this audience are Kirk's alone; the cable's turn 1 has
    # only "the main lines of my general instructions"
    k04 = kirk.set_index("point_id").loc["k04"]
    assert k04["relation"] == "only_document" and int(k04["turn"]) == 1
    assert "main lines of my general instructions" in kit.cable.turns.set_index("turn").loc[1, "text"]


def test_kirks_account_of_the_conversation_names_its_turns(kit):
    w = kit.witnesses
    kirk = w[w["document"] == wt.KIRK_ACCOUNT]
    told = kirk[kirk["relation"].isin(["same", "differs"])]
    assert (told["turn"].notna() | told["line"].notna()).all()
    assert set(kirk["based_on"]) == {"what Kelly told him"}
    assert (w.loc[w["document"].isin(wt.POSITION_DOCUMENTS), "relation"] == "context").all()


# ------------------------------------------------------------------------------------------
# the validator, on hand-made rows

def _row(**changes) -> dict:
    row = {"point_id": "x1", "document": "Doc", "volume": "FRUS 1949, vol. V", "number": "1",
           "date": "1949-07-21", "author": "A", "based_on": "B", "address": "https://e.org/1",
           "position": 1, "part": "", "point": "A point.", "quotation": "a phrase", "topic": "coexistence",
           "turn": 2, "line": 40, "relation": "same"}
    row.update(changes)
    return row


def _problems(kit, *rows) -> list[str]:
    table = pd.DataFrame(rows)
    for column in ("position", "turn", "line"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    return wt.validate_witnesses(table, kit.cable.turns, kit.topics, kit.cable.source)


def test_a_good_row_passes(kit):
    assert _problems(kit, _row()) == []


@pytest.mark.parametrize("changes, expected", [
    ({"topic": "courtesy"}, "the topic 'courtesy' is not in the topic list"),
    ({"turn": 12}, "turn 12 does not exist (the turns run from 1 to 11)"),
    ({"line": 2}, "line 2 of the cable is blank"),
    ({"line": 999}, "line 999 is not a line of the cable"),
    ({"quotation": "one two three four five six seven eight nine ten eleven"}, "a passage, not a phrase"),
    ({"address": "history.state.gov/x"}, "is not a web address"),
    ({"date": "21 July 1949"}, "is not YYYY-MM-DD"),
    ({"relation": "agrees"}, "the relation 'agrees' is not one of"),
    ({"point": " "}, "the point is empty"),
    ({"position": None}, "the position is missing"),
    ({"point_id": ""}, "needs a point_id"),
])
def test_each_problem_is_named(kit, changes, expected):
    problems = _problems(kit, _row(**changes))
    assert any(expected in p for p in problems), problems


def test_problems_across_rows(kit):
    problems = _problems(kit, _row(), _row(volume="FRUS 1949, vol. IV"))
    assert any("used more than once" in p for p in problems)
    assert any("disagree on the volume" in p for p in problems)
    assert any("two points share a position" in p for p in problems)


def test_topic_turn_and_line_may_be_empty(kit):
    assert _problems(kit, _row(topic="", turn=None, line=None, relation="context")) == []


def test_load_needs_its_columns(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("point_id,document\nx,y\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        wt.load_witnesses(path)


# ------------------------------------------------------------------------------------------
# the order of topics, by hand

def test_record_order_by_first_anchor(kit):
    # turn 1: courtesies (n02), "to exist side by side" (n04), "all possible assistance at the
    # Ministry" (n05), Bevin's assurance (n06), reconstruction (n08), Germany (n12); turn 2 the
    # Pact; turn 3 the Soviet treaties; turn 8 the American forces
    assert wt.record_order(kit).to_dict() == {
        "atmosphere": 1, "coexistence": 2, "diplomatic_access": 3, "no_aggression": 4,
        "reconstruction_trade": 5, "germany_paris": 6, "atlantic_pact": 7, "soviet_treaties": 8,
        "american_forces": 9}


def test_kirks_order(kit):
    # k05 polite opening; (1) reconstruction; (2) Germany, coexistence, no aggression, the
    # interjection about the Pact; (3) American forces; (4) the Soviet treaties
    assert wt.witness_order(kit).to_dict() == {
        "atmosphere": 1, "reconstruction_trade": 2, "germany_paris": 3, "coexistence": 4,
        "no_aggression": 5, "atlantic_pact": 6, "american_forces": 7, "soviet_treaties": 8}


def test_topic_order_moved_and_only_in(kit):
    order = wt.topic_order(kit)
    assert order.loc["reconstruction_trade", "moved"] == -3
    assert order.loc["coexistence", "moved"] == 2
    assert pd.isna(order.loc["diplomatic_access", "in_kirk"])
    assert wt.only_in(order) == {"kelly": ["Diplomatic access and the embassy's personal matters"],
                                 "kirk": []}


def test_order_chart_and_its_description(kit):
    order = wt.topic_order(kit)
    chart = wt.order_chart(order)
    assert isinstance(chart, Chart) and isinstance(chart.figure, Figure)
    text = wt.describe_order(order)
    assert "Kelly's record has 9 topics, Kirk's account 8; 8 are in both" in text
    assert "Reconstruction and trade: 5th in Kelly's record, 2nd in Kirk's." in text
    assert "Only in Kelly's record: Diplomatic access and the embassy's personal matters." in text
    for label in order["label"]:
        assert label in text
    assert chart.description == text and chart.png().startswith(b"\x89PNG")


def test_order_note_figures(kit):
    note = wt.order_note(kit)
    assert "Of the 8 topics both accounts have, **6** come up at a different place" in note


def test_position_sentence(kit):
    assert wt.position_sentence(kit, "reconstruction_trade") == (
        "*Reconstruction and trade* comes up 5th in Kelly’s record and 2nd in Kirk’s account.")
    with pytest.raises(ValueError, match="no topic 'trade'"):
        wt.position_sentence(kit, "trade")


# ------------------------------------------------------------------------------------------
# the interruption, by hand

def test_words_after_on_a_toy_turn():
    turns = pd.DataFrame({"turn": [1], "spoken": ["one two three four – five"], "words": [5]})
    assert wt.words_after(turns, "two") == 3  # "three", "four", "five": a lone dash is no word
    with pytest.raises(ValueError, match="not in the spoken words"):
        wt.words_after(turns, "six")


def test_the_interruption_figures(kit):
    figures = wt.interruption(kit)
    assert figures["turn_words"] == 472 and figures["paragraphs"] == 4
    assert figures["next_speaker"] == "Stalin"
    # Kirk 1804: "(1) ... Stalin assented." and "(2) ... To this Stalin assented, but ..."
    assert figures["assented"] == 2
    assert figures["raised"] == ["Reconstruction and trade", "Germany and the Paris conference",
                                 "Coexistence and suspicion"]
    assert figures["raised_words"] == ["had similar problems reconstruction",
                                       "two wars against Germany", "could exist side by side"]
    assert figures["after_in_cable"] == ["Reconstruction and trade", "Germany and the Paris conference"]
    assert figures["not_in_kirk"] == ["Diplomatic access and the embassy's personal matters"]
    note = wt.interruption_note(kit)
    assert "**472 words**" in note and "\"assented\" twice" in note
    assert "already raised **3** subjects" in note and "puts **2** of them after" in note
    assert "**247**" not in note and "**225**" not in note  # the cable's order cannot measure Kirk's


def test_opening_orders_by_hand(kit):
    # the cable's turn 1: courtesies (n02), "to exist side by side" (n04), "all possible
    # assistance at the Ministry" (n05), Bevin's assurance (n06), reconstruction (n08), Germany
    # (n12); Kirk before "at once interjected": polite opening, (1) reconstruction, (2) Germany,
    # coexistence, and the assurance at which Stalin breaks in
    table = wt.opening_orders(kit)
    assert table["in_cable"].to_dict() == {
        "atmosphere": 1, "coexistence": 2, "diplomatic_access": 3, "no_aggression": 4,
        "reconstruction_trade": 5, "germany_paris": 6}
    assert table["in_kirk"].dropna().astype(int).to_dict() == {
        "atmosphere": 1, "reconstruction_trade": 2, "germany_paris": 3, "coexistence": 4,
        "no_aggression": 5}
    assert table.loc["reconstruction_trade", "in_the_cable"] == "after the assurance"
    assert table.loc["coexistence", "in_the_cable"] == "before the assurance"
    assert table.loc["reconstruction_trade", "kirk_part"] == "(1)"
    assert wt.opening_sentence(kit, "reconstruction_trade") == (
        "*Reconstruction and trade*: the cable's turn 1 has it 5th, after the assurance of no "
        "aggression; Kirk's account has it 2nd, in his point (1), before Stalin breaks in.")
    assert "where Stalin breaks in" in wt.opening_sentence(kit, "no_aggression")
    assert "do not have it" in wt.opening_sentence(kit, "diplomatic_access")
    with pytest.raises(ValueError, match="no topic 'american_forces' in Kelly's opening"):
        wt.opening_sentence(kit, "american_forces")


# ------------------------------------------------------------------------------------------
# documents, points, audiences

def test_documents_days_from_the_meeting(kit):
    days = wt.documents(kit)["days_from_meeting"].to_dict()
    assert days["Kirk 1804"] == 3 and days["Kirk to Acheson"] == 36
    assert days["Soviet memorandum"] == -109 and days["British reply"] == -97
    assert days["Kirk 491"] == 795 and pd.isna(days["Acheson 544"])  # a month-only date
    assert days["Acheson 553"] == 16  # 3 August 1949


def test_points_search_and_relation_counts(kit):
    with pytest.raises(ValueError, match="no document 'Kirk 999'"):
        wt.points(kit, "Kirk 999")
    assert set(wt.search(kit, "saturday")["document"]) == {"Kirk 1804", "Kirk to Acheson"}
    counts = wt.relation_counts(kit)["notes"].to_dict()
    assert counts == {"same": 10, "differs": 4, "only_document": 4, "context": 2}


def test_point_beside_turn(kit):
    table = wt.point_beside_turn(kit, "k16")
    assert table.loc["cable", "where"] == "turn 3 (Kelly), line 42"
    assert table.loc["cable", "says"].startswith("Sir D. Kelly: “If I might comment")
    assert table.loc["document", "source"] == "Kirk 1804 (FRUS 1949, vol. V), the kit's note k16, in its point (4)"
    line = wt.point_beside_turn(kit, "f01").loc["cable"]
    assert line["where"] == "line 66 (narration)" and line["says"].startswith("As far as is known")
    with pytest.raises(ValueError, match="corresponds to no turn or line"):
        wt.point_beside_turn(kit, "f02")
    with pytest.raises(ValueError, match="no note 'z9'"):
        wt.point_beside_turn(kit, "z9")


def test_beside_positions(kit):
    table = wt.beside_positions(kit)
    assert table["turn"].tolist() == [2, 3, 3, 4, 4, 4, 4, 5]
    assert set(table["document"]) == set(wt.POSITION_DOCUMENTS)
    assert table.loc[table["turn"] == 4, "speaker"].unique().tolist() == ["Stalin"]


def test_audiences_by_hand(kit):
    table = wt.audiences(kit)
    days = table["days_from_meeting"].to_dict()
    # 18 July 1949 back to 4 April 1946: 1201 days; to 15 April 1947: 365 + 366 + 94 = 825;
    # to 2 and 23 August 1948: 350 and 329; on to 15 August 1949: 28; to 21 September 1951:
    # 730 + 31 + 31 + 3 = 795; March 1947 has no day, so no count
    assert {k: v for k, v in days.items() if not pd.isna(v)} == {
        "1946-04-04": -1201, "1947-04-15": -825, "1948-08-02": -350, "1948-08-23": -329,
        "1949-07-18": 0, "1949-08-15": 28, "1951-09-21": 795}
    assert pd.isna(days["1947-03"])
    assert "interpreter" in table.loc["1946-04-04", "who"]  # Smith went without his staff, not alone
    assert "Kirk's report" in table.loc["1951-09-21", "who"]
    note = wt.audiences_note(kit)
    assert "**1201** days earlier (about **3.3** years)" in note
    assert "**329** days earlier" in note and "**28** days after Kelly" in note
    assert "**2** foreign ministers" in note and "**825** days before Kelly" in note
    assert "told to be at the Kremlin gate at 10 p.m., Kelly's hour" in note
    assert "Of the **5** audiences whose hour the sources give, **5** were in the evening" in note
    assert "**795** days (about **2.2** years) after Kelly's audience, Kirk reported" in note
    assert "at the same hour" not in note


# ------------------------------------------------------------------------------------------
# notebook 05


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _outputs(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        for mime, value in out.get("data", {}).items():
            if not mime.startswith("image/"):
                parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def _section(cells, start: str, end: str) -> list[dict]:
    first = next(i for i, c in enumerate(cells) if _text(c).startswith(start))
    last = next(i for i, c in enumerate(cells) if _text(c).startswith(end))
    return cells[first + 1:last]


def test_notebook_05_has_the_kits_shape():
    cells = _cells()
    text = "\n".join(_text(c) for c in cells if c["cell_type"] == "markdown")
    for needle in ["**What you will learn**", "**Time needed:**", "**What to know first:**",
                   "**Where this sits:**", "## Try it", "## Discussion questions", "## Model answers",
                   "notebook 05 of 05"]:
        assert needle in text, needle
    assert _text(cells[-1]).startswith("---\n**How to cite.**")
    assert "notebook 05, version 0.1.0" in _text(cells[-1])


def test_notebook_05_chart_is_described_by_the_same_function(kit):
    chart_cell = next(c for c in _cells() if "wt.order_chart(" in _text(c))
    images = [o for o in chart_cell["outputs"] if "image/png" in o.get("data", {})]
    assert len(images) == 1
    alt = images[0]["metadata"]["image/png"]["alt"]
    assert alt == wt.describe_order(wt.topic_order(kit))
    # and the same words are the visible caption, as in the other notebooks
    captions = ["".join(o["data"]["text/markdown"]) for o in chart_cell["outputs"]
                if "text/markdown" in o.get("data", {})]
    assert captions == [what_the_chart_shows(wt.order_chart(wt.topic_order(kit)))]


def test_notebook_05_exercises_start_from_neutral_values():
    section = _section(_cells(), "## Try it", "## Discussion questions")
    code = [c for c in section if "try-it-code" in c["metadata"].get("tags", [])]
    assert len(code) == 4
    shown = [_outputs(c) for c in code]
    assert "Saturday" not in shown[0]
    assert "2nd in Kirk" not in shown[1] and "diplomatic" not in shown[1].lower()
    assert "after the assurance" not in shown[2] and "point (1)" not in shown[2]
    assert "turn 3" not in shown[3]


def test_notebook_05_exercise_cells_load_what_they_need():
    """Each exercise cell starts with the one cheap call (tests/course/test_exercises.py runs
    every exercise cell of the kit alone, on a kernel with nothing else defined)."""
    section = _section(_cells(), "## Try it", "## Discussion questions")
    for cell in (c for c in section if "try-it-code" in c["metadata"].get("tags", [])):
        assert _text(cell).splitlines()[:2] == [
            "from helpers.course import exercise",
            'ex = exercise.start("05")   # what the exercises need (safe to run again)']


def test_notebook_05_model_answers_are_tagged_and_folded():
    answers = _section(_cells(), "## Model answers", "---\n**How to cite.**")
    assert len(answers) == 4
    for n, cell in enumerate(answers, start=1):
        meta = cell["metadata"]
        assert "model-answer" in meta.get("tags", []), _text(cell)[:40]
        assert meta.get("jupyter") == {"source_hidden": True}, _text(cell)[:40]
        assert _outputs(cell).startswith(f"<details>\n<summary><strong>Model answer: Try it {n},")
    heading = next(c for c in _cells() if _text(c).startswith("## Model answers"))
    assert "model-answer" in heading["metadata"].get("tags", [])


#: Number forms the prose of notebook 05 may type: dates, labels, document numbers.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ALLOWED = [
    r"https?://\S+", r"`[^`]*`", rf"\b\d{{1,2}} (?:{MONTHS})(?:,? \d{{4}})?", rf"\b(?:{MONTHS}) \d{{4}}",
    r"\b1[89]\d\d\b", r"\b20\d\d\b", r"\bKirk (?:1804|1813|491)\b", r"\bAcheson 553\b", r"\btelegram 18(?:04|13)\b",
    r"\bdoc\. \d+\b", r"\bvol\. [IVX]+\b", r"\bturns? \d+(?: (?:to|and) \d+)?\b", r"\bTry it \d\b",
    r"\bModel answer \d\b", r"\bsection \d\b", r"\bnotebook \d\d\b", r"\b0[1-5]\b",
    r"^\s*\d\. ", r"\bversion 0\.1\.0", r"CC BY 4\.0", r"\bexactly 25 minutes\b",
    r"about 45 minutes of reading, and 20 more",  # the learner header's time (the site reads it)
    r"\babout \d+ minutes\b",  # the time of each section (the core path's badges)
    rf"\b\d{{1,2}}(?:st|nd|rd|th) (?:{MONTHS})",  # a date as a quoted document prints it
    r"^#+ \d\. ",  # section numbers
]


def test_notebook_05_types_no_counts_in_its_prose():
    for cell in _cells():
        if cell["cell_type"] != "markdown":
            continue
        text = _text(cell)
        for pattern in ALLOWED:
            text = re.sub(pattern, " ", text, flags=re.MULTILINE)
        leftover = re.findall(r".{0,30}\d.{0,30}", text)
        assert not leftover, leftover


# ------------------------------------------------------------------------------------------
# notebook 01's note on telegram times (M8): the typed figures, recomputed


def test_the_telegram_times_convention_figures(cable):
    cell = next(c for c in json.loads((paths.NOTEBOOKS / "01_reading_the_cable.ipynb")
                                      .read_text(encoding="utf-8"))["cells"] if c.get("id") == "nb01-10")
    text = " ".join(_text(cell).split())
    moscow, london = ZoneInfo("Europe/Moscow"), ZoneInfo("Europe/London")
    sent = cable.metadata.despatched.replace(tzinfo=moscow)
    came = cable.metadata.received.replace(tzinfo=london)
    assert sent.utcoffset().total_seconds() / 3600 == 3 and "three hours ahead of Greenwich" in text
    assert came.utcoffset().total_seconds() / 3600 == 1 and came.tzname() == "BST"
    assert "British Summer Time, one hour ahead" in text
    local = sent.astimezone(london)
    assert local.strftime("%-H.%M %p").lower().replace("am", "a.m.") == "11.11 a.m."
    assert "1.11 p.m. in Moscow was 11.11 a.m. in London" in text
    hours, minutes = divmod(int((came - sent).total_seconds() // 60), 60)
    assert (hours, minutes) == (4, 39) and "about 4 hours 39 minutes" in text
    assert datetime(1949, 7, 19, tzinfo=moscow).dst().total_seconds() == 0  # no summer time in 1949


def test_figures_in_the_guide_for_notebook_05(kit):
    guide = " ".join((paths.ROOT / "docs" / "teachers_guide.md").read_text(encoding="utf-8").split())
    figures = wt.interruption(kit)
    assert figures["assented"] == 2 and "\"assented\" twice" in guide
    assert "more than half of the opening" not in guide and "247" not in guide
    table = wt.opening_orders(kit)
    assert (table.loc["reconstruction_trade", "in_cable"], table.loc["reconstruction_trade", "in_kirk"]) == (5, 2)
    assert "5th of the subjects of the cable's turn 1 and 2nd in Kirk's order" in guide
    order = wt.topic_order(kit)
    assert (order.loc["reconstruction_trade", "in_kelly"], order.loc["reconstruction_trade", "in_kirk"]) == (5, 2)
    assert "comes up 5th in Kelly's record and 2nd in Kirk's account" in guide
    assert order.loc["diplomatic_access", "in_kelly"] == 3 and "comes up 3rd in Kelly's record" in guide
    assert "turn 3 of the cable, line 42" in guide
    assert set(wt.search(kit, "Saturday")["document"]) == {"Kirk 1804", "Kirk to Acheson"}
    assert "## Lesson plan C: one 50-minute class on corroboration (notebook 05)" in guide
    assert "### Answers for notebook 05 (other accounts and documents)" in guide
