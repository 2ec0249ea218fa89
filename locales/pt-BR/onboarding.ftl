-product-name = Proficonf
-org-account = conta de organização

onboarding-welcome =
    Boas-vindas ao { -product-name }! Vou ajudar você a criar uma { -org-account } em poucos passos.
onboarding-ask-language = Qual idioma você prefere usar?
language-native-en = English
language-native-ru = Русский
language-native-it = Italiano
language-native-pt-br = Português (Brasil)
language-native-es = Español
language-changed = Pronto, a partir de agora vou falar em português.

onboarding-ask-name =
    Qual é o nome da sua organização?
    Ele aparece para todas as pessoas que você convidar (de 2 a 100 caracteres).
onboarding-ask-email =
    Qual endereço de e-mail devemos usar para a organização?
    Vamos enviar um link de confirmação para ele.

# Variables:
#   $domain (String) - o domínio do endereço informado pelo usuário
#   $amount (Number) - the trial credit, a currency amount
email-note-free =
    Vale saber: o crédito de teste de { $amount } só é concedido a endereços corporativos, e { $domain } é um serviço de e-mail gratuito.
    Você pode manter este endereço ou enviar um e-mail de trabalho.
# Variables:
#   $domain (String) - o domínio do endereço informado pelo usuário
#   $amount (Number) - the trial credit, a currency amount
email-note-disposable =
    Vale saber: { $domain } é um serviço de e-mail temporário, então este endereço não pode receber o crédito de teste de { $amount }.
    Você pode mantê-lo ou enviar um endereço de trabalho.

onboarding-ask-currency =
    Em qual moeda suas faturas devem ser emitidas?
    Qualquer cartão funciona com as duas: se necessário, seu banco faz a conversão. Para o débito direto SEPA (debitamos o valor da sua conta bancária), é preciso escolher EUR.
currency-option-usd = Dólar americano (USD)
currency-option-eur = Euro (EUR)

# Variables:
#   $name (String) - nome da organização
#   $email (String) - endereço de e-mail
#   $currency (String) - USD ou EUR
#   $language (String) - código do idioma
onboarding-summary =
    Confira os dados:
    Organização: { $name }
    E-mail: { $email }
    Moeda: { $currency }
    Idioma: { $language ->
        [ru] russo
        [it] italiano
        [pt-BR] português (Brasil)
        [es] espanhol
       *[en] inglês
    }
    Salve agora ou altere o que precisar antes.
button-save = Salvar
button-edit-name = Alterar nome
button-edit-email = Alterar e-mail
button-edit-currency = Alterar moeda
button-edit-language = Alterar idioma

# Variables:
#   $email (String) - o endereço mascarado, como a…@acme.com
onboarding-awaiting-email =
    Sua organização foi salva. Enviamos um link de confirmação para { $email }.
    Abra-o em qualquer navegador e eu continuo por aqui automaticamente.
onboarding-awaiting-hint = Estou esperando você abrir o link do e-mail. Não chegou nada? Confira a pasta de spam ou use um dos botões abaixo.
button-resend = Reenviar e-mail
button-change-email = Alterar e-mail
# Variables:
#   $email (String) - o endereço mascarado, como a…@acme.com
email-resent = Reenviei o link para { $email }.
# Variables:
#   $email (String) - o endereço para o qual não foi possível entregar o e-mail
email-delivery-failed = Não foi possível entregar o e-mail de confirmação para { $email }. Confira o endereço ou informe outro.
email-confirmed = Seu e-mail foi confirmado. Obrigado!
email-confirmed-other = O e-mail de outra das suas organizações acabou de ser confirmado.

# A forma de pagamento é descrita por payment-method-description (recebe as mesmas variáveis).
onboarding-done =
    Tudo pronto! Sua forma de pagamento foi salva e nada foi cobrado.
    Forma de pagamento: { payment-method-description }
    Agora sua organização pode realizar quantos eventos simultâneos quiser e convidar membros. Use /new para criar outra organização.
onboarding-cancelled-hint = Este cadastro foi cancelado. Envie /new para começar de novo.
