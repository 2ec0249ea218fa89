## Handoff to a person from the support desk: what the user reads, in their
## language. The desk's own texts (English only) are in desk.ftl.

handoff-button-talk = Talk to a person
handoff-offer = Having trouble? Someone from our team can help.
handoff-opened = I've asked someone from our team to join. Write your question here: they'll read it and answer in this chat.
handoff-already-open = Someone from our team is handling this conversation. Write here and they'll read it.
handoff-taken = Someone from our team has joined the conversation.

# Variables:
#   $text (String) - what the support agent wrote
handoff-agent-message = Support: { $text }

# Variables:
#   $step (String) - the step the user goes back to
handoff-resumed =
    I'm back. Here's where we are: { $step ->
        [language] choosing a language
        [name] your organization's name
        [email] your email address
        [currency] the invoice currency
        [summary] checking your details
        [awaiting_email] confirming your email
        [payment] adding a payment method
        [done] all set
        [cancelled] sign-up cancelled
       *[other] { $step }
    }.
handoff-left = OK, let's go on without a person. Your question is closed.
handoff-closed = The conversation with our team is closed. Everything you entered is kept; send /start to continue.

# Variables:
#   $email (String) - the user's email address
handoff-sla-email = Our team is busy right now, sorry for the wait. We'll answer you by email at { $email }.
handoff-sla-ask-email = Our team is busy right now, sorry for the wait. Send us your email address here and we'll answer you by email.
