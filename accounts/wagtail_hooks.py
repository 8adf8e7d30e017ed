from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from accounts import views as security_views


@hooks.register("register_admin_urls")
def register_login_protection_urls():
    return [
        path("two-factor/enrol/", security_views.enrol, name="erfa_two_factor_enrol"),
        path("two-factor/verify/", security_views.verify, name="erfa_two_factor_verify"),
        path("lockouts/", security_views.LockoutsView.as_view(), name="erfa_lockouts"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return AdminOnlyMenuItem(
        _("Login lock-outs"), reverse("erfa_lockouts"), name="login-lock-outs", icon_name="lock", order=900
    )
