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
web-join-title = Unirte a la organización
# Variables:
#   $name (String) - nombre de la organización
#   $inviter (String) - quién invitó: la dirección del dueño
web-join-text = { $inviter } te invita a unirte a { $name } en { -product-name }.
web-join-button = Unirme
web-joined-title = Te damos la bienvenida
# Variables:
#   $name (String) - nombre de la organización
web-joined-text = Ya eres miembro de { $name }. Le avisamos al dueño de la organización.
web-join-expired = Esta invitación venció. Pídele a quien te invitó que te envíe una nueva.
web-join-used = Esta invitación ya se usó. Si ya te uniste, no tienes que hacer nada más.
web-join-unknown = Esta invitación ya no es válida. Pídele a quien te invitó que te envíe una nueva.
web-opt-out-title = Dejar de recibir invitaciones
web-opt-out-text = Presiona el botón y no te enviaremos más invitaciones a organizaciones en { -product-name }.
web-opt-out-button = No quiero más invitaciones
web-opted-out-text = Listo: no recibirás más invitaciones de nuestra parte.
web-join-next = No pasa nada hasta que presiones Unirme. El dueño de la organización verá que te uniste.
web-joined-next = Recibirás por correo las invitaciones a las videoconferencias y eventos de la organización. Puedes cerrar esta pestaña.
web-join-expired-title = Invitación vencida
web-join-used-title = Invitación ya usada
web-join-unknown-title = Invitación no válida
