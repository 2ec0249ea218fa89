"""Words a person reads: Fluent bundles per language, and replies rendered into
plain messages."""
