"""What a developer would otherwise write, asking the same questions: (a) an
idiomatic aiogram FSM bot, (b) an idiomatic python-telegram-bot
ConversationHandler, each in memory and with the persistence a production bot
on that library would use (see `peers`); (c) aiogram's bare dispatch, one
catch-all handler: the floor, what the library itself costs. Fed the same
updates through each library's dispatch."""

import asyncio
import time
from typing import Any

from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from .fake_api import InProcessRequest, InProcessSession
from .stats import Row
from .telegram_updates import flow_updates

__all__ = ["bench_aiogram_bare", "bench_aiogram_fsm", "bench_ptb_conversation"]

TOKEN = "123456:BENCHbenchBENCHbenchBENCHbenchBENCH12"  # noqa: S105 (a fake for the bench)


def _keyboard(*values: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=v, callback_data=v) for v in values]]
    )


class Onboarding(StatesGroup):
    language = State()
    name = State()
    email = State()
    currency = State()
    summary = State()


def _aiogram_router() -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message, state: FSMContext) -> None:
        await state.set_state(Onboarding.language)
        await message.answer("Language?", reply_markup=_keyboard("en", "ru", "it", "pt-BR", "es"))

    @router.callback_query(Onboarding.language, F.data.in_({"en", "ru", "it", "pt-BR", "es"}))
    async def language(query: CallbackQuery, state: FSMContext) -> None:
        await state.update_data(language=query.data)
        await state.set_state(Onboarding.name)
        await query.answer()
        assert query.message is not None
        await query.message.answer("Organization name?")

    @router.message(Onboarding.name, F.text.len() >= 2, F.text.len() <= 100)
    async def name(message: Message, state: FSMContext) -> None:
        await state.update_data(name=message.text)
        await state.set_state(Onboarding.email)
        await message.answer("Email?")

    @router.message(Onboarding.email, F.text.contains("@"))
    async def email(message: Message, state: FSMContext) -> None:
        await state.update_data(email=message.text)
        await state.set_state(Onboarding.currency)
        await message.answer("Currency?", reply_markup=_keyboard("USD", "EUR"))

    @router.callback_query(Onboarding.currency, F.data.in_({"USD", "EUR"}))
    async def currency(query: CallbackQuery, state: FSMContext) -> None:
        await state.update_data(currency=query.data)
        await state.set_state(Onboarding.summary)
        await query.answer()
        assert query.message is not None
        await query.message.answer("Save?", reply_markup=_keyboard("save"))

    @router.callback_query(Onboarding.summary, F.data == "save")
    async def save(query: CallbackQuery, state: FSMContext) -> None:
        await state.clear()
        await query.answer()
        assert query.message is not None
        await query.message.answer("Saved, check your email.")

    return router


async def _timed(row: Row, users: int, feed: Any, updates_of: Any, concurrency: int = 8) -> None:
    """Like our paths: `concurrency` users at a time, each waiting for the
    answer before the next update."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(users):
        queue.put_nowait(n)

    async def worker() -> None:
        while not queue.empty():
            for update in updates_of(queue.get_nowait()):
                t0 = time.perf_counter()
                await feed(update)
                row.latencies.append(time.perf_counter() - t0)
                row.count += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    row.seconds = time.perf_counter() - started


def bench_aiogram_fsm(users: int, storage: Any = None, name: str | None = None) -> Row:
    """`storage`: a factory of the FSM storage (MemoryStorage by default)."""
    row = Row(name or "baseline: aiogram FSM, MemoryStorage")

    async def main() -> None:
        bot = Bot(TOKEN, session=InProcessSession())
        fsm_storage = storage() if storage is not None else MemoryStorage()
        dispatcher = Dispatcher(storage=fsm_storage)
        dispatcher.include_router(_aiogram_router())

        async def feed(raw: dict[str, Any]) -> None:
            await dispatcher.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))

        await _timed(row, users, feed, flow_updates)
        await fsm_storage.close()
        await bot.session.close()

    asyncio.run(main())
    return row


def bench_aiogram_bare(users: int) -> Row:
    """One catch-all handler per update type that answers once, as each step
    of the flow does: no filters, no state. What aiogram's parsing, dispatch
    and API calls cost on their own."""
    row = Row("floor: aiogram bare dispatch")
    router = Router()

    @router.message()
    async def any_message(message: Message) -> None:
        await message.answer("ok")

    @router.callback_query()
    async def any_button(query: CallbackQuery) -> None:
        await query.answer()
        assert query.message is not None
        await query.message.answer("ok")

    async def main() -> None:
        bot = Bot(TOKEN, session=InProcessSession())
        dispatcher = Dispatcher()
        dispatcher.include_router(router)

        async def feed(raw: dict[str, Any]) -> None:
            await dispatcher.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))

        await _timed(row, users, feed, flow_updates)
        await bot.session.close()

    asyncio.run(main())
    return row


def bench_ptb_conversation(users: int, persistence: Any = None, name: str | None = None) -> Row:
    """`persistence`: a factory of a PTB persistence, flushed after every
    update (`Application.update_persistence`) so each state change is stored
    before the user's next update, as ours is."""
    from telegram import InlineKeyboardButton as PtbButton
    from telegram import InlineKeyboardMarkup as PtbMarkup
    from telegram import Update as PtbUpdate
    from telegram.ext import (
        Application,
        CallbackQueryHandler,
        CommandHandler,
        ContextTypes,
        ConversationHandler,
        MessageHandler,
        filters,
    )

    row = Row(name or "baseline: PTB ConversationHandler")
    LANGUAGE, NAME, EMAIL, CURRENCY, SUMMARY = range(5)

    def keyboard(*values: str) -> PtbMarkup:
        return PtbMarkup([[PtbButton(v, callback_data=v) for v in values]])

    async def start(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Language?", reply_markup=keyboard("en", "ru"))
        return LANGUAGE

    async def language(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.callback_query is not None and context.user_data is not None
        context.user_data["language"] = update.callback_query.data
        await update.callback_query.answer()
        assert update.effective_message is not None
        await update.effective_message.reply_text("Organization name?")
        return NAME

    async def name(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.message is not None and context.user_data is not None
        text = update.message.text or ""
        if not 2 <= len(text) <= 100:
            await update.message.reply_text("2 to 100 characters, please.")
            return NAME
        context.user_data["name"] = text
        await update.message.reply_text("Email?")
        return EMAIL

    async def email(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.message is not None and context.user_data is not None
        context.user_data["email"] = update.message.text
        await update.message.reply_text("Currency?", reply_markup=keyboard("USD", "EUR"))
        return CURRENCY

    async def currency(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.callback_query is not None and context.user_data is not None
        context.user_data["currency"] = update.callback_query.data
        await update.callback_query.answer()
        assert update.effective_message is not None
        await update.effective_message.reply_text("Save?", reply_markup=keyboard("save"))
        return SUMMARY

    async def save(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.callback_query is not None
        await update.callback_query.answer()
        assert update.effective_message is not None
        await update.effective_message.reply_text("Saved, check your email.")
        return ConversationHandler.END

    async def main() -> None:
        builder = (
            Application.builder()
            .token(TOKEN)
            .request(InProcessRequest())
            .get_updates_request(InProcessRequest())
            .updater(None)
        )
        store = persistence() if persistence is not None else None
        if store is not None:
            builder = builder.persistence(store)
        application = builder.build()
        application.add_handler(
            ConversationHandler(
                entry_points=[CommandHandler("start", start)],
                states={
                    LANGUAGE: [CallbackQueryHandler(language, pattern="^(en|ru|it|pt-BR|es)$")],
                    NAME: [MessageHandler(filters.TEXT & ~filters.COMMAND, name)],
                    EMAIL: [MessageHandler(filters.TEXT & ~filters.COMMAND, email)],
                    CURRENCY: [CallbackQueryHandler(currency, pattern="^(USD|EUR)$")],
                    SUMMARY: [CallbackQueryHandler(save, pattern="^save$")],
                },
                fallbacks=[],
                per_message=False,
                name="onboarding",
                persistent=store is not None,
            )
        )
        await application.initialize()

        async def feed(raw: dict[str, Any]) -> None:
            await application.process_update(PtbUpdate.de_json(raw, application.bot))
            if store is not None:
                await application.update_persistence()

        await _timed(row, users, feed, flow_updates)
        await application.shutdown()

    asyncio.run(main())
    return row
