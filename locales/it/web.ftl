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
brand-name = { -product-name }
web-next-heading = Cosa succede ora
web-confirm-next = Appena confermi, la chat passa al passaggio successivo. Dopo puoi chiudere questa scheda.
web-confirmed-next = La chat è già aggiornata: puoi chiudere questa scheda.
web-token-expired-title = Link scaduto
web-token-expired-next = Nella chat premi “Invia di nuovo l'email” e apri il link nella nuova email. I dati della registrazione sono salvati.
web-token-used-title = Link già usato
web-token-used-next = Torna alla chat e riprendi da dove avevi lasciato.
web-token-unknown-title = Link non valido
web-token-unknown-next = Funziona solo il link dell'email più recente. Se non la trovi, premi “Invia di nuovo l'email” nella chat.
web-unavailable-next = Quello che hai inserito non è andato perso e il link che hai aperto funziona ancora.
web-error-title = Qualcosa è andato storto
web-error-text = Non siamo riusciti ad aprire questa pagina. Il nostro team è già al corrente.
web-error-next = Quello che hai inserito non è andato perso. Ricarica la pagina tra qualche minuto.
