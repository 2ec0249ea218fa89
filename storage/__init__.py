"""Persistence: SQLAlchemy models, repositories returning plain records, the
outbox, and Alembic migrations."""
