## Передача разговора сотруднику поддержки. Тексты для пользователя — на его
## языке; в рабочем чате поддержки (карточка, уведомления, кнопки) — на английском.

handoff-button-talk = Связаться с сотрудником
handoff-offer = Что-то не получается? Сотрудник нашей команды может вам помочь.
handoff-opened = Я позвал сотрудника нашей команды. Напишите ваш вопрос здесь — он прочитает его и ответит в этом чате.
handoff-already-open = Сейчас с вами работает сотрудник нашей команды. Пишите сюда — он всё прочитает.
handoff-taken = К разговору подключился сотрудник нашей команды.

# Variables:
#   $text (String) - что написал сотрудник поддержки
handoff-agent-message = Поддержка: { $text }

# Variables:
#   $step (String) - этап, на который возвращается пользователь
handoff-resumed =
    Я снова здесь — продолжим с того места, где вы остановились: { $step ->
        [language] выбор языка
        [name] название организации
        [email] адрес электронной почты
        [currency] валюта счетов
        [summary] проверка данных
        [awaiting_email] подтверждение адреса электронной почты
        [payment] добавление способа оплаты
        [done] всё готово
        [cancelled] регистрация отменена
       *[other] { $step }
    }.
handoff-left = Хорошо, продолжим без сотрудника — ваш вопрос закрыт.
handoff-closed = Разговор с нашей командой завершён. Всё, что вы ввели, сохранено; отправьте /start, чтобы продолжить.

# Variables:
#   $email (String) - адрес электронной почты пользователя
handoff-sla-email = Сейчас наша команда занята, извините за ожидание. Мы ответим вам по электронной почте на { $email }.
handoff-sla-ask-email = Сейчас наша команда занята, извините за ожидание. Отправьте сюда ваш адрес электронной почты, и мы ответим вам письмом.

## Рабочий чат поддержки

# Variables:
#   $ticket (Number) - номер обращения
handoff-desk-topic = Обращение №{ $ticket }

# Variables:
#   $ticket (Number) - номер обращения
#   $status (String) - open, taken, escalated или closed
#   $channel (String) - канал пользователя
#   $language (String) - язык пользователя
#   $step (String) - этап пользователя
#   $name (String) - название организации или прочерк
#   $email (String) - адрес или прочерк
#   $email_status (String) - статус подтверждения адреса
#   $currency (String) - валюта или прочерк
#   $payment (String) - статус оплаты
#   $credit (String) - статус пробного кредита или прочерк
#   $credit_left (Number) - остаток кредита (деньги)
handoff-desk-card =
    Обращение №{ $ticket } — { $status }
    Пользователь: { $channel }, язык { $language }
    Этап: { $step }
    Организация: { $name }
    Эл. почта: { $email } ({ $email_status })
    Валюта: { $currency }
    Оплата: { $payment }
    Кредит: { $credit ->
        [granted] выдан, осталось { $credit_left }
       *[other] { $credit }
    }
    Последние сообщения:

handoff-desk-button-take = Взять
handoff-desk-button-resume = Вернуть боту
handoff-desk-button-resend = Отправить письмо ещё раз
handoff-desk-button-new-link = Новая ссылка на оплату
handoff-desk-button-close = Закрыть

# Variables:
#   $text (String) - что написал пользователь
handoff-desk-user-says = Пользователь: { $text }

# Variables:
#   $agent (String) - сотрудник, взявший обращение
handoff-desk-taken = Взял: { $agent }.
handoff-desk-resumed = Разговор возвращён боту; пользователь продолжает с того же места.
handoff-desk-closed = Обращение закрыто; разговор остался на том же этапе.
handoff-desk-user-left = Пользователь вернулся к боту (/start); обращение закрыто.
handoff-desk-escalated = Никто не взял обращение вовремя: пользователю сказали, что ответ придёт по почте.

# Variables:
#   $email (String) - скрытый адрес
handoff-desk-email-resent = Новое письмо для подтверждения отправлено на { $email }.
handoff-desk-email-refused =
    Письмо не отправлено: этот адрес уже получил максимум писем для подтверждения за сутки. Снова можно будет через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[other] { $hours } часов
    }.
handoff-desk-no-email = Нечего отправлять: у пользователя нет адреса, ожидающего подтверждения.
handoff-desk-link-sent = Новая ссылка на оплату уже отправляется пользователю.
handoff-desk-no-payment = Ссылка на оплату сейчас невозможна: пользователь не на этапе оплаты.
handoff-desk-payment-number = Не отправлено: в сообщении номер карты или IBAN. Никогда не запрашивайте платёжные данные в чате — пользователь вводит их на защищённой странице Stripe.
handoff-desk-refused = Действовать с обращениями могут только сотрудники поддержки в рабочем чате.
handoff-desk-ticket-over = Это обращение закрыто.

# Variables:
#   $agent (String) - сотрудник, который написал
#   $channel (String) - рабочий чат, где он написал (Telegram или Slack)
#   $text (String) - что он написал пользователю
handoff-desk-agent-says = { $agent } ({ $channel }) пользователю: { $text }
handoff-desk-earlier = (более ранние сообщения не показаны)

# Variables:
#   $ticket (Number) - номер обращения
handoff-desk-card-erased = Обращение №{ $ticket } — закрыто: пользователь удалил свои данные. Здесь больше ничего о нём не показывается.
handoff-desk-user-erased = Пользователь удалил свои данные; обращение закрыто, и его карточка больше ничего о нём не показывает. Бот удаляет здесь свои сообщения с его словами (Telegram разрешает это только за последние 48 часов); ответы сотрудников остаются: удалите их, если в них есть личные данные.
