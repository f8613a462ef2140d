"""TEI exports (helpers/formats/tei.py): valid against tei_all.rng, and every pointer gives back its text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import helpers
from helpers.counting import COUNTING_RULES_VERSION
from helpers.course import paths
from helpers.formats import tei
from helpers.formats._common import xml_safe

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SCHEMA = paths.ROOT / "tests" / "schemas" / "tei_all.rng"
DATA = paths.ROOT / "tests" / "data"
RECORDS = ([paths.SEED] + sorted((DATA / "corpus").glob("*.txt"))
           + sorted(p for p in DATA.glob("*.txt") if p.name != "form_no_speech.txt"))
EXACT_TEXT = {"p", "seg", "speaker", "stage", "note", "incident"}
_CHAR = re.compile(r"#char=(\d+),(\d+)$")
_LINE = re.compile(r"#line=(\d+),(\d+)$")


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def assert_valid(schema: etree.RelaxNG, text: str) -> etree._Element:
    root = etree.fromstring(text.encode("utf-8"))
    if not schema.validate(root):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:5])
        raise AssertionError(f"not valid TEI:\n{errors}")
    return root


def pointers(element) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    char = line = None
    for ptr in (element.get("corresp") or "").split():
        if m := _CHAR.search(ptr):
            char = (int(m[1]), int(m[2]))
        if m := _LINE.search(ptr):
            line = (int(m[1]), int(m[2]))
    return char, line


def assert_round_trip(root, transcript) -> None:
    """Every char= pointer gives back its element's text; every turn and block is there."""
    src = transcript.source
    ids: dict[str, etree._Element] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.removeprefix(TEI)
        if element.get(XML_ID):
            ids[element.get(XML_ID)] = element
        char, _ = pointers(element)
        if char is None:
            continue
        start, end = char
        if name in EXACT_TEXT:
            assert "".join(element.itertext()) == xml_safe(src[start:end]), (name, start, end)
    for turn in transcript.turns.itertuples():
        element = ids[f"t{turn.turn}"]
        (start, end), (l0, l1) = pointers(element)
        assert src[start:end] == turn.text
        assert (l0 + 1, l1) == (turn.line_start, turn.line_end)
        person = element.get("who").removeprefix("#")
        assert person in ids and ids[person].tag == f"{TEI}person"
    for block in transcript.blocks.itertuples():
        element = ids.get(f"b{block.block}")
        if element is None:  # a paragraph that is nothing but its label
            turn = transcript.turns[transcript.turns.turn == block.turn].iloc[0]
            assert block.kind == "speech" and block.text.strip().startswith(turn.label)
            continue
        (start, end), (l0, l1) = pointers(element)
        assert start >= block.start and end == block.end
        assert (l0 + 1, l1) == (block.line_start, block.line_end)


@pytest.mark.parametrize("style", ["sp", "u"])
@pytest.mark.parametrize("record", RECORDS, ids=[p.stem for p in RECORDS])
def test_records_validate_against_tei_all_and_round_trip(schema, record, style):
    transcript = helpers.load(record)
    root = assert_valid(schema, tei.to_string(transcript, style))
    assert_round_trip(root, transcript)


def test_cable_drama_style(schema, cable):
    root = assert_valid(schema, tei.to_string(cable, "sp"))
    sps = root.findall(f".//{TEI}sp")
    assert [sp.get("who") for sp in sps] == [f"#{s}" for s in cable.turns["speaker"]]
    assert sps[0].find(f"{TEI}speaker").text == "Sir. D. Kelly:"
    stages = ["".join(s.itertext()) for s in root.iter(f"{TEI}stage") if s.get("type") is None]
    assert stages == ["(His translator said “meaningless”)", "(After a pause)", "(Laughing)"]
    narration = [s for s in root.iter(f"{TEI}stage") if s.get("type") == "narration"]
    assert "".join(narration[1].itertext()).startswith("At this point Stalin took out his pipe")
    assert root.find(f".//{TEI}front") is not None


def test_cable_people_silent_participants_with_certainty(cable):
    root = etree.fromstring(tei.to_string(cable).encode("utf-8"))
    persons = {p.get(XML_ID): p for p in root.iter(f"{TEI}person")}
    assert list(persons) == list(cable.people["id"])
    notes = {pid: {n.get("type"): n.text for n in p.findall(f"{TEI}note")} for pid, p in persons.items()}
    assert notes["Vyshinsky"]["speaks"] == "no" and persons["Vyshinsky"].get("cert") == "high"
    assert notes["Pavlov"]["certainty"] == "probable" and persons["Pavlov"].get("cert") == "medium"
    assert notes["Hayward"]["certainty"] == "unidentified" and persons["Hayward"].get("cert") == "unknown"
    assert notes["Kelly"]["speaks"] == "yes" and notes["Kelly"]["words"] == "742"
    labels = [n.text for n in persons["Kelly"].findall(f"{TEI}persName[@type='label']")]
    assert labels == ["Sir. D. Kelly", "Sir D. Kelly"]


def test_header_names_versions_source_and_setting(cable):
    text = tei.to_string(cable, "u")
    root = etree.fromstring(text.encode("utf-8"))
    app = root.find(f".//{TEI}application")
    assert app.get("version") == helpers.__version__
    assert f"counting rules version {COUNTING_RULES_VERSION}" in "".join(app.itertext())
    assert root.find(f".//{TEI}idno[@type='sha256']").text == paths.SEED_SHA256
    assert root.find(f".//{TEI}setting/{TEI}date").get("when") == "1949-07-18T22:00:00"
    assert root.find(f".//{TEI}setting/{TEI}placeName").text == "Kremlin"
    assert root.find(f".//{TEI}title").text == "Cable from Moscow to the Foreign Office"


def test_spoken_style_marks_directions_as_incidents(cable):
    root = etree.fromstring(tei.to_string(cable, "u").encode("utf-8"))
    assert len(root.findall(f".//{TEI}u")) == 11 and not root.findall(f".//{TEI}sp")
    incidents = ["".join(i.itertext()) for i in root.iter(f"{TEI}incident")]
    assert incidents == ["(His translator said “meaningless”)", "(After a pause)", "(Laughing)"]
    labels = [n.text for n in root.iter(f"{TEI}note") if n.get("type") == "label"]
    assert labels[:2] == ["Sir. D. Kelly:", "Stalin:"]


def test_people_table_passed_in_and_narration_as_p(schema, cable):
    people = [{"id": "Kelly", "full_name": "K"}, {"id": "Someone", "certainty": "possible"}]
    root = assert_valid(schema, tei.to_string(cable, people=people, narration="p"))
    persons = [p.get(XML_ID) for p in root.iter(f"{TEI}person")]
    assert persons == ["Kelly", "Someone", "Stalin"]  # the table's rows, then speakers it lacks
    assert not [s for s in root.iter(f"{TEI}stage") if s.get("type") == "narration"]


HARD_CASES = {
    "crlf": "Title\r\n\r\nAlice: Hello & <welcome>.\r\n\r\nBob: Fine \"thanks\".\r\n",
    "control": "Title\x0c\n\nAlice: A form\x0cfeed and a tab\tstay.\n\nBob: Yes.\n",
    "aside": "Meeting\n\nDr. Kissinger (to General Haig): Get the file.\n\nGeneral Haig: Yes, sir.\n",
    "items": "Press\n\nTHE PRESIDENT. Good morning.\n\n[1.] Q. Mr. President, any news?\n\nTHE PRESIDENT. None.\n",
    "quoted": 'Title\n\nMinister Orlov: “Next month,” he said, “if the delegations agree.”\n\n'
              'He left.\n\nEnvoy: “Good.”\n',
    "no turns": "A memorandum with no speech at all.\n\nNone.\n",
    "label only": "Title\n\nAlice:\n\nBob: Hi.\n",
    "odd names": "Title\n\n1st Speaker 2: Numbers first.\n\nJosé Ñúñez: Olé.\n\nQ  Why?\n",
}


@pytest.mark.parametrize("style", ["sp", "u"])
@pytest.mark.parametrize("name", list(HARD_CASES))
def test_hard_cases_validate_and_round_trip(schema, name, style):
    transcript = helpers.parse_text(HARD_CASES[name], name=f"{name.replace(' ', '_')}.txt")
    root = assert_valid(schema, tei.to_string(transcript, style))
    assert_round_trip(root, transcript)


def test_item_number_and_aside_are_kept(cable):
    t = helpers.parse_text(HARD_CASES["items"], name="items.txt")
    root = etree.fromstring(tei.to_string(t).encode("utf-8"))
    sp = root.findall(f".//{TEI}sp")[1]
    assert sp.find(f"{TEI}note").text == "[1.] " and sp.find(f"{TEI}speaker").text == "Q."
    t = helpers.parse_text(HARD_CASES["aside"], name="aside.txt")
    root = etree.fromstring(tei.to_string(t).encode("utf-8"))
    assert root.find(f".//{TEI}speaker").text == "Dr. Kissinger (to General Haig):"


def test_source_uri_is_percent_encoded_and_write_makes_a_file(tmp_path, cable):
    text = tei.to_string(cable, source_uri="my record.txt")
    assert 'corresp="my%20record.txt#char=686,3347 my%20record.txt#line=31,38"' in text
    out = tei.write(cable, tmp_path / "sub" / "cable.xml")
    assert out == [tmp_path / "sub" / "cable.xml"] and out[0].read_bytes().startswith(b"<?xml")


def test_unknown_style():
    with pytest.raises(ValueError):
        tei.to_string(helpers.parse_text("A: b."), "verse")


_PIECES = st.sampled_from([
    "Alice: Hello.", "Bob: “Quoted,” he said, “speech.”", "Narration follows here.",
    "(Laughter.)", "[Omitted here is text.]", "A & B < C > D", "Carol: Tab\there.",
    "Dave (aside): x", "\u2028odd", "Q  Question?", "Eve: line one\r\nline two",
])


@settings(max_examples=60)
@given(st.lists(_PIECES, min_size=1, max_size=8))
def test_any_parsable_text_validates_and_round_trips(schema, pieces):
    text = "Title\n\n" + "\n\n".join(pieces) + "\n"
    try:
        transcript = helpers.parse_text(text, name="fuzz.txt")
    except helpers.TranscriptError:
        return
    for style in ("sp", "u"):
        root = assert_valid(schema, tei.to_string(transcript, style))
        assert_round_trip(root, transcript)


def test_a_turn_that_narration_cuts_goes_on_with_prev(schema):
    # form_spaced_note_call.txt: turn 3, then its note as narration, then turn 3 again
    transcript = helpers.load(DATA / "form_spaced_note_call.txt")
    for style, element in (("sp", "sp"), ("u", "u")):
        root = assert_valid(schema, tei.to_string(transcript, style))
        parts = [e for e in root.iter(f"{TEI}{element}") if e.get(XML_ID, "").startswith("t3")]
        assert [e.get(XML_ID) for e in parts] == ["t3", "t3.2"]
        assert parts[1].get("prev") == "#t3" and parts[1].get("corresp") == parts[0].get("corresp")
        assert parts[1].find(f"{TEI}speaker") is None
