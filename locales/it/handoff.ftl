## Passaggio a una persona del supporto: ciò che legge l'utente, nella sua lingua.
## I testi del canale di supporto sono solo in inglese, in en/desk.ftl.

handoff-button-talk = Parla con una persona
handoff-offer = Hai difficoltà? Una persona del nostro team può aiutarti.
handoff-opened = Ho chiesto a una persona del nostro team di entrare nella conversazione. Scrivi qui la tua domanda: la leggerà e ti risponderà in questa chat.
handoff-already-open = Una persona del nostro team sta seguendo questa conversazione. Scrivi qui e la leggerà.
handoff-taken = Una persona del nostro team si è unita alla conversazione.

# Variables:
#   $text (String) - cosa ha scritto l'operatore del supporto
handoff-agent-message = Assistenza: { $text }

# Variables:
#   $step (String) - il passaggio a cui l'utente torna
handoff-resumed =
    Eccomi di nuovo. Ecco a che punto siamo: { $step ->
        [language] scelta della lingua
        [name] nome della tua organizzazione
        [email] indirizzo email
        [currency] valuta delle fatture
        [summary] verifica dei dati
        [awaiting_email] conferma dell'email
        [payment] aggiunta del metodo di pagamento
        [done] tutto pronto
        [cancelled] registrazione annullata
       *[other] { $step }
    }.
handoff-left = Va bene, continuiamo senza l'aiuto di una persona. La tua richiesta è stata chiusa.
handoff-closed = La conversazione con il nostro team è chiusa. Tutto ciò che hai inserito è salvato; invia /start per continuare.

# Variables:
#   $email (String) - l'indirizzo email dell'utente
handoff-sla-email = In questo momento il nostro team è molto impegnato, scusa l'attesa. Ti risponderemo via email all'indirizzo { $email }.
handoff-sla-ask-email = In questo momento il nostro team è molto impegnato, scusa l'attesa. Scrivi qui il tuo indirizzo email e ti risponderemo per email.
