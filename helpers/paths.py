"""Where the kit keeps its files: the seed, the data folder, the notebooks.

The helpers package is installed in editable mode from the project folder, so these paths
point into the working copy, not into site-packages.
"""
from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
SEEDS: Path = ROOT / "seeds"
SEED: Path = SEEDS / "000_6ea7450cd42aaf9c.txt"
SEED_SHA256: str = "dd1b9f1a422df276fdb3378078a3c862bca1388490c054ad4b3ddfa97dd8b12f"
DATA: Path = ROOT / "data"
NOTEBOOKS: Path = ROOT / "notebooks"
