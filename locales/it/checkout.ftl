# Variables:
#   $method_kind (String) - card o sepa_debit
#   $method_brand (String) - il circuito della carta come lo chiama Stripe (visa, mastercard, …)
#   $method_last4 (String) - le ultime quattro cifre della carta o dell'IBAN
#   $method_country (String) - il paese del conto SEPA (DE, FR, …)
#   $mandate (String) - stato del mandato SEPA: active, pending o inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] addebito diretto SEPA, IBAN { $method_country } •••• { $method_last4 } (mandato { $mandate ->
            [active] attivo
            [inactive] non attivo
           *[pending] in attesa di conferma
        })
       *[card] { $method_brand ->
            [visa] Visa
            [mastercard] Mastercard
            [amex] American Express
            [discover] Discover
            [diners] Diners Club
            [jcb] JCB
            [unionpay] UnionPay
            [cartes_bancaires] Cartes Bancaires
           *[other] carta
        } •••• { $method_last4 }
    }
payment-link = Apri la pagina sicura di Stripe qui sotto per aggiungere un metodo di pagamento. Per ora non ti verrà addebitato nulla.
button-open-payment-link = Aggiungi metodo di pagamento
payment-card-only-usd = Le tue fatture sono in dollari statunitensi, quindi la pagina accetta solo carte: l'addebito diretto SEPA è disponibile solo per le fatture in euro. Va bene qualsiasi carta: se serve, la tua banca converte la valuta.
payment-card-only-eur = Al momento la pagina offre solo carte: l'addebito diretto SEPA non è disponibile per ora. Va bene qualsiasi carta e, se serve, la tua banca converte la valuta.
payment-processing = Grazie! Stiamo verificando i dati del tuo conto bancario e potrebbe volerci un po'. Ti scrivo qui appena la verifica è conclusa; non devi fare nient'altro.
payment-link-delayed = Stripe al momento non risponde. Continuo a provare e ti invierò qui il link di pagamento appena sarà pronto.
payment-link-unavailable = Non è stato possibile creare il link di pagamento per un problema tecnico da parte nostra. Il nostro team è già stato avvisato e se ne sta occupando. I tuoi progressi sono salvati.
payment-mandate-inactive = Il tuo mandato di addebito diretto SEPA non è più attivo, quindi non possiamo più addebitare i pagamenti su quel conto. Aggiungi di nuovo un metodo di pagamento. Abbiamo già avvisato l'assistenza.
# Variables:
#   $method_country (String) - il paese del conto SEPA (DE, FR, …)
#   $method_last4 (String) - le ultime quattro cifre dell'IBAN
payment-mandate-active = Buone notizie: il tuo mandato di addebito diretto SEPA per l'IBAN { $method_country } •••• { $method_last4 } ora è attivo. Non devi fare nient'altro.

web-payment-saved-title = Metodo di pagamento salvato
web-payment-saved-text = Il tuo metodo di pagamento è salvato. Puoi tornare alla chat.
web-payment-checking-title = Verifica del metodo di pagamento
web-payment-checking-text = Stripe sta ancora verificando il tuo metodo di pagamento. Puoi tornare alla chat: ti avviseremo lì appena sarà salvato.
web-payment-unknown-title = Pagina di pagamento non trovata
web-payment-unknown-text = Non abbiamo trovato questa pagina di pagamento. Torna alla chat e chiedi un nuovo link.
web-payment-cancelled-title = Metodo di pagamento non aggiunto
web-payment-cancelled-text = Non è stato salvato né addebitato nulla. Quando vuoi, torna alla chat e chiedi un nuovo link.
web-payment-saved-next = Anche la chat è aggiornata: puoi chiudere questa scheda e continuare lì.
web-payment-checking-next = Non serve tenere aperta questa pagina: per ora non devi fare altro.
web-payment-unknown-next = Nella chat premi “Nuovo link” per avere una nuova pagina di pagamento.
web-payment-cancelled-next = Quando vuoi riprovare, premi “Nuovo link” nella chat.
