web-confirm-title = Confirma tu correo
# Variables:
#   $name (String) - nombre de la organización
web-confirm-text = Haz clic en el botón para confirmar el correo de { $name }.
web-confirm-button = Confirmar correo
web-confirmed-title = Correo confirmado
web-confirmed-text = ¡Gracias! Ya puedes volver al chat: allí te espera el siguiente paso.
web-token-expired = Este enlace expiró. Pídele al bot en el chat que te envíe uno nuevo.
web-token-used = Este enlace ya se usó. Si tu correo está confirmado, simplemente vuelve al chat.
web-token-unknown = Este enlace no es válido. Usa el enlace más reciente de tu correo.
console-hint = Escribe /start para empezar o continuar. Las opciones están numeradas: responde con el número o el nombre.
web-unavailable-title = Página temporalmente no disponible
web-unavailable-text = En este momento no podemos abrir esta página. Vuelve a intentarlo en un minuto.
