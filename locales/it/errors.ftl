error-not-now = In questo passaggio non posso accettare questa risposta. Ecco a che punto siamo:
error-pick-option = Scegli una delle opzioni qui sotto.
# Variables:
#   $command (String) - il comando digitato dall'utente, senza la barra
error-unknown-command = Non conosco il comando /{ $command }. Invia /help per vedere cosa posso fare.
error-message-too-long = Il messaggio è troppo lungo. Prova a inviarne uno più breve.
error-try-again = Si è verificato un problema tecnico da parte nostra. Riprova tra qualche istante.
warning-payment-number =
    Non inviare mai numeri di carte o di conti bancari in questa chat. Il messaggio non è stato conservato.
    Aggiungerai un metodo di pagamento su una pagina sicura di Stripe.

error-name-empty = Il nome non può essere vuoto. Come si chiama la tua organizzazione?
error-name-invisible = Il nome contiene caratteri invisibili o di controllo. Riscrivilo come testo semplice.
error-name-markup = Il nome non può contenere tag HTML. Invialo come testo semplice.
error-name-too-short = Il nome è troppo corto: servono almeno 2 caratteri.
error-name-too-long = Il nome è troppo lungo: al massimo 100 caratteri.
error-name-too-big = Il nome è troppo lungo da salvare: accorcialo o usa meno emoji e accenti.
error-name-stacked-marks = Il nome ha troppi accenti su una sola lettera. Scrivilo di nuovo come testo semplice.
error-name-encoded-word = Il nome sembra testo codificato di un'email (=?…?=). Scrivi il nome vero e proprio, come deve apparire.

error-email-empty = Invia un indirizzo email, ad esempio nome@azienda.it.
error-email-too-long = L'indirizzo è troppo lungo per essere valido. Controllalo.
error-email-invalid = Non sembra un indirizzo email valido. Inviane uno nel formato nome@azienda.it.
error-email-latin-local-part = Possiamo inviare email solo a indirizzi che prima della @ hanno lettere latine, cifre e . _ - +. Invia un altro indirizzo, come nome@azienda.it.
