"""The handout site in headless Chromium, through its DevTools protocol (no driver, nothing
downloaded): every page on screen and as printed in grey, with a screenshot of each written to
``build/screenshots/`` when asked. Marked ``browser``; ``KIT_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes
a missing Chromium a failure instead of a skip. The screenshots and PDFs are written only with
``KIT_SCREENSHOTS=1`` (they are for a person to look at, and take most of the time).
"""
from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from handouts import checks  # tools/ is on sys.path (conftest)
from handouts.browser import DevTools

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


# --------------------------------------------------------------------------------------------
# The browser test: headless Chromium through the DevTools protocol


# What the page looks like to a reader: images, headings, text contrast, print layout.
INSPECT = r"""
(() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const blend = (top, bottom) => { const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg); return bg; };
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const contrast = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode; const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el); const bg = background(el); const fg = blend(parse(style.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a); const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < needed) contrast.push({text: node.textContent.trim().slice(0, 40), tag: el.tagName,
      cls: String(el.className), color: style.color, background: 'rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ')',
      ratio: Math.round(ratio * 100) / 100, needed});
  }
  const images = [...document.images].map(img => ({alt: img.getAttribute('alt'), src: img.src.slice(0, 30),
    loaded: img.complete && img.naturalWidth > 0, breakInside: getComputedStyle(img.closest('.jp-RenderedImage') || img).breakInside}));
  const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => [Number(h.tagName[1]), h.textContent.trim()]);
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const width = document.documentElement.clientWidth;
  const tooWide = [...document.querySelectorAll('main *')].filter(el => visible(el)
    && el.getBoundingClientRect().right > width + 1
    && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
    .map(el => el.tagName + '.' + String(el.className).split(' ')[0] + ' ' + (el.textContent || '').trim().slice(0, 30));
  const shown = sel => [...document.querySelectorAll(sel)].filter(visible).length;
  return {contrast, images, headings, links, title: document.title, lang: document.documentElement.lang,
    prompts: shown('.jp-InputPrompt, .jp-OutputPrompt'), code: shown('.jp-CodeCell .jp-Cell-inputWrapper'),
    emptyOutputs: shown('.kit-empty-output, .jp-CodeCell.jp-mod-noOutputs'),
    nav: shown('nav.kit-nav'), tooWide};
})()
"""


@pytest.fixture
def server(stored_site):
    """The site over HTTP. It is built from the stored outputs: nbval (``pytest notebooks``)
    checks that a fresh run gives those same outputs, and the executing build is tested on a
    throwaway notebook above, so the notebooks are not run a second time here."""
    handler = functools.partial(QuietHandler, directory=str(stored_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def screenshot(browser: DevTools, session: str, path: Path, scale: float = 1) -> None:
    """A PNG of the whole page (up to 20000 CSS pixels tall)."""
    metrics = browser.send("Page.getLayoutMetrics", session=session)
    size = metrics["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": min(size["width"], 1280), "height": min(size["height"], 20000), "scale": scale}
    shot = browser.send(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": clip, "optimizeForSpeed": True}, session
    )
    path.write_bytes(base64.b64decode(shot["data"]))


#: Screenshots and PDFs of every page, for a person to look at (``KIT_SCREENSHOTS=1``): they take
#: most of this test's time and nothing is asserted on them, so an ordinary run leaves them out.
SHOTS = bool(os.environ.get("KIT_SCREENSHOTS"))


@pytest.mark.browser
def test_pages_in_headless_chromium(stored_site, server, chromium):
    if SHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in [*SCREENSHOTS.glob("*.png"), *SCREENSHOTS.glob("*.pdf")]:
            old.unlink()
    names = [p.name for p in pages(stored_site)]
    assert "index.html" in names
    problems: list[str] = []
    session = chromium.new_page(("Page", "Runtime", "Log", "Network"))
    try:
        chromium.send("Emulation.setDeviceMetricsOverride",
                      {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}, session)
        for name in names:
            problems += check_page_in_browser(chromium, session, server, stored_site, name)
    finally:
        chromium.close_page(session)
    assert problems == [], "\n".join(problems)


def check_page_in_browser(browser: DevTools, session: str, base: str, site: Path, name: str) -> list[str]:
    """Load one page; return what is wrong with it (console, network, alt, headings, contrast, print)."""
    problems = []
    url = base + name
    browser.events.clear()
    browser.send("Emulation.setEmulatedMedia", {"media": "screen"}, session)
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired", session)
    screen = browser.evaluate(INSPECT, session)
    if SHOTS:
        screenshot(browser, session, SCREENSHOTS / f"{Path(name).stem}.png")

    # As printed, in grey, at the width of an A4 page inside its margins (about 680 CSS px).
    browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 680, "height": 960, "deviceScaleFactor": 1, "mobile": False}, session)
    printed = browser.evaluate(INSPECT, session)
    if SHOTS:
        browser.evaluate("document.documentElement.style.filter = 'grayscale(1)'", session)
        screenshot(browser, session, SCREENSHOTS / f"{Path(name).stem}.print-grey.png", scale=0.75)
        browser.evaluate("document.documentElement.style.filter = ''", session)
    # Ticking "Print the code cells too" brings back the code of every code cell whose code
    # the notebook shows, outside the model answers, except two kinds, which stay out of any
    # print: an exercise's code cell (its paper task, with a box to write in, stands in its
    # place, and its output would give the answer away) and an answer check (it works only when
    # run: on paper it would only say "press Shift+Enter"). Cells whose code the notebook hides
    # (source_hidden) have no code on the page at all.
    code_cells = browser.evaluate(
        "(() => { const box = document.getElementById('kit-print-code'); if (!box) return null;"
        " const shown = el => el.getClientRects().length > 0;"
        " const all = [...document.querySelectorAll('.jp-CodeCell:not(.celltag_model-answer) .jp-Cell-inputWrapper')];"
        " const kept = el => !el.closest('.celltag_kit-replaced-in-print, .celltag_answer-check');"
        " const before = all.filter(shown).length; box.checked = true;"
        " const wrong = all.filter(el => shown(el) !== kept(el)).map(el => el.closest('.jp-Cell').id);"
        " const printed = all.filter(shown).length; box.checked = false;"
        " return {before, printed, wrong, kept: all.filter(kept).length, all: all.length}; })()", session)
    if code_cells is not None:
        if code_cells["before"]:
            problems.append(f"{name}: {code_cells['before']} code cells print with 'Print the code cells too' unticked")
        if code_cells["wrong"] or code_cells["printed"] != code_cells["kept"]:
            problems.append(f"{name}: with 'Print the code cells too', {code_cells['printed']} of {code_cells['all']} "
                            f"code cells print, {code_cells['kept']} expected; wrong: {code_cells['wrong'][:5]}")
    # The model answers stay out of the print unless "Print the model answers too" is ticked;
    # ticked, each prints whole, though on screen it is folded in its <details>.
    answers = browser.evaluate(
        "(() => { const box = document.getElementById('kit-print-answers'); if (!box) return null;"
        " const all = [...document.querySelectorAll('.jp-Cell.celltag_model-answer')];"
        " const inside = [...document.querySelectorAll('details.kit-answer > :not(summary)')];"
        " const seen = list => list.filter(el => el.getClientRects().length > 0).length;"
        " const hidden = seen(all); box.checked = true; const shown = seen(all); const opened = seen(inside);"
        " box.checked = false; return [hidden, shown, all.length, opened, inside.length]; })()", session)
    if answers is not None and (answers[0] != 0 or answers[1] != answers[2] or answers[3] != answers[4]):
        problems.append(f"{name}: model answers in print: {answers[0]} of {answers[2]} shown unticked, "
                        f"{answers[1]} ticked, {answers[3]} of {answers[4]} folded parts printed")
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}, session)
    if SHOTS and name != "index.html":  # the handout as the browser prints it (A4), for a person to check
        pdf = browser.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                "preferCSSPageSize": True}, session)
        (SCREENSHOTS / f"{Path(name).stem}.pdf").write_bytes(base64.b64decode(pdf["data"]))

    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert", "warning"}:
            texts = [a.get("value") or a.get("description") for a in params.get("args", [])]
            problems.append(f"{name}: console {params['type']}: {texts}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"{name}: exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"]["level"] in {"error", "warning"}:
            problems.append(f"{name}: console {params['entry']['level']}: {params['entry']['text']}")
        elif method == "Network.requestWillBeSent":
            request = params["request"]["url"]
            if not (request.startswith(base) or request.startswith("data:")):
                problems.append(f"{name}: requested {request[:100]} (not part of the site)")
        elif method == "Network.loadingFailed":
            problems.append(f"{name}: request failed: {params.get('errorText')}")
        elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
            problems.append(f"{name}: {params['response']['status']} for {params['response']['url']}")

    if screen["lang"] != "en" or not screen["title"]:
        problems.append(f"{name}: missing lang or title")
    for image in screen["images"]:
        if not image["loaded"]:
            problems.append(f"{name}: image {image['src']} did not load")
        if not (image["alt"] or "").strip() or image["alt"].strip().lower() in checks.MEANINGLESS_ALT:
            problems.append(f"{name}: image {image['src']} has alt {image['alt']!r}")
    levels = [level for level, _ in screen["headings"]]
    if not levels:
        problems.append(f"{name}: no headings")
    problems += [f"{name}: {p}" for p in checks.heading_problems(levels)]
    for fail in screen["contrast"]:
        problems.append(f"{name}: contrast {fail['ratio']} < {fail['needed']} for {fail['tag']}.{fail['cls']} "
                        f"{fail['text']!r} ({fail['color']} on {fail['background']})")
    for link in screen["links"]:
        if link.startswith(base):
            path = unquote(urlsplit(link).path).lstrip("/")
            if not (site / path).is_file():
                problems.append(f"{name}: link to {link} leads nowhere")
    if printed["prompts"] or printed["nav"]:
        problems.append(f"{name}: prompts or navigation visible in print")
    if printed["code"] or printed["emptyOutputs"]:
        problems.append(f"{name}: code cells or empty outputs visible in print")
    for element in printed["tooWide"]:
        problems.append(f"{name}: printed, {element!r} is wider than the paper")
    for image in printed["images"]:
        if image["breakInside"] != "avoid":
            problems.append(f"{name}: a chart may be split across printed pages")
    return problems
