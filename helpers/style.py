"""One chart style for the whole kit: colour-blind safe, readable in grey.

Colours come from the Okabe-Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which
stays distinguishable for the common forms of colour blindness. Each speaker also has a
hatching (for bars) and a marker shape (for dots), so a chart printed in grey still tells them
apart. :func:`speaker_styles` gives every speaker of a record a style of its own, in order of
first speaking; a caller may fix some speakers' styles (the course fixes its two speakers').
"""
from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["COLOUR_NAMES", "DPI", "EDGE", "FIGSIZE", "FONT", "HATCH_NAMES", "LINE_NAMES",
           "LINE_STYLES",
           "MARKER_NAMES", "MIN_PRINT_POINTS", "OKABE_ITO", "PRINT_WIDTH_CM", "SMALL_FONT",
           "TITLE_FONT", "Chart", "SpeakerStyle", "finish_axes", "new_figure", "print_scale",
           "speaker_styles"]

#: Okabe-Ito palette, in its usual order.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)
#: Plain names of the colours, for descriptions ("blue circles").
COLOUR_NAMES: dict[str, str] = {
    "#E69F00": "orange", "#56B4E9": "sky-blue", "#009E73": "green", "#F0E442": "yellow",
    "#0072B2": "blue", "#D55E00": "red-orange", "#CC79A7": "pink", "#000000": "black",
}
#: Plain names of the marker shapes, for descriptions.
MARKER_NAMES: dict[str, str] = {"o": "circles", "s": "squares", "^": "triangles", "D": "diamonds",
                                "v": "downward triangles", "P": "crosses"}
#: Plain names of the hatchings of bars, for descriptions: a grey print shows the pattern.
HATCH_NAMES: dict[str, str] = {"": "plain", "//": "with diagonal stripes", "..": "dotted",
                               "xx": "cross-hatched", "\\\\": "with back-slanted stripes",
                               "++": "with a grid of crosses", "--": "with horizontal stripes",
                               "oo": "with small rings"}
#: Plain names of line styles, for descriptions.
LINE_NAMES: dict[str, str] = {"-": "solid", "--": "dashed", "-.": "dash-dotted", ":": "dotted"}
#: The line style of each speaker's line (a running total), in order of first speaking.
LINE_STYLES: tuple[str, ...] = ("-", "--", "-.", ":")

#: Speakers in order of first speaking take these colours: dark and light alternate, so that
#: neighbours differ in lightness for grey print; yellow (too pale on white) and black (kept
#: for lines and text) are left out.
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
_HATCHES = ("", "//", "..", "xx", "\\\\", "++", "--", "oo")
_MARKERS = ("o", "s", "^", "D", "v", "P")

#: Outline and hatching colour for bars: dark grey, so hatching shows on every fill.
EDGE: str = "#333333"

#: The size of a chart, in inches (width, height), unless a chart says otherwise.
FIGSIZE: tuple[float, float] = (8.0, 4.0)
#: Pixels per inch of the PNG a chart becomes.
DPI: int = 100
#: The text width a chart is printed at, in centimetres: A4 with 2.5 cm margins (16 cm) is
#: the narrower of A4 and US Letter (16.5 cm with 1 inch margins).
PRINT_WIDTH_CM: float = 16.0
#: The smallest chart text, in points, once the chart is printed at :data:`PRINT_WIDTH_CM`.
MIN_PRINT_POINTS: float = 9.0
#: Font sizes (points at the figure's own size) for an 8-inch-wide chart: printed 16 cm wide,
#: 8 inches shrink to 0.79, so the smallest text, :data:`SMALL_FONT`, prints at 9 points.
FONT: float = 12.0
#: Value labels, legends and notes on the chart.
SMALL_FONT: float = 11.5
#: Chart titles.
TITLE_FONT: float = 13.0


class SpeakerStyle(NamedTuple):
    """How one speaker is drawn: a fill colour, a hatching for bars, a marker for dots."""

    colour: str
    hatch: str
    marker: str

    def words(self) -> str:
        """The marks in plain words, shape first (a grey print keeps the shape, not the hue):
        ``"circles (blue)"``."""
        return f"{MARKER_NAMES.get(self.marker, 'marks')} ({COLOUR_NAMES.get(self.colour, 'coloured')})"

    def bar_words(self) -> str:
        """The bars in plain words, pattern first: ``"plain bars (blue)"``,
        ``"bars with diagonal stripes (orange)"``."""
        pattern = HATCH_NAMES.get(self.hatch, "patterned")
        bars = "plain bars" if pattern == "plain" else f"bars {pattern}"
        return f"{bars} ({COLOUR_NAMES.get(self.colour, 'coloured')})"


def speaker_styles(speakers: Sequence[str],
                   fixed: Mapping[str, SpeakerStyle] | None = None) -> dict[str, SpeakerStyle]:
    """A style for each of ``speakers``, all different (up to six speakers).

    A speaker in ``fixed`` keeps the style given there; the others take, in order, the colours,
    hatchings and markers not already used.
    """
    fixed = {s: fixed[s] for s in speakers if fixed and s in fixed}
    colours = [c for c in _COLOURS if c not in {f.colour for f in fixed.values()}]
    hatches = [h for h in _HATCHES if h not in {f.hatch for f in fixed.values()}]
    markers = [m for m in _MARKERS if m not in {f.marker for f in fixed.values()}]
    out: dict[str, SpeakerStyle] = {}
    i = 0
    for s in speakers:
        if s in fixed:
            out[s] = fixed[s]
        else:
            out[s] = SpeakerStyle(colours[i % len(colours)], hatches[i % len(hatches)],
                                  markers[i % len(markers)])
            i += 1
    return out


def new_figure(width: float = FIGSIZE[0], height: float = FIGSIZE[1]) -> Figure:
    """A fresh matplotlib Figure that is not registered with pyplot.

    Charts built on it are pure: nothing is shown twice in a notebook and no global pyplot
    state is touched. Return the Figure; Jupyter draws it once as PNG. The kit's charts are at
    most :data:`FIGSIZE` wide, so that their text (:data:`FONT`, :data:`SMALL_FONT`) prints at
    :data:`MIN_PRINT_POINTS` or more (:func:`print_scale`).
    """
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def print_scale(figure: Figure) -> float:
    """How much a figure shrinks (or grows) when it is printed :data:`PRINT_WIDTH_CM` wide."""
    return PRINT_WIDTH_CM / (figure.get_figwidth() * 2.54)


def finish_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Title and label an Axes in the kit's style (every chart has all three), with the
    kit's font sizes for every label and tick."""
    ax.set_title(title, loc="left", fontsize=TITLE_FONT)
    ax.set_xlabel(xlabel, fontsize=FONT)
    ax.set_ylabel(ylabel, fontsize=FONT)
    ax.tick_params(axis="both", labelsize=FONT)
    ax.spines[["top", "right"]].set_visible(False)


class Chart:
    """A chart ready for a notebook: the PNG, plus its plain-language description, and the
    table of the numbers it draws (``table``: to show beside it, for a reader who cannot see
    the picture or wants the exact values).

    In Jupyter it displays as the PNG, with the description in the output's metadata as
    ``{"image/png": {"alt": ...}}`` and as its ``text/plain`` form, so a screen reader, a
    printout and nbval all get the same words. (nbconvert's default "lab" HTML template ignores
    that metadata; the kit's site template in ``tools/site/`` writes it into ``<img alt=...>``.)
    The PNG is written without software metadata so that the stored output stays byte-identical
    between runs.
    """

    def __init__(self, figure: Figure, description: str, table: pd.DataFrame | None = None) -> None:
        self.figure = figure
        self.description = description
        self.table = table

    def png(self) -> bytes:
        """The chart as PNG bytes (no timestamp or version metadata)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        data = {
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.description,
        }
        metadata = {"image/png": {"alt": self.description}}
        return data, metadata

    def __repr__(self) -> str:
        return self.description
