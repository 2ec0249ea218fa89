# Variables:
#   $seconds (Number) - сколько ждать до следующего сообщения
limits-slow-down =
    Вы отправляете сообщения слишком часто. Подождите { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    } — до этого новые сообщения не обрабатываются.
# Variables:
#   $hours (Number) - когда можно будет создать ещё одну организацию
limits-organizations-per-day =
    За сутки можно создать ограниченное число организаций, и вы его уже достигли, поэтому эта организация не сохранена. Сохранить её можно будет через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    } — всё, что вы ввели, останется на месте.
# Variables:
#   $hours (Number) - когда на этот адрес можно будет отправить письмо
limits-emails-per-address =
    Письмо не отправлено: на этот адрес за сутки уже ушло максимальное число писем с подтверждением. Попробуйте через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    } или укажите другой адрес.
limits-too-many-requests-title = Слишком много запросов
# Variables:
#   $seconds (Number) - когда можно открыть страницу снова
limits-too-many-requests-text =
    Из вашей сети пришло слишком много запросов. Попробуйте снова через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }.
limits-too-many-requests-next = Ссылка по-прежнему действует: обновите страницу, когда время ожидания истечёт.
