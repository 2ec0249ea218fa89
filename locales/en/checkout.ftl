# Variables:
#   $method_kind (String) - card or sepa_debit
#   $method_brand (String) - the card brand as Stripe names it (visa, mastercard, …)
#   $method_last4 (String) - the last four digits of the card or IBAN
#   $method_country (String) - the country of the SEPA account (DE, FR, …)
#   $mandate (String) - SEPA mandate status: active, pending or inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] SEPA Direct Debit, IBAN { $method_country } •••• { $method_last4 } (mandate { $mandate ->
            [active] active
            [inactive] inactive
           *[pending] pending
        })
       *[card] { $method_brand ->
            [visa] Visa
            [mastercard] Mastercard
            [amex] American Express
            [discover] Discover
            [diners] Diners Club
            [jcb] JCB
            [unionpay] UnionPay
            [cartes_bancaires] Cartes Bancaires
           *[other] card
        } •••• { $method_last4 }
    }
payment-link = Open the secure Stripe page below to add a payment method. You won't be charged now.
button-open-payment-link = Add payment method
payment-card-only-usd = Your invoices are in US dollars, so the page offers cards only: SEPA Direct Debit is available for invoices in euros only. Any card works, and your bank converts the currency if needed.
payment-link-delayed = Stripe isn't responding right now. I'll keep trying and send the payment link here as soon as it's ready.
payment-link-unavailable = I couldn't create a payment link because of a problem on our side. Our team has been alerted and is working on it. Your progress is saved.
payment-mandate-inactive = Your SEPA Direct Debit mandate is no longer active, so we can't debit that bank account. Please add a payment method again. Our support team has been notified.
payment-card-only-eur = Right now the page offers cards only: SEPA Direct Debit isn't available at the moment. Any card works, and your bank converts the currency if needed.
payment-processing = Thanks! Your bank details are being verified, which can take a little while. I'll let you know here as soon as it's done; you don't need to do anything else.
# Variables:
#   $method_country (String) - the country of the SEPA account (DE, FR, …)
#   $method_last4 (String) - the last four digits of the IBAN
payment-mandate-active = Good news: your SEPA Direct Debit mandate for IBAN { $method_country } •••• { $method_last4 } is now active. There's nothing else you need to do.

web-payment-saved-title = Payment method saved
web-payment-saved-text = Your payment method is saved. You can go back to the chat.
web-payment-checking-title = Checking your payment method
web-payment-checking-text = Stripe is still confirming your payment method. You can go back to the chat: it'll let you know as soon as the method is saved.
web-payment-unknown-title = Payment page not found
web-payment-unknown-text = We couldn't find this payment page. Please go back to the chat and ask for a new link.
web-payment-cancelled-title = Payment method not added
web-payment-cancelled-text = Nothing was saved and you weren't charged. You can go back to the chat and ask for a new link whenever you're ready.
web-payment-saved-next = The chat knows too: you can close this tab and carry on there.
web-payment-checking-next = You don't need to keep this page open: there's nothing else to do right now.
web-payment-unknown-next = Press “New link” in the chat to get a fresh payment page.
web-payment-cancelled-next = When you're ready to try again, press “New link” in the chat.
