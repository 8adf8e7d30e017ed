from django.contrib.auth.decorators import login_not_required
from django.urls import path

from accounts.sso import views

# mozilla-django-oidc's URL names, which its views reverse. Open to visitors who are not signed in yet.
urlpatterns = [
    path("authenticate/", login_not_required(views.SignInView.as_view()), name="oidc_authentication_init"),
    path("callback/", login_not_required(views.CallbackView.as_view()), name="oidc_authentication_callback"),
    path("logout/", login_not_required(views.LogoutView.as_view()), name="oidc_logout"),
    path("logged-out/", login_not_required(views.logged_out), name="erfa_sso_logged_out"),
]
