"""One normalization of user text at the edge, the same for every channel.

Text typed by a person (an organization name, any free-text field) is made
NFC, its runs of spaces become one space, and it is then judged as a person
sees it: its length is counted in grapheme clusters (what a reader takes for
one character: `é` written as e + U+0301, a flag, a family emoji), and it is
also bounded in UTF-8 bytes, so whatever passes fits its database column
(a VARCHAR counts characters, never more than bytes) and cannot be inflated
by marks stacked on one letter. A text passes only with at least one visible
character: blank look-alikes (U+3164 HANGUL FILLER, U+2800 BRAILLE PATTERN
BLANK, ...), controls, bidi overrides and isolates, and other format
characters are refused, because they let a name look empty, look like another
name, or reorder what is shown around it. Free text passed on to a person
(`free_text`) is cleaned of the same characters instead of refused.

Pure: `unicodedata` only. The grapheme counter follows UAX #29's extended
grapheme cluster rules (GB3-GB13) with the properties `unicodedata` can tell
(categories, Hangul jamo, regional indicators, emoji modifiers); Prepend and
a few SpacingMark exceptions, which only matter for text refused here anyway
or for exact counts in rare scripts, are approximated."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "BIDI_CONTROLS",
    "BLANKS",
    "TextLimits",
    "TextProblem",
    "check_text",
    "free_text",
    "grapheme_count",
    "graphemes",
    "has_encoded_word",
    "normalize",
]

ZWJ = "\u200d"
# Look like nothing but are letters or symbols to Unicode (categories Lo, So).
BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Every bidi embedding, override, isolate and mark (all are category Cf, which
# is refused anyway; named so the rule is visible and tested).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200e\u200f\u061c"  # marks
)
# An RFC 2047 encoded word, or its start: the email package decodes one it
# finds in a header value, CR/LF included, so none may reach a header.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bq]\?", re.IGNORECASE)
# More combining marks on one letter than any script needs ("Zalgo" text).
MAX_MARKS_PER_GRAPHEME = 8


class TextProblem(Enum):
    EMPTY = "empty"
    INVISIBLE = "invisible"  # controls, format/bidi characters, blanks, nothing visible
    STACKED_MARKS = "stacked-marks"
    TOO_SHORT = "too-short"
    TOO_LONG = "too-long"  # more grapheme clusters than allowed
    TOO_BIG = "too-big"  # more UTF-8 bytes than its column holds


@dataclass(frozen=True, slots=True)
class TextLimits:
    min_graphemes: int
    max_graphemes: int
    max_bytes: int


def normalize(raw: str) -> str:
    """Trimmed, NFC, and every run of spaces (U+3000, NBSP, ...: category Zs)
    one plain space. Line breaks and tabs inside are kept, for the check to
    refuse: a name is one line."""
    text = unicodedata.normalize("NFC", raw.strip())
    spaced = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)
    return " ".join(part for part in spaced.split(" ") if part)


def has_encoded_word(text: str) -> bool:
    return _ENCODED_WORD.search(text) is not None


def check_text(raw: str, limits: TextLimits) -> str | TextProblem:
    """The normalized text, or the first problem a person should be told about."""
    text = normalize(raw)
    if not text:
        return TextProblem.EMPTY
    if _forbidden(text):
        return TextProblem.INVISIBLE
    clusters = graphemes(text)
    if not any(_visible(cluster) for cluster in clusters):
        return TextProblem.INVISIBLE
    if any(_marks(cluster) > MAX_MARKS_PER_GRAPHEME for cluster in clusters):
        return TextProblem.STACKED_MARKS
    visible = sum(1 for cluster in clusters if _visible(cluster))
    if visible < limits.min_graphemes:
        return TextProblem.TOO_SHORT
    if len(clusters) > limits.max_graphemes:
        return TextProblem.TOO_LONG
    if len(text.encode()) > limits.max_bytes:
        return TextProblem.TOO_BIG
    return text


def free_text(raw: str, max_graphemes: int) -> str:
    """A message passed on as it was written (to a support agent): NFC,
    without bidi controls, other format characters (a ZWJ inside an emoji
    stays) and controls but line breaks and tabs, cut at a character boundary
    so no emoji or accent is split."""
    text = unicodedata.normalize("NFC", raw)
    kept = "".join(ch for i, ch in enumerate(text) if ch in "\n\t" or not _forbidden_at(text, i))
    return "".join(graphemes(kept)[:max_graphemes])


def _is_emojiish(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (ord(ch) > 0x2000 and category in {"So", "Sk", "Mn"}) or _is_new_symbol(ch)


def _is_new_symbol(ch: str) -> bool:
    """An emoji newer than this Python's Unicode tables (3.11 knows Unicode 14):
    unassigned here, but in the planes where emoji are added every year."""
    return 0x1F000 <= ord(ch) <= 0x1FAFF and unicodedata.category(ch) == "Cn"


def _forbidden_at(text: str, i: int) -> bool:
    ch = text[i]
    if ch in BLANKS or ch in BIDI_CONTROLS:
        return True
    cat = unicodedata.category(ch)
    if cat in {"Cc", "Cs", "Co", "Zl", "Zp"} or (cat == "Cn" and not _is_new_symbol(ch)):
        return True
    if cat == "Cf":
        # A zero-width joiner is how emoji such as 👨‍💻 are built; allow it
        # only between two emoji, never as an invisible separator in text.
        inside_emoji = (
            ch == ZWJ
            and 0 < i < len(text) - 1
            and _is_emojiish(text[i - 1])
            and _is_emojiish(text[i + 1])
        )
        return not inside_emoji
    return False


def _forbidden(text: str) -> bool:
    return any(_forbidden_at(text, i) for i in range(len(text)))


def _visible(cluster: str) -> bool:
    base = cluster[0]
    if _is_new_symbol(base):
        return True
    return base not in BLANKS and unicodedata.category(base)[0] not in "MZC"


def _marks(cluster: str) -> int:
    return sum(1 for ch in cluster if unicodedata.category(ch)[0] == "M")


# -- extended grapheme clusters (UAX #29) -------------------------------------


class _Break(Enum):
    CR = 1
    LF = 2
    CONTROL = 3
    EXTEND = 4
    ZWJ = 5
    REGIONAL = 6
    PREPEND = 7
    SPACING = 8
    L = 9
    V = 10
    T = 11
    LV = 12
    LVT = 13
    PICTO = 14
    OTHER = 15


_PREPEND = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\U000110bd\U000110cd"
)


def _break_class(ch: str) -> _Break:
    cp = ord(ch)
    if ch == "\r":
        return _Break.CR
    if ch == "\n":
        return _Break.LF
    if ch == ZWJ:
        return _Break.ZWJ
    if ch in _PREPEND:
        return _Break.PREPEND
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _Break.REGIONAL
    if 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or cp in (0x200C, 0xFF9E, 0xFF9F):
        return _Break.EXTEND
    hangul = _hangul(cp)
    if hangul is not None:
        return hangul
    cat = unicodedata.category(ch)
    if cat in {"Mn", "Me"}:
        return _Break.EXTEND
    if cat == "Mc":
        return _Break.SPACING
    if cat in {"Cc", "Cf", "Zl", "Zp", "Cs"} or (cat == "Cn" and not 0x1F000 <= cp <= 0x1FFFD):
        return _Break.CONTROL
    if (cat == "So" and (cp >= 0x2000 or cp in (0xA9, 0xAE))) or 0x1F000 <= cp <= 0x1FFFD:
        return _Break.PICTO
    return _Break.OTHER


def _hangul(cp: int) -> _Break | None:
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _Break.L
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _Break.V
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _Break.T
    if 0xAC00 <= cp <= 0xD7A3:
        return _Break.LV if (cp - 0xAC00) % 28 == 0 else _Break.LVT
    return None


_HANGUL_JOINS = {
    _Break.L: {_Break.L, _Break.V, _Break.LV, _Break.LVT},
    _Break.LV: {_Break.V, _Break.T},
    _Break.V: {_Break.V, _Break.T},
    _Break.LVT: {_Break.T},
    _Break.T: {_Break.T},
}
_ALONE = {_Break.CR, _Break.LF, _Break.CONTROL}


def _joins(prev: _Break, cur: _Break, *, picto_zwj: bool, odd_regionals: bool) -> bool:
    """No break between prev and cur (GB3-GB13; GB999 otherwise)."""
    if prev is _Break.CR and cur is _Break.LF:
        return True
    if prev in _ALONE or cur in _ALONE:
        return False
    if cur in _HANGUL_JOINS.get(prev, ()):
        return True
    if cur in {_Break.EXTEND, _Break.ZWJ, _Break.SPACING} or prev is _Break.PREPEND:
        return True
    if prev is _Break.ZWJ and cur is _Break.PICTO:
        return picto_zwj
    return prev is _Break.REGIONAL and cur is _Break.REGIONAL and odd_regionals


def _clusters(text: str) -> Iterator[str]:
    start = 0
    prev: _Break | None = None
    picto = False  # in an Extended_Pictographic Extend* run (GB11)
    picto_zwj = False  # ... that ended with a ZWJ
    regionals = 0  # regional indicators in a row before the current one
    for i, ch in enumerate(text):
        cur = _break_class(ch)
        if prev is not None and not _joins(
            prev, cur, picto_zwj=picto_zwj, odd_regionals=regionals % 2 == 1
        ):
            yield text[start:i]
            start = i
        picto_zwj = picto and cur is _Break.ZWJ
        picto = cur is _Break.PICTO or (picto and cur is _Break.EXTEND)
        regionals = regionals + 1 if cur is _Break.REGIONAL else 0
        prev = cur
    if text:
        yield text[start:]


def graphemes(text: str) -> list[str]:
    """The extended grapheme clusters of `text`, in order."""
    return list(_clusters(text))


def grapheme_count(text: str) -> int:
    return sum(1 for _ in _clusters(text))
