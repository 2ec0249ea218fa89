"""Use cases around an organization outside a chat step: the confirmation link,
the trial credit ledger, tokens."""
