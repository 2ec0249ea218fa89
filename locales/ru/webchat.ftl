# The web chat page and widget (bot/channels/web). The conversation's own
# messages are the same as in every channel.
webchat-title = Ассистент Proficonf
webchat-subtitle = Регистрация организации за несколько минут
webchat-log-label = Переписка
webchat-actions-label = Быстрые действия
webchat-action-status = Статус
webchat-action-language = Язык
webchat-action-help = Помощь
webchat-input-label = Ваше сообщение
webchat-input-placeholder = Введите сообщение…
webchat-send = Отправить
webchat-you = Вы
webchat-assistant = Ассистент
webchat-typing = Ассистент печатает…
webchat-connecting = Подключаемся…
webchat-offline = Нет подключения к интернету. Чат подключится снова, как только сеть появится.
webchat-reconnecting = Соединение прервалось. Подключаемся снова…
webchat-retry = Повторить
webchat-send-failed = Сообщение не отправлено. Проверьте подключение и попробуйте ещё раз.
webchat-removed = Сообщение удалено: в нём был номер карты или IBAN.
webchat-opens-new-tab = откроется в новой вкладке
webchat-launcher-open = Написать нам
webchat-launcher-close = Закрыть чат
# Variables:
#   $count (Number) - messages the visitor hasn't seen yet
webchat-unread = { $count ->
    [one] { $count } новое сообщение
    [few] { $count } новых сообщения
    [many] { $count } новых сообщений
   *[other] { $count } нового сообщения
}
webchat-button-stale = Эта кнопка уже не действует. Воспользуйтесь последним сообщением.
webchat-session-invalid = Сеанс чата истёк. Обновите страницу, чтобы продолжить.
webchat-forbidden = Запрос не принят. Обновите страницу и попробуйте ещё раз.
webchat-bad-request = Не удалось прочитать сообщение. Попробуйте ещё раз.
# Variables:
#   $seconds (Number) - how long to wait
webchat-too-many = { $seconds ->
    [one] Слишком много запросов. Подождите { $seconds } секунду и попробуйте снова.
    [few] Слишком много запросов. Подождите { $seconds } секунды и попробуйте снова.
    [many] Слишком много запросов. Подождите { $seconds } секунд и попробуйте снова.
   *[other] Слишком много запросов. Подождите { $seconds } секунды и попробуйте снова.
}
webchat-embed-refused-title = Чат здесь недоступен
webchat-embed-refused-text = Этот чат нельзя открыть на этом сайте. Напишите нам на proficonf.com.
