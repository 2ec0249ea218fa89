cancel-confirm = Отменить регистрацию? Введённые данные будут удалены.
cancel-done = Регистрация отменена. Когда захотите начать заново, отправьте /new.
cancel-nothing = Сейчас нечего отменять.
delete-confirm = Удалить все ваши данные? Имя, адреса электронной почты и сообщения будут стёрты. Это действие нельзя отменить.
delete-done = Ваши данные удалены. Если захотите начать снова, отправьте /start.
new-in-progress = У вас уже идёт регистрация. Сначала завершите её или отправьте /cancel, а затем /new.
button-yes = Да
button-no = Нет

help-text =
    Нужна помощь? Напишите на support@proficonf.com — вам ответит сотрудник поддержки.
    Команды:
    /start — продолжить с того места, где вы остановились
    /status — посмотреть, на каком вы шаге
    /language — сменить язык
    /new — создать ещё одну организацию
    /cancel — отменить эту регистрацию
    /invite — пригласить команду
    /delete — удалить ваши данные

# Variables:
#   $step (String) - текущий шаг
#   $name (String) - название организации или прочерк
#   $email (String) - адрес электронной почты или прочерк
#   $currency (String) - валюта или прочерк
#   $method_kind (String) - none, card или sepa_debit (остальное — в payment-method-description)
#   $credit (String) - статус бонуса: pending, granted, not_eligible_free_mail, not_eligible_disposable, already_used
#   $amount (Number) - начисленный бонус, денежная сумма
#   $remaining (Number) - остаток бонуса, денежная сумма
status-summary =
    Текущий шаг: { $step ->
        [language] выбор языка
        [name] название организации
        [email] адрес электронной почты
        [currency] валюта счетов
        [summary] проверка данных
        [awaiting_email] ждём подтверждения почты
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
        [not_eligible_free_mail] не начисляется на адреса бесплатной почты
        [not_eligible_disposable] не начисляется на одноразовые адреса
        [already_used] уже использован для этого домена
       *[pending] определится после подтверждения почты
    }
