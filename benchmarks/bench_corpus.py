"""Corpus mode on 1,000 generated records (about 28 MB), against the floor of reading them.

The records are the cable's text (the seed as the kit reads it) four times over, each with the
cable's speaker file beside it, written into a temporary folder: 1,000 files of 28.1 kB, 44
turns each. Every figure is the best of ``--repeats`` runs (3), with the load average (1 min)
taken just before it, since the machine may be shared:

- **floor**: read every file as UTF-8 and split it into whitespace tokens, in one process: the
  least that counting words by the kit's rule needs.
- **parse**: ``helpers.corpus.read_corpus(DIR)``, in this process: every file read, hashed and
  parsed by the same rules as ``helpers.load`` in one worker process per core, the rows back
  here (this is the figure the target "within 6x of the floor" is for).
- **parse, with turns.csv's lines**: the same, the workers also writing each document's lines of
  ``turns.csv``, as the command has them do.
- **parse, one process**: ``read_corpus(DIR, jobs=1)``, no worker.
- **the whole command**: ``python -m helpers corpus DIR OUT`` run as a user runs it (a new
  interpreter: start-up, imports, the parse, the tables, the charts, the manifest and the
  RO-Crate), timed from outside (target: under 6 s).

It checks that speed bought no different count: every document has the turns and words of the
file read alone by ``helpers.load``. ``--profile`` adds the top of a cProfile of one worker's
work (a batch of 200 records in this process), sorted by time spent in each function.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_corpus.py``; it prints a Markdown
table for the README and writes nothing but its temporary folder.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import helpers
from helpers import corpus
from helpers.course import paths

RECORDS = 1000
COPIES = 4  # the cable's text this many times over in each record: 28.1 kB


def generate(folder: Path, records: int = RECORDS) -> list[Path]:
    """``records`` files of the cable's text repeated, each with the cable's speaker file."""
    source = helpers.read_source(paths.SEED)
    text = "\n\n".join([source.strip()] * COPIES) + "\n"
    speakers = paths.SEED.with_name(paths.SEED.stem + ".speakers.csv")
    files = []
    for i in range(records):
        path = folder / f"record_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        shutil.copyfile(speakers, folder / f"record_{i:04d}.speakers.csv")
        files.append(path)
    return files


def floor(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8").split()) for path in files)


def load() -> float:
    return os.getloadavg()[0]


def best(repeats: int, run) -> tuple[float, float]:
    """The best time of ``repeats`` runs of ``run()``, and the load average before it."""
    times = []
    for _ in range(repeats):
        before = load()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start, before))
    return min(times)


def profile(folder: Path, top: int = 15) -> str:
    """The top of a cProfile of one worker's work: a batch of 200 records read in this process."""
    items = corpus.find_inputs(folder)[:200]
    profiler = cProfile.Profile()
    profiler.enable()
    corpus._read_batch((items, None, (), None, True))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=RECORDS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the parse")
    args = parser.parse_args(argv)
    jobs = corpus.default_jobs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "records"
        folder.mkdir()
        files = generate(folder, args.records)
        size = sum(p.stat().st_size for p in files) / 1e6
        alone = helpers.load(files[0])
        run = corpus.read_corpus(folder, jobs=jobs)
        documents = run.documents
        assert len(run.read) == len(files)
        assert (documents["turns"] == len(alone.turns)).all()
        assert (documents["words"] == int(alone.turns["words"].sum())).all()
        assert run.turns["words"].tolist() == alone.turns["words"].tolist() * len(files)

        rows = []
        t_floor, l_floor = best(args.repeats, lambda: floor(files))
        rows.append(("floor: read + split into whitespace tokens (1 process)", t_floor, l_floor))
        rows.append((f"parse: `read_corpus` ({jobs} worker processes)",
                     *best(args.repeats, lambda: corpus.read_corpus(folder, jobs=jobs))))
        rows.append((f"parse, with turns.csv's lines ({jobs} workers)",
                     *best(args.repeats, lambda: corpus.read_corpus(folder, jobs=jobs, lines=True))))
        rows.append(("parse, one process (`jobs=1`)",
                     *best(args.repeats, lambda: corpus.read_corpus(folder, jobs=1))))
        out = Path(tmp) / "out"

        def command() -> None:
            done = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(folder), str(out)],
                                  capture_output=True, text=True)
            assert done.returncode == 0, done.stderr

        rows.append(("the whole command: `python -m helpers corpus DIR OUT`", *best(args.repeats, command)))
        print(f"{len(files):,} records, {size:.1f} MB ({len(alone.turns)} turns each); Python "
              f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
              f"best of {args.repeats} runs; load average (1 min) before each\n")
        print("| what | time | MB/s | × floor | load |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for what, seconds, before in rows:
            print(f"| {what} | {seconds:.2f} s | {size / seconds:.0f} | {seconds / t_floor:.1f}x "
                  f"| {before:.2f} |")
        print(f"\nEvery document: {len(alone.turns)} turns and {int(alone.turns['words'].sum())} words, "
              "as helpers.load reads the file alone.")
        if args.profile:
            print("\ncProfile of one worker's work (200 records, one process), by time in each function:\n")
            print(profile(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
