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
