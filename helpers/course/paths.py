"""Where the kit keeps its files: the seed, the data folder, the notebooks.

The helpers package is installed in editable mode from the project folder, so these paths
point into the working copy, not into site-packages.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["ANNOTATIONS", "DATA", "EVENTS", "GLOSSARY", "NOTEBOOKS", "PEOPLE", "QUOTATION_REGISTER",
           "ROOT", "SEED", "SEED_SHA256", "SEEDS", "SLIPS", "TOPICS", "WITNESSES"]

#: The kit's folder (the package's parent: the kit is installed in editable mode).
ROOT: Path = Path(__file__).resolve().parents[2]
#: The folder of the source text.
SEEDS: Path = ROOT / "seeds"
#: The cable, byte for byte as published (never edited); its speaker file is beside it.
SEED: Path = SEEDS / "000_6ea7450cd42aaf9c.txt"
#: The SHA-256 of the seed as published (a test checks the file against it).
SEED_SHA256: str = "dd1b9f1a422df276fdb3378078a3c862bca1388490c054ad4b3ddfa97dd8b12f"
#: The kit's hand-made data (CSV, UTF-8).
DATA: Path = ROOT / "data"
#: The notebooks of the sequence.
NOTEBOOKS: Path = ROOT / "notebooks"
#: The people of the cable: everyone in the room, speaking or not (a people file).
PEOPLE: Path = DATA / "people.csv"
#: The kit's topic list.
TOPICS: Path = DATA / "topics.csv"
#: The kit's topic notes on the cable's turns.
ANNOTATIONS: Path = DATA / "annotations.csv"
#: The kit's glossary.
GLOSSARY: Path = DATA / "glossary.csv"
#: The seed's transcription slips.
SLIPS: Path = DATA / "slips.csv"
#: The dated events of the commentary's time line.
EVENTS: Path = DATA / "events.csv"
#: The kit's notes on the other accounts and documents of the meeting (notebook 05).
WITNESSES: Path = DATA / "witnesses.csv"
#: The register of quotations in the kit that are not the cable's words, with their sources.
QUOTATION_REGISTER: Path = DATA / "quotation_register.csv"
