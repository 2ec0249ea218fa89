error-not-now = Eso no corresponde a este paso. Te muestro dónde estamos:
error-pick-option = Elige una de las opciones de abajo.
# Variables:
#   $command (String) - el comando que escribió el usuario, sin la barra
error-unknown-command = No conozco el comando /{ $command }. Envía /help para ver lo que puedo hacer.
error-message-too-long = Ese mensaje es demasiado largo. Envía uno más corto, por favor.
error-try-again = Algo salió mal por nuestra parte. Vuelve a intentarlo en un momento.
warning-payment-number =
    Nunca envíes números de tarjeta ni de cuenta bancaria en este chat. No guardé ese mensaje.
    Agregarás un método de pago en una página segura de Stripe.

error-name-empty = El nombre no puede estar vacío. ¿Cómo se llama tu organización?
error-name-invisible = El nombre contiene caracteres invisibles o de control. Escríbelo de nuevo como texto sin formato.
error-name-markup = El nombre no puede contener etiquetas HTML. Envíalo como texto sin formato.
error-name-too-short = El nombre es demasiado corto: debe tener al menos 2 caracteres.
error-name-too-long = El nombre es demasiado largo: 100 caracteres como máximo.
error-name-too-big = El nombre es demasiado largo para guardarlo: acórtalo o usa menos emojis y acentos.
error-name-stacked-marks = El nombre tiene demasiados acentos sobre una sola letra. Escríbelo de nuevo como texto sin formato.
error-name-encoded-word = El nombre parece texto codificado de un correo (=?…?=). Escribe el nombre en sí, tal como debe aparecer.

error-email-empty = Envía una dirección de correo electrónico, como nombre@empresa.com.
error-email-too-long = Esa dirección es demasiado larga para ser válida. Revísala, por favor.
error-email-invalid = Eso no parece una dirección de correo válida. Envía una como nombre@empresa.com.
error-email-latin-local-part = Solo podemos enviar correos a direcciones con letras latinas, números y . _ - + antes de la @. Envía otra dirección, como nombre@empresa.com.
