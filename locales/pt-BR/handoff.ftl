## Transferência para uma pessoa do suporte: o que o usuário lê, no idioma dele.
## Os textos do canal de suporte existem só em inglês, em en/desk.ftl.

handoff-button-talk = Falar com uma pessoa
handoff-offer = Está com dificuldades? Uma pessoa da nossa equipe pode ajudar você.
handoff-opened = Pedi para uma pessoa da nossa equipe entrar na conversa. Escreva sua pergunta aqui: ela vai ler e responder neste chat.
handoff-already-open = Uma pessoa da nossa equipe está cuidando desta conversa. Escreva aqui e ela vai ler.
handoff-taken = Uma pessoa da nossa equipe entrou na conversa.

# Variables:
#   $text (String) - o que o atendente escreveu
handoff-agent-message = Suporte: { $text }

# Variables:
#   $step (String) - a etapa para a qual o usuário volta
handoff-resumed =
    Voltei. Veja onde estamos: { $step ->
        [language] escolha do idioma
        [name] nome da sua organização
        [email] endereço de e-mail
        [currency] moeda das faturas
        [summary] conferência dos dados
        [awaiting_email] confirmação do e-mail
        [payment] adição da forma de pagamento
        [done] tudo pronto
        [cancelled] cadastro cancelado
       *[other] { $step }
    }.
handoff-left = Tudo bem, vamos continuar sem uma pessoa. Sua solicitação foi encerrada.
handoff-closed = A conversa com a nossa equipe foi encerrada. Tudo o que você informou está guardado; envie /start para continuar.

# Variables:
#   $email (String) - o endereço de e-mail do usuário
handoff-sla-email = Nossa equipe está ocupada no momento, desculpe a espera. Vamos responder por e-mail para { $email }.
handoff-sla-ask-email = Nossa equipe está ocupada no momento, desculpe a espera. Envie seu endereço de e-mail aqui e responderemos por e-mail.
