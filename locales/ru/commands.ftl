cancel-confirm = Отменить регистрацию? Введённые данные будут удалены.
cancel-done = Регистрация отменена. Когда захотите начать заново, отправьте /new.
cancel-nothing = Сейчас нечего отменять.
delete-confirm = Удалить все ваши данные? Имя, адреса электронной почты и сообщения будут стёрты. Это действие нельзя отменить.
delete-done = Ваши данные удалены. Если захотите начать снова, отправьте /start.
new-in-progress = Вы сейчас проходите регистрацию. Сначала завершите её или отправьте /cancel, а затем — /new.
button-yes = Да
button-no = Нет

help-text =
    Нужна помощь? Напишите на support@proficonf.com — вам ответит сотрудник нашей команды.
    Команды:
    /start — продолжить с того места, где вы остановились
    /status — посмотреть, на каком вы этапе
    /language — сменить язык
    /new — создать ещё одну организацию
    /cancel — отменить эту регистрацию
    /delete — удалить ваши данные

# Variables:
#   $step (String) - текущий этап
#   $name (String) - название организации или прочерк
#   $email (String) - адрес электронной почты или прочерк
#   $currency (String) - валюта или прочерк
#   $method_kind (String) - none, card или sepa_debit (остальное — в payment-method-description)
#   $credit (String) - trial credit status: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - the credit granted, a currency amount
#   $remaining (Number) - the credit left, a currency amount
status-summary =
    Текущий этап: { $step ->
        [language] выбор языка
        [name] название организации
        [email] адрес электронной почты
        [currency] валюта счетов
        [summary] проверка данных
        [awaiting_email] ожидание подтверждения почты
        [payment] добавление способа оплаты
        [done] всё готово
        [cancelled] регистрация отменена
       *[other] { $step }
    }
    Организация: { $name }
    Эл. почта: { $email }
    Валюта: { $currency }
    Способ оплаты: { $method_kind ->
        [none] —
       *[other] { payment-method-description }
    }
    Бонус на пробный период: { $credit ->
        [granted] осталось { $remaining } из { $amount }
        [not_eligible_free_mail] недоступен для бесплатных почтовых адресов
        [not_eligible_disposable] недоступен для одноразовых адресов
        [already_used] уже использован для этого почтового домена
       *[pending] определится после подтверждения почты
    }
