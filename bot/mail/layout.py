"""The confirmation email's HTML, in the brand, built the way mail clients
need it: nested `role="presentation"` tables, every style inline (Gmail and
Outlook drop or ignore stylesheets), a text wordmark rather than an image
and a camera mark drawn with table cells (images are blocked until the reader
allows them), a "bulletproof" button
(a table cell with its own background, so the button shows even where the
link's padding is ignored), and a hidden preheader that inbox lists show
next to the subject. The one `<style>` block only adds dark-mode colours
for the clients that honour it; without it the email reads in light.
All text arrives as plain text and is escaped here."""

from dataclasses import dataclass
from html import escape

__all__ = ["DARK", "LIGHT", "ConfirmationText", "confirmation_html"]

# The brand's tokens (bot/web/static/brand.css); tests check the two agree.
LIGHT = {
    "bg": "#f3f5fa",
    "surface": "#ffffff",
    "text": "#151c2c",
    "muted": "#4b5568",
    "border": "#d5dbe8",
    "primary": "#2b4fd8",
    "on-primary": "#ffffff",
    "accent-bg": "#eef2ff",
}
DARK = {
    "bg": "#0d121c",
    "surface": "#171e2c",
    "text": "#e9edf5",
    "muted": "#a7b1c4",
    "border": "#2c364a",
    "primary": "#8aa4ff",
    "on-primary": "#0d121c",
    "accent-bg": "#1e2840",
}
_FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"


@dataclass(frozen=True)
class ConfirmationText:
    """Every word of the email, as plain text."""

    subject: str
    preheader: str
    brand: str
    title: str
    intro: str
    action: str
    expiry: str
    next_heading: str
    next_step: str
    link_hint: str
    ignore: str
    signature: str


def _footer(footer: tuple[str, str] | None) -> str:
    if footer is None:
        return ""
    said, url = escape(footer[0]), escape(footer[1])
    return f"""
<p class="pc-muted" style="margin:24px 0 0;font-family:{_FONT};color:{LIGHT["muted"]};\
font-size:12px;line-height:18px;word-break:break-all">{said} \
<a class="pc-link" href="{url}" target="_blank" \
style="color:{LIGHT["primary"]};text-decoration:underline">{url}</a></p>"""


def _dark_styles() -> str:
    c = DARK
    return f"""@media (prefers-color-scheme: dark) {{
.pc-bg {{ background-color: {c["bg"]} !important; }}
.pc-card {{ background-color: {c["surface"]} !important; border-color: {c["border"]} !important; }}
.pc-text {{ color: {c["text"]} !important; }}
.pc-muted {{ color: {c["muted"]} !important; }}
.pc-link {{ color: {c["primary"]} !important; }}
.pc-next {{ background-color: {c["accent-bg"]} !important; }}
.pc-next {{ border-color: {c["primary"]} !important; }}
.pc-button {{ background-color: {c["primary"]} !important; }}
.pc-button a {{ color: {c["on-primary"]} !important; }}
.pc-mark {{ background-color: {c["primary"]} !important; }}
.pc-lens {{ background-color: {c["on-primary"]} !important; }}
.pc-lens-tip {{ border-left-color: {c["on-primary"]} !important; }}
}}"""


def confirmation_html(
    language: str, url: str, words: ConfirmationText, footer: tuple[str, str] | None = None
) -> str:
    """`footer`: a last small line of text with a link (the invitation's
    "never invite me again"), both plain and escaped here."""
    c = LIGHT
    e = escape
    w = {name: e(value) for name, value in vars(words).items()}
    link = e(url)
    text = f"font-family:{_FONT};color:{c['text']}"
    return f"""<!doctype html>
<html lang="{e(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{w["subject"]}</title>
<style>
{_dark_styles()}
</style>
</head>
<body class="pc-bg" style="margin:0;padding:0;background-color:{c["bg"]}">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;\
mso-hide:all;font-size:1px;line-height:1px;color:{c["bg"]}">{w["preheader"]}</div>
<table role="presentation" class="pc-bg" width="100%" cellpadding="0" cellspacing="0" \
border="0" style="background-color:{c["bg"]}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
style="max-width:560px">
<tr><td style="padding:0 4px 16px">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="pc-mark" width="28" height="28" align="center" valign="middle" \
style="width:28px;height:28px;background-color:{c["primary"]};border-radius:8px">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="pc-lens" width="11" height="10" style="width:11px;height:10px;\
background-color:{c["on-primary"]};border-radius:2px;font-size:0;line-height:0">&nbsp;</td>
<td width="1" style="width:1px;font-size:0;line-height:0">&nbsp;</td>
<td class="pc-lens-tip" width="0" height="0" style="width:0;height:0;font-size:0;line-height:0;\
border-top:4px solid transparent;border-bottom:4px solid transparent;\
border-left:5px solid {c["on-primary"]}">&nbsp;</td>
</tr></table>
</td>
<td class="pc-text" style="padding-left:10px;{text};font-size:21px;line-height:28px;\
font-weight:700;letter-spacing:-0.2px">{w["brand"]}</td>
</tr></table>
</td></tr>
<tr><td class="pc-card" style="background-color:{c["surface"]};border:1px solid {c["border"]};\
border-radius:16px;padding:32px 28px">
<h1 class="pc-text" style="margin:0 0 12px;{text};font-size:24px;line-height:30px;\
font-weight:700">{w["title"]}</h1>
<p class="pc-text" style="margin:0 0 24px;{text};font-size:16px;line-height:24px">\
{w["intro"]}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="pc-button" align="center" bgcolor="{c["primary"]}" style="border-radius:10px;\
background-color:{c["primary"]}">
<a href="{link}" target="_blank" style="display:inline-block;padding:14px 28px;\
font-family:{_FONT};font-size:16px;line-height:20px;font-weight:600;color:{c["on-primary"]};\
text-decoration:none;border-radius:10px">{w["action"]}</a>
</td></tr></table>
<p class="pc-muted" style="margin:16px 0 0;font-family:{_FONT};color:{c["muted"]};\
font-size:14px;line-height:20px">{w["expiry"]}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
style="margin-top:24px"><tr>
<td class="pc-next" style="background-color:{c["accent-bg"]};border-left:4px solid \
{c["primary"]};border-radius:0 10px 10px 0;padding:14px 16px">
<p class="pc-text" style="margin:0 0 4px;{text};font-size:14px;line-height:20px;\
font-weight:700">{w["next_heading"]}</p>
<p class="pc-text" style="margin:0;{text};font-size:15px;line-height:22px">{w["next_step"]}</p>
</td></tr></table>
<p class="pc-muted" style="margin:24px 0 4px;font-family:{_FONT};color:{c["muted"]};\
font-size:14px;line-height:20px">{w["link_hint"]}</p>
<p style="margin:0;font-family:{_FONT};font-size:14px;line-height:20px;word-break:break-all">\
<a class="pc-link" href="{link}" target="_blank" style="color:{c["primary"]};\
text-decoration:underline">{link}</a></p>
<p class="pc-muted" style="margin:24px 0 0;font-family:{_FONT};color:{c["muted"]};\
font-size:14px;line-height:20px">{w["ignore"]}</p>
<p class="pc-text" style="margin:24px 0 0;{text};font-size:16px;line-height:24px">\
{w["signature"]}</p>{_footer(footer)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""
