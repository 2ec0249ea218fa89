## Passaggio a una persona del supporto: ciò che legge l'utente, nella sua lingua.
## I testi del canale di supporto sono solo in inglese, in en/desk.ftl.

handoff-button-talk = Parla con una persona
handoff-offer = Hai difficoltà? Una persona del nostro team può aiutarti.
handoff-opened = Ho chiesto a una persona del nostro team di unirsi. Scrivi qui la tua domanda: la leggerà e ti risponderà in questa chat.
handoff-already-open = Una persona del nostro team sta seguendo questa conversazione. Scrivi qui e la leggerà.
handoff-taken = Una persona del nostro team si è unita alla conversazione.

# Variables:
#   $text (String) - cosa ha scritto l'operatore del supporto
handoff-agent-message = Supporto: { $text }

# Variables:
#   $step (String) - il passaggio a cui l'utente torna
handoff-resumed =
    Eccomi di nuovo: riprendiamo da dove eri rimasto: { $step ->
        [language] la scelta della lingua
        [name] il nome della tua organizzazione
        [email] il tuo indirizzo email
        [currency] la valuta delle fatture
        [summary] il controllo dei dati
        [awaiting_email] la conferma della tua email
        [payment] l'aggiunta di un metodo di pagamento
        [done] hai finito
        [cancelled] la registrazione è stata annullata
       *[other] { $step }
    }.
handoff-left = Va bene, andiamo avanti senza una persona: la tua richiesta è chiusa.
handoff-closed = La conversazione con il nostro team è chiusa. Tutto ciò che hai inserito è salvato; invia /start per continuare.

# Variables:
#   $email (String) - l'indirizzo email dell'utente
handoff-sla-email = Il nostro team è occupato in questo momento, scusa l'attesa. Ti risponderemo via email a { $email }.
handoff-sla-ask-email = Il nostro team è occupato in questo momento, scusa l'attesa. Inviaci qui il tuo indirizzo email e ti risponderemo via email.
