web-confirm-title = Confirme seu e-mail
# Variables:
#   $name (String) - nome da organização
web-confirm-text = Clique no botão para confirmar o e-mail de { $name }.
web-confirm-button = Confirmar e-mail
web-confirmed-title = E-mail confirmado
web-confirmed-text = Obrigado! Você já pode voltar ao chat: a próxima etapa está esperando por você lá.
web-token-expired = Este link expirou. Peça ao bot no chat para enviar um novo.
web-token-used = Este link já foi usado. Se seu e-mail já está confirmado, é só voltar ao chat.
web-token-unknown = Este link não é válido. Use o link mais recente do seu e-mail.
console-hint = Digite /start para começar ou continuar. As opções são numeradas: responda com o número ou o nome.
web-unavailable-title = Página temporariamente indisponível
web-unavailable-text = No momento não conseguimos abrir esta página. Tente de novo em um minuto.
web-join-title = Entrar na organização
# Variables:
#   $name (String) - nome da organização
#   $inviter (String) - quem convidou: o endereço do responsável
web-join-text = { $inviter } convida você a entrar em { $name } no { -product-name }.
web-join-button = Entrar
web-joined-title = Boas-vindas
# Variables:
#   $name (String) - nome da organização
web-joined-text = Agora você faz parte de { $name }. Avisamos o responsável pela organização.
web-join-expired = Este convite expirou. Peça a quem convidou você para enviar um novo.
web-join-used = Este convite já foi usado. Se você já entrou, não precisa fazer mais nada.
web-join-unknown = Este convite não é mais válido. Peça a quem convidou você para enviar um novo.
web-opt-out-title = Parar de receber convites
web-opt-out-text = Clique no botão e não enviaremos mais convites para organizações no { -product-name }.
web-opt-out-button = Não quero mais convites
web-opted-out-text = Pronto: você não vai receber mais convites nossos.
