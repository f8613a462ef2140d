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
