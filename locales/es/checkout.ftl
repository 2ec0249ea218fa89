# Variables:
#   $method_kind (String) - card o sepa_debit
#   $method_brand (String) - la marca de la tarjeta como la llama Stripe (visa, mastercard, …)
#   $method_last4 (String) - los últimos cuatro dígitos de la tarjeta o del IBAN
#   $method_country (String) - el país de la cuenta SEPA (DE, FR, …)
#   $mandate (String) - estado del mandato SEPA: active, pending o inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] débito directo SEPA, IBAN { $method_country } •••• { $method_last4 } (mandato { $mandate ->
            [active] activo
            [inactive] inactivo
           *[pending] pendiente
        })
       *[card] { $method_brand ->
            [visa] Visa
            [mastercard] Mastercard
            [amex] American Express
            [discover] Discover
            [diners] Diners Club
            [jcb] JCB
            [unionpay] UnionPay
            [cartes_bancaires] Cartes Bancaires
           *[other] tarjeta
        } •••• { $method_last4 }
    }
payment-link = Abre la página segura de Stripe que está abajo para agregar un método de pago. Por ahora no se te cobrará nada.
button-open-payment-link = Agregar método de pago
payment-card-only-usd = Tus facturas son en dólares estadounidenses, así que la página solo acepta tarjetas: el débito directo SEPA solo está disponible para facturas en euros. Sirve cualquier tarjeta, y tu banco convierte la moneda si hace falta.
payment-card-only-eur = Por ahora la página solo ofrece tarjetas: el débito directo SEPA no está disponible en este momento. Sirve cualquier tarjeta y, si hace falta, tu banco convierte la moneda.
payment-processing = ¡Gracias! Estamos verificando los datos de tu cuenta bancaria, lo que puede tardar un poco. Te aviso aquí en cuanto termine; no tienes que hacer nada más.
payment-link-delayed = Stripe no responde en este momento. Sigo intentándolo y te enviaré aquí el enlace de pago en cuanto esté listo.
payment-link-unavailable = No pude crear el enlace de pago por un problema de nuestra parte. Nuestro equipo ya está al tanto y lo está resolviendo. Tu progreso está guardado.
payment-mandate-inactive = Tu mandato de débito directo SEPA ya no está activo, así que ya no podemos debitar de esa cuenta bancaria. Agrega de nuevo un método de pago. Ya avisamos a nuestro equipo de soporte.
# Variables:
#   $method_country (String) - el país de la cuenta SEPA (DE, FR, …)
#   $method_last4 (String) - los últimos cuatro dígitos del IBAN
payment-mandate-active = Buenas noticias: tu mandato de débito directo SEPA para el IBAN { $method_country } •••• { $method_last4 } ya está activo. No necesitas hacer nada más.

web-payment-saved-title = Método de pago guardado
web-payment-saved-text = Tu método de pago quedó guardado. Puedes volver al chat.
web-payment-checking-title = Verificando tu método de pago
web-payment-checking-text = Stripe todavía está confirmando tu método de pago. Puedes volver al chat: ahí te avisaremos en cuanto quede guardado.
web-payment-unknown-title = No encontramos la página de pago
web-payment-unknown-text = No encontramos esta página de pago. Vuelve al chat y pide un enlace nuevo.
web-payment-cancelled-title = Método de pago no agregado
web-payment-cancelled-text = No se guardó nada ni se cobró nada. Puedes volver al chat y pedir un enlace nuevo cuando quieras.
web-payment-saved-next = El chat también ya lo sabe: puedes cerrar esta pestaña y continuar allí.
web-payment-checking-next = No hace falta que dejes esta página abierta: por ahora no tienes que hacer nada más.
web-payment-unknown-next = En el chat, haz clic en “Enlace nuevo” para recibir una página de pago nueva.
web-payment-cancelled-next = Cuando quieras volver a intentarlo, haz clic en “Enlace nuevo” en el chat.
