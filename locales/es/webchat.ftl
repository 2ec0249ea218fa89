# The web chat page and widget (bot/channels/web). The conversation's own
# messages are the same as in every channel.
webchat-title = Asistente de Proficonf
webchat-subtitle = Registra tu organización en pocos minutos
webchat-log-label = Conversación
webchat-actions-label = Acciones rápidas
webchat-action-status = Estado
webchat-action-language = Idioma
webchat-action-help = Ayuda
webchat-input-label = Tu mensaje
webchat-input-placeholder = Escribe un mensaje…
webchat-send = Enviar
webchat-you = Tú
webchat-assistant = Asistente
webchat-typing = El asistente está escribiendo…
webchat-connecting = Conectando…
webchat-offline = No tienes conexión. Me vuelvo a conectar en cuanto regrese la red.
webchat-reconnecting = Se perdió la conexión. Reconectando…
webchat-retry = Reintentar
webchat-send-failed = Tu mensaje no se envió. Revisa tu conexión e inténtalo de nuevo.
webchat-removed = Mensaje eliminado: contenía un número de tarjeta o un IBAN.
webchat-opens-new-tab = se abre en una pestaña nueva
webchat-launcher-open = Escríbenos
webchat-launcher-close = Cerrar el chat
# Variables:
#   $count (Number) - messages the visitor hasn't seen yet
webchat-unread = { $count ->
    [one] { $count } mensaje nuevo
    [many] { $count } de mensajes nuevos
   *[other] { $count } mensajes nuevos
}
webchat-button-stale = Este botón ya no está activo. Usa el mensaje más reciente.
webchat-session-invalid = Tu sesión del chat expiró. Recarga la página para continuar.
webchat-forbidden = No se pudo aceptar esta solicitud. Recarga la página e inténtalo de nuevo.
webchat-bad-request = No pude leer ese mensaje. Inténtalo de nuevo.
# Variables:
#   $seconds (Number) - how long to wait
webchat-too-many = { $seconds ->
    [one] Demasiadas solicitudes. Espera { $seconds } segundo e inténtalo de nuevo.
    [many] Demasiadas solicitudes. Espera { $seconds } de segundos e inténtalo de nuevo.
   *[other] Demasiadas solicitudes. Espera { $seconds } segundos e inténtalo de nuevo.
}
webchat-embed-refused-title = Chat no disponible aquí
webchat-embed-refused-text = Este chat no se puede abrir en este sitio. Escríbenos en proficonf.com.
