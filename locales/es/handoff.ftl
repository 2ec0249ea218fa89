## Traspaso a una persona de soporte: lo que lee el usuario, en su idioma.
## Los textos del canal de soporte existen solo en inglés, en en/desk.ftl.

handoff-button-talk = Hablar con una persona
handoff-offer = ¿Tienes problemas? Una persona de nuestro equipo puede ayudarte.
handoff-opened = He pedido a una persona de nuestro equipo que se una. Escribe aquí tu pregunta: la leerá y te responderá en este chat.
handoff-already-open = Una persona de nuestro equipo está atendiendo esta conversación. Escribe aquí y la leerá.
handoff-taken = Una persona de nuestro equipo se ha unido a la conversación.

# Variables:
#   $text (String) - lo que escribió el agente de soporte
handoff-agent-message = Soporte: { $text }

# Variables:
#   $step (String) - el paso al que vuelve el usuario
handoff-resumed =
    Ya estoy de vuelta: sigamos donde lo dejaste: { $step ->
        [language] la elección del idioma
        [name] el nombre de tu organización
        [email] tu dirección de correo
        [currency] la moneda de las facturas
        [summary] la revisión de tus datos
        [awaiting_email] la confirmación de tu correo
        [payment] añadir un método de pago
        [done] ya está todo listo
        [cancelled] el registro se canceló
       *[other] { $step }
    }.
handoff-left = De acuerdo, sigamos sin una persona: tu consulta queda cerrada.
handoff-closed = La conversación con nuestro equipo ha terminado. Todo lo que escribiste se ha guardado; envía /start para continuar.

# Variables:
#   $email (String) - la dirección de correo del usuario
handoff-sla-email = Nuestro equipo está ocupado ahora mismo, perdona la espera. Te responderemos por correo a { $email }.
handoff-sla-ask-email = Nuestro equipo está ocupado ahora mismo, perdona la espera. Envíanos aquí tu dirección de correo y te responderemos por correo.
