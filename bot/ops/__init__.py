"""Running it: clock, logs and their redaction, metrics, crash points for
tests, the funnel report."""
