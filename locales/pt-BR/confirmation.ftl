# Variables:
#   $seconds (Number) - quanto falta para poder reenviar o e-mail
email-resend-wait =
    Acabei de enviar o link. Você poderá pedir de novo em { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }.
# Variables:
#   $minutes (Number) - quanto falta para poder enviar outro e-mail
email-send-limit =
    Você atingiu o limite de e-mails de confirmação por hora. Você poderá pedir outro em { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } de minutos
       *[other] { $minutes } minutos
    }.
# Variables:
#   $email (String) - o endereço mascarado, como a…@acme.com
email-reminder =
    Lembrete: sua organização está esperando você confirmar { $email }.
    Abra o link do e-mail que enviamos ou use um dos botões abaixo.
