"""Effects for the channel that delivered the event: they only fill the outcome."""

from bot.effects.context import EffectContext, Runners
from conversations import Event, FormRejected, RedactUserMessage, Reply

__all__ = ["RUNNERS"]


async def reply(effect: Reply, context: EffectContext) -> Event | None:
    context.outcome.replies.append(effect)
    return None


async def form_rejected(effect: FormRejected, context: EffectContext) -> Event | None:
    context.outcome.form_rejected = effect
    return None


async def redact(_: RedactUserMessage, context: EffectContext) -> Event | None:
    context.outcome.redact = True
    return None


RUNNERS: Runners = {Reply: reply, FormRejected: form_rejected, RedactUserMessage: redact}
