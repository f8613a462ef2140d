"""Answer checks: a student types an answer and hears back, in one sentence, right or where to look.

Where an exercise's answer is a number, a turn, a line or a name, the notebook has a cell
tagged ``answer-check`` under the exercise::

    from helpers.course import exercise
    exercise.check("02-1", "")   # type your answer between the quotation marks

The right answers are not in this file: each is kept as a salted SHA-256 hash of its
normalised form (:func:`normalise`), so reading the file does not give it away (a determined
reader could still try numbers one by one: the check is for learning, not for marks). Where
the evidence supports more than one answer, each is accepted (``right``, or ``also`` with a
sentence saying how it reads the question). A few common wrong answers are kept the same way,
each with a hint. ``tests/course/test_checks.py`` computes the answers from the cable and the
kit's data, as the notebooks do, and checks every verdict.

Kinds of answer, and how one is read (:func:`normalise`):

- ``number``: the first number in the answer, to one decimal place ("18.5 minutes" is 18.5;
  "about 105 days" is 105);
- ``numbers``: every whole number in it, in any order ("turns 1 and 6", "6, 1");
- ``duration``: hours and minutes ("15 hours 11 minutes", "15:11", "15 h 11") as minutes;
- ``word``: the answer's letters, in small letters ("Stalin.", "stalin").

To add a check, give the question an entry in :data:`QUESTIONS` with :func:`answer_hash`
(``python -m helpers.course.checks QUESTION KIND SALT ANSWER`` prints it).
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass

__all__ = ["KINDS", "QUESTIONS", "Question", "answer_hash", "normalise", "verdict"]

#: The kinds of answer a check reads.
KINDS: tuple[str, ...] = ("number", "numbers", "duration", "word")


@dataclass(frozen=True)
class Question:
    """One checked answer: its kind, salt and hashes, what to type, and where to look again."""

    kind: str
    salt: str
    right: tuple[str, ...]
    asks: str
    where: str
    wrong: tuple[tuple[str, str], ...] = ()
    then: str = ""
    #: Other answers the evidence supports, each hash with a sentence on how it reads the question.
    also: tuple[tuple[str, str], ...] = ()


_NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)?")
#: Numbers a student may write in words ("three"): read as figures before the answer is hashed.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def figures(text: str) -> str:
    """``text`` with the numbers written in words, zero to twenty, as figures ("three" -> "3")."""
    return _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS.index(m.group(1).lower())), text)


def normalise(kind: str, answer: object) -> str | None:
    """The answer in the one form that is hashed, or ``None`` when it has nothing of that kind."""
    if isinstance(answer, (list, tuple, set)):
        answer = " ".join(str(a) for a in answer)
    text = str(answer).strip() if answer is not None else ""
    if kind == "word":
        letters = re.sub(r"[^a-z]", "", text.casefold())
        return letters or None
    text = figures(text)
    numbers = [float(n.replace("−", "-").replace(",", ".")) for n in _NUMBER.findall(text)]
    if not numbers:
        return None
    if kind == "number":
        return f"{round(numbers[0], 1):g}"
    if kind == "numbers":
        return ",".join(str(n) for n in sorted({int(abs(x)) for x in numbers}))
    if kind == "duration":
        if ":" in text and len(numbers) >= 2:
            hours, minutes = numbers[0], abs(numbers[1])
        elif len(numbers) >= 2:
            hours, minutes = numbers[0], numbers[1]
        elif re.search(r"\bh(?:ours?|rs?)?\b", text.casefold()):
            hours, minutes = numbers[0], 0.0
        else:
            hours, minutes = 0.0, numbers[0]
        return f"{int(round(hours * 60 + minutes))}"
    raise ValueError(f"unknown kind of answer {kind!r}: use one of {', '.join(KINDS)}")


def answer_hash(question: str, kind: str, salt: str, answer: object) -> str:
    """The salted hash of one answer to ``question`` (16 hex digits)."""
    form = normalise(kind, answer)
    if form is None:
        raise ValueError(f"{answer!r} has no {kind} in it")
    return hashlib.sha256(f"{salt}:{question}:{form}".encode("utf-8")).hexdigest()[:16]


#: The checked questions, by notebook and exercise ("02-1": notebook 02, Try it 1).
QUESTIONS: dict[str, Question] = {
    "01-1": Question(
        "number", "078b0155", ("7a05ff59f886b0d4",),
        "the number of the turn where Stalin asks about American forces, like `3`",
        "Look again at the column `where` of the table for \"American forces\": it names the turn.",
        then="Cite it by turn and line: the line is the table's first column."),
    "01-2": Question(
        "duration", "b730ddf5", ("1793ba706fd5ecfb",),
        "the time from the meeting's start to the despatch, like `3 hours 20 minutes`",
        "Set FROM to \"meeting_start\" and TO to \"despatched\", run the cell, and read the "
        "time in bold.",
        wrong=(("640dd026ce0b60df", "That is the time from despatch to receipt, the cell as it "
                "was: change FROM and TO first."),)),
    "01-3": Question(
        "numbers", "0038bf91", ("1fe96a6f1a8d5a2c",),
        "the lines, after line 30, where the record names Vyshinsky, like `40, 50`",
        "Run the cell with \"Vyshinsky\" and read the lines of the list it prints; leave out "
        "line 30, the first paragraph.",
        wrong=(("3cdfe9b4fbf74e12", "Line 30 is the first paragraph, where Kelly lists who was "
                "there: the question asks for the lines after it."),)),
    "01-4": Question(
        "number", "a8767aa8", ("f57f5e13529a6cf5",),
        "how many speakers the program finds without the speaker file, like `5`",
        "Count the rows of the table under the cell: each row is one speaker as the program "
        "sees it."),
    "02-1": Question(
        "number", "ca56071c", ("e7671d011dd842a0",),
        "the minutes the record takes at 100 words a minute, with interpretation, like `20.5`",
        "Set my_rate to 100, run the cell, and read the first number in bold.",
        wrong=(("e12324ff4a6ad726", "That is the time left of the 25 minutes; the question asks "
                "how long the record takes."),
               ("4af54f2cd2ccab47", "That is the time at 130 words a minute, the cell as it was: "
                "change my_rate to 100 first.")),
        then="At every rate the record leaves part of the 25 minutes unfilled."),
    "02-2": Question(
        "number", "4c982471", ("181d00e75b409343",),
        "Kelly's share of the words without turn 1, in percent, like `45.5`",
        "Set leave_out to 1, run the cell, and read Kelly's share_of_words.",
        wrong=(("04faf9c07fce566e", "That is Stalin's share; the question asks for Kelly's."),
               ("7d30596a0fa81f15", "That is Kelly's share with every turn: set leave_out to 1 "
                "first.")),
        then="Kelly still has more, but the gap shrinks sharply."),
    "02-3": Question(
        "number", "aeec2e2d", ("9fb0faeccedd4c17",),
        "how many question marks stand in Stalin's recorded words, like `4`",
        "Change \"!\" to \"?\", run the cell, and read Stalin's row.",
        then="Now reread the narration: the count misses the questions Kelly only reports."),
    "02-4": Question(
        "word", "a067798b", ("60edd6b7737a5575",),
        "the name of the speaker who uses the shorter sentences, like `Kelly`",
        "Compare the two numbers of the column words_per_sentence: the smaller one is the "
        "shorter sentences."),
    "03-1": Question(
        "numbers", "a3027c86", ("ee04a26ee1e7947c",),
        "the turns where \"assistance\" is spoken, like `4, 9`",
        "Change \"relations\" to \"assistance\", run the cell, and read the column turn."),
    "03-3": Question(
        "number", "682a31df", ("31939cb38b13cdae",),
        "the number of pairs the tagger and the hand notes both find (\"both\") with "
        "\"stabilizing factor\" added to atlantic_pact, like `19`",
        "Type \"stabilizing factor\" between the quotation marks of new_keyword, run the cell, "
        "and read the row both in the second column.",
        wrong=(("b53bf68f620164bc", "20 is the count with the kit's keywords alone, the first "
                "column: read the second column, with your keyword."),)),
    "03-4": Question(
        "number", "c64e43ce", ("cf37873d5ac6496e",),
        "the turn where the topic germany_paris is last live, like `7`",
        "Run the cell and find germany_paris in the column topic: the turn is the first column."),
    "03-5": Question(
        "number", "a2b77ce8", ("115890631fc690c2",),
        "the turn where the tagger and the hand notes disagree about \"Germany\", like `3`",
        "Run the cell and compare each turn's \"Germany\" with the hand notes' topic for that "
        "turn (the table \"The disagreements, turn by turn\" above)."),
    "04-1": Question(
        "numbers", "469a8632", ("4ca7775ceab82238",),
        "the turns where Germany is named, like `2, 5`",
        "Change \"Russia*\" to \"German*\", run the cell, and read the column turns."),
    "04-2": Question(
        "number", "fdd7a968", ("d4ac7866301e9428",),
        "the minutes left of the 25 at 100 words a minute with the factor 1.5, like `9.5`",
        "Set my_rates to (100, 160) and my_factor to 1.5, run the cell, and read the number "
        "after \"leaving\" for 100 words a minute."),
    "04-3": Question(
        "word", "08228d2b", ("528e60db06e5d322", "c8acda249be3fed0", "bd996734763495f5", "924d54a955ed9925", "1d802c5fa9ed4466", "354db74922d09fa8", "6dc5f1099f5290b5", "ce7170be93f408ba", "9cb656dfa04c2188", "c2d65071829e722b", "9db4ea7fd3a74c81", "23eb2f7d49ad9df5", "273b90cd3322dddd"),
        "whose intentions the record's one \"intention\" is about, in one word, like `American`",
        "Replace \"word1\" with \"intention*\", run the cell, and read who_says_it and "
        "words_around_it: whose \"we\" is it?"),
    "04-4": Question(
        "numbers", "beece826", ("8486e4bd7aea8fff",),
        "the turns that have a stage direction, like `3, 7`",
        "Run the cell and read the column stage_directions: a turn with one has words in brackets."),
    "04-5": Question(
        "number", "a90b420f", ("52d0832c3f7ce5a1", "d4a96f5e1771b48f"),
        "how many days before the meeting the Pact was signed, like `30`",
        "Change the date to 1949, 4, 4 (year, month, day), run the cell, and read the number of "
        "days in bold."),
    "05-1": Question(
        "number", "786e9cf0", ("0c5ed20a85bfd961",),
        "how many documents mention a Saturday, like `3`",
        "Change \"Pact\" to \"Saturday\", run the cell, and count the different names in the "
        "column document."),
    "05-2": Question(
        "number", "a668c3d0", ("c71f093d946abef5",),
        "the place of reconstruction and trade in Kirk's account, like `4`",
        "Change \"atmosphere\" to \"reconstruction_trade\", run the cell, and read where it "
        "comes up in Kirk's account."),
    "05-3": Question(
        "number", "bb3cf57e", ("0506182b44760fc0",),
        "how many subjects, besides the courtesies, Kelly had raised in Kirk's account before he "
        "came to the assurance at which Stalin broke in, like `5`",
        "Try each subject of the exercise and count those that Kirk's account has before "
        "Stalin breaks in (leave out the courtesies, atmosphere).",
        wrong=(("da253106a502d4cf", "That counts the courtesies (Kirk's \"usual polite opening\") "
                "and the assurance too: the question leaves out the courtesies."),
               ("e2dba2c9518c00eb", "That is every subject of the cable's opening: count only "
                "those that Kirk's account has before Stalin breaks in.")),
        also=(("0223aa621b2c8a04", "That counts the assurance itself, where Stalin broke in; "
               "three subjects came before it."),)),
    "05-4": Question(
        "number", "7564b9d0", ("34007de09b222d9e",),
        "the turn of the cable where Kelly compares the Pact with the Soviet treaties, like `6`",
        "Change \"k05\" to \"k16\", run the cell, and read the row cable: it names the turn.",
        wrong=(("025db7a3743e4e37", "4 is the number of Kirk's point; the question asks for the "
                "turn of the cable."),
               ("2d865f9d614ede88", "Turn 8 is Stalin's question about American forces, which in "
                "Kirk's account comes before the comparison: the question asks where the cable "
                "puts the comparison.")),
        then="The note k16 points to turn 3, where the comparison first comes.",
        also=(("c1a0c6b403c8e34f", "Turn 5 repeats the comparison (\"any more than your "
               "alliances are directed against us\"); it first comes in turn 3, the turn the "
               "note k16 points to."),)),
}


def verdict(question: str, answer: object) -> str:
    """One Markdown sentence: right, a hint for a common wrong answer, or where to look again."""
    entry = QUESTIONS.get(str(question).strip())
    if entry is None:
        return (f"There is no check {question!r}: the checks are "
                + ", ".join(QUESTIONS) + ".")
    typed = "" if answer is None else str(answer).strip()
    if not typed:
        return f"Type your answer between the quotation marks, then press Shift+Enter: {entry.asks}."
    form = normalise(entry.kind, answer)
    if form is None:
        if entry.kind == "word":
            return f"Your answer needs a name: {entry.asks}."
        return f"Your answer needs a number, written in figures (like 3): {entry.asks}."
    digest = hashlib.sha256(f"{entry.salt}:{question}:{form}".encode("utf-8")).hexdigest()[:16]
    if digest in entry.right:
        return "**Right.**" + (f" {entry.then}" if entry.then else "") + \
            " The model answer at the end of the notebook says why."
    for also, reading in entry.also:
        if digest == also:
            return f"**Right.** {reading} The model answer at the end of the notebook says why."
    for wrong, hint in entry.wrong:
        if digest == wrong:
            return f"**Not quite.** {hint}"
    return f"**Not yet.** {entry.where} Then check again, or open the model answer."


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.course.checks QUESTION KIND SALT ANSWER``: print the answer's hash."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 4:
        print("usage: python -m helpers.course.checks QUESTION KIND SALT ANSWER", file=sys.stderr)
        return 2
    print(answer_hash(*args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
