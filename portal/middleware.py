from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware


class IntranetLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every front-end view needs a signed-in user unless marked @login_not_required.

    Wagtail's admin guards its own views and sends visitors to its own login
    form, so its URLs are left to it.
    """

    admin_prefix = "/admin/"

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(self.admin_prefix):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PagePasswordReturnMiddleware:
    """The page-password form returns to a URL, never to whatever else its ``return_url`` says.

    Wagtail's view (wagtail.views.authenticate_with_password) redirects with django.shortcuts.redirect,
    which reads a value without "/" or "." as a URL name and fails with a server error when no URL has
    that name. The form always sends a path; any other value (typed by hand or by a script) goes where
    Wagtail sends an address from another site: settings.LOGIN_REDIRECT_URL.
    """

    view_name = "wagtailcore_authenticate_with_password"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.url_name != self.view_name:
            return None
        return_url = request.POST.get("return_url", "")
        if return_url and "/" not in return_url and "." not in return_url:
            data = request.POST.copy()
            data["return_url"] = settings.LOGIN_REDIRECT_URL
            request.POST = data
        return None
