-product-name = Proficonf
-org-account = cuenta de organización

onboarding-welcome =
    ¡Te damos la bienvenida a { -product-name }! Te ayudaré a crear una { -org-account } en unos pocos pasos.
onboarding-ask-language = ¿Qué idioma prefieres usar?
language-native-en = English
language-native-ru = Русский
language-native-it = Italiano
language-native-pt-br = Português (Brasil)
language-native-es = Español
language-changed = Listo, a partir de ahora te hablaré en español.

onboarding-ask-name =
    ¿Cómo se llama tu organización?
    El nombre lo verán todas las personas que invites (de 2 a 100 caracteres).
onboarding-ask-email =
    ¿Qué dirección de correo electrónico quieres usar para la organización?
    Te enviaremos allí un enlace de confirmación.

# Variables:
#   $domain (String) - el dominio de la dirección que indicó el usuario
#   $amount (Number) - the trial credit, a currency amount
email-note-free =
    Para que lo sepas: el crédito de prueba de { $amount } solo se otorga a direcciones corporativas, y { $domain } es un servicio de correo gratuito.
    Puedes conservar esta dirección o enviar una de trabajo.
# Variables:
#   $domain (String) - el dominio de la dirección que indicó el usuario
#   $amount (Number) - the trial credit, a currency amount
email-note-disposable =
    Para que lo sepas: { $domain } es un servicio de correo desechable, así que esta dirección no puede recibir el crédito de prueba de { $amount }.
    Puedes conservarla o enviar una dirección de trabajo.

onboarding-ask-currency =
    ¿En qué moneda quieres que se emitan tus facturas?
    Cualquier tarjeta bancaria funciona con ambas: si hace falta, tu banco hace la conversión. Para el débito directo SEPA (debitamos el monto de tu cuenta bancaria) se necesita EUR.
currency-option-usd = Dólar estadounidense (USD)
currency-option-eur = Euro (EUR)

# Variables:
#   $name (String) - nombre de la organización
#   $email (String) - dirección de correo electrónico
#   $currency (String) - USD o EUR
#   $language (String) - código del idioma
onboarding-summary =
    Revisa los datos:
    Organización: { $name }
    Correo electrónico: { $email }
    Moneda: { $currency }
    Idioma: { $language ->
        [ru] ruso
        [it] italiano
        [pt-BR] portugués (Brasil)
        [es] español
       *[en] inglés
    }
    Guarda los datos o cambia antes lo que necesites.
button-save = Guardar
button-edit-name = Cambiar nombre
button-edit-email = Cambiar correo
button-edit-currency = Cambiar moneda
button-edit-language = Cambiar idioma

# Variables:
#   $email (String) - la dirección enmascarada, como a…@acme.com
onboarding-awaiting-email =
    Tu organización está guardada. Enviamos un enlace de confirmación a { $email }.
    Ábrelo en cualquier navegador y yo continuaré aquí automáticamente.
onboarding-awaiting-hint = Estoy esperando a que abras el enlace del correo. ¿No te llegó nada? Revisa la carpeta de spam o usa uno de los botones de abajo.
button-resend = Reenviar el correo
button-change-email = Cambiar correo
# Variables:
#   $email (String) - la dirección enmascarada, como a…@acme.com
email-resent = Volví a enviar el enlace a { $email }.
# Variables:
#   $email (String) - la dirección a la que no se pudo entregar el correo
email-delivery-failed = No se pudo entregar el correo de confirmación a { $email }. Revisa la dirección o indica otra.
email-confirmed = Tu correo está confirmado. ¡Gracias!
email-confirmed-other = Se acaba de confirmar el correo de otra de tus organizaciones.

# El método lo describe payment-method-description (recibe las mismas variables).
onboarding-done =
    ¡Todo listo! Tu método de pago quedó guardado y no se te cobró nada.
    Método de pago: { payment-method-description }
    Tu organización ya puede realizar todos los eventos simultáneos que quiera e invitar a miembros. Usa /new para crear otra organización.
onboarding-cancelled-hint = Este registro se canceló. Envía /new para empezar de nuevo.
