"""English and Markdown written one way: plurals, lists, lines, dates, durations, escaping."""
from datetime import date, timedelta

from helpers import text


def test_escape_markdown():
    assert text.escape_markdown("shewed [sic]") == "shewed \\[sic\\]"
    assert text.escape_markdown("a *b* _c_ <d> #e") == "a \\*b\\* \\_c\\_ \\<d\\> \\#e"
    assert text.escape_markdown("“Such questions arise from boredom”.") == "“Such questions arise from boredom”."


def test_plurals_lists_and_spans():
    assert text.plural(1, "word") == "1 word" and text.plural(0, "word") == "0 words"
    assert text.join([]) == "" and text.join(["A"]) == "A" and text.join(["A", "B"]) == "A and B"
    assert text.possessive("Kishida") == "Kishida's" and text.possessive("Reporters") == "Reporters'"
    assert text.line_span(52, 52) == "line 52" and text.line_span(32, 38) == "lines 32–38"
    assert text.opening("one two three", 2) == "one two …" and text.opening("one two", 2) == "one two"
    assert text.pct(80) == "80.0%"


def test_dates_and_durations():
    assert text.long_date(date(1949, 7, 8)) == "8 July 1949"
    assert text.duration_in_words(timedelta(hours=15, minutes=11)) == "15 hours 11 minutes"
    assert text.duration_in_words(timedelta(hours=1)) == "1 hour"
    assert text.duration_in_words(timedelta(minutes=25, seconds=59)) == "25 minutes"
    assert text.duration_in_words(timedelta(days=1, minutes=1)) == "1 day 1 minute"
    assert text.duration_in_words(timedelta(0)) == "0 minutes"
    assert text.duration_in_words(-timedelta(hours=2, minutes=39)) == "minus 2 hours 39 minutes"


def test_blockquote_and_prose():
    assert text.blockquote("Turn 1", "First *para*.\n\n  Second\n line.") == (
        "> **Turn 1**\n>\n> First \\*para\\*.\n>\n> Second line.")
    assert text.prose("{a} of {b}", a=742, b=927).data == "742 of 927"
