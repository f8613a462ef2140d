"""The parser on the cable: exact turns, nothing lost, tolerance, and plain errors."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.parse import match_label, split_paragraphs

ORDER = ["Kelly", "Stalin", "Kelly", "Stalin", "Kelly", "Stalin", "Kelly", "Stalin", "Kelly", "Kelly", "Stalin"]
#: Words per turn, counted by the published rule; the short ones are easy to check by hand:
#: turn 6 "Ours are all directed exclusively against Germany" has 7 words.
WORDS = [472, 142, 91, 17, 16, 7, 13, 14, 36, 114, 5]


# --- the seed, exactly ---------------------------------------------------------------------
def test_eleven_turns_in_order(cable):
    assert cable.turns["turn"].tolist() == list(range(1, 12))
    assert cable.turns["speaker"].tolist() == ORDER
    assert list(cable.turns["speaker"].cat.categories) == ["Kelly", "Stalin"]


def test_labels_as_written(cable):
    labels = cable.turns["label"].tolist()
    assert labels[0] == "Sir. D. Kelly"
    assert labels[2] == "Sir D. Kelly"
    assert set(labels[1:9:2]) == {"Stalin"} and labels[10] == "Stalin"


def test_words_per_turn(cable):
    assert cable.turns["words"].tolist() == WORDS
    assert cable.turns["words"].sum() == 927


def test_short_turns_spoken_exactly(cable):
    spoken = cable.turns.set_index("turn")["spoken"]
    assert spoken[4] == "All the same we Russians would not be prepared to conclude such a pact against Great Britain"
    assert spoken[6] == "Ours are all directed exclusively against Germany"
    assert spoken[8] == "No. Why are there American forces in England? Are they too a stabilizing factor?"
    assert spoken[11] == "Such questions arise from boredom"


def test_first_turn_runs_over_four_paragraphs(cable):
    first = cable.turns.iloc[0]
    assert first["paragraphs"] == 4
    assert first["line_start"] == 32 and first["line_end"] == 38
    assert first["text"].startswith("Sir. D. Kelly: “I am very glad")
    assert first["text"].endswith("a final solution”.")
    assert first["spoken"].count("\n\n") == 3
    assert first["spoken"].endswith("a final solution")


def test_stage_directions(cable):
    directions = cable.turns.set_index("turn")["stage_directions"]
    assert directions[2] == ["(His translator said “meaningless”)"]
    assert directions[8] == ["(After a pause)"]
    assert directions[11] == ["(Laughing)"]
    assert sum(len(d) for d in directions) == 3
    assert "meaningless" not in cable.turns.set_index("turn").loc[2, "spoken"]


def test_narration_is_not_a_turn(cable):
    narration = cable.blocks[cable.blocks["kind"] == "narration"]
    texts = narration["text"].tolist()
    assert texts[0].startswith("The Generalissimo received me last night")
    assert any(t.startswith("At this point Stalin took out his pipe") for t in texts)
    assert texts[-1].startswith("As far as is known, this is the first interview")
    assert narration["turn"].isna().all()
    assert len(texts) == 5


def test_pipe_narration_falls_between_turns_9_and_10(cable):
    pipe = cable.blocks[cable.blocks["text"].str.startswith("At this point")].iloc[0]
    turns = cable.turns.set_index("turn")
    assert turns.loc[9, "end"] < pipe["start"] < turns.loc[10, "start"]


def test_block_kinds(cable):
    kinds = cable.blocks["kind"].value_counts()
    assert kinds["header"] == 11 and kinds["narration"] == 5 and kinds["speech"] == 14


def test_line_numbers_match_the_file(cable):
    lines = cable.source.split("\n")
    for row in cable.turns.itertuples():
        assert lines[row.line_start - 1].startswith(row.label)
        assert lines[row.line_end - 1].rstrip().endswith(row.text.split("\n")[-1])


# --- nothing lost ----------------------------------------------------------------------------
def assert_faithful(transcript: helpers.Transcript) -> None:
    """Every non-space character in exactly one block; every offset gives back its text."""
    source = transcript.source
    covered = [0] * len(source)
    previous_end = 0
    for block in transcript.blocks.itertuples():
        assert source[block.start:block.end] == block.text
        assert block.start >= previous_end, "blocks overlap or are out of order"
        previous_end = block.end
        for i in range(block.start, block.end):
            covered[i] += 1
    lost = [i for i, ch in enumerate(source) if not ch.isspace() and covered[i] != 1]
    assert lost == [], f"characters outside any block at offsets {lost[:5]}"
    for turn in transcript.turns.itertuples():
        assert source[turn.start:turn.end] == turn.text
        speech = transcript.blocks[transcript.blocks["turn"] == turn.turn]
        assert speech["start"].min() == turn.start and speech["end"].max() == turn.end


def test_nothing_of_the_cable_is_lost(cable):
    assert_faithful(cable)


def test_every_turn_is_speech_and_every_speech_block_has_a_turn(cable):
    speech = cable.blocks[cable.blocks["kind"] == "speech"]
    assert speech["turn"].notna().all()
    assert sorted(speech["turn"].unique().tolist()) == list(range(1, 12))


# --- tolerance -------------------------------------------------------------------------------
def _comparable(transcript):
    turns = transcript.turns
    return list(zip(turns["label"], turns["spoken"].str.replace("“", '"').str.replace("”", '"'),
                    turns["words"], turns["sentences"]))


@pytest.mark.parametrize("variant", ["crlf", "bom", "straight", "trailing", "all"])
def test_tolerated_variants_give_the_same_turns(cable, variant):
    text = cable.source
    if variant in ("straight", "all"):
        text = text.replace("“", '"').replace("”", '"')
    if variant in ("trailing", "all"):
        text = text.replace("\n", "  \t\n")
    if variant in ("crlf", "all"):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if variant in ("bom", "all"):
        data = b"\xef\xbb\xbf" + data
    parsed = helpers.parse_text(helpers.source.decode(data, "variant.txt"), "variant.txt")
    assert _comparable(parsed) == _comparable(cable)
    assert_faithful(parsed)


def test_bom_file_on_disk(tmp_path, cable):
    path = tmp_path / "cable.txt"
    path.write_bytes(b"\xef\xbb\xbf" + cable.source.encode("utf-8"))
    assert helpers.load(path).turns["words"].tolist() == WORDS


# --- labels (the cable's; the other forms a record may use are in test_forms.py) -------------
@pytest.mark.parametrize("text,label", [
    ("Stalin: “Yes”", "Stalin"),
    ("Sir. D. Kelly: “Yes”", "Sir. D. Kelly"),
    ("Sir D. Kelly: “It is not a pact against you”.", "Sir D. Kelly"),
    ("Stalin: (Laughing) “Such questions arise from boredom”.", "Stalin"),
])
def test_cable_labels(text, label):
    m = match_label(text)
    assert m is not None and m.group("label") == label


@pytest.mark.parametrize("text", [
    "At this point Stalin took out his pipe and asked me a number of personal questions: Whether",
    "No. 608",
    "1.11 p.m.",
    "My telegram No. 599. Interview with Stalin.",
])
def test_cable_lines_that_are_not_labels(text):
    assert match_label(text) is None


def test_paragraph_offsets():
    text = "  a b\n\n\n c\r\n  \r\nd  "
    paras = split_paragraphs(text)
    assert [(p.text, p.line_start) for p in paras] == [("a b", 1), ("c", 4), ("d", 6)]
    assert all(text[p.start:p.end] == p.text for p in paras)


# --- errors ----------------------------------------------------------------------------------
def test_unclosed_quotation_names_where_it_opened():
    text = "Title\n\nStalin: “That is true.\n\nSir D. Kelly: “Yes”."
    with pytest.raises(helpers.TranscriptError) as info:
        helpers.parse_text(text, "bad.txt")
    error = info.value
    assert (error.path, error.line, error.column) == ("bad.txt", 3, 9)
    assert str(error).startswith("bad.txt:3:9: error: the quotation opened here")
    assert "\n" not in str(error)


def test_unclosed_quotation_at_end_of_file():
    with pytest.raises(helpers.TranscriptError) as info:
        helpers.parse_text("Kelly: “one\n\ntwo\n\nthree", "end.txt")
    assert (info.value.line, info.value.column) == (1, 8)


def test_quotation_may_span_paragraphs_with_repeated_opening_marks():
    text = "Kelly: “One.\n\n“Two.\n\n“Three.”\n\nStalin: “Four.”"
    turns = helpers.parse_text(text).turns
    assert turns["spoken"].tolist() == ["One.\n\nTwo.\n\nThree.", "Four."]


def test_words_outside_the_quotation_are_directions():
    turns = helpers.parse_text("Stalin: “No,” he said, “never.”").turns
    assert turns.loc[0, "spoken"] == "No, never."
    assert turns.loc[0, "stage_directions"] == ["he said,"]


def test_no_turns_is_said_not_invented():
    transcript = helpers.parse_text("A memorandum.\n\nNothing here is speech: none at all.")
    assert transcript.turns.empty
    assert transcript.warnings and "no speaker turns" in transcript.warnings[0]


# --- random damage: a correct parse or the named error, never a crash --------------------------
SEED_TEXT = helpers.load_cable().source


@st.composite
def damaged(draw):
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut_line", "swap_quote", "insert", "delete_span"]))
        if not text:
            break
        if action == "cut_line":
            lines = text.split("\n")
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
        elif action == "swap_quote":
            marks = [i for i, ch in enumerate(text) if ch in "“”\""]
            if marks:
                i = draw(st.sampled_from(marks))
                text = text[:i] + draw(st.sampled_from(["“", "”", '"', ""])) + text[i + 1:]
        elif action == "insert":
            i = draw(st.integers(0, len(text)))
            piece = draw(st.text(alphabet="“”\"()[]:\n \u00a0\ufeffaZ.1\r", max_size=6))
            text = text[:i] + piece + text[i:]
        else:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + text[i + draw(st.integers(1, 200)):]
    return text


@given(damaged())
def test_damaged_text_parses_or_fails_plainly(text):
    try:
        transcript = helpers.parse_text(text, "damaged.txt")
    except helpers.TranscriptError as error:
        assert str(error).startswith("damaged.txt:")
        assert 1 <= error.line <= text.count("\n") + 1
        assert error.column >= 1
        return
    assert_faithful(transcript)
    assert (transcript.turns["words"] >= 0).all()


@given(st.binary(max_size=300))
def test_random_bytes_decode_or_fail_plainly(data):
    try:
        text = helpers.source.decode(data, "random.bin")
    except helpers.TranscriptError as error:
        assert str(error).startswith("random.bin:")
        return
    try:
        transcript = helpers.parse_text(text, "random.bin")
    except helpers.TranscriptError:
        return
    assert_faithful(transcript)
