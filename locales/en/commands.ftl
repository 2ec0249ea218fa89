cancel-confirm = Cancel this sign-up? What you've entered will be discarded.
cancel-done = Sign-up cancelled. Send /new whenever you want to start again.
cancel-nothing = There's nothing to cancel right now.
delete-confirm = Delete all your data? Your name, email addresses and messages will be erased. This can't be undone.
delete-done = Your data has been deleted. Send /start if you ever want to begin again.
new-in-progress = You're in the middle of a sign-up. Finish it or send /cancel first, then /new.
button-yes = Yes
button-no = No

help-text =
    Need a hand? Write to support@proficonf.com and someone from our team will answer.
    Commands:
    /start — continue where you left off
    /status — see your progress
    /language — change the language
    /new — create another organization
    /cancel — cancel this sign-up
    /invite — invite your team
    /delete — erase your data

# Variables:
#   $step (String) - the current step
#   $name (String) - organization name or a dash
#   $email (String) - email address or a dash
#   $currency (String) - currency or a dash
#   $method_kind (String) - none, card or sepa_debit (the rest goes to payment-method-description)
#   $credit (String) - trial credit status: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - the credit granted, a currency amount
#   $remaining (Number) - the credit left, a currency amount
status-summary =
    Current step: { $step ->
        [language] choosing a language
        [name] organization name
        [email] email address
        [currency] invoice currency
        [summary] checking the details
        [awaiting_email] waiting for the email confirmation
        [payment] adding a payment method
        [done] all done
        [cancelled] sign-up cancelled
       *[other] { $step }
    }
    Organization: { $name }
    Email: { $email }
    Currency: { $currency }
    Payment method: { $method_kind ->
        [none] —
       *[other] { payment-method-description }
    }
    Trial credit: { $credit ->
        [granted] { $remaining } left of { $amount }
        [not_eligible_free_mail] not available for free email addresses
        [not_eligible_disposable] not available for disposable addresses
        [already_used] already used by this email domain
       *[pending] decided when your email is confirmed
    }
