"""What the tests of the invented form records (``tests/data/form_*.txt``) share: reading one,
the blocks that are not speech, the doubts as (kind, line), the faithfulness check, and a
record read again with a speaker file's rows."""
from __future__ import annotations

from pathlib import Path

import helpers
from helpers.speakers import Alias

DATA = Path(__file__).resolve().parents[1] / "data"


def load(name: str, **kwargs) -> helpers.Transcript:
    return helpers.load(DATA / name, **kwargs)


def others(t: helpers.Transcript) -> list[tuple[str, int]]:
    """(kind, line) of every block that is not speech."""
    blocks = t.blocks[t.blocks["kind"] != "speech"]
    return list(zip(blocks["kind"], blocks["line_start"]))


def kinds_of(t: helpers.Transcript) -> list[tuple[str, int]]:
    return [(d.kind, d.line) for d in t.doubts]


def faithful(t: helpers.Transcript) -> None:
    """Every row and block gives back its text, and every non-space character is in one block."""
    source = t.source
    covered = [0] * len(source)
    for block in t.blocks.itertuples():
        assert source[block.start:block.end] == block.text
        for i in range(block.start, block.end):
            covered[i] += 1
    assert [i for i, ch in enumerate(source) if not ch.isspace() and covered[i] != 1] == []
    for turn in t.turns.itertuples():
        assert source[turn.start:turn.end] == turn.text


def with_names(t: helpers.Transcript, *rows: tuple[str, str]) -> helpers.Transcript:
    """``t`` read again with a speaker file of these (label, speaker) rows."""
    return helpers.parse_text(t.source, speakers=[Alias(label, speaker) for label, speaker in rows])
