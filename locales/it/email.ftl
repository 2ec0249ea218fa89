# Variables:
#   $name (String) - nome dell'organizzazione
email-confirm-subject = Conferma l'indirizzo email di { $name } su { -product-name }
# Variables:
#   $name (String) - nome dell'organizzazione
email-confirm-intro = Conferma che questo indirizzo appartiene all'organizzazione { $name } su { -product-name }.
email-confirm-action = Conferma email
# Variables:
#   $hours (Number) - per quante ore il link resta valido
email-confirm-expiry =
    Il link è valido per { $hours ->
        [one] { $hours } ora
        [many] { $hours } di ore
       *[other] { $hours } ore
    }.
email-confirm-signature = Il team di { -product-name }
# Variables:
#   $name (String) - nome dell'organizzazione
email-confirm-preheader = Conferma la tua email con un clic per continuare la registrazione di { $name }.
email-confirm-link-hint = Se il pulsante non funziona, copia questo link nel browser:
email-confirm-next-heading = Cosa succede ora
email-confirm-next = Dopo la conferma, torna alla chat: lì ti aspetta il prossimo passaggio della registrazione.
