"""Counting rules, published: what a word, a character and a sentence are in this kit.

- **word**: a whitespace-separated token of the spoken text that contains at least one letter
  or digit. "co-exist" is one word, "Generalissimo’s" is one word, "25" is one word, and a lone
  dash or a stray full stop is none.
- **character**: every character of the spoken text except white space.
- **sentence**: a stretch of spoken text ending in ".", "?" or "!" that is followed by white
  space and a capital letter, or by the end of the text; words left after the last such end
  (a quotation that closes before its full stop) make one more sentence. "Mr.", "Dr." and
  single initials ("D.") do not end a sentence.
- **turn**: see :mod:`helpers.parse`.

Counts are taken from the ``spoken`` column, never from the raw ``text``: the speaker label,
quotation marks and stage directions are not words anybody said. Per-speaker and per-turn
tables of these counts are in :mod:`helpers.measures`.

:data:`COUNTING_RULES_VERSION` names this set of rules (and the parser's rules for turns and
spoken text that feed them). Every export names it beside the kit's version, so a count can be
traced to the rules that made it. It changes whenever a rule changes what any count is, and
only then: "1" is the rules above.
"""
from __future__ import annotations

import re
from itertools import filterfalse

__all__ = ["count_characters", "count_sentences", "count_words", "counts"]

COUNTING_RULES_VERSION = "1"  # see the module docstring: bump it when any count would change

# A token with no letter or digit, with the white space before it: searched in " " + text, so
# that the pattern starts with a plain character class, which the regex engine scans fast.
_NO_LETTER_TOKEN = re.compile(r"\s(?:[^\w\s]|_)+(?!\S)")
# A full stop after Mr, Mrs, Dr, St or a lone capital initial ("D.") does not end a sentence;
# the look-behinds sit after the first mark so they are tried only where a mark stands (a
# pattern that begins with a plain character class is scanned fast). A run of marks ("?!",
# "...") is judged at its first mark, and taken whole (possessive), so that a long run costs
# time in proportion to its length, not to its square.
_SENTENCE_END = re.compile(
    r"[.?!](?<![.?!][.?!])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<![^\w.][A-Z]\.)(?<!^[A-Z]\.)"
    r"[.?!]*+[”\"’)]*+(?=\s+[“\"(]?[A-Z0-9]|\s*$)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """Number of words in ``text``: whitespace-separated tokens holding a letter or digit.

    >>> count_words("That is true. Unquestionably our two countries can co-exist")
    9
    >>> count_words("No — never .")
    2
    """
    return len(text.split()) - len(_NO_LETTER_TOKEN.findall(" " + text))


def count_characters(text: str) -> int:
    """Number of characters in ``text`` that are not white space.

    >>> count_characters("No. Why?")
    7
    """
    return len("".join(text.split()))


def count_sentences(text: str) -> int:
    """Number of sentences in ``text`` by the rule above (at least 1 for any text with a word).

    >>> count_sentences("No. Why are there American forces in England? Are they too a stabilizing factor?")
    3
    >>> count_sentences("Mr. Bevin has said so")
    1
    >>> count_sentences("It is true. It is not a pact against you")
    2
    """
    text = text.strip()
    if not _LETTER_OR_DIGIT.search(text):
        return 0
    return _sentences(text)


def _sentences(text: str) -> int:
    """:func:`count_sentences` of ``text``, stripped already and known to hold a letter or digit."""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return 1
    # Words after the last end make one more sentence. An end is followed by white space and a
    # capital letter or digit (then there are words after it), or by the end of the (stripped)
    # text (then there are none): where the last end stops tells which, without a search.
    return len(ends) + (ends[-1].end() < len(text))


def counts(text: str, split: list[list[str]] | None = None) -> tuple[int, int, int]:
    """:func:`count_words`, :func:`count_characters` and :func:`count_sentences` of ``text`` at
    once, splitting it into tokens once (what the parser does for every turn; a test checks
    that the three agree with the functions above on any text). ``split``, for a caller that
    has split the text already, is its tokens as lists that together are ``text.split()``.

    >>> counts("No — never . Why?")
    (3, 13, 2)
    """
    parts = [text.split()] if split is None else split
    tokens = characters = no_letter = 0
    search = _LETTER_OR_DIGIT.search
    for part in parts:
        tokens += len(part)
        characters += len("".join(part))  # the tokens' lengths, summed in C
        # a token of letters and digits only (most) is a word; the rest are searched for one.
        # Both steps run in C (filterfalse, map), not one Python step per token.
        odd = list(filterfalse(str.isalnum, part))
        if odd:
            no_letter += list(map(search, odd)).count(None)
    words = tokens - no_letter
    # a text with a word has a letter or digit (and one without has no sentence)
    return words, characters, _sentences(text.strip()) if words else 0
