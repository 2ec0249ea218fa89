# Variables:
#   $method_kind (String) - card или sepa_debit
#   $method_brand (String) - бренд карты, как его называет Stripe (visa, mastercard, …)
#   $method_last4 (String) - последние четыре цифры карты или IBAN
#   $method_country (String) - страна счёта SEPA (DE, FR, …)
#   $mandate (String) - статус мандата SEPA: active, pending или inactive
payment-method-description =
    { $method_kind ->
        [sepa_debit] счёт SEPA { $method_country } •••• { $method_last4 }, мандат { $mandate ->
            [active] активен
            [inactive] неактивен
           *[pending] ожидает подтверждения
        }
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
payment-link = Откройте защищённую страницу Stripe ниже, чтобы добавить способ оплаты. Сейчас ничего не списывается.
button-open-payment-link = Добавить способ оплаты
payment-card-only-usd = Ваши счета выставляются в долларах США, поэтому на странице доступны только карты: SEPA Direct Debit работает только со счетами в евро. Подойдёт любая карта, валюту конвертирует ваш банк.
payment-card-only-eur = Сейчас на странице доступны только карты: оплата через SEPA Direct Debit временно недоступна. Подойдёт любая карта, при необходимости валюту конвертирует ваш банк.
payment-processing = Спасибо! Ваши банковские данные проходят проверку, это может занять некоторое время. Я напишу вам здесь, как только она завершится; больше ничего делать не нужно.
payment-link-delayed = Stripe сейчас не отвечает. Я продолжаю попытки и пришлю платёжную ссылку сюда, как только она будет готова.
payment-link-unavailable = Не удалось создать платёжную ссылку из-за проблемы на нашей стороне. Наша команда уже знает и занимается этим; ваш прогресс сохранён.
payment-mandate-inactive = Ваш мандат SEPA Direct Debit больше не действует, поэтому этот банковский счёт нельзя использовать. Пожалуйста, добавьте способ оплаты ещё раз; мы сообщили об этом службе поддержки.
# Variables:
#   $method_country (String) - страна счёта SEPA (DE, FR, …)
#   $method_last4 (String) - последние четыре цифры IBAN
payment-mandate-active = Хорошая новость: ваш мандат SEPA Direct Debit для счёта { $method_country } •••• { $method_last4 } теперь активен. Больше ничего делать не нужно.

web-payment-done-title = Способ оплаты получен
web-payment-done-text = Спасибо! Stripe подтверждает ваш способ оплаты. Можете вернуться в чат: там появится сообщение, как только он будет сохранён.
web-payment-cancelled-title = Способ оплаты не добавлен
web-payment-cancelled-text = Ничего не сохранено и ничего не списано. Вернитесь в чат и запросите новую ссылку, когда будете готовы.
