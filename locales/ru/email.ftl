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
#   $inviter (String) - кто пригласил: адрес владельца
email-invite-subject = { $inviter } приглашает вас в организацию { $name } на { -product-name }
# Variables:
#   $name (String) - название организации
#   $inviter (String) - кто пригласил: адрес владельца
email-invite-intro = { $inviter } приглашает вас присоединиться к организации «{ $name }» на { -product-name }, чтобы участвовать в её видеоконференциях и мероприятиях.
email-invite-action = Присоединиться
# Variables:
#   $days (Number) - сколько действует приглашение
email-invite-expiry =
    Приглашение действует { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }.
email-invite-ignore = Не ждали этого письма? Просто не обращайте на него внимания: пока вы не нажмёте кнопку, ничего не произойдёт.
email-invite-opt-out = Не хотите больше получать приглашения от { -product-name }?
# Variables:
#   $name (String) - organization name
#   $inviter (String) - who invited: the owner's email address
email-invite-preheader = { $inviter } приглашает вас в организацию { $name }: откройте приглашение одним нажатием.
email-invite-next = Кнопка откроет страницу с приглашением; вы присоединитесь, когда нажмёте там «Присоединиться».
