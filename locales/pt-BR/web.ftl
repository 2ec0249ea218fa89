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
brand-name = { -product-name }
web-next-heading = O que acontece agora
web-confirm-next = Assim que você confirmar, o chat passa para a próxima etapa. Depois, você pode fechar esta aba.
web-confirmed-next = O chat já foi avisado, então você pode fechar esta aba.
web-token-expired-title = Link expirado
web-token-expired-next = No chat, clique em “Reenviar e-mail” e abra o link do novo e-mail. Os dados do seu cadastro estão salvos.
web-token-used-title = Link já usado
web-token-used-next = Volte ao chat e continue de onde parou.
web-token-unknown-title = Link inválido
web-token-unknown-next = Só o link do e-mail mais recente funciona. Se não encontrar esse e-mail, clique em “Reenviar e-mail” no chat.
web-unavailable-next = Nada do que você informou foi perdido, e o link que você abriu continua funcionando.
web-error-title = Algo deu errado
web-error-text = Não conseguimos abrir esta página. Nossa equipe já está ciente.
web-error-next = Nada do que você informou foi perdido. Recarregue esta página em alguns minutos.
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
web-join-next = Nada acontece até você clicar em Entrar. O responsável pela organização vai ver que você entrou.
web-joined-next = Você vai receber por e-mail os convites para as videoconferências e os eventos da organização. Pode fechar esta aba.
web-join-expired-title = Convite expirado
web-join-used-title = Convite já usado
web-join-unknown-title = Convite inválido
