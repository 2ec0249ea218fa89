# Variables:
#   $currency (String) - USD ou EUR
payment-ask =
    Última etapa: adicione uma forma de pagamento. Nenhum valor será cobrado agora.
    { $currency ->
        [EUR] Você pode salvar um cartão. Se o débito direto SEPA estiver disponível, a página de pagamento também vai permitir pagar direto da sua conta bancária.
       *[other] Você pode salvar um cartão.
    }
payment-hint = Use o link de pagamento para adicionar uma forma de pagamento ou peça um novo link.
button-new-link = Novo link
# Variables:
#   $reason (String) - o motivo da falha: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication ou other
payment-failed =
    { $reason ->
        [declined] Seu banco recusou o cartão. Tente outro cartão ou pergunte ao seu banco o motivo.
        [insufficient-funds] Seu banco recusou o cartão porque a conta não tem saldo suficiente. Tente outro cartão.
        [expired-card] O cartão está vencido, ou a data de validade foi digitada errada.
        [incorrect-cvc] O código de segurança (CVC) do cartão está incorreto.
        [incorrect-number] O número do cartão está incorreto.
        [processing-error] Ocorreu um erro ao verificar o cartão. Tente de novo daqui a pouco.
        [authentication] A verificação do seu banco (3D Secure) não foi concluída.
       *[other] Não foi possível salvar a forma de pagamento.
    } Aqui está um novo link para tentar de novo.
payment-link-expired = O link de pagamento expirou. Aqui está um novo.
