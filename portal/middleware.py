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
