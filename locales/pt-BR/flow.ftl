## As perguntas da conversa sobre uma resposta antes de aceitá-la, e o que ela
## diz quando os pagamentos ou o suporte não estão disponíveis.

# Variables:
#   $email (String) - the support address customers can write to
support-contact = Precisa de ajuda? Escreva para { $email } e uma pessoa da nossa equipe vai responder por e-mail. Enquanto isso, você pode continuar por aqui.

# Variables:
#   $email (String) - the address with its domain corrected
#   $domain (String) - the domain as the user typed it
email-did-you-mean = Você quis dizer { $email }? “{ $domain }” parece ter um erro de digitação.
# Variables:
#   $email (String) - the address with its domain corrected
button-use-suggestion = Usar { $email }
button-keep-as-typed = Manter como digitei
button-keep-email = Manter este endereço

# Variables:
#   $name (String) - organization name
name-duplicate = Você já tem uma organização chamada { $name }. Quer usar este nome mesmo assim ou digitar outro?
button-use-name-anyway = Usar mesmo assim
button-other-name = Escolher outro nome

# Variables:
#   $name (String) - organization name
cancel-confirm-saved = Cancelar este cadastro? { $name } está salva, mas o e-mail ainda não foi confirmado: ela será cancelada e o link de confirmação vai deixar de funcionar.
# Variables:
#   $name (String) - organization name
cancel-confirm-confirmed = Parar por aqui? { $name } já está confirmada e continua como está; você pode adicionar uma forma de pagamento depois.
# Variables:
#   $name (String) - organization name
cancel-done-confirmed = Pronto. { $name } continua confirmada. Envie /new quando quiser criar outra organização.

# Variables:
#   $email (String) - the support address customers can write to
onboarding-ready-no-payment =
    Sua organização está pronta para uso, e por enquanto não é preciso uma forma de pagamento.
    Quando quiser adicionar uma, escreva para { $email } e nós configuramos com você. Use /new para criar outra organização.
payment-unavailable = Não consigo criar um link de pagamento agora. Seu progresso está salvo; envie /start mais tarde para tentar de novo.

## The confirmation email: the organization is already saved when it goes out.
email-confirm-ignore-saved = Se você não fez essa solicitação, pode ignorar este e-mail: sem a confirmação, este endereço não é usado e a organização não é ativada.
