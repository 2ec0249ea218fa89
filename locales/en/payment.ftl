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
# Variables:
#   $reason (String) - why the setup failed: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication or other
payment-failed =
    { $reason ->
        [declined] Your bank declined the card. Try another card, or ask your bank why.
        [insufficient-funds] Your bank declined the card because the account has insufficient funds. Try another card.
        [expired-card] The card has expired, or its expiry date was entered wrong.
        [incorrect-cvc] The security code (CVC) of the card was not correct.
        [incorrect-number] The card number was not correct.
        [processing-error] Something went wrong while the card was being checked. Please try again in a moment.
        [authentication] Your bank's verification (3D Secure) was not completed.
       *[other] The payment method could not be saved.
    } Here is a new link to try again.
payment-link-expired = The payment link expired. Here is a new one.
