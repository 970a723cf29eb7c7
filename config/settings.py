"""Settings for the incident attribution tracker, read from the environment (see README)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# --- Everything read from the environment -------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
REQUIRE_SERVICES = env.bool("REQUIRE_SERVICES", default=False)
IMPORT_ALLOW_PRIVATE_ADDRESSES = env.bool("IMPORT_ALLOW_PRIVATE_ADDRESSES", default=False)
API_THROTTLE_ANON = env.str("API_THROTTLE_ANON", default="120/minute")
API_THROTTLE_USER = env.str("API_THROTTLE_USER", default="1200/minute")
# Django's cache (throttling, cached anonymous API answers): per process unless CACHE_URL names Redis.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["default"].setdefault("OPTIONS", {"MAX_ENTRIES": 5000})
# Seconds an anonymous API answer may stay cached (incidents.api_cache; always invalidated by writes); 0: off.
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=300)
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=200)

if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-development-key-only-used-when-DJANGO_DEBUG=1"  # noqa: S105
# Without a key outside debug, management commands that need none (migrate, makemigrations) still run;
# serving refuses to start (config/startup.py, called by wsgi.py and asgi.py).

# --- Applications -----------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "axes",
    "attribution",
    "incidents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # 413 for a body larger than any import, from its Content-Length, before a byte is read (incidents/uploads.py).
    "incidents.uploads.RequestSizeLimitMiddleware",
    # An anonymous API read whose rendered answer is cached is answered here, with its stored headers, before
    # sessions, CSRF, authentication and DRF run; the anonymous throttles still apply (incidents/api_cache.py).
    "incidents.api_cache.CachedAnswerMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: counts failed sign-ins and locks out a user + address that keeps failing.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while locked out (admin and HTTP Basic alike)
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES["default"].setdefault("ATOMIC_REQUESTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections (a new backend per request costs more than most of our queries), checked
    # before reuse; JIT off, since it only adds compile time to this application's short queries.
    # DATABASE_URL's own ?conn_max_age= and ?options= take precedence.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# --- Deployment: HTTPS behind a proxy (docs/deploy.md) -----------------------------------------------------
# On by default outside debug; DJANGO_HTTPS=0 serves plain HTTP (tests, benchmarks, a local run).
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # the proxy terminates TLS and says so
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp) on every page: nothing loaded or run from elsewhere, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],  # inline styles of the admin and the case reports
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Sign-in throttling (django-axes): 5 failures for one user from one address lock them out for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# --- REST API (config/api.py) -----------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: unauthenticated requests then get 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["config.api_policies.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "config.api_policies.CursorPagination",
    "DEFAULT_THROTTLE_CLASSES": ["config.api_policies.AnonThrottle", "config.api_policies.UserThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Cyber-incident attribution tracker API",
    "DESCRIPTION": (
        "Incidents, who attributed them to whom, the accused's reactions and the consequences, each tied "
        "to a quoted source. Records above your TLP clearance do not exist for you (404)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "config.api.document_errors"],
    # One schema name per codebook vocabulary (fields of the same name use different ones).
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"attribution.codebook.{name}"
        for name in [
            "DatePrecision",
            "PartyKind",
            "IncidentType",
            "TargetCategory",
            "CaseStatus",
            "ReviewStatus",
            "AttributorType",
            "AttributionChannel",
            "AttributionLevel",
            "AttributionBasis",
            "AttributionStance",
            "Confidence",
            "ReactionStance",
            "ConsequenceKind",
            "ConsequenceStatus",
            "SourceKind",
            "Reliability",
            "Tlp",
            "Severity",
            "ExternalIdSystem",
        ]
    }
    | {"CountryCodeEnum": "attribution.countries.COUNTRY_CHOICES"},
}

# --- Background workers (config/celery.py) --------------------------------------------------------------
# Without a broker, tasks run in process as soon as they are queued (the demo needs no broker).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# `celery -A config beat` reads its schedule from the database (editable in the admin: Periodic tasks).
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
# A job whose worker dies goes back to the queue; tasks claim their job, so a second run is harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Redis hands an unacknowledged message (its worker died) to another worker after the visibility timeout;
# workers look for such messages every restore interval x throttle seconds (kombu's defaults: 10 x 10).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
    "unacked_mutex_expire": env.int("CELERY_UNACKED_MUTEX_EXPIRE", default=300),
}
# With the broker down, the web tier must answer at once (503) rather than hang: connections give up after
# a few seconds, a silent broker (half-open connection, hung server) after the socket timeout (above
# Redis's 1 s blocking reads), and a publish after two quick retries; submissions first check that the
# broker answers (incidents.services.import_queue_check). Workers keep reconnecting until it is back.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=3)
CELERY_BROKER_TRANSPORT_OPTIONS["socket_connect_timeout"] = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS["socket_timeout"] = env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=10)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
# Workers load the STIX validator when they start (its schemas take seconds), not on the first STIX job.
CELERY_WORKER_PRELOAD_STIX_VALIDATOR = env.bool("CELERY_WORKER_PRELOAD_STIX_VALIDATOR", default=True)

# --- Imports --------------------------------------------------------------------------------------------
IMPORT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_REDIRECTS = 5
IMPORT_TIMEOUT_SECONDS = 20
# Import jobs (a whole dataset) may run longer than other tasks.
IMPORT_TASK_SOFT_TIME_LIMIT = env.int("IMPORT_TASK_SOFT_TIME_LIMIT", default=900)
IMPORT_TASK_TIME_LIMIT = env.int("IMPORT_TASK_TIME_LIMIT", default=960)
# At most this many new entries of one feed become import jobs per poll (the rest wait for the next).
FEED_MAX_NEW_ENTRIES = env.int("FEED_MAX_NEW_ENTRIES", default=100)
# A running job whose worker stopped reporting for this long may be taken over by another worker.
IMPORT_JOB_LEASE_SECONDS = env.int("IMPORT_JOB_LEASE_SECONDS", default=CELERY_TASK_TIME_LIMIT + 30)
