"""No header can come from an organization name, on the wire: the email the
real SMTP server (aiosmtpd on loopback) received, parsed with
`BytesParser(policy=email.policy.default)`, has exactly our headers, once
each, Reply-To the configured one, whatever the name (encoded words q and b,
CR/LF, U+2028, very long). The names are written straight into the row, as an
older row or a bug in the checks would leave them; the chat refuses them
before that (last test). Runs on Python 3.11, whose email package decodes an
encoded word in a header and writes its CR/LF as is."""

import base64
import io
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from pydantic import ValidationError

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.mail.content import header_safe
from bot.services import Services
from conversations.validation import FieldError, check_email
from storage.organizations import list_organizations
from tests.bot.test_email_content import queue
from tests.smtp_server import SmtpServer

HTML_BODY = base64.b64encode(b"X\r\nContent-Type: text/html\r\n\r\n<h1>pay here</h1>").decode()
HOSTILE_NAMES = [
    "=?utf-8?q?Urgent=0D=0AReply-To:_x@evil.example?=",
    f"=?utf-8?b?{HTML_BODY}?=",
    "Acme =?UTF-8?Q?=0D=0ABcc:_y@evil.example?= Labs",
    "Acme\r\nReply-To: x@evil.example",
    "Acme\u2028Reply-To: x@evil.example",
    "Acme\u0085Bcc: x@evil.example",
    "N" * 1024,
    "\u00c4rger =?utf-8?q?x?= " * 40,
]
HEADERS = [
    "Auto-Submitted",
    "Content-Language",
    "Content-Type",
    "Date",
    "From",
    "MIME-Version",
    "Message-ID",
    "Reply-To",
    "Subject",
    "To",
]


def parse(raw: bytes) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(parsed, EmailMessage)
    return parsed


@pytest.mark.parametrize("name", HOSTILE_NAMES)
async def test_a_hostile_name_makes_no_header(
    smtp_services: Services, smtp_server: SmtpServer, name: str
) -> None:
    services = smtp_services
    await queue(services, name)
    assert await services.worker.drain_once() == 1
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("alice@acme.com",)
    message = parse(received.raw)

    assert sorted(message.keys()) == HEADERS  # each exactly once, nothing else
    assert message["Reply-To"] == services.settings.mail_reply_to
    assert [a.addr_spec for a in message["Reply-To"].addresses] == ["support@proficonf.com"]
    assert message["To"] == "alice@acme.com"
    assert message["From"] == services.settings.mail_from
    expected = services.translator.format(
        "en", "email-confirm-subject", {"name": header_safe(name)}
    )
    # Python 3.11 may fold a value onto the line after "Subject:", which
    # leaves it a leading space when read back; the words are what count.
    assert " ".join(str(message["Subject"]).split()) == header_safe(expected)
    # The name's text as plain text, never decoded: no line break, no encoded word.
    assert not any(ch in message["Subject"] for ch in "\r\n\u2028\x85")
    assert "=?" not in message["Subject"]
    assert not message.defects
    # The body is ours: one plain and one HTML part, with our link.
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    assert "/confirm/" in html.get_content() and "<h1>" not in html.get_content()


@pytest.mark.parametrize(
    "value",
    [
        "=?utf-8?q?Support=0D=0ABcc:_x@evil.example?= <support@acme.com>",
        "Support <support@acme.com>\r\nBcc: x@evil.example",
        "support@acme.com, x@evil.example",
        "Support <s\u00fcpport@acme.com>",
        "Support\u2028Desk <support@acme.com>",
        "not an address",
    ],
)
def test_configured_addresses_are_checked_at_start(value: str) -> None:
    for field in ("mail_from", "mail_reply_to", "support_email"):
        with pytest.raises(ValidationError):
            Settings(**{field: value, "_env_file": None})  # type: ignore[arg-type]


def test_the_support_address_customers_read_is_one_plain_address() -> None:
    settings = Settings(support_email=" Help@Acme.com ", _env_file=None)  # type: ignore[call-arg]
    assert settings.support_email == "Help@acme.com"


def test_the_default_support_address_passes_the_check_it_skips() -> None:
    default = Settings(_env_file=None).support_email  # type: ignore[call-arg]
    checked = check_email(default)
    assert not isinstance(checked, FieldError) and checked.value == default


def test_a_configured_display_name_in_any_script_is_fine() -> None:
    settings = Settings(mail_from="Proficonf Ассистент <no-reply@acme.com>", _env_file=None)  # type: ignore[call-arg]
    assert settings.mail_from == "Proficonf Ассистент <no-reply@acme.com>"


async def test_the_chat_refuses_the_encoded_word_and_stores_nothing(
    smtp_services: Services, smtp_server: SmtpServer
) -> None:
    out = io.StringIO()
    channel = ConsoleChannel(smtp_services, "mallory", out)
    for line in ["/start", "en", HOSTILE_NAMES[0]]:
        await channel.handle_line(line)
    refusal = smtp_services.translator.format("en", "error-name-encoded-word", {})
    assert refusal in out.getvalue()
    async with smtp_services.engine.sessions() as session:
        assert await list_organizations(session) == []
    assert await smtp_services.worker.drain_once() == 0
    assert smtp_server.mailbox.received == []
