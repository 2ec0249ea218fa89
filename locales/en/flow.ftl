## The conversation's own questions about an answer before it is taken, and
## what it says when payments or the support desk are not available.

# Variables:
#   $email (String) - the support address customers can write to
support-contact = Need a hand? Write to { $email } and a person from our team will answer you by email. You can carry on here in the meantime.

# Variables:
#   $email (String) - the address with its domain corrected
#   $domain (String) - the domain as the user typed it
email-did-you-mean = Did you mean { $email }? “{ $domain }” looks like a typo.
# Variables:
#   $email (String) - the address with its domain corrected
button-use-suggestion = Use { $email }
button-keep-as-typed = Keep it as I typed it
button-keep-email = Keep this address

# Variables:
#   $name (String) - organization name
name-duplicate = You already have an organization called { $name }. Use this name anyway, or type another one.
button-use-name-anyway = Use it anyway
button-other-name = Choose another name

# Variables:
#   $name (String) - organization name
cancel-confirm-saved = Cancel this sign-up? { $name } is saved, but its email is not confirmed yet: it will be cancelled and its confirmation link will stop working.
# Variables:
#   $name (String) - organization name
cancel-confirm-confirmed = Stop here? { $name } is already confirmed and stays as it is; only adding a payment method is left for later.
# Variables:
#   $name (String) - organization name
cancel-done-confirmed = Done. { $name } stays confirmed. Send /new whenever you want to create another organization.

# Variables:
#   $email (String) - the support address customers can write to
onboarding-ready-no-payment =
    Your organization is ready to use, and no payment method is needed for now.
    When you want to add one, write to us at { $email } and we will set it up with you. Use /new to create another organization.
payment-unavailable = I cannot make a payment link right now. Your progress is saved; send /start later to try again.

## The confirmation email: the organization is already saved when it goes out.
email-confirm-ignore-saved = If you did not ask for this, you can ignore this email: without confirmation, this address is not used and the organization is not activated.
