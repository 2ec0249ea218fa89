"""`POST /api/v1/organizations/{id}/credit-usage`: the conferencing platform
reports spend in USD minor units. Bearer token first (nothing is read before
it matches), then a required `Idempotency-Key`: a retry with the same key gets
the same answer and is recorded once; the same key with another body is 422."""

import hmac
import re
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler
from pydantic import SecretStr

from bot.organizations.credits import MAX_USAGE_MINOR, UsageOutcome, report_usage
from bot.steps.engine import Engine
from bot.web.json_body import MalformedJson, parse_json

__all__ = ["ROUTE", "credit_usage_handler"]

ROUTE = r"/api/v1/organizations/{org_id:\d{1,18}}/credit-usage"
MAX_ORG_ID = 2**31 - 1
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
_FIELDS = {"amount_minor", "currency"}


def _error(status: int, code: str, **headers: str) -> web.Response:
    return web.json_response({"error": code}, status=status, headers=headers)


def _authorized(request: web.Request, token: SecretStr) -> bool:
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    expected = token.get_secret_value().encode()
    # compare_digest runs in time independent of where the strings differ.
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)


def _amount(body: Any) -> int | None:
    if not isinstance(body, dict) or not set(body) <= _FIELDS:
        return None
    amount = body.get("amount_minor")
    if isinstance(amount, bool) or not isinstance(amount, int):
        return None
    if not 0 < amount <= MAX_USAGE_MINOR:
        return None
    if body.get("currency", "USD") != "USD":
        return None
    return amount


def credit_usage_handler(engine: Engine, token: SecretStr) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        if not _authorized(request, token):
            return _error(401, "unauthorized", **{"WWW-Authenticate": "Bearer"})
        org_id = int(request.match_info["org_id"])
        if org_id > MAX_ORG_ID:
            return _error(404, "organization_not_found")
        key = request.headers.get("Idempotency-Key", "")
        if not _KEY.match(key):
            return _error(400, "idempotency_key_required")
        try:
            body = parse_json(await request.read())
        except MalformedJson:
            return _error(400, "malformed_json")
        amount = _amount(body)
        if amount is None:
            return _error(400, "invalid_amount")
        result = await report_usage(engine, org_id=org_id, idempotency_key=key, amount_minor=amount)
        if result.outcome is UsageOutcome.UNKNOWN_ORGANIZATION:
            return _error(404, "organization_not_found")
        if result.outcome is UsageOutcome.KEY_REUSED:
            return _error(422, "idempotency_key_reused")
        usage = result.usage
        assert usage is not None
        headers = {"Idempotent-Replayed": "true"} if result.outcome is UsageOutcome.REPLAYED else {}
        return web.json_response(
            {
                "organization_id": usage.org_id,
                "idempotency_key": usage.idempotency_key,
                "amount_minor": usage.amount_minor,
                "applied_minor": usage.applied_minor,
                "remaining_minor": usage.remaining_minor,
                "currency": usage.currency,
            },
            headers=headers,
        )

    return handle
