# Variables:
#   $method_kind (String) - card или sepa_debit
#   $method_brand (String) - бренд карты, как его называет Stripe (visa, mastercard, …)
#   $method_last4 (String) - последние четыре цифры карты или IBAN
#   $method_country (String) - страна счёта SEPA (DE, FR, …)
#   $mandate (String) - статус мандата SEPA: active, pending или inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] прямое списание SEPA, IBAN { $method_country } •••• { $method_last4 } (мандат { $mandate ->
            [active] активен
            [inactive] не действует
           *[pending] ожидает подтверждения
        })
       *[card] { $method_brand ->
            [visa] Visa
            [mastercard] Mastercard
            [amex] American Express
            [discover] Discover
            [diners] Diners Club
            [jcb] JCB
            [unionpay] UnionPay
            [cartes_bancaires] Cartes Bancaires
           *[other] карта
        } •••• { $method_last4 }
    }
payment-link = Откройте защищённую страницу Stripe по кнопке ниже и добавьте способ оплаты. Сейчас с вас ничего не спишется.
button-open-payment-link = Добавить способ оплаты
payment-card-only-usd = Ваши счета выставляются в долларах США, поэтому на странице доступны только карты: прямое списание SEPA возможно только для счетов в евро. Подойдёт любая карта — при необходимости банк сам конвертирует валюту.
payment-link-delayed = Stripe сейчас не отвечает. Я продолжу попытки и пришлю ссылку на оплату сюда, как только она будет готова.
payment-link-unavailable = Не получилось создать ссылку на оплату: проблема на нашей стороне. Команда уже в курсе и разбирается. Все ваши данные сохранены.
payment-mandate-inactive = Ваш мандат на прямое списание SEPA больше не действует, поэтому списывать оплату с этого банковского счёта мы не можем. Пожалуйста, добавьте способ оплаты ещё раз. Служба поддержки уже в курсе.
payment-card-only-eur = Сейчас на странице доступны только карты: прямое списание SEPA временно недоступно. Подойдёт любая карта, при необходимости валюту конвертирует ваш банк.
payment-processing = Спасибо! Ваши банковские данные проходят проверку, это может занять некоторое время. Я напишу вам здесь, как только она завершится; больше ничего делать не нужно.
# Variables:
#   $method_country (String) - страна счёта SEPA (DE, FR, …)
#   $method_last4 (String) - последние четыре цифры IBAN
payment-mandate-active = Хорошая новость: ваш мандат на прямое списание SEPA для IBAN { $method_country } •••• { $method_last4 } теперь активен. Больше ничего делать не нужно.

web-payment-saved-title = Способ оплаты сохранён
web-payment-saved-text = Ваш способ оплаты сохранён. Можете вернуться в чат.
web-payment-checking-title = Проверяем способ оплаты
web-payment-checking-text = Stripe ещё проверяет ваш способ оплаты. Можете вернуться в чат: там появится сообщение, как только способ оплаты будет сохранён.
web-payment-unknown-title = Страница оплаты не найдена
web-payment-unknown-text = Мы не нашли эту страницу оплаты. Вернитесь в чат и запросите новую ссылку.
web-payment-cancelled-title = Способ оплаты не добавлен
web-payment-cancelled-text = Ничего не сохранено, и ничего не списано. Когда будете готовы, вернитесь в чат и запросите новую ссылку.
web-payment-saved-next = В чате это уже отмечено: вкладку можно закрыть и продолжить там.
web-payment-checking-next = Держать эту страницу открытой не нужно: больше от вас сейчас ничего не требуется.
web-payment-unknown-next = Нажмите в чате «Новая ссылка», чтобы получить новую страницу оплаты.
web-payment-cancelled-next = Когда будете готовы попробовать снова, нажмите в чате «Новая ссылка».
