-product-name = Proficonf
-org-account = Аккаунт организации

onboarding-welcome =
    Добро пожаловать в { -product-name }! Я помогу вам настроить { -org-account } — это займёт всего несколько шагов.
onboarding-ask-language = На каком языке вам удобнее общаться?
language-native-en = English
language-native-ru = Русский
language-native-it = Italiano
language-native-pt-br = Português (Brasil)
language-native-es = Español
language-changed = Готово, теперь я говорю по-русски.

onboarding-ask-name =
    Как называется ваша организация?
    Это название увидят все, кого вы пригласите (от 2 до 100 символов).
onboarding-ask-email =
    Какой адрес электронной почты использовать для организации?
    Мы отправим на него ссылку для подтверждения.

# Variables:
#   $domain (String) - домен адреса, который указал пользователь
#   $amount (Number) - the trial credit, a currency amount
email-note-free =
    Обратите внимание: бонус { $amount } на пробный период начисляется только для корпоративных адресов, а { $domain } — бесплатный почтовый сервис.
    Можно оставить этот адрес или прислать рабочий.
# Variables:
#   $domain (String) - домен адреса, который указал пользователь
#   $amount (Number) - the trial credit, a currency amount
email-note-disposable =
    Обратите внимание: { $domain } — сервис одноразовой почты, поэтому для этого адреса бонус { $amount } на пробный период недоступен.
    Можно оставить его или прислать рабочий адрес.

onboarding-ask-currency =
    В какой валюте выставлять вам счета?
    Любая банковская карта подходит для обеих валют: при необходимости банк сам сконвертирует сумму. Для оплаты по счёту (SEPA Direct Debit) нужна валюта EUR.
currency-option-usd = Доллар США (USD)
currency-option-eur = Евро (EUR)

# Variables:
#   $name (String) - название организации
#   $email (String) - адрес электронной почты
#   $currency (String) - USD или EUR
#   $language (String) - код языка
onboarding-summary =
    Проверьте, пожалуйста, данные:
    Организация: { $name }
    Эл. почта: { $email }
    Валюта: { $currency }
    Язык: { $language ->
        [ru] русский
        [it] итальянский
        [pt-BR] португальский (Бразилия)
        [es] испанский
       *[en] английский
    }
    Всё верно? Сохраните или сначала что-нибудь измените.
button-save = Сохранить
button-edit-name = Изменить название
button-edit-email = Изменить почту
button-edit-currency = Изменить валюту
button-edit-language = Изменить язык

# Variables:
#   $email (String) - замаскированный адрес, например a…@acme.com
onboarding-awaiting-email =
    Организация сохранена. Мы отправили ссылку для подтверждения на { $email }.
    Откройте её в любом браузере — дальше я продолжу здесь автоматически.
onboarding-awaiting-hint = Жду, когда вы откроете ссылку из письма. Письмо не пришло? Проверьте папку «Спам» или нажмите одну из кнопок ниже.
button-resend = Отправить письмо ещё раз
button-change-email = Изменить почту
# Variables:
#   $email (String) - замаскированный адрес, например a…@acme.com
email-resent = Ссылка повторно отправлена на { $email }.
# Variables:
#   $email (String) - адрес, на который не удалось доставить письмо
email-delivery-failed = Не удалось доставить письмо с подтверждением на { $email }. Проверьте адрес или укажите другой.
email-confirmed = Ваша почта подтверждена. Спасибо!
email-confirmed-other = Только что подтверждена почта другой вашей организации.

# Способ оплаты описывает payment-method-description (ему передаются те же переменные).
onboarding-done =
    Готово: способ оплаты { payment-method-description } сохранён, никаких списаний не было.
    Теперь ваша организация может проводить сколько угодно мероприятий одновременно и приглашать участников. Чтобы создать ещё одну организацию, отправьте /new.
onboarding-cancelled-hint = Эта регистрация отменена. Чтобы начать заново, отправьте /new.
