invite-button-open = Пригласить команду
# Variables:
#   $count (Number) - сколько новых адресов получат приглашения
invite-button-send = { $count ->
        [one] Отправить { $count } приглашение
        [few] Отправить { $count } приглашения
        [many] Отправить { $count } приглашений
       *[other] Отправить { $count } приглашения
    }
# Variables:
#   $count (Number) - скольких людей приглашали раньше
invite-button-resend = Отправить ещё раз ({ $count })
# Variables:
#   $count (Number) - скольких людей приглашали раньше
invite-button-revoke = Отменить приглашения ({ $count })
invite-button-finish = Готово
# Variables:
#   $max (Number) - сколько адресов можно прислать в одном сообщении
invite-ask =
    Кого пригласить в организацию? Пришлите адреса электронной почты одним сообщением через запятую, пробел или с новой строки (не больше { $max } за раз).
    Каждый получит письмо со ссылкой, чтобы присоединиться.
invite-not-yet = Пригласить команду можно после того, как адрес электронной почты организации будет подтверждён.
invite-confirm = Отправить приглашения? Можно сначала прислать ещё адреса.
invite-confirm-again = Новых адресов нет. Можно отправить прежние приглашения ещё раз, отменить их или прислать другие адреса.
# Variables:
#   $count (Number) - сколько
#   $list (String) - адреса через запятую
invite-found-new = Будут приглашены ({ $count }): { $list }
# Variables:
#   $count (Number) - сколько
#   $list (String) - адреса через запятую
invite-found-invited = Уже приглашены, ответа пока нет ({ $count }): { $list }
# Variables:
#   $count (Number) - сколько
#   $list (String) - адреса через запятую
invite-found-expired = Срок приглашения истёк ({ $count }): { $list }
# Variables:
#   $count (Number) - сколько
#   $list (String) - адреса через запятую
invite-found-member = Уже в организации ({ $count }): { $list }
# Variables:
#   $count (Number) - сколько
#   $list (String) - что было написано, сокращённо
invite-found-invalid = Не похоже на адреса электронной почты, пропущено ({ $count }): { $list }
# Variables:
#   $count (Number) - сколько записей повторяли адрес
invite-found-repeated = { $count ->
        [one] { $count } адрес встретился несколько раз — по каждому такому адресу придёт одно приглашение.
        [few] { $count } адреса встретились несколько раз — по каждому придёт одно приглашение.
        [many] { $count } адресов встретились несколько раз — по каждому придёт одно приглашение.
       *[other] { $count } адреса встретились несколько раз — по каждому придёт одно приглашение.
    }
# Variables:
#   $email (String) - адрес самого владельца
invite-found-own = { $email } — это ваш адрес: вы уже владелец организации.
# Variables:
#   $count (Number) - сколько записей было в сообщении
#   $max (Number) - сколько можно прислать за раз
invite-too-many = В сообщении адресов: { $count }. Пришлите не больше { $max } за раз — пока ничего не отправлено.
invite-none-found = В этом сообщении я не нашёл адресов электронной почты.
# Variables:
#   $count (Number) - сколько приглашений поставлено в очередь
invite-sent = { $count ->
        [one] Отправлено { $count } приглашение.
        [few] Отправлено { $count } приглашения.
        [many] Отправлено { $count } приглашений.
       *[other] Отправлено { $count } приглашения.
    } Я сообщу, когда кто-нибудь присоединится.
# Variables:
#   $count (Number) - сколько не отправлено
#   $hours (Number) - когда можно будет отправить ещё
invite-limited = Не отправлено приглашений: { $count } — достигнут дневной лимит. Попробуйте через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    }.
# Variables:
#   $count (Number) - сколько людей попросили их не приглашать
invite-opted-out = Не отправлено приглашений: { $count } — эти люди попросили не присылать им приглашения.
# Variables:
#   $count (Number) - сколько приглашений отменено
invite-revoked = Отменено приглашений: { $count }. Ссылки из них больше не работают.
# Variables:
#   $email (String) - кто присоединился
#   $name (String) - название организации
invite-joined = Хорошие новости: { $email } теперь в организации «{ $name }».
# Variables:
#   $invited (Number) - открытые приглашения
#   $joined (Number) - присоединившиеся участники
#   $expired (Number) - истёкшие приглашения
invite-status =
    Команда:
    Приглашены, ждём ответа: { $invited }
    Присоединились: { $joined }
    Срок приглашения истёк: { $expired }
