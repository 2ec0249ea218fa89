cancel-confirm = Cancelar este cadastro? Os dados que você informou serão descartados.
cancel-done = Cadastro cancelado. Envie /new quando quiser começar de novo.
cancel-nothing = Não há nada para cancelar no momento.
delete-confirm = Excluir todos os seus dados? Seu nome, endereços de e-mail e mensagens serão apagados. Essa ação não pode ser desfeita.
delete-done = Seus dados foram excluídos. Se quiser começar de novo algum dia, envie /start.
new-in-progress = Você já tem um cadastro em andamento. Termine esse cadastro ou envie /cancel e depois /new.
button-yes = Sim
button-no = Não

help-text =
    Precisa de ajuda? Escreva para support@proficonf.com e alguém da nossa equipe vai responder.
    Comandos:
    /start — continuar de onde você parou
    /status — ver seu progresso
    /language — mudar o idioma
    /new — criar outra organização
    /cancel — cancelar este cadastro
    /invite — convidar sua equipe
    /delete — apagar seus dados

# Variables:
#   $step (String) - a etapa atual
#   $name (String) - nome da organização ou um traço
#   $email (String) - endereço de e-mail ou um traço
#   $currency (String) - moeda ou um traço
#   $method_kind (String) - none, card ou sepa_debit (o resto vai para payment-method-description)
#   $credit (String) - trial credit status: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - the credit granted, a currency amount
#   $remaining (Number) - the credit left, a currency amount
status-summary =
    Onde você está: { $step ->
        [language] escolha do idioma
        [name] nome da organização
        [email] endereço de e-mail
        [currency] moeda das faturas
        [summary] conferência dos dados
        [awaiting_email] aguardando a confirmação do e-mail
        [payment] adição da forma de pagamento
        [done] tudo pronto
        [cancelled] cadastro cancelado
       *[other] { $step }
    }
    Organização: { $name }
    E-mail: { $email }
    Moeda: { $currency }
    Forma de pagamento: { $method_kind ->
        [none] —
       *[other] { payment-method-description }
    }
    Crédito de teste: { $credit ->
        [granted] restam { $remaining } de { $amount }
        [not_eligible_free_mail] indisponível para endereços de e-mail gratuitos
        [not_eligible_disposable] indisponível para endereços temporários
        [already_used] já usado por este domínio de e-mail
       *[pending] será definido quando você confirmar o e-mail
    }
