"""The seed is the source, byte for byte."""
import hashlib

from helpers import paths


def test_seed_checksum():
    assert hashlib.sha256(paths.SEED.read_bytes()).hexdigest() == paths.SEED_SHA256


def test_seed_checksum_starts_as_published():
    assert paths.SEED_SHA256.startswith("dd1b9f1a")


def test_seed_folder_documents_its_origin():
    readme = (paths.SEEDS / "README.md").read_text(encoding="utf-8")
    assert "134387" in readme and paths.SEED_SHA256 in readme
