"""English and Markdown, the same everywhere: numbers, plurals, lists, dates, escaping.

Descriptions of charts and the notebooks' sentences are built with these helpers, so "1 turn"
and "2 turns", "Ann and Bob", "lines 32–38" and "24 August 1949" are written one way only.
Every function returns ``str``, except :func:`prose`, which returns the Markdown a notebook
shows.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when prose() is first called: writing a chart's words needs no IPython
    from IPython.display import Markdown

__all__ = ["blockquote", "duration_in_words", "escape_markdown", "join", "line_span",
           "long_date", "opening", "pct", "plural", "possessive", "prose", "what_the_chart_shows"]

#: Characters that Markdown would read as formatting; they are escaped with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def plural(n: int | float, word: str, plural_form: str | None = None) -> str:
    """``n`` and the word, in the plural unless ``n`` is 1.

    >>> plural(1, "turn"), plural(11, "turn"), plural(2, "person", "people")
    ('1 turn', '11 turns', '2 people')
    """
    return f"{n} {word}" if n == 1 else f"{n} {plural_form or word + 's'}"


def possessive(name: str) -> str:
    """``Kelly's``, but ``Reporters'``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def join(items: Iterable[object]) -> str:
    """A list in English: ``"A"``, ``"A and B"``, ``"A, B and C"``.

    >>> join([2, 3, 4])
    '2, 3 and 4'
    """
    parts = [str(i) for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def pct(x: float) -> str:
    """A share with one decimal and a percent sign: ``"80.0%"``."""
    return f"{x:.1f}%"


def line_span(first: int, last: int) -> str:
    """``"line 52"`` for one line, ``"lines 32–38"`` (en dash) for several."""
    return f"line {first}" if first == last else f"lines {first}–{last}"


def opening(text: str, words: int = 8) -> str:
    """The first ``words`` words of ``text``, with `` …`` when there are more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def long_date(day: date) -> str:
    """``date(1949, 8, 24)`` -> ``"24 August 1949"`` (British order, no leading zero)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def duration_in_words(delta: timedelta) -> str:
    """A length of time in words: ``"15 hours 11 minutes"``, ``"1 hour"``, ``"25 minutes"``.

    Whole minutes (seconds are dropped). A negative length reads ``"minus 2 hours 39 minutes"``:
    the second time came before the first.
    """
    seconds = int(delta.total_seconds())
    sign = "minus " if seconds < 0 else ""
    days, rest = divmod(abs(seconds) // 60, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [plural(n, unit) for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n]
    return sign + (" ".join(parts) if parts else "0 minutes")


def escape_markdown(text: str) -> str:
    """``text`` with Markdown's formatting characters escaped, so it shows exactly as written.

    >>> escape_markdown("shewed [sic] *not* bold")
    'shewed \\\\[sic\\\\] \\\\*not\\\\* bold'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def blockquote(heading: str, text: str) -> str:
    """A Markdown blockquote: the bold ``heading``, then each paragraph of ``text`` (split at
    blank lines, white space folded, Markdown escaped)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = [f"> **{heading}**"]
    for para in paragraphs:
        lines += [">", "> " + escape_markdown(" ".join(para.split()))]
    return "\n".join(lines)


def prose(template: str, **values: object) -> "Markdown":
    """Markdown from ``template`` with computed ``values`` filled in (``str.format`` rules).

    The one way a notebook states a number in prose, so no figure is ever typed by hand.
    """
    from IPython.display import Markdown

    return Markdown(template.format(**values))


def what_the_chart_shows(chart: object) -> str:
    """A chart's description as Markdown to show under it, so it is visible, not only alt text.

    The first line of the description follows a bold "What the chart shows:"; each further
    line becomes a bullet. Markdown's formatting characters in the description are escaped.
    """
    description = str(getattr(chart, "description", chart))
    first, *rest = [line for line in description.splitlines() if line.strip()] or [""]
    lines = [f"**What the chart shows:** {escape_markdown(first)}"]
    if rest:
        lines.append("")
        lines += [f"- {escape_markdown(line)}" for line in rest]
    return "\n".join(lines)
