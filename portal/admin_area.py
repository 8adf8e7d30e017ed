"""Where Wagtail's admin lives.

portal/urls.py mounts the admin here, and the middleware that treats the admin apart (its login, its
language, its Content-Security-Policy, the page cache's fast path) asks `in_admin`, so that moving the
admin is a change in one place.
"""

ADMIN_PATH = "admin/"
ADMIN_PREFIX = "/" + ADMIN_PATH


def in_admin(request):
    return request.path_info.startswith(ADMIN_PREFIX)
