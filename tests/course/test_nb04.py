"""Tests for helpers/course/nb04.py and for notebook 04 (the close reading).

Three kinds of check:
- the helpers, with exact, hand-checkable expectations;
- the notebook's structure: every turn 1-11 is shown and commented, and so is the narration;
- the notebook's prose never contradicts the kit's fact sheet (forbidden phrasings, dates,
  UNCONFIRMED items stated as fact) and types no number that is not a date, a sourced figure
  or a label (numbers about the text are rendered from computed values).
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers import concordance, course, display, measures
from helpers.text import long_date, prose
from helpers.course import nb04 as cm

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "04_commentary.ipynb"


# --------------------------------------------------------------------------------------------
# the course's helpers for notebook 04: exact expectations
# --------------------------------------------------------------------------------------------

def test_turn_markdown_exact(cable):
    assert cm.show_turn(cable, 6).data == (
        "> **Turn 6 · Stalin · line 48**\n>\n"
        "> Stalin: “Ours are all directed exclusively against Germany”."
    )
    assert display.turn_heading(cable.turns, 10) == "Turn 10 · Kelly · line 58"
    text = cm.show_turn(cable, 1).data
    assert text.startswith("> **Turn 1 · Kelly · lines 32–38**\n>\n> Sir. D. Kelly: “I am very glad")
    assert text.endswith("will lead to further discussions and a final solution”.")


def test_show_turn_is_the_turn_as_displayed(cable):
    assert cm.show_turn(cable, 4).data == display.turn_markdown(cable.turns, 4)


def test_narration_is_kellys_words(cable):
    assert cm.show_narration(cable, 56).data == (
        "> **Narration (Kelly's words, not a quotation) · line 56**\n>\n"
        "> At this point Stalin took out his pipe sat back in his chair and asked me a number of "
        "personal questions: Whether this was my first visit to Moscow; whether I could speak "
        "Russian, etc. After a few moments exchange of conversation he asked whether there was any "
        "way in which he could be of service to me."
    )
    closing = cm.show_narration(cable, 62, 66).data
    assert closing.endswith("to a foreign Ambassador for several years.")


def test_prose():
    assert prose("{a} of {b}", a=742, b=927).data == "742 of 927"


def test_record_text_leaves_out_the_archive_header(cable):
    record = concordance.record_text(cable.blocks)
    assert record.startswith("The Generalissimo received me last night")
    assert record.endswith("for several years.")
    assert "NATO" not in record and "July 19, 1949" not in record


def test_term_counts(cable):
    table = cm.term_counts(cable, ["NATO", "North Atlantic", "Germany", "reconstruction"])
    assert table.to_dict("index") == {
        "NATO": {"in_summary": 1, "in_record": 0},
        "North Atlantic": {"in_summary": 0, "in_record": 2},
        "Germany": {"in_summary": 0, "in_record": 3},
        "reconstruction": {"in_summary": 1, "in_record": 2},
    }


@pytest.mark.parametrize("day, days", [
    (date(1949, 7, 18), 0), (date(1949, 7, 19), 1), (date(1949, 7, 21), 3),
    (date(1949, 8, 24), 37), (date(1949, 8, 29), 42), (date(1949, 9, 23), 67),
    (date(1949, 10, 7), 81), (date(1948, 8, 2), -350), (date(1946, 4, 4), -1201),
    (date(1949, 4, 4), -105),
])
def test_days_from_meeting(day, days):
    assert cm.days_from_meeting(day) == days


def test_events_match_the_fact_sheet():
    """The dates of the fact sheet (docs/sources.md), one by one; each key finds one event."""
    expected = {
        "treaty of friendship and alliance with China": date(1945, 8, 14),
        "Mongolia": date(1946, 2, 27),
        "Bedell Smith": date(1946, 4, 4),
        "Peace treaties": date(1947, 2, 10),
        "George Marshall": date(1947, 4, 15),
        "Berlin blockade begins": date(1948, 6, 24),
        "three Western envoys": date(1948, 8, 2),
        "Menshikov": date(1949, 3, 4),
        "Soviet memorandum on the North Atlantic Treaty": date(1949, 3, 31),
        "North Atlantic Treaty signed": date(1949, 4, 4),
        "British reply": date(1949, 4, 12),
        "aide-mémoire": date(1949, 4, 27),
        "blockade lifted": date(1949, 5, 12),
        "House of Commons approves": date(1949, 5, 12),
        "House of Lords": date(1949, 5, 18),
        "Paris session of the Council of Foreign Ministers opens": date(1949, 5, 23),
        "claims on Austria": date(1949, 6, 14),
        "Council of Foreign Ministers ends": date(1949, 6, 20),
        "reports to Stalin in writing": date(1949, 7, 6),
        "Miss Peters, the embassy telephonist": date(1949, 7, 11),
        "Kelly meets Stalin": date(1949, 7, 18),
        "cable No. 608": date(1949, 7, 19),
        "Senate": date(1949, 7, 21),
        "telegram 1804": date(1949, 7, 21),
        "Stalin talks with Liu Shaoqi": date(1949, 7, 27),
        "apologetic attitude": date(1949, 8, 3),
        "Bundestag": date(1949, 8, 14),
        "Alan Kirk": date(1949, 8, 15),
        "comes into force": date(1949, 8, 24),
        "RDS-1": date(1949, 8, 29),
        "Adenauer": date(1949, 9, 15),
        "pound devalued": date(1949, 9, 18),
        "Truman": date(1949, 9, 23),
        "Rajk": date(1949, 9, 24),
        "renounces its treaty with Yugoslavia": date(1949, 9, 29),
        "People's Republic of China": date(1949, 10, 1),
        "German Democratic Republic": date(1949, 10, 7),
        "New Sino-Soviet treaty": date(1950, 2, 14),
        "quite impracticable": date(1951, 9, 21),
    }
    for event, day in expected.items():
        assert cm.event_day(event) == day, event
    assert len(course.events()) == len(expected)
    assert course.meeting_day() == date(1949, 7, 18)


def test_event_day_needs_one_match():
    with pytest.raises(ValueError, match="matches 4 events"):
        cm.event_day("North Atlantic")
    with pytest.raises(ValueError, match="matches 4 events"):
        cm.event_day("Kirk")  # notebook 04 asks for "Alan Kirk"
    with pytest.raises(ValueError, match="matches 0 events"):
        cm.event_day("Korea")


def test_events_table():
    table = cm.events_table()
    assert list(table.columns) == ["date", "days_from_meeting", "event", "source"]
    assert table["date"].tolist() == sorted(table["date"])
    assert table.iloc[0]["date"] == "1945-08-14"
    assert table.iloc[-1]["date"] == "1951-09-21"
    assert table.loc[table["days_from_meeting"] == 0, "event"].tolist() == [
        "Kelly meets Stalin in the Kremlin, 10 p.m. Moscow time"]
    assert (table["source"].str.len() > 0).all()


def test_long_date():
    assert long_date(date(1949, 8, 24)) == "24 August 1949"
    assert long_date(date(1949, 7, 8)) == "8 July 1949"


# --------------------------------------------------------------------------------------------
# notebook 04: structure
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _markdown_outputs(cell: dict) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {}).get("text/markdown")
        if data:
            texts.append("".join(data))
    return texts


@pytest.fixture(scope="module")
def prose_texts(cells) -> list[str]:
    """Everything the reader reads as prose: markdown cells and rendered Markdown outputs."""
    texts = [_source(c) for c in cells if c["cell_type"] == "markdown"]
    for c in cells:
        if c["cell_type"] == "code" and "show_" not in _source(c):
            texts += _markdown_outputs(c)
    return texts


@pytest.fixture(scope="module")
def sentences(prose_texts) -> list[str]:
    joined = "\n".join(prose_texts)
    joined = re.sub(r"\]\([^)]*\)", "]", joined)  # drop link targets
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n- ", joined) if s.strip()]


def test_every_turn_is_shown_once_and_commented(cells, cable):
    speakers = dict(zip(cable.turns["turn"], cable.turns["speaker"].astype(str)))
    for n in range(1, 12):
        shown = [i for i, c in enumerate(cells)
                 if c["cell_type"] == "code" and _source(c).strip() == f"cm.show_turn(cable, {n})"]
        assert len(shown) == 1, f"turn {n} shown {len(shown)} times"
        after = cells[shown[0] + 1]
        assert after["cell_type"] == "markdown"
        text = _source(after)
        assert text.startswith(f"### Commentary on turn {n} ({speakers[n]})")
        assert "**What is said.**" in text
        assert "**How the other side answers.**" in text
        assert len(text.split()) >= 60, f"turn {n}: commentary too short"
        assert _markdown_outputs(cells[shown[0]]) == [display.turn_markdown(cable.turns, n)]


def test_narration_is_shown_and_commented(cells):
    for call, heading in [("cm.show_narration(cable, 30)", "**Commentary on the opening narration.**"),
                          ("cm.show_narration(cable, 56)", "### Commentary on the narration"),
                          ("cm.show_narration(cable, 62, 66)", "### Commentary on the closing narration")]:
        index = [i for i, c in enumerate(cells) if _source(c).strip() == call]
        assert len(index) == 1, call
        assert _source(cells[index[0] + 1]).startswith(heading)


def test_header_sections_and_footer(cells):
    text = "\n".join(_source(c) for c in cells if c["cell_type"] == "markdown")
    for needle in ["**What you will learn**", "**Time needed**", "**What to know first**",
                   "**Where it sits**", "## Try it", "## Discussion questions", "## Model answers",
                   "## Closing synthesis"]:
        assert needle in text, needle
    assert text.index("## Try it") < text.index("## Model answers")
    last = _source([c for c in cells if c["cell_type"] == "markdown"][-1])
    assert last.startswith("---\n**How to cite.**")
    assert "notebook 04, version 0.1.0" in last
    assert "https://digitalarchive.wilsoncenter.org/document/134387" in last


def test_no_errors_and_kernel(cells):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for c in cells:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error"
            assert "image/svg+xml" not in out.get("data", {})
            assert " at 0x" not in "".join(out.get("data", {}).get("text/plain", ""))


# --------------------------------------------------------------------------------------------
# notebook 04: never contradicts the fact sheet
# --------------------------------------------------------------------------------------------

def test_never_atomic_bombers(prose_texts):
    for text in prose_texts:
        assert not re.search(r"atomic[- ]bomber", text, re.IGNORECASE)


def test_b29s_are_said_not_to_be_atomic_capable(sentences):
    b29 = [s for s in sentences if "B-29" in s]
    assert b29
    assert any("not equipped to carry atomic" in s for s in sentences)


def test_pact_not_in_force_before_24_august(sentences):
    for s in sentences:
        if re.search(r"\bin(to)? force\b", s) and re.search(r"Pact|North Atlantic|treaty had been signed", s):
            assert "24 August" in s or re.search(r"\bnot\b", s), s


def test_pact_signed_and_senate_vote_dated(sentences):
    joined = " ".join(sentences)
    assert "4 April 1949" in joined
    assert "21 July" in joined and "82 votes to 13" in joined
    assert "24 August 1949" in joined


def test_meeting_is_never_dated_19_july(sentences):
    pattern = re.compile(r"\b(meeting|met|meet|interview|received|receives)\b[^.;:]{0,40}\b19(th)? July",
                         re.IGNORECASE)
    for s in sentences:
        assert not pattern.search(s), s
    joined = " ".join(sentences)
    assert "18 July 1949" in joined and "Monday 18 July" in joined


def test_kelly_dates_and_not_the_weapons_expert(sentences):
    joined = " ".join(sentences)
    assert "Sir David Victor Kelly (1891–1959)" in joined
    assert joined.count("1891") == joined.count("1891–1959") == joined.count("1959")
    for s in sentences:
        if "2003" in s:
            assert re.search(r"\bnot\b", s, re.IGNORECASE), s
    assert any("2003" in s for s in sentences)


def test_exclusively_is_set_against_the_treaty_texts(sentences):
    joined = " ".join(sentences)
    assert "Germany or any other Power which might be associated with Germany" in joined
    assert "Germany or any state allied with the latter" in joined
    assert "goes further than the texts" in joined


def test_first_interview_claim_is_tested(sentences):
    joined = " ".join(sentences)
    assert "This is Kelly's claim, and it can be tested" in joined
    assert "4 April 1946" in joined and "2 August 1948" in joined


def test_no_scholarly_study_is_said(sentences):
    assert any("We found no scholarly study of this meeting" in s for s in sentences)


def test_million_houses_is_kellys_figure(sentences):
    million = [s for s in sentences if "million houses" in s]
    assert million and all("Kelly" in s for s in million)
    joined = " ".join(sentences)
    assert "about 220,000 homes destroyed or damaged beyond repair, and 3.5 million or more" in joined


def test_unconfirmed_items_are_marked(sentences):
    def about(word: str) -> list[str]:
        return [s for s in sentences if word in s]
    assert any("probabl" in s for s in about("Pavlov"))
    assert any("probabl" in s for s in about("Geoffrey Harrison"))
    assert any("not confirmed" in s or "probable" in s for s in about("Russian ladies"))
    assert not any(re.search(r"FO ?371", s) for s in sentences)  # no invented file reference


def test_meeting_date_and_cable_date_from_metadata(cells):
    outputs = [t for c in cells for t in _markdown_outputs(c)]
    assert any("on **18 July 1949**; the cable was despatched at 13:11 on **19 July 1949**" in t
               for t in outputs)


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Number forms the prose may type: dates, labels, sourced figures, and the source's own figures.
_ALLOWED_NUMBERS = [
    # the core path's badges and the learner header's times (estimates, not counts of the text)
    r"\babout \d+ minutes(?: of reading)?", r"\b\d+ more\b", r"\bturns 1 and 2\b", r"\bturns 3 to 11\b",
    r"\bTry it \d to \d\b",
    r"https?://\S+", r"`[^`]*`", r"42:1", r"4/2012", r"46/1968",
    rf"\b\d{{1,2}}(?:th)? (?:{MONTHS})(?:,? \d{{4}})?", rf"\b(?:{MONTHS}) \d{{1,2}}\b",
    rf"\b(?:{MONTHS}) \d{{4}}", r"\b1[89]\d\d(?:[–-]\d{2,4})?\b", r"\b20\d\d\b",
    r"\b[Tt]urns? \d+", r"\bTry it \d\b", r"\bModel answer \d\b", r"\blines? \d+(?:[–-]\d+)?", r"\bdoc\. \d+", r"\bnote \d", r"\barticle \d", r"\bexercise \d",
    r"^\s*\d\. ", r"\*\*\d\. ", r"\b0[1-5]\b", r"\bversion 0\.1\.0", r"CC BY 4\.0",
    r"\b25 minutes", r"10 p\.m\.", r"No\. 599", r"B-29", r"RDS-1",
    r"220,000", r"3\.5 million", r"82 votes to 13", r"7,000", r"110 to 150 words",
    r"about 60 minutes", r"30 more", r"about 30 to get months",

    r"\bsection \d\b", r"\b\d{1,2} p\. ?m\.", r"\bpart 2\b",
]


def test_no_typed_counts_in_markdown(cells):
    """Numbers about the text are computed; a markdown cell types only dates, labels and sourced figures."""
    for c in cells:
        if c["cell_type"] != "markdown":
            continue
        text = _source(c)
        for pattern in _ALLOWED_NUMBERS:
            text = re.sub(pattern, " ", text, flags=re.MULTILINE)
        leftover = re.findall(r".{0,30}\d.{0,30}", text)
        assert not leftover, leftover


def test_source_figures_used_in_prose(cable):
    assert cable.metadata.duration_minutes == 25
    cell = next(c for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"] if c.get("id") == "c04-14")
    assert "measures.speaking_time(total_words, (110, 130, 150)" in _source(cell)  # "110 to 150 words a minute"


# --------------------------------------------------------------------------------------------
# figures quoted in docs/teachers_guide.md, and the bibliography
# --------------------------------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"
ROOT = DOCS.parent


def test_speaking_time_figures_in_the_answer_key():
    # 927/100 = 9.27 min, x2 = 18.54, 25 - 18.54 = 6.46; 927/160 = 5.79, x2 = 11.59, left 13.41
    table = measures.speaking_time(927, (100, 160), 2, 25)
    assert table.to_dict("index") == {
        100: {"words": 927, "minutes_speech": 9.3, "minutes_total": 18.5, "minutes_left": 6.5},
        160: {"words": 927, "minutes_speech": 5.8, "minutes_total": 11.6, "minutes_left": 13.4},
    }


def test_word_totals_used_in_the_commentary(cable):
    table = measures.per_speaker(cable.turns)
    assert len(cable.turns) == 11
    assert table["words"].to_dict() == {"Kelly": 742, "Stalin": 185}
    assert table["share_of_words"].to_dict() == {"Kelly": 80.0, "Stalin": 20.0}
    assert int(cable.turns.loc[cable.turns["turn"] == 1, "words"].iloc[0]) == 472


def _urls(text: str) -> set[str]:
    found = re.findall(r"https?://[^\s\"'<>)\]]+", text)
    return {u.rstrip(".,;").split("://", 1)[1].removeprefix("www.") for u in found}


def test_sources_md_lists_every_url_the_commentary_cites():
    listed = _urls((DOCS / "sources.md").read_text(encoding="utf-8"))
    cited = set()
    for cell in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            cited |= _urls(_source(cell))
    for source in course.events()["source"]:
        cited |= {u.removeprefix("www.") for u in re.findall(r"[\w.-]+\.\w+/[^\s;)]+", source)
                  if "/" in u and "." in u.split("/")[0]}
    missing = sorted(u for u in cited if u not in listed)
    assert not missing, missing


def test_sources_md_lists_every_url_in_the_data_files():
    listed = _urls((DOCS / "sources.md").read_text(encoding="utf-8"))
    data = Path(__file__).resolve().parents[2] / "data"
    cited = set()
    for name in ["people.csv", "annotations.csv", "glossary.csv"]:
        for source in pd.read_csv(data / name, dtype=str, keep_default_na=False)["source"]:
            cited |= _urls(source)
    missing = sorted(u for u in cited if u not in listed)
    assert not missing, missing


def test_sources_md_marks_the_unconfirmed_items():
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    for needle in ["No scholarly study of this meeting was found", "FO 371", "Hayward"]:
        assert needle in text
    assert text.count("**UNCONFIRMED**") >= 4


def test_teachers_guide_has_an_answer_section_for_every_notebook():
    text = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    for nn in ["01", "02", "03", "04", "05"]:
        assert re.search(rf"^### Answers for notebook {nn}( \(|: to be added)", text, re.MULTILINE), nn
    for plan in ["## Lesson plan A: one 50-minute class", "## Lesson plan B: two 50-minute classes",
                 "## Lesson plan C: one 50-minute class on corroboration",
                 "## Learning objectives", "## Assessment task", "**Marking guide**"]:
        assert plan in text


def test_teachers_guide_keeps_the_facts():
    text = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    assert "**Monday 18 July 1949**" in text and "**19 July 1949**" in text
    assert "**in force 24 August 1949**" in text
    assert "**not atomic-capable**" in text
    assert "Sir David Victor Kelly (1891–1959)" in text
    assert not re.search(r"(?<!\")atomic bombers(?!\")", text)


def test_figures_in_the_answer_keys_for_notebooks_01_and_02(cable):
    """Every figure docs/teachers_guide.md quotes from notebooks 01 and 02, recomputed here."""
    import helpers
    # 01, Try it 1: where the phrases stand
    turns = cable.turns.set_index("turn")
    def where(phrase):
        return [(int(n), int(row.line_start)) for n, row in turns.iterrows() if phrase in row.text]
    assert where("American forces") == [(8, 52)]
    assert where("Russian ladies") == [(10, 58)]
    assert where("Germany") == [(1, 32), (6, 48)]  # turn 1 starts on line 32; "Germany" is on 38
    assert [i + 1 for i, line in enumerate(cable.source.split("\n")) if "Germany" in line] == [38, 48]
    # 01, Try it 2: 15 hours 11 minutes
    gap = cable.metadata.despatched - cable.metadata.meeting_start
    assert divmod(int(gap.total_seconds() // 60), 60) == (15, 11)
    # 01, Try it 3: six people, four silent
    people = cable.people
    assert len(people) == 6 and (people["speaks_in_record"] == "no").sum() == 4
    # 01, Try it 4: three speakers without the speaker file
    assert helpers.parse_text(cable.source).turns["speaker"].astype(str).nunique() == 3
    # 02, Try it 1: 150 and 100 words a minute
    table = measures.speaking_time(927, (150, 100), 2, 25)
    assert table.loc[150, ["minutes_total", "minutes_left"]].tolist() == [12.4, 12.6]
    assert table.loc[100, ["minutes_total", "minutes_left"]].tolist() == [18.5, 6.5]
    # 02, Try it 2: shares without turn 1
    without = measures.per_speaker(cable.turns[cable.turns["turn"] != 1])
    assert without["share_of_words"].to_dict() == {"Kelly": 59.3, "Stalin": 40.7}
    # 02, Try it 3: question marks
    marks = cable.turns.assign(q=cable.turns["spoken"].str.count(r"\?"))
    assert marks.groupby("speaker", observed=True)["q"].sum().to_dict() == {"Kelly": 0, "Stalin": 2}
    assert marks.loc[marks["q"] > 0, "turn"].tolist() == [8]
    # 02, Try it 4: words per sentence and shares of sentences
    units = cable.turns.groupby("speaker", observed=True)[["words", "sentences"]].sum()
    assert units["sentences"].to_dict() == {"Kelly": 29, "Stalin": 18}
    per = (units["words"] / units["sentences"]).round(1).to_dict()
    assert per == {"Kelly": 25.6, "Stalin": 10.3}
    assert round(per["Kelly"] / per["Stalin"], 1) == 2.5
    share = (100 * units["sentences"] / units["sentences"].sum()).round(1).to_dict()
    assert share == {"Kelly": 61.7, "Stalin": 38.3}


# --------------------------------------------------------------------------------------------
# usability: exercises a student can do without Python, answers kept out of sight
# --------------------------------------------------------------------------------------------

def test_speaking_time_sentence_exact():
    # 927/100 = 9.27 x 1.5 = 13.905 -> 13.9, left 11.1; 927/160 = 5.79 x 1.5 = 8.69 -> 8.7, left 16.3
    assert cm.speaking_time_sentence(927, (100, 160), 1.5, 25).data == (
        "With each remark taking 1.5 times as long as saying it once (interpreting factor 1.5), the "
        "927 recorded words take: at 100 words a minute, about **13.9** minutes, leaving **11.1** of "
        "the 25; at 160 words a minute, about **8.7** minutes, leaving **16.3** of the 25."
    )
    assert "**5** more than the 25" in cm.speaking_time_sentence(1500, (100,), 2, 25).data  # 30 min


def test_days_sentence():
    assert cm.days_sentence(date(1949, 4, 4)).data == (
        "4 April 1949 is **105** days *before* the meeting of 18 July 1949 (about **15** weeks, or "
        "**3.4** months). Counted from the meeting, that is -105 days: a negative number means before it."
    )
    assert cm.days_sentence(date(1949, 7, 21)).data.startswith("21 July 1949 is **3** days *after*")
    assert cm.days_sentence(date(1949, 7, 18)).data == "18 July 1949 is the day of the meeting."


def _section(cells, start: str, end: str) -> list[dict]:
    first = next(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _source(c).startswith(start))
    last = next(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _source(c).startswith(end))
    return cells[first + 1:last]


def test_every_exercise_has_a_ready_filled_cell(cells):
    section = _section(cells, "## Try it", "## Discussion questions")
    for n in range(1, 6):
        index = next(i for i, c in enumerate(section) if _source(c).startswith(f"**Try it {n}:"))
        text = _source(section[index])
        assert "Shift+Enter" in text or "run the cell" in text, n
        code = section[index + 1]
        assert code["cell_type"] == "code" and code["outputs"], n
        assert "try-it-code" in code["metadata"]["tags"], n
        assert "answer-check" in section[index + 2]["metadata"]["tags"], n  # every answer here is a number, a turn or a word
    assert sum("try-it-code" in c["metadata"].get("tags", []) for c in section) == 5


def test_exercise_cells_store_neutral_values_not_the_answers(cells):
    """The stored outputs of the exercise cells must not give the answers away (comments may name them)."""
    code = [line.split("#")[0] for c in _section(cells, "## Try it", "## Discussion questions")
            if c["cell_type"] == "code" for line in _source(c).splitlines()]
    for answer in ['"German*"', "(100, 160)", "1.5", '"intention*"', "1949, 4, 4"]:
        assert not any(answer in line for line in code), answer


def test_model_answers_are_folded_in_one_click(cells):
    """One code cell per answer, its code hidden, its output the whole answer in a closed
    <details> element whose summary names the exercise (one click opens it, rendered)."""
    answers = _section(cells, "## Model answers", "---\n**How to cite.**")
    assert len(answers) == 5
    for n, c in enumerate(answers, start=1):
        assert c["cell_type"] == "code" and c["metadata"]["jupyter"] == {"source_hidden": True}
        (shown,) = _markdown_outputs(c)
        assert shown.startswith(f"<details>\n<summary><strong>Model answer: Try it {n},"), shown[:80]
        assert shown.rstrip().endswith("</details>")


def test_model_answer_2_computes_the_factor_1_5_case(cells):
    outputs = [t for c in _section(cells, "## Model answers", "---\n**How to cite.**") for t in _markdown_outputs(c)]
    assert any("interpreting factor 1.5" in t and "**13.9**" in t and "**16.3**" in t for t in outputs)


def test_cells_that_only_write_sentences_hide_their_code(cells):
    for c in cells:
        if c["cell_type"] == "code" and "text.prose(" in _source(c):
            assert c["metadata"].get("jupyter", {}).get("source_hidden") is True, _source(c)[:60]


def test_no_cut_off_tables_lists_or_bare_numbers(cells):
    assert 'pd.set_option("display.max_colwidth", None)' in _source(cells[2])
    for c in cells:
        for out in c.get("outputs", []):
            plain = "".join(out.get("data", {}).get("text/plain", ""))
            if out.get("data", {}).get("text/html") or plain.startswith("<IPython"):
                continue
            assert "..." not in plain, _source(c)[:60]
            assert not re.search(r"\[\(|\)\]|\[\]", plain), _source(c)[:60]  # no Python lists shown
            assert not re.fullmatch(r"-?\d+", plain.strip()), _source(c)[:60]


def test_discussion_questions_are_numbered(cells):
    text = _source(next(c for c in cells if _source(c).startswith("## Discussion questions")))
    assert [int(n) for n in re.findall(r"^(\d)\. ", text, re.MULTILINE)] == [1, 2, 3, 4, 5]


def test_pointers_name_what_is_in_the_kit(prose_texts):
    joined = "\n".join(prose_texts)
    assert "fact sheet" not in joined  # the fact sheet is not in the kit: point to docs/sources.md
    assert "CONTRIBUTING" not in joined and "Counting rules" in joined
    assert "*order of magnitude*, that is, a rough size" in joined


def test_the_bomb_programme_claim_is_sourced(sentences):
    bomb = [s for s in sentences if "bomb" in s and "Stalin" in s and "programme" in s]
    assert bomb and all("Holloway" in s for s in bomb)
    assert "David Holloway, *Stalin and the Bomb" in (DOCS / "sources.md").read_text(encoding="utf-8")
    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    assert "Stalin knew of the" not in guide and "Holloway" in guide


# --------------------------------------------------------------------------------------------
# the student worksheet and the guide's "Before the lesson" box
# --------------------------------------------------------------------------------------------

def test_worksheet_blocks_match_the_cable(cable):
    """The five group blocks, as the worksheet lists them, the guide names them and
    tools/handouts/data/blocks.csv makes the extracts: A and B are turn 1's halves (lines 32-34
    and 36-38), C turns 2-3, D turns 4-7, E turns 8-11 with the narration about the pipe. Every
    turn is in exactly one block (turn 1's paragraphs in exactly one of A and B)."""
    import csv

    text = (DOCS / "worksheet.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-E]) \| turns? (\d+)(?:–(\d+))?([^|]*)\| ([^|]*) \| (\d+)–(\d+) \|$",
                      text, re.MULTILINE)
    assert [r[0] for r in rows] == list("ABCDE")
    turns = cable.turns.set_index("turn")
    speech = cable.blocks[cable.blocks["kind"] == "speech"]
    narration = cable.blocks[cable.blocks["kind"] == "narration"]
    with open(ROOT / "tools" / "handouts" / "data" / "blocks.csv", newline="", encoding="utf-8") as handle:
        csv_rows = {row["block"]: row for row in csv.DictReader(handle)}
    assert sorted(csv_rows) == list("ABCDE")
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    shown = {}  # cell id -> the turn (or narration line) its cell shows
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        found = re.fullmatch(r"cm\.show_(turn|narration)\(cable, (\d+)(?:, \d+)?\)", source.strip())
        if found:
            shown[cell["id"]] = (found.group(1), int(found.group(2)))
    paragraphs_of_turn_1: list[int] = []
    covered: list[int] = []
    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    for block, first, last, words, who, line_from, line_to in rows:
        first, last, line_from, line_to = int(first), int(last or first), int(line_from), int(line_to)
        lines = speech[(speech["line_start"] >= line_from) & (speech["line_end"] <= line_to)]
        assert sorted(set(lines["turn"].astype(int))) == list(range(first, last + 1)), block
        half = "half" in words
        if half:  # part of turn 1: whole paragraphs of it, not the whole turn
            assert first == last == 1
            assert line_from in set(lines["line_start"]) and line_to in set(lines["line_end"])
            assert (line_from, line_to) != (turns.loc[1, "line_start"], turns.loc[1, "line_end"])
            paragraphs_of_turn_1 += lines["line_start"].tolist()
            assert csv_rows[block]["lines"] == f"{line_from}-{line_to}", block
        else:
            assert turns.loc[first, "line_start"] == line_from and turns.loc[last, "line_end"] == line_to, block
            covered += list(range(first, last + 1))
            assert csv_rows[block]["lines"] == "", block
        inside = narration[(narration["line_start"] > line_from) & (narration["line_end"] < line_to)]
        assert ("narration" in words) == (len(inside) > 0), block
        # who speaks: the worksheet names exactly the block's speakers
        speakers = set(turns.loc[first:last, "speaker"])
        assert {name for name in ("Kelly", "Stalin") if name in who} == speakers, block
        # the extract shows exactly these turns (and the narration inside them), nothing else
        cells = csv_rows[block]["cells"].split()
        expected = {("turn", t) for t in range(first, last + 1)} | {("narration", int(n)) for n in inside["line_start"]}
        assert {shown[c] for c in cells if c in shown} == expected, block
        # the guide's plan A names the block's lines
        assert f"lines {line_from}–{line_to}" in guide or f"({line_from}–{line_to})" in guide, block
    assert sorted(paragraphs_of_turn_1) == speech[speech["turn"] == 1]["line_start"].tolist()
    assert sorted(covered) == list(range(2, len(turns) + 1))


def test_block_sizes_in_plan_a(cable):
    """Plan A's note on the blocks: "60 to 280 words of cable and 760 to 1,280 of commentary",
    rounded to tens from the cable's words in each block's lines (speech and narration, as
    counted by helpers.counting) and the words of the commentary cells blocks.csv gives it."""
    import csv

    from helpers import counting

    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    markdown = {c["id"]: "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"}
    text = (DOCS / "worksheet.md").read_text(encoding="utf-8")
    lines = {b: (int(a), int(z)) for b, a, z in re.findall(r"^\| ([A-E]) \|.*\| (\d+)–(\d+) \|$", text, re.MULTILINE)}
    blocks = cable.blocks[cable.blocks["kind"] != "header"]
    source_words, commentary_words = [], []
    with open(ROOT / "tools" / "handouts" / "data" / "blocks.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            low, high = lines[row["block"]]
            inside = blocks[(blocks["line_start"] >= low) & (blocks["line_end"] <= high)]
            source_words.append(sum(counting.count_words(t) for t in inside["text"]))
            commentary_words.append(sum(counting.count_words(markdown[c]) for c in row["cells"].split() if c in markdown))
    figures = [round(min(source_words), -1), round(max(source_words), -1),
               round(min(commentary_words), -1), round(max(commentary_words), -1)]
    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    assert "each has {} to {} words of cable and {} to {:,} of commentary".format(*figures) in guide, figures


def test_worksheet_has_no_answers():
    text = (DOCS / "worksheet.md").read_text(encoding="utf-8")
    for needle in ["## 2. The close-reading grid", "## 4. Exit ticket", "What is left unsaid"]:
        assert needle in text
    for answer in ["exclusively", "NATO", "Titmuss", "Bedell Smith", "Holloway", "105", "13.9"]:
        assert answer not in text, answer


def test_guide_before_the_lesson_and_plan_a_timings():
    """The guide's box "Before the lesson" sends the teacher to the print pack (make handouts):
    every file it names is a page of the pack, and every handout of the pack is named; the web
    copies and docs/site.md are named too. Plan A's rows run from 0 to 50 minutes without a gap,
    and its checks point at places that exist in notebook 04."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from handouts import pack

    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    box = guide[guide.index("> **Before the lesson"):guide.index("## The source in one paragraph")]
    for needle in ["projector", "make handouts", "handouts/A4/", "handouts/Letter/", "make site",
                   "make site-students", "make site-self-study", "site/04_commentary.html", "docs/site.md"]:
        assert needle in box, needle
    named = set(re.findall(r"`(\w+)\.pdf`", box))
    named |= {f"block_{b}" for b in "ABCDE"} if "`block_A.pdf` to `block_E.pdf`" in box else set()
    pages = {p.name for p in pack.pack_pages()}
    assert named == pages, (named ^ pages)
    plan = guide[guide.index("## Lesson plan A"):guide.index("## Lesson plan B")]
    spans = [(int(a), int(b)) for a, b in re.findall(r"^\| (\d+)–(\d+) \|", plan, re.MULTILINE)]
    assert spans[0][0] == 0 and spans[-1][1] == 50
    assert all(left[1] == right[0] for left, right in zip(spans, spans[1:])), spans
    assert "| 30–42 | **Report back" in plan and "| 42–47 | **What came next.**" in plan
    nb = NOTEBOOK.read_text(encoding="utf-8")
    for place in ["Checking the archive's summary against the text", "Commentary on turn 6",
                  "Commentary on the closing narration", "Before reading: what kind of text is this?"]:
        assert place in plan or place in box, place
        assert place in nb, place
    assert "turns 11, 8 and 2" not in guide and "turns 2, 8 and 11" in guide
    assert "### Notebook 04 (commentary)" in guide and "### Notebook 03 (topics)" in guide


def test_figures_in_the_answer_key_for_notebook_04(cable):
    total = int(measures.per_speaker(cable.turns)["words"].sum())
    assert total == 927
    half = measures.speaking_time(total, (100, 160), 1.5, 25)
    assert half.loc[100, ["minutes_total", "minutes_left"]].tolist() == [13.9, 11.1]
    assert half.loc[160, ["minutes_total", "minutes_left"]].tolist() == [8.7, 16.3]
    assert cm.days_from_meeting(date(1949, 4, 4)) == -105
    assert round(105 / 7) == 15 and round(105 / 30.44, 1) == 3.4
    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    for figure in ["about 13.9", "about 11.1", "about 8.7", "about 16.3", "105 days", "about 15 weeks",
                   "3.4 months", "-105"]:
        assert figure in guide, figure


def test_figures_in_the_answer_keys_for_notebooks_02_and_03(cable):
    """Figures docs/teachers_guide.md quotes from notebooks 02 (Try it 2) and 03, recomputed here."""
    from helpers import annotations
    from helpers.course import nb03
    guide = (DOCS / "teachers_guide.md").read_text(encoding="utf-8")
    # 02, Try it 2: one turn moves Kelly's share by 20.7 points
    with_1 = measures.per_speaker(cable.turns)["share_of_words"]["Kelly"]
    without_1 = measures.per_speaker(cable.turns[cable.turns["turn"] != 1])["share_of_words"]["Kelly"]
    assert round(with_1 - without_1, 1) == 20.7 and "by 20.7 percentage points" in guide
    turns = cable.turns
    notes, topics, glossary = nb03.notes(), nb03.topics(), nb03.glossary()
    # 03, Try it 1: "assistance" in turns 1 and 2
    assert concordance.kwic(turns, "assistance")["turn"].tolist() == [1, 2]
    # 03, Try it 2: the model note is valid; the stored placeholder gives one problem
    valid = annotations.add_note(notes, turn=9, anchor="except in self-defense", topic="american_forces")
    assert annotations.check(turns, valid, topics, glossary) == "No problems found."
    placeholder = annotations.add_note(notes, turn=9, anchor="PASTE A PHRASE FROM TURN 9 HERE",
                                       topic="american_forces")
    assert annotations.check(turns, placeholder, topics, glossary).startswith("1 problem found")
    assert 'answers "No\n   problems found."' in guide and "empty list" not in guide
    # 03, Try it 3: both 20 -> 21, hand only 9 -> 8, tagger only 2 -> 2
    hand = annotations.topics_by_turn(turns, notes)
    table = concordance.try_keyword(turns, hand, "atlantic_pact", "stabilizing factor", nb03.KEYWORDS)
    assert table.to_dict("list") == {"kit keywords": [20, 9, 2], 'with "stabilizing factor"': [21, 8, 2]}
    assert list(table.index) == ["both", "hand only", "tagger only"]
    assert '"both" goes from 20 to 21 and "hand only" from\n   9 to 8' in guide
    atmosphere = concordance.tag_turns(turns, {"atmosphere": ["laughing", "pause", "translator"]}, column="text")
    assert atmosphere["turn"].tolist() == [2, 8, 11] and "finds turns 2, 8 and 11" in guide
    # 03, Try it 5: "Germany" twice in turn 1, once in turn 6
    assert concordance.kwic(turns, "Germany")["turn"].tolist() == [1, 1, 6]
