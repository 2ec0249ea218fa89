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
web-join-title = Join the organization
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
web-join-text = { $inviter } invited you to join { $name } on { -product-name }.
web-join-button = Join
web-joined-title = Welcome aboard
# Variables:
#   $name (String) - organization name
web-joined-text = You're now a member of { $name }. The organization's owner has been told.
web-join-expired = This invitation has expired. Ask the person who invited you to send a new one.
web-join-used = This invitation has already been used. If you joined, there's nothing else to do.
web-join-unknown = This invitation isn't valid anymore. Ask the person who invited you for a new one.
web-opt-out-title = Stop invitations
web-opt-out-text = Press the button and we won't send you any more invitations to organizations on { -product-name }.
web-opt-out-button = Stop invitations
web-opted-out-text = Done: you won't get any more invitations from us.
