"""The course: everything about Kelly's cable and the kit's four notebooks.

The library (the rest of :mod:`helpers`) works on any record and never imports this package.
Here live what only the cable has: where the kit's files are (:mod:`~helpers.course.paths`),
the cable itself with its header, people, speaker styles and events (:mod:`~helpers.course.cable`),
its transcription slips (:mod:`~helpers.course.slips`), and the sentences each notebook writes
(:mod:`~helpers.course.nb01` to :mod:`~helpers.course.nb04`), small functions over the
library's measures. Cable facts are allowed here and nowhere else.
"""
from . import paths
from .cable import (
    FIELD_NOTES,
    SPEAKER_STYLES,
    events,
    is_the_cable,
    load,
    load_cable,
    meeting_day,
    read_cable_header,
)

__all__ = ["FIELD_NOTES", "SPEAKER_STYLES", "events", "is_the_cable", "load", "load_cable",
           "meeting_day", "paths", "read_cable_header"]
