# Variables:
#   $seconds (Number) - until the user may write again
limits-slow-down =
    You're sending messages too fast. Please wait { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }. Messages sent until then are ignored.
# Variables:
#   $hours (Number) - until another organization can be created
limits-organizations-per-day =
    You've created the most organizations allowed in one day, so this one wasn't saved. You can save it in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }: everything you entered is kept.
# Variables:
#   $hours (Number) - until this address can get another email
limits-emails-per-address =
    We didn't send the email after all: this address has received the most confirmation emails allowed in one day. Try again in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }, or change the email.
limits-too-many-requests-title = Too many requests
# Variables:
#   $seconds (Number) - until the page can be opened again
limits-too-many-requests-text =
    Too many requests came from your network. Please try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
limits-too-many-requests-next = Your link still works: reload this page when the wait is over.
