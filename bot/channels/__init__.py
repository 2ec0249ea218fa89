"""Channels translate platform input into core events and render replies.
They hold no flow logic."""
