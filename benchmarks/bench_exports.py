"""Time of each export format per record, on the cable (what `corpus DIR OUT --to FORMAT` pays
for every document on top of the parse); `webanno` is left out, as it needs a notes table.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_exports.py``; it writes only into
a temporary folder and prints a Markdown table. (This was a timed test once; timings belong
here, where a busy machine cannot fail the suite.)
"""
from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import helpers
from helpers import formats

REPEATS = 5
ROUNDS = 20


def main() -> int:
    cable = helpers.load_cable()
    print(f"Python {platform.python_version()} on {platform.machine()}; the cable, {ROUNDS} writes, "
          f"best of {REPEATS}; load average (1 min) {os.getloadavg()[0]:.2f}\n")
    print("| format | ms per record |\n| --- | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for to in formats.FORMATS:
            if to == "webanno":  # needs a notes table (annotations=): not a per-record cost of a corpus run
                continue
            best = float("inf")
            for r in range(REPEATS):
                started = time.perf_counter()
                for i in range(ROUNDS):
                    formats.write(cable, Path(tmp) / f"{to}-{r}-{i}", to=to)
                best = min(best, (time.perf_counter() - started) / ROUNDS)
            print(f"| `{to}` | {best * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
