# Variables:
#   $seconds (Number) - quanto manca prima di poter inviare di nuovo l'email
email-resend-wait =
    Ti ho appena inviato il link. Potrai richiederlo di nuovo tra { $seconds ->
        [one] { $seconds } secondo
        [many] { $seconds } di secondi
       *[other] { $seconds } secondi
    }.
# Variables:
#   $minutes (Number) - quanto manca prima di poter inviare un'altra email
email-send-limit =
    Hai raggiunto il numero massimo di email di conferma che posso inviare in un'ora. Potrai chiederne un'altra tra { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } di minuti
       *[other] { $minutes } minuti
    }.
# Variables:
#   $email (String) - l'indirizzo mascherato, come a…@acme.com
email-reminder =
    Promemoria: la tua organizzazione aspetta che tu confermi { $email }.
    Apri il link nell'email che ti abbiamo inviato oppure usa uno dei pulsanti qui sotto.
