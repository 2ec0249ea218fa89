-product-name = Proficonf
-org-account = Organization account

onboarding-welcome =
    Welcome to { -product-name }! I'll help you set up an { -org-account } in a few short steps.
onboarding-ask-language = Which language would you like to use?
language-native-en = English
language-native-ru = Русский
language-native-it = Italiano
language-native-pt-br = Português (Brasil)
language-native-es = Español
language-changed = Done, I'll speak English from now on.

onboarding-ask-name =
    What's the name of your organization?
    It's shown to everyone you invite (2 to 100 characters).
onboarding-ask-email =
    Which email address should we use for the organization?
    We'll send a confirmation link there.

# Variables:
#   $domain (String) - the domain of the address the user gave
#   $amount (Number) - the trial credit, a currency amount
email-note-free =
    Good to know: the { $amount } trial credit is for business addresses only, and { $domain } is a free email service.
    You can keep this address or send a work address instead.
# Variables:
#   $domain (String) - the domain of the address the user gave
#   $amount (Number) - the trial credit, a currency amount
email-note-disposable =
    Good to know: { $domain } is a disposable email service, so this address can't get the { $amount } trial credit.
    You can keep it or send a work address instead.

onboarding-ask-currency =
    Which currency should your invoices be issued in?
    Any bank card works with either: your bank converts if needed. SEPA Direct Debit (we debit your bank account) needs EUR.
currency-option-usd = US dollar (USD)
currency-option-eur = Euro (EUR)

# Variables:
#   $name (String) - organization name
#   $email (String) - email address
#   $currency (String) - USD or EUR
#   $language (String) - language code
onboarding-summary =
    Please check the details:
    Organization: { $name }
    Email: { $email }
    Currency: { $currency }
    Language: { $language ->
        [ru] Russian
        [it] Italian
        [pt-BR] Portuguese (Brazil)
        [es] Spanish
       *[en] English
    }
    Save, or change anything first.
button-save = Save
button-edit-name = Change name
button-edit-email = Change email
button-edit-currency = Change currency
button-edit-language = Change language

# Variables:
#   $email (String) - the masked address, like a…@acme.com
onboarding-awaiting-email =
    Your organization is saved. We've sent a confirmation link to { $email }.
    Open it in any browser and I'll continue here automatically.
onboarding-awaiting-hint = I'm waiting for you to open the link in the email. Nothing arrived? Check your spam folder, or use a button below.
button-resend = Send the email again
button-change-email = Change email
# Variables:
#   $email (String) - the masked address, like a…@acme.com
email-resent = I've sent the link again to { $email }.
# Variables:
#   $email (String) - the address the email could not be delivered to
email-delivery-failed = We couldn't deliver the confirmation email to { $email }. Please check the address or give another one.
email-confirmed = Your email is confirmed. Thank you!
email-confirmed-other = The email address of another of your organizations has just been confirmed.

# The method is described by payment-method-description (its variables are passed
# along) on a line of its own, so no language has to fit a description mid-sentence.
onboarding-done =
    All set! Your payment method is saved, and nothing was charged.
    Payment method: { payment-method-description }
    Your organization can now run any number of simultaneous events and invite members. Use /new to create another organization.
onboarding-cancelled-hint = This sign-up was cancelled. Send /new to start again.
