"""Request limits applied before any handler: an oversized body is refused
with 413 without being read."""

from collections.abc import Awaitable, Callable

from aiohttp import web

__all__ = ["MAX_BODY", "body_limit"]

MAX_BODY = 64 * 1024
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def body_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
    length = request.content_length
    if length is not None and length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=length)
    return await handler(request)
