"""The outbox: the worker that drains it under leases, and one module per kind
of row."""
