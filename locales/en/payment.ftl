# Variables:
#   $currency (String) - USD or EUR
payment-ask =
    Last step: add a payment method. You won't be charged now.
    { $currency ->
        [EUR] You can save a card. If SEPA Direct Debit is available, the payment page also lets you pay from your bank account.
       *[other] You can save a card.
    }
payment-hint = Use the payment link to add a payment method, or ask for a new link.
button-new-link = New link
# Variables:
#   $reason (String) - why the setup failed: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication or other
payment-failed =
    { $reason ->
        [declined] Your bank declined the card. Try another card, or ask your bank why.
        [insufficient-funds] Your bank declined the card because the account has insufficient funds. Try another card.
        [expired-card] The card has expired, or its expiry date was entered wrong.
        [incorrect-cvc] The card's security code (CVC) wasn't correct.
        [incorrect-number] The card number wasn't correct.
        [processing-error] Something went wrong while your card was being checked. Please try again in a moment.
        [authentication] Your bank's verification (3D Secure) wasn't completed.
       *[other] The payment method couldn't be saved.
    } Here's a new link to try again.
payment-link-expired = The payment link has expired. Here's a new one.
