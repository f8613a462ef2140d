"""One chart style for the whole kit: colour-blind safe, readable in grey.

Colours come from the Okabe-Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which
stays distinguishable for the common forms of colour blindness. Kelly and Stalin also differ
in lightness and in hatching, so a chart printed in grey still tells them apart.
"""
from __future__ import annotations

from matplotlib.figure import Figure

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

#: Colours for the two speakers of the cable: dark blue (Kelly) and orange (Stalin) differ
#: in hue for colour vision and in lightness for grey print.
SPEAKER_COLOURS: dict[str, str] = {"Kelly": "#0072B2", "Stalin": "#E69F00"}
#: Hatching, a second cue that survives grey print.
SPEAKER_HATCHES: dict[str, str] = {"Kelly": "", "Stalin": "//"}

FIGSIZE: tuple[float, float] = (8.0, 4.0)
DPI: int = 100


def speaker_colour(speaker: str, order: int = 0) -> str:
    """The colour for a speaker: the fixed one for Kelly and Stalin, else the palette by order."""
    return SPEAKER_COLOURS.get(speaker, OKABE_ITO[order % len(OKABE_ITO)])


def speaker_hatch(speaker: str, order: int = 0) -> str:
    """The hatching for a speaker: fixed for the cable's two, else cycling by order."""
    hatches = ("", "//", "..", "xx", "\\\\", "++")
    return SPEAKER_HATCHES.get(speaker, hatches[order % len(hatches)])


def new_figure(width: float = FIGSIZE[0], height: float = FIGSIZE[1]) -> Figure:
    """A fresh matplotlib Figure that is not registered with pyplot.

    Charts built on it are pure: nothing is shown twice in a notebook and no global pyplot
    state is touched. Return the Figure; Jupyter draws it once as PNG.
    """
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return fig


def finish_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Title and label an Axes in the kit's style (every chart has all three)."""
    ax.set_title(title, loc="left", fontsize=12)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
