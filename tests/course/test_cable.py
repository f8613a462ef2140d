"""The cable as the course reads it: the seed byte for byte, its header, its people, its events."""
import hashlib
from datetime import date, datetime

import helpers
from helpers import course
from helpers.course import paths


def test_seed_checksum():
    assert hashlib.sha256(paths.SEED.read_bytes()).hexdigest() == paths.SEED_SHA256


def test_seed_checksum_starts_as_published():
    assert paths.SEED_SHA256.startswith("dd1b9f1a")


def test_seed_folder_documents_its_origin():
    readme = (paths.SEEDS / "README.md").read_text(encoding="utf-8")
    assert "134387" in readme and paths.SEED_SHA256 in readme


def test_load_cable_is_offered_at_the_front_door(cable):
    assert helpers.load_cable is course.load_cable
    assert course.load(None).source == cable.source
    assert course.is_the_cable(cable)
    assert not course.is_the_cable(helpers.parse_text("Ann: Hi."))


def test_the_cables_header(cable):
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


def test_meeting_date_is_derived_and_a_day_before_the_cable(cable):
    meta = cable.metadata
    assert meta.meeting_start == datetime(1949, 7, 18, 22, 0)
    assert meta.meeting_place == "Kremlin"
    assert (meta.despatched.date() - meta.meeting_start.date()).days == 1
    how = {f.name: f.how for f in meta.fields}
    assert how["meeting_start"] == "derived" and how["telegram_no"] == "read"
    assert course.meeting_day() == date(1949, 7, 18)


def test_header_table_shows_the_same_facts_with_their_meaning(cable):
    from helpers import display

    table = display.header_table(cable.metadata.table(), course.FIELD_NOTES)
    assert table.index.tolist() == [
        "archive_date", "summary", "title", "origin", "destination", "sender", "telegram_no",
        "despatched", "received", "reference", "refers_to_telegram", "meeting_start",
        "meeting_place", "duration_minutes"]
    assert table.loc["telegram_no", ["value", "line"]].tolist() == ["608", 12]
    assert table.loc["despatched", "value"] == "1949-07-19 13:11:00"
    assert table.loc["received", "as_written"] == "3.50 p.m. / 19th July,1949"
    assert table.loc["meeting_start", ["value", "line", "how"]].tolist() == [
        "1949-07-18 22:00:00", 30, "derived"]
    assert all(table["meaning"] != "")


def test_the_cables_people_come_from_its_people_file(cable):
    assert cable.people_file == str(paths.PEOPLE)
    assert cable.people["id"].tolist() == ["Kelly", "Stalin", "Vyshinsky", "Pavlov", "Harrison", "Hayward"]
    assert (cable.people["speaks_in_record"] == "no").sum() == 4
    # the people who speak are the record's speakers
    speaking = cable.people.loc[cable.people["speaks_in_record"] == "yes", "id"].tolist()
    assert speaking == list(cable.turns["speaker"].cat.categories)


def test_a_copy_of_the_seed_elsewhere_is_still_the_cable(tmp_path, cable):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(paths.SEED.read_bytes())
    assert course.is_the_cable(helpers.load(copy))


def test_speaker_styles_are_the_cables():
    kelly, stalin = course.SPEAKER_STYLES["Kelly"], course.SPEAKER_STYLES["Stalin"]
    assert kelly.words() == "circles (blue)" and stalin.words() == "squares (orange)"  # shape first
    assert kelly.bar_words() == "plain bars (blue)"
    assert stalin.bar_words() == "bars with diagonal stripes (orange)"
    assert (kelly.hatch, stalin.hatch) == ("", "//")


def test_events_are_data_and_the_meeting_row_is_the_headers_day():
    events = course.events()
    assert list(events.columns) == ["date", "event", "source"]
    assert len(events) == 39 and (events["source"].str.len() > 0).all()
    meeting = events[events["event"].str.startswith("Kelly meets Stalin")]
    assert meeting["date"].tolist() == [course.meeting_day()]
