# Variables:
#   $seconds (Number) - сколько ждать до повторной отправки
email-resend-wait =
    Ссылка только что отправлена. Запросить её снова можно через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }.
# Variables:
#   $minutes (Number) - сколько ждать до следующего письма
email-send-limit =
    Это максимум писем с подтверждением за час. Следующее можно будет запросить через { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    }.
# Variables:
#   $email (String) - скрытый адрес, например a…@acme.com
email-reminder =
    Напоминаю: ваша организация ждёт подтверждения адреса { $email }.
    Откройте ссылку из нашего письма или нажмите одну из кнопок ниже.
