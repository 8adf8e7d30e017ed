"""Erfa's settings.

Whatever differs between a laptop, tests and production is read from the environment here, and only
here. The README lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

from portal import csp_policy, languages, settings_sso, time_zones
from portal.env import env_bool, env_choice, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = env_bool("DJANGO_DEBUG", False)
# The test runner (scripts/run_tests.py, which `make test` calls) announces itself with this variable:
# tests then get a fixed development key, immediate tasks and no HTTPS redirects.
TESTING = env_bool("ERFA_TESTING", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-only-for-debug-mode-and-tests-0123456789"  # noqa: S105
    else:
        message = "SECRET_KEY is not set: set it to a long random string, or DJANGO_DEBUG=1 for local development."
        raise ImproperlyConfigured(message)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "wagtail.search",  # Ready first: search's ready() takes off the index handlers it connects (search/indexing.py).
    # Content areas, lowest first: each app may import only the ones before it (tests/portal/test_architecture.py).
    *("portal", "accounts", "moderation", "caching", "people", "methods"),
    *("networks", "digests", "casestudies", "meetings", "feedback", "discussion", "home", "search", "demo", "api"),
    *("wagtail_localize", "wagtail_localize.locales", "wagtail.contrib.redirects", "wagtail.contrib.search_promotions"),
    *("wagtail.embeds", "wagtail.sites", "wagtail.users", "wagtail.snippets", "wagtail.documents", "wagtail.images"),
    *("wagtail.admin", "wagtail.api.v2", "wagtail", "rest_framework"),
    # Login protection (accounts/): lock-outs after repeated failures, and a second factor.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    *("modelcluster", "taggit", "django_filters", "django_tasks_db"),
    *("django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "django.contrib.messages"),
    # humanize for its catalogues: Wagtail's editor says when a page was sent for review with its naturaltime.
    *("django.contrib.staticfiles", "django.contrib.humanize"),
    # Django 6.1's checks refuse Wagtail's PostgreSQL search fields without it.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.csp.AdminContentSecurityPolicyMiddleware",  # Inside the above: the admin's looser policy (portal/csp.py).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.fast_path.FastPathMiddleware",  # A reader's cached page, before the rest (caching/fast_path.py).
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",  # Django's, without a language prefix for the admin's 404s.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.middleware.ReaderHomeMiddleware",  # The bare address in the reader's own language once signed in.
    "portal.middleware.AdminLanguageMiddleware",  # The admin's language for the whole request, not only its views.
    "accounts.two_factor.TwoFactorRequiredMiddleware",
    "portal.middleware.IntranetLoginRequiredMiddleware",
    "portal.middleware.PagePasswordReturnMiddleware",  # No server error on a page-password return_url that is no URL.
    "portal.middleware.AdminSearchQueryLimitMiddleware",  # The admin's search text, one expression per word.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "caching.page_cache.PageCacheMiddleware",  # After sign-in, two-factor and messages; before routing.
    "moderation.aliases.AliasConversionGuardMiddleware",  # Only publishers convert to alias (moderation/aliases.py).
    "portal.page_chooser.PageChooserLanguageMiddleware",  # The page chooser opens on the edited page's language.
    "portal.machine_translation.MachineTranslationReportMiddleware",  # How much a machine translation did.
    "portal.translation_editor_dates.TranslationEditorDatesMiddleware",  # Its dates in the editor's language.
    "portal.middleware.SharedSiteMiddleware",
    "axes.middleware.AxesMiddleware",  # Last, as django-axes asks: a refused login becomes the lock-out page.
]

# Around Django's application, innermost first (portal/wsgi.py): portal/stack.py, then cached pages.
WSGI_WRAPPERS = ["portal.stack.RoomyStack", "caching.front_door.FrontDoor"]
ROOT_URLCONF = "portal.urls"
# Whose profile owns a content page (portal.models.ContentPageMixin), named here like AUTH_USER_MODEL.
ERFA_CONTENT_OWNER_MODEL = "people.ResourcePersonPage"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]
FORM_RENDERER = "portal.form_renderer.FormRenderer"  # Django's own form templates through Jinja2: same markup.
# --- Database ---------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    # The embedded default: a git-ignored SQLite file, so `make run` needs no server.
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'erfa.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # Connections stay open (a new one per request costs PostgreSQL three times a page's queries),
        # checked before first use in a request, so one the server dropped is replaced, not an error.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` serves requests in threads: readers do not wait for a writer (WAL), a transaction takes
    # the write lock when it starts, so two never deadlock upgrading a read lock, and a writer waits up
    # to 20 s for it instead of answering "database is locked". Opening the file is cheap: not kept.
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 0)
    _wal = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": _wal, "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):  # Short queries: a misjudged row estimate
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")  # JITs for seconds.
    # A query run five times on a connection is prepared, so PostgreSQL plans it once rather than on every
    # page: planning was most of its CPU for a listing. Off for a pooler that cannot keep them (PgBouncer
    # in transaction mode). The parameters go separately (server-side binding), so the text repeats.
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
_redis = {"BACKEND": "caching.redis_backend.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "erfa"}
_renditions = {**_redis, "BACKEND": "caching.redis_backend.RenditionsCache"}  # Wagtail's, written when changed.
_local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES = {"default": _redis, "renditions": _renditions} if REDIS_URL else _local

# Production sessions with Redis: read from it, written through to the database. Not on a per-process
# cache, which would keep a signed-out session alive in the other workers.
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if REDIS_URL and not DEBUG else 'db'}"
# Pages cached per permission class (caching/page_cache.py): on where all processes share the cache.
PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL) or TESTING)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Parts shared per permission class (portal/fragments.py), so too; development runs as one process.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", bool(REDIS_URL) or DEBUG or TESTING)

# --- Search -----------------------------------------------------------------
SEARCH_URLS = env_list("SEARCH_URLS", "http://127.0.0.1:9200")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "erfa_")
# Wagtail's backends, stemming each language by its rules (search/backends/); the worker indexes (search/indexing.py).
SEARCH_BACKEND, _search_module = env_choice(
    "SEARCH_BACKEND",
    {
        "database": "search.backends.database",
        "opensearch2": "search.backends.opensearch2",
        "elasticsearch8": "search.backends.elasticsearch8",
    },
    "database",
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": _search_module, "AUTO_UPDATE": False}}
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS["default"].update(
        {"URLS": SEARCH_URLS, "INDEX_PREFIX": SEARCH_INDEX_PREFIX, "TIMEOUT": env_int("SEARCH_TIMEOUT", 5)}
    )
# How many hits a search page ranks, filters by permission and counts facets over.
SEARCH_MAX_RESULTS = env_int("SEARCH_MAX_RESULTS", 200)
# How often each process writes its searches' counts for the report (search/query_log.py); 0: at once.
SEARCH_LOG_SECONDS = env_int("SEARCH_LOG_SECONDS", 0 if DEBUG else 10)

# --- Background tasks -------------------------------------------------------
# One task framework, Django's own (django.tasks): Wagtail queues search-index and reference-index
# updates as tasks, Erfa its e-mail retries and reminders. Production runs them in `manage.py db_worker`
# (django_tasks_db's database backend); development and tests run them at once.
TASKS_BACKEND, _tasks_backend = env_choice(
    "TASKS_BACKEND",
    {"immediate": "django.tasks.backends.immediate.ImmediateBackend", "database": "django_tasks_db.DatabaseBackend"},
    "immediate" if DEBUG or TESTING else "database",
)
TASKS = {"default": {"BACKEND": _tasks_backend}}

# --- Authentication ---------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}Validator"}
    for name in ("UserAttributeSimilarity", "MinimumLength", "CommonPassword", "NumericPassword")
]
if TESTING:  # Django's hasher spends ~1 s of CPU per password by design; tests create thousands.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
# Home, in the language of the reader's account or else of the login page (accounts/login.py).
LOGIN_REDIRECT_URL = reverse_lazy("wagtail_serve", args=[""])
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out username or address before any password is checked, on every login form; not
    # AxesStandaloneBackend: code that logs in with the first backend (Wagtail's tests) needs it to load users.
    "axes.backends.AxesBackend",
    # Passwords (refused when LOCAL_ACCOUNTS=0), then the identity provider's answers (accounts/sso/).
    *("accounts.sso.backends.LocalAccountsBackend", "accounts.sso.backends.SingleSignOnBackend"),
]
globals().update(settings_sso.from_environment(os.environ))  # Single sign-on: OIDC_*, LOCAL_ACCOUNTS.
# Lock-outs (django-axes): AXES_FAILURE_LIMIT failed logins lock the username, and as many from one
# address lock the address, for AXES_COOLOFF_MINUTES; an administrator can unlock sooner in the admin
# (Settings → Login lock-outs). AXES_LOCKOUT_PARAMETERS lists what is counted separately, comma-separated;
# "username+ip_address" would count each username at each address instead.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item for item in env_list("AXES_LOCKOUT_PARAMETERS", "username,ip_address")
]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Erfa has no Django admin; lock-outs are listed and lifted in Wagtail's (accounts/).
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# The client's address is REMOTE_ADDR, as axes reads it by default. Behind a TLS proxy (BEHIND_TLS_PROXY=1)
# that is the proxy's, so the address the proxy appended to X-Forwarded-For counts instead.
if env_bool("BEHIND_TLS_PROXY", False):
    AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_behind_proxy"
OTP_TOTP_ISSUER = "Erfa"  # Two-factor authentication (accounts/two_factor.py): the name authenticator apps show.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"  # Its password label in the admin's language.

# --- Languages --------------------------------------------------------------
LANGUAGE_CODE = languages.DEFAULT_LANGUAGE
# Each language is named in itself, so that a reader finds their own language (portal/languages.py).
LANGUAGES = languages.SETTINGS_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILAPI_LIMIT_MAX = env_int("API_LIMIT_MAX", 100)  # The most items one read API answer lists (api/).
# Content languages are named in the admin's language ("Engelsk" to a Danish editor): it speaks one throughout.
WAGTAIL_CONTENT_LANGUAGES = languages.CHOICES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# New translations start as drafts, so that they go through moderation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Erfa's own interface strings first, then Erfa's translations of the admin strings Wagtail and
# wagtail-localize ship untranslated (portal/admin_catalogues.py). Both load before the apps' own.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "portal" / "wagtail_locale"]

# Machine translation in the translation editor. The offline translator needs no network; the others
# take their options from the variables named here, the first of which they cannot do without.
MACHINE_TRANSLATOR, (_translator_class, _translator_options) = env_choice(
    "MACHINE_TRANSLATOR",
    {
        "offline": ("portal.machine_translation.OfflineTranslator", {}),
        # wagtail-localize's DeepL translator, with DEEPL_API_URL for another address.
        "deepl": (
            "portal.machine_translation.DeepLTranslator",
            {"AUTH_KEY": "DEEPL_API_KEY", "API_URL": "DEEPL_API_URL"},
        ),
        "libretranslate": (
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            {"LIBRETRANSLATE_URL": "LIBRETRANSLATE_URL", "API_KEY": "LIBRETRANSLATE_API_KEY"},
        ),
    },
    "offline",
)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": _translator_class,
    "OPTIONS": {option: os.environ.get(variable, "").strip() for option, variable in _translator_options.items()},
}
_required = next(iter(_translator_options.values()), None)
if _required and not os.environ.get(_required, "").strip():
    raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={MACHINE_TRANSLATOR} needs {_required}.")
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Stockholm")
WAGTAIL_USER_TIME_ZONES = time_zones.admin_time_zones()

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
if DEBUG or TESTING:  # WhiteNoise serves from the finders here, but warns at start-up when STATIC_ROOT is missing.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Nothing in MEDIA_ROOT is public. Django decides who may see each document, image and rendition
# (portal/media.py, Wagtail's document view), then hands the sending to django-sendfile2's backend: Django,
# nginx (X-Accel-Redirect to the `internal` location in deploy/nginx/erfa.conf) or Apache (X-Sendfile).
MEDIA_SERVE, SENDFILE_BACKEND = env_choice(
    "MEDIA_SERVE",
    {
        # Wagtail's streaming backend: django-sendfile2's own simple and development backends take only
        # paths as Path objects, which Wagtail's document view does not pass.
        "django": "wagtail.utils.sendfile_streaming_backend",
        "nginx": "django_sendfile.backends.nginx",
        "apache": "django_sendfile.backends.xsendfile",
    },
    "django",
)
SENDFILE_ROOT = str(MEDIA_ROOT)
# Where nginx's internal location reads MEDIA_ROOT from; only nginx needs a URL.
SENDFILE_URL = "/protected-media" if MEDIA_SERVE == "nginx" else None
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # Always through Wagtail's view, which applies the collections' privacy.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # Every document downloads (attachment); Wagtail shows PDFs inline.
# In production, WhiteNoise serves the collected files compressed, under names that change with their content.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
_static_storage = "django.contrib.staticfiles.storage.StaticFilesStorage"
if not WHITENOISE_USE_FINDERS:
    _static_storage = "portal.static_files.StaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _static_storage},
}

# --- E-mail -----------------------------------------------------------------
_email_host = os.environ.get("EMAIL_HOST", "")
if _email_host:
    _email_port = env_int("EMAIL_PORT", 587)
    _smtp = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email_host,
            "port": _email_port,
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", _email_port == 587),
            "use_ssl": env_bool("EMAIL_USE_SSL", _email_port == 465),
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        },
    }
    # With a task worker, a request only queues its e-mails (moderation notifications too) and the
    # worker meets the mail server (portal/mail.py); with immediate tasks they are sent at once.
    _queued = {"BACKEND": "portal.mail.QueuedEmailBackend"}
    MAILERS = {"outgoing": _smtp, "default": _queued if TASKS_BACKEND == "database" else _smtp}
else:
    # Without a mail server, e-mails are printed to the console (development) instead of lost.
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Erfa <erfa@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Erfa"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Workflow e-mails go to Communications and the submitter, not every superuser (templates/wagtailadmin/notifications/).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILDOCS_EXTENSIONS = ["docx", "odt", "xlsx", "ods", "pptx", "odp", "pdf", "txt", "md"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.document_form.DocumentForm"  # Checks a file's content, too.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Production hardening ---------------------------------------------------
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# Only a proxy that terminates TLS and overwrites X-Forwarded-Proto may be believed: otherwise any
# client could send the header and be taken for HTTPS (the README binds gunicorn to 0.0.0.0).
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
# Wagtail's live preview shows the page in a same-origin frame, which DENY would break.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Content-Security-Policy (portal/csp_policy.py): frames for video players (networks/blocks.py), forms to SSO.
CSP_REPORT_URL = "/csp-report/"
SECURE_CSP, ERFA_ADMIN_CSP = csp_policy.policies(
    CSP_REPORT_URL,
    form_targets=settings_sso.form_targets(os.environ),
    frame_sources=env_list(
        "CSP_FRAME_SOURCES", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
    ),
)
# No third-party calls from the browser: no Gravatar (it would receive a hash of each user's e-mail),
# and no check for new Wagtail releases from the admin's dashboard.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Search engines answer with a stack of retries when they are down; keep one line.
        "elastic_transport": {"level": "WARNING"}, "opensearch": {"level": "WARNING"},
        # One line per queued index update drowns the useful output of management commands.
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # Failed logins and lock-outs are warnings; the INFO lines repeat every successful login.
        "axes": {"level": "WARNING"},
    },
}
