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
#   $inviter (String) - chi ha invitato: l'indirizzo del proprietario
email-invite-subject = { $inviter } ti invita in { $name } su { -product-name }
# Variables:
#   $name (String) - nome dell'organizzazione
#   $inviter (String) - chi ha invitato: l'indirizzo del proprietario
email-invite-intro = { $inviter } ti invita a unirti all'organizzazione { $name } su { -product-name }, per partecipare alle sue videoconferenze e ai suoi eventi.
email-invite-action = Unisciti all'organizzazione
# Variables:
#   $days (Number) - per quanto tempo vale l'invito
email-invite-expiry =
    L'invito vale { $days ->
        [one] { $days } giorno
        [many] { $days } di giorni
       *[other] { $days } giorni
    }.
email-invite-ignore = Non te lo aspettavi? Ignora pure questa email: non succede nulla finché non premi il pulsante.
email-invite-opt-out = Non vuoi più ricevere inviti da { -product-name }?
