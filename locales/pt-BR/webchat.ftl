# The web chat page and widget (bot/channels/web). The conversation's own
# messages are the same as in every channel.
webchat-title = Assistente Proficonf
webchat-subtitle = Cadastre sua organização em poucos minutos
webchat-log-label = Conversa
webchat-actions-label = Ações rápidas
webchat-action-status = Status
webchat-action-language = Idioma
webchat-action-help = Ajuda
webchat-input-label = Sua mensagem
webchat-input-placeholder = Digite uma mensagem…
webchat-send = Enviar
webchat-you = Você
webchat-assistant = Assistente
webchat-typing = O assistente está digitando…
webchat-connecting = Conectando…
webchat-offline = Sem conexão com a internet. Vou reconectar assim que a rede voltar.
webchat-reconnecting = A conexão caiu. Reconectando…
webchat-retry = Tentar de novo
webchat-send-failed = A mensagem não foi enviada. Verifique sua conexão e tente de novo.
webchat-removed = Mensagem removida: ela continha um número de cartão ou um IBAN.
webchat-opens-new-tab = abre em uma nova aba
webchat-launcher-open = Fale com a gente
webchat-launcher-close = Fechar o chat
# Variables:
#   $count (Number) - messages the visitor hasn't seen yet
webchat-unread = { $count ->
    [one] { $count } nova mensagem
    [many] { $count } de novas mensagens
   *[other] { $count } novas mensagens
}
webchat-button-stale = Este botão não está mais ativo. Use a mensagem mais recente.
webchat-session-invalid = A sessão do chat expirou. Recarregue a página para continuar.
webchat-forbidden = Não foi possível aceitar esta solicitação. Recarregue a página e tente de novo.
webchat-bad-request = Não consegui ler essa mensagem. Tente de novo.
# Variables:
#   $seconds (Number) - how long to wait
webchat-too-many = { $seconds ->
    [one] Muitas solicitações. Aguarde { $seconds } segundo e tente de novo.
    [many] Muitas solicitações. Aguarde { $seconds } de segundos e tente de novo.
   *[other] Muitas solicitações. Aguarde { $seconds } segundos e tente de novo.
}
webchat-embed-refused-title = Chat indisponível aqui
webchat-embed-refused-text = Este chat não pode ser aberto neste site. Fale com a gente em proficonf.com.
