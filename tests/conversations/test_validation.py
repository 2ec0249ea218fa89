import pytest

from conversations.domains import DomainKind, classify_domain, registrable_domain
from conversations.validation import (
    EmailResult,
    FieldError,
    NameResult,
    check_email,
    check_name,
    holds_payment_number,
    mask_email,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Acme", "Acme"),
        ("  Acme   Labs  ", "Acme Labs"),
        ("ООО Ромашка", "ООО Ромашка"),
        ("株式会社", "株式会社"),
        ("🚀🚀", "🚀🚀"),
        ("Dev 👨‍💻 Team", "Dev 👨‍💻 Team"),
        ("AT&T", "AT&T"),
        ("a < b", "a < b"),
        ("N" * 100, "N" * 100),
    ],
)
def test_good_names(raw: str, expected: str) -> None:
    assert check_name(raw) == NameResult(expected)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("", "error-name-empty"),
        ("   ", "error-name-empty"),
        ("A", "error-name-too-short"),
        ("N" * 101, "error-name-too-long"),
        ("Ac\x00me", "error-name-invisible"),
        ("Ac\tme", "error-name-invisible"),
        ("Ac\nme", "error-name-invisible"),
        ("Ac\u200bme", "error-name-invisible"),
        ("Ac\u202eme", "error-name-invisible"),
        ("Acme\u200d", "error-name-invisible"),
        ("\ufeffAcme", "error-name-invisible"),
        ("<b>Acme</b>", "error-name-markup"),
        ("<script>", "error-name-markup"),
        ("Acme &amp; Co", "error-name-markup"),
    ],
)
def test_bad_names(raw: str, error: str) -> None:
    assert check_name(raw) == FieldError(error)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        # Encoded words: Python 3.11's email package would decode them in a header.
        ("=?utf-8?q?Urgent=0D=0AReply-To:_x@evil.example?=", "error-name-encoded-word"),
        (
            "Acme =?UTF-8?B?DQpDb250ZW50LVR5cGU6IHRleHQvaHRtbA0KDQo8aDE+?=",
            "error-name-encoded-word",
        ),
        ("ab" + "\u0301" * 600, "error-name-stacked-marks"),  # 2 characters, 1 202 bytes
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 50, "error-name-too-big"),
        ("\u3164\u3164\u3164", "error-name-invisible"),  # HANGUL FILLER
        ("\u2800\u2800", "error-name-invisible"),  # BRAILLE PATTERN BLANK
        ("\u115f\u1160", "error-name-invisible"),
        ("\uffa0\uffa0", "error-name-invisible"),
        ("Acme\u3164Labs", "error-name-invisible"),
        ("\u3000\u3000", "error-name-empty"),  # ideographic spaces are spaces
        ("\u0301\u0301\u0301", "error-name-invisible"),  # marks on nothing
        ("Acme\u2066Labs\u2069", "error-name-invisible"),
        ("\u200eAcme", "error-name-invisible"),
        ("Acme\u061c", "error-name-invisible"),
        ("Acme\u2028Labs", "error-name-invisible"),
    ],
)
def test_hostile_names(raw: str, error: str) -> None:
    assert check_name(raw) == FieldError(error)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("e\u0301cole", "\u00e9cole"),  # NFC
        ("Acme\u3000Labs", "Acme Labs"),
        ("Acme\u00a0\u00a0Labs", "Acme Labs"),
        # Two flags: two characters (of four code points; one flag alone is too short).
        ("\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7", None),
        ("\u092a\u094d\u0930\u094c\u0926\u094d\u092f\u094b\u0917\u093f\u0915\u0940", None),
        ("Who=?Labs", "Who=?Labs"),  # not an encoded word; the email builder breaks it anyway
        ("\u0939" * 100, None),  # 100 characters of Devanagari: 300 bytes
        ("\U0001f680" * 100, None),  # 100 emoji: 400 bytes
    ],
)
def test_good_unusual_names(raw: str, expected: str | None) -> None:
    assert check_name(raw) == NameResult(expected or raw)


def test_one_flag_is_one_character() -> None:
    assert check_name("\U0001f1e9\U0001f1ea") == FieldError("error-name-too-short")


def test_length_is_counted_in_characters_a_reader_sees() -> None:
    # 100 letters with an accent each, written decomposed, that NFC cannot compose.
    assert check_name("q\u0301" * 100) == NameResult("q\u0301" * 100)
    assert check_name("q\u0301" * 101) == FieldError("error-name-too-long")


def test_combining_marks_do_not_count_as_visible() -> None:
    assert check_name("e\u0301") == FieldError("error-name-too-short")


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("alice@acme.com", "alice@acme.com"),
        (" Alice@ACME.COM ", "Alice@acme.com"),
        ("bob@mail.eu.acme.co.uk", "bob@mail.eu.acme.co.uk"),
        # Stored and sent as IDNA A-labels: every SMTP server takes those.
        ("ivan@пример.рф", "ivan@xn--e1afmkfd.xn--p1ai"),
    ],
)
def test_good_emails(raw: str, normalized: str) -> None:
    result = check_email(raw)
    assert isinstance(result, EmailResult)
    assert result.value == normalized


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("", "error-email-empty"),
        ("alice", "error-email-invalid"),
        ("alice@", "error-email-invalid"),
        ("a b@acme.com", "error-email-invalid"),
        ("<a@acme.com>", "error-email-invalid"),
        ("a@acme.com\r\nBcc: x@y.com", "error-email-invalid"),
        ("a" * 300 + "@acme.com", "error-email-too-long"),
    ],
)
def test_bad_emails(raw: str, error: str) -> None:
    assert check_email(raw) == FieldError(error)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        # Non-ASCII before the @ needs SMTPUTF8 end to end: refused, with why.
        ("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "error-email-latin-local-part"),
        ("\u00fc@b\u00fccher.de", "error-email-latin-local-part"),
        ("ivan.\u0438\u0432\u0430\u043d\u043e\u0432@acme.com", "error-email-latin-local-part"),
        # The To header would decode it into another address.
        ("=?utf-8?q?evil?=@acme.com", "error-email-invalid"),
        ("a=?b@acme.com", "error-email-invalid"),
        ('"alice smith"@acme.com', "error-email-invalid"),  # quoted local part
        ('"a"@acme.com', "error-email-invalid"),
        ("alice@[127.0.0.1]", "error-email-invalid"),  # IP literal
        ("alice@[IPv6:::1]", "error-email-invalid"),
        ("Alice <alice@acme.com>", "error-email-invalid"),
        ("alice\u2028@acme.com", "error-email-invalid"),
        ("alice@\u202eacme.com", "error-email-invalid"),
        ("alice@acme", "error-email-invalid"),
    ],
)
def test_undeliverable_emails_are_refused_with_a_reason(raw: str, error: str) -> None:
    assert check_email(raw) == FieldError(error)


@pytest.mark.parametrize(
    ("raw", "value", "domain"),
    [
        (
            "ivan@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
            "ivan@xn--e1afmkfd.xn--p1ai",
            "xn--e1afmkfd.xn--p1ai",
        ),
        ("a@B\u00dcCHER.de", "a@xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("a@b\u00fccher.de", "a@xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("a@xn--bcher-kva.de", "a@xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("a+tag@acme.com", "a+tag@acme.com", "acme.com"),
    ],
)
def test_internationalized_domains_are_kept_as_a_labels(raw: str, value: str, domain: str) -> None:
    assert check_email(raw) == EmailResult(value, domain)
    assert value.isascii()


@pytest.mark.parametrize(
    "text",
    [
        "4242424242424242",
        "4242 4242 4242 4242",
        "4111-1111-1111-1111",
        "my card: 378282246310005 exp 12/30",
        "DE89370400440532013000",
        "de89 3704 0044 0532 0130 00",
        "GB82 WEST 1234 5698 7654 32",
    ],
)
def test_payment_numbers_found(text: str) -> None:
    assert holds_payment_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "4242424242424241",
        "call me at +44 20 7946 0958",
        "order 1234567890123",
        "DE89370400440532013001",
    ],
)
def test_ordinary_numbers_pass(text: str) -> None:
    assert not holds_payment_number(text)


@pytest.mark.parametrize(
    ("domain", "registrable"),
    [
        ("acme.com", "acme.com"),
        ("mail.eu.acme.co.uk", "acme.co.uk"),
        ("ACME.COM.", "acme.com"),
        ("пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("a.b.acme.com.br", "acme.com.br"),
    ],
)
def test_registrable_domain(domain: str, registrable: str) -> None:
    assert registrable_domain(domain) == registrable


@pytest.mark.parametrize(
    ("domain", "kind"),
    [
        ("acme.com", DomainKind.BUSINESS),
        ("gmail.com", DomainKind.FREE),
        ("yandex.ru", DomainKind.FREE),
        ("mail.ru", DomainKind.FREE),
        ("uol.com.br", DomainKind.FREE),
        ("libero.it", DomainKind.FREE),
        ("mailinator.com", DomainKind.DISPOSABLE),
    ],
)
def test_domain_kinds(domain: str, kind: DomainKind) -> None:
    assert classify_domain(domain) is kind


def test_mask_email() -> None:
    assert mask_email("alice@acme.com") == "a…@acme.com"
