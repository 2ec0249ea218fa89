"""Did you mean gmail.com? A mistyped well-known mail domain or top-level
domain, found offline by edit distance against a short list. Pure code."""

__all__ = ["suggest_address", "suggest_domain"]

WELL_KNOWN = (
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "mail.com",
    "proton.me",
    "protonmail.com",
    "yandex.ru",
    "mail.ru",
    "gmx.de",
    "gmx.net",
    "web.de",
    "t-online.de",
    "libero.it",
    "virgilio.it",
    "uol.com.br",
    "bol.com.br",
)
TLDS = ("com", "net", "org", "ru", "de", "it", "es", "com.br")
MAX_DISTANCE = 2


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment): a swap of two
    neighbouring letters counts as one edit, as in `gmial`."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, rows[-2][j - 2] + 1)
            row.append(best)
        rows.append(row)
    return rows[-1][-1]


def _closest(word: str, candidates: tuple[str, ...], limit: int) -> str | None:
    """The one candidate within `limit` edits (none when two tie). Short
    names get one edit at most: `ge.com` is a company, not a typo of `me.com`."""
    # The distance is at least the difference in length: a candidate longer
    # or shorter by more than `limit` can be neither the answer nor a tie.
    scored = sorted((_distance(word, c), c) for c in candidates if abs(len(c) - len(word)) <= limit)
    if scored and len(scored[0][1]) <= 7:
        limit = min(limit, 1)
    if not scored or scored[0][0] == 0 or scored[0][0] > limit:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def suggest_domain(domain: str) -> str | None:
    """The well-known domain `domain` is probably a typo of, or None."""
    domain = domain.lower().rstrip(".")
    if domain in WELL_KNOWN:
        return None
    known = _closest(domain, WELL_KNOWN, MAX_DISTANCE)
    if known is not None:
        return known
    # A well-known top-level domain mistyped (`acme.cmo`, `acme.nte`): only the
    # last label, and only one edit, so real TLDs (.co, .io) are left alone.
    name, dot, tld = domain.rpartition(".")
    if not dot or not name or tld in TLDS or len(tld) < 3:
        return None
    fixed = _closest(tld, TLDS, 1)
    return f"{name}.{fixed}" if fixed is not None else None


def suggest_address(email: str) -> str | None:
    """`bob@gmial.com` → `bob@gmail.com`; None when the domain looks right."""
    local, at, domain = email.rpartition("@")
    if not at:
        return None
    fixed = suggest_domain(domain)
    return f"{local}@{fixed}" if fixed is not None else None
