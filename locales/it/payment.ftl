# Variables:
#   $currency (String) - USD o EUR
payment-ask =
    Ultimo passaggio: aggiungi un metodo di pagamento. Per ora non ti verrà addebitato nulla.
    { $currency ->
        [EUR] Puoi salvare una carta. Se l'addebito diretto SEPA è disponibile, dalla pagina di pagamento potrai anche pagare dal tuo conto bancario.
       *[other] Puoi salvare una carta.
    }
payment-hint = Usa il link di pagamento per aggiungere un metodo di pagamento, oppure chiedine uno nuovo.
button-new-link = Nuovo link
# Variables:
#   $reason (String) - il motivo dell'errore: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication o other
payment-failed =
    { $reason ->
        [declined] La tua banca ha rifiutato la carta. Prova con un'altra carta o chiedi il motivo alla tua banca.
        [insufficient-funds] La tua banca ha rifiutato la carta perché il conto non ha fondi sufficienti. Prova con un'altra carta.
        [expired-card] La carta è scaduta oppure la data di scadenza non è corretta.
        [incorrect-cvc] Il codice di sicurezza (CVC) della carta non è corretto.
        [incorrect-number] Il numero della carta non è corretto.
        [processing-error] Si è verificato un errore durante la verifica della carta. Riprova tra poco.
        [authentication] La verifica della tua banca (3D Secure) non è stata completata.
       *[other] Non è stato possibile salvare il metodo di pagamento.
    } Ecco un nuovo link per riprovare.
payment-link-expired = Il link di pagamento è scaduto. Eccone uno nuovo.
