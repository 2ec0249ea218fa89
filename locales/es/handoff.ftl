## Paso a una persona del soporte. Los textos para el usuario están en su
## idioma; en el canal de soporte (tarjeta, avisos, botones) se usa el inglés.

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

## El canal de soporte

# Variables:
#   $ticket (Number) - número del ticket
handoff-desk-topic = Ticket n.º { $ticket }

# Variables:
#   $ticket (Number) - número del ticket
#   $status (String) - open, taken, escalated o closed
#   $channel (String) - el canal del usuario
#   $language (String) - el idioma del usuario
#   $step (String) - el paso del usuario
#   $name (String) - nombre de la organización o un guion
#   $email (String) - correo o un guion
#   $email_status (String) - estado de la confirmación del correo
#   $currency (String) - moneda o un guion
#   $payment (String) - estado del pago
#   $credit (String) - estado del crédito de prueba o un guion
#   $credit_left (Number) - crédito restante (importe)
handoff-desk-card =
    Ticket n.º { $ticket } — { $status }
    Usuario: { $channel }, idioma { $language }
    Paso: { $step }
    Organización: { $name }
    Correo: { $email } ({ $email_status })
    Moneda: { $currency }
    Pago: { $payment }
    Crédito: { $credit ->
        [granted] concedido, quedan { $credit_left }
       *[other] { $credit }
    }
    Últimos mensajes:

handoff-desk-button-take = Atender
handoff-desk-button-resume = Devolver al bot
handoff-desk-button-resend = Reenviar correo de confirmación
handoff-desk-button-new-link = Nuevo enlace de pago
handoff-desk-button-close = Cerrar

# Variables:
#   $text (String) - lo que escribió el usuario
handoff-desk-user-says = Usuario: { $text }

# Variables:
#   $agent (String) - el agente que atendió el ticket
handoff-desk-taken = Atendido por { $agent }.
handoff-desk-resumed = Devuelto al bot; el usuario sigue donde estaba.
handoff-desk-closed = Ticket cerrado; la conversación sigue donde estaba.
handoff-desk-user-left = El usuario volvió al bot (/start); ticket cerrado.
handoff-desk-escalated = Nadie atendió el ticket a tiempo: se avisó al usuario de que la respuesta llegará por correo.

# Variables:
#   $email (String) - la dirección enmascarada
handoff-desk-email-resent = Se envió un nuevo correo de confirmación a { $email }.
handoff-desk-email-refused =
    No se envió ningún correo: esta dirección ya recibió el máximo de correos de confirmación permitidos en un día. Posible de nuevo en { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }.
handoff-desk-no-email = Nada que reenviar: el usuario no tiene un correo pendiente de confirmar.
handoff-desk-link-sent = Un nuevo enlace de pago va camino del usuario.
handoff-desk-no-payment = Ahora no hay enlace de pago: el usuario no está en el paso del pago.
handoff-desk-payment-number = No se envió: el mensaje contiene un número de tarjeta o un IBAN. Nunca pidas datos de pago en el chat; el usuario los ingresa en la página segura de Stripe.
handoff-desk-refused = Solo los agentes de soporte del canal pueden actuar sobre los tickets.
handoff-desk-ticket-over = Este ticket está cerrado.

# Variables:
#   $agent (String) - el agente que lo escribió
#   $channel (String) - el canal de soporte donde lo escribió (Telegram o Slack)
#   $text (String) - lo que escribió al usuario
handoff-desk-agent-says = { $agent } ({ $channel }) al usuario: { $text }
handoff-desk-earlier = (no se muestran los mensajes anteriores)

# Variables:
#   $ticket (Number) - número del ticket
handoff-desk-card-erased = Ticket #{ $ticket } — cerrado: el usuario borró sus datos. Aquí ya no se muestra nada sobre él.
handoff-desk-user-erased = El usuario borró sus datos; el ticket está cerrado y su tarjeta ya no muestra nada sobre él. El bot borra aquí sus propios mensajes con las palabras del usuario (Telegram solo lo permite durante las últimas 48 horas); las respuestas de los agentes se quedan: bórralas si contienen datos personales.
