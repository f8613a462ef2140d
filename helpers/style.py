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

#: Outline and hatching colour for bars: dark grey, so hatching shows on every fill.
EDGE: str = "#333333"

FIGSIZE: tuple[float, float] = (8.0, 4.0)
DPI: int = 100


def speaker_colour(speaker: str, order: int = 0) -> str:
    """The colour for a speaker: the fixed one for Kelly and Stalin, else the palette by order."""
    return SPEAKER_COLOURS.get(speaker, OKABE_ITO[order % len(OKABE_ITO)])


def speaker_hatch(speaker: str, order: int = 0) -> str:
    """The hatching for a speaker: fixed for the cable's two, else cycling by order."""
    hatches = ("", "//", "..", "xx", "\\\\", "++")
    return SPEAKER_HATCHES.get(speaker, hatches[order % len(hatches)])


def speaker_styles(speakers: list[str]) -> dict[str, tuple[str, str]]:
    """Colour and hatching for each of ``speakers``, all different (up to six speakers).

    Kelly and Stalin keep their fixed colours; any other speaker gets the next Okabe-Ito colour
    not already used, skipping yellow (too pale on white) and black (kept for lines and text).
    Hatchings cycle the same way, so each speaker differs in grey print too.
    """
    fixed = {s: SPEAKER_COLOURS[s] for s in speakers if s in SPEAKER_COLOURS}
    spare = [c for c in OKABE_ITO if c not in fixed.values() and c not in ("#F0E442", "#000000")]
    hatches = ["", "//", "..", "xx", "\\\\", "++", "--", "oo"]
    used_hatches = {SPEAKER_HATCHES[s] for s in fixed}
    spare_hatches = [h for h in hatches if h not in used_hatches]
    out: dict[str, tuple[str, str]] = {}
    for s in speakers:
        if s in fixed:
            out[s] = (fixed[s], SPEAKER_HATCHES[s])
        else:
            i = len([k for k in out if k not in fixed])
            out[s] = (spare[i % len(spare)], spare_hatches[i % len(spare_hatches)])
    return out


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


class Chart:
    """A chart ready for a notebook: the PNG, plus its plain-language description.

    In Jupyter it displays as the PNG, with the description in the output's metadata as
    ``{"image/png": {"alt": ...}}`` and as its ``text/plain`` form, so a screen reader, a
    printout and nbval all get the same words. (nbconvert's default "lab" HTML template ignores
    that metadata; the kit's site template in ``tools/site/`` writes it into ``<img alt=...>``.) The PNG is written without
    software metadata so that the stored output stays byte-identical between runs.
    """

    def __init__(self, figure: Figure, description: str) -> None:
        self.figure = figure
        self.description = description

    def png(self) -> bytes:
        """The chart as PNG bytes (no timestamp or version metadata)."""
        import io

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        import base64

        data = {
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.description,
        }
        metadata = {"image/png": {"alt": self.description}}
        return data, metadata

    def __repr__(self) -> str:
        return self.description
