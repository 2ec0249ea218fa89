# Variables:
#   $name (String) - название организации
email-confirm-subject = Подтвердите адрес почты организации { $name } в { -product-name }
# Variables:
#   $name (String) - название организации
email-confirm-intro = Пожалуйста, подтвердите, что этот адрес принадлежит организации «{ $name }» в { -product-name }.
email-confirm-action = Подтвердить почту
# Variables:
#   $hours (Number) - сколько часов действует ссылка
email-confirm-expiry =
    Ссылка действует { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    }.
email-confirm-signature = Команда { -product-name }
# Variables:
#   $name (String) - название организации
email-confirm-preheader = Подтвердите почту одним нажатием, чтобы продолжить регистрацию организации «{ $name }».
email-confirm-link-hint = Если кнопка не работает, скопируйте эту ссылку в адресную строку браузера:
email-confirm-next-heading = Что дальше
email-confirm-next = После подтверждения вернитесь в чат: там вас ждёт следующий шаг регистрации.
