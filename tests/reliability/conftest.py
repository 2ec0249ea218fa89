# The payment fixtures (a user at the payment step, the Stripe double) serve
# the crash tests here too.
from tests.payments.conftest import payer, paying, stripe_double  # noqa: F401
