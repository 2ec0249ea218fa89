## Transferência para uma pessoa do suporte. Os textos para o usuário estão no
## idioma dele; no canal do suporte (cartão, avisos, botões) usa-se o inglês.

handoff-button-talk = Falar com uma pessoa
handoff-offer = Está com dificuldades? Uma pessoa da nossa equipe pode ajudar você.
handoff-opened = Pedi para uma pessoa da nossa equipe entrar na conversa. Escreva sua pergunta aqui — ela vai ler e responder neste chat.
handoff-already-open = Uma pessoa da nossa equipe está cuidando desta conversa. Escreva aqui e ela vai ler.
handoff-taken = Uma pessoa da nossa equipe entrou na conversa.

# Variables:
#   $text (String) - o que o atendente escreveu
handoff-agent-message = Suporte: { $text }

# Variables:
#   $step (String) - a etapa para a qual o usuário volta
handoff-resumed =
    Voltei — vamos continuar de onde você parou: { $step ->
        [language] a escolha do idioma
        [name] o nome da sua organização
        [email] o seu endereço de e-mail
        [currency] a moeda das faturas
        [summary] a conferência dos dados
        [awaiting_email] a confirmação do seu e-mail
        [payment] a inclusão de uma forma de pagamento
        [done] está tudo pronto
        [cancelled] o cadastro foi cancelado
       *[other] { $step }
    }.
handoff-left = Tudo bem, vamos continuar sem uma pessoa — sua pergunta foi encerrada.
handoff-closed = A conversa com a nossa equipe foi encerrada. Tudo o que você informou está guardado; envie /start para continuar.

# Variables:
#   $email (String) - o endereço de e-mail do usuário
handoff-sla-email = Nossa equipe está ocupada agora, desculpe a espera. Vamos responder por e-mail em { $email }.
handoff-sla-ask-email = Nossa equipe está ocupada agora, desculpe a espera. Envie aqui o seu endereço de e-mail e responderemos por e-mail.

## O canal do suporte

# Variables:
#   $ticket (Number) - número do chamado
handoff-desk-topic = Chamado nº { $ticket }

# Variables:
#   $ticket (Number) - número do chamado
#   $status (String) - open, taken, escalated ou closed
#   $channel (String) - o canal do usuário
#   $language (String) - o idioma do usuário
#   $step (String) - a etapa do usuário
#   $name (String) - nome da organização ou um traço
#   $email (String) - e-mail ou um traço
#   $email_status (String) - situação da confirmação do e-mail
#   $currency (String) - moeda ou um traço
#   $payment (String) - situação do pagamento
#   $credit (String) - situação do crédito de teste ou um traço
#   $credit_left (Number) - crédito restante (valor)
handoff-desk-card =
    Chamado nº { $ticket } — { $status }
    Usuário: { $channel }, idioma { $language }
    Etapa: { $step }
    Organização: { $name }
    E-mail: { $email } ({ $email_status })
    Moeda: { $currency }
    Pagamento: { $payment }
    Crédito: { $credit ->
        [granted] concedido, restam { $credit_left }
       *[other] { $credit }
    }
    Últimas mensagens:

handoff-desk-button-take = Assumir
handoff-desk-button-resume = Devolver ao bot
handoff-desk-button-resend = Reenviar e-mail de confirmação
handoff-desk-button-new-link = Novo link de pagamento
handoff-desk-button-close = Encerrar

# Variables:
#   $text (String) - o que o usuário escreveu
handoff-desk-user-says = Usuário: { $text }

# Variables:
#   $agent (String) - o atendente que assumiu o chamado
handoff-desk-taken = Assumido por { $agent }.
handoff-desk-resumed = Devolvido ao bot; o usuário continua de onde estava.
handoff-desk-closed = Chamado encerrado; a conversa continua onde estava.
handoff-desk-user-left = O usuário voltou ao bot (/start); chamado encerrado.
handoff-desk-escalated = Ninguém assumiu o chamado a tempo: o usuário foi avisado de que a resposta virá por e-mail.

# Variables:
#   $email (String) - o endereço mascarado
handoff-desk-email-resent = Um novo e-mail de confirmação foi enviado para { $email }.
handoff-desk-email-refused =
    Nenhum e-mail foi enviado: este endereço já recebeu o máximo de e-mails de confirmação permitidos em um dia. Possível novamente em { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }.
handoff-desk-no-email = Nada para reenviar: o usuário não tem e-mail aguardando confirmação.
handoff-desk-link-sent = Um novo link de pagamento está a caminho do usuário.
handoff-desk-no-payment = Sem link de pagamento agora: o usuário não está na etapa de pagamento.
handoff-desk-payment-number = Não enviado: a mensagem contém um número de cartão ou um IBAN. Nunca peça dados de pagamento no chat; o usuário os informa na página segura da Stripe.
handoff-desk-refused = Só os atendentes do suporte no canal podem agir nos chamados.
handoff-desk-ticket-over = Este chamado está encerrado.

# Variables:
#   $agent (String) - o atendente que escreveu
#   $channel (String) - o canal de suporte onde escreveu (Telegram ou Slack)
#   $text (String) - o que escreveu ao usuário
handoff-desk-agent-says = { $agent } ({ $channel }) para o usuário: { $text }
handoff-desk-earlier = (mensagens anteriores não exibidas)

# Variables:
#   $ticket (Number) - número do chamado
handoff-desk-card-erased = Chamado #{ $ticket } — encerrado: o usuário apagou seus dados. Nada sobre ele é mostrado aqui agora.
handoff-desk-user-erased = O usuário apagou seus dados; o chamado está encerrado e o cartão não mostra mais nada sobre ele. O bot remove aqui as próprias mensagens com as palavras dele (o Telegram só permite isso nas últimas 48 horas); as respostas dos atendentes ficam: apague-as se tiverem dados pessoais.
