"""Helpers for the Kelly-Stalin study kit: parse the cable, count, chart, annotate.

Start with :func:`load_cable`, which returns the parsed source::

    import helpers
    cable = helpers.load_cable()
    cable.turns      # one row per speaker turn
"""
from .counting import count_characters, count_sentences, count_words, speaker_summary
from .doubts import Doubt, check_report, doubts_markdown, doubts_table
from .errors import TranscriptError
from .metadata import CableMetadata
from .parse import STYLES, Style
from .source import read_source
from .speakers import Alias, load_aliases
from .transcript import Transcript, load, load_cable, parse_text, read_transcript

__all__ = [
    "Alias",
    "CableMetadata",
    "Doubt",
    "STYLES",
    "Style",
    "Transcript",
    "TranscriptError",
    "check_report",
    "count_characters",
    "count_sentences",
    "count_words",
    "doubts_markdown",
    "doubts_table",
    "load",
    "load_aliases",
    "load_cable",
    "parse_text",
    "read_source",
    "read_transcript",
    "speaker_summary",
]
__version__ = "0.1.0"
