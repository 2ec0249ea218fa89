cancel-confirm = Vuoi annullare questa registrazione? I dati inseriti andranno persi.
cancel-done = Registrazione annullata. Invia /new quando vuoi ricominciare.
cancel-nothing = Al momento non c'è niente da annullare.
delete-confirm = Vuoi eliminare tutti i tuoi dati? Il tuo nome, gli indirizzi email e i messaggi verranno cancellati. L'operazione non può essere annullata.
delete-done = I tuoi dati sono stati eliminati. Se un giorno vorrai ricominciare, invia /start.
new-in-progress = Hai già una registrazione in corso. Completala oppure invia /cancel, poi /new.
button-yes = Sì
button-no = No

help-text =
    Hai bisogno di aiuto? Scrivi a support@proficonf.com e una persona del nostro team ti risponderà.
    Comandi:
    /start — riprendi da dove avevi lasciato
    /status — vedi a che punto sei
    /language — cambia lingua
    /new — crea un'altra organizzazione
    /cancel — annulla questa registrazione
    /invite — invita il tuo team
    /delete — cancella i tuoi dati

# Variables:
#   $step (String) - il passaggio attuale
#   $name (String) - nome dell'organizzazione o un trattino
#   $email (String) - indirizzo email o un trattino
#   $currency (String) - valuta o un trattino
#   $method_kind (String) - none, card o sepa_debit (il resto va a payment-method-description)
#   $credit (String) - trial credit status: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - the credit granted, a currency amount
#   $remaining (Number) - the credit left, a currency amount
status-summary =
    A che punto sei: { $step ->
        [language] scelta della lingua
        [name] nome dell'organizzazione
        [email] indirizzo email
        [currency] valuta delle fatture
        [summary] verifica dei dati
        [awaiting_email] in attesa della conferma dell'email
        [payment] aggiunta del metodo di pagamento
        [done] tutto pronto
        [cancelled] registrazione annullata
       *[other] { $step }
    }
    Organizzazione: { $name }
    Email: { $email }
    Valuta: { $currency }
    Metodo di pagamento: { $method_kind ->
        [none] —
       *[other] { payment-method-description }
    }
    Credito di prova: { $credit ->
        [granted] restano { $remaining } su { $amount }
        [not_eligible_free_mail] non disponibile per gli indirizzi email gratuiti
        [not_eligible_disposable] non disponibile per gli indirizzi usa e getta
        [already_used] già usato da questo dominio email
       *[pending] verrà deciso quando confermerai l'email
    }
