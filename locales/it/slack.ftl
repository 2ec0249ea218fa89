slack-form-title = Nuova organizzazione
slack-form-submit = Salva
slack-form-close = Annulla
slack-form-intro = Inserisci i dati della tua organizzazione. Invieremo un link di conferma all'indirizzo email indicato.
slack-form-name-label = Nome dell'organizzazione
slack-form-name-hint = Lo vedrà chiunque inviterai (da 2 a 100 caratteri).
slack-form-name-duplicate = Hai già un'organizzazione con questo nome. Salva di nuovo per usarlo comunque, oppure scrivine un altro.
slack-form-email-label = Indirizzo email
# Variables:
#   $amount (Number) - il credito di prova, un importo in valuta
slack-form-email-hint = Il credito di prova di { $amount } viene concesso solo agli indirizzi aziendali.
slack-form-language-label = Lingua
slack-form-currency-label = Valuta delle fatture
slack-form-currency-hint = Qualsiasi carta va bene con entrambe: se serve, la tua banca converte l'importo. L'addebito diretto SEPA sul conto bancario richiede EUR.
slack-form-currency-placeholder = Scegli una valuta
slack-form-expired = Il modulo non si è aperto in tempo. Scrivi di nuovo /onboard.
slack-usage =
    Ecco cosa sa fare /onboard:
    /onboard — apre il modulo di registrazione
    /onboard status — mostra a che punto sei
    /onboard language — cambia la lingua
    /onboard help — come contattare l'assistenza
    /onboard start, new, cancel, delete — continua, crea un'altra organizzazione, annulla questa registrazione, cancella i tuoi dati
slack-home-title = Le tue organizzazioni
# Variables:
#   $name (String) - organization name
#   $email (String) - the organization's email address
#   $currency (String) - USD or EUR
#   $status (String) - the organization's status
slack-home-organization =
    { $name }
    Stato: { $status ->
        [pending_email] in attesa della conferma dell'email
        [confirmed] email confermata
        [cancelled] annullata
       *[other] { $status }
    }
    Email: { $email }
    Valuta: { $currency }
slack-home-empty = Non hai ancora nessuna organizzazione.
slack-home-hint = Scrivi /onboard per creare un'organizzazione, oppure /onboard status per vedere a che punto sei.
slack-invite-pick = Oppure scegli persone dal tuo workspace
# Variables:
#   $name (String) - organization name
slack-home-invite = Invita persone del tuo workspace in { $name }:
