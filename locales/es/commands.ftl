cancel-confirm = ¿Cancelar este registro? Se descartarán los datos que escribiste.
cancel-done = Registro cancelado. Envía /new cuando quieras empezar de nuevo.
cancel-nothing = No hay nada que cancelar en este momento.
delete-confirm = ¿Eliminar todos tus datos? Se borrarán tu nombre, tus direcciones de correo y tus mensajes. Esta acción no se puede deshacer.
delete-done = Tus datos se eliminaron. Si algún día quieres volver a empezar, envía /start.
new-in-progress = Tienes un registro en curso. Termínalo o envía /cancel primero, y luego /new.
button-yes = Sí
button-no = No

help-text =
    ¿Necesitas ayuda? Escribe a support@proficonf.com y una persona de nuestro equipo te responderá.
    Comandos:
    /start — continuar donde lo dejaste
    /status — ver tu progreso
    /language — cambiar el idioma
    /new — crear otra organización
    /cancel — cancelar este registro
    /invite — invitar a tu equipo
    /delete — borrar tus datos

# Variables:
#   $step (String) - el paso actual
#   $name (String) - nombre de la organización o un guion
#   $email (String) - dirección de correo o un guion
#   $currency (String) - moneda o un guion
#   $method_kind (String) - none, card o sepa_debit (el resto va a payment-method-description)
#   $credit (String) - trial credit status: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - the credit granted, a currency amount
#   $remaining (Number) - the credit left, a currency amount
status-summary =
    Paso actual: { $step ->
        [language] elección del idioma
        [name] nombre de la organización
        [email] dirección de correo electrónico
        [currency] moneda de facturación
        [summary] revisión de los datos
        [awaiting_email] esperando la confirmación del correo
        [payment] método de pago
        [done] todo listo
        [cancelled] registro cancelado
       *[other] { $step }
    }
    Organización: { $name }
    Correo electrónico: { $email }
    Moneda: { $currency }
    Método de pago: { $method_kind ->
        [none] —
       *[other] { payment-method-description }
    }
    Crédito de prueba: { $credit ->
        [granted] te quedan { $remaining } de { $amount }
        [not_eligible_free_mail] no disponible para direcciones de correo gratuitas
        [not_eligible_disposable] no disponible para direcciones desechables
        [already_used] ya lo usó este dominio de correo
       *[pending] se decidirá cuando confirmes tu correo
    }
