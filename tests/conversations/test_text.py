"""The one normalization of user text (`conversations/text.py`): grapheme
clusters as a reader counts them, and properties over any text: what passes
is NFC, fits its column in bytes, shows something and carries no control,
format, bidi or blank character."""

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conversations.text import (
    BIDI_CONTROLS,
    BLANKS,
    MAX_MARKS_PER_GRAPHEME,
    TextLimits,
    TextProblem,
    check_text,
    free_text,
    grapheme_count,
    graphemes,
    has_encoded_word,
    normalize,
)
from conversations.validation import NAME_LIMITS, NAME_MAX_BYTES, NameResult, check_name
from storage.models import OrganizationRow

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("", []),
        ("Acme", ["A", "c", "m", "e"]),
        ("e\u0301", ["e\u0301"]),  # e + combining acute is one character
        (
            "\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7",
            ["\U0001f1e9\U0001f1ea", "\U0001f1eb\U0001f1f7"],
        ),
        (FAMILY, [FAMILY]),
        ("\U0001f44d\U0001f3fd", ["\U0001f44d\U0001f3fd"]),  # with a skin tone
        (ENGLAND, [ENGLAND]),
        ("\u1100\u1161\u11a8", ["\u1100\u1161\u11a8"]),  # conjoining jamo: one syllable
        ("한국", ["한", "국"]),
        ("\r\n", ["\r\n"]),
        ("a\u200db", ["a\u200d", "b"]),  # a ZWJ only joins emoji
        ("ab" + "\u0301" * 600, ["a", "b" + "\u0301" * 600]),
    ],
)
def test_grapheme_clusters(text: str, clusters: list[str]) -> None:
    assert graphemes(text) == clusters
    assert grapheme_count(text) == len(clusters)


def test_spaces_of_every_kind_become_one_space() -> None:
    assert normalize("  Acme\u3000\u00a0Labs\u2003 ") == "Acme Labs"
    assert normalize("e\u0301cole") == "\u00e9cole"  # NFC


@pytest.mark.parametrize("ch", sorted(BLANKS | BIDI_CONTROLS))
def test_blanks_and_bidi_controls_are_refused_anywhere(ch: str) -> None:
    limits = TextLimits(1, 100, 400)
    assert check_text(ch * 3, limits) is TextProblem.INVISIBLE
    assert check_text(f"Acme{ch}Labs", limits) is TextProblem.INVISIBLE


def test_the_byte_bound_is_separate_from_the_length() -> None:
    limits = TextLimits(1, 100, 400)
    assert check_text(FAMILY * 20, limits) is TextProblem.TOO_BIG  # 20 characters, 500 bytes
    assert check_text("N" * 101, limits) is TextProblem.TOO_LONG
    marks = "q" + "\u0301" * (MAX_MARKS_PER_GRAPHEME + 1)  # no precomposed q-acute
    assert check_text(marks, limits) is TextProblem.STACKED_MARKS


@pytest.mark.parametrize(
    "text",
    ["=?utf-8?q?x?=", "a =?UTF-8?B?QQ==?= b", "=?iso-8859-1*en?Q?x?=", "x=?utf-8?q?"],
)
def test_encoded_words_are_recognized(text: str) -> None:
    assert has_encoded_word(text)


@pytest.mark.parametrize("text", ["Who=?Labs", "a?=b", "=?", "Q&A"])
def test_other_question_marks_are_not_encoded_words(text: str) -> None:
    assert not has_encoded_word(text)


def _is_clean(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch not in BLANKS and (category[0] not in "CZ" or ch == " " or ch == "\u200d")


@given(st.text(max_size=300))
@example("ab" + "\u0301" * 600)
@example("\u3164" * 10)
@example("\u2800\u2800")
@example("\u115f\u1160\uffa0")
@example("\u3000\u3000")
@example("A\u202eB")
@example(FAMILY * 60)
def test_any_name_that_passes_fits_its_column_and_shows_something(raw: str) -> None:
    _assert_fits(raw)


# Mostly the characters that make trouble, so many drawn names come close to passing.
_TRICKY = st.sampled_from(
    [
        *("A", "c", "m", "e", " ", "\u00e9", "\u0301", "\u3164", "\u2800", "\u202e", "\u2066"),
        *("\u200d", "\u200b", "\U0001f680", "\U0001f1e9", "\u3000", "\u115f", "\t", "=?", "?="),
        *("\u1100", "\u1161", "\ufe0f", "\U0001f3fd", FAMILY, "\u0915\u094d"),
    ]
)


@given(st.lists(_TRICKY, max_size=150).map("".join))
def test_tricky_names_that_pass_fit_too(raw: str) -> None:
    _assert_fits(raw)


def _assert_fits(raw: str) -> None:
    result = check_name(raw)
    if not isinstance(result, NameResult):
        return
    name = result.value
    column = OrganizationRow.__table__.c.name.type.length
    assert len(name.encode()) <= NAME_MAX_BYTES <= column
    assert len(name) <= column  # a VARCHAR counts characters
    assert unicodedata.is_normalized("NFC", name)
    assert all(_is_clean(ch) for ch in name)
    assert not any(ch in BIDI_CONTROLS for ch in name)
    assert any(unicodedata.category(c[0])[0] not in "MZC" for c in graphemes(name))
    assert NAME_LIMITS.min_graphemes <= grapheme_count(name) <= NAME_LIMITS.max_graphemes
    assert check_name(name) == result  # normalizing twice changes nothing


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_the_grapheme_clusters_are_the_text_cut_into_pieces(text: str) -> None:
    clusters = graphemes(text)
    assert "".join(clusters) == text
    assert all(clusters)
    assert grapheme_count(text) <= len(text)


def test_free_text_keeps_lines_and_emoji_and_drops_what_hides_or_reorders() -> None:
    raw = "Hi \u202eevil\u202c\n\tline two \U0001f468\u200d\U0001f4bb\u200b\x07 e\u0301"
    assert free_text(raw, 100) == "Hi evil\n\tline two \U0001f468\u200d\U0001f4bb \u00e9"


def test_free_text_is_cut_between_characters() -> None:
    assert free_text(FAMILY * 3, 2) == FAMILY * 2
    assert free_text("x" * 1500, 1000) == "x" * 1000


def test_emoji_newer_than_this_python_still_count() -> None:
    shaking_face = "\U0001fae8"  # Unicode 15; unassigned in Python 3.11's tables
    assert check_name(shaking_face * 2) == NameResult(shaking_face * 2)
