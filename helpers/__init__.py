"""The kit's library: read a speaker-labelled record, measure who held the floor, draw it.

Start with :func:`load` for any record, or :func:`load_cable` for the kit's own source::

    import helpers
    record = helpers.load("path/to/record.txt")       # its NAME.speakers.csv beside it, if any
    record.turns                                       # one row per speaker turn
    helpers.measures.per_speaker(record.turns)         # turns, words, shares, means
    helpers.charts.words_per_turn_chart(helpers.measures.per_turn(record.turns))

The package is in layers, each importing only those before it: reading (``source``, ``parse``,
``doubts``, ``speakers``, ``people``, ``metadata``, ``transcript``), measures (``counting``, ``measures``),
notes (``annotations``, ``concordance``), views (``style``, ``text``, ``describe``, ``charts``,
``display``, ``export``, ``corpus``, ``cli``). ``helpers.course`` holds what is about the cable and its
notebooks; the library never imports it. Submodules load when first used (``helpers.charts``).
See ``docs/api.md`` for every public function.
"""

import importlib
from typing import Any

from .counting import count_characters, count_sentences, count_words
from .doubts import Doubt
from .errors import DataFileError, KitError, OutputError, TranscriptError
from .metadata import Field, Metadata
from .parse import Style
from .source import read_source
from .speakers import Alias, load_speakers
from .transcript import Transcript, load, parse_text

__version__ = "0.1.0"

#: The library's modules, loaded when first used as ``helpers.<name>``.
MODULES: tuple[str, ...] = (
    "annotations", "charts", "cli", "concordance", "corpus", "counting", "describe", "display", "doubts",
    "errors", "export", "formats", "measures", "metadata", "parse", "people", "source", "speakers",
    "style", "text", "transcript",
)

__all__ = [
    "Alias", "DataFileError", "Doubt", "Field", "KitError", "Metadata", "OutputError", "Style",
    "Transcript", "TranscriptError", "count_characters", "count_sentences", "count_words", "load",
    "load_cable", "load_speakers", "parse_text", "read_source", *MODULES, "course",
]


def __getattr__(name: str) -> Any:
    if name in MODULES or name == "course":
        return importlib.import_module(f".{name}", __name__)
    if name == "load_cable":  # the course's, offered at the front door; loaded only when asked for
        return importlib.import_module(".course.cable", __name__).load_cable
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
