# Variables:
#   $currency (String) - USD or EUR
payment-ask =
    Last step: add a payment method. Nothing is charged now.
    { $currency ->
        [EUR] You can save a card or a SEPA Direct Debit mandate.
       *[other] You can save a card.
    }
payment-hint = Use the payment link to add a card, or ask for a new link.
button-new-link = New link
payment-not-configured =
    Payments are not set up on this server yet, so I cannot make a payment link.
    The operator needs to set STRIPE_SECRET_KEY. Your progress is saved; send /start later.
# Variables:
#   $reason (String) - why the setup failed, as Stripe reported it
payment-failed = The payment method could not be saved: { $reason }. Here is a new link to try again.
payment-link-expired = The payment link expired. Here is a new one.
