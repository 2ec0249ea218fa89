# The web chat page and widget (bot/channels/web). The conversation's own
# messages are the same as in every channel.
webchat-title = Assistente Proficonf
webchat-subtitle = Registra la tua organizzazione in pochi minuti
webchat-log-label = Conversazione
webchat-actions-label = Azioni rapide
webchat-action-status = Stato
webchat-action-language = Lingua
webchat-action-help = Aiuto
webchat-input-label = Il tuo messaggio
webchat-input-placeholder = Scrivi un messaggio…
webchat-send = Invia
webchat-you = Tu
webchat-assistant = Assistente
webchat-typing = L'assistente sta scrivendo…
webchat-connecting = Connessione in corso…
webchat-offline = Sei offline. Mi ricollego appena torna la rete.
webchat-reconnecting = Connessione persa. Mi sto ricollegando…
webchat-retry = Riprova
webchat-send-failed = Il messaggio non è stato inviato. Controlla la connessione e riprova.
webchat-removed = Messaggio eliminato: conteneva un numero di carta o un IBAN.
webchat-opens-new-tab = si apre in una nuova scheda
webchat-launcher-open = Scrivici
webchat-launcher-close = Chiudi la chat
# Variables:
#   $count (Number) - messages the visitor hasn't seen yet
webchat-unread = { $count ->
    [one] { $count } nuovo messaggio
    [many] { $count } di nuovi messaggi
   *[other] { $count } nuovi messaggi
}
webchat-button-stale = Questo pulsante non è più attivo. Usa il messaggio più recente.
webchat-session-invalid = La sessione della chat è scaduta. Ricarica la pagina per continuare.
webchat-forbidden = Non è stato possibile accettare la richiesta. Ricarica la pagina e riprova.
webchat-bad-request = Non sono riuscito a leggere il messaggio. Riprova.
# Variables:
#   $seconds (Number) - how long to wait
webchat-too-many = { $seconds ->
    [one] Troppe richieste. Attendi { $seconds } secondo e riprova.
    [many] Troppe richieste. Attendi { $seconds } di secondi e riprova.
   *[other] Troppe richieste. Attendi { $seconds } secondi e riprova.
}
webchat-embed-refused-title = Chat non disponibile qui
webchat-embed-refused-text = Questa chat non si può aprire su questo sito. Scrivici su proficonf.com.
