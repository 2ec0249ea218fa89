"""Registrable domains (public-suffix aware, offline) and what kind of
address a domain is: business, free mail or disposable."""

import pytest

from conversations.domains import DomainKind, classify_domain, registrable_domain


@pytest.mark.parametrize(
    ("host", "registrable"),
    [
        ("acme.com", "acme.com"),
        ("mail.acme.com", "acme.com"),
        ("a.b.c.mail.acme.com", "acme.com"),
        ("mail.eu.acme.co.uk", "acme.co.uk"),
        ("acme.co.uk", "acme.co.uk"),
        ("sub.acme.com.au", "acme.com.au"),
        ("mx.acme.com.br", "acme.com.br"),
        ("tokyo.acme.co.jp", "acme.co.jp"),
        ("ACME.COM", "acme.com"),
        ("Mail.EU.Acme.Co.UK", "acme.co.uk"),
        ("acme.com.", "acme.com"),
        ("Mail.Acme.COM.", "acme.com"),
        (" acme.com ", "acme.com"),
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("post.MÜNCHEN.de", "xn--mnchen-3ya.de"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        ("почта.пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("пример.рф.", "xn--e1afmkfd.xn--p1ai"),
        # Private public suffixes: each site under them has its own owner.
        ("foo.github.io", "foo.github.io"),
        ("bar.github.io", "bar.github.io"),
        ("mail.foo.github.io", "foo.github.io"),
        ("Foo.GitHub.io.", "foo.github.io"),
        ("shop.herokuapp.com", "shop.herokuapp.com"),
        ("news.blogspot.com", "news.blogspot.com"),
        ("x.news.blogspot.com", "news.blogspot.com"),
        ("blogspot.co.uk", "blogspot.co.uk"),  # ICANN rules: not a private suffix there
    ],
)
def test_registrable_domain(host: str, registrable: str) -> None:
    assert registrable_domain(host) == registrable


def test_a_bare_suffix_or_single_label_is_kept_as_is() -> None:
    assert registrable_domain("co.uk") == "co.uk"
    assert registrable_domain("github.io") == "github.io"
    assert registrable_domain("localhost") == "localhost"


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",  # worldwide
        "GMAIL.COM",
        "googlemail.com",
        "outlook.com",
        "hotmail.es",  # Spain
        "yandex.ru",  # Russia
        "mail.ru",
        "inbox.ru",
        "rambler.ru",
        "uol.com.br",  # Brazil
        "bol.com.br",
        "terra.com.br",
        "libero.it",  # Italy
        "virgilio.it",
        "gmx.de",  # Germany
        "web.de",
        "orange.fr",  # France
        "seznam.cz",  # Czechia
        "wp.pl",  # Poland
        "qq.com",  # China
        "naver.com",  # Korea
        "yahoo.co.jp",  # Japan
        "mail.yandex.ru",  # a subdomain of a free provider
        "home.dyndns.org",  # under a free-mail entry that is itself a private suffix
    ],
)
def test_free_mail_from_several_countries(domain: str) -> None:
    assert classify_domain(domain) is DomainKind.FREE


@pytest.mark.parametrize(
    "domain",
    [
        "mailinator.com",
        "10minutemail.com",
        "guerrillamail.com",
        "sharklasers.com",
        "yopmail.com",  # France
        "trashmail.de",  # Germany
        "temp-mail.org",
    ],
)
def test_disposable_domains(domain: str) -> None:
    assert classify_domain(domain) is DomainKind.DISPOSABLE


@pytest.mark.parametrize(
    "domain",
    [
        "acme.com",
        "mail.eu.acme.co.uk",
        "acme.com.br",
        "münchen.de",
        "proficonf.com",
        "foo.github.io",
        "shop.herokuapp.com",
    ],
)
def test_business_domains(domain: str) -> None:
    assert classify_domain(domain) is DomainKind.BUSINESS
