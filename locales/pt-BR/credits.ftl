# The trial credit: granted, not eligible, already used, left, used up.
# Amounts are currency numbers formatted for the locale by the translator.

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = Você tem { $amount } de crédito de teste para { $domain }. Seus eventos usam esse crédito primeiro, antes de qualquer cobrança na sua forma de pagamento.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = Esta organização não recebeu crédito de teste: { $domain } é um serviço de e-mail gratuito, e o crédito é só para endereços corporativos. Para recebê-lo, crie uma organização com seu e-mail de trabalho (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = Esta organização não recebeu crédito de teste: { $domain } é um serviço de e-mail temporário, e o crédito é só para endereços corporativos. Para recebê-lo, crie uma organização com seu e-mail de trabalho (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = O crédito de teste de { $domain } já foi usado: ele é concedido uma única vez por domínio de empresa.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Crédito de teste restante: { $remaining } de { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Seu crédito de teste de { $amount } acabou. Adicione uma forma de pagamento para que seus eventos continuem funcionando.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = O crédito de teste de { $amount } da organização { $name } acabou. Adicione uma forma de pagamento para { $name } e os eventos dela continuam funcionando.
credit-button-add-payment = Obter o link de pagamento
