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
brand-name = { -product-name }
web-next-heading = Qué sigue
web-confirm-next = En cuanto confirmes, el chat pasa al siguiente paso. Después puedes cerrar esta pestaña.
web-confirmed-next = El chat ya lo sabe, así que puedes cerrar esta pestaña.
web-token-expired-title = Enlace expirado
web-token-expired-next = En el chat, haz clic en “Reenviar el correo” y abre el enlace del correo nuevo. Los datos de tu registro están guardados.
web-token-used-title = Enlace ya usado
web-token-used-next = Vuelve al chat y continúa donde te quedaste.
web-token-unknown-title = Enlace no válido
web-token-unknown-next = Solo funciona el enlace del correo más reciente. Si no lo encuentras, haz clic en “Reenviar el correo” en el chat.
web-unavailable-next = No se perdió nada de lo que ingresaste, y el enlace que abriste sigue funcionando.
web-error-title = Algo salió mal
web-error-text = No pudimos abrir esta página. Nuestro equipo ya está al tanto.
web-error-next = No se perdió nada de lo que ingresaste. Vuelve a cargar esta página en unos minutos.
