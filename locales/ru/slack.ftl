slack-form-title = Новая организация
slack-form-submit = Сохранить
slack-form-close = Отмена
slack-form-intro = Заполните данные организации. Мы отправим ссылку для подтверждения на указанный адрес почты.
slack-form-name-label = Название организации
slack-form-name-hint = Его увидят все, кого вы пригласите (от 2 до 100 символов).
slack-form-email-label = Адрес электронной почты
slack-form-email-hint = Пробный кредит $25 дают только для рабочих адресов.
slack-form-language-label = Язык
slack-form-currency-label = Валюта счетов
slack-form-currency-hint = Подойдёт любая банковская карта: при необходимости банк сам сконвертирует. Для оплаты по счёту (SEPA Direct Debit) нужны евро.
slack-form-currency-placeholder = Выберите валюту
slack-form-expired = Форма не успела открыться. Пожалуйста, наберите /onboard ещё раз.
slack-usage =
    Что умеет /onboard:
    /onboard — открыть форму регистрации
    /onboard status — посмотреть, на каком вы шаге
    /onboard language — сменить язык
    /onboard help — как связаться с поддержкой
    /onboard start, new, cancel, delete — продолжить, создать ещё одну организацию, отменить регистрацию, удалить ваши данные
slack-home-title = Ваши организации
# Variables:
#   $name (String) - organization name
#   $email (String) - the organization's email address
#   $currency (String) - USD or EUR
#   $status (String) - the organization's status
slack-home-organization =
    { $name }
    Статус: { $status ->
        [pending_email] ждём подтверждения почты
        [confirmed] почта подтверждена
        [cancelled] отменена
       *[other] { $status }
    }
    Почта: { $email }
    Валюта: { $currency }
slack-home-empty = У вас пока нет организаций.
slack-home-hint = Наберите /onboard, чтобы создать организацию, или /onboard status, чтобы узнать, на каком вы шаге.
