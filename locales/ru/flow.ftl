## Уточняющие вопросы разговора до того, как ответ принят, и что он говорит,
## когда оплата или служба поддержки недоступны.

# Variables:
#   $email (String) - the support address customers can write to
support-contact = Нужна помощь? Напишите на { $email }, и сотрудник нашей команды ответит вам по почте. А пока можно продолжать здесь.

# Variables:
#   $email (String) - the address with its domain corrected
#   $domain (String) - the domain as the user typed it
email-did-you-mean = Может быть, вы имели в виду { $email }? Похоже, в «{ $domain }» опечатка.
# Variables:
#   $email (String) - the address with its domain corrected
button-use-suggestion = Использовать { $email }
button-keep-as-typed = Оставить как написано
button-keep-email = Оставить этот адрес

# Variables:
#   $name (String) - organization name
name-duplicate = У вас уже есть организация «{ $name }». Использовать это название всё равно или ввести другое?
button-use-name-anyway = Всё равно использовать
button-other-name = Ввести другое название

# Variables:
#   $name (String) - organization name
cancel-confirm-saved = Отменить регистрацию? Организация «{ $name }» сохранена, но её адрес ещё не подтверждён: она будет отменена, а ссылка для подтверждения перестанет работать.
# Variables:
#   $name (String) - organization name
cancel-confirm-confirmed = Остановиться? Организация «{ $name }» уже подтверждена и останется как есть; способ оплаты можно будет добавить позже.
# Variables:
#   $name (String) - organization name
cancel-done-confirmed = Готово. Организация «{ $name }» остаётся подтверждённой. Чтобы создать ещё одну, отправьте /new.

# Variables:
#   $email (String) - the support address customers can write to
onboarding-ready-no-payment =
    Ваша организация готова к работе, способ оплаты пока не нужен.
    Когда захотите его добавить, напишите нам на { $email }, и мы поможем всё настроить. Чтобы создать ещё одну организацию, отправьте /new.
payment-unavailable = Сейчас не получается создать ссылку для оплаты. Всё, что вы ввели, сохранено; отправьте /start чуть позже, чтобы попробовать снова.

## The confirmation email: the organization is already saved when it goes out.
email-confirm-ignore-saved = Если вы ничего не запрашивали, просто проигнорируйте это письмо: без подтверждения этот адрес не используется, а организация не активируется.
