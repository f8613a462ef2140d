"""Corpus mode: every transcript of a folder, read by the same rules, compared in one set of tables.

::

    from helpers import corpus
    run = corpus.read_corpus("path/to/folder")     # every *.txt, with NAME.speakers.csv if any
    run.turns        # one row per turn of every document, with a ``document`` column
    run.speakers     # per document and speaker: turns, words, shares (helpers.measures)
    run.documents    # per document: turns, speakers, words, doubts, style, sha256
    run.failed       # the files that could not be read, each with its one-line error
    corpus.write_corpus(run, "out/")              # the tables, the charts and their descriptions
    corpus.write_manifest(run, "out/", written)   # manifest.json and ro-crate-metadata.json

``python -m helpers corpus DIR OUT`` does all three (see ``docs/bring_your_own.md``).

**The same rules.** Each file is read as :func:`helpers.load` reads it, by the same function
(:func:`helpers.transcript.parse_rows`): the same grammar, speaker file, style and doubts, so a
document's turns here are its turns there (a test checks it on every record of the kit's tests).
A document's id is its file's stem; documents are in the order of their file names.

**Speed.** The files are read in parallel, one process per core (``jobs``), in batches (each
worker is sent the next batch as soon as it sends one back); each worker sends back plain rows
(tuples and strings, no DataFrames), and the tables are built once, at the end, from those
lists (see ``benchmarks/bench_corpus.py`` and the README's "Speed").
A file that cannot be read is a :class:`Record` with its one-line error; the others go on.

**Provenance.** :func:`write_manifest` writes ``manifest.json`` (the kit's and the counting
rules' versions, Python's and the packages' versions, the SHA-256 of every input and output,
the parameters) and, beside it, ``ro-crate-metadata.json``, the same as an RO-Crate 1.1
(https://w3id.org/ro/crate/1.1): the root dataset, every input and output file as a ``File``
with its SHA-256 and ``encodingFormat``, the kit as a ``SoftwareApplication`` and the run as a
``CreateAction``. The only date in either is the crate's ``datePublished`` (RO-Crate requires
one): the day of the run, or the ``SOURCE_DATE_EPOCH`` environment variable's, for a
byte-identical rerun.
"""
from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import operator
import os
import platform
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from .counting import COUNTING_RULES_VERSION
from .doubts import Doubt, unused_labels, unused_line
from .errors import KitError, OutputError
from .export import csv_header, csv_rows, to_csv
from .formats._common import kit_version
from .measures import per_document, speakers_by_document
from .parse import STYLES
from .people import people_sidecar
from .source import decode, read_bytes
from .speakers import _read_speakers, sidecar
from .transcript import TURN_COLUMNS, parse_rows

__all__ = ["CHARTS", "DOCUMENT_COLUMNS", "EXPORT_FORMATS", "PACKAGES", "Corpus", "Input", "Record",
           "charts_of", "default_jobs", "doubts_markdown", "find_inputs", "read_corpus",
           "summary_markdown", "write_corpus", "write_manifest"]

#: The columns of :attr:`Corpus.documents` (and ``documents.csv``), after ``document``.
DOCUMENT_COLUMNS = ["file", "turns", "speakers", "words", "characters", "sentences", "doubts",
                    "style", "speaker_file", "sha256"]
#: The formats a corpus run may export each document to (``--to``): those of
#: :data:`helpers.formats.FORMATS` that need nothing but the record (``webanno`` needs notes).
EXPORT_FORMATS = ("csv", "json", "tei", "tei-u", "convokit", "tsv")
#: The comparative charts a corpus run draws: file stem and title.
CHARTS = {
    "words_per_document": "Words per document, by speaker",
    "share_per_document": "Each speaker's share of the words, document by document",
    "turns_per_document": "Turns per document",
}
#: Files in a batch sent to one worker at a time: enough that a batch's overhead (well under
#: a millisecond) is small against its parse, few enough that the work spreads evenly (at the
#: end, one worker may be left with a batch while the other waits: on 1,000 records, 16 files,
#: some 30 ms) and the progress bar moves.
_BATCHES_PER_JOB = 32
#: A turn row's values in the order of TURN_COLUMNS, as a tuple (in C).
_TURN_VALUES = operator.itemgetter(*TURN_COLUMNS)
#: Runs of at least this many files show a progress bar on a terminal.
_PROGRESS_FROM = 50
_MEDIA = {".csv": "text/csv", ".json": "application/json", ".png": "image/png",
          ".md": "text/markdown", ".txt": "text/plain", ".xml": "application/tei+xml",
          ".jsonl": "application/jsonl", ".tsv": "text/tab-separated-values",
          ".ipynb": "application/x-ipynb+json", ".html": "text/html"}


def default_jobs() -> int:
    """The cores this process may run on (``os.sched_getaffinity`` where there is one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Input:
    """One transcript of the folder: its path (as the folder was given) and its speaker file."""

    path: str
    speakers: str | None = None

    @property
    def document(self) -> str:
        """The document's id: the file's stem (``d39`` for ``d39.txt``)."""
        return Path(self.path).stem


def find_inputs(folder: str | Path, speakers_dir: str | Path | None = None) -> list[Input]:
    """Every ``*.txt`` file of ``folder`` (not its subfolders), in order of file name, each with
    its speaker file: ``NAME.speakers.csv`` in ``speakers_dir`` if given and there, else beside
    the transcript if there, else none. A folder that does not exist is a :class:`KitError`."""
    where = Path(folder)
    if not where.exists():
        raise KitError("no such folder", str(folder))
    if not where.is_dir():
        raise KitError("this is a file, not a folder of transcripts (for one file, use "
                       "python -m helpers summary or make rerun TRANSCRIPT=...)", str(folder))
    if speakers_dir is not None and not Path(speakers_dir).is_dir():
        raise KitError("no such folder of speaker files", str(speakers_dir))
    found = []
    # One listing of the folder (os.scandir: whether an entry is a file, and whether a speaker
    # file stands beside it, are known from it without a stat each, on 1,000 files some 15 ms)
    with os.scandir(where) as listing:
        entries = {entry.name: entry for entry in listing}
    for name in sorted(entries):
        # the names Path.suffix calls ".txt" ("a.txt", not ".txt"), that are files
        if not (name.endswith(".txt") and len(name) > 4) or not entries[name].is_file():
            continue
        path = where / name
        own = Path(speakers_dir) / f"{path.stem}.speakers.csv" if speakers_dir is not None else None
        if own is None or not own.is_file():
            beside = entries.get(f"{path.stem}.speakers.csv")  # sidecar(path), in the listing
            own = sidecar(path) if beside is not None and beside.is_file() else None
        found.append(Input(str(path), str(own) if own is not None else None))
    return found


@dataclass
class Record:
    """What a corpus run read from one file (or why it could not): plain values, cheap to send
    from a worker. ``turns`` holds one tuple per turn, the values of
    :data:`helpers.transcript.TURN_COLUMNS` in order; ``error`` is the one-line error of a file
    that could not be read (``FILE:LINE:COL: error: ...``), else ``None``."""

    document: str
    path: str
    speakers_file: str | None = None
    sha256: str = ""
    size: int = 0
    speakers_sha256: str = ""
    people_file: str | None = None
    people_sha256: str = ""
    style: str = ""
    style_reason: str = ""
    turns: list[tuple] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    #: The warning for ``unused`` (:func:`helpers.doubts.unused_line`, told where each label
    #: occurs in the record in a form not read), or "".
    unused_warning: str = ""
    exports: list[str] = field(default_factory=list)
    error: str | None = None
    csv: str = ""  # this document's lines of turns.csv, when the run was asked for them

    @property
    def ok(self) -> bool:
        """Whether the file was read."""
        return self.error is None


def _digest(path: str | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def _read_one(item: Input, style: str | None, formats: Sequence[str], exports: str | None,
              lines: bool = False) -> Record:
    """Read one file as :func:`helpers.load` does; any error becomes the record's error line."""
    record = Record(item.document, item.path, item.speakers)
    try:
        data = read_bytes(item.path)
        record.sha256 = hashlib.sha256(data).hexdigest()
        record.size = len(data)
        text = decode(data, item.path)
        aliases, speaker_bytes = (_read_speakers(item.speakers) if item.speakers is not None
                                  else ([], None))
        # the speaker file's bytes as parsed, hashed (read again only if they were not kept)
        record.speakers_sha256 = (hashlib.sha256(speaker_bytes).hexdigest()
                                  if speaker_bytes is not None else _digest(item.speakers))
        rows = parse_rows(text, item.path, aliases, style, blocks=bool(formats))
        result = rows.result
        record.style, record.style_reason = result.style.name, result.style.reason
        record.turns = list(map(_TURN_VALUES, result.turns))
        if lines:
            document = item.document
            record.csv = csv_rows((document, *row) for row in record.turns)
        record.doubts = rows.doubts
        record.warnings = result.warnings
        record.unused = unused_labels(rows)
        if record.unused:
            record.unused_warning = unused_line(record.unused, text)
        if formats:
            people = people_sidecar(item.path)
            if people.is_file():
                record.people_file, record.people_sha256 = str(people), _digest(str(people))
            record.exports = _export(rows.transcript(record.people_file), item.document, formats,
                                     Path(exports or "."))
    except KitError as exc:
        record.error = str(exc)
        record.turns, record.doubts = [], []
    except Exception as exc:  # a bug of the kit's, met on this file: still one line
        record.error = str(KitError.unforeseen(item.path, exc))
        record.turns, record.doubts = [], []
    return record


def _export(transcript, document: str, formats: Sequence[str], folder: Path) -> list[str]:
    """Each format of ``formats`` into ``folder/FORMAT/``: ``DOCUMENT.SUFFIX`` for a file,
    ``DOCUMENT/`` for ConvoKit's folder, the documents' ``DOCUMENT-*.tsv`` side by side for TSV."""
    from . import formats as registry

    written: list[str] = []
    for name in formats:
        fmt = registry.FORMATS[name]
        place = folder / name
        if name == "tsv":
            out = place
        elif fmt.writes == "folder":
            out = place / document
        else:
            out = place / f"{document}{fmt.suffix}"
        place.mkdir(parents=True, exist_ok=True)
        try:
            paths = registry.write(transcript, out, to=name, document=document) if name not in (
                "csv", "json") else registry.write(transcript, out, to=name)
        except OSError as exc:
            raise OutputError(f"cannot write the export ({exc.strerror or exc})", str(out)) from None
        written += [str(p) for p in paths]
    return written


def _read_batch(batch: tuple[list[Input], str | None, tuple[str, ...], str | None, bool]) -> list[Record]:
    items, style, formats, exports, lines = batch
    collecting = gc.isenabled()
    gc.disable()  # many small objects that live to the end of the batch, no cycles
    try:
        return [_read_one(item, style, formats, exports, lines) for item in items]
    finally:
        if collecting:
            gc.enable()


def _context() -> Any:
    """Workers started by forking where the platform can (nothing to import again), else the
    platform's default (a fresh interpreter per worker, slower to start)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _worker(conn: Any) -> None:
    """A worker process: read each batch sent on ``conn`` and send back its records (or the
    exception that stopped it), until ``None`` comes."""
    while True:
        batch = conn.recv()
        if batch is None:
            break
        try:
            conn.send((True, _read_batch(batch)))
        except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
            conn.send((False, exc))
    conn.close()


def _in_workers(batches: list, jobs: int) -> Iterable[list[Record]]:
    """The records of each batch, in order, read by ``jobs`` worker processes: each worker is
    sent a batch, and another as soon as it sends one back.

    (``multiprocessing.Pool.imap`` did this before, at a cost: its thread that watches the
    workers also wakes whenever results wait in the pipe, and a batch's results are megabytes,
    so it spun while they were read, costing the parent some 0.3 s of a core on 1,000 records:
    a core the workers need on a 2-core machine. Here the parent only waits, receives and
    sends.)"""
    from multiprocessing.connection import wait

    ctx = _context()
    workers = []
    try:
        for _ in range(jobs):
            parent_end, child_end = ctx.Pipe()
            process = ctx.Process(target=_worker, args=(child_end,), daemon=True)
            process.start()
            child_end.close()
            workers.append((process, parent_end))
        given: dict[Any, int] = {}  # each worker's connection -> the batch it is reading
        done: dict[int, list[Record]] = {}
        next_batch = next_out = 0
        for _, conn in workers:
            if next_batch < len(batches):
                conn.send(batches[next_batch])
                given[conn] = next_batch
                next_batch += 1
        while next_out < len(batches):
            ready: list[Any] = wait(list(given))  # (the connections with a reply to read)
            for conn in ready:
                ok, result = conn.recv()
                if not ok:
                    raise result
                done[given.pop(conn)] = result
                if next_batch < len(batches):
                    conn.send(batches[next_batch])
                    given[conn] = next_batch
                    next_batch += 1
            while next_out in done:  # in order, as the batches were given
                yield done.pop(next_out)
                next_out += 1
        for _, conn in workers:
            conn.send(None)
        for process, _ in workers:
            process.join()
    finally:
        for process, conn in workers:
            if process.is_alive():  # an error, or the run stopped: the workers are stopped too
                process.terminate()
                process.join()
            conn.close()


def _progress(total: int, show: bool | None) -> Any:
    """A tqdm bar on standard error for a long run on a terminal; ``None`` otherwise."""
    if show is None:
        show = total >= _PROGRESS_FROM and sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="reading", file=sys.stderr, leave=False)


def _read_all(inputs: list[Input], jobs: int, style: str | None, formats: tuple[str, ...],
              exports: str | None, progress: bool | None,
              report: Callable[[Record], object] | None, lines: bool = False) -> list[Record]:
    size = max(1, -(-len(inputs) // (jobs * _BATCHES_PER_JOB)))
    batches = [(inputs[i:i + size], style, formats, exports, lines)
               for i in range(0, len(inputs), size)]
    bar = _progress(len(inputs), progress)
    records: list[Record] = []
    collecting = gc.isenabled()
    gc.disable()  # the rows that arrive live to the end of the run: no cycles to collect
    try:
        if jobs <= 1 or len(batches) <= 1:
            results: Iterable[list[Record]] = map(_read_batch, batches)
        else:
            results = _in_workers(batches, min(jobs, len(batches)))
        try:
            for done in results:
                records += done
                if report is not None:
                    for record in done:
                        if bar is not None and not record.ok:
                            bar.clear()
                        report(record)
                if bar is not None:
                    bar.update(len(done))
        finally:
            close = getattr(results, "close", None)
            if close is not None:  # the workers' generator: stops them, if they are running
                close()
    finally:
        if bar is not None:
            bar.close()
        if collecting:
            gc.enable()
    return records


@dataclass(eq=False, repr=False)
class Corpus:
    """A folder of transcripts, read: the :class:`Record` of every file, and the tables built
    from them once, when first asked for (:attr:`turns`, :attr:`speakers`, :attr:`documents`).

    ``parameters`` are those the run was made with (folder, speaker folder, style, jobs,
    formats), as the manifest records them.
    """

    folder: str
    records: list[Record]
    parameters: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"<Corpus {self.folder!r}: {len(self.read)} document"
                f"{'s' if len(self.read) != 1 else ''} read, {len(self.failed)} failed>")

    @property
    def read(self) -> list[Record]:
        """The records of the files that were read, in order of file name."""
        return [r for r in self.records if r.ok]

    @property
    def failed(self) -> list[Record]:
        """The records of the files that could not be read, each with its ``error`` line."""
        return [r for r in self.records if not r.ok]

    @cached_property
    def turns(self) -> pd.DataFrame:
        """Every turn of every document read: ``document``, then the columns of
        ``Transcript.turns`` (``speaker`` a category, in order of first speaking in the corpus)."""
        records = self.read
        columns: dict[str, Any] = {"document": [r.document for r in records for _ in r.turns]}
        values = list(zip(*[t for r in records for t in r.turns])) or [()] * len(TURN_COLUMNS)
        for name, column in zip(TURN_COLUMNS, values):
            columns[name] = list(column)
        ints = {"turn", "words", "characters", "sentences", "start", "end", "line_start",
                "line_end", "paragraphs"}
        data: dict[str, Any] = {}
        for name in ["document", *TURN_COLUMNS]:  # each column typed as Transcript.turns types it
            values = columns[name]
            if name == "speaker":
                data[name] = pd.Categorical(values, categories=list(dict.fromkeys(values)))
            elif name in ints:
                data[name] = pd.array(values, dtype="int64")
            else:
                data[name] = pd.Series(values) if values else pd.Series(values, dtype=object)
        return pd.DataFrame(data, columns=["document", *TURN_COLUMNS])

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """Per document and speaker: :func:`helpers.measures.speakers_by_document` (turns,
        words, characters, sentences, each one's share of its document, the means), with the
        speaker's ``side`` from the speaker file after ``speaker``."""
        table = speakers_by_document(self.turns)
        if table.empty:
            table.insert(2, "side", pd.Series(dtype=object))
            return table
        sides = (self.turns.assign(speaker=self.turns["speaker"].astype(str))
                 .groupby(["document", "speaker"], sort=False)["side"].first())
        table.insert(2, "side", [sides.get((d, s)) for d, s in zip(table["document"], table["speaker"])])
        return table

    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per document read (indexed by ``document``): the columns of
        :data:`DOCUMENT_COLUMNS`, the counts from :func:`helpers.measures.per_document`."""
        records = self.read
        counts = per_document(self.turns, [r.document for r in records])
        table = pd.DataFrame({
            "file": [Path(r.path).name for r in records],
            "doubts": [len(r.doubts) for r in records],
            "style": [r.style for r in records],
            "speaker_file": [Path(r.speakers_file).name if r.speakers_file else "" for r in records],
            "sha256": [r.sha256 for r in records],
        }, index=counts.index)
        table = pd.concat([table, counts], axis=1)
        return table[DOCUMENT_COLUMNS]

    def doubtful(self) -> list[Record]:
        """The records read with doubts about their labels: run ``check`` on each."""
        return [r for r in self.read if r.doubts]


def read_corpus(folder: str | Path, speakers_dir: str | Path | None = None, style: str | None = None,
                jobs: int | None = None, to: Sequence[str] = (), exports: str | Path | None = None,
                progress: bool | None = None,
                report: Callable[[Record], object] | None = None, lines: bool = False) -> Corpus:
    """Read every transcript of ``folder`` (:func:`find_inputs`) by the kit's rules, in parallel.

    ``style`` reads every file in that style (else each its own, inferred); ``jobs`` is the
    number of worker processes (default: one per core, :func:`default_jobs`; 1 reads in this
    process). ``to`` lists formats (:data:`EXPORT_FORMATS`) to export each document to, into
    ``exports/FORMAT/`` (required with ``to``). ``progress`` shows a progress bar (default: on a
    terminal, for runs of 50 files or more); ``report`` is called with each :class:`Record` as it
    arrives, in order (the command line prints each failure so). ``lines`` has the workers also
    write each document's lines of ``turns.csv`` (:attr:`Record.csv`), so that
    :func:`write_corpus` joins them instead of writing the table in this process (what the
    command line does). A file that cannot be read does not stop the run: its record carries
    the error. Raises :class:`helpers.KitError` for a
    folder that does not exist, and ``ValueError`` for an unknown style or format.
    """
    if style is not None and style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    formats = tuple(dict.fromkeys(to))
    unknown = [f for f in formats if f not in EXPORT_FORMATS]
    if unknown:
        raise ValueError(f"a corpus run exports to {', '.join(EXPORT_FORMATS)}, not {unknown[0]!r}"
                         + (" (the webanno format needs topic notes: use python -m helpers export "
                            "on one record)" if unknown[0] == "webanno" else ""))
    if formats and exports is None:
        raise ValueError("give the folder to export into (exports=)")
    inputs = find_inputs(folder, speakers_dir)
    n_jobs = max(1, int(jobs)) if jobs is not None else default_jobs()
    records = _read_all(inputs, n_jobs, style, formats, str(exports) if exports is not None else None,
                        progress, report, lines)
    parameters = {"folder": str(folder), "speakers_dir": str(speakers_dir) if speakers_dir else None,
                  "style": style, "jobs": n_jobs, "to": list(formats)}
    return Corpus(str(folder), records, parameters)


# ---------------------------------------------------------------------------------------------
# In words, for a notebook
def summary_markdown(corpus: Corpus) -> str:
    """One Markdown paragraph: how many documents were read, their turns, words and speakers
    (from :attr:`Corpus.documents` and :attr:`Corpus.speakers`), then each file that could not
    be read, with its error."""
    from .text import escape_markdown, plural

    documents, speakers = corpus.documents, corpus.speakers
    found = len(corpus.records)
    names = speakers["speaker"].astype(str).nunique() if len(speakers) else 0
    text = (f"**{plural(len(documents), 'document')}** read from `{escape_markdown(corpus.folder)}` "
            f"(of {plural(found, 'transcript')} found): **{plural(int(documents['turns'].sum()), 'turn')}** "
            f"and **{plural(int(documents['words'].sum()), 'word')}** by "
            f"**{plural(names, 'speaker')}**, counted by the kit's rules.")
    failed = corpus.failed
    if failed:
        text += (f" {plural(len(failed), 'file')} could not be read, and "
                 f"{'is' if len(failed) == 1 else 'are'} left out:\n\n"
                 + "\n".join(f"- `{escape_markdown(r.error or '')}`" for r in failed))
    return text


def doubts_markdown(corpus: Corpus, limit: int = 20) -> str:
    """The documents whose labels the parser doubts, as a Markdown list (each with its number
    of doubts and the first of them), or a sentence saying there are none."""
    from .text import escape_markdown, plural

    doubtful = corpus.doubtful()
    if not doubtful:
        return "The parser has **no doubts** about the speaker labels of any document."
    total = sum(len(r.doubts) for r in doubtful)
    lines = [f"The parser has **{plural(total, 'doubt')}** about the speaker labels of "
             f"**{plural(len(doubtful), 'document')}**: the counts take each call as listed. "
             "Check them (`python -m helpers check FILE` prints them all, with their fixes) "
             "before you compare who held the floor.", ""]
    for record in doubtful[:limit]:
        first = record.doubts[0]
        lines.append(f"- `{escape_markdown(Path(record.path).name)}`: {plural(len(record.doubts), 'doubt')}; "
                     f"the first, line {first.line}: {escape_markdown(first.message)}")
    if len(doubtful) > limit:
        lines.append(f"- … and {len(doubtful) - limit} more (the `doubts` column of the documents table)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Writing the tables and charts
def _write_table(frame: pd.DataFrame, path: Path, index: bool = False) -> Path:
    try:
        to_csv(frame.reset_index() if index else frame, path)
    except OSError as exc:
        raise OutputError(f"cannot write the file ({exc.strerror or exc})", str(path)) from None
    return path


def _write_turns(corpus: Corpus, path: Path) -> Path:
    """``turns.csv``: from the lines the workers wrote (``lines=True``), joined in order, or
    from the table; the two are the same bytes (a test checks it)."""
    records = corpus.read
    if not records or not all(r.csv or not r.turns for r in records):
        return _write_table(corpus.turns, path)
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            handle.write(csv_header(["document", *TURN_COLUMNS]))
            for record in records:
                handle.write(record.csv)
    except OSError as exc:
        raise OutputError(f"cannot write the file ({exc.strerror or exc})", str(path)) from None
    return path


def charts_of(corpus: Corpus) -> dict[str, Any]:
    """The comparative charts (:data:`CHARTS`), each a :class:`helpers.style.Chart` with its
    description written from the table it draws."""
    from . import charts, measures

    words = measures.document_words(corpus.speakers)
    return {
        "words_per_document": charts.words_per_document_chart(words),
        "share_per_document": charts.share_per_document_chart(corpus.speakers),
        "turns_per_document": charts.turns_per_document_chart(corpus.documents),
    }


def _charts_page(drawn: dict[str, Any], pngs: dict[str, str]) -> str:
    from .text import escape_markdown

    lines = ["# Charts of the corpus", "",
             "Each chart's description is written from the same table it draws (its alt text).", ""]
    for name, chart in drawn.items():
        alt = " ".join(chart.description.split())
        lines += [f"## {CHARTS[name]}", "", f"![{escape_markdown(alt)}]({pngs[name]})", ""]
        lines += [escape_markdown(line) for line in chart.description.splitlines()] + [""]
    return "\n".join(lines)


def write_corpus(corpus: Corpus, out: str | Path, charts: bool = True) -> list[Path]:
    """Write the corpus's tables into the folder ``out`` (created if need be): ``turns.csv``,
    ``speakers.csv``, ``documents.csv`` (spreadsheet-safe CSV, as ``helpers.export`` writes);
    with ``charts``, each chart of :data:`CHARTS` as ``NAME.png``, and ``charts.md``, every
    chart with its description. Returns the paths written."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder ({exc.strerror or exc})", str(folder)) from None
    written = [
        _write_turns(corpus, folder / "turns.csv"),
        _write_table(corpus.speakers, folder / "speakers.csv"),
        _write_table(corpus.documents, folder / "documents.csv", index=True),
    ]
    if charts and corpus.read:
        drawn = charts_of(corpus)
        pngs = {}
        for name, chart in drawn.items():
            path = folder / f"{name}.png"
            try:
                path.write_bytes(chart.png())
            except OSError as exc:
                raise OutputError(f"cannot write the file ({exc.strerror or exc})", str(path)) from None
            pngs[name] = path.name
            written.append(path)
        page = folder / "charts.md"
        page.write_text(_charts_page(drawn, pngs), encoding="utf-8")
        written.append(page)
    return written


# ---------------------------------------------------------------------------------------------
# Provenance: the manifest and the RO-Crate
#: The packages whose versions the manifest records.
PACKAGES = ("kelly-stalin-kit", "pandas", "numpy", "matplotlib", "ipython", "tqdm")


def _versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            out[name] = _metadata.version(name)
        except _metadata.PackageNotFoundError:
            out[name] = None
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _relative(path: str | Path, folder: Path) -> str:
    """``path`` as seen from ``folder``, with ``/`` (``../corpus/d39.txt``)."""
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()


def _run_date() -> str:
    """The day of the run (UTC), or of ``SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit()
              else datetime.now(timezone.utc))
    return moment.date().isoformat()


def _inputs(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for r in corpus.records:
        row: dict[str, Any] = {"path": r.path, "document": r.document, "sha256": r.sha256,
                               "bytes": r.size, "status": "read" if r.ok else "failed"}
        if r.speakers_file:
            row["speaker_file"] = {"path": r.speakers_file,
                                   "sha256": r.speakers_sha256 or _digest(r.speakers_file)}
        if r.people_file:
            row["people_file"] = {"path": r.people_file, "sha256": r.people_sha256}
        if r.ok:
            row.update(turns=len(r.turns), doubts=len(r.doubts), style=r.style)
        else:
            row["error"] = r.error
        rows.append(row)
    return rows


def write_manifest(corpus: Corpus, out: str | Path, written: Sequence[str | Path],
                   parameters: dict[str, Any] | None = None) -> list[Path]:
    """Write ``manifest.json`` and ``ro-crate-metadata.json`` into ``out`` for the files
    ``written`` (paths inside ``out``) and the corpus's inputs; see the module docstring.
    ``parameters`` adds to the corpus's own. Returns the two paths."""
    __version__ = kit_version()
    folder = Path(out)
    params = {**corpus.parameters, **(parameters or {})}
    outputs = [{"path": _relative(p, folder), "sha256": _sha256(Path(p)),
                "bytes": Path(p).stat().st_size} for p in written]
    manifest = {
        "generator": f"helpers {__version__} (counting rules version {COUNTING_RULES_VERSION})",
        "kit_version": __version__,
        "counting_rules_version": COUNTING_RULES_VERSION,
        "python": {"version": platform.python_version(),
                   "implementation": platform.python_implementation(),
                   "platform": platform.platform()},
        "packages": _versions(),
        "parameters": params,
        "documents": {"found": len(corpus.records), "read": len(corpus.read),
                      "failed": len(corpus.failed),
                      "turns": sum(len(r.turns) for r in corpus.read)},
        "inputs": _inputs(corpus),
        "outputs": outputs,
    }
    path = folder / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    crate = folder / "ro-crate-metadata.json"
    crate.write_text(json.dumps(_crate(corpus, folder, manifest, path), ensure_ascii=False, indent=2)
                     + "\n", encoding="utf-8")
    return [path, crate]


def _file_id(relative: str) -> str:
    """A relative path as an RO-Crate ``@id`` (a URI path: spaces and ``%`` escaped)."""
    return quote(relative, safe="/._-~:+,;=!*'()@&$")


def _crate(corpus: Corpus, folder: Path, manifest: dict[str, Any], manifest_path: Path) -> dict:
    version = manifest["kit_version"]
    software = "#helpers"
    entities: list[dict[str, Any]] = []
    inputs: list[dict[str, str]] = []
    for row in manifest["inputs"]:
        files = [(row["path"], row["sha256"], row["bytes"], "the transcript "
                  f"{row['document']} ({row['status']})")]
        for key, what in (("speaker_file", "its speaker file"), ("people_file", "its people file")):
            if key in row:
                files.append((row[key]["path"], row[key]["sha256"],
                              Path(row[key]["path"]).stat().st_size, f"{row['document']}: {what}"))
        for path, sha, size, what in files:
            ident = _file_id(_relative(path, folder))
            if any(e["@id"] == ident for e in entities):
                continue
            entity = {"@id": ident, "@type": "File", "name": Path(path).name, "description": what,
                      "encodingFormat": _MEDIA.get(Path(path).suffix, "application/octet-stream"),
                      "contentSize": str(size)}
            if sha:
                entity["sha256"] = sha
            entities.append(entity)
            inputs.append({"@id": ident})
    outputs: list[dict[str, str]] = []
    listed = [*manifest["outputs"], {"path": manifest_path.name, "sha256": _sha256(manifest_path),
                                     "bytes": manifest_path.stat().st_size}]
    for row in listed:
        ident = _file_id(row["path"])
        entities.append({"@id": ident, "@type": "File", "name": Path(row["path"]).name,
                         "encodingFormat": _MEDIA.get(Path(row["path"]).suffix, "application/octet-stream"),
                         "contentSize": str(row["bytes"]), "sha256": row["sha256"]})
        outputs.append({"@id": ident})
    read, failed = manifest["documents"]["read"], manifest["documents"]["failed"]
    root = {
        "@id": "./", "@type": "Dataset",
        "name": f"Corpus run on {Path(corpus.folder).name or corpus.folder}",
        "description": (f"Turns, per-speaker and per-document tables and charts of {read} "
                        f"transcript{'s' if read != 1 else ''} (of {read + failed} found), read by "
                        f"{manifest['generator']}; manifest.json lists every input and output "
                        "with its SHA-256."),
        "datePublished": _run_date(),
        "license": ("The tables and charts are derived from the input transcripts and carry "
                    "their terms of use, which this run does not know; the software that made "
                    "them is MIT-licensed."),
        "hasPart": [*inputs, *outputs],
    }
    graph = [
        {"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
         "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "about": {"@id": "./"}},
        root,
        *entities,
        {"@id": software, "@type": "SoftwareApplication", "name": "helpers",
         "version": f"{version} (counting rules version {manifest['counting_rules_version']})",
         "softwareRequirements": [f"{k} {v}" for k, v in manifest["packages"].items() if v],
         "description": f"Python {manifest['python']['version']}"},
        {"@id": "#run", "@type": "CreateAction", "name": "python -m helpers corpus",
         "instrument": {"@id": software}, "object": inputs, "result": outputs,
         "endTime": root["datePublished"],
         "description": json.dumps(manifest["parameters"], ensure_ascii=False, sort_keys=True)},
    ]
    return {"@context": ["https://w3id.org/ro/crate/1.1/context",
                         {"sha256": "http://schema.org/sha256"}],
            "@graph": graph}
