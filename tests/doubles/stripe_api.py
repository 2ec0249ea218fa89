"""A loopback Stripe API for tests. The real `stripe` library talks to it
through `STRIPE_API_BASE`. Parameters are checked against the library's own
typed definitions; objects are shaped like Stripe's published fixtures
(`stripe_objects.json`, from stripe/openapi); Idempotency-Key is honoured
(a key reused with other parameters is refused, as Stripe does); it
can be told to fail; webhook events are signed with Stripe's algorithm."""

import copy
import hashlib
import hmac
import json
import secrets
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from stripe.params import (
    CustomerCreateParams,
    CustomerDeleteParams,
    CustomerListParams,
    CustomerRetrieveParams,
    CustomerUpdateParams,
    MandateRetrieveParams,
    PaymentMethodConfigurationListParams,
    PaymentMethodRetrieveParams,
    SetupIntentRetrieveParams,
)
from stripe.params.checkout import (
    SessionCreateParams,
    SessionExpireParams,
    SessionRetrieveParams,
)

from .stripe_params import ParamError, decode_form, validate

__all__ = ["Request", "StripeDouble", "sign"]

# `payment_method_configuration` is not among stripe/openapi's fixtures: it is
# the example of Stripe's API reference (GET /v1/payment_method_configurations/
# pmc_abcdef), cut to the methods that matter here.
FIXTURES = json.loads((Path(__file__).with_name("stripe_objects.json")).read_text())
# Payment method types Checkout can offer per currency (setup mode).
_ELIGIBLE = {"card": None, "sepa_debit": {"eur"}}
_EXPANDABLE = {
    "setup_intent": {"mandate", "payment_method", "customer"},
    "checkout.session": {"setup_intent", "customer"},
}


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The `Stripe-Signature` header: HMAC-SHA256 of "{t}.{payload}" (scheme v1)."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, Any]
    idempotency_key: str | None
    status: int


@dataclass
class _Failure:
    status: int
    executed: bool  # the work was done, only the answer was lost
    path: str | None


class _StripeError(Exception):
    def __init__(self, status: int, kind: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": kind, "message": message, **extra}}


def _missing(kind: str, object_id: str, param: str = "id") -> _StripeError:
    return _StripeError(
        404,
        "invalid_request_error",
        f"No such {kind}: '{object_id}'",
        code="resource_missing",
        param=param,
    )


@dataclass
class StripeDouble:
    api_key: str = "sk_test_double"
    now: Callable[[], float] = time.time
    base_url: str = ""
    customers: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted_customers: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    setup_intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    payment_methods: dict[str, dict[str, Any]] = field(default_factory=dict)
    mandates: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    # Whether the account offers SEPA Direct Debit (its payment method
    # configuration): without it Checkout silently shows cards only.
    sepa_debit_available: bool = True
    events: list[dict[str, Any]] = field(default_factory=list)
    _idempotent: dict[str, tuple[str, str, int, dict[str, Any]]] = field(default_factory=dict)
    _failures: list[_Failure] = field(default_factory=list)
    _runner: web.AppRunner | None = None

    # -- lifecycle ---------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def fail_next(
        self, times: int, *, status: int = 500, executed: bool = False, path: str | None = None
    ) -> None:
        """Answer the next `times` requests (to `path`, if given) with `status`;
        with `executed`, the request is carried out first and only its answer is lost."""
        self._failures += [_Failure(status, executed, path) for _ in range(times)]

    def _take_failure(self, path: str) -> _Failure | None:
        for index, failure in enumerate(self._failures):
            if failure.path in (None, path):
                return self._failures.pop(index)
        return None

    def created(self, path: str) -> list[Request]:
        """Successful POSTs to `path` that really created something (not replays)."""
        return [
            r for r in self.requests if r.method == "POST" and r.path == path and r.status == 200
        ]

    # -- HTTP --------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        failure = self._take_failure(request.path)
        if failure is not None and not failure.executed:
            return self._error(_StripeError(failure.status, "api_error", "Something went wrong."))
        try:
            status, body = await self._dispatch(request)
        except _StripeError as error:
            status, body = error.status, error.body
        if failure is not None:
            return self._error(_StripeError(failure.status, "api_error", "Something went wrong."))
        return web.json_response(body, status=status, headers={"Request-Id": _new_id("req")})

    def _error(self, error: _StripeError) -> web.Response:
        return web.json_response(error.body, status=error.status)

    async def _dispatch(self, request: web.Request) -> tuple[int, dict[str, Any]]:
        if request.headers.get("Authorization") != f"Bearer {self.api_key}":
            raise _StripeError(401, "invalid_request_error", "Invalid API Key provided.")
        if request.method == "POST":
            raw = await request.text()
            pairs = urllib.parse.parse_qsl(raw, keep_blank_values=True)
        else:
            raw = request.query_string
            pairs = list(request.query.items())
        try:
            params = decode_form(pairs)
        except ParamError as error:
            raise _StripeError(400, "invalid_request_error", str(error)) from error
        key = request.headers.get("Idempotency-Key") if request.method == "POST" else None
        fingerprint = f"{request.method} {request.path}"
        if key is not None and key in self._idempotent:
            seen_route, seen_raw, status, body = self._idempotent[key]
            if (seen_route, seen_raw) != (fingerprint, raw):
                raise _StripeError(
                    400,
                    "idempotency_error",
                    "Keys for idempotent requests can only be used with the same parameters "
                    "they were first used with.",
                )
            self.requests.append(Request(request.method, request.path, params, key, 0))
            return status, body
        try:
            status, body = self._route(request.method, request.path, params)
        except _StripeError as error:
            # Like Stripe for rejected parameters, nothing is saved under the key.
            self.requests.append(Request(request.method, request.path, params, key, error.status))
            raise
        self.requests.append(Request(request.method, request.path, params, key, status))
        if key is not None:
            self._idempotent[key] = (fingerprint, raw, status, body)
        return status, body

    def _route(self, method: str, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        parts = path.strip("/").split("/")
        routes: dict[tuple[str, ...], tuple[type, Callable[..., dict[str, Any]]]] = {
            ("POST", "customers"): (CustomerCreateParams, self._create_customer),
            ("POST", "customers", "*"): (CustomerUpdateParams, self._update_customer),
            ("GET", "customers", "*"): (CustomerRetrieveParams, self._get_customer),
            ("DELETE", "customers", "*"): (CustomerDeleteParams, self._delete_customer),
            ("GET", "customers"): (CustomerListParams, self._list_customers),
            ("POST", "checkout/sessions"): (SessionCreateParams, self._create_session),
            ("GET", "checkout/sessions", "*"): (SessionRetrieveParams, self._get_session),
            ("POST", "checkout/sessions", "*", "expire"): (SessionExpireParams, self._expire),
            ("GET", "setup_intents", "*"): (SetupIntentRetrieveParams, self._get_setup_intent),
            ("GET", "payment_methods", "*"): (PaymentMethodRetrieveParams, self._get_pm),
            ("GET", "mandates", "*"): (MandateRetrieveParams, self._get_mandate),
            ("GET", "payment_method_configurations"): (
                PaymentMethodConfigurationListParams,
                self._list_method_configurations,
            ),
        }
        if parts[:1] != ["v1"]:
            raise _StripeError(404, "invalid_request_error", f"Unrecognized request URL: {path}")
        rest = parts[1:]
        if rest[:2] == ["checkout", "sessions"]:
            rest = ["checkout/sessions", *rest[2:]]
        ids = rest[1:2] if len(rest) > 1 else []
        shape = tuple([method, rest[0], *(["*"] if len(rest) > 1 else []), *rest[2:]])
        if shape not in routes:
            raise _StripeError(
                404, "invalid_request_error", f"Unrecognized request URL ({method}: {path})"
            )
        params_cls, handler = routes[shape]
        try:
            typed = validate(params, params_cls)
        except ParamError as error:
            raise _StripeError(
                400, "invalid_request_error", str(error), param=error.param, code=error.code
            ) from error
        return 200, handler(*ids, typed)

    # -- objects -----------------------------------------------------------------

    def _template(self, kind: str, prefix: str, **values: Any) -> dict[str, Any]:
        obj = copy.deepcopy(FIXTURES[kind])
        obj.update(id=_new_id(prefix), created=int(self.now()), livemode=False, **values)
        return obj

    def _create_customer(self, params: dict[str, Any]) -> dict[str, Any]:
        customer = self._template(
            "customer",
            "cus",
            name=params.get("name"),
            email=params.get("email"),
            preferred_locales=params.get("preferred_locales", []),
            metadata=params.get("metadata", {}),
            currency=None,
        )
        self.customers[customer["id"]] = customer
        return customer

    def _customer(self, customer_id: str) -> dict[str, Any]:
        if customer_id not in self.customers:
            raise _missing("customer", customer_id)
        return self.customers[customer_id]

    def _get_customer(self, customer_id: str, params: dict[str, Any]) -> dict[str, Any]:
        if customer_id in self.deleted_customers:
            return {"id": customer_id, "object": "customer", "deleted": True}
        return self._customer(customer_id)

    def _list_customers(self, params: dict[str, Any]) -> dict[str, Any]:
        """Newest first; `email` (exact) and `created[gte|gt|lte|lt]` filter;
        `limit` and `starting_after` page, as Stripe's list does."""
        bounds = params.get("created", {})
        compare = {
            "gte": lambda a, b: a >= b,
            "gt": lambda a, b: a > b,
            "lte": lambda a, b: a <= b,
            "lt": lambda a, b: a < b,
        }
        found = [
            c
            for c in reversed(self.customers.values())
            if ("email" not in params or c.get("email") == params["email"])
            and all(compare[op](c["created"], int(v)) for op, v in bounds.items())
        ]
        found.sort(key=lambda c: c["created"], reverse=True)
        after = params.get("starting_after")
        if after is not None:
            ids = [c["id"] for c in found]
            found = found[ids.index(after) + 1 :] if after in ids else []
        limit = int(params.get("limit", 10))
        return {
            "object": "list",
            "url": "/v1/customers",
            "has_more": len(found) > limit,
            "data": copy.deepcopy(found[:limit]),
        }

    def _delete_customer(self, customer_id: str, params: dict[str, Any]) -> dict[str, Any]:
        """Like Stripe: gone for good; deleting it again is "No such customer"."""
        self.deleted_customers[customer_id] = self.customers.pop(
            customer_id, None
        ) or self._customer(customer_id)
        return {"id": customer_id, "object": "customer", "deleted": True}

    def _update_customer(self, customer_id: str, params: dict[str, Any]) -> dict[str, Any]:
        customer = self._customer(customer_id)
        settings = params.get("invoice_settings", {})
        method_id = settings.get("default_payment_method")
        if method_id:
            method = self.payment_methods.get(method_id)
            if method is None or method["customer"] != customer_id:
                raise _StripeError(
                    400,
                    "invalid_request_error",
                    f"No such PaymentMethod: '{method_id}'",
                    param="invoice_settings[default_payment_method]",
                    code="resource_missing",
                )
            customer["invoice_settings"]["default_payment_method"] = method_id
        for name in ("name", "email", "preferred_locales"):
            if name in params:
                customer[name] = params[name]
        customer.setdefault("metadata", {}).update(params.get("metadata", {}))
        return customer

    def _create_session(self, params: dict[str, Any]) -> dict[str, Any]:
        def reject(message: str, param: str) -> _StripeError:
            return _StripeError(400, "invalid_request_error", message, param=param)

        mode = params.get("mode")
        if mode is None:
            raise reject("Missing required param: mode.", "mode")
        if mode != "setup":
            raise reject("This double only implements setup mode.", "mode")
        if "line_items" in params:
            raise reject("You cannot pass `line_items` in `setup` mode.", "line_items")
        customer_id = params.get("customer")
        if customer_id is not None:
            self._customer(customer_id)
        currency = params.get("currency")
        allowed = params.get("allowed_payment_method_types")
        if currency is None and allowed is None:
            raise reject(
                "`currency` is required in setup mode when `allowed_payment_method_types` "
                "is not set.",
                "currency",
            )
        if "success_url" not in params:
            raise reject("Missing required param: success_url.", "success_url")
        now = int(self.now())
        expires_at = params.get("expires_at", now + 24 * 3600)
        if not now + 30 * 60 <= expires_at <= now + 24 * 3600:
            raise reject(
                "The `expires_at` timestamp must be between 30 minutes and 24 hours from "
                "Checkout Session creation.",
                "expires_at",
            )
        offered = [
            kind
            for kind in (allowed or ["card"])
            if kind in _ELIGIBLE
            and (_ELIGIBLE[kind] is None or currency in (_ELIGIBLE[kind] or ()))
            and (kind != "sepa_debit" or self.sepa_debit_available)
        ]
        if not offered:
            raise reject(
                "No valid payment method types for this Checkout Session.",
                "allowed_payment_method_types",
            )
        intent = self._template(
            "setup_intent",
            "seti",
            customer=customer_id,
            metadata=params.get("setup_intent_data", {}).get("metadata", {}),
            payment_method_types=offered,
            status="requires_payment_method",
            usage="off_session",
        )
        intent["client_secret"] = f"{intent['id']}_secret_{secrets.token_hex(8)}"
        self.setup_intents[intent["id"]] = intent
        session = self._template(
            "checkout.session",
            "cs_test",
            mode="setup",
            payment_intent=None,
            setup_intent=intent["id"],
            customer=customer_id,
            currency=currency,
            locale=params.get("locale"),
            client_reference_id=params.get("client_reference_id"),
            metadata=params.get("metadata", {}),
            payment_method_types=offered,
            allowed_payment_method_types=allowed,
            payment_status="no_payment_required",
            status="open",
            expires_at=expires_at,
            success_url=params.get("success_url"),
            cancel_url=params.get("cancel_url"),
            customer_details=None,
        )
        session["url"] = f"{self.base_url}/c/pay/{session['id']}"
        self.sessions[session["id"]] = session
        return session

    def _session(self, session_id: str) -> dict[str, Any]:
        if session_id not in self.sessions:
            raise _missing("checkout.session", session_id, "session")
        return self.sessions[session_id]

    def _expand(self, kind: str, obj: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        result = copy.deepcopy(obj)
        for name in params.get("expand", []):
            if name not in _EXPANDABLE.get(kind, set()):
                raise _StripeError(
                    400,
                    "invalid_request_error",
                    f"This property cannot be expanded ({name}).",
                    param="expand",
                )
            found = result.get(name)
            stores = {
                "mandate": self.mandates,
                "payment_method": self.payment_methods,
                "customer": self.customers,
                "setup_intent": self.setup_intents,
            }
            if isinstance(found, str):
                result[name] = copy.deepcopy(stores[name][found])
        return result

    def _get_session(self, session_id: str, params: dict[str, Any]) -> dict[str, Any]:
        return self._expand("checkout.session", self._session(session_id), params)

    def _expire(self, session_id: str, params: dict[str, Any]) -> dict[str, Any]:
        session = self._session(session_id)
        if session["status"] != "open":
            raise _StripeError(
                400,
                "invalid_request_error",
                'Only Checkout Sessions with a status in ["open"] can be expired.',
                param="session",
            )
        session["status"] = "expired"
        self.events.append(self.event("checkout.session.expired", session))
        return session

    def _get_setup_intent(self, intent_id: str, params: dict[str, Any]) -> dict[str, Any]:
        if intent_id not in self.setup_intents:
            raise _missing("setup_intent", intent_id, "intent")
        return self._expand("setup_intent", self.setup_intents[intent_id], params)

    def _get_pm(self, method_id: str, params: dict[str, Any]) -> dict[str, Any]:
        if method_id not in self.payment_methods:
            raise _missing("payment_method", method_id, "payment_method")
        return self.payment_methods[method_id]

    def _get_mandate(self, mandate_id: str, params: dict[str, Any]) -> dict[str, Any]:
        if mandate_id not in self.mandates:
            raise _missing("mandate", mandate_id, "mandate")
        return self.mandates[mandate_id]

    def _list_method_configurations(self, params: dict[str, Any]) -> dict[str, Any]:
        """The account's one (default) configuration, as the API reference shows it."""
        configuration = copy.deepcopy(FIXTURES["payment_method_configuration"])
        available = self.sepa_debit_available
        value = "on" if available else "off"
        configuration["sepa_debit"] = {
            "available": available,
            "display_preference": {"overridable": None, "preference": value, "value": value},
        }
        found = [configuration]
        if "active" in params:
            found = [c for c in found if c["active"] == params["active"]]
        return {
            "object": "list",
            "url": "/v1/payment_method_configurations",
            "has_more": False,
            "data": found[: int(params.get("limit", 10))],
        }

    # -- what a customer does on the Checkout page (test controls) ---------------

    def complete(
        self,
        session_id: str,
        kind: str = "card",
        *,
        brand: str = "visa",
        last4: str = "4242",
        country: str = "DE",
        bank_code: str = "37040044",
        mandate_status: str = "active",
    ) -> dict[str, Any]:
        """The customer saves a method; returns the `checkout.session.completed` event."""
        session = self._session(session_id)
        assert session["status"] == "open", f"session is {session['status']}"
        assert kind in session["payment_method_types"], f"{kind} is not offered"
        method = self._template(
            "payment_method",
            "pm",
            type=kind,
            customer=session["customer"],
            metadata={},
        )
        if kind == "card":
            method["card"].update(brand=brand, last4=last4, country="US")
        else:
            del method["card"]
            method["sepa_debit"] = {
                "bank_code": bank_code,
                "branch_code": "",
                "country": country,
                "fingerprint": secrets.token_hex(8),
                "generated_from": None,
                "last4": last4,
            }
        self.payment_methods[method["id"]] = method
        intent = self.setup_intents[session["setup_intent"]]
        intent.update(status="succeeded", payment_method=method["id"], last_setup_error=None)
        if kind == "sepa_debit":
            mandate = copy.deepcopy(FIXTURES["mandate"])
            mandate.update(
                id=_new_id("mandate"), payment_method=method["id"], status=mandate_status
            )
            self.mandates[mandate["id"]] = mandate
            intent["mandate"] = mandate["id"]
        session["status"] = "complete"
        return self.event("checkout.session.completed", session)

    def fail_setup(
        self,
        session_id: str,
        *,
        code: str | None = "card_declined",
        decline_code: str | None = "generic_decline",
        message: str = "Your card was declined.",
    ) -> dict[str, Any]:
        """The customer's attempt failed; Stripe's `last_setup_error` says why
        (`code`, and for a declined card `decline_code`)."""
        session = self._session(session_id)
        intent = self.setup_intents[session["setup_intent"]]
        error: dict[str, Any] = {"message": message, "type": "card_error"}
        if code is not None:
            error["code"] = code
        if decline_code is not None:
            error["decline_code"] = decline_code
        intent.update(status="requires_payment_method", last_setup_error=error)
        return self.event("setup_intent.setup_failed", intent)

    def submit_for_verification(
        self, session_id: str, *, last4: str = "3000", country: str = "DE"
    ) -> dict[str, Any]:
        """The customer submits a bank account that Stripe verifies
        asynchronously: the session completes, its SetupIntent is `processing`.
        Returns the `checkout.session.completed` event."""
        session = self._session(session_id)
        assert session["status"] == "open", f"session is {session['status']}"
        assert "sepa_debit" in session["payment_method_types"], "sepa_debit is not offered"
        method = self._template(
            "payment_method", "pm", type="sepa_debit", customer=session["customer"], metadata={}
        )
        del method["card"]
        method["sepa_debit"] = {
            "bank_code": "37040044",
            "branch_code": "",
            "country": country,
            "fingerprint": secrets.token_hex(8),
            "generated_from": None,
            "last4": last4,
        }
        self.payment_methods[method["id"]] = method
        intent = self.setup_intents[session["setup_intent"]]
        intent.update(status="processing", payment_method=method["id"], last_setup_error=None)
        session["status"] = "complete"
        return self.event("checkout.session.completed", session)

    def finish_verification(
        self,
        intent_id: str,
        *,
        succeeded: bool,
        code: str | None = None,
        message: str = "The bank account could not be verified.",
    ) -> dict[str, Any]:
        """Stripe's verdict on a `processing` SetupIntent: `setup_intent.succeeded`
        (with an active mandate) or `setup_intent.setup_failed`."""
        intent = self.setup_intents[intent_id]
        assert intent["status"] == "processing", f"intent is {intent['status']}"
        if succeeded:
            mandate = copy.deepcopy(FIXTURES["mandate"])
            mandate.update(
                id=_new_id("mandate"), payment_method=intent["payment_method"], status="active"
            )
            self.mandates[mandate["id"]] = mandate
            intent.update(status="succeeded", mandate=mandate["id"])
            return self.event("setup_intent.succeeded", intent)
        error: dict[str, Any] = {"message": message, "type": "invalid_request_error"}
        if code is not None:
            error["code"] = code
        intent.update(status="requires_payment_method", payment_method=None, last_setup_error=error)
        return self.event("setup_intent.setup_failed", intent)

    def expire(self, session_id: str) -> dict[str, Any]:
        """The session ran out of time."""
        session = self._session(session_id)
        session["status"] = "expired"
        return self.event("checkout.session.expired", session)

    def set_mandate(self, mandate_id: str, status: str) -> dict[str, Any]:
        self.mandates[mandate_id]["status"] = status
        return self.event("mandate.updated", self.mandates[mandate_id])

    def event(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        """An event as Stripe sends it: a snapshot of the object at that moment."""
        event = copy.deepcopy(FIXTURES["event"])
        event.update(
            id=_new_id("evt"),
            created=int(self.now()),
            type=kind,
            data={"object": copy.deepcopy(obj)},
            pending_webhooks=1,
            request={"id": None, "idempotency_key": None},
        )
        return event


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"
