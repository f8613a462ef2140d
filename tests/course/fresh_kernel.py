"""Run notebook cells as a student would, each job on a fresh IPython with nothing of the kit in it.

A *job* is a list of cell sources run in order on one new IPython shell that has nothing of the
kit imported, after the kit's IPython start-up file (``tools/lab/ipython_startup.py``, as
``make lab`` runs it in every kernel). One job is one cell alone ("each exercise cell, run alone
on a fresh kernel, shows no error"), or a whole notebook.

Starting a Jupyter kernel per cell would cost a second or two each (a new interpreter, pandas and
matplotlib imported again). So one helper interpreter imports the third-party libraries once
(IPython, pandas, numpy, matplotlib: no state of the kit), then *forks* a child for each job:
the child imports the kit itself, as a fresh kernel does, and runs the cells; nothing a job does
reaches the next. Each last expression is formatted in every format a notebook asks for (HTML,
Markdown, PNG: a chart is really drawn). Where ``os.fork`` is missing (Windows) each job gets an
interpreter of its own, which is slower and the same.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
STARTUP = ROOT / "tools" / "lab" / "ipython_startup.py"

_CHILD = r'''
def run_job(cells, startup):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance(colors="nocolor")
    formatter = shell.display_formatter
    formatter.active_types = list(formatter.formatters)  # HTML, Markdown, PNG ... as in a notebook
    if startup:
        with capture_output():
            shell.run_cell(open(startup, encoding="utf-8").read(), store_history=False)
    out = []
    for source in cells:
        with capture_output() as cap:
            result = shell.run_cell(source, store_history=True)
            shown = []
            if result.result is not None:
                data, _ = formatter.format(result.result)
                shown.append(data.get("text/markdown") or data.get("text/plain", ""))
                shown.append("image/png" if "image/png" in data else "")
        for o in cap.outputs:
            shown.append(o.data.get("text/markdown") or o.data.get("text/plain", ""))
        error = result.error_before_exec or result.error_in_exec
        out.append({"success": bool(result.success), "error": type(error).__name__ if error else None,
                    "stdout": cap.stdout, "stderr": cap.stderr, "shown": "\n".join(s for s in shown if s)})
    return out
'''

_HARNESS = _CHILD + r'''
import json, os, sys
import warnings
warnings.filterwarnings("ignore")
import IPython, numpy, pandas, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot
request = json.load(sys.stdin)
results = []
for cells in request["jobs"]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            payload = run_job(cells, request["startup"])
        except BaseException as error:  # the harness itself failed: say so
            payload = [{"success": False, "error": "harness: " + repr(error), "stdout": "", "stderr": "", "shown": ""}]
        with os.fdopen(write, "w", encoding="utf-8") as handle:
            json.dump(payload, handle)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as handle:
        text = handle.read()
    os.waitpid(pid, 0)
    results.append(json.loads(text))
json.dump(results, sys.stdout)
'''

_ONE = _CHILD + r'''
import json, sys
import matplotlib
matplotlib.use("Agg")
request = json.load(sys.stdin)
json.dump(run_job(request["cells"], request["startup"]), sys.stdout)
'''


def run_alone(jobs: list[list[str]], cwd: Path = NOTEBOOKS, startup: bool = True,
              timeout: int = 600) -> list[list[dict]]:
    """Run each job (a list of cell sources) on a fresh IPython; for each job, one dict per
    cell: ``success``, ``error`` (the exception's class name, or None), ``stdout`` (where an
    error's message is shown), ``stderr`` and ``shown`` (what the cell displays, as Markdown or
    plain text)."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONWARNINGS": "ignore"}
    env.pop("IPYTHONDIR", None)
    start = str(STARTUP) if startup else None
    if hasattr(os, "fork"):
        done = subprocess.run([sys.executable, "-c", _HARNESS], input=json.dumps({"jobs": jobs, "startup": start}),
                              capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"the harness failed: {done.stderr[-2000:]}")
        return json.loads(done.stdout)
    results = []
    for cells in jobs:
        done = subprocess.run([sys.executable, "-c", _ONE], input=json.dumps({"cells": cells, "startup": start}),
                              capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"the harness failed: {done.stderr[-2000:]}")
        results.append(json.loads(done.stdout))
    return results


def code_cells(notebook: Path) -> list[dict]:
    """The notebook's code cells, as JSON dicts (id, metadata, source as one string)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = cell["source"]
            cells.append({**cell, "source": "".join(source) if isinstance(source, list) else source})
    return cells
