# The trial credit: granted, not eligible, already used, left, used up.
# Amounts are currency numbers formatted for the locale by the translator.

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = You have { $amount } of trial credit for { $domain }. Your events use it first, before anything is charged to your payment method.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = This organization doesn't get the trial credit: { $domain } is a free email service, and the credit is for business addresses only. To get it, create an organization with your work address (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = This organization doesn't get the trial credit: { $domain } is a disposable email service, and the credit is for business addresses only. To get it, create an organization with your work address (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = The trial credit for { $domain } has already been used: it's given once per company domain.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Trial credit left: { $remaining } of { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Your { $amount } trial credit is used up. Add a payment method to keep your events running.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = The { $amount } trial credit of { $name } is used up. Add a payment method for { $name } to keep its events running.
credit-button-add-payment = Get the payment link
