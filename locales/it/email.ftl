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
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-preheader = { $inviter } ti invita in { $name }: un clic per vedere l'invito.
email-invite-next = Il pulsante apre una pagina con l'invito; entri nell'organizzazione quando premi Unisciti.
