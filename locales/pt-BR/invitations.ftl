invite-button-open = Convidar sua equipe
# Variables:
#   $count (Number) - para quantos endereços novos vão os convites
invite-button-send = { $count ->
        [one] Enviar o convite
        [many] Enviar { $count } de convites
       *[other] Enviar { $count } convites
    }
# Variables:
#   $count (Number) - quantas pessoas já foram convidadas
invite-button-resend = Enviar de novo ({ $count })
# Variables:
#   $count (Number) - quantas pessoas já foram convidadas
invite-button-revoke = Cancelar convites ({ $count })
invite-button-finish = Concluir
# Variables:
#   $max (Number) - quantos endereços no máximo em uma mensagem
invite-ask =
    Quem vai fazer parte da sua organização? Envie os endereços de e-mail em uma única mensagem, separados por vírgulas, espaços ou quebras de linha (até { $max } por vez).
    Cada pessoa recebe um e-mail com um link para entrar.
invite-not-yet = Você poderá convidar sua equipe depois que o endereço de e-mail da organização for confirmado.
invite-confirm = Enviar os convites agora? Você também pode mandar mais endereços antes.
invite-confirm-again = Não há endereços novos. Você pode reenviar os convites anteriores, cancelá-los ou mandar outros endereços.
# Variables:
#   $count (Number) - quantos
#   $list (String) - os endereços, separados por vírgula
invite-found-new = Prontos para convidar ({ $count }): { $list }
# Variables:
#   $count (Number) - quantos
#   $list (String) - os endereços, separados por vírgula
invite-found-invited = Já convidados, ainda sem resposta ({ $count }): { $list }
# Variables:
#   $count (Number) - quantos
#   $list (String) - os endereços, separados por vírgula
invite-found-expired = Convite expirado ({ $count }): { $list }
# Variables:
#   $count (Number) - quantos
#   $list (String) - os endereços, separados por vírgula
invite-found-member = Já são membros ({ $count }): { $list }
# Variables:
#   $count (Number) - quantos
#   $list (String) - o que foi escrito, abreviado
invite-found-invalid = Endereços de e-mail inválidos, ignorados ({ $count }): { $list }
# Variables:
#   $count (Number) - quantas entradas repetiam um endereço
invite-found-repeated = { $count ->
        [one] Um endereço apareceu mais de uma vez: ele recebe um único convite.
        [many] { $count } de endereços apareceram mais de uma vez: cada um recebe um único convite.
       *[other] { $count } endereços apareceram mais de uma vez: cada um recebe um único convite.
    }
# Variables:
#   $email (String) - o endereço do próprio responsável
invite-found-own = { $email } é o seu próprio endereço: a organização já é sua.
# Variables:
#   $count (Number) - quantas entradas havia na mensagem
#   $max (Number) - quantas no máximo por mensagem
invite-too-many = A mensagem tem { $count } endereços. Envie no máximo { $max } por vez: nada foi enviado.
invite-none-found = Não encontrei nenhum endereço de e-mail nessa mensagem.
# Variables:
#   $count (Number) - quantos convites saíram
invite-sent = { $count ->
        [one] Convite enviado.
        [many] { $count } de convites enviados.
       *[other] { $count } convites enviados.
    } Aviso quando alguém entrar.
# Variables:
#   $count (Number) - quantos não saíram
#   $hours (Number) - quando será possível enviar mais
invite-limited = Convites não enviados: { $count }. O limite diário foi atingido; tente de novo em { $hours ->
        [one] { $hours } hora
        [many] { $hours } de horas
       *[other] { $hours } horas
    }.
# Variables:
#   $count (Number) - quantas pessoas pediram para não receber convites
invite-opted-out = Convites não enviados: { $count }. Essas pessoas pediram para não receber convites.
# Variables:
#   $count (Number) - quantos convites foram cancelados
invite-revoked = Convites cancelados: { $count }. Os links deles não funcionam mais.
# Variables:
#   $email (String) - quem entrou
#   $name (String) - nome da organização
invite-joined = Boa notícia: { $email } agora faz parte de { $name }.
# Variables:
#   $invited (Number) - convites em aberto
#   $joined (Number) - membros que entraram
#   $expired (Number) - convites expirados
invite-status =
    Equipe:
    Convidados, aguardando resposta: { $invited }
    Entraram: { $joined }
    Convites expirados: { $expired }
