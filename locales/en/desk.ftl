## The support desk (ticket card, notices, buttons). The desk reads English:
## these messages exist in en only, and the desk renders them in English whatever
## the user's language (bot/handoff/desk.py, DESK_LANGUAGE). See locales/STYLE.md.
## Ticket numbers are ids: never grouped (#12345, not #12,345).

# Variables:
#   $ticket (Number) - ticket number
handoff-desk-topic = Ticket #{ NUMBER($ticket, useGrouping: "false") }

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
    Ticket #{ NUMBER($ticket, useGrouping: "false") } — { $status }
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
# Variables:
#   $hours (Number) - until this address can get another email
handoff-desk-email-refused =
    No email went out: this address has received the most confirmation emails allowed in one day. Possible again in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
handoff-desk-no-email = Nothing to resend: the user has no email waiting for confirmation.
handoff-desk-link-sent = A new payment link is on its way to the user.
handoff-desk-no-payment = No payment link now: the user isn't at the payment step.
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
handoff-desk-card-erased = Ticket #{ NUMBER($ticket, useGrouping: "false") } — closed: the user deleted their data. Nothing about them is shown here anymore.
handoff-desk-user-erased = The user deleted their data; the ticket is closed and its card no longer shows anything about them. The bot removes its posts of their messages here (Telegram allows it for the last 48 hours only); agents' own replies stay: delete them if they hold personal data.
