slack-form-title = Nova organização
slack-form-submit = Salvar
slack-form-close = Cancelar
slack-form-intro = Preencha os dados da sua organização. Enviaremos um link de confirmação para o endereço de email.
slack-form-name-label = Nome da organização
slack-form-name-hint = Todos que você convidar vão ver esse nome (de 2 a 100 caracteres).
slack-form-email-label = Endereço de email
slack-form-email-hint = O crédito de teste de $25 só é dado a endereços corporativos.
slack-form-language-label = Idioma
slack-form-currency-label = Moeda das faturas
slack-form-currency-hint = Qualquer cartão funciona com as duas: o seu banco faz a conversão, se precisar. Pagar por fatura (débito direto SEPA) exige EUR.
slack-form-currency-placeholder = Escolha uma moeda
slack-form-expired = O formulário não abriu a tempo. Digite /onboard de novo, por favor.
slack-usage =
    Veja o que o /onboard faz:
    /onboard — abre o formulário de cadastro
    /onboard status — mostra em que etapa você está
    /onboard language — muda o idioma
    /onboard help — como falar com o nosso suporte
    /onboard start, new, cancel, delete — continuar, criar outra organização, cancelar este cadastro, apagar os seus dados
slack-home-title = Suas organizações
# Variables:
#   $name (String) - organization name
#   $email (String) - the organization's email address
#   $currency (String) - USD or EUR
#   $status (String) - the organization's status
slack-home-organization =
    { $name }
    Situação: { $status ->
        [pending_email] aguardando a confirmação do email
        [confirmed] email confirmado
        [cancelled] cancelada
       *[other] { $status }
    }
    Email: { $email }
    Moeda: { $currency }
slack-home-empty = Você ainda não tem organizações.
slack-home-hint = Digite /onboard para criar uma organização, ou /onboard status para ver em que etapa você está.
