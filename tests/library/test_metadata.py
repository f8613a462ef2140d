"""A record's header, field by field: what any record may say about itself."""
from datetime import date, datetime
from pathlib import Path

import helpers
from helpers.metadata import Field, Metadata

DATA = Path(__file__).resolve().parents[1] / "data"


def generic(cable) -> Metadata:
    """The cable's header as the library reads it, without the course's cable reader."""
    return helpers.load(cable.path).metadata


def test_generic_fields_of_the_cable(cable):
    meta = generic(cable)
    assert meta.names() == ["date", "summary", "title", "number", "time_1", "time_2",
                            "duration_minutes"]
    assert meta.date == date(1949, 7, 19)
    assert meta.title == "Cable from Moscow to the Foreign Office"
    assert meta.number == 608
    assert meta.time_1 == datetime(1949, 7, 19, 13, 11)
    assert meta.time_2 == datetime(1949, 7, 19, 15, 50)
    assert meta.duration_minutes == 25
    assert meta.summary.startswith("The British ambassador to the Soviet Union and Stalin meet")
    assert meta.meeting_start is None and meta.get("origin") is None  # the course reads those


def test_fields_keep_their_lines(cable):
    table = generic(cable).table().set_index("field")
    assert table.loc["number", "line"] == 12
    assert table.loc["time_1", "as_written"] == "1.11 p.m. / 19th July, 1949"
    assert table.loc["time_2", "as_written"] == "3.50 p.m. / 19th July,1949"
    lines = cable.source.split("\n")
    for row in table.itertuples():
        assert row.as_written.split(" / ")[0] in lines[row.line - 1]


def test_as_dict_is_iso(cable):
    data = generic(cable).as_dict()
    assert data["time_1"] == "1949-07-19T13:11:00"
    assert data["date"] == "1949-07-19"


def test_field_lines_of_a_memorandum_of_conversation():
    meta = helpers.load(DATA / "form_memcon.txt").metadata
    assert meta.title == "MEMORANDUM OF CONVERSATION"
    assert meta.subject == "Grain and the Communiqué"
    assert meta.place == "The Palace of Congresses, Northport"
    assert meta.date_and_time == "Tuesday, 2:00 p.m."
    assert meta.participants.split("; ")[:2] == ["General Secretary Petrov", "Foreign Minister Orlov"]
    assert meta.field("participants").line == 3


def test_other_transcripts_leave_fields_out():
    meta = helpers.parse_text("Press conference\n\nQ:  Why?\n\nA:  Because.").metadata
    assert meta.title == "Press conference"
    assert meta.number is None and "number" not in meta and meta.names() == ["title"]


def test_a_field_line_dated_is_a_date():
    meta = helpers.parse_text("DATE: May 24, 1972\nSUBJECT: Talks\n\nKelly: Hi.").metadata
    assert meta.date == date(1972, 5, 24) and meta.subject == "Talks"


def test_impossible_dates_and_times_are_not_read():
    # they stay header text; they are never a traceback
    header = ("February 30, 1949\n\nCable from Moscow to the Foreign Office\n\nSir D. Kelly\n\n"
              "No. 608\n\n4.75 p.m.\n\n31st June, 1949\n\n13 p.m.\n\nStalin: “Yes.”")
    t = helpers.parse_text(header)
    meta = t.metadata
    assert meta.date is None and meta.number == 608
    assert meta.time_1 is None
    texts = t.blocks["text"].tolist()
    assert {"February 30, 1949", "4.75 p.m.", "31st June, 1949", "13 p.m."} <= set(texts)


def test_numbers_at_the_edge_are_not_read():
    huge = "9" * 5000  # more digits than Python turns into a number by default
    t = helpers.parse_text(f"No. {huge}\n\nMy telegram No. {huge}.\n\nStalin: Yes.\n\n"
                           f"The interview lasted {huge} minutes.")
    assert t.metadata.number is None and t.metadata.duration_minutes is None


def test_with_fields_renames_and_adds_in_line_order():
    meta = Metadata([Field("number", 608, "No. 608", 12), Field("title", "T", "T", 5)])
    more = meta.with_fields([Field("extra", 1, "x", 8, "derived"), Field("title", "other", "o", 1)],
                            rename={"number": "telegram_no"})
    assert more.names() == ["title", "extra", "telegram_no"]
    assert more.title == "T"  # a field already there keeps its value
    assert meta.names() == ["number", "title"]  # the original is not changed
    assert repr(more) == "Metadata(title, extra, telegram_no)"
