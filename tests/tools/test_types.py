"""The package's types (mypy, as pinned in requirements.txt) and its generated reference."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_finds_no_error_in_helpers():
    result = subprocess.run([sys.executable, "-m", "mypy", "helpers"], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def test_the_api_reference_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "api_reference.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
