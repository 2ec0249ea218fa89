"""Checks request parameters against the `stripe` package's own TypedDicts
(`stripe.params.*`), the definitions generated from Stripe's OpenAPI spec:
unknown keys, missing required keys, wrong types and values outside an enum
are rejected the way the API rejects them."""

import functools
import re
import types
import typing
from decimal import Decimal
from typing import Any

import typing_extensions
from stripe._request_options import RequestOptions
from stripe._stripe_object import UntypedStripeObject

__all__ = ["ParamError", "decode_form", "validate"]

_REQUEST_OPTIONS = frozenset(RequestOptions.__annotations__)
_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


class ParamError(ValueError):
    def __init__(self, param: str, message: str, code: str = "parameter_invalid") -> None:
        super().__init__(message)
        self.param = param
        self.code = code


def decode_form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """`a[b][0]=x` pairs (Stripe's form encoding) → nested dicts; list indices
    stay as digit keys until the schema says a list is expected."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        match = _KEY.match(key)
        if match is None:
            raise ParamError(key, f"Invalid parameter name: {key}")
        parts = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ParamError(key, f"Invalid nesting in {key}")
        node[parts[-1]] = value
    return root


@functools.cache
def _hints(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    # RequestOptions (a base of every params class) names types its subclasses
    # do not import; they are request options, not parameters, and are skipped.
    names = {"StripeContext": object, "Mapping": typing.Mapping}
    hints = typing_extensions.get_type_hints(cls, localns=names)
    return hints, frozenset(cls.__required_keys__)  # type: ignore[attr-defined]


def _is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and typing_extensions.is_typeddict(tp)


def validate(params: dict[str, Any], cls: type) -> dict[str, Any]:
    """The params as typed values, or ParamError."""
    return _typeddict(params, cls, "", top=True)


def _name(path: str, key: str) -> str:
    return f"{path}[{key}]" if path else key


def _typeddict(value: Any, cls: type, path: str, *, top: bool = False) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ParamError(path, f"Invalid object: {path}")
    hints, required = _hints(cls)
    allowed = {k: v for k, v in hints.items() if not (top and k in _REQUEST_OPTIONS)}
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key not in allowed:
            raise ParamError(
                _name(path, key),
                f"Received unknown parameter: {_name(path, key)}",
                code="parameter_unknown",
            )
        result[key] = _check(item, allowed[key], _name(path, key))
    for key in required:
        if key in allowed and key not in value:
            raise ParamError(
                _name(path, key),
                f"Missing required param: {_name(path, key)}.",
                code="parameter_missing",
            )
    return result


def _check(value: Any, tp: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        literals = [
            a for a in args if typing.get_origin(a) in (typing.Literal, typing_extensions.Literal)
        ]
        others = [a for a in args if a not in literals]
        # `Literal['']|str` means "any string, empty unsets"; a longer Literal
        # next to `str` is an enum Stripe validates (the `str` is for new values).
        enum_values = {v for lit in literals for v in typing.get_args(lit)}
        if enum_values - {""} and str in others:
            others.remove(str)
        if isinstance(value, str) and value in enum_values:
            return value
        errors: list[ParamError] = []
        for option in others:
            try:
                return _check(value, option, path)
            except ParamError as error:
                errors.append(error)
        if enum_values - {""} and isinstance(value, str):
            raise ParamError(
                path,
                f"Invalid {path}: must be one of {', '.join(sorted(map(str, enum_values)))}",
            )
        raise errors[0] if errors else ParamError(path, f"Invalid value for {path}")
    if origin in (typing.Literal, typing_extensions.Literal):
        if value not in args:
            raise ParamError(path, f"Invalid {path}: must be one of {', '.join(map(str, args))}")
        return value
    if origin in (list, typing.List):  # noqa: UP006
        if value == "":
            return []
        if not isinstance(value, dict) or sorted(value, key=int) != [
            str(i) for i in range(len(value))
        ]:
            raise ParamError(path, f"Invalid array: {path}")
        return [_check(value[str(i)], args[0], f"{path}[{i}]") for i in range(len(value))]
    if origin in (dict, typing.Dict) or origin is UntypedStripeObject:  # noqa: UP006
        if not isinstance(value, dict):
            raise ParamError(path, f"Invalid object: {path}")
        inner = args[-1] if args else str
        return {k: _check(v, inner, _name(path, k)) for k, v in value.items()}
    if _is_typeddict(tp):
        return _typeddict(value, tp, path)
    if isinstance(value, dict):
        raise ParamError(path, f"Invalid {path}: expected a value, got an object")
    if tp is str:
        return value
    if tp is bool:
        if value not in ("true", "false"):
            raise ParamError(path, f"Invalid boolean: {value}")
        return value == "true"
    if tp is int:
        if not re.fullmatch(r"-?\d+", value):
            raise ParamError(path, f"Invalid integer: {value}")
        return int(value)
    if tp in (float, Decimal):
        try:
            return Decimal(value)
        except ArithmeticError as error:
            raise ParamError(path, f"Invalid decimal: {value}") from error
    raise ParamError(path, f"Unsupported parameter type at {path}: {tp!r}")
