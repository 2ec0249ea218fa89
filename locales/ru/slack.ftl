slack-form-title = Новая организация
slack-form-submit = Сохранить
slack-form-close = Отмена
slack-form-intro = Заполните данные организации. Мы отправим ссылку для подтверждения на указанный адрес электронной почты.
slack-form-name-label = Название организации
slack-form-name-hint = Его увидят все, кого вы пригласите (от 2 до 100 символов).
slack-form-name-duplicate = У вас уже есть организация с таким названием. Чтобы оставить его, нажмите «Сохранить» ещё раз или введите другое название.
slack-form-email-label = Адрес электронной почты
# Variables:
#   $amount (Number) - бонус на пробный период, денежная сумма
slack-form-email-hint = Бонус на пробный период ({ $amount }) начисляется только на корпоративные адреса.
slack-form-language-label = Язык
slack-form-currency-label = Валюта счетов
slack-form-currency-hint = Банковская карта подойдёт любая: при необходимости банк сам конвертирует сумму. Для прямого списания SEPA с банковского счёта нужна валюта EUR.
slack-form-currency-placeholder = Выберите валюту
slack-form-expired = Форма не успела открыться. Пожалуйста, введите /onboard ещё раз.
slack-usage =
    Что умеет /onboard:
    /onboard — открыть форму регистрации
    /onboard status — посмотреть, на каком вы шаге
    /onboard language — сменить язык
    /onboard help — как связаться с поддержкой
    /onboard start, new, cancel, delete — продолжить, создать ещё одну организацию, отменить регистрацию, удалить ваши данные
slack-home-title = Ваши организации
# Variables:
#   $name (String) - название организации
#   $email (String) - адрес электронной почты организации
#   $currency (String) - USD или EUR
#   $status (String) - статус организации
slack-home-organization =
    { $name }
    Статус: { $status ->
        [pending_email] ждём подтверждения почты
        [confirmed] почта подтверждена
        [cancelled] отменена
       *[other] { $status }
    }
    Эл. почта: { $email }
    Валюта: { $currency }
slack-home-empty = У вас пока нет организаций.
slack-home-hint = Введите /onboard, чтобы создать организацию, или /onboard status, чтобы узнать, на каком вы шаге.
slack-invite-pick = Или выберите людей из рабочего пространства
# Variables:
#   $name (String) - organization name
slack-home-invite = Пригласите людей из рабочего пространства в организацию «{ $name }»:
