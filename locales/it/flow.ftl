## Le domande della conversazione su una risposta prima di accettarla, e cosa
## dice quando i pagamenti o l'assistenza non sono disponibili.

# Variables:
#   $email (String) - the support address customers can write to
support-contact = Ti serve una mano? Scrivi a { $email } e una persona del nostro team ti risponderà via email. Nel frattempo puoi continuare qui.

# Variables:
#   $email (String) - the address with its domain corrected
#   $domain (String) - the domain as the user typed it
email-did-you-mean = Intendevi { $email }? “{ $domain }” sembra un errore di battitura.
# Variables:
#   $email (String) - the address with its domain corrected
button-use-suggestion = Usa { $email }
button-keep-as-typed = Lascialo com'è
button-keep-email = Tieni questo indirizzo

# Variables:
#   $name (String) - organization name
name-duplicate = Hai già un'organizzazione chiamata { $name }. Vuoi usare comunque questo nome o scriverne un altro?
button-use-name-anyway = Usalo comunque
button-other-name = Scegli un altro nome

# Variables:
#   $name (String) - organization name
cancel-confirm-saved = Vuoi annullare la registrazione? { $name } è salvata, ma la sua email non è ancora confermata: verrà annullata e il link di conferma smetterà di funzionare.
# Variables:
#   $name (String) - organization name
cancel-confirm-confirmed = Ti fermi qui? { $name } è già confermata e resta così com'è; potrai aggiungere un metodo di pagamento più avanti.
# Variables:
#   $name (String) - organization name
cancel-done-confirmed = Fatto. { $name } resta confermata. Invia /new quando vuoi creare un'altra organizzazione.

# Variables:
#   $email (String) - the support address customers can write to
onboarding-ready-no-payment =
    La tua organizzazione è pronta e per ora non serve un metodo di pagamento.
    Quando vorrai aggiungerne uno, scrivici a { $email } e lo configureremo insieme. Usa /new per creare un'altra organizzazione.
payment-unavailable = Al momento non riesco a creare un link di pagamento. I tuoi progressi sono salvati; invia /start più tardi per riprovare.

## The confirmation email: the organization is already saved when it goes out.
email-confirm-ignore-saved = Se non l’hai richiesta tu, puoi ignorare questa email: senza conferma questo indirizzo non viene usato e l’organizzazione non viene attivata.
