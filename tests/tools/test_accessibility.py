"""Accessibility checked by a machine: axe-core (pinned in package.json and package-lock.json,
installed by ``npm ci``) run in headless Chromium over every page of the three copies of the
handouts (teacher's, students', self-study), with no serious or critical violation allowed.

Pages that are byte for byte the same in two copies are checked once.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.1 A and AA, and axe's best practices; only these impacts fail the test.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = {"serious", "critical"}


def axe_source() -> str:
    """axe.min.js, installed with ``npm ci`` when it is missing."""
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, timeout=300)
    if not AXE.exists():
        reason = "!!! ACCESSIBILITY NOT TESTED: axe-core is not installed (run npm ci in the kit's folder)"
        if os.environ.get("KIT_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text("utf-8")


RUN = """
(async () => { const result = await axe.run(document, {runOnly: {type: 'tag', values: %s},
    resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').slice(0, 160))})); })()
""" % json.dumps(TAGS)


@pytest.mark.browser
def test_no_serious_or_critical_violation_on_any_page(self_study_site, students_site, stored_site, chromium):
    # the copies are built in this order, the reverse of test_site.py's, so that two workers
    # starting these two files at once build different copies (shared_build.shared)
    source = axe_source()
    seen: dict[str, str] = {}
    problems, checked = [], 0
    session = chromium.new_page()
    try:
        chromium.send("Emulation.setDeviceMetricsOverride",
                      {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}, session)
        for copy in (stored_site, students_site, self_study_site):
            for page in sorted(copy.glob("*.html")):
                digest = hashlib.sha256(page.read_bytes()).hexdigest()
                if digest in seen:
                    continue
                seen[digest] = page.name
                chromium.load(session, page.resolve().as_uri())
                chromium.evaluate(source + "\n;true", session)
                violations = chromium.evaluate(RUN, session, timeout=120)
                checked += 1
                for v in violations:
                    if v["impact"] in FAILING:
                        problems.append(f"{copy.name}/{page.name}: {v['impact']} {v['id']} ({v['help']}): {v['nodes']}")
    finally:
        chromium.close_page(session)
    assert checked >= 20
    assert problems == [], "\n".join(problems)
