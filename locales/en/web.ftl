web-confirm-title = Confirm your email
# Variables:
#   $name (String) - organization name
web-confirm-text = Press the button to confirm the email address of { $name }.
web-confirm-button = Confirm email
web-confirmed-title = Email confirmed
web-confirmed-text = Thank you! You can go back to the chat: the next step is waiting for you there.
web-token-expired = This link has expired. Ask the bot in the chat for a new one.
web-token-used = This link has already been used. If your email is confirmed, just go back to the chat.
web-token-unknown = This link isn't valid. Please use the newest link from your email.
console-hint = Type /start to begin or continue. Options are numbered: answer with the number or the name.
web-unavailable-title = Temporarily unavailable
web-unavailable-text = We can't open this page right now. Please try again in a minute.
