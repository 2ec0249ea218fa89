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
