invite-button-open = Invite your team
# Variables:
#   $count (Number) - how many new addresses the invitations go to
invite-button-send = { $count ->
        [one] Send the invitation
       *[other] Send { $count } invitations
    }
# Variables:
#   $count (Number) - how many people were invited before
invite-button-resend = Send again ({ $count })
# Variables:
#   $count (Number) - how many people were invited before
invite-button-revoke = Cancel invitations ({ $count })
invite-button-finish = Done
# Variables:
#   $max (Number) - the most addresses read from one message
invite-ask =
    Who should join your organization? Send their email addresses in one message, separated by commas, spaces or new lines (up to { $max } at a time).
    Each person gets an email with a link to join.
invite-not-yet = You can invite your team once your organization's email address is confirmed.
invite-confirm = Send the invitations now? You can also send more addresses first.
invite-confirm-again = Nothing new to send. You can send the earlier invitations again, cancel them, or send more addresses.
# Variables:
#   $count (Number) - how many
#   $list (String) - the addresses, comma-separated
invite-found-new = Ready to invite ({ $count }): { $list }
# Variables:
#   $count (Number) - how many
#   $list (String) - the addresses, comma-separated
invite-found-invited = Already invited, no answer yet ({ $count }): { $list }
# Variables:
#   $count (Number) - how many
#   $list (String) - the addresses, comma-separated
invite-found-expired = Invitation expired ({ $count }): { $list }
# Variables:
#   $count (Number) - how many
#   $list (String) - the addresses, comma-separated
invite-found-member = Already members ({ $count }): { $list }
# Variables:
#   $count (Number) - how many
#   $list (String) - what was written, shortened
invite-found-invalid = Not valid email addresses, skipped ({ $count }): { $list }
# Variables:
#   $count (Number) - how many entries repeated an address
invite-found-repeated = { $count ->
        [one] One address was listed twice: it gets one invitation.
       *[other] { $count } addresses were listed more than once: each gets one invitation.
    }
# Variables:
#   $email (String) - the owner's own address
invite-found-own = { $email } is your own address: you're the owner already.
# Variables:
#   $count (Number) - how many entries the message had
#   $max (Number) - the most read from one message
invite-too-many = That's { $count } addresses. Please send at most { $max } in one message; nothing was sent.
invite-none-found = I didn't find any email addresses in that message.
# Variables:
#   $count (Number) - how many invitations were queued
invite-sent = { $count ->
        [one] Invitation sent.
       *[other] { $count } invitations sent.
    } I'll let you know when someone joins.
# Variables:
#   $count (Number) - how many were not sent
#   $hours (Number) - when more can be sent
invite-limited = { $count ->
        [one] One invitation wasn't sent
       *[other] { $count } invitations weren't sent
    }: that's the daily limit. Try again in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
# Variables:
#   $count (Number) - how many people asked not to be invited
invite-opted-out = { $count ->
        [one] One person asked us not to send them invitations, so they didn't get one.
       *[other] { $count } people asked us not to send them invitations, so they didn't get one.
    }
# Variables:
#   $count (Number) - how many invitations were cancelled
invite-revoked = { $count ->
        [one] Invitation cancelled: its link no longer works.
       *[other] { $count } invitations cancelled: their links no longer work.
    }
# Variables:
#   $email (String) - who joined
#   $name (String) - organization name
invite-joined = Good news: { $email } joined { $name }.
# Variables:
#   $invited (Number) - open invitations
#   $joined (Number) - members who joined
#   $expired (Number) - invitations that expired
invite-status =
    Team:
    Invited, waiting for an answer: { $invited }
    Joined: { $joined }
    Expired: { $expired }
