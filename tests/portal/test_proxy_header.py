"""X-Forwarded-Proto counts only behind a TLS proxy that says so (BEHIND_TLS_PROXY=1)."""

from tests.portal.test_settings import PRODUCTION_ENV, manage

# In production mode, as a deployment starts: a plain-HTTP request that claims HTTPS through the header.
PROBE = (
    "from django.test import Client; "
    "response = Client().get('/healthz', headers={'X-Forwarded-Proto': 'https'}, HTTP_HOST='erfa.example.org'); "
    "print('secure' if response.wsgi_request.is_secure() else 'plain')"
)


def secure_per_header(**env):
    result = manage("shell", "--no-imports", "-c", PROBE, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_forwarded_proto_header_is_ignored_by_default():
    assert secure_per_header() == "plain"
    assert secure_per_header(BEHIND_TLS_PROXY="0") == "plain"


def test_the_forwarded_proto_header_counts_behind_a_configured_tls_proxy():
    assert secure_per_header(BEHIND_TLS_PROXY="1") == "secure"
