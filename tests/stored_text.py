"""What the database keeps as text: for tests that prove something (a card
number, a secret) is stored nowhere, in any table or column."""

import json

from sqlalchemy import JSON, String, Text, select

from bot.services import Services
from storage.models import Base

__all__ = ["stored_text_holding"]


async def stored_text_holding(services: Services, fragments: tuple[str, ...]) -> list[str]:
    """`table.column` of every text (or JSON) value, in every table, that
    holds one of `fragments`."""
    hits = []
    async with services.engine.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, String | Text | JSON):
                    continue
                for value in await session.scalars(select(column)):
                    dumped = value if isinstance(value, str) else json.dumps(value)
                    if any(fragment in (dumped or "") for fragment in fragments):
                        hits.append(f"{table.name}.{column.name}")
    return hits
