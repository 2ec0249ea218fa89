# Variables:
#   $seconds (Number) - cuánto falta para poder reenviar el correo
email-resend-wait =
    Acabo de enviarte el enlace. Podrás pedirlo de nuevo dentro de { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }.
# Variables:
#   $minutes (Number) - cuánto falta para poder enviar otro correo
email-send-limit =
    Alcanzaste el máximo de correos de confirmación por hora. Podrás pedir otro dentro de { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } de minutos
       *[other] { $minutes } minutos
    }.
# Variables:
#   $email (String) - la dirección enmascarada, como a…@acme.com
email-reminder =
    Recordatorio: tu organización está esperando que confirmes { $email }.
    Abre el enlace del correo que te enviamos o usa uno de los botones de abajo.
