"""Exports to the standard formats of the field: TEI, ConvoKit, ParlaMint-style TSV, Web Annotation.

    from helpers import formats
    formats.write(transcript, "cable.tei.xml", to="tei")
    formats.write(transcript, "cable_convokit", to="convokit")       # a folder
    formats.write(transcript, "notes.jsonld", to="webanno", annotations=notes, topics=topics)

Each format is a pure function of a :class:`helpers.Transcript` (and, where it needs them, the
tables passed in: a people table, topic notes) to files; none knows any particular record, and
each names the kit's version and the version of its counting rules. ``FORMATS`` lists them.
A corpus run calls :func:`write` once per document (``document=`` gives each its id), or uses
the per-document pieces the modules expose (``convokit.records``, ``tsv.turn_rows``).
See ``docs/formats.md`` for what each column becomes in each format.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import convokit, tables, tei, tsv, webanno


@dataclass(frozen=True)
class Format:
    """One export format: its name, what it writes, and the function that writes it."""

    name: str
    writes: str  # "file" or "folder"
    suffix: str  # the usual ending of the output's name
    description: str
    writer: Callable[..., list[Path]]


FORMATS: dict[str, Format] = {f.name: f for f in [
    Format("csv", "file", ".csv", "the turns (or with blocks=True every block) as spreadsheet-safe CSV",
           tables.write_csv),
    Format("json", "file", ".json", "the turns (or with blocks=True every block) as JSON records",
           tables.write_json),
    Format("tei", "file", ".tei.xml", "TEI P5, drama style: <sp who>, <speaker>, <p>, <stage>", tei.write),
    Format("tei-u", "file", ".tei.xml", "TEI P5, spoken style: <u who>, <seg>, <incident>, <note>",
           tei.write_u),
    Format("convokit", "folder", "", "a ConvoKit 5 corpus folder (utterances.jsonl, speakers.json, ...)",
           convokit.write),
    Format("tsv", "folder", "", "ParlaMint-style <doc>-meta.tsv, <doc>.txt, <doc>-speakers.tsv, <doc>-about.tsv",
           tsv.write),
    Format("webanno", "file", ".jsonld", "topic notes as W3C Web Annotation JSON-LD (needs annotations=)",
           webanno.write),
]}


def write(transcript, out: str | Path, to: str = "csv", **options) -> list[Path]:
    """Export ``transcript`` to ``out`` in format ``to`` (a key of :data:`FORMATS`).

    ``out`` is a file for the file formats and a folder (created if need be) for ``convokit``
    and ``tsv``. ``options`` go to the format's writer (see its module). Returns the paths
    written. An unknown format is a ``ValueError`` naming the known ones.
    """
    try:
        fmt = FORMATS[to]
    except KeyError:
        raise ValueError(f"unknown format {to!r}: choose one of {', '.join(FORMATS)}") from None
    return fmt.writer(transcript, Path(out), **options)


def read_table(path: str | Path):
    """A CSV table (UTF-8, a byte-order mark allowed) as strings, empty cells as ``""``."""
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def export(source: str | Path, out: str | Path, to: str = "csv", *, speakers: str | Path | None = None,
           annotations: str | Path | None = None, topics: str | Path | None = None,
           people: str | Path | None = None, style: str | None = None, **options):
    """Read the transcript file ``source`` and export it: what ``python -m helpers export
    SOURCE OUT --to FORMAT`` does.

    ``speakers`` is a speaker file (default: ``NAME.speakers.csv`` beside the source);
    ``annotations``, ``topics`` and ``people`` are CSV files passed to the formats that use
    them (``webanno`` needs ``annotations``); ``style`` overrides the style the parser would
    infer (see :func:`helpers.load`). Returns ``(transcript, paths written)``. Raises
    :class:`helpers.TranscriptError` for a transcript it cannot read and ``ValueError`` for an
    unknown format or style, or notes that do not fit the transcript.
    """
    from ..transcript import load

    if to not in FORMATS:
        raise ValueError(f"unknown format {to!r}: choose one of {', '.join(FORMATS)}")
    transcript = load(source, speakers=speakers, style=style)
    if annotations is not None:
        options["annotations"] = read_table(annotations)
    if topics is not None:
        options["topics"] = read_table(topics)
    if people is not None:
        options["people"] = read_table(people)
    return transcript, write(transcript, out, to=to, **options)


__all__ = ["FORMATS", "Format", "export", "read_table", "write",
           "convokit", "tables", "tei", "tsv", "webanno"]
