# Variables:
#   $currency (String) - USD o EUR
payment-ask =
    Último paso: agrega un método de pago. Por ahora no se te cobrará nada.
    { $currency ->
        [EUR] Puedes guardar una tarjeta. Si el débito directo SEPA está disponible, la página de pago también te permitirá pagar desde tu cuenta bancaria.
       *[other] Puedes guardar una tarjeta.
    }
payment-hint = Usa el enlace de pago para agregar un método de pago o pide un enlace nuevo.
button-new-link = Enlace nuevo
# Variables:
#   $reason (String) - por qué falló: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication u other
payment-failed =
    { $reason ->
        [declined] Tu banco rechazó la tarjeta. Prueba con otra tarjeta o pregunta a tu banco el motivo.
        [insufficient-funds] Tu banco rechazó la tarjeta porque la cuenta no tiene fondos suficientes. Prueba con otra tarjeta.
        [expired-card] La tarjeta está vencida o la fecha de vencimiento se ingresó mal.
        [incorrect-cvc] El código de seguridad (CVC) de la tarjeta es incorrecto.
        [incorrect-number] El número de la tarjeta es incorrecto.
        [processing-error] Algo falló al verificar la tarjeta. Vuelve a intentarlo en un momento.
        [authentication] La verificación de tu banco (3D Secure) no se completó.
       *[other] No se pudo guardar el método de pago.
    } Aquí tienes un enlace nuevo para intentarlo otra vez.
payment-link-expired = El enlace de pago expiró. Aquí tienes uno nuevo.
