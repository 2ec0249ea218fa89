"""Finds card numbers and IBANs anywhere in a piece of text.

One job: say where in a message a payment number is, so that the message is
refused and never kept (SECURITY.md promises card numbers and IBANs are
never stored), and so that transcripts can cut one out. Every check that
asks "is this a payment number?" comes here: the core's refusal, the Slack
form, the handoff transcript's redaction.

People paste numbers with context around them ("4242 4242 4242 4242 12/27
123", "IBAN DE89…thanks"), grouped with spaces, dashes, dots, non-breaking or
thin spaces, in fullwidth or other Unicode digits. So the text is read one
character at a time, each character folded with NFKC (fullwidth → ASCII) and
classed as a digit, a Latin letter, a separator or a break; positions are
kept, so a finding is a span of the original text.

- A card number is a Luhn-valid window of 13–19 digits of a run (digits with
  at most `MAX_GAP` separators between them). A window whose both ends fall
  on a group boundary (a separator, or the end of the run) counts whatever
  its digits: expiry dates and CVCs typed after a space do not hide a card.
  A window that cuts through contiguous digits (a card glued to other
  digits) counts only when it is also shaped like a card of a real scheme
  (first digits and length), so that a 16-digit order number whose first 14
  digits happen to pass Luhn is not taken for a card.
- An IBAN is a known country code, two check digits and exactly that
  country's number of letters and digits (separators allowed anywhere),
  mod-97 valid, found at any position (text glued on either side), whose
  account part has no more letters than digits (every real one has more
  digits; this keeps words strung together by spaces from passing).

Time is linear in the text: Luhn sums of windows come from prefix sums, and
an IBAN candidate is at most 34 characters from each letter pair."""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CARD", "IBAN", "Found", "find_payment_numbers", "holds_payment_number"]

CARD, IBAN = "card", "iban"
CARD_MIN, CARD_MAX = 13, 19
# Separators allowed between two characters of one number ("4242 - 4242").
MAX_GAP = 3

# IBAN lengths by country: the SWIFT registry, and the countries that use
# IBANs outside it (mostly in Africa).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AO": 25, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
    "BF": 28, "BG": 22, "BH": 22, "BI": 27, "BJ": 28, "BR": 29, "BY": 28, "CF": 27,
    "CG": 27, "CH": 21, "CI": 28, "CM": 27, "CR": 22, "CV": 25, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "DZ": 26, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GA": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GQ": 27, "GR": 27, "GT": 28, "GW": 25, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IR": 26, "IS": 26, "IT": 27, "JO": 30, "KM": 27,
    "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "LY": 25, "MA": 28, "MC": 27, "MD": 24, "ME": 22, "MG": 27, "MK": 19, "ML": 28,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "MZ": 25, "NE": 28, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24,
    "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24,
    "SM": 27, "SN": 28, "SO": 23, "ST": 25, "SV": 28, "TD": 27, "TG": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# Card lengths by the first two digits, for windows cut out of longer digit
# runs: Mastercard and Mir (22–27), Diners, Amex and JCB (30–39), Visa (4),
# Mastercard and Maestro (50–59), Discover, UnionPay, RuPay, Maestro (60–69).
_CARD_LENGTHS: dict[str, frozenset[int]] = {
    **{str(p): frozenset(range(16, 20)) for p in range(22, 28)},
    **{p: frozenset(range(14, 20)) for p in ("30", "36", "38", "39")},
    "34": frozenset({15}),
    "37": frozenset({15}),
    "35": frozenset(range(16, 20)),
    **{str(p): frozenset({13, 16, 19}) for p in range(40, 50)},
    **{str(p): frozenset(range(16, 20)) for p in range(50, 70)},
}

_DIGIT, _LETTER, _SEPARATOR, _BREAK = 0, 1, 2, 3
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True, slots=True)
class Found:
    """A payment number at `text[start:end]`; `kind` is CARD or IBAN."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=4096)
def _fold(ch: str) -> tuple[tuple[int, str], ...]:
    """What one character counts as: (class, folded character) per character
    of its NFKC form (a fullwidth digit is a digit, `⑩` two digits)."""
    classes: list[tuple[int, str]] = []
    for c in unicodedata.normalize("NFKC", ch):
        if c.isdecimal():
            classes.append((_DIGIT, str(unicodedata.decimal(c))))
        elif c.isascii() and c.isalpha():
            classes.append((_LETTER, c.upper()))
        elif c in _LINE_BREAKS:
            classes.append((_BREAK, c))
        elif c in "-.\t" or unicodedata.category(c) in {"Zs", "Pd", "Cf"}:
            classes.append((_SEPARATOR, c))
        else:
            classes.append((_BREAK, c))
    return tuple(classes)


@dataclass(slots=True)
class _Segment:
    """Letters and digits with only short separator gaps between them: the
    folded characters, where each one is in the text, and whether a
    separator stands before it (a group boundary)."""

    chars: list[str]
    where: list[int]
    spaced: list[bool]


def _segments(text: str) -> list[_Segment]:
    segments: list[_Segment] = []
    current = _Segment([], [], [])
    gap = 0
    for index, ch in enumerate(text):
        for kind, folded in _fold(ch):
            if kind == _SEPARATOR:
                gap += 1
                if gap <= MAX_GAP:
                    continue
            if kind in (_SEPARATOR, _BREAK):
                if current.chars:
                    segments.append(current)
                current = _Segment([], [], [])
                gap = 0
                continue
            current.chars.append(folded)
            current.where.append(index)
            current.spaced.append(gap > 0)
            gap = 0
    if current.chars:
        segments.append(current)
    return segments


def _cards(segment: _Segment) -> list[Found]:
    found: list[Found] = []
    chars, n = segment.chars, len(segment.chars)
    start = 0
    while start < n:
        if not chars[start].isdigit():
            start += 1
            continue
        end = start
        while end < n and chars[end].isdigit():
            end += 1
        if end - start >= CARD_MIN:
            found.extend(_cards_in_run(segment, start, end))
        start = end
    return found


def _cards_in_run(segment: _Segment, first: int, last: int) -> list[Found]:
    """Luhn-valid windows of the digit run `chars[first:last]`."""
    digits = [int(c) for c in segment.chars[first:last]]
    n = len(digits)
    # plain[q][k] / doubled[q][k]: sums over positions j < k with j % 2 == q
    # of the digit, and of the digit as Luhn doubles it.
    plain = [[0] * (n + 1), [0] * (n + 1)]
    doubled = [[0] * (n + 1), [0] * (n + 1)]
    for j, d in enumerate(digits):
        for q in (0, 1):
            plain[q][j + 1] = plain[q][j] + (d if j % 2 == q else 0)
            twice = d * 2 - 9 if d > 4 else d * 2
            doubled[q][j + 1] = doubled[q][j] + (twice if j % 2 == q else 0)
    # A group boundary before position j of the run (or at either end); a
    # finding spans whole groups, so that no digit of it is left beside a cut.
    boundary = [j == 0 or j == n or segment.spaced[first + j] for j in range(n + 1)]
    group_start = list(range(n + 1))
    for j in range(1, n + 1):
        group_start[j] = j if boundary[j] else group_start[j - 1]
    group_end = list(range(n + 1))
    for j in range(n - 1, -1, -1):
        group_end[j] = j if boundary[j] else group_end[j + 1]
    text = "".join(segment.chars[first:last])
    hits: list[Found] = []
    for s in range(n - CARD_MIN + 1):
        for e in range(s + CARD_MIN, min(s + CARD_MAX, n) + 1):
            # The last digit is never doubled: positions of the other parity are.
            p = (e - 1) % 2
            total = plain[p][e] - plain[p][s] + doubled[1 - p][e] - doubled[1 - p][s]
            if total % 10:
                continue
            if (boundary[s] and boundary[e]) or e - s in _CARD_LENGTHS.get(text[s : s + 2], ()):
                begin, finish = first + group_start[s], first + group_end[e] - 1
                hits.append(Found(segment.where[begin], segment.where[finish] + 1, CARD))
    return hits


def _ibans(segment: _Segment) -> list[Found]:
    found: list[Found] = []
    chars, n = segment.chars, len(segment.chars)
    for i in range(n - 3):
        length = IBAN_LENGTHS.get(chars[i] + chars[i + 1]) if chars[i].isalpha() else None
        if length is None or i + length > n:
            continue
        if not (chars[i + 2].isdigit() and chars[i + 3].isdigit()):
            continue
        account = chars[i + 4 : i + length]
        letters = sum(1 for c in account if c.isalpha())
        if letters > len(account) - letters:
            continue
        remainder = 0
        for c in (*account, *chars[i : i + 4]):
            if c.isdigit():
                remainder = (remainder * 10 + int(c)) % 97
            else:
                remainder = (remainder * 100 + ord(c) - 55) % 97
        if remainder == 1:
            found.append(Found(segment.where[i], segment.where[i + length - 1] + 1, IBAN))
    return found


def find_payment_numbers(text: str) -> list[Found]:
    """Every card number and IBAN in `text`, in order of where they start
    (spans may overlap: an IBAN's digits can also pass for a card)."""
    found: list[Found] = []
    for segment in _segments(text):
        found.extend(_cards(segment))
        found.extend(_ibans(segment))
    return sorted(found, key=lambda f: (f.start, f.end))


def holds_payment_number(text: str) -> bool:
    """True when the text contains a card number or an IBAN anywhere."""
    return bool(find_payment_numbers(text))
