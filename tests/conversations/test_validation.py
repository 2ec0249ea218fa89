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
