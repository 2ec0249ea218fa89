error-not-now = Isso não vale para esta etapa. Veja onde estamos:
error-pick-option = Escolha uma das opções abaixo.
# Variables:
#   $command (String) - o comando digitado pelo usuário, sem a barra
error-unknown-command = Não conheço o comando /{ $command }. Envie /help para ver o que posso fazer.
error-message-too-long = Essa mensagem é longa demais. Envie uma mensagem mais curta.
error-try-again = Algo deu errado do nosso lado. Tente novamente daqui a pouco.
warning-payment-number =
    Nunca envie números de cartão ou de conta bancária neste chat. Não guardei essa mensagem.
    Você vai adicionar uma forma de pagamento em uma página segura da Stripe.

error-name-empty = O nome não pode ficar em branco. Qual é o nome da sua organização?
error-name-invisible = O nome contém caracteres invisíveis ou de controle. Digite-o novamente como texto simples.
error-name-markup = O nome não pode conter tags HTML. Envie-o como texto simples.
error-name-too-short = O nome é curto demais: precisa ter pelo menos 2 caracteres.
error-name-too-long = O nome é longo demais: no máximo 100 caracteres.
error-name-too-big = O nome é longo demais para ser salvo: encurte-o ou use menos emojis e acentos.
error-name-stacked-marks = O nome tem acentos demais em uma única letra. Digite-o novamente como texto simples.
error-name-encoded-word = O nome parece texto codificado de e-mail (=?…?=). Digite o nome em si, como ele deve aparecer.

error-email-empty = Envie um endereço de e-mail, como nome@empresa.com.br.
error-email-too-long = Esse endereço é longo demais para ser válido. Confira-o, por favor.
error-email-invalid = Isso não parece um endereço de e-mail válido. Envie um como nome@empresa.com.br.
error-email-latin-local-part = Só conseguimos enviar e-mails para endereços com letras latinas, números e . _ - + antes do @. Envie outro endereço, como nome@empresa.com.br.
