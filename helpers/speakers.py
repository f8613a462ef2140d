"""From labels as written to canonical speakers.

A transcript writes its speakers as it likes: the cable has both ``Sir D. Kelly`` and
``Sir. D. Kelly``; a White House transcript has ``PRESIDENT BIDEN`` and ``THE PRESIDENT``. A
*speaker file* maps labels to one canonical speaker each, and optionally a side:

.. code-block:: text

    label,speaker,side
    Sir D. Kelly,Kelly,British
    Sir. D. Kelly,Kelly,British
    Stalin,Stalin,Soviet

Labels are matched after folding case and white space, so ``STALIN`` matches ``Stalin`` (a
colon copied with the label, ``Stalin:``, is dropped). A label the file does not list (or every
label, without a file) becomes its own speaker: the label with white space folded, in title
case if it was written in capitals, so ``PRESIDENT BIDEN`` and ``President Biden`` are one
speaker and ``Sir D. Kelly`` and ``Sir. D. Kelly`` are two.

A row whose speaker is ``-`` says the label is **not a speaker** (:data:`NOT_A_SPEAKER`): a
header field the parser took for one, such as ``HEADLINE`` or ``WITNESS``. The parser never
reads it as a label; a paragraph it opens is header or narration.

.. code-block:: text

    label,speaker
    HEADLINE,-
    WITNESS,-

A transcript ``NAME.txt`` picks up ``NAME.speakers.csv`` beside it by itself.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError

__all__ = ["Alias", "SpeakerMap", "default_speaker", "fold", "load_speakers", "sidecar"]


@dataclass(frozen=True)
class Alias:
    """One row of a speaker file."""

    label: str
    speaker: str
    side: str | None = None


#: The speaker of a speaker-file row whose label is not a speaker (``HEADLINE,-``).
NOT_A_SPEAKER = "-"


def fold(label: str) -> str:
    """A label with case, white space and commas folded, for matching (``CARI, WEISS`` is
    ``CARI WEISS``)."""
    return " ".join(label.replace("\u00a0", " ").replace(",", " ").split()).casefold()


# A surname prefix written in small letters inside a name in capitals: McGEE, MacARTHUR, DeGAULLE.
_PREFIX = re.compile(r"\b(Mc|Mac|De|La)(?=[^\W\d_])")


def default_speaker(label: str) -> str:
    """The canonical name of a label no speaker file lists.

    A label in capitals is written in title case, a surname's prefix included: ``MR. McGEE``
    is ``Mr. McGee``, like ``Mr. McGee`` written so, and ``GENERAL MacARTHUR`` is ``General
    MacArthur``. A label of two or three capital letters alone is initials and stays so (``RN``,
    ``HAK``).
    """
    name = " ".join(label.replace("\u00a0", " ").split())
    if len(name) <= 3 and name.isalpha() and name.isupper():
        return name  # initials, "RN" or "HAK", as some minutes label their speakers
    if len(name) > 1 and _PREFIX.sub("", name).isupper():
        name = " ".join(_title(word) for word in name.split(" "))
    return name


def _title(word: str) -> str:
    m = _PREFIX.match(word)
    if m and word[m.end():].isupper():
        return m.group(1) + word[m.end():].title()
    return word.title()


def sidecar(source: str | Path) -> Path:
    """Where a transcript's own speaker file would be: ``NAME.speakers.csv`` beside ``NAME.txt``."""
    path = Path(source)
    return path.with_name(path.stem + ".speakers.csv")


def load_speakers(path: str | Path) -> list[Alias]:
    """Read a speaker file (CSV with columns ``label``, ``speaker`` and optionally ``side``).

    Raises :class:`helpers.DataFileError` naming the line of a bad row.
    """
    return _read_speakers(path)[0]


def _read_speakers(path: str | Path) -> tuple[list[Alias], bytes | None]:
    """:func:`load_speakers`'s rows and the file's bytes, read once (a corpus run hashes them
    too); the bytes are ``None`` when the file was read the slow way (see below)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        # the file cannot be read, or is not UTF-8: read it as before, which raises the error
        # it always raised (one that names the line it got to, for a long file)
        return _parse_speakers(path), None
    return _parse_speakers(path, text), data


def _parse_speakers(path: str | Path, text: str | None = None) -> list[Alias]:
    """The rows of the speaker file ``path``; from ``text``, its decoded content, when given
    (read as ``open(path, encoding="utf-8-sig", newline="")`` reads the file: the same lines)."""
    name = str(path)
    try:
        with (open(path, encoding="utf-8-sig", newline="") if text is None
              else io.StringIO(text, newline="")) as handle:
            reader = csv.DictReader(handle)
            missing = {"label", "speaker"} - set(reader.fieldnames or [])
            if missing:
                raise DataFileError(
                    "a speaker file needs the columns label and speaker "
                    f"(missing: {', '.join(sorted(missing))})", name, 1)
            aliases = []
            for row in reader:
                # "PRESIDENT BIDEN:" copied with its colon is the label PRESIDENT BIDEN
                label = (row.get("label") or "").strip().removesuffix(":").strip()
                speaker = (row.get("speaker") or "").strip()
                if not label or not speaker:
                    raise DataFileError("every row needs a label and a speaker", name,
                                        reader.line_num)
                aliases.append(Alias(label, speaker, (row.get("side") or "").strip() or None))
    except OSError as exc:
        raise DataFileError(f"cannot read the speaker file ({exc.strerror or exc})", name) from None
    except UnicodeDecodeError:
        raise DataFileError("the speaker file is not UTF-8 text", name) from None
    except csv.Error as exc:
        raise DataFileError(f"the speaker file cannot be read as CSV ({exc})", name,
                              reader.line_num or 1) from None
    return aliases


class SpeakerMap:
    """Resolve labels to canonical speakers (and sides) with an optional list of aliases."""

    def __init__(self, aliases: list[Alias] | None = None) -> None:
        self.aliases = list(aliases or [])
        self._by_label = {fold(a.label): a for a in self.aliases}
        self._seen: dict[str, str] = {}
        self._as_written: dict[str, str] = {}  # label as written -> speaker (labels recur)
        self._sides: dict[str, str | None] = {}

    def speaker(self, label: str) -> str:
        known = self._as_written.get(label)
        if known is not None:
            return known
        key = fold(label)
        alias = self._by_label.get(key)
        if alias is not None:
            name = alias.speaker
        else:
            if key not in self._seen:
                self._seen[key] = default_speaker(label)
            name = self._seen[key]
        self._as_written[label] = name
        return name

    def side(self, speaker: str) -> str | None:
        if speaker in self._sides:
            return self._sides[speaker]
        found = next((a.side for a in self.aliases if a.speaker == speaker and a.side), None)
        self._sides[speaker] = found
        return found
