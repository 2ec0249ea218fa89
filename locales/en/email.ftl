# Variables:
#   $name (String) - organization name
email-confirm-subject = Confirm the email address of { $name } on { -product-name }
# Variables:
#   $name (String) - organization name
email-confirm-intro = Please confirm that this address belongs to the organization { $name } on { -product-name }.
email-confirm-action = Confirm email
# Variables:
#   $hours (Number) - how long the link stays valid
email-confirm-expiry =
    The link is valid for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
email-confirm-signature = The { -product-name } team
# Variables:
#   $name (String) - organization name
email-confirm-preheader = Confirm your email with one click to continue setting up { $name }.
email-confirm-link-hint = If the button doesn't work, copy this link into your browser:
email-confirm-next-heading = What happens next
email-confirm-next = After you confirm, go back to the chat: the next step of your sign-up is waiting there.
#   $inviter (String) - who invited: the owner's email address
email-invite-subject = { $inviter } invited you to { $name } on { -product-name }
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-intro = { $inviter } invited you to join the organization { $name } on { -product-name }, to take part in its video conferences and events.
email-invite-action = Join the organization
# Variables:
#   $days (Number) - how long the invitation stays valid
email-invite-expiry =
    The invitation is valid for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
email-invite-ignore = Not expecting this? Just ignore this email: nothing happens until you press the button.
email-invite-opt-out = Don't want any more invitations from { -product-name }?
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-preheader = { $inviter } invited you to join { $name }: one click to see the invitation.
email-invite-next = The button opens a page with the invitation; you join when you press Join there.
