"""The model answers of the notebooks' exercises: each one folded, opened with one click.

A model answer is one code cell at the end of its notebook, tagged ``model-answer``, its code
hidden; its output is the whole answer, words and computed numbers together, inside an HTML
``<details>`` element whose ``<summary>`` names the exercise::

    ▸ Model answer: Try it 2, the gap in time

One click on that line opens the answer, rendered (JupyterLab, the handout site and GitHub
all render ``<details>``); a second click closes it. Every number in an answer is computed
here, from the cable, when the cell runs; the words are the kit's, checked like every other
prose of the notebooks (its quotations of the cable are verbatim: ``tests/course``).

:func:`answer` gives the answer to one exercise; :data:`TITLES` names every exercise.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import annotations as notes_lib
from .. import concordance, display, measures
from ..text import escape_markdown, long_date
from . import nb01, nb02, nb04
from .cable import is_the_cable

if TYPE_CHECKING:
    from .exercise import Exercises

__all__ = ["TITLES", "Answer", "answer", "table_html"]

#: Every exercise, by notebook and number: its title, as the notebook's "Try it" names it.
TITLES: dict[str, dict[int, str]] = {
    "01": {1: "cite a phrase", 2: "the gap in time", 3: "the silent", 4: "why a slip matters to a program"},
    "02": {1: "change the assumption", 2: "does one turn decide the picture?",
           3: "who asks the questions?", 4: "the unit matters"},
    "03": {1: "one phrase, two speakers", 2: "add your own note", 3: "improve the tagger",
           4: "the last two turns", 5: "\"Germany\""},
    "04": {1: "find Germany", 2: "change the assumptions", 3: "test the summary",
           4: "stage directions", 5: "days between"},
    "05": {1: "search the notes", 2: "where does a topic come up?", 3: "two orders of one opening",
           4: "one note beside the cable"},
}


def table_html(frame: pd.DataFrame, index: bool = True) -> str:
    """A table for an answer: HTML, on lines of its own, so that Markdown around it renders."""
    return "\n" + frame.to_html(index=index, border=0, na_rep=display.MISSING) + "\n"


class Answer:
    """One model answer: shown as a ``<details>`` element, closed, with the exercise as its summary."""

    def __init__(self, notebook: str, number: int, body: str) -> None:
        self.notebook = notebook
        self.number = number
        self.title = TITLES[notebook][number]
        self.body = body

    def summary(self) -> str:
        return f"Model answer: Try it {self.number}, {escape_markdown(self.title)}"

    def _repr_markdown_(self) -> str:
        return (f"<details>\n<summary><strong>{self.summary()}</strong> (click to open or close)"
                f"</summary>\n\n{self.body.strip()}\n\n</details>\n")

    def __repr__(self) -> str:
        return f"{self.summary()}\n\n{self.body.strip()}"


# ---- notebook 01 ------------------------------------------------------------------------------

def _01_1(ex: Exercises) -> str:
    places = nb01.phrase_places(ex.cable.source, ex.cable.blocks,
                                ["American forces", "Russian ladies", "Germany"], ex.cable.turns)
    return ("Each phrase, where it stands and who speaks there. Cite the cable by turn *and* line, "
            "so that another reader can find the words in the source file at once:\n\n" + places)


def _01_2(ex: Exercises) -> str:
    return ("The despatch time minus the meeting's start. Two cautions: the start is derived "
            "(from \"last night\"), and the header does not say in which time zone the despatch "
            "was noted. Either way, the record as we have it was sent the next day; whether it "
            "was written up that night or in the morning, from whatever notes were taken in the "
            "room, the cable does not say.\n\n"
            + nb01.time_between(ex.cable.metadata, "meeting_start", "despatched"))


def _01_3(ex: Exercises) -> str:
    vyshinsky = ex.person("Vyshinsky")
    text = getattr(vyshinsky, "data", str(vyshinsky))
    return ("After the first paragraph (line 30), where Kelly lists who came, the record names "
            "only one of the four silent people again: Vyshinsky. Kelly mentions him in his "
            "own turn 10 (line 58), as the minister Bevin had spoken to in Paris, and in his "
            "closing narration (line 64) he notes that Stalin replied \"without a single glance "
            "at Vyshinsky\": there Vyshinsky appears only as the man Stalin did not look at. Kelly "
            "offers this as a sign that Stalin \"had been following the conversations closely\" "
            "(and perhaps that he did not need his Foreign Minister's help). Harrison, Hayward and Pavlov are named once each, in "
            "that first paragraph; the interpreters spoke all the time, but the record gives "
            "their words only once, in turn 2 (\"His translator said\"). The certainty column "
            "says how sure the kit is who each one was:\n\n" + text + "\n\n"
            + nb01.room_summary(ex.cable))


def _01_4(ex: Exercises) -> str:
    return ("Without the speaker file, a program takes the two spellings of the label for two "
            "different people, and Kelly's first turn is counted for a speaker called \"Sir. D. "
            "Kelly\". The speaker file (`seeds/000_6ea7450cd42aaf9c.speakers.csv`) maps both "
            "labels to `Kelly`, so the counts in notebook 02 are right while the text stays as "
            "written:\n\n" + nb01.speaker_file_sentence(ex.cable))


# ---- notebook 02 ------------------------------------------------------------------------------

def _02_1(ex: Exercises) -> str:
    return nb02.rates_answer(ex.words, (150, 100), ex.factor, ex.duration)


def _02_2(ex: Exercises) -> str:
    text = nb02.without_turn_note(ex.turns, int(ex.turns["turn"].iloc[0]))
    if is_the_cable(ex.cable):
        text += (" One long opening, probably put together from Bevin's instructions (Kelly gives "
                 "\"the main lines of my general instructions\"), makes most of the difference "
                 "between the two men's shares.")
    return text


def _02_3(ex: Exercises) -> str:
    return nb02.questions_note(ex.cable)


def _02_4(ex: Exercises) -> str:
    return nb02.sentence_length_note(measures.per_speaker(ex.turns))


# ---- notebook 03 ------------------------------------------------------------------------------

def _03_1(ex: Exercises) -> str:
    hits = concordance.kwic_table(ex.turns, "assistance")
    return ("Kelly uses \"assistance\" in turn 1, asking for \"all possible assistance at the "
            "Ministry of Foreign Affairs\"; Stalin uses it in turn 2, promising the Ambassador "
            "\"all possible assistance\". Stalin answers Kelly's request in Kelly's own words, a "
            "courtesy that promises nothing in particular; Kelly comes back to the request in "
            "turn 10. The concordance, turn by turn:\n" + table_html(hits))


def _03_2(ex: Exercises) -> str:
    mine = notes_lib.add_note(ex.notes, turn=9, anchor="except in self-defense", topic="american_forces")
    verdict = notes_lib.check(ex.turns, mine, ex.topics, ex.glossary)
    return ("For example, the anchor \"except in self-defense\" with the topic `american_forces`. "
            f"The check answers \"{escape_markdown(verdict)}\": the note is valid. A wrong turn "
            "number, or a topic that is not on the list, gives a message that names the problem, "
            "and a topic's label instead of its id gets a sentence saying which id to write.")


def _03_3(ex: Exercises) -> str:
    pact = ex.try_keyword("atlantic_pact", "stabilizing factor")
    boredom = ex.try_keyword("atmosphere", "boredom")
    laughing = ex.try_keyword("atmosphere", "Laughing")
    questions = ex.changed("atmosphere", "questions")
    text_search = concordance.tag_turns(ex.turns, {"atmosphere": ["laughing", "pause", "translator"]},
                                        column="text")
    assert isinstance(pact, pd.DataFrame) and isinstance(boredom, pd.DataFrame)
    assert isinstance(laughing, pd.DataFrame)
    return (
        "**The Pact.** Adding \"stabilizing factor\" to the keywords of `atlantic_pact` turns the "
        "Pact in turn 8 from \"hand only\" into \"both\", and adds no false alarm (in turn 3, where "
        "Kelly first uses the phrase, the Pact was already found):\n"
        + table_html(pact) + table_html(ex.changed("atlantic_pact", "stabilizing factor"), index=False)
        + "\n**The atmosphere of turn 11.** The first thing to try, \"Laughing\", changes nothing: "
        "the laugh is a stage direction, \"(Laughing)\", and the tagger reads only the spoken words:\n"
        + table_html(laughing)
        + "\nA word Stalin *speaks* in turn 11 does make the tagger agree with the hand notes there. "
        "With \"boredom\" the atmosphere of turn 11 turns from \"hand only\" into \"both\": so yes, "
        "a keyword can do it, as a sharp reader finds.\n"
        + table_html(boredom) + table_html(ex.changed("atmosphere", "boredom"), index=False)
        + "\nBut look at what it found: the word \"boredom\", not the laugh. The tagger now agrees "
        "for a reason that has nothing to do with the atmosphere, and a keyword of the kind that "
        "turns up in other talk would bring false alarms: \"questions\" also tags Kelly's turn 10, "
        "where the hand notes see no atmosphere:\n"
        + table_html(questions, index=False)
        + "\nThe tone itself is not in the spoken words at all. A tagger that reads the `text` "
        "column instead (each turn exactly as the cable writes it, stage directions included) "
        "finds the laugh, the pause and the translator's aside, which shows that the choice of "
        "the text to count is itself a decision:\n"
        + table_html(text_search, index=False))


def _03_4(ex: Exercises) -> str:
    spans = notes_lib.topic_spans(ex.turns, ex.notes, ex.topics).set_index("label")
    return ("Kelly's turn 10 carries diplomatic access and, through \"in Paris\", Germany and the "
            "Paris conference; Stalin's turn 11 carries diplomatic access and the atmosphere. So "
            "Stalin's last turn closes diplomatic access and the atmosphere, while the Paris thread "
            "ends with Kelly in turn 10. The turn where each topic is last live, and who spoke it:\n"
            + table_html(spans[["closed_in", "closed_by"]]))


def _03_5(ex: Exercises) -> str:
    from . import nb03

    comparison = concordance.compare_tags(concordance.tag_turns(ex.turns, nb03.KEYWORDS), ex.hand)
    return ("\"Germany\" occurs twice in turn 1, where the hand notes give \"Germany and the Paris "
            "conference\", and once in turn 6, \"Ours are all directed exclusively against "
            "Germany\", where the hand notes give \"Soviet treaties with neighbouring countries\": "
            "Stalin is talking about his alliances, and Germany is his claim about their target. "
            "The tagger sees the word \"Germany\" and tags the Germany topic there instead:\n"
            + table_html(comparison[comparison["turn"] == 6].set_index("turn")))


# ---- notebook 04 ------------------------------------------------------------------------------

def _04_1(ex: Exercises) -> str:
    counts = concordance.kwic_counts(ex.turns, ["German*", "Paris"], by_speaker=True)
    return ("Germany is named by Kelly in turn 1 and by Stalin in turn 6. Kelly mentions Paris "
            "(turn 1, the Conference; turn 10, Bevin and Vyshinsky in Paris); Stalin never does: "
            "turn 10 is Kelly's too (two Kelly turns follow each other there, so the speakers do "
            "not simply alternate). Both men name Germany, but for different ends: Kelly as the "
            "common enemy of two wars, which both countries are determined \"never to allow\" "
            "to attack them again, Stalin as the sole target of the Soviet treaties:\n"
            + table_html(counts))


def _04_2(ex: Exercises) -> str:
    duration = ex.duration or 0.0
    return ("At slower rates the recorded words take longer, and with full interpreting they fill "
            "more of the 25 minutes, but they still fit. With a smaller interpreting factor (1.5) "
            "they leave more time over. The conclusion, that the length of the record is consistent "
            "with a full account of the speeches but cannot prove one, does not change; only the "
            "margin does. The point is that the "
            "conclusion rests on assumptions you can state and vary:\n\n"
            + nb04.speaking_time_sentence(ex.words, (100, 160), 2.0, duration).data + "\n\n"
            + nb04.speaking_time_sentence(ex.words, (100, 160), 1.5, duration).data)


def _04_3(ex: Exercises) -> str:
    table = ex.summary_words(["intention*", "British", "NATO"])
    assert isinstance(table, pd.DataFrame)
    return ("The counts alone look like partial support: \"intention\" and \"British\" are in the "
            "record too (though \"NATO\" is not: the speakers say \"the North Atlantic Pact\"). "
            "Who says them, and about what, tells otherwise. The only \"intention\" in the record is "
            "Stalin's, \"We have no intention of attacking anyone\": Soviet intentions, not "
            "British ones. \"British\" is said only in Kelly's opening, about the British people "
            "and the British government, never about the Pact. The cable is about the Pact as "
            "a whole and American forces in England, not British intentions within an alliance; "
            "the summary is a loose modern reading:\n" + table_html(table))


def _04_4(ex: Exercises) -> str:
    marked = display.stage_directions(ex.turns, only_marked=True)
    return ("Three turns have one: turn 2 (the translator's \"meaningless\"), turn 8 (\"After a "
            "pause\") and turn 11 (\"Laughing\"). All of them are in Stalin's turns, and all were "
            "written down by Kelly's side: Kelly records nothing of his own manner.\n"
            + table_html(marked))


def _04_5(ex: Exercises) -> str:
    signed = datetime.date(1949, 4, 4)
    day = nb04.event_day

    def when(text: str) -> str:
        return long_date(day(text))

    before = -nb04.days_from_meeting(signed)
    between = nb04.events_table()
    between = between[(between["days_from_meeting"] > -before) & (between["days_from_meeting"] < 0)]
    return ("The Pact was signed well before the meeting, in the spring, while the Berlin blockade "
            "was still on:\n\n" + nb04.days_sentence(signed).data + "\n\n"
            f"In between, the kit's time line (`data/events.csv`) has: the Berlin blockade lifted "
            f"({when('Berlin blockade lifted')}); the Pact approved by the House of Commons "
            f"({when('House of Commons approves')}) and the House of Lords "
            f"({when('House of Lords approves')}); the West German Basic Law promulgated and the "
            f"Paris session of the Council of Foreign Ministers opened ({when('session of the Council of Foreign Ministers opens')}), "
            f"a session that sat until {when('session of the Council of Foreign Ministers ends')}. "
            "The Treaty was still before the US Senate, which approved it three days after the "
            f"meeting ({when('Senate approves')}); and the Soviet memorandum against it "
            f"({when('Soviet memorandum on the North Atlantic Treaty')}) had come just before the signing. Stalin's \"I am not "
            "frightened by the pact\" was said after the blockade had ended and the Paris session "
            f"had met, and before the Pact came into force. The events of those {before} days (their "
            "sources are in the time line of the closing synthesis, from `data/events.csv`):\n"
            + table_html(between[["date", "event"]], index=False))


# ---- notebook 05 ------------------------------------------------------------------------------

def _05_1(ex: Exercises) -> str:
    from . import witnesses as wt

    found = display.for_reading(wt.search(ex.witnesses, "Saturday"), index="note")
    return ("Two documents: Kirk's account of Kelly's audience and Kirk's letter about his own. "
            "Both answers came on a Saturday, for the Monday night after it, and Kirk was told to be "
            "at the Kremlin gate at 10 p.m., Kelly's hour: a similar procedure. But the two "
            "requests differed. Kelly's \"tentative suggestion\" of a call had met a \"decidedly "
            "cool\" response from Vyshinsky, and the appointment came \"to his surprise\"; Kirk "
            "asked for his on Monday 8 August, a call he thought the Kremlin expected (a call was \"pretty "
            "well indicated\"), and he saw \"no special significance\" in how soon it was "
            "granted. Two cases cannot show a routine, nor rule out a special favour:\n"
            + table_html(found[["document", "date", "note_text"]]))


def _05_2(ex: Exercises) -> str:
    from . import witnesses as wt

    return ("Reconstruction comes up much earlier in Kirk's account than in Kelly's record. "
            "Diplomatic access (Kelly's request for real talks at the Ministry) is in Kelly's "
            "record but not in the part of Kirk's telegram the kit has: that tells us Kirk did not "
            "put it among his points as far as the kit can read them, not that Kelly never "
            "mentioned it to him.\n\n"
            + wt.position_sentence(ex.witnesses, "reconstruction_trade") + "\n\n"
            + wt.position_sentence(ex.witnesses, "diplomatic_access"))


def _05_3(ex: Exercises) -> str:
    from . import witnesses as wt

    return ("In Kirk's account Kelly had already raised reconstruction and trade (his point (1)), "
            "Germany and coexistence (his point (2)) when Stalin broke in at the assurance of no "
            "aggression. The cable puts reconstruction and Germany *after* that assurance. So the "
            "cable's text cannot tell us how much Kelly still had to say when Stalin broke in: "
            "counting the cable's words after the assurance would measure the cable's order, not "
            "Kirk's. The two accounts share most subjects of the opening, not all of them (Kirk's "
            "notes before the interruption have neither the request for access at the Ministry nor "
            "Paris, and his Germany is the past, the \"two wars against Germany\" fought side "
            "by side, not Kelly's resolve for the future), and they differ on their order. "
            "Every subject of Kelly's opening, in both orders:\n"
            + table_html(display.for_reading(wt.opening_orders(ex.witnesses))))


def _05_4(ex: Exercises) -> str:
    from . import witnesses as wt

    beside = wt.point_beside_turn(ex.witnesses, "k16")
    return ("In the cable Kelly compares the Pact with the Soviet treaties in turn 3 (and again, "
            "more briefly, in turn 5), before "
            "Stalin asks about American forces (turn 8); in Kirk's account the comparison comes "
            "after that question, in his point (4). Two tellings by the same man put the argument "
            "in a different order:\n" + table_html(beside[["source", "where"]]))


_ANSWERS: dict[tuple[str, int], Callable[[Any], str]] = {
    ("01", 1): _01_1, ("01", 2): _01_2, ("01", 3): _01_3, ("01", 4): _01_4,
    ("02", 1): _02_1, ("02", 2): _02_2, ("02", 3): _02_3, ("02", 4): _02_4,
    ("03", 1): _03_1, ("03", 2): _03_2, ("03", 3): _03_3, ("03", 4): _03_4, ("03", 5): _03_5,
    ("04", 1): _04_1, ("04", 2): _04_2, ("04", 3): _04_3, ("04", 4): _04_4, ("04", 5): _04_5,
    ("05", 1): _05_1, ("05", 2): _05_2, ("05", 3): _05_3, ("05", 4): _05_4,
}


def answer(ex: Exercises, number: int) -> Answer:
    """The model answer to Try it ``number`` of ``ex``'s notebook, computed now, folded."""
    key = (ex.notebook, int(number))
    if key not in _ANSWERS:
        known = ", ".join(str(n) for nb, n in _ANSWERS if nb == ex.notebook)
        raise ValueError(f"notebook {ex.notebook} has no Try it {number}: its exercises are {known}")
    return Answer(ex.notebook, int(number), _ANSWERS[key](ex))
