slack-form-title = Nova organização
slack-form-submit = Salvar
slack-form-close = Cancelar
slack-form-intro = Preencha os dados da sua organização. Enviaremos um link de confirmação para o endereço de e-mail.
slack-form-name-label = Nome da organização
slack-form-name-hint = Todos que você convidar vão ver esse nome (de 2 a 100 caracteres).
slack-form-name-duplicate = Você já tem uma organização com este nome. Salve de novo para usá-lo mesmo assim ou digite outro.
slack-form-email-label = Endereço de e-mail
# Variables:
#   $amount (Number) - o crédito de teste, um valor em moeda
slack-form-email-hint = O crédito de teste de { $amount } só é concedido a endereços corporativos.
slack-form-language-label = Idioma
slack-form-currency-label = Moeda das faturas
slack-form-currency-hint = Qualquer cartão funciona com as duas: seu banco faz a conversão, se precisar. O débito direto SEPA na conta bancária exige EUR.
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
        [pending_email] aguardando a confirmação do e-mail
        [confirmed] e-mail confirmado
        [cancelled] cancelada
       *[other] { $status }
    }
    E-mail: { $email }
    Moeda: { $currency }
slack-home-empty = Você ainda não tem organizações.
slack-home-hint = Digite /onboard para criar uma organização, ou /onboard status para ver em que etapa você está.
slack-invite-pick = Ou escolha pessoas do seu workspace
# Variables:
#   $name (String) - organization name
slack-home-invite = Convide pessoas do seu workspace para { $name }:
