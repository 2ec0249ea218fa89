# Variables:
#   $currency (String) - USD или EUR
payment-ask =
    Последний шаг: добавьте способ оплаты. Сейчас с вас ничего не спишется.
    { $currency ->
        [EUR] Можно сохранить карту. Если доступно прямое списание SEPA, на странице оплаты можно будет также подключить оплату с банковского счёта.
       *[other] Можно сохранить карту.
    }
payment-hint = Добавьте способ оплаты по ссылке на оплату или запросите новую ссылку.
button-new-link = Новая ссылка
# Variables:
#   $reason (String) - причина ошибки: declined, insufficient-funds, expired-card, incorrect-cvc, incorrect-number, processing-error, authentication или other
payment-failed =
    { $reason ->
        [declined] Банк отклонил карту. Попробуйте другую карту или уточните причину в банке.
        [insufficient-funds] Банк отклонил карту: на счёте недостаточно средств. Попробуйте другую карту.
        [expired-card] Срок действия карты истёк или он указан неверно.
        [incorrect-cvc] Код безопасности карты (CVC) указан неверно.
        [incorrect-number] Номер карты указан неверно.
        [processing-error] При проверке карты произошла ошибка. Попробуйте ещё раз через минуту.
        [authentication] Подтверждение платежа в банке (3D Secure) не завершено.
       *[other] Не удалось сохранить способ оплаты.
    } Вот новая ссылка, чтобы попробовать ещё раз.
payment-link-expired = Срок действия платёжной ссылки истёк. Вот новая.
