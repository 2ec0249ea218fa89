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
