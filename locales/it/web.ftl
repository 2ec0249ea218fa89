web-confirm-title = Conferma la tua email
# Variables:
#   $name (String) - nome dell'organizzazione
web-confirm-text = Premi il pulsante per confermare l'email di { $name }.
web-confirm-button = Conferma email
web-confirmed-title = Email confermata
web-confirmed-text = Grazie! Puoi tornare alla chat: lì ti aspetta il prossimo passaggio.
web-token-expired = Questo link è scaduto. Chiedi al bot nella chat di inviartene uno nuovo.
web-token-used = Questo link è già stato usato. Se la tua email è già confermata, torna pure alla chat.
web-token-unknown = Questo link non è valido. Usa il link più recente che hai ricevuto via email.
console-hint = Digita /start per iniziare o continuare. Le opzioni sono numerate: rispondi con il numero o con il nome.
web-unavailable-title = Pagina temporaneamente non disponibile
web-unavailable-text = Al momento non riusciamo ad aprire questa pagina. Riprova tra un minuto.
