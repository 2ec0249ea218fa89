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
