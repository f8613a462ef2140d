"""JupyterLab as a student meets it, checked in headless Chromium (issue 15, item 6).

    .venv/bin/python tools/lab_check.py                    # open and close every notebook
    .venv/bin/python tools/lab_check.py --screenshots DIR  # and take the screenshots too

Starts JupyterLab as ``make lab`` does (127.0.0.1 only, with a login token, the kit's settings
from ``tools/lab/overrides.json`` and its IPython start-up file; ``--allow-root`` as root), with
autosave every 3 seconds, and drives Debian's Chromium (``/usr/bin/chromium``) through its
DevTools protocol (no driver, nothing downloaded). Then:

1. **Opening a notebook does not change it.** Each notebook is opened, left open past several
   autosaves, and closed; ``git status`` must show no change in ``notebooks/`` (the trial saw
   ``"collapsed": true`` and the kernelspec's display name written back), and no notebook may
   be marked as modified just by being opened.
2. **What a student sees** (``--screenshots``): a second JupyterLab, with autosave off, opens
   notebook 02: the file browser (names not cut off, no news pop-up), the top of the notebook
   (the box "When a cell shows red"), a Try it, a model answer opened with one click (its text
   rendered, not raw Markdown), an answer typed into an answer check and run, and a slip in an
   exercise cell (one plain sentence). It checks that the File menu has *Reload Notebook from
   Disk*, and that reloading from disk throws away an edit. Nothing is saved; ``git status`` is
   checked again at the end.

The script needs a clean ``git status`` for ``notebooks/`` to start (it would otherwise have
nothing to compare with). It takes about a minute. It is not part of ``make test`` (a browser,
two servers and waits for autosave are too slow for it): run it after changing the notebooks'
metadata, ``tools/lab/`` or the model answers' mechanism. Exit status 0 when every check passes.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from handouts.browser import DevTools, find_chromium  # noqa: E402 (tools/handouts/browser.py)
from handouts.common import stop_process_group  # noqa: E402

BIN = Path(sys.executable).parent
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
AUTOSAVE = 3  # seconds, for this check only (JupyterLab's default is 120)


def git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--", "notebooks"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server as `make lab` starts it, with its own settings and runtime folders."""

    def __init__(self, tmp: Path, autosave: bool) -> None:
        self.port, self.token = free_port(), secrets.token_hex(16)
        settings = tmp / "user-settings" / "@jupyterlab" / "docmanager-extension"
        settings.mkdir(parents=True)
        (settings / "plugin.jupyterlab-settings").write_text(json.dumps(
            {"autosave": autosave, "autosaveInterval": AUTOSAVE}))
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
                   JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
                   IPYTHONDIR=str(ROOT / ".venv" / "ipython"))
        command = [str(BIN / "jupyter"), "lab", "--ip=127.0.0.1", f"--port={self.port}",
                   "--no-browser", f"--ServerApp.token={self.token}", "--ServerApp.root_dir=.",
                   "--LabApp.expose_app_in_browser=True"]  # window.jupyterapp, for this check
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log = open(tmp / "lab.log", "wb")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.url('api/status')}", timeout=2)
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start; see {tmp / 'lab.log'}")
                time.sleep(0.3)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def close(self) -> None:
        stop_process_group(self.process, 15)  # with the kernels it started, in its session
        self.log.close()


class Browser:
    """JupyterLab's page in headless Chromium: one tab of the kit's DevTools client
    (``tools/handouts/browser.py``, which the print pack and the tests use too)."""

    def __init__(self, tmp: Path) -> None:
        self.devtools = DevTools(find_chromium() or "/usr/bin/chromium", tmp / "chromium")
        self.session = self.devtools.new_page()
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.devtools.send(method, params, self.session)

    def js(self, expression: str, timeout: float = 60):
        """Evaluate ``expression`` (awaiting a promise) in the page; its value, as JSON."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True, "timeout": timeout * 1000})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description")
                               or result["exceptionDetails"])
        return result["result"].get("value")

    def wait(self, expression: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(f"(() => {{ try {{ return !!({expression}); }} catch (e) {{ return false; }} }})()"):
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.25)
        self.devtools.events.clear()  # the page's console and load events: nothing here reads them

    def goto(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.wait("window.jupyterapp && document.querySelector('.jp-LabShell')", 90)

    def shot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        print(f"  screenshot {path}")

    def close(self) -> None:
        self.devtools.close()


#: The notebook open in the main area, once JupyterLab has loaded it and its kernel is idle.
PANEL = "jupyterapp.shell.currentWidget"
READY = (f"{PANEL} && {PANEL}.context && {PANEL}.context.isReady && {PANEL}.content.widgets.length > 0"
         f" && {PANEL}.sessionContext.session && {PANEL}.sessionContext.session.kernel"
         f" && {PANEL}.sessionContext.session.kernel.status === 'idle'")


def open_notebook(browser: Browser, lab: Lab, name: str) -> None:
    browser.goto(lab.url(f"lab/tree/notebooks/{name}"))
    browser.wait(READY, 120)


def check_open_close(browser: Browser, lab: Lab) -> list[str]:
    problems = []
    for name in NOTEBOOKS:
        open_notebook(browser, lab, name)
        time.sleep(AUTOSAVE * 3 + 1)  # several autosaves: a change made on opening is written
        dirty = browser.js(f"{PANEL}.context.model.dirty")
        status = git_status()
        print(f"  {name}: opened, {AUTOSAVE * 3 + 1} s, modified on opening: {dirty}, "
              f"git status: {status or 'clean'}")
        if dirty:
            problems.append(f"{name} is marked as modified just by being opened")
        browser.js(f"{PANEL}.close()")
        time.sleep(0.5)
    status = git_status()
    if status:
        diff = subprocess.run(["git", "diff", "--stat", "--", "notebooks"], cwd=ROOT,
                              capture_output=True, text=True).stdout
        problems.append(f"opening and closing the notebooks changed them:\n{status}\n{diff}")
    return problems


def cell_index(browser: Browser, cell_id: str) -> int:
    return browser.js(f"{PANEL}.content.widgets.findIndex(c => c.model.id === {json.dumps(cell_id)})")


def show_cell(browser: Browser, index: int, where: str = "start") -> None:
    browser.js(f"(async () => {{ const nb = {PANEL}.content; nb.activeCellIndex = {index};"
               f" await nb.scrollToItem({index}, {json.dumps(where)}); }})()")
    time.sleep(0.8)


def run_cell(browser: Browser, index: int, source: str | None = None) -> None:
    set_source = (f"nb.widgets[{index}].model.sharedModel.setSource({json.dumps(source)});"
                  if source is not None else "")
    browser.js(f"(async () => {{ const nb = {PANEL}.content; {set_source} nb.activeCellIndex = {index};"
               f" await jupyterapp.commands.execute('notebook:run-cell'); }})()")
    browser.wait(f"{PANEL}.sessionContext.session.kernel.status === 'idle'"
                 f" && {PANEL}.content.widgets[{index}].model.executionCount !== null", 60)
    time.sleep(1.0)


def check_what_a_student_sees(browser: Browser, lab: Lab, out: Path) -> list[str]:
    problems = []
    out.mkdir(parents=True, exist_ok=True)
    name = "02_who_held_the_floor.ipynb"
    open_notebook(browser, lab, name)
    time.sleep(1.5)
    news = browser.js("document.body.innerText.includes('official Jupyter news')")
    if news:
        problems.append("the news pop-up is shown")
    cut = browser.js("[...document.querySelectorAll('.jp-DirListing-itemText')].filter("
                     "e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    browser.js("jupyterapp.commands.execute('filebrowser:go-to-path', {path: 'notebooks/'})")
    time.sleep(1.0)
    cut = browser.js("[...document.querySelectorAll('.jp-DirListing-itemText')].filter("
                     "e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    if cut:
        problems.append(f"file names cut off in the file browser: {cut}")
    browser.shot(out / "lab_1_notebook_and_files.png")

    box = cell_index(browser, "nb02-01a")
    show_cell(browser, box, "center")
    browser.shot(out / "lab_2_when_a_cell_shows_red.png")

    tryit = cell_index(browser, "nb02-32")
    show_cell(browser, tryit)
    browser.shot(out / "lab_3_try_it.png")

    # an answer check: the student types 18.5 after trying 100 words a minute
    check = cell_index(browser, "nb02-33c")
    run_cell(browser, tryit + 1, browser.js(
        f"{PANEL}.content.widgets[{tryit + 1}].model.sharedModel.getSource()").replace(
            "my_rate = 130", "my_rate = 100"))
    run_cell(browser, check, 'from helpers.course import exercise\n'
                             'exercise.check("02-1", "18.5")   # the minutes at 100 words a minute: type it between the quotation marks')
    show_cell(browser, tryit)
    said = browser.js(f"{PANEL}.content.widgets[{check}].outputArea.node.innerText")
    if "Right." not in said:
        problems.append(f"the answer check did not say Right: {said!r}")
    browser.shot(out / "lab_4_answer_check.png")

    # a slip: leave_out = 12, then a dropped quotation mark
    slip = cell_index(browser, "nb02-35")
    source = browser.js(f"{PANEL}.content.widgets[{slip}].model.sharedModel.getSource()")
    run_cell(browser, slip, source.replace("leave_out = 0", "leave_out = 12"))
    said = browser.js(f"{PANEL}.content.widgets[{slip}].outputArea.node.innerText")
    if "There is no turn 12" not in said:
        problems.append(f"leave_out = 12 did not get its sentence: {said!r}")
    mark = cell_index(browser, "nb02-37")
    source = browser.js(f"{PANEL}.content.widgets[{mark}].model.sharedModel.getSource()")
    run_cell(browser, mark, source.replace('mark = "!"', 'mark = "?'))
    said = browser.js(f"{PANEL}.content.widgets[{mark}].outputArea.node.innerText")
    if "A quotation mark is missing" not in said or "Traceback" in said:
        problems.append(f"a dropped quotation mark did not get its sentence: {said!r}")
    show_cell(browser, slip)
    browser.shot(out / "lab_5_slips.png")

    # a model answer: one click on its summary opens it, rendered
    answer = cell_index(browser, "nb02-42")
    show_cell(browser, answer - 1)
    closed = browser.js(f"(() => {{ const d = {PANEL}.content.widgets[{answer}].node.querySelector('details');"
                        " return d ? [d.open, d.querySelector('summary').innerText] : null; })()")
    if not closed or closed[0]:
        problems.append(f"the model answer is not a closed <details>: {closed}")
    browser.shot(out / "lab_6_model_answers_folded.png")
    browser.js(f"{PANEL}.content.widgets[{answer}].node.querySelector('details summary').click()")
    time.sleep(0.8)
    opened = browser.js(f"(() => {{ const d = {PANEL}.content.widgets[{answer}].node.querySelector('details');"
                        " return [d.open, d.innerText, d.querySelectorAll('strong, li').length]; })()")
    if not opened[0] or "**" in opened[1] or not opened[2]:
        problems.append(f"one click did not open a rendered answer: {opened}")
    show_cell(browser, answer - 1)
    browser.shot(out / "lab_7_model_answer_opened.png")

    # the File menu: Reload Notebook from Disk exists, and it throws away an edit
    labels = browser.js("jupyterapp.commands.label('docmanager:reload') + ' | ' +"
                        " jupyterapp.commands.label('docmanager:restore-checkpoint')")
    print(f"  File menu: {labels}")
    if "Reload Notebook from Disk" not in labels:
        problems.append(f"no 'Reload Notebook from Disk' command: {labels}")
    browser.js(f"{PANEL}.content.widgets[{tryit + 1}].model.sharedModel.setSource('my_rate = 999')")
    # not awaited: the command waits for its "reload?" dialog, which the loop below accepts
    browser.js("(jupyterapp.commands.execute('docmanager:reload'), 0)")
    time.sleep(2.0)
    for _ in range(3):  # a "reload?" dialog, if JupyterLab asks: accept it
        browser.js("(() => { const b = document.querySelector('.jp-Dialog .jp-mod-accept'); if (b) b.click(); })()")
        time.sleep(0.7)
    after = browser.js(f"{PANEL}.content.widgets.find(c => c.model.id === 'nb02-33').model.sharedModel.getSource()")
    if "my_rate = 130" not in after:
        problems.append(f"Reload Notebook from Disk kept the edit: {after!r}")
    browser.js(f"{PANEL}.context.model.dirty = false")
    browser.js(f"{PANEL}.close()")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshots", type=Path, help="also take the screenshots, into this folder")
    args = parser.parse_args(argv)
    if git_status():
        print("lab_check: notebooks/ has uncommitted changes; commit or stash them first:\n"
              + git_status(), file=sys.stderr)
        return 2
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kit-lab-check-") as name:
        tmp = Path(name)
        browser = Browser(tmp)
        try:
            print("1. opening and closing every notebook (autosave every "
                  f"{AUTOSAVE} s)")
            lab = Lab(tmp / "a", autosave=True)
            try:
                problems += check_open_close(browser, lab)
            finally:
                lab.close()
            if args.screenshots:
                print("2. what a student sees (autosave off)")
                lab = Lab(tmp / "b", autosave=False)
                try:
                    problems += check_what_a_student_sees(browser, lab, args.screenshots)
                finally:
                    lab.close()
                if git_status():
                    problems.append("the screenshots' session changed a notebook: " + git_status())
        finally:
            browser.close()
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("lab_check: " + ("every check passed" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
