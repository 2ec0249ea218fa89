## Traspaso a una persona de soporte: lo que lee el usuario, en su idioma.
## Los textos del canal de soporte existen solo en inglés, en en/desk.ftl.

handoff-button-talk = Hablar con una persona
handoff-offer = ¿Tienes problemas? Una persona de nuestro equipo puede ayudarte.
handoff-opened = Le pedí a una persona de nuestro equipo que se una a la conversación. Escribe aquí tu pregunta: la leerá y te responderá en este chat.
handoff-already-open = Una persona de nuestro equipo está atendiendo esta conversación. Escribe aquí y la leerá.
handoff-taken = Una persona de nuestro equipo se unió a la conversación.

# Variables:
#   $text (String) - lo que escribió el agente de soporte
handoff-agent-message = Soporte: { $text }

# Variables:
#   $step (String) - el paso al que vuelve el usuario
handoff-resumed =
    Ya estoy de vuelta. Aquí es donde estamos: { $step ->
        [language] elección del idioma
        [name] nombre de tu organización
        [email] dirección de correo
        [currency] moneda de facturación
        [summary] revisión de los datos
        [awaiting_email] confirmación del correo
        [payment] método de pago
        [done] todo listo
        [cancelled] registro cancelado
       *[other] { $step }
    }.
handoff-left = De acuerdo, sigamos sin una persona: tu consulta queda cerrada.
handoff-closed = La conversación con nuestro equipo terminó. Todo lo que escribiste quedó guardado; envía /start para continuar.

# Variables:
#   $email (String) - la dirección de correo del usuario
handoff-sla-email = Nuestro equipo está ocupado en este momento, disculpa la espera. Te responderemos por correo a { $email }.
handoff-sla-ask-email = Nuestro equipo está ocupado en este momento, disculpa la espera. Envíanos aquí tu dirección de correo y te responderemos por correo.
