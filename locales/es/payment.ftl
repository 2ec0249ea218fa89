# Variables:
#   $currency (String) - USD o EUR
payment-ask =
    Último paso: agrega un método de pago. Ahora no se te cobrará nada.
    { $currency ->
        [EUR] Puedes guardar una tarjeta o un mandato de débito directo SEPA.
       *[other] Puedes guardar una tarjeta.
    }
payment-hint = Usa el enlace de pago para agregar una tarjeta o pide un enlace nuevo.
button-new-link = Enlace nuevo
payment-not-configured =
    Los pagos todavía no están configurados en este servidor, así que no puedo crear un enlace de pago.
    El operador debe configurar STRIPE_SECRET_KEY. Tu progreso está guardado; envía /start más tarde.
# Variables:
#   $reason (String) - el motivo del error, tal como lo informó Stripe
payment-failed = No se pudo guardar el método de pago: { $reason }. Aquí tienes un enlace nuevo para intentarlo otra vez.
payment-link-expired = El enlace de pago expiró. Aquí tienes uno nuevo.
