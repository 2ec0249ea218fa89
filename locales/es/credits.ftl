# The trial credit: granted, not eligible, already used, left, used up.
# Amounts are currency numbers formatted for the locale by the translator.

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = Tienes { $amount } de crédito de prueba para { $domain }. Tus eventos lo usan primero, antes de cualquier cargo a tu método de pago.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = Esta organización no recibe crédito de prueba: { $domain } es un servicio de correo gratuito y el crédito es solo para direcciones corporativas. Para obtenerlo, crea una organización con tu correo de trabajo (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = Esta organización no recibe crédito de prueba: { $domain } es un servicio de correo desechable y el crédito es solo para direcciones corporativas. Para obtenerlo, crea una organización con tu correo de trabajo (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = El crédito de prueba de { $domain } ya se usó: se otorga una sola vez por dominio de empresa.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Crédito de prueba restante: { $remaining } de { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Se agotó tu crédito de prueba de { $amount }. Agrega un método de pago para que tus eventos sigan funcionando.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = Se agotó el crédito de prueba de { $amount } de { $name }. Agrega un método de pago para { $name } para que sus eventos sigan funcionando.
credit-button-add-payment = Obtener el enlace de pago
