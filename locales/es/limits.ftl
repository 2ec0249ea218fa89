# Variables:
#   $seconds (Number) - cuánto esperar para volver a escribir
limits-slow-down =
    Estás enviando mensajes demasiado rápido. Espera { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }: los mensajes que envíes hasta entonces se ignorarán.
# Variables:
#   $hours (Number) - cuándo se podrá crear otra organización
limits-organizations-per-day =
    Ya creaste el número máximo de organizaciones permitido en un día, así que esta no se guardó. Podrás guardarla dentro de { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }: todo lo que escribiste se conserva.
# Variables:
#   $hours (Number) - cuándo esta dirección podrá recibir otro correo
limits-emails-per-address =
    Al final no enviamos el correo: esta dirección ya recibió el número máximo de correos de confirmación permitido en un día. Vuelve a intentarlo dentro de { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    } o cambia el correo.
limits-too-many-requests-title = Demasiadas solicitudes
# Variables:
#   $seconds (Number) - cuándo se podrá volver a abrir la página
limits-too-many-requests-text =
    Llegaron demasiadas solicitudes desde tu red. Vuelve a intentarlo dentro de { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }.
limits-too-many-requests-next = Tu enlace sigue funcionando: vuelve a cargar la página cuando termine la espera.
