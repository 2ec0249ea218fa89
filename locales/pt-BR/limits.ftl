# Variables:
#   $seconds (Number) - quanto esperar para escrever de novo
limits-slow-down =
    Você está enviando mensagens rápido demais. Espere { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }: as mensagens enviadas até lá serão ignoradas.
# Variables:
#   $hours (Number) - quando será possível criar outra organização
limits-organizations-per-day =
    Você já criou o número máximo de organizações permitido em um dia, então esta não foi salva. Você poderá salvá-la em { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }: tudo o que você preencheu continua aqui.
# Variables:
#   $hours (Number) - quando este endereço poderá receber outro e-mail
limits-emails-per-address =
    O e-mail não foi enviado: este endereço já recebeu o número máximo de e-mails de confirmação permitido em um dia. Tente de novo em { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    } ou altere o e-mail.
limits-too-many-requests-title = Muitas solicitações
# Variables:
#   $seconds (Number) - quando a página poderá ser aberta de novo
limits-too-many-requests-text =
    Chegaram muitas solicitações da sua rede. Tente de novo em { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }.
limits-too-many-requests-next = Seu link continua funcionando: recarregue a página quando o tempo de espera acabar.
