# Бонус на пробный период (en: trial credit): начислен, не положен, уже использован,
# остаток, израсходован. Суммы форматирует переводчик по правилам локали.
# «Бонус», а не «кредит»: «кредит» по-русски — заём (см. locales/GLOSSARY.md).

# Variables:
#   $amount (Number) - the trial credit granted, a currency amount
#   $domain (String) - the registrable domain of the confirmed address
credit-granted = Вам начислен бонус на пробный период — { $amount } для домена { $domain }. Мероприятия сначала оплачиваются из бонуса и только потом — с вашего способа оплаты.
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-free = Для этой организации бонус на пробный период не начислен: { $domain } — бесплатный почтовый сервис, а бонус начисляется только на корпоративные адреса. Чтобы получить его, создайте организацию с рабочим адресом (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-not-eligible-disposable = Для этой организации бонус на пробный период не начислен: { $domain } — сервис одноразовой почты, а бонус начисляется только на корпоративные адреса. Чтобы получить его, создайте организацию с рабочим адресом (/new).
# Variables:
#   $domain (String) - the registrable domain of the confirmed address
credit-already-used = Бонус на пробный период для домена { $domain } уже использован: он начисляется один раз на домен компании.
# Variables:
#   $remaining (Number) - the credit left, a currency amount
#   $amount (Number) - the credit granted, a currency amount
credit-left = Остаток бонуса на пробный период: { $remaining } из { $amount }.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
credit-exhausted = Бонус на пробный период ({ $amount }) израсходован. Добавьте способ оплаты, чтобы мероприятия проходили без перерыва.
# The credit of an organization other than the one the user is on now ran out.
# Variables:
#   $amount (Number) - the credit granted, a currency amount
#   $name (String) - the organization's name
credit-exhausted-org = Бонус на пробный период ({ $amount }) организации «{ $name }» израсходован. Добавьте для неё способ оплаты, чтобы мероприятия проходили без перерыва.
credit-button-add-payment = Получить ссылку на оплату
