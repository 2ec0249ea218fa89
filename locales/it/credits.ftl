# The trial credit: granted, not eligible, already used, left, used up.
# Amounts are currency numbers formatted for the locale by the translator.

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = Hai { $amount } di credito di prova per { $domain }. I tuoi eventi useranno prima questo credito, e solo dopo il tuo metodo di pagamento.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = Nessun credito di prova per questa organizzazione: { $domain } è un servizio email gratuito e il credito spetta solo agli indirizzi aziendali. Per ottenerlo, crea un'organizzazione con il tuo indirizzo di lavoro (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = Nessun credito di prova per questa organizzazione: { $domain } è un servizio di email usa e getta e il credito spetta solo agli indirizzi aziendali. Per ottenerlo, crea un'organizzazione con il tuo indirizzo di lavoro (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = Il credito di prova per { $domain } è già stato usato: viene concesso una sola volta per dominio aziendale.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Credito di prova rimasto: { $remaining } su { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Il tuo credito di prova di { $amount } è esaurito. Aggiungi un metodo di pagamento per continuare a usare i tuoi eventi senza interruzioni.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = Il credito di prova di { $amount } di { $name } è esaurito. Aggiungi un metodo di pagamento per { $name } così i suoi eventi continueranno senza interruzioni.
credit-button-add-payment = Ottieni il link di pagamento
