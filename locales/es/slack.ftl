slack-form-title = Nueva organización
slack-form-submit = Guardar
slack-form-close = Cancelar
slack-form-intro = Completa los datos de tu organización. Enviaremos un enlace de confirmación a la dirección de correo que indiques.
slack-form-name-label = Nombre de la organización
slack-form-name-hint = Lo verán todas las personas que invites (de 2 a 100 caracteres).
slack-form-name-duplicate = Ya tienes una organización con este nombre. Guarda de nuevo para usarlo de todos modos o escribe otro.
slack-form-email-label = Correo electrónico
# Variables:
#   $amount (Number) - el crédito de prueba, un monto en moneda
slack-form-email-hint = El crédito de prueba de { $amount } solo se otorga a direcciones corporativas.
slack-form-language-label = Idioma
slack-form-currency-label = Moneda de facturación
slack-form-currency-hint = Cualquier tarjeta bancaria sirve con ambas: tu banco convierte si hace falta. El débito directo SEPA de tu cuenta bancaria requiere EUR.
slack-form-currency-placeholder = Elige una moneda
slack-form-expired = El formulario no se abrió a tiempo. Escribe /onboard otra vez, por favor.
slack-usage =
    Esto es lo que puede hacer /onboard:
    /onboard — abre el formulario de registro
    /onboard status — muestra en qué paso estás
    /onboard language — cambia el idioma
    /onboard help — cómo comunicarte con nuestro equipo de soporte
    /onboard start, new, cancel, delete — continuar, crear otra organización, cancelar este registro, borrar tus datos
slack-home-title = Tus organizaciones
# Variables:
#   $name (String) - organization name
#   $email (String) - the organization's email address
#   $currency (String) - USD or EUR
#   $status (String) - the organization's status
slack-home-organization =
    { $name }
    Estado: { $status ->
        [pending_email] esperando la confirmación del correo
        [confirmed] correo confirmado
        [cancelled] cancelada
       *[other] { $status }
    }
    Correo electrónico: { $email }
    Moneda: { $currency }
slack-home-empty = Todavía no tienes organizaciones.
slack-home-hint = Escribe /onboard para crear una organización, o /onboard status para ver en qué paso estás.
slack-invite-pick = O elige personas de tu espacio de trabajo
# Variables:
#   $name (String) - organization name
slack-home-invite = Invita a { $name } a personas de tu espacio de trabajo:
