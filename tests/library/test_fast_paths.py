"""The parser's fast paths find what the plain ways they replace find (issue 14's speed work).

Each fast path is written beside a plain way of doing the same (a regular expression, a sum):
these tests hold the two to the same answer on text drawn from the characters that matter.
``benchmarks/check_same_parse.py`` checks the whole parse against another revision's.
"""
from hypothesis import given
from hypothesis import strategies as st

from helpers import parse

_TEXT = st.text(alphabet=st.sampled_from(list("aZ “”\"«»()[]‘’.:\n\t") + ["\u00a0", "\u2028", "é"]))


@given(_TEXT)
def test_quote_positions_are_the_patterns_matches(text):
    assert parse._quote_positions(text) == [m.start() for m in parse._QUOTE_CHARS.finditer(text)]


@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_group_char_test_is_the_patterns_search(text, start, end):
    assert parse._has_group_char(text, start, end) == (
        parse._GROUP_CHARS.search(text, start, end) is not None)


# runs of the pieces that matter to a sentence's end: marks, closing and opening quotation
# marks, capitals and initials, the titles that do not end one, white space
_PROSE = st.lists(st.sampled_from(list("aZD9_ .?!,;—-“”\"’()\n\t") + ["Mr", "Mrs", "Dr", "St",
                                                                      "\u00a0", "é", "٣"]),
                  max_size=40).map("".join)


@given(_PROSE)
def test_sentences_are_the_published_patterns(text):
    """counting._sentences (two patterns, cut at the first mark) counts as _SENTENCE_END does."""
    from helpers import counting

    text = text.strip()
    if not counting._LETTER_OR_DIGIT.search(text):
        return
    ends = list(counting._SENTENCE_END.finditer(text))
    tail = text[ends[-1].end():] if ends else text
    assert counting._sentences(text) == len(ends) + (1 if counting._LETTER_OR_DIGIT.search(tail) else 0)


@given(_PROSE)
def test_words_are_tokens_with_a_letter_or_digit(text):
    """counting.counts's words (the first characters looked at first) follow the rule literally."""
    from helpers import counting

    assert counting.counts(text)[0] == sum(any(ch.isalnum() for ch in t) for t in text.split())


def _paragraphs_by_finditer(text):
    """split_paragraphs as it was written before it split in C: one match a blank line."""
    out = []
    piece_start, line, counted_to = 0, 1, 0
    bounds = [(m.start(), m.end()) for m in parse._SEPARATOR.finditer(text)] + [(len(text), len(text))]
    for sep_start, sep_end in bounds:
        piece = text[piece_start:sep_start]
        stripped = piece.strip()
        if stripped:
            start = piece_start + (len(piece) - len(piece.lstrip()))
            line += text.count("\n", counted_to, start)
            counted_to = start
            out.append((start, start + len(stripped), line, line + stripped.count("\n"), stripped))
        piece_start = sep_end
    return out


@given(st.lists(st.sampled_from(["a", " ", "\n", "\n\n", "\t", "\r\n", "b c", "\u2028", "\u00a0",
                                 "\n \n", "\r", "\x0c", "“x”"]), max_size=30).map("".join))
def test_paragraphs_are_those_of_one_match_a_blank_line(text):
    assert [(p.start, p.end, p.line_start, p.line_end, p.text)
            for p in parse.split_paragraphs(text)] == _paragraphs_by_finditer(text)


_TOKEN = st.lists(st.sampled_from(list("aZ9_.?!—“”’()") + ["Mr", "é"]), min_size=1).map("".join)


@given(st.lists(st.lists(_TOKEN, min_size=1), min_size=1, max_size=6))
def test_tidy_counts_are_counts(split):
    """counting._tidy_counts (characters from the length of a tidy text) is counting.counts."""
    from helpers import counting

    text = "\n\n".join(" ".join(tokens) for tokens in split)
    assert counting._tidy_counts(text, split) == counting.counts(text, split) == counting.counts(text)


@given(st.lists(st.sampled_from(["M", "c", "a", "D", "e", "L", "R", "Z", ".", " ", "’", "'", "-", "\u0301",
                                 "É", "ž", "Ā", ",", "[x]", "(y)", "2", "\t"]), max_size=14).map("".join))
def test_caps_opening_is_needed_by_the_full_stop_patterns(text):
    if not parse._caps_opening(text, 0):
        assert parse._FULL_STOP_LABEL.match(text) is None
        assert parse._FULL_STOP_COMMA.match(text) is None
