invite-button-open = Invita il tuo team
# Variables:
#   $count (Number) - a quanti nuovi indirizzi vanno gli inviti
invite-button-send = { $count ->
        [one] Invia l'invito
        [many] Invia { $count } di inviti
       *[other] Invia { $count } inviti
    }
# Variables:
#   $count (Number) - quante persone erano già state invitate
invite-button-resend = Invia di nuovo ({ $count })
# Variables:
#   $count (Number) - quante persone erano già state invitate
invite-button-revoke = Annulla gli inviti ({ $count })
invite-button-finish = Fatto
# Variables:
#   $max (Number) - quanti indirizzi al massimo in un messaggio
invite-ask =
    Chi vuoi far entrare nella tua organizzazione? Mandami gli indirizzi email in un solo messaggio, separati da virgole, spazi o a capo (fino a { $max } alla volta).
    Ognuno riceverà un'email con un link per unirsi.
invite-not-yet = Potrai invitare il tuo team dopo aver confermato l'indirizzo email dell'organizzazione.
invite-confirm = Invio gli inviti adesso? Puoi anche mandarmi prima altri indirizzi.
invite-confirm-again = Non ci sono indirizzi nuovi. Puoi inviare di nuovo gli inviti precedenti, annullarli o mandarmi altri indirizzi.
# Variables:
#   $count (Number) - quanti
#   $list (String) - gli indirizzi, separati da virgole
invite-found-new = Da invitare ({ $count }): { $list }
# Variables:
#   $count (Number) - quanti
#   $list (String) - gli indirizzi, separati da virgole
invite-found-invited = Già invitati, ancora senza risposta ({ $count }): { $list }
# Variables:
#   $count (Number) - quanti
#   $list (String) - gli indirizzi, separati da virgole
invite-found-expired = Invito scaduto ({ $count }): { $list }
# Variables:
#   $count (Number) - quanti
#   $list (String) - gli indirizzi, separati da virgole
invite-found-member = Già membri ({ $count }): { $list }
# Variables:
#   $count (Number) - quanti
#   $list (String) - il testo scritto, abbreviato
invite-found-invalid = Indirizzi email non validi, saltati ({ $count }): { $list }
# Variables:
#   $count (Number) - quante voci ripetevano un indirizzo
invite-found-repeated = { $count ->
        [one] Un indirizzo compariva più volte: riceverà un solo invito.
        [many] { $count } di indirizzi comparivano più volte: ognuno riceverà un solo invito.
       *[other] { $count } indirizzi comparivano più volte: ognuno riceverà un solo invito.
    }
# Variables:
#   $email (String) - l'indirizzo del proprietario stesso
invite-found-own = { $email } è il tuo indirizzo: sei già il proprietario.
# Variables:
#   $count (Number) - quante voci c'erano nel messaggio
#   $max (Number) - quante al massimo in un messaggio
invite-too-many = Il messaggio contiene { $count } indirizzi. Mandamene al massimo { $max } alla volta: per ora non ho inviato nulla.
invite-none-found = Non ho trovato indirizzi email in questo messaggio.
# Variables:
#   $count (Number) - quanti inviti sono partiti
invite-sent = { $count ->
        [one] Invito inviato.
        [many] { $count } di inviti inviati.
       *[other] { $count } inviti inviati.
    } Ti avviserò quando qualcuno si unisce.
# Variables:
#   $count (Number) - quanti non sono partiti
#   $hours (Number) - tra quanto se ne possono inviare altri
invite-limited = Inviti non inviati: { $count }. Hai raggiunto il limite giornaliero; riprova tra { $hours ->
        [one] { $hours } ora
        [many] { $hours } di ore
       *[other] { $hours } ore
    }.
# Variables:
#   $count (Number) - quante persone hanno chiesto di non ricevere inviti
invite-opted-out = Inviti non inviati: { $count }. Queste persone ci hanno chiesto di non ricevere inviti.
# Variables:
#   $count (Number) - quanti inviti sono stati annullati
invite-revoked = Inviti annullati: { $count }. I loro link non funzionano più.
# Variables:
#   $email (String) - chi si è unito
#   $name (String) - nome dell'organizzazione
invite-joined = Buone notizie: { $email } ora fa parte di { $name }.
# Variables:
#   $invited (Number) - inviti in attesa
#   $joined (Number) - membri che si sono uniti
#   $expired (Number) - inviti scaduti
invite-status =
    Team:
    Invitati, in attesa di risposta: { $invited }
    Si sono uniti: { $joined }
    Inviti scaduti: { $expired }
