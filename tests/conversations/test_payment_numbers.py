"""The card/IBAN detector: generated card numbers (Luhn check digit computed)
and IBANs (mod-97 check digits computed) inside random text are found; text
without one (names, phone numbers, dates) is not flagged, or rarely."""

import random
import string
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations.payment_numbers import (
    CARD,
    IBAN,
    IBAN_LENGTHS,
    find_payment_numbers,
    holds_payment_number,
)

EXAMPLES = (
    "4242 4242 4242 4242 12/27 123",
    "4242-4242-4242-4242 05 28",
    "DE89 3704 0044 0532 0130 00 ok",
    "IBAN DE89370400440532013000 thanks",
)


def luhn_digit(body: str) -> str:
    """The check digit that makes `body` + digit Luhn-valid."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # doubled once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def iban_of(country: str, account: str) -> str:
    moved = account + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{country}{98 - number % 97:02d}{account}"


def luhn_ok(digits: str) -> bool:
    return luhn_digit(digits[:-1]) == digits[-1]


@st.composite
def card_numbers(draw: st.DrawFn, *, card_shaped: bool = False) -> str:
    if card_shaped:  # what a scheme issues: Visa 16, Mastercard 16, Amex 15
        prefix, length = draw(st.sampled_from([("4", 16), ("51", 16), ("2221", 16), ("37", 15)]))
    else:
        prefix, length = "", draw(st.integers(13, 19))
    size = length - 1 - len(prefix)
    body = prefix + draw(st.text(string.digits, min_size=size, max_size=size))
    return body + luhn_digit(body)


@st.composite
def ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(IBAN_LENGTHS)))
    size = IBAN_LENGTHS[country] - 4
    # Some countries start the account with a bank code in letters (GB WEST…).
    letters = draw(st.integers(0, min(4, size // 2)))
    bank = draw(st.text(string.ascii_uppercase, min_size=letters, max_size=letters))
    digits = draw(st.text(string.digits, min_size=size - letters, max_size=size - letters))
    return iban_of(country, bank + digits)


SEPARATORS = st.sampled_from([" ", "-", ".", "\u00a0", "\u2009", "\u202f", " - ", "\u200b"])


@st.composite
def grouped(draw: st.DrawFn, number: str) -> str:
    """As people write it: in one piece, or in groups of 4 (or random sizes)
    with a separator, fullwidth digits now and then, any letter case."""
    style = draw(st.sampled_from(["plain", "fours", "random"]))
    if style == "plain":
        text = number
    else:
        parts, rest = [], number
        while rest:
            size = 4 if style == "fours" else draw(st.integers(1, 6))
            parts.append(rest[:size])
            rest = rest[size:]
        sep = draw(SEPARATORS)
        text = sep.join(parts)
    if draw(st.booleans()):
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    return text.lower() if draw(st.booleans()) else text


# Anything at all around the number: digits, letters, punctuation, other scripts.
CONTEXT = st.text(
    st.one_of(
        st.sampled_from(string.digits + string.ascii_letters + string.punctuation + " "),
        st.sampled_from("ÄäßéñçЖжд中文日本語العربيةहिन्दी€£¥—–…«»"),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
)
# Something that is not a digit, so the digits around a number do not run into it.
NOT_DIGIT = st.sampled_from([" ", "/", ":", ",", "a", "Ж", "\n", "(", "€"])


@settings(max_examples=300, deadline=None)
@given(data=st.data(), card=card_numbers(), before=CONTEXT, after=CONTEXT)
def test_any_luhn_valid_number_apart_from_other_digits_is_found(
    data: st.DataObject, card: str, before: str, after: str
) -> None:
    written = data.draw(grouped(card))
    text = before + data.draw(NOT_DIGIT) + written + data.draw(NOT_DIGIT) + after
    assert holds_payment_number(text)
    assert any(f.kind == CARD for f in find_payment_numbers(text))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), card=card_numbers(card_shaped=True), before=CONTEXT, after=CONTEXT)
def test_a_card_glued_to_other_digits_is_found(
    data: st.DataObject, card: str, before: str, after: str
) -> None:
    """Expiry dates and CVCs typed right after the number do not hide it."""
    glued = data.draw(st.text(string.digits, max_size=8))
    expiry = data.draw(st.sampled_from(["", " 12/27", "1227123", " 05 28", "-123"]))
    text = before + glued + data.draw(grouped(card)) + expiry + after
    assert holds_payment_number(text)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), iban=ibans(), before=CONTEXT, after=CONTEXT)
def test_any_mod97_valid_iban_is_found_with_anything_around_it(
    data: st.DataObject, iban: str, before: str, after: str
) -> None:
    glue = data.draw(st.sampled_from(["", " ", "IBAN", "IBAN: ", "my iban is "]))
    text = before + glue + data.draw(grouped(iban)) + data.draw(st.sampled_from(["", "ok"])) + after
    assert any(f.kind == IBAN for f in find_payment_numbers(text))


@pytest.mark.parametrize("text", EXAMPLES)
def test_the_reported_examples_are_found(text: str) -> None:
    assert holds_payment_number(text)


def test_a_finding_is_a_span_of_the_original_text() -> None:
    text = "IBANDE89370400440532013000thanks, card ４２４２\u00a04242 4242 4242 12/27"
    spans = [text[f.start : f.end] for f in find_payment_numbers(text)]
    assert spans[0] == "DE89370400440532013000"
    assert "４２４２\u00a04242 4242 4242" in spans


NAMES = st.text(
    st.sampled_from(string.ascii_letters + " .,&'-ÄäßéñçЖжд中文日本語अआइ"), min_size=1, max_size=60
)


@settings(max_examples=300, deadline=None)
@given(name=NAMES, year=st.integers(1900, 2100), pick=st.integers(0, 5))
def test_names_phones_and_dates_are_not_flagged(name: str, year: int, pick: int) -> None:
    ordinary = [
        f"{name} {year}",
        f"{name}, +49 30 1234567",
        f"{name} +1 (415) 555-0100",
        f"{year}-01-15 {name}",
        f"15.01.{year}, {name}",
        f"Acme {year} GmbH, {name}",
    ][pick]
    assert not holds_payment_number(ordinary)


def test_ordinary_text_is_rarely_flagged() -> None:
    """Sentences with a number or two of up to 12 digits between their words
    (an order number, a phone, a date; short words that are country codes):
    flagged under 0.5 % of the time. (Two numbers side by side that make 13
    or more digits together are read as one: about one in ten passes Luhn.)"""
    rng = random.Random(20261201)
    words = ["Acme", "order", "is", "it", "at", "no", "de", "for", "the", "me", "call", "GmbH"]
    flagged = 0
    for _ in range(5000):
        parts = [rng.choice(words) for _ in range(rng.randint(2, 12))]
        for slot in rng.sample(range(len(parts)), rng.randint(1, 2)):
            number = "".join(rng.choice(string.digits) for _ in range(rng.randint(1, 12)))
            parts[slot] += f" {number}"
        flagged += holds_payment_number(" ".join(parts))
    assert flagged < 25


def test_a_long_message_of_digits_is_checked_quickly() -> None:
    rng = random.Random(7)
    texts = [
        "".join(rng.choice(string.digits) for _ in range(4000)),
        " ".join("".join(rng.choice(string.digits) for _ in range(4)) for _ in range(800)),
        "".join(rng.choice(string.digits + "DE ") for _ in range(4000)),
        "\uff14" * 4000,
    ]
    for text in texts:
        started = time.perf_counter()
        find_payment_numbers(text)
        assert time.perf_counter() - started < 0.5


def test_the_generators_make_valid_numbers() -> None:
    assert luhn_ok("4242424242424242") and not luhn_ok("4242424242424241")
    assert iban_of("DE", "370400440532013000") == "DE89370400440532013000"
