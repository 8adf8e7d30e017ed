import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

from portal.warm import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()
# Wrapped as settings.WSGI_WRAPPERS name it, innermost first: the page cache's front door
# (caching/front_door.py) serves a signed-in reader's cached page before Django's handler.
for name in settings.WSGI_WRAPPERS:
    application = import_string(name)(application)
# Start-up's objects out of the garbage collector's full passes (portal/warm.py).
settle()
