"""Headless Chromium through its DevTools protocol (no driver, nothing downloaded): used by
``tools/make_handouts.py`` to print the pack to PDF, and by the tests to look at the pages.

Debian's ``chromium`` package is enough (``tools/install_chromium.sh`` installs it);
``KIT_CHROMIUM=/path/to/chrome`` picks another Chromium-based browser.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

from .common import stop_process_group


def find_chromium() -> str | None:
    """The Chromium binary on this machine, or None."""
    for name in (os.environ.get("KIT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class DevTools:
    """A minimal Chrome DevTools protocol client over one websocket (flattened sessions)."""

    FLAGS = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1024,768",
    ]

    def __init__(self, binary: str, profile: Path) -> None:
        import websocket  # websocket-client, pinned in requirements.txt

        profile.mkdir(parents=True, exist_ok=True)
        self.log = open(profile.parent / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [binary, *self.FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"Chromium did not start; see {profile.parent / 'chromium.log'}")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        self.ws.settimeout(timeout)  # a full-page screenshot of a long notebook takes a few seconds
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event["method"] == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(method)
            self.ws.settimeout(remaining)
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression: str, session: str, timeout: float = 60):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session, timeout)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def new_page(self, domains: tuple[str, ...] = ("Page", "Runtime")) -> str:
        """Open a blank tab; return its session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in domains:
            self.send(f"{domain}.enable", session=session)
        return session

    def close_page(self, session: str) -> None:
        """Close the tab of ``session`` (opened by :meth:`new_page`)."""
        target = self.send("Target.getTargetInfo", session=session)["targetInfo"]["targetId"]
        self.send("Target.closeTarget", {"targetId": target})
        self.events = [e for e in self.events if e.get("sessionId") != session]

    def load(self, session: str, url: str) -> None:
        """Go to ``url`` and wait until it has loaded."""
        self.events = [e for e in self.events if not (e["method"] == "Page.loadEventFired" and e.get("sessionId") == session)]
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)

    def print_pdf(self, session: str, page_size: str) -> bytes:
        """The loaded page printed to PDF on ``page_size`` paper ("A4" or "letter"): the size is
        set by a CSS ``@page`` rule and taken with ``preferCSSPageSize``, so the page's own
        margins apply; backgrounds are printed (the writing boxes, the shaded narration)."""
        self.evaluate(
            "(() => { let s = document.getElementById('kit-page-size'); if (!s) { s = document.createElement('style');"
            " s.id = 'kit-page-size'; document.head.appendChild(s); }"
            f" s.textContent = '@page {{ size: {page_size}; }}'; return true; }})()", session)
        pdf = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                            "displayHeaderFooter": False}, session, timeout=120)
        return base64.b64decode(pdf["data"])

    def close(self) -> None:
        """Close the browser politely, then make sure its process group (ours) is gone."""
        try:
            if getattr(self, "ws", None):
                try:
                    self.ws.send(json.dumps({"id": self.next_id + 1, "method": "Browser.close"}))
                    self.process.wait(5)
                except Exception:
                    pass
                self.ws.close()
        finally:
            stop_process_group(self.process)  # with the helpers Chromium forked into its session
            self.log.close()

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
