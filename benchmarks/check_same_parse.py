"""Check that this worktree's parser reads every record exactly as another revision's does.

A speed change to the parser (or to corpus mode) must not change what is read. This script
parses the same inputs with the ``helpers`` package of this worktree and with that of another
git revision (``--against``, default ``main``), each in its own interpreter, and compares:

- for every input: the blocks, the turns (speaker and side included), the warnings, the style
  and its reason, and the doubts of :func:`helpers.transcript.parse_rows`, and, for a corpus
  run, the turns, doubts, warnings and style of ``parse_rows(..., blocks=False)``; or the error
  (its type and message) for an input that cannot be read;
- corpus mode on ``tests/data`` and the demo corpus (``tests/data/corpus``), on two workers with
  turns.csv's lines: the three tables as CSV, turns.csv as the command writes it, and every
  record's style, warnings, doubts and unused labels.

The inputs: every record of ``tests/data`` and of the demo corpus, each with its speaker file
(if it has one) and without; the cable in each style (inferred, ``quoted``, ``colon``,
``full-stop``), with and without its speaker file; and ``--damaged`` randomly damaged copies
(default 3,000, seeded) of the cable and of every record of ``tests/data``: lines cut, quotation
marks swapped, marks, colons, brackets, line breaks and carriage returns inserted, spans deleted,
paragraphs repeated or joined.

Run it after any change to the parser's hot paths, and after merging a branch that changes the
grammar (``--against`` that branch: the merged parser must read as the grammar's branch does)::

    .venv/bin/python benchmarks/check_same_parse.py [--against REV] [--damaged N] [--seed S]

It prints one line per kind of input and exits 1 at the first difference, naming the input.
"""
from __future__ import annotations

import argparse
import os
import pickle
import random
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "corpus"
SEED = ROOT / "seeds" / "000_6ea7450cd42aaf9c.txt"
STYLES = (None, "quoted", "colon", "full-stop")


def _sidecar(path: Path) -> Path | None:
    own = path.with_name(path.stem + ".speakers.csv")
    return own if own.is_file() else None


def _damage(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 5)):
        if not text:
            break
        action = rng.choice(["cut_line", "swap_quote", "insert", "delete_span", "repeat", "join"])
        if action == "cut_line":
            lines = text.split("\n")
            del lines[rng.randrange(len(lines))]
            text = "\n".join(lines)
        elif action == "swap_quote":
            marks = [i for i, ch in enumerate(text) if ch in "“”\"«»‘’()[]"]
            if marks:
                i = rng.choice(marks)
                text = text[:i] + rng.choice(["“", "”", '"', "(", ")", "[", "]", ""]) + text[i + 1:]
        elif action == "insert":
            i = rng.randrange(len(text) + 1)
            piece = "".join(rng.choice("“”\"()[]:;.,\n\n \u00a0\t\ufeffaZQA.1\r—-") for _ in range(rng.randint(1, 6)))
            if rng.random() < 0.3:
                piece = rng.choice(["\n\nMR. SMITH: ", "\n\nQ. ", "\nTHE PRESIDENT. ", "\n\nStalin: “",
                                    "\n\nSpeaker 1: ", "\n\nDate: ", "\n\nEND\n\n", "\n\n[1] ",
                                    "\n\n1 A note.\n\n", "\n\nYugoslavia\n\n"]) + piece
            text = text[:i] + piece + text[i:]
        elif action == "delete_span":
            i = rng.randrange(len(text))
            text = text[:i] + text[i + rng.randint(1, 200):]
        elif action == "repeat":
            paragraphs = text.split("\n\n")
            k = rng.randrange(len(paragraphs))
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), paragraphs[k])
            text = "\n\n".join(paragraphs)
        else:
            paragraphs = text.split("\n\n")
            if len(paragraphs) > 1:
                k = rng.randrange(len(paragraphs) - 1)
                paragraphs[k:k + 2] = [paragraphs[k] + rng.choice(["\n", " "]) + paragraphs[k + 1]]
            text = "\n\n".join(paragraphs)
    return text


def cases(damaged: int, seed: int) -> list[tuple[str, str, str | None, str | None]]:
    """Every input as (name, text, speaker file or None, style or None)."""
    out = []
    bases = []
    for folder in (DATA, CORPUS):
        for path in sorted(folder.glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            own = _sidecar(path)
            out.append((path.name, text, None, None))
            if own is not None:
                out.append((f"{path.name} + speakers", text, str(own), None))
            if folder == DATA:
                bases.append((path.name, text, own))
    cable = SEED.read_bytes().decode("utf-8")
    own = _sidecar(SEED)
    for style in STYLES:
        out.append((f"the cable, style {style}", cable, None, style))
        out.append((f"the cable, style {style}, + speakers", cable, str(own), style))
    bases.append(("the cable", cable, own))
    rng = random.Random(seed)
    for n in range(damaged):
        name, text, own = bases[n % len(bases)] if n % 3 else bases[-1]
        speakers = str(own) if own is not None and rng.random() < 0.5 else None
        out.append((f"damaged copy {n} of {name}", _damage(text, rng), speakers, None))
    return out


# --- what runs in each interpreter ------------------------------------------------------------
def _plain(rows) -> dict:
    result = rows.result
    return {
        "turns": [dict(t) for t in result.turns],
        "warnings": list(result.warnings),
        "style": (result.style.name, result.style.reason, result.style.given),
        "doubts": [tuple(vars(d).values()) for d in rows.doubts],
    }


def dump(cases_file: str, out_file: str) -> None:
    import helpers
    from helpers import corpus
    from helpers.doubts import unused_labels
    from helpers.transcript import parse_rows

    here = Path(helpers.__file__).resolve().parents[1]
    if here != Path(os.environ["PYTHONPATH"]).resolve():
        sys.exit(f"helpers was imported from {here}, not from {os.environ['PYTHONPATH']}")

    with open(cases_file, "rb") as handle:
        inputs = pickle.load(handle)
    results = []
    for name, text, speakers, style in inputs:
        try:
            rows = parse_rows(text, "input.txt", speakers, style)
            got = _plain(rows)
            got["blocks"] = [dict(b) for b in rows.result.blocks]
            got["unused"] = unused_labels(rows)
            lean = _plain(parse_rows(text, "input.txt", speakers, style, blocks=False))
            got["lean"] = lean
        except Exception as exc:  # noqa: BLE001 - the error is what is compared
            got = {"error": (type(exc).__name__, str(exc))}
        results.append(got)
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in (DATA, CORPUS):
            run = corpus.read_corpus(folder, jobs=2, lines=True, progress=False)
            out = Path(tmp) / folder.name
            corpus.write_corpus(run, out, charts=False)
            runs[folder.relative_to(ROOT).as_posix()] = {
                "tables": [run.turns.to_csv(), run.speakers.to_csv(), run.documents.to_csv()],
                "turns.csv": (out / "turns.csv").read_bytes(),
                "records": [(r.document, r.style, r.style_reason, list(r.warnings),
                             [tuple(vars(d).values()) for d in r.doubts], list(r.unused), r.error)
                            for r in run.records],
            }
    with open(out_file, "wb") as handle:
        pickle.dump({"parse": results, "corpus": runs}, handle)


# --- the driver ---------------------------------------------------------------------------------
def _revision(rev: str, where: Path) -> Path:
    """The ``helpers`` package of git revision ``rev``, extracted into ``where``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "helpers"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(where)
    return where


def _run(package_root: Path, cases_file: Path, out_file: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    done = subprocess.run([sys.executable, __file__, "--dump", str(cases_file), str(out_file)],
                          env=env, capture_output=True, text=True, cwd=str(package_root))
    if done.returncode != 0:
        sys.exit(f"the run with {package_root} failed:\n{done.stderr}")
    with open(out_file, "rb") as handle:
        return pickle.load(handle)


def _first_difference(a, b, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {a!r:.200} != {b!r:.200}"
    if isinstance(a, dict):
        for key in dict.fromkeys([*a, *b]):
            if key not in a or key not in b:
                return f"{where}.{key}: only in one"
            found = _first_difference(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = _first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r:.200} != {b!r:.200}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", help="the git revision to compare with (main)")
    parser.add_argument("--damaged", type=int, default=3000, help="randomly damaged copies (3000)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--dump", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        dump(*args.dump)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        inputs = cases(args.damaged, args.seed)
        cases_file = where / "cases.pickle"
        with open(cases_file, "wb") as handle:
            pickle.dump(inputs, handle)
        reference = _run(_revision(args.against, where / "reference"), cases_file, where / "ref.pickle")
        ours = _run(ROOT, cases_file, where / "ours.pickle")
    kinds: dict[str, int] = {}
    errors = 0
    for (name, *_), a, b in zip(inputs, reference["parse"], ours["parse"]):
        found = _first_difference(a, b)
        if found:
            print(f"DIFFERENT: {name}{found}")
            return 1
        if "error" not in b:
            found = _first_difference(
                {k: b[k] for k in ("turns", "warnings", "style", "doubts")}, b["lean"])
            if found:
                print(f"DIFFERENT with blocks=False: {name}{found}")
                return 1
        errors += "error" in b
        kind = name.split(" of ")[0].rstrip("0123456789 ") if name.startswith("damaged") else name.split(",")[0].split(" + ")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    for folder, run in reference["corpus"].items():
        found = _first_difference(run, ours["corpus"][folder])
        if found:
            print(f"DIFFERENT in corpus mode on {folder}: {found}")
            return 1
    print(f"Same as {args.against}: {len(inputs)} inputs ({len(inputs) - args.damaged} records and "
          f"styles, {args.damaged} damaged copies; {errors} read as the same error), blocks, turns, "
          "warnings, style and doubts identical, blocks=False identical too; corpus mode on "
          f"{', '.join(reference['corpus'])}: tables, turns.csv, styles, "
          "warnings, doubts and unused labels identical.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
