"""Parse throughput on generated transcripts of 0.1, 1 and 10 MB, against a floor.

The floor is the least any parser must do: read the file and split it into paragraphs at blank
lines. A second reference column reads the file and splits it into whitespace tokens, the least
that counting words by the kit's rule needs; it alone already costs about 4x the floor. The
kit's parser does that and more (labels, quotations, stage directions, counting, DataFrames),
so the interesting figures are its time for 10 MB (target: under a second), how the time grows
with size (target: linearly), and its ratio to the floor (target: within 3x, not met: see the
README's "Speed"). A last line gives the time for the cable itself.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_parse.py``; it writes nothing
but a temporary folder and prints a Markdown table for the README.
"""
from __future__ import annotations

import platform
import re
import sys
import tempfile
import time
from pathlib import Path

import helpers

SIZES_MB = (0.1, 1.0, 10.0)
REPEATS = 5


def generate(size_mb: float) -> str:
    """A transcript of about ``size_mb`` megabytes: the cable's header, then its speech repeated."""
    cable = helpers.load_cable()
    first = int(cable.turns["start"].min())
    header, body = cable.source[:first], cable.source[first:]
    target = int(size_mb * 1_000_000)
    parts = [header]
    size = len(header.encode("utf-8"))
    unit = len(body.encode("utf-8")) + 2
    while size < target:
        parts.append(body + "\n\n")
        size += unit
    return "".join(parts)


def floor(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return len([p for p in re.split(r"\n\s*\n", text) if p.strip()])


def tokens(path: Path) -> int:
    """Reading plus splitting the whole text into whitespace tokens: what counting words needs."""
    return len(path.read_text(encoding="utf-8").split())


def parse(path: Path) -> int:
    return len(helpers.load(path).turns)


def best_of(func, path: Path) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {REPEATS} runs\n")
    print("| size | turns | floor (read + split) | read + split into words | parse | parse MB/s | parse / floor |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES_MB:
            path = Path(tmp) / f"generated_{size}MB.txt"
            path.write_text(generate(size), encoding="utf-8")
            mb = path.stat().st_size / 1_000_000
            turns = parse(path)
            t_floor = best_of(floor, path)
            t_tokens = best_of(tokens, path)
            t_parse = best_of(parse, path)
            results.append((mb, t_parse))
            print(f"| {mb:.1f} MB | {turns:,} | {t_floor * 1000:.1f} ms | {t_tokens * 1000:.1f} ms "
                  f"({t_tokens / t_floor:.1f}x) | {t_parse * 1000:.0f} ms | {mb / t_parse:.1f} "
                  f"| {t_parse / t_floor:.1f}x |")
    (mb_small, t_small), (mb_big, t_big) = results[1], results[2]
    growth = (t_big / t_small) / (mb_big / mb_small)
    print(f"\nGrowth from 1 MB to 10 MB: {growth:.2f} times linear (1.00 = exactly linear).")
    seed = helpers.course.paths.SEED
    t_seed = min(best_of(parse, seed) for _ in range(4))
    print(f"The cable itself ({seed.stat().st_size / 1000:.1f} kB): {t_seed * 1000:.1f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
