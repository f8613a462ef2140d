"""Where the kit keeps its files: the seed, the data folder, the notebooks.

The helpers package is installed in editable mode from the project folder, so these paths
point into the working copy, not into site-packages.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["ANNOTATIONS", "DATA", "EVENTS", "GLOSSARY", "NOTEBOOKS", "PEOPLE", "ROOT", "SEED",
           "SEED_SHA256", "SEEDS", "SLIPS", "TOPICS"]

ROOT: Path = Path(__file__).resolve().parents[2]
SEEDS: Path = ROOT / "seeds"
#: The cable, byte for byte as published (never edited); its speaker file is beside it.
SEED: Path = SEEDS / "000_6ea7450cd42aaf9c.txt"
SEED_SHA256: str = "dd1b9f1a422df276fdb3378078a3c862bca1388490c054ad4b3ddfa97dd8b12f"
DATA: Path = ROOT / "data"
NOTEBOOKS: Path = ROOT / "notebooks"
#: The people of the cable: everyone in the room, speaking or not (a people file).
PEOPLE: Path = DATA / "people.csv"
TOPICS: Path = DATA / "topics.csv"
ANNOTATIONS: Path = DATA / "annotations.csv"
GLOSSARY: Path = DATA / "glossary.csv"
SLIPS: Path = DATA / "slips.csv"
#: The dated events of the commentary's time line.
EVENTS: Path = DATA / "events.csv"
