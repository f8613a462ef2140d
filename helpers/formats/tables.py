"""The kit's own CSV and JSON exports (``helpers.export``), in the formats registry."""
from __future__ import annotations

from pathlib import Path

from ..export import to_csv, to_json

__all__ = ["write_csv", "write_json"]


def _frame(transcript, blocks: bool):
    return transcript.blocks if blocks else transcript.turns


def write_csv(transcript, out: str | Path, *, blocks: bool = False) -> list[Path]:
    """The turns (or, with ``blocks=True``, every block) as spreadsheet-safe CSV."""
    path = Path(out)
    to_csv(_frame(transcript, blocks), path)
    return [path]


def write_json(transcript, out: str | Path, *, blocks: bool = False) -> list[Path]:
    """The turns (or, with ``blocks=True``, every block) as a JSON list of records."""
    path = Path(out)
    to_json(_frame(transcript, blocks), path)
    return [path]
