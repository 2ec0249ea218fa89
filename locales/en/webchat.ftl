# The web chat page and widget (bot/channels/web). The conversation's own
# messages are the same as in every channel.
webchat-title = Proficonf assistant
webchat-subtitle = Set up your organization in a few minutes
webchat-log-label = Conversation
webchat-actions-label = Quick actions
webchat-action-status = Status
webchat-action-language = Language
webchat-action-help = Help
webchat-input-label = Your message
webchat-input-placeholder = Type a message…
webchat-send = Send
webchat-you = You
webchat-assistant = Assistant
webchat-typing = The assistant is typing…
webchat-connecting = Connecting…
webchat-offline = You're offline. I'll reconnect as soon as the network is back.
webchat-reconnecting = Connection lost. Reconnecting…
webchat-retry = Retry
webchat-send-failed = Your message wasn't sent. Check your connection and try again.
webchat-removed = Message removed: it contained a card number or an IBAN.
webchat-opens-new-tab = opens in a new tab
webchat-launcher-open = Chat with us
webchat-launcher-close = Close the chat
# Variables:
#   $count (Number) - messages the visitor hasn't seen yet
webchat-unread = { $count ->
    [one] { $count } new message
   *[other] { $count } new messages
}
webchat-button-stale = This button is no longer active. Please use the newest message.
webchat-session-invalid = Your chat session has expired. Reload the page to continue.
webchat-forbidden = This request wasn't accepted. Reload the page and try again.
webchat-bad-request = I couldn't read that message. Please try again.
# Variables:
#   $seconds (Number) - how long to wait
webchat-too-many = { $seconds ->
    [one] Too many requests. Please wait { $seconds } second and try again.
   *[other] Too many requests. Please wait { $seconds } seconds and try again.
}
webchat-embed-refused-title = Chat unavailable here
webchat-embed-refused-text = This chat can't be opened on this website. Please visit proficonf.com to talk to us.
