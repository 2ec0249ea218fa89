# Variables:
#   $seconds (Number) - сколько ждать до следующего сообщения
limits-slow-down =
    Вы отправляете сообщения слишком часто. Подождите { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
       *[other] { $seconds } секунд
    } — сообщения до этого момента не будут обработаны.
# Variables:
#   $hours (Number) - когда можно будет создать ещё одну организацию
limits-organizations-per-day =
    Вы уже создали максимальное число организаций за сутки, поэтому эта не сохранена. Сохранить её можно будет через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[other] { $hours } часов
    }: всё, что вы ввели, сохранено.
# Variables:
#   $hours (Number) - когда на этот адрес можно будет отправить письмо
limits-emails-per-address =
    Письмо всё-таки не отправлено: на этот адрес уже ушло максимальное число писем с подтверждением за сутки. Попробуйте через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[other] { $hours } часов
    } или укажите другую почту.
limits-too-many-requests-title = Слишком много запросов
# Variables:
#   $seconds (Number) - когда можно открыть страницу снова
limits-too-many-requests-text =
    Из вашей сети пришло слишком много запросов. Попробуйте снова через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
       *[other] { $seconds } секунд
    }.
