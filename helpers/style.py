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

from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["COLOUR_NAMES", "DPI", "EDGE", "FIGSIZE", "MARKER_NAMES", "OKABE_ITO", "Chart",
           "SpeakerStyle", "finish_axes", "new_figure", "speaker_styles"]

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


class SpeakerStyle(NamedTuple):
    """How one speaker is drawn: a fill colour, a hatching for bars, a marker for dots."""

    colour: str
    hatch: str
    marker: str

    def words(self) -> str:
        """The marks in plain words, for a description: ``"blue circles"``."""
        return f"{COLOUR_NAMES.get(self.colour, 'coloured')} {MARKER_NAMES.get(self.marker, 'marks')}"


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
    state is touched. Return the Figure; Jupyter draws it once as PNG.
    """
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def finish_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Title and label an Axes in the kit's style (every chart has all three)."""
    ax.set_title(title, loc="left", fontsize=12)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)


class Chart:
    """A chart ready for a notebook: the PNG, plus its plain-language description.

    In Jupyter it displays as the PNG, with the description in the output's metadata as
    ``{"image/png": {"alt": ...}}`` and as its ``text/plain`` form, so a screen reader, a
    printout and nbval all get the same words. (nbconvert's default "lab" HTML template ignores
    that metadata; the kit's site template in ``tools/site/`` writes it into ``<img alt=...>``.)
    The PNG is written without software metadata so that the stored output stays byte-identical
    between runs.
    """

    def __init__(self, figure: Figure, description: str) -> None:
        self.figure = figure
        self.description = description

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
