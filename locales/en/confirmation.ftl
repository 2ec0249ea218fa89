# Variables:
#   $seconds (Number) - how long until the email can be sent again
email-resend-wait =
    I've just sent the link. You can ask for it again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
# Variables:
#   $minutes (Number) - how long until another email can be sent
email-send-limit =
    That's the most confirmation emails I can send in an hour. You can ask for another one in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
# Variables:
#   $email (String) - the masked address, like a…@acme.com
email-reminder =
    A reminder: your organization is waiting for you to confirm { $email }.
    Open the link in the email we sent, or use a button below.
