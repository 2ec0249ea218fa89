## Handoff to a person from the support desk. User-facing texts are in the
## user's language; the desk (ticket card, notices, buttons) is shown in English.

handoff-button-talk = Talk to a person
handoff-offer = Having trouble? A person from our team can help you.
handoff-opened = I've asked a person from our team to join. Write your question here — they will read it and answer in this chat.
handoff-already-open = A person from our team is handling this conversation. Write here and they will read it.
handoff-taken = A person from our team has joined the conversation.

# Variables:
#   $text (String) - what the support agent wrote
handoff-agent-message = Support: { $text }

# Variables:
#   $step (String) - the step the user goes back to
handoff-resumed =
    I'm back — let's continue where you left off: { $step ->
        [language] choosing a language
        [name] your organization's name
        [email] your email address
        [currency] the invoice currency
        [summary] checking your details
        [awaiting_email] confirming your email
        [payment] adding a payment method
        [done] you're all set
        [cancelled] the sign-up was cancelled
       *[other] { $step }
    }.
handoff-left = Okay, let's go on without a person — your question is closed.
handoff-closed = The conversation with our team is closed. Everything you entered is kept; send /start to continue.

# Variables:
#   $email (String) - the user's email address
handoff-sla-email = Our team is busy right now, sorry for the wait. We will answer you by email at { $email }.
handoff-sla-ask-email = Our team is busy right now, sorry for the wait. Send us your email address here and we will answer you by email.

## The desk

# Variables:
#   $ticket (Number) - ticket number
handoff-desk-topic = Ticket #{ $ticket }

# Variables:
#   $ticket (Number) - ticket number
#   $status (String) - open, taken, escalated or closed
#   $channel (String) - the user's channel
#   $language (String) - the user's language
#   $step (String) - the step the user is on
#   $name (String) - organization name or a dash
#   $email (String) - email address or a dash
#   $email_status (String) - email confirmation status
#   $currency (String) - invoice currency or a dash
#   $payment (String) - payment status
#   $credit (String) - trial credit status or a dash
#   $credit_left (Number) - credit left (money)
# The last messages follow "Last messages:", one a line (added by the code:
# Fluent refuses placeables over 2,500 characters).
handoff-desk-card =
    Ticket #{ $ticket } — { $status }
    User: { $channel }, language { $language }
    Step: { $step }
    Organization: { $name }
    Email: { $email } ({ $email_status })
    Currency: { $currency }
    Payment: { $payment }
    Credit: { $credit ->
        [granted] granted, { $credit_left } left
       *[other] { $credit }
    }
    Last messages:

handoff-desk-button-take = Take
handoff-desk-button-resume = Resume bot
handoff-desk-button-resend = Resend confirmation email
handoff-desk-button-new-link = New payment link
handoff-desk-button-close = Close

# Variables:
#   $text (String) - what the user wrote
handoff-desk-user-says = User: { $text }

# Variables:
#   $agent (String) - the agent who took the ticket
handoff-desk-taken = Taken by { $agent }.
handoff-desk-resumed = Handed back to the bot; the user continues where they were.
handoff-desk-closed = Ticket closed; the conversation stays where it was.
handoff-desk-user-left = The user went back to the bot (/start); ticket closed.
handoff-desk-escalated = Nobody took the ticket in time: the user was told the answer will come by email.

# Variables:
#   $email (String) - the masked address
handoff-desk-email-resent = A new confirmation email went to { $email }.
handoff-desk-email-refused =
    No email went out: this address has received the most confirmation emails allowed in one day. Possible again in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
handoff-desk-no-email = Nothing to resend: the user has no email waiting for confirmation.
handoff-desk-link-sent = A new payment link is on its way to the user.
handoff-desk-no-payment = No payment link now: the user is not at the payment step.
handoff-desk-payment-number = Not sent: the message holds a card number or an IBAN. Never ask for payment details in the chat; the user adds them on Stripe's secure page.
handoff-desk-refused = Only support agents in the desk can act on tickets.
handoff-desk-ticket-over = This ticket is closed.

# Variables:
#   $agent (String) - the agent who wrote it
#   $channel (String) - the desk they wrote in (Telegram or Slack)
#   $text (String) - what they wrote to the user
handoff-desk-agent-says = { $agent } ({ $channel }) to the user: { $text }
handoff-desk-earlier = (earlier messages not shown)

# Variables:
#   $ticket (Number) - ticket number
handoff-desk-card-erased = Ticket #{ $ticket } — closed: the user deleted their data. Nothing about them is shown here any more.
handoff-desk-user-erased = The user deleted their data; the ticket is closed and its card no longer shows anything about them. The bot removes its posts of their messages here (Telegram allows it for the last 48 hours only); agents' own replies stay: delete them if they hold personal data.
