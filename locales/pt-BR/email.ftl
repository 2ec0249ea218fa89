# Variables:
#   $name (String) - nome da organização
email-confirm-subject = Confirme o e-mail da organização { $name } no { -product-name }
# Variables:
#   $name (String) - nome da organização
email-confirm-intro = Confirme que este endereço pertence à organização { $name } no { -product-name }.
email-confirm-action = Confirmar e-mail
# Variables:
#   $hours (Number) - por quanto tempo o link continua válido
email-confirm-expiry =
    O link é válido por { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }.
email-confirm-signature = Equipe { -product-name }
# Variables:
#   $name (String) - nome da organização
email-confirm-preheader = Confirme seu e-mail com um clique para continuar o cadastro de { $name }.
email-confirm-link-hint = Se o botão não funcionar, copie este link no navegador:
email-confirm-next-heading = O que acontece agora
email-confirm-next = Depois de confirmar, volte ao chat: a próxima etapa do cadastro está esperando por você lá.
#   $inviter (String) - quem convidou: o endereço do responsável
email-invite-subject = { $inviter } convida você para { $name } no { -product-name }
# Variables:
#   $name (String) - nome da organização
#   $inviter (String) - quem convidou: o endereço do responsável
email-invite-intro = { $inviter } convida você a entrar na organização { $name } no { -product-name }, para participar das videoconferências e dos eventos dela.
email-invite-action = Entrar na organização
# Variables:
#   $days (Number) - por quanto tempo o convite vale
email-invite-expiry =
    O convite vale por { $days ->
        [one] { $days } dia
        [many] { $days } de dias
       *[other] { $days } dias
    }.
email-invite-ignore = Não esperava este e-mail? É só ignorá-lo: nada acontece até alguém clicar no botão.
email-invite-opt-out = Não quer mais receber convites do { -product-name }?
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-preheader = { $inviter } convida você para { $name }: um clique para ver o convite.
email-invite-next = O botão abre uma página com o convite; você entra quando clicar em Entrar lá.
