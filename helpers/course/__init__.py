"""The course: everything about Kelly's cable and the kit's five notebooks.

The library (the rest of :mod:`helpers`) works on any record and never imports this package.
Here live what only the cable has: where the kit's files are (:mod:`~helpers.course.paths`),
the cable itself with its header, people, speaker styles and events (:mod:`~helpers.course.cable`),
its transcription slips (:mod:`~helpers.course.slips`), the sentences each notebook writes
(:mod:`~helpers.course.nb01` to :mod:`~helpers.course.nb04`), small functions over the
library's measures, the notes on the other accounts and documents of the meeting that
notebook 05 reads (:mod:`~helpers.course.witnesses`), and the check that every quotation of the
cable is verbatim (:mod:`~helpers.course.quotations`). Cable facts are allowed here and nowhere
else. A notebook imports its own module (``from helpers.course import nb02``, ``from
helpers.course import witnesses as wt``); this front door gives what they all share.
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
