"""What must not be published: pages that fetch from the network, images without a
description, skipped heading levels. Used by the build, the tests and ``tools/rerun.py``."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .common import SiteError

#: Alt texts that describe nothing: a chart needs its generated description instead.
MEANINGLESS_ALT = {
    "",
    "image",
    "chart",
    "figure",
    "plot",
    "graph",
    "png",
    "no description has been provided for this image",
}
#: Elements and attributes that make a browser fetch something while the page loads.
FETCHING = {
    "script": "src",
    "link": "href",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "object": "data",
    "input": "src",
}
NETWORK_URL = re.compile(r"""(?i)(?:^|["'(\s,])(?:https?:)?//""")
CSS_NETWORK = re.compile(r"""(?i)(?:@import\s+(?:url\()?\s*["']?|url\(\s*["']?)(?:https?:)?//""")


def network_fetches(soup: BeautifulSoup) -> list[str]:
    """Everything in a page that would be fetched from the network while it loads."""
    found = []
    for tag, attribute in FETCHING.items():
        for element in soup.find_all(tag):
            value = element.get(attribute) or ""
            if tag == "link" and not set(element.get("rel") or []) & {
                "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "shortcut"
            }:
                continue
            if NETWORK_URL.match(value.strip()) or value.strip().lower().startswith(("http:", "https:", "//")):
                found.append(f"<{tag} {attribute}={value[:80]!r}>")
            for candidate in (element.get("srcset") or "").split(","):
                if candidate.strip().lower().startswith(("http:", "https:", "//")):
                    found.append(f"<{tag} srcset={candidate.strip()[:80]!r}>")
    for style in soup.find_all("style"):
        for match in CSS_NETWORK.finditer(style.get_text()):
            found.append(f"<style> {style.get_text()[match.start():match.start() + 80]!r}")
    for element in soup.find_all(style=True):
        if CSS_NETWORK.search(element["style"]):
            found.append(f"<{element.name} style={element['style'][:80]!r}>")
    return found


def image_alt_problems(soup: BeautifulSoup) -> list[tuple[BeautifulSoup, str]]:
    """Images whose alt text is missing or says nothing ("Image", nbconvert's default)."""
    problems = []
    for img in soup.find_all("img"):
        alt = img.get("alt")
        if alt is None:
            problems.append((img, "no alt text"))
        elif alt.strip().lower() in MEANINGLESS_ALT:
            problems.append((img, f"alt text {alt!r}, which describes nothing"))
    return problems


def heading_problems(levels: list[int]) -> list[str]:
    """Skipped heading levels: the page starts at h1 and never goes down more than one level."""
    problems = []
    previous = 0
    for position, level in enumerate(levels, start=1):
        if level > previous + 1:
            problems.append(f"heading {position} is h{level} after " + (f"h{previous}" if previous else "the start of the page"))
        previous = level
    return problems


def heading_levels(soup: BeautifulSoup) -> list[tuple[int, str]]:
    return [(int(h.name[1]), h.get_text(" ", strip=True)) for h in soup.find_all(re.compile(r"^h[1-6]$"))]


def check_page(soup: BeautifulSoup, page: str, cells: dict[str, str] | None = None) -> None:
    """Fail loudly if a page would fetch from the network or shows an image without a description."""
    problems = [f"{page}: loads {what} from the network" for what in network_fetches(soup)]
    for img, why in image_alt_problems(soup):
        cell = img.find_parent(id=re.compile(r"^cell-id="))
        where = (cells or {}).get(cell["id"], cell["id"]) if cell else page
        problems.append(f"{where}: image has {why}")
    if problems:
        raise SiteError("\n".join(problems))


