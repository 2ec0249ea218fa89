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
brand-name = { -product-name }
web-next-heading = What happens next
web-confirm-next = As soon as you confirm, the chat moves on to the next step. You can close this tab afterwards.
web-confirmed-next = The chat already knows, so you can close this tab.
web-token-expired-title = Link expired
web-token-expired-next = Press “Send the email again” in the chat, then open the link in the new email. Your sign-up is saved.
web-token-used-title = Link already used
web-token-used-next = Go back to the chat and carry on where you left off.
web-token-unknown-title = Link not valid
web-token-unknown-next = Only the link in the newest email works. If you can't find it, press “Send the email again” in the chat.
web-unavailable-next = Nothing you've entered is lost, and the link you opened still works.
web-error-title = Something went wrong
web-error-text = We couldn't open this page. Our team knows about it.
web-error-next = Nothing you've entered is lost. Please reload this page in a few minutes.
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
web-join-next = Nothing happens until you press Join. The organization's owner will see that you joined.
web-joined-next = You'll get invitations to the organization's video conferences and events by email. You can close this tab.
web-join-expired-title = Invitation expired
web-join-used-title = Invitation already used
web-join-unknown-title = Invitation not valid
