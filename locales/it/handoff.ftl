## Passaggio a una persona del supporto. I testi per l'utente sono nella sua
## lingua; nel canale del supporto (scheda, avvisi, pulsanti) si usa l'inglese.

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

## Il canale del supporto

# Variables:
#   $ticket (Number) - numero del ticket
handoff-desk-topic = Ticket n. { $ticket }

# Variables:
#   $ticket (Number) - numero del ticket
#   $status (String) - open, taken, escalated o closed
#   $channel (String) - il canale dell'utente
#   $language (String) - la lingua dell'utente
#   $step (String) - il passaggio dell'utente
#   $name (String) - nome dell'organizzazione o un trattino
#   $email (String) - indirizzo email o un trattino
#   $email_status (String) - stato della conferma email
#   $currency (String) - valuta o un trattino
#   $payment (String) - stato del pagamento
#   $credit (String) - stato del credito di prova o un trattino
#   $credit_left (Number) - credito rimasto (importo)
handoff-desk-card =
    Ticket n. { $ticket } — { $status }
    Utente: { $channel }, lingua { $language }
    Passaggio: { $step }
    Organizzazione: { $name }
    Email: { $email } ({ $email_status })
    Valuta: { $currency }
    Pagamento: { $payment }
    Credito: { $credit ->
        [granted] concesso, restano { $credit_left }
       *[other] { $credit }
    }
    Ultimi messaggi:

handoff-desk-button-take = Prendi in carico
handoff-desk-button-resume = Riattiva il bot
handoff-desk-button-resend = Reinvia l'email di conferma
handoff-desk-button-new-link = Nuovo link di pagamento
handoff-desk-button-close = Chiudi

# Variables:
#   $text (String) - cosa ha scritto l'utente
handoff-desk-user-says = Utente: { $text }

# Variables:
#   $agent (String) - l'operatore che ha preso il ticket
handoff-desk-taken = Preso in carico da { $agent }.
handoff-desk-resumed = Restituito al bot; l'utente continua da dove era.
handoff-desk-closed = Ticket chiuso; la conversazione resta dov'era.
handoff-desk-user-left = L'utente è tornato al bot (/start); ticket chiuso.
handoff-desk-escalated = Nessuno ha preso il ticket in tempo: all'utente è stato detto che la risposta arriverà via email.

# Variables:
#   $email (String) - l'indirizzo mascherato
handoff-desk-email-resent = Una nuova email di conferma è stata inviata a { $email }.
handoff-desk-email-refused =
    Nessuna email inviata: questo indirizzo ha ricevuto il numero massimo di email di conferma consentite in un giorno. Di nuovo possibile tra { $hours ->
        [one] { $hours } ora
       *[other] { $hours } ore
    }.
handoff-desk-no-email = Niente da reinviare: l'utente non ha email in attesa di conferma.
handoff-desk-link-sent = Un nuovo link di pagamento sta arrivando all'utente.
handoff-desk-no-payment = Nessun link di pagamento ora: l'utente non è al passaggio del pagamento.
handoff-desk-payment-number = Non inviato: il messaggio contiene un numero di carta o un IBAN. Non chiedere mai i dati di pagamento in chat: l'utente li inserisce sulla pagina sicura di Stripe.
handoff-desk-refused = Solo gli operatori del supporto nel canale possono agire sui ticket.
handoff-desk-ticket-over = Questo ticket è chiuso.

# Variables:
#   $agent (String) - l'operatore che ha scritto
#   $channel (String) - il canale del supporto in cui ha scritto (Telegram o Slack)
#   $text (String) - cosa ha scritto all'utente
handoff-desk-agent-says = { $agent } ({ $channel }) all'utente: { $text }
handoff-desk-earlier = (messaggi precedenti non mostrati)

# Variables:
#   $ticket (Number) - numero del ticket
handoff-desk-card-erased = Ticket #{ $ticket } — chiuso: l'utente ha cancellato i suoi dati. Qui non viene più mostrato nulla su di lui.
handoff-desk-user-erased = L'utente ha cancellato i suoi dati; il ticket è chiuso e la sua scheda non mostra più nulla su di lui. Il bot rimuove qui i propri messaggi con le sue parole (Telegram lo consente solo per le ultime 48 ore); le risposte degli operatori restano: cancellale se contengono dati personali.
