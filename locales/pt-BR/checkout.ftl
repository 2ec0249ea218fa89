# Variables:
#   $method_kind (String) - card ou sepa_debit
#   $method_brand (String) - a bandeira do cartão como a Stripe a chama (visa, mastercard, …)
#   $method_last4 (String) - os quatro últimos dígitos do cartão ou do IBAN
#   $method_country (String) - o país da conta SEPA (DE, FR, …)
#   $mandate (String) - status da autorização SEPA: active, pending ou inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] débito direto SEPA, IBAN { $method_country } •••• { $method_last4 } (autorização { $mandate ->
            [active] ativa
            [inactive] inativa
           *[pending] pendente
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
           *[other] cartão
        } •••• { $method_last4 }
    }
payment-link = Abra a página segura da Stripe abaixo para adicionar uma forma de pagamento. Nenhum valor será cobrado agora.
button-open-payment-link = Adicionar forma de pagamento
payment-card-only-usd = Suas faturas são em dólares americanos, então a página aceita apenas cartões: o débito direto SEPA só está disponível para faturas em euros. Qualquer cartão serve, e seu banco faz a conversão, se necessário.
payment-link-delayed = A Stripe não está respondendo no momento. Vou continuar tentando e envio o link de pagamento aqui assim que ele estiver pronto.
payment-card-only-eur = No momento a página oferece apenas cartões: o débito direto SEPA não está disponível agora. Qualquer cartão serve, e seu banco converte a moeda se for preciso.
payment-processing = Obrigado! Seus dados bancários estão sendo verificados, o que pode levar algum tempo. Aviso você aqui assim que a verificação terminar; você não precisa fazer mais nada.
payment-link-unavailable = Não consegui gerar um link de pagamento por um problema do nosso lado. Nossa equipe já foi avisada e está cuidando disso; seu progresso está salvo.
payment-mandate-inactive = Sua autorização de débito direto SEPA não está mais ativa, então não podemos mais debitar dessa conta bancária. Adicione uma forma de pagamento de novo. Nossa equipe de suporte já foi avisada.
# Variables:
#   $method_country (String) - o país da conta SEPA (DE, FR, …)
#   $method_last4 (String) - os últimos quatro dígitos do IBAN
payment-mandate-active = Boa notícia: sua autorização de débito direto SEPA para o IBAN { $method_country } •••• { $method_last4 } agora está ativa. Você não precisa fazer mais nada.

web-payment-saved-title = Forma de pagamento salva
web-payment-saved-text = Sua forma de pagamento foi salva. Você pode voltar ao chat.
web-payment-checking-title = Verificando sua forma de pagamento
web-payment-checking-text = A Stripe ainda está confirmando sua forma de pagamento. Você pode voltar ao chat: avisaremos lá assim que ela for salva.
web-payment-unknown-title = Página de pagamento não encontrada
web-payment-unknown-text = Não encontramos esta página de pagamento. Volte ao chat e peça um novo link.
web-payment-cancelled-title = Forma de pagamento não adicionada
web-payment-cancelled-text = Nada foi salvo e nada foi cobrado. Você pode voltar ao chat e pedir um novo link quando quiser.
web-payment-saved-next = O chat também já foi avisado: você pode fechar esta aba e continuar por lá.
web-payment-checking-next = Não é preciso manter esta página aberta: por enquanto, não há mais nada a fazer.
web-payment-unknown-next = No chat, clique em “Novo link” para receber uma nova página de pagamento.
web-payment-cancelled-next = Quando quiser tentar de novo, clique em “Novo link” no chat.
