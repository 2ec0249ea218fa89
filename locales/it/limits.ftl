# Variables:
#   $seconds (Number) - quanto aspettare prima di scrivere ancora
limits-slow-down =
    Stai inviando messaggi troppo in fretta. Aspetta { $seconds ->
        [one] { $seconds } secondo
        [many] { $seconds } di secondi
       *[other] { $seconds } secondi
    }: i messaggi inviati fino ad allora vengono ignorati.
# Variables:
#   $hours (Number) - quando si potrà creare un'altra organizzazione
limits-organizations-per-day =
    Hai già creato il numero massimo di organizzazioni consentito in un giorno, quindi questa non è stata salvata. Potrai salvarla tra { $hours ->
        [one] { $hours } ora
        [many] { $hours } di ore
       *[other] { $hours } ore
    }: tutto quello che hai inserito resta salvato.
# Variables:
#   $hours (Number) - quando questo indirizzo potrà ricevere un'altra email
limits-emails-per-address =
    L'email non è stata inviata: questo indirizzo ha già ricevuto il numero massimo di email di conferma consentito in un giorno. Riprova tra { $hours ->
        [one] { $hours } ora
        [many] { $hours } di ore
       *[other] { $hours } ore
    } oppure cambia l'email.
limits-too-many-requests-title = Troppe richieste
# Variables:
#   $seconds (Number) - quando si potrà riaprire la pagina
limits-too-many-requests-text =
    Dalla tua rete sono arrivate troppe richieste. Riprova tra { $seconds ->
        [one] { $seconds } secondo
        [many] { $seconds } di secondi
       *[other] { $seconds } secondi
    }.
limits-too-many-requests-next = Il tuo link funziona ancora: ricarica la pagina quando l'attesa è finita.
