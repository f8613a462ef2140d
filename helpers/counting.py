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
from itertools import compress
from operator import itemgetter, not_

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
_FIRST = itemgetter(0)  # a token's first character (tokens are never empty)
# _SENTENCE_END cut in two by its first mark, for speed only: a full stop (a plain character,
# which the regex engine finds at the speed of a byte search, where it tests every character
# against a set of three) and "?" or "!" (searched only in text that has one). No end of one
# overlaps an end of the other (an end starts at the first mark of a run and takes the run
# whole), so together they find the ends _SENTENCE_END finds (tests/library/test_fast_paths.py).
_AFTER_FIRST_MARK = _SENTENCE_END.pattern[len("[.?!]"):]
_FULL_STOP_END = re.compile(r"\." + _AFTER_FIRST_MARK)
_OTHER_END = re.compile(r"[?!]" + _AFTER_FIRST_MARK)


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
    ends = list(_FULL_STOP_END.finditer(text))
    last = ends[-1].end() if ends else 0
    n = len(ends)
    if "?" in text or "!" in text:
        others = list(_OTHER_END.finditer(text))
        if others:
            n += len(others)
            last = max(last, others[-1].end())
    # Words after the last end make one more sentence. An end is followed by white space and a
    # capital letter or digit (then there are words after it), or by the end of the (stripped)
    # text (then there are none): where the last end stops tells which, without a search.
    return n + (not n or last < len(text))


def _words(parts: list[list[str]]) -> int:
    """The words among the tokens of ``parts`` (lists of tokens, none empty): those with a
    letter or digit."""
    tokens = no_letter = 0
    search = _LETTER_OR_DIGIT.search
    for part in parts:
        tokens += len(part)
        # A token that begins with a letter or digit (most) is a word: when every token does
        # (most paragraphs of speech), there is nothing more to look at. Else the tokens that
        # begin otherwise ("—", "“Yes", "(1)") are searched for a letter or digit. Every step
        # runs in C (map, compress), not one Python step per token.
        firsts = "".join(map(_FIRST, part))
        if not firsts.isalnum():
            odd = compress(part, map(not_, map(str.isalnum, firsts)))
            no_letter += list(map(search, odd)).count(None)
    return tokens - no_letter


def _tidy_counts(text: str, split: list[list[str]]) -> tuple[int, int, int]:
    """:func:`counts` of a tidy ``text``: the token lists of ``split`` (none empty) joined by
    one space within each and by a blank line (``"\\n\\n"``) between them, as the parser
    writes a turn's spoken text. Its characters are then its length less the spaces and line
    breaks that join the tokens, with no sum over them (a test checks it against counts)."""
    words = _words(split)
    tokens = sum(map(len, split))
    characters = len(text) - (tokens - len(split)) - 2 * (len(split) - 1) if split else 0
    return words, characters, _sentences(text) if words else 0  # (tidy: nothing to strip)


def counts(text: str, split: list[list[str]] | None = None) -> tuple[int, int, int]:
    """:func:`count_words`, :func:`count_characters` and :func:`count_sentences` of ``text`` at
    once, splitting it into tokens once (what the parser does for every turn; a test checks
    that the three agree with the functions above on any text). ``split``, for a caller that
    has split the text already, is its tokens as lists that together are ``text.split()``.

    >>> counts("No — never . Why?")
    (3, 13, 2)
    """
    parts = [text.split()] if split is None else [part for part in split if part]
    words = _words(parts)
    characters = sum(len("".join(part)) for part in parts)  # the tokens' lengths, summed in C
    # a text with a word has a letter or digit (and one without has no sentence)
    return words, characters, _sentences(text.strip()) if words else 0
