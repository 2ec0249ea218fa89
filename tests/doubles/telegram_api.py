"""A loopback Telegram Bot API for tests. The real client libraries (aiogram,
python-telegram-bot) talk to it over HTTP through their own base-URL settings.
Every object it answers with is built from aiogram's typed models, so it is a
valid Bot API object. It refuses what Telegram refuses (text over 4096
characters, callback data over 64 bytes, unknown chats, HTML it cannot parse),
can answer 429 with `retry_after`, and lets a test act as users: send text and
commands, press buttons; then read what the bot sent."""

import asyncio
import html
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiogram.types import (
    CallbackQuery,
    Chat,
    ForumTopic,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)
from aiohttp import web

__all__ = ["BotMessage", "Refused", "TelegramApiDouble"]

_ALLOWED_TAGS = re.compile(
    r"</?(b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|blockquote|a)(\s[^<>]*)?>"
)
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(@\w+)?")


class Refused(Exception):
    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def _dump(obj: Any) -> Any:
    return obj.model_dump(mode="json", exclude_none=True, by_alias=True)


def parse_html(text: str) -> str:
    """Telegram's HTML parse mode: only its tags, and `<`, `>`, `&` escaped
    everywhere else. Returns the plain text a user sees."""
    plain: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _ALLOWED_TAGS.match(text, position)
            if match is None:
                raise Refused(
                    400, f"Bad Request: can't parse entities: unsupported tag at {position}"
                )
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                raise Refused(400, f"Bad Request: can't parse entities: bad entity at {position}")
            plain.append(html.unescape(match.group(0)))
            position = match.end()
        elif char == ">":
            raise Refused(400, f"Bad Request: can't parse entities: unescaped '>' at {position}")
        else:
            plain.append(char)
            position += 1
    return "".join(plain)


@dataclass
class BotMessage:
    """A message the bot sent, as the chat shows it now."""

    chat_id: int
    message_id: int
    html: str
    text: str
    markup: dict[str, Any] | None
    sent_at: float
    deleted: bool = False
    # Where in a supergroup: the forum topic, and the message it replies to.
    thread_id: int | None = None
    reply_to: int | None = None

    def callback_data(self) -> list[str]:
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def urls(self) -> list[str]:
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [b["url"] for row in rows for b in row if "url" in b]


@dataclass
class _Chat:
    chat: Chat
    next_message_id: int = 1
    user_messages: dict[int, Message] = field(default_factory=dict)
    deleted_user_messages: set[int] = field(default_factory=set)
    topics: dict[int, str] = field(default_factory=dict)


class TelegramApiDouble:
    def __init__(self, token: str, *, username: str = "proficonf_test_bot") -> None:
        self.token = token
        self.me = User(
            id=int(token.split(":")[0]),
            is_bot=True,
            first_name="Proficonf",
            username=username,
            can_join_groups=True,
        )
        self.users: dict[int, User] = {}
        self.chats: dict[int, _Chat] = {}
        self.bot_messages: list[BotMessage] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answers: dict[str, str | None] = {}
        self.blocked: set[int] = set()
        self._open_callbacks: set[str] = set()
        self.commands: dict[str | None, list[dict[str, str]]] = {}
        self.webhook: tuple[str, str | None] | None = None
        self.webhook_statuses: list[tuple[int, int]] = []  # (update_id, HTTP status)
        self.flood_answers = 0
        self._pending: list[dict[str, Any]] = []
        self._again: set[int] = set()
        # Every getUpdates answered, in order: its offset (0: none given) and
        # the update ids it returned.
        self.polls: list[tuple[int, list[int]]] = []
        self._closing = False
        self.delivered_updates: list[dict[str, Any]] = []
        self.callback_of_update: dict[int, str] = {}
        self._update_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._failures: list[tuple[str, int]] = []
        self._refusals: list[tuple[str, Refused]] = []
        self._fail_every: tuple[str, int, int] | None = None
        self._sends = 0
        self._deliveries: dict[int, asyncio.Task[None]] = {}
        self._http: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": self._get_me,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "setmycommands": self._set_my_commands,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
            "createforumtopic": self._create_forum_topic,
        }

    # -- server ----------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._serve)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        self._http = aiohttp.ClientSession()
        return self.base_url

    async def stop(self) -> None:
        self._closing = True
        async with self._changed:
            self._changed.notify_all()  # end long polls now
        for task in list(self._deliveries.values()):
            await asyncio.wait([task])
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
        elif request.can_read_body:
            data = dict(await request.post())
        else:
            data = dict(request.query)
        for key in ("reply_markup", "commands", "allowed_updates", "reply_parameters"):
            if isinstance(data.get(key), str):
                data[key] = json.loads(data[key])
        return {k: v for k, v in data.items() if v is not None}

    async def _serve(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"].lower()
        params = await self._params(request)
        handler = self._handlers.get(method)
        if handler is None:
            return self._refusal(Refused(404, "Not Found"))
        if method != "getupdates":
            self.calls.append((method, params))
        try:
            self._maybe_flood(method)
            self._maybe_refuse(method)
            result = await handler(params)
        except Refused as refusal:
            return self._refusal(refusal)
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _refusal(refusal: Refused) -> web.Response:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": refusal.code,
            "description": refusal.description,
        }
        if refusal.parameters:
            body["parameters"] = refusal.parameters
        return web.json_response(body, status=refusal.code)

    # -- 429 ---------------------------------------------------------------------

    def flood_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """The next `times` calls of `method` get 429 with `retry_after`."""
        self._failures += [(method.lower(), retry_after)] * times

    def flood_every(self, method: str, nth: int, retry_after: int = 1) -> None:
        """Every `nth` call of `method` gets 429."""
        self._fail_every = (method.lower(), nth, retry_after)

    def _maybe_flood(self, method: str) -> None:
        for index, (name, retry_after) in enumerate(self._failures):
            if name == method:
                del self._failures[index]
                self._flood(retry_after)
        if self._fail_every is not None and self._fail_every[0] == method:
            self._sends += 1
            if self._sends % self._fail_every[1] == 0:
                self._flood(self._fail_every[2])

    def refuse_next(
        self, method: str, code: int = 500, description: str = "Internal Server Error"
    ) -> None:
        """The next call of `method` is refused (a server error by default)."""
        self._refusals.append((method.lower(), Refused(code, description)))

    def _maybe_refuse(self, method: str) -> None:
        for index, (name, refusal) in enumerate(self._refusals):
            if name == method:
                del self._refusals[index]
                raise refusal

    def _flood(self, retry_after: int) -> None:
        self.flood_answers += 1
        raise Refused(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)

    # -- the users' side ---------------------------------------------------------

    def add_user(
        self, user_id: int, *, language_code: str | None = "en", first_name: str = "Alice"
    ) -> User:
        user = User(id=user_id, is_bot=False, first_name=first_name, language_code=language_code)
        self.users[user_id] = user
        self.chats[user_id] = _Chat(Chat(id=user_id, type="private", first_name=first_name))
        return user

    def block_bot(self, user_id: int) -> None:
        """The user blocks the bot: sending to them is forbidden from now on."""
        self.blocked.add(user_id)

    def add_group(self, chat_id: int, title: str = "Team") -> None:
        self.chats[chat_id] = _Chat(Chat(id=chat_id, type="group", title=title))

    def add_supergroup(self, chat_id: int, title: str = "Support", *, forum: bool) -> None:
        """A supergroup, with forum topics or without."""
        self.chats[chat_id] = _Chat(
            Chat(id=chat_id, type="supergroup", title=title, is_forum=forum or None)
        )

    def add_member(self, user_id: int, first_name: str) -> User:
        """Someone who writes in groups only (no private chat with the bot)."""
        user = User(id=user_id, is_bot=False, first_name=first_name, username=first_name.lower())
        self.users[user_id] = user
        return user

    async def say(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        topic_id: int | None = None,
        reply_to: int | None = None,
    ) -> int:
        """The user sends `text` (in a forum topic, or as a reply to a bot
        message, when given); returns the update id."""
        chat = self.chats[user_id if chat_id is None else chat_id]
        command = _COMMAND.match(text)
        replied = None
        if reply_to is not None:
            replied = self._as_message(self.bot_message(chat.chat.id, reply_to))
        thread = topic_id if topic_id is not None else reply_to
        message = Message(
            message_id=self._next_message_id(chat),
            date=datetime.now(UTC),
            chat=chat.chat,
            from_user=self.users[user_id],
            text=text,
            message_thread_id=thread,
            is_topic_message=True if topic_id is not None else None,
            reply_to_message=replied,
            entities=(
                [MessageEntity(type="bot_command", offset=0, length=command.end())]
                if command
                else None
            ),
        )
        chat.user_messages[message.message_id] = message
        return await self._add_update(Update(update_id=next(self._update_ids), message=message))

    async def press(
        self,
        user_id: int,
        message_id: int,
        data: str,
        *,
        forged: bool = False,
        chat_id: int | None = None,
    ) -> int:
        """The user presses the button with `data` on the bot's message (in
        their private chat, or in `chat_id`). A real client can only press
        buttons that are there; `forged` sends the data anyway (a modified client)."""
        message = self.bot_message(user_id if chat_id is None else chat_id, message_id)
        if not forged and data not in message.callback_data():
            raise AssertionError(f"no button {data!r} on message {message_id}")
        callback_id = str(next(self._callback_ids))
        self._open_callbacks.add(callback_id)
        query = CallbackQuery(
            id=callback_id,
            from_user=self.users[user_id],
            chat_instance=f"ci{message.chat_id}",
            message=self._as_message(message),
            data=data,
        )
        update_id = next(self._update_ids)
        self.callback_of_update[update_id] = callback_id
        return await self._add_update(Update(update_id=update_id, callback_query=query))

    async def redeliver(self, update_id: int) -> None:
        """Telegram sends an update again (it did not hear that we got it:
        when polling, as if the offset that confirmed it had been lost)."""
        for update in self.delivered_updates:
            if update["update_id"] == update_id:
                self._again.add(update_id)
                await self._queue(update)
                return
        raise AssertionError(f"update {update_id} was never sent")

    async def webhook_answered(self) -> None:
        """Until every webhook delivery so far has had its HTTP answer."""
        for task in list(self._deliveries.values()):
            await asyncio.wait([task])

    async def delete_webhook_for_test(self) -> None:
        """Keep new updates here (as for polling) so a test can hand them out."""
        await self._delete_webhook({})

    def user_message_deleted(self, chat_id: int, message_id: int) -> bool:
        return message_id in self.chats[chat_id].deleted_user_messages

    # -- reading what the bot did --------------------------------------------------

    def messages_in(self, chat_id: int) -> list[BotMessage]:
        return [m for m in self.bot_messages if m.chat_id == chat_id]

    async def wait_for_messages(self, chat_id: int, count: int, within: float = 20) -> None:
        """Until the bot has sent `count` messages to the chat."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.messages_in(chat_id)) >= count), within
            )

    async def wait_until(self, condition: Callable[[], bool], within: float = 20) -> None:
        """Until `condition` holds (checked whenever the bot did something here)."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), within)

    def bot_message(self, chat_id: int, message_id: int) -> BotMessage:
        for message in self.bot_messages:
            if message.chat_id == chat_id and message.message_id == message_id:
                return message
        raise AssertionError(f"no bot message {message_id} in chat {chat_id}")

    # -- updates -------------------------------------------------------------------

    def _next_message_id(self, chat: _Chat) -> int:
        number = chat.next_message_id
        chat.next_message_id += 1
        return number

    async def _add_update(self, update: Update) -> int:
        data = _dump(update)
        self.delivered_updates.append(data)
        await self._queue(data)
        return update.update_id

    async def _queue(self, data: dict[str, Any]) -> None:
        if self.webhook is not None:
            self._deliver(data)
            return
        async with self._changed:
            self._pending.append(data)
            self._changed.notify_all()

    def _chat_of(self, data: dict[str, Any]) -> int:
        if "message" in data:
            return int(data["message"]["chat"]["id"])
        return int(data["callback_query"]["message"]["chat"]["id"])

    def _deliver(self, data: dict[str, Any]) -> None:
        """Like Telegram: one update of a chat at a time, chats in parallel."""
        chat_id = self._chat_of(data)
        previous = self._deliveries.get(chat_id)
        task = asyncio.create_task(self._post(previous, data))
        self._deliveries[chat_id] = task

    async def _post(self, previous: "asyncio.Task[None] | None", data: dict[str, Any]) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        assert self.webhook is not None and self._http is not None
        url, secret = self.webhook
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with self._http.post(url, json=data, headers=headers) as response:
            self.webhook_statuses.append((int(data["update_id"]), response.status))

    # -- methods ---------------------------------------------------------------------

    def _chat(self, params: dict[str, Any]) -> _Chat:
        try:
            return self.chats[int(params["chat_id"])]
        except (KeyError, ValueError):
            raise Refused(400, "Bad Request: chat not found") from None

    def _as_message(self, message: BotMessage) -> Message:
        markup = InlineKeyboardMarkup.model_validate(message.markup) if message.markup else None
        return Message(
            message_id=message.message_id,
            date=datetime.now(UTC),
            chat=self.chats[message.chat_id].chat,
            from_user=self.me,
            text=message.text,
            reply_markup=markup,
        )

    @staticmethod
    def _check_markup(markup: Any) -> dict[str, Any] | None:
        if not markup:
            return None
        rows = markup.get("inline_keyboard")
        if not isinstance(rows, list):
            raise Refused(400, "Bad Request: can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                data = button.get("callback_data")
                url = button.get("url")
                if (data is None) == (url is None) or not button.get("text"):
                    raise Refused(400, "Bad Request: can't parse inline keyboard button")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise Refused(400, "Bad Request: BUTTON_DATA_INVALID")
                if url is not None and not url.startswith(("https://", "http://", "tg://")):
                    raise Refused(400, "Bad Request: BUTTON_URL_INVALID")
        InlineKeyboardMarkup.model_validate(markup)
        return dict(markup)

    def _text(self, params: dict[str, Any]) -> tuple[str, str]:
        raw = str(params.get("text", ""))
        text = parse_html(raw) if params.get("parse_mode") == "HTML" else raw
        if not text.strip():
            raise Refused(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise Refused(400, "Bad Request: message is too long")
        return raw, text

    async def _get_me(self, _: dict[str, Any]) -> Any:
        return _dump(self.me)

    async def _get_updates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise Refused(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset", 0))
        timeout = float(params.get("timeout", 0))
        limit = int(params.get("limit", 100))
        async with self._changed:
            if offset:
                self._pending = [
                    u
                    for u in self._pending
                    if u["update_id"] >= offset or u["update_id"] in self._again
                ]
            if not self._pending and timeout > 0:
                try:
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._pending) or self._closing),
                        timeout,
                    )
                except TimeoutError:
                    self.polls.append((offset, []))
                    self._changed.notify_all()
                    return []
            answer = list(self._pending[:limit])
            self._again.clear()
            self.polls.append((offset, [u["update_id"] for u in answer]))
            self._changed.notify_all()
            return answer

    def _updates_or_closing(self) -> bool:
        return bool(self._pending) or self._closing

    async def _set_webhook(self, params: dict[str, Any]) -> Any:
        url = str(params.get("url", ""))
        if not url:
            return await self._delete_webhook(params)
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise Refused(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = (url, None if secret is None else str(secret))
        async with self._changed:
            pending, self._pending = self._pending, []
        for update in pending:
            self._deliver(update)
        return True

    async def _delete_webhook(self, _: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _set_my_commands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise Refused(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise Refused(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code") or None] = list(commands)
        return True

    async def _send_message(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        if chat.chat.id in self.blocked:
            raise Refused(403, "Forbidden: bot was blocked by the user")
        raw, text = self._text(params)
        markup = self._check_markup(params.get("reply_markup"))
        thread_id = params.get("message_thread_id")
        if thread_id is not None and int(thread_id) not in chat.topics:
            raise Refused(400, "Bad Request: message thread not found")
        reply_to = (params.get("reply_parameters") or {}).get("message_id")
        if reply_to is not None:
            try:
                self.bot_message(chat.chat.id, int(reply_to))
            except AssertionError:
                raise Refused(400, "Bad Request: message to be replied not found") from None
        message = BotMessage(
            chat_id=chat.chat.id,
            message_id=self._next_message_id(chat),
            html=raw,
            text=text,
            markup=markup,
            sent_at=asyncio.get_running_loop().time(),
            thread_id=None if thread_id is None else int(thread_id),
            reply_to=None if reply_to is None else int(reply_to),
        )
        self.bot_messages.append(message)
        async with self._changed:
            self._changed.notify_all()
        return _dump(self._as_message(message))

    async def _create_forum_topic(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        if not chat.chat.is_forum:
            raise Refused(400, "Bad Request: the chat is not a forum")
        name = str(params.get("name", ""))
        if not 1 <= len(name) <= 128:
            raise Refused(400, "Bad Request: TOPIC_NAME_INVALID")
        thread_id = self._next_message_id(chat)  # the topic's service message
        chat.topics[thread_id] = name
        return _dump(ForumTopic(message_thread_id=thread_id, name=name, icon_color=7322096))

    def _editable(self, params: dict[str, Any]) -> BotMessage:
        chat = self._chat(params)
        try:
            message = self.bot_message(chat.chat.id, int(params["message_id"]))
        except (AssertionError, KeyError, ValueError):
            raise Refused(400, "Bad Request: message to edit not found") from None
        if message.deleted:
            raise Refused(400, "Bad Request: message to edit not found")
        return message

    async def _edit_message_text(self, params: dict[str, Any]) -> Any:
        message = self._editable(params)
        raw, text = self._text(params)
        markup = self._check_markup(params.get("reply_markup"))
        if text == message.text and markup == message.markup:
            raise Refused(400, "Bad Request: message is not modified")
        message.html, message.text, message.markup = raw, text, markup
        return _dump(self._as_message(message))

    async def _edit_message_reply_markup(self, params: dict[str, Any]) -> Any:
        message = self._editable(params)
        markup = self._check_markup(params.get("reply_markup"))
        if markup == message.markup:
            raise Refused(400, "Bad Request: message is not modified")
        message.markup = markup
        return _dump(self._as_message(message))

    async def _delete_message(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params)
        message_id = int(params.get("message_id", 0))
        if message_id in chat.user_messages and message_id not in chat.deleted_user_messages:
            chat.deleted_user_messages.add(message_id)
            return True
        for message in self.bot_messages:
            mine = message.chat_id == chat.chat.id and message.message_id == message_id
            if mine and not message.deleted:
                message.deleted = True
                return True
        raise Refused(400, "Bad Request: message to delete not found")

    async def _answer_callback_query(self, params: dict[str, Any]) -> Any:
        callback_id = str(params.get("callback_query_id", ""))
        if callback_id not in self._open_callbacks:
            raise Refused(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        text = params.get("text")
        if text is not None and len(str(text)) > 200:
            raise Refused(400, "Bad Request: MESSAGE_TOO_LONG")
        self._open_callbacks.discard(callback_id)
        self.callback_answers[callback_id] = None if text is None else str(text)
        return True
