## Las preguntas de la conversación sobre una respuesta antes de aceptarla, y
## lo que dice cuando los pagos o el soporte no están disponibles.

# Variables:
#   $email (String) - the support address customers can write to
support-contact = ¿Necesitas ayuda? Escribe a { $email } y una persona de nuestro equipo te responderá por correo. Mientras tanto, puedes seguir aquí.

# Variables:
#   $email (String) - the address with its domain corrected
#   $domain (String) - the domain as the user typed it
email-did-you-mean = ¿Quisiste decir { $email }? “{ $domain }” parece tener un error de escritura.
# Variables:
#   $email (String) - the address with its domain corrected
button-use-suggestion = Usar { $email }
button-keep-as-typed = Dejarlo como lo escribí
button-keep-email = Mantener esta dirección

# Variables:
#   $name (String) - organization name
name-duplicate = Ya tienes una organización llamada { $name }. ¿Quieres usar este nombre de todos modos o escribir otro?
button-use-name-anyway = Usarlo de todos modos
button-other-name = Elegir otro nombre

# Variables:
#   $name (String) - organization name
cancel-confirm-saved = ¿Cancelar este registro? { $name } está guardada, pero su correo aún no está confirmado: se cancelará y su enlace de confirmación dejará de funcionar.
# Variables:
#   $name (String) - organization name
cancel-confirm-confirmed = ¿Parar aquí? { $name } ya está confirmada y se queda como está; puedes agregar un método de pago más adelante.
# Variables:
#   $name (String) - organization name
cancel-done-confirmed = Listo. { $name } sigue confirmada. Envía /new cuando quieras crear otra organización.

# Variables:
#   $email (String) - the support address customers can write to
onboarding-ready-no-payment =
    Tu organización está lista para usarse y, por ahora, no hace falta un método de pago.
    Cuando quieras agregar uno, escríbenos a { $email } y lo configuramos contigo. Usa /new para crear otra organización.
payment-unavailable = No puedo crear un enlace de pago en este momento. Tu progreso está guardado; envía /start más tarde para intentarlo de nuevo.

## The confirmation email: the organization is already saved when it goes out.
email-confirm-ignore-saved = Si no solicitaste esto, puedes ignorar este correo: sin confirmación, esta dirección no se usa y la organización no se activa.
