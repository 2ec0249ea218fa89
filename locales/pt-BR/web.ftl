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
