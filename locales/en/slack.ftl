slack-form-title = New organization
slack-form-submit = Save
slack-form-close = Cancel
slack-form-intro = Fill in your organization's details. We'll send a confirmation link to the email address.
slack-form-name-label = Organization name
slack-form-name-hint = Shown to everyone you invite (2 to 100 characters).
slack-form-name-duplicate = You already have an organization with this name. Save again to use it anyway, or enter another name.
slack-form-email-label = Email address
# Variables:
#   $amount (Number) - the trial credit, a currency amount
slack-form-email-hint = The { $amount } trial credit is for business addresses only.
slack-form-language-label = Language
slack-form-currency-label = Invoice currency
slack-form-currency-hint = Any bank card works with either: your bank converts if needed. SEPA Direct Debit (we debit your bank account) needs EUR.
slack-form-currency-placeholder = Choose a currency
slack-form-expired = The form couldn't open in time. Please type /onboard again.
slack-usage =
    Here's what /onboard can do:
    /onboard — open the sign-up form
    /onboard status — see your progress
    /onboard language — change the language
    /onboard help — how to reach our support team
    /onboard start, new, cancel, delete — continue, create another organization, cancel this sign-up, erase your data
slack-home-title = Your organizations
# Variables:
#   $name (String) - organization name
#   $email (String) - the organization's email address
#   $currency (String) - USD or EUR
#   $status (String) - the organization's status
slack-home-organization =
    { $name }
    Status: { $status ->
        [pending_email] waiting for the email confirmation
        [confirmed] email confirmed
        [cancelled] cancelled
       *[other] { $status }
    }
    Email: { $email }
    Currency: { $currency }
slack-home-empty = You have no organizations yet.
slack-home-hint = Type /onboard to create an organization, or /onboard status to see where you are.
slack-invite-pick = Or pick people from your workspace
# Variables:
#   $name (String) - organization name
slack-home-invite = Invite people to { $name } from your workspace:
