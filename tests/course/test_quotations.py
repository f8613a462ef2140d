"""Every quotation of the cable in the kit's prose and data is verbatim (helpers/course/quotations.py).

The texts checked: the notebooks' Markdown cells and the Markdown their code writes
(``text/markdown`` outputs), ``notebooks/README.md``, the teacher's guide, the worksheet and the
data files. A quotation must stand in the cable by the module's rule (exact, with three
documented editorial conventions: line wraps, ellipsis, square brackets), or be registered, with
its source when it quotes another document, in ``data/quotation_register.csv``.

The review of December 2026 (its section 3) is the first set of cases: each departure it found
fails the check, and its corrected form passes.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers import DataFileError
from helpers.course import paths
from helpers.course import quotations as q

ROOT = paths.ROOT
DOCS = ["notebooks/README.md", "docs/teachers_guide.md", "docs/worksheet.md"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def kit_quotations() -> list[q.Quotation]:
    """Every quotation in the checked texts, each with where it stands."""
    found: list[q.Quotation] = []
    for path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            where = f"{path.name}, cell {cell.get('id')}"
            if cell["cell_type"] == "markdown":
                found += q.quotations(_source(cell), where)
                continue
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/markdown")
                if text:
                    text = "".join(text) if isinstance(text, list) else text
                    found += q.quotations(text, where + " (output)")
    for name in DOCS:
        found += q.quotations((ROOT / name).read_text(encoding="utf-8"), name)
    for path in sorted(paths.DATA.glob("*.csv")):
        if path == q.REGISTER:
            continue
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for i, row in table.iterrows():
            for column, value in row.items():
                found += q.quotations(value, f"data/{path.name}, row {i + 2}, {column}")
    return found


@pytest.fixture(scope="module")
def found() -> list[q.Quotation]:
    return kit_quotations()


@pytest.fixture(scope="module")
def register() -> pd.DataFrame:
    return q.load_register()


# ------------------------------------------------------------------------------------------
# the kit


def test_there_are_many_quotations_to_check(found):
    assert len(found) > 400
    assert any("notebooks/README.md" == x.where for x in found)
    assert any("data/annotations.csv" in x.where for x in found)
    assert any("05_other_witnesses.ipynb" in x.where for x in found)


def test_every_quotation_stands_in_the_cable_or_is_registered(cable, found, register):
    bad = q.unverified(found, cable.source, register)
    assert not bad, "\n".join(f"{x.where}: {x.text!r}" for x in bad)


def test_no_quotation_marks_nested_the_same_way(found):
    bad = q.ambiguous(found)
    assert not bad, "\n".join(f"{x.where}: {x.raw!r}" for x in bad)


def test_the_register_is_valid(cable, register):
    assert q.validate_register(register, cable.source) == []
    assert set(register["kind"]) <= set(q.REGISTER_KINDS)


def test_every_registered_fragment_is_still_used(found, register):
    used = {q.normalise(x.text) for x in found}
    stale = [f for f in register["fragment"] if q.normalise(f) not in used]
    assert not stale, stale


def test_documents_in_the_register_are_in_the_list_of_sources(register):
    sources = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    for row in register.itertuples():
        if row.kind in q.SOURCED_KINDS and row.source.startswith("http"):
            address = row.source.split("://", 1)[1].removeprefix("www.")
            assert address in sources, (row.fragment, row.source)


# ------------------------------------------------------------------------------------------
# the review's table of departures (section 3): each fails, its correction passes

DEPARTURES = [
    # (as the kit had it, as the cable has it)
    ("no aggression", "no possibility of aggression from our side"),
    ("a million destroyed", "a million houses destroyed by bombing"),
    ("(Laughing) Such questions arise from boredom.", "(Laughing) “Such questions arise from boredom”"),
    ('(His translator said "meaningless")', "(His translator said “meaningless”)"),
    ("A million houses destroyed by bombing", "a million houses destroyed by bombing"),
    ("A final solution", "a final solution"),
    ("Alliances with neighboring countries", "alliances with neighboring countries"),
    ("Stabilizing factor", "stabilizing factor"),
    ("Looser", "looser"),
    ("We Russians", "we Russians"),
    ("all the same", "All the same"),
    ("Having lasted exactly 25 minutes.", "having lasted exactly 25 minutes"),
    ("as far as is known", "As far as is known"),
    ("his translator", "His translator"),
    ("as to the two points in common", "As to the two points in common"),
    ("All the same we Russians would not be prepared to conclude such a pact against Great Britain.",
     "All the same we Russians would not be prepared to conclude such a pact against Great Britain"),
    ("It is not a pact against you any more than your alliances are directed against us.",
     "It is not a pact against you any more than your alliances are directed against us"),
    ("Ours are all directed exclusively against Germany.", "Ours are all directed exclusively against Germany"),
    ("I am afraid we do not see eye to eye on this question.",
     "I am afraid we do not see eye to eye on this question"),
    ("It would not be possible to draw the American people into a war of aggression.",
     "It would not be possible to draw the American people into a war of aggression"),
    ("Exactly 25 minutes", "exactly 25 minutes"),
    ("In attendance", "in attendance"),
    ("In Paris", "in Paris"),
]


@pytest.mark.parametrize("wrong, right", DEPARTURES, ids=[w[:30] for w, _ in DEPARTURES])
def test_the_reviews_departures_fail_and_their_corrections_pass(cable, wrong, right):
    assert not q.stands_in(wrong, cable.source), wrong
    assert q.stands_in(right, cable.source), right


@pytest.mark.parametrize("wrong", [w for w, _ in DEPARTURES])
def test_no_departure_is_left_in_the_kit(found, wrong):
    places = [x.where for x in found if q.normalise(x.text) == q.normalise(wrong)]
    assert not places, places


def test_the_reviews_interpolations_follow_the_bracket_rule(cable):
    # square brackets hold the editor's words and are dropped; the words on either side join up
    assert q.stands_in("We know the United States of American [sic] and do not believe", cable.source)
    assert q.stands_in("On this not [sic] the interview closed", cable.source)
    assert q.stands_in("shewed [sic] that he had been following", cable.source)  # the archive's own
    assert not q.stands_in("We know the United States of America [sic] and", cable.source)
    # a bracket with quotation marks inside cannot be read: the marks nest, and the check says so
    nested = q.quotations('"On this not [a slip for "note"] the interview closed"')
    assert q.ambiguous(nested)


# ------------------------------------------------------------------------------------------
# the module, on hand-made text

CABLE = (
    "Stalin: “All the same we Russians would not be prepared to conclude such a pact”.\n\n"
    "Sir D. Kelly: “It is not a pact against you any more than your alliances are directed "
    "against us”.\n\nStalin appeared to be in good health and shewed [sic] that he had been"
)


def test_quotations_finds_every_kind_of_mark_and_skips_code():
    text = ('He said "It is not a pact" and “all the same”; \'looser\' and ‘we Russians’.\n'
            "Kelly's and the Soviets' apostrophes are not marks. `\"code\"` is not prose.\n\n"
            "```\nprint(\"fenced\")\n```\n*(line 34)* \"a quotation\"")
    assert [x.text for x in q.quotations(text)] == [
        "It is not a pact", "all the same", "looser", "we Russians", "a quotation"]


def test_a_quotation_lies_in_one_paragraph():
    assert q.quotations('"one\n\ntwo"') == []
    assert [x.text for x in q.quotations('"one\ntwo"')] == ["one\ntwo"]


def test_stands_in_line_wraps_escapes_and_stars():
    assert q.stands_in("we Russians would not be\n   prepared", CABLE)
    assert q.stands_in(r"shewed \[sic\] that", CABLE)
    assert q.stands_in("*we Russians*", CABLE)


def test_stands_in_is_exact_about_case_punctuation_and_apostrophes():
    assert not q.stands_in("We Russians", CABLE)
    assert not q.stands_in("such a pact.", CABLE)
    assert q.stands_in("such a pact”.", CABLE)
    assert not q.stands_in('such a pact".', CABLE)


def test_ellipsis_needs_the_pieces_in_order_within_one_paragraph():
    assert q.stands_in("All the same ... such a pact", CABLE)
    assert q.stands_in("All the same…such a pact", CABLE)
    assert not q.stands_in("such a pact ... All the same", CABLE)
    assert not q.stands_in("All the same ... against us", CABLE)  # across two paragraphs


def test_quote_fails_on_words_the_cable_does_not_hold():
    assert q.quote("we Russians", CABLE) == "“we Russians”"
    with pytest.raises(ValueError, match="does not stand in the cable"):
        q.quote("we Soviets", CABLE)


def test_validate_register_names_the_problems(cable):
    bad = pd.DataFrame([
        {"fragment": "decidedly cool", "kind": "document", "source": "", "note": ""},
        {"fragment": "decidedly  cool", "kind": "kit", "source": "", "note": ""},
        {"fragment": "we Russians", "kind": "kit", "source": "", "note": ""},
        {"fragment": "x", "kind": "quote", "source": "", "note": ""},
    ])
    problems = q.validate_register(bad, cable.source)
    assert any("needs its source" in p for p in problems)
    assert any("registered twice" in p for p in problems)
    assert any("stands in the cable" in p for p in problems)
    assert any("is not one of" in p for p in problems)


def test_load_register_needs_its_columns(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("fragment,kind\nx,kit\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        q.load_register(path)
