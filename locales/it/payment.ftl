# Variables:
#   $currency (String) - USD o EUR
payment-ask =
    Ultimo passaggio: aggiungi un metodo di pagamento. Per ora non verrà addebitato nulla.
    { $currency ->
        [EUR] Puoi salvare una carta o un mandato di addebito diretto SEPA.
       *[other] Puoi salvare una carta.
    }
payment-hint = Usa il link di pagamento per aggiungere una carta, oppure chiedine uno nuovo.
button-new-link = Nuovo link
payment-not-configured =
    I pagamenti non sono ancora configurati su questo server, quindi non posso creare un link di pagamento.
    L'operatore deve impostare STRIPE_SECRET_KEY. I tuoi progressi sono salvati: invia /start più tardi.
# Variables:
#   $reason (String) - il motivo dell'errore, come riportato da Stripe
payment-failed = Non è stato possibile salvare il metodo di pagamento: { $reason }. Ecco un nuovo link per riprovare.
payment-link-expired = Il link di pagamento è scaduto. Eccone uno nuovo.
