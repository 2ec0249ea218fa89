# Variables:
#   $method_kind (String) - card or sepa_debit
#   $method_brand (String) - the card brand as Stripe names it (visa, mastercard, …)
#   $method_last4 (String) - the last four digits of the card or IBAN
#   $method_country (String) - the country of the SEPA account (DE, FR, …)
#   $mandate (String) - SEPA mandate status: active, pending or inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] SEPA account { $method_country } •••• { $method_last4 }, mandate { $mandate ->
            [active] active
            [inactive] inactive
           *[pending] pending
        }
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
payment-link = Open the secure Stripe page below to add your payment method. Nothing is charged now.
button-open-payment-link = Add payment method
payment-card-only-usd = Your invoices are in US dollars, so the page offers cards only: SEPA Direct Debit works only for invoices in euros. Any card works, and your bank converts the currency.
payment-card-only-eur = Right now the page offers cards only: paying by SEPA Direct Debit is not available at the moment. Any card works, and your bank converts the currency if needed.
payment-processing = Thanks! Your bank details are being verified, which can take a little while. I will let you know here as soon as it is done; you do not need to do anything else.
payment-link-delayed = Stripe is not answering right now. I keep trying and will send you the payment link here as soon as it is ready.
payment-link-unavailable = I could not make a payment link because of a problem on our side. Our team has been alerted and is on it; your progress is saved.
payment-mandate-inactive = Your SEPA Direct Debit mandate is no longer active, so that bank account cannot be used. Please add a payment method again; our support team has been told.
# Variables:
#   $method_country (String) - the country of the SEPA account (DE, FR, …)
#   $method_last4 (String) - the last four digits of the IBAN
payment-mandate-active = Good news: your SEPA Direct Debit mandate for the account { $method_country } •••• { $method_last4 } is now active. You do not need to do anything else.

web-payment-done-title = Payment method received
web-payment-done-text = Thank you! Stripe is confirming your payment method. You can return to the chat: it tells you as soon as the method is saved.
web-payment-cancelled-title = Payment method not added
web-payment-cancelled-text = Nothing was saved and nothing was charged. You can return to the chat and ask for a new link whenever you are ready.
