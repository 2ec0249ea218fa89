# Variables:
#   $name (String) - nombre de la organización
email-confirm-subject = Confirma el correo de { $name } en { -product-name }
# Variables:
#   $name (String) - nombre de la organización
email-confirm-intro = Confirma que esta dirección pertenece a la organización { $name } en { -product-name }.
email-confirm-action = Confirmar correo
# Variables:
#   $hours (Number) - durante cuánto tiempo es válido el enlace
email-confirm-expiry =
    El enlace es válido durante { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }.
email-confirm-signature = El equipo de { -product-name }
# Variables:
#   $name (String) - nombre de la organización
email-confirm-preheader = Confirma tu correo con un clic para seguir con el registro de { $name }.
email-confirm-link-hint = Si el botón no funciona, copia este enlace en tu navegador:
email-confirm-next-heading = Qué sigue
email-confirm-next = Después de confirmar, vuelve al chat: allí te espera el siguiente paso del registro.
#   $inviter (String) - quién invitó: la dirección del dueño
email-invite-subject = { $inviter } te invita a { $name } en { -product-name }
# Variables:
#   $name (String) - nombre de la organización
#   $inviter (String) - quién invitó: la dirección del dueño
email-invite-intro = { $inviter } te invita a unirte a la organización { $name } en { -product-name }, para participar en sus videoconferencias y eventos.
email-invite-action = Unirme a la organización
# Variables:
#   $days (Number) - cuánto tiempo vale la invitación
email-invite-expiry =
    La invitación vale por { $days ->
        [one] { $days } día
        [many] { $days } de días
       *[other] { $days } días
    }.
email-invite-ignore = ¿No esperabas este correo? Puedes ignorarlo: no pasa nada hasta que presiones el botón.
email-invite-opt-out = ¿No quieres recibir más invitaciones de { -product-name }?
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-preheader = { $inviter } te invita a { $name }: un clic para ver la invitación.
email-invite-next = El botón abre una página con la invitación; te unes cuando presionas Unirme ahí.
