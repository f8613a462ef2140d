"""The telegram header, field by field, and the meeting date derived from it."""
from datetime import date, datetime

import helpers


def test_read_fields(cable):
    meta = cable.metadata
    assert meta.archive_date == date(1949, 7, 19)
    assert meta.title == "Cable from Moscow to the Foreign Office"
    assert (meta.origin, meta.destination) == ("Moscow", "Foreign Office")
    assert meta.sender == "Sir D. Kelly"
    assert meta.telegram_no == 608
    assert meta.despatched == datetime(1949, 7, 19, 13, 11)
    assert meta.received == datetime(1949, 7, 19, 15, 50)
    assert meta.reference == "My telegram No. 599. Interview with Stalin."
    assert meta.refers_to_telegram == 599
    assert meta.duration_minutes == 25
    assert meta.summary.startswith("The British ambassador to the Soviet Union and Stalin meet")


def test_meeting_date_is_derived_and_a_day_before_the_cable(cable):
    meta = cable.metadata
    assert meta.meeting_start == datetime(1949, 7, 18, 22, 0)
    assert meta.meeting_place == "Kremlin"
    assert (meta.despatched.date() - meta.meeting_start.date()).days == 1
    how = {f.name: f.how for f in meta.fields}
    assert how["meeting_start"] == "derived" and how["telegram_no"] == "read"


def test_fields_keep_their_lines(cable):
    table = cable.metadata.table().set_index("field")
    assert table.loc["telegram_no", "line"] == 12
    assert table.loc["despatched", "as_written"] == "1.11 p.m. / 19th July, 1949"
    assert table.loc["received", "as_written"] == "3.50 p.m. / 19th July,1949"
    assert table.loc["meeting_start", "line"] == 30
    lines = cable.source.split("\n")
    for row in table.itertuples():
        assert row.as_written.split(" / ")[0] in lines[row.line - 1]


def test_as_dict_is_iso(cable):
    data = cable.metadata.as_dict()
    assert data["meeting_start"] == "1949-07-18T22:00:00"
    assert data["despatched"] == "1949-07-19T13:11:00"
    assert data["archive_date"] == "1949-07-19"
    assert "fields" not in data


def test_other_transcripts_leave_fields_empty():
    meta = helpers.parse_text("Press conference\n\nQ:  Why?\n\nA:  Because.").metadata
    assert meta.title == "Press conference"
    assert meta.telegram_no is None and meta.meeting_start is None


def test_impossible_dates_and_times_are_not_read():
    # they stay header text; they are never a traceback
    header = ("February 30, 1949\n\nCable from Moscow to the Foreign Office\n\nSir D. Kelly\n\n"
              "No. 608\n\n4.75 p.m.\n\n31st June, 1949\n\n13 p.m.\n\nStalin: “Yes.”")
    t = helpers.parse_text(header)
    meta = t.metadata
    assert meta.archive_date is None and meta.telegram_no == 608
    assert meta.despatched is None and meta.received is None
    texts = t.blocks["text"].tolist()
    assert {"February 30, 1949", "4.75 p.m.", "31st June, 1949", "13 p.m."} <= set(texts)


def test_numbers_and_dates_at_the_edge_of_the_calendar_are_not_read():
    # a year-1 cable "received last night" would be dated before the calendar begins
    t = helpers.parse_text("1.11 p.m.\n1st January, 0001\n\nThe Generalissimo received me last "
                           "night at 10 p.m. (Moscow time) in the Kremlin and we talked.\n\n"
                           "Stalin: “Yes.”")
    assert t.metadata.meeting_start is None and t.metadata.meeting_place == "Kremlin"
    huge = "9" * 5000  # more digits than Python turns into a number by default
    t = helpers.parse_text(f"No. {huge}\n\nMy telegram No. {huge}.\n\nStalin: Yes.\n\n"
                           f"The interview lasted {huge} minutes.")
    assert t.metadata.telegram_no is None and t.metadata.refers_to_telegram is None
    assert t.metadata.duration_minutes is None
