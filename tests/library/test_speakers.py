"""Labels to speakers: speaker files and the default rule."""
import pytest

import helpers
from helpers.speakers import SpeakerMap, default_speaker, load_speakers, sidecar


def test_default_rule_folds_case_and_space():
    m = SpeakerMap()
    assert m.speaker("PRESIDENT  BIDEN") == "President Biden"
    assert m.speaker("President Biden") == "President Biden"
    assert m.speaker("Sir D. Kelly") != m.speaker("Sir. D. Kelly")
    assert default_speaker("Q") == "Q"


def test_speaker_file(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("label,speaker,side\nThe President,Biden,US\nPRESIDENT BIDEN,Biden,US\n", encoding="utf-8")
    m = SpeakerMap(load_speakers(path))
    assert m.speaker("the president") == "Biden" and m.speaker("President Biden") == "Biden"
    assert m.speaker("MODERATOR") == "Moderator"
    assert m.side("Biden") == "US"


def test_bad_speaker_file(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("name,who\nA,B\n", encoding="utf-8")
    with pytest.raises(helpers.DataFileError, match="label and speaker") as caught:
        load_speakers(path)
    assert str(caught.value).startswith(f"{path}:1: error: a speaker file needs")
    path.write_text("label,speaker\nA,B\nC,\n", encoding="utf-8")
    with pytest.raises(helpers.DataFileError) as caught:
        load_speakers(path)
    assert str(caught.value) == f"{path}:3: error: every row needs a label and a speaker"


def test_sidecar_is_found(cable):
    assert sidecar("a/b/NAME.txt").as_posix() == "a/b/NAME.speakers.csv"
    assert cable.turns["side"].tolist()[:2] == ["British", "Soviet"]


def test_without_speaker_file_the_two_kelly_labels_stay_apart(cable):
    plain = helpers.parse_text(cable.source)
    assert list(plain.turns["speaker"].cat.categories) == ["Sir. D. Kelly", "Stalin", "Sir D. Kelly"]
