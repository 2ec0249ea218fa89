"""The Telegram channel: `common` (the neutral update, Bot API calls, keyboards
and HTML text, no library), `channel` (the adapter over the runner),
`aiogram` / `ptb` (one library each, imported only when chosen), `limits`,
`polling`, `desk` (the support desk in a supergroup) and `runtime` (put
together: long polling or the webhook route)."""
