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
web-join-title = Unisciti all'organizzazione
# Variables:
#   $name (String) - nome dell'organizzazione
#   $inviter (String) - chi ha invitato: l'indirizzo del proprietario
web-join-text = { $inviter } ti invita a unirti a { $name } su { -product-name }.
web-join-button = Unisciti
web-joined-title = Ti diamo il benvenuto
# Variables:
#   $name (String) - nome dell'organizzazione
web-joined-text = Ora fai parte di { $name }. Abbiamo avvisato il proprietario dell'organizzazione.
web-join-expired = Questo invito è scaduto. Chiedi a chi ti ha invitato di mandarne uno nuovo.
web-join-used = Questo invito è già stato usato. Se fai già parte dell'organizzazione, non devi fare altro.
web-join-unknown = Questo invito non è più valido. Chiedi a chi ti ha invitato di mandarne uno nuovo.
web-opt-out-title = Basta inviti
web-opt-out-text = Premi il pulsante e non ti invieremo più inviti a organizzazioni su { -product-name }.
web-opt-out-button = Non voglio più inviti
web-opted-out-text = Fatto: non riceverai più inviti da noi.
web-join-next = Non succede nulla finché non premi Unisciti. Il proprietario dell'organizzazione riceverà un avviso.
web-joined-next = Riceverai via email gli inviti alle videoconferenze e agli eventi dell'organizzazione. Puoi chiudere questa scheda.
web-join-expired-title = Invito scaduto
web-join-used-title = Invito già usato
web-join-unknown-title = Invito non valido
