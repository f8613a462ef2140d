"""Helpers for the Kelly-Stalin study kit: parse the cable, count, chart, annotate.

Start with :func:`load_cable`, which returns the parsed source::

    import helpers
    cable = helpers.load_cable()
    cable.turns      # one row per speaker turn
"""
from .counting import count_characters, count_sentences, count_words, speaker_summary
from .errors import TranscriptError
from .metadata import CableMetadata
from .speakers import Alias, load_aliases
from .transcript import Transcript, load, load_cable, parse_text, read_transcript

__all__ = [
    "Alias",
    "CableMetadata",
    "Transcript",
    "TranscriptError",
    "count_characters",
    "count_sentences",
    "count_words",
    "load",
    "load_aliases",
    "load_cable",
    "parse_text",
    "read_transcript",
    "speaker_summary",
]
__version__ = "0.1.0"
