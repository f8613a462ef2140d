"""The published counting rules, on hand-checkable text."""
from hypothesis import given
from hypothesis import strategies as st

from helpers.counting import count_characters, count_sentences, count_words, counts


def test_words_are_tokens_with_a_letter_or_digit():
    assert count_words("That is true.") == 3
    assert count_words("co-exist — 25 , .") == 2
    assert count_words("other’s essential interest") == 3
    assert count_words("") == 0
    assert count_words("   \n  ") == 0


# Text drawn mostly from the characters that matter to the rule: letters, digits, the
# underscore, punctuation, dashes, quotation marks and every kind of white space.
_TEXT = st.text(alphabet=st.sampled_from(list("aZ9_ .,;—-–“”’()") + ["\n", "\t", "\u00a0",
                                                                     "\u2009", "é", "٣"])) | st.text()


@given(_TEXT)
def test_words_follow_the_published_rule_literally(text):
    # the rule word for word: whitespace-separated tokens that contain a letter or digit
    assert count_words(text) == sum(any(ch.isalnum() for ch in token) for token in text.split())


@given(_TEXT)
def test_characters_follow_the_published_rule_literally(text):
    assert count_characters(text) == sum(not ch.isspace() for ch in text)


def test_characters_leave_out_white_space():
    assert count_characters("No. Why?") == 7
    assert count_characters(" a\n\tb ") == 2


def test_sentences():
    assert count_sentences("No. Why are there American forces in England? Are they too a stabilizing factor?") == 3
    assert count_sentences("Mr. Bevin has said so. Sir D. Kelly agrees") == 2
    assert count_sentences("") == 0
    assert count_sentences("...") == 0


def test_a_run_of_marks_ends_one_sentence_at_most():
    assert count_sentences("Wait... What?! Yes.") == 3
    assert count_sentences("So" + "." * 100_000 + " Then") == 2
    # a long run with nothing after it: one word, one sentence (before, this took minutes)
    assert count_sentences("x" + "." * 100_000 + "x") == 1


@given(st.text(alphabet=st.sampled_from(list("ab Z9_—-.,;:!?“”\"'()[]\n\t\u00a0\u2028\x0céñ٣Mr")), max_size=60))
def test_counts_at_once_are_the_three_counts(text):
    """counting.counts (what the parser uses, one split per turn) is the published functions."""
    expected = (count_words(text), count_characters(text), count_sentences(text))
    assert counts(text) == expected
    parts = [chunk.split() for chunk in text.split("\n\n")]
    assert counts(text, [p for p in parts if p]) == expected
