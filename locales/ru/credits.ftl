# The trial credit: granted, not eligible, already used, left, used up.
# Amounts are currency numbers formatted for the locale by the translator.

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = Вам начислен бонус на пробный период для домена { $domain }: { $amount }. Он расходуется на ваши мероприятия в первую очередь, до любых списаний со способа оплаты.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = Бонус на пробный период для этой организации не начислен: { $domain } — бесплатный почтовый сервис, а бонус положен только корпоративным адресам. Чтобы получить его, создайте организацию с рабочим адресом (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = Бонус на пробный период для этой организации не начислен: { $domain } — сервис одноразовой почты, а бонус положен только корпоративным адресам. Чтобы получить его, создайте организацию с рабочим адресом (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = Бонус на пробный период для домена { $domain } уже использован: он начисляется один раз на домен компании.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Остаток бонуса на пробный период: { $remaining } из { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Бонус на пробный период ({ $amount }) израсходован. Добавьте способ оплаты, чтобы ваши мероприятия продолжали работать.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = Бонус на пробный период ({ $amount }) организации «{ $name }» израсходован. Добавьте способ оплаты для «{ $name }», чтобы её мероприятия продолжали работать.
credit-button-add-payment = Получить ссылку для оплаты
