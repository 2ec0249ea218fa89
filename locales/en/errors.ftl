error-not-now = That doesn't fit this step. Here's where we are:
error-pick-option = Please choose one of the options below.
# Variables:
#   $command (String) - the command the user typed, without the slash
error-unknown-command = I don't know the command /{ $command }. Send /help to see what I can do.
error-message-too-long = That message is too long. Please send something shorter.
error-try-again = Something went wrong on our side. Please try again in a moment.
warning-payment-number =
    Please never send card or bank account numbers in this chat. I didn't keep that message.
    You'll add a payment method on a secure Stripe page.

error-name-empty = The name can't be empty. What's your organization called?
error-name-invisible = The name contains invisible or control characters. Please type it again as plain text.
error-name-markup = The name can't contain HTML tags. Please send it as plain text.
error-name-too-short = The name is too short: it needs at least 2 characters.
error-name-too-long = The name is too long: 100 characters at most.
error-name-too-big = The name is too long to keep: please shorten it or use fewer emoji and accent marks.
error-name-stacked-marks = The name has too many accent marks on one letter. Please type it again as plain text.
error-name-encoded-word = The name looks like encoded email text (=?…?=). Please type the name itself, as it should appear.

error-email-empty = Please send an email address, like name@company.com.
error-email-too-long = That address is too long to be valid. Please check it.
error-email-invalid = That doesn't look like a valid email address. Please send one like name@company.com.
error-email-latin-local-part = We can only send email to addresses with Latin letters, digits and . _ - + before the @. Please send another address, like name@company.com.
