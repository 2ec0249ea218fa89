"""The typo finder skips candidates whose length alone rules them out; it
must answer exactly as the plain comparison against every candidate."""

from hypothesis import given, settings
from hypothesis import strategies as st

from conversations import typos


def _plain_closest(word: str, candidates: tuple[str, ...], limit: int) -> str | None:
    scored = sorted((typos._distance(word, c), c) for c in candidates)
    if scored and len(scored[0][1]) <= 7:
        limit = min(limit, 1)
    if not scored or scored[0][0] == 0 or scored[0][0] > limit:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


near_known = st.sampled_from(typos.WELL_KNOWN).flatmap(
    lambda known: st.lists(
        st.tuples(st.integers(0, len(known)), st.sampled_from("abcdeilmnot.-")), max_size=3
    ).map(lambda edits: _apply(known, edits))
)


def _apply(word: str, edits: list[tuple[int, str]]) -> str:
    for at, letter in edits:
        at = min(at, len(word))
        word = word[:at] + letter + word[at + 1 :] if at % 2 else word[:at] + letter + word[at:]
    return word


@settings(max_examples=300)
@given(st.one_of(near_known, st.text(alphabet="abcdegilmnortu.-", max_size=16)))
def test_the_length_shortcut_answers_as_the_plain_comparison(domain: str) -> None:
    for candidates, limit in ((typos.WELL_KNOWN, typos.MAX_DISTANCE), (typos.TLDS, 1)):
        assert typos._closest(domain, candidates, limit) == _plain_closest(
            domain, candidates, limit
        )
