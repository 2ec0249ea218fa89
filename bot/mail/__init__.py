"""Emails: content and mail-client layout, addresses as headers, where emails
go (files or SMTP)."""
