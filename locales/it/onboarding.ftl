-product-name = Proficonf
-org-account = account organizzazione

onboarding-welcome =
    Ti diamo il benvenuto su { -product-name }! Ti aiuterò a creare un { -org-account } in pochi semplici passaggi.
onboarding-ask-language = Quale lingua preferisci usare?
language-native-en = English
language-native-ru = Русский
language-native-it = Italiano
language-native-pt-br = Português (Brasil)
language-native-es = Español
language-changed = Fatto, d'ora in poi parlerò in italiano.

onboarding-ask-name =
    Come si chiama la tua organizzazione?
    Il nome sarà visibile a tutte le persone che inviterai (da 2 a 100 caratteri).
onboarding-ask-email =
    Quale indirizzo email vuoi usare per l'organizzazione?
    Ti invieremo a questo indirizzo un link di conferma.

# Variables:
#   $domain (String) - il dominio dell'indirizzo indicato dall'utente
#   $amount (Number) - the trial credit, a currency amount
email-note-free =
    Buono a sapersi: il credito di prova di { $amount } viene concesso solo agli indirizzi aziendali e { $domain } è un servizio email gratuito.
    Puoi tenere questo indirizzo oppure inviarne uno di lavoro.
# Variables:
#   $domain (String) - il dominio dell'indirizzo indicato dall'utente
#   $amount (Number) - the trial credit, a currency amount
email-note-disposable =
    Buono a sapersi: { $domain } è un servizio di email usa e getta, quindi questo indirizzo non può ricevere il credito di prova di { $amount }.
    Puoi tenerlo oppure inviare un indirizzo di lavoro.

onboarding-ask-currency =
    In quale valuta vuoi ricevere le fatture?
    Qualsiasi carta va bene con entrambe: se serve, la conversione la fa la tua banca. Per l'addebito diretto SEPA (addebitiamo i pagamenti sul tuo conto bancario) serve la valuta EUR.
currency-option-usd = Dollaro statunitense (USD)
currency-option-eur = Euro (EUR)

# Variables:
#   $name (String) - nome dell'organizzazione
#   $email (String) - indirizzo email
#   $currency (String) - USD o EUR
#   $language (String) - codice della lingua
onboarding-summary =
    Controlla i dati:
    Organizzazione: { $name }
    Email: { $email }
    Valuta: { $currency }
    Lingua: { $language ->
        [ru] russo
        [it] italiano
        [pt-BR] portoghese (Brasile)
        [es] spagnolo
       *[en] inglese
    }
    Puoi salvare subito oppure modificare prima qualcosa.
button-save = Salva
button-edit-name = Modifica nome
button-edit-email = Modifica email
button-edit-currency = Modifica valuta
button-edit-language = Modifica lingua

# Variables:
#   $email (String) - l'indirizzo mascherato, ad esempio a…@acme.com
onboarding-awaiting-email =
    La tua organizzazione è stata salvata. Abbiamo inviato un link di conferma a { $email }.
    Aprilo in un browser qualsiasi: io proseguirò qui in automatico.
onboarding-awaiting-hint = Sto aspettando che tu apra il link nell'email. Non è arrivato niente? Controlla la cartella spam oppure usa uno dei pulsanti qui sotto.
button-resend = Invia di nuovo l'email
button-change-email = Cambia email
# Variables:
#   $email (String) - l'indirizzo mascherato, ad esempio a…@acme.com
email-resent = Ho inviato di nuovo il link a { $email }.
# Variables:
#   $email (String) - l'indirizzo a cui non è stato possibile recapitare l'email
email-delivery-failed = Non è stato possibile recapitare l'email di conferma a { $email }. Controlla l'indirizzo o indicane un altro.
email-confirmed = La tua email è stata confermata. Grazie!
email-confirmed-other = È appena stata confermata l'email di un'altra tua organizzazione.

# Il metodo è descritto da payment-method-description (riceve le stesse variabili).
onboarding-done =
    Tutto pronto! Il tuo metodo di pagamento è stato salvato e non ti è stato addebitato nulla.
    Metodo di pagamento: { payment-method-description }
    Ora la tua organizzazione può tenere un numero illimitato di eventi in contemporanea e invitare membri. Usa /new per creare un'altra organizzazione.
onboarding-cancelled-hint = Questa registrazione è stata annullata. Invia /new per ricominciare.
