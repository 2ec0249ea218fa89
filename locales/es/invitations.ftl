invite-button-open = Invitar a tu equipo
# Variables:
#   $count (Number) - a cuántas direcciones nuevas van las invitaciones
invite-button-send = { $count ->
        [one] Enviar la invitación
        [many] Enviar { $count } de invitaciones
       *[other] Enviar { $count } invitaciones
    }
# Variables:
#   $count (Number) - a cuántas personas ya se invitó
invite-button-resend = Enviar de nuevo ({ $count })
# Variables:
#   $count (Number) - a cuántas personas ya se invitó
invite-button-revoke = Cancelar invitaciones ({ $count })
invite-button-finish = Listo
# Variables:
#   $max (Number) - cuántas direcciones como máximo en un mensaje
invite-ask =
    ¿Quién se une a tu organización? Envíame sus direcciones de correo en un solo mensaje, separadas por comas, espacios o saltos de línea (hasta { $max } a la vez).
    Cada persona recibe un correo con un enlace para unirse.
invite-not-yet = Podrás invitar a tu equipo cuando se confirme la dirección de correo de la organización.
invite-confirm = ¿Envío las invitaciones ahora? También puedes mandarme más direcciones antes.
invite-confirm-again = No hay direcciones nuevas. Puedes enviar otra vez las invitaciones anteriores, cancelarlas o mandarme otras direcciones.
# Variables:
#   $count (Number) - cuántas
#   $list (String) - las direcciones, separadas por comas
invite-found-new = Listas para invitar ({ $count }): { $list }
# Variables:
#   $count (Number) - cuántas
#   $list (String) - las direcciones, separadas por comas
invite-found-invited = Ya invitadas, todavía sin respuesta ({ $count }): { $list }
# Variables:
#   $count (Number) - cuántas
#   $list (String) - las direcciones, separadas por comas
invite-found-expired = Invitación vencida ({ $count }): { $list }
# Variables:
#   $count (Number) - cuántas
#   $list (String) - las direcciones, separadas por comas
invite-found-member = Ya son miembros ({ $count }): { $list }
# Variables:
#   $count (Number) - cuántas
#   $list (String) - lo que se escribió, abreviado
invite-found-invalid = Direcciones de correo no válidas, omitidas ({ $count }): { $list }
# Variables:
#   $count (Number) - cuántas entradas repetían una dirección
invite-found-repeated = { $count ->
        [one] Una dirección aparecía más de una vez: recibe una sola invitación.
        [many] { $count } de direcciones aparecían más de una vez: cada una recibe una sola invitación.
       *[other] { $count } direcciones aparecían más de una vez: cada una recibe una sola invitación.
    }
# Variables:
#   $email (String) - la dirección del propio dueño
invite-found-own = { $email } es tu propia dirección: la organización ya es tuya.
# Variables:
#   $count (Number) - cuántas entradas tenía el mensaje
#   $max (Number) - cuántas como máximo por mensaje
invite-too-many = El mensaje tiene { $count } direcciones. Envía como máximo { $max } a la vez: no se envió nada.
invite-none-found = No encontré direcciones de correo en ese mensaje.
# Variables:
#   $count (Number) - cuántas invitaciones salieron
invite-sent = { $count ->
        [one] Invitación enviada.
        [many] { $count } de invitaciones enviadas.
       *[other] { $count } invitaciones enviadas.
    } Te aviso cuando alguien se una.
# Variables:
#   $count (Number) - cuántas no salieron
#   $hours (Number) - cuándo se podrán enviar más
invite-limited = Invitaciones no enviadas: { $count }. Se alcanzó el límite diario; vuelve a intentarlo en { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }.
# Variables:
#   $count (Number) - cuántas personas pidieron no recibir invitaciones
invite-opted-out = Invitaciones no enviadas: { $count }. Esas personas pidieron no recibir invitaciones.
# Variables:
#   $count (Number) - cuántas invitaciones se cancelaron
invite-revoked = Invitaciones canceladas: { $count }. Sus enlaces ya no funcionan.
# Variables:
#   $email (String) - quién se unió
#   $name (String) - nombre de la organización
invite-joined = Buenas noticias: { $email } se unió a { $name }.
# Variables:
#   $invited (Number) - invitaciones abiertas
#   $joined (Number) - miembros que se unieron
#   $expired (Number) - invitaciones vencidas
invite-status =
    Equipo:
    Invitados, esperando respuesta: { $invited }
    Se unieron: { $joined }
    Invitaciones vencidas: { $expired }
