# Variables:
#   $currency (String) - USD ou EUR
payment-ask =
    Última etapa: adicione uma forma de pagamento. Nada será cobrado agora.
    { $currency ->
        [EUR] Você pode salvar um cartão ou uma autorização de débito direto SEPA.
       *[other] Você pode salvar um cartão.
    }
payment-hint = Use o link de pagamento para adicionar um cartão ou peça um novo link.
button-new-link = Novo link
payment-not-configured =
    Os pagamentos ainda não estão configurados neste servidor, então não consigo gerar um link de pagamento.
    O operador precisa definir STRIPE_SECRET_KEY. Seu progresso está salvo; envie /start mais tarde.
# Variables:
#   $reason (String) - o motivo da falha, conforme informado pela Stripe
payment-failed = Não foi possível salvar a forma de pagamento: { $reason }. Aqui está um novo link para tentar de novo.
payment-link-expired = O link de pagamento expirou. Aqui está um novo.
