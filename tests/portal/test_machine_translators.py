"""DeepL and LibreTranslate, configured as the README says, against a local server that speaks their HTTP API.

The stand-in answers like the real services (the same request and response shapes), so these tests
catch a change in how wagtail-localize calls them or in how Erfa configures them, without a network.
"""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.models import HomePage

pytestmark = pytest.mark.django_db

# What the stand-in "knows"; anything else comes back marked with the target language, as a machine
# translation would come back changed.
PHRASES = {
    ("sv", "Methods"): "Metoder",
    ("sv", "methods"): "metoder",
    ("sv", "Ways of working we trust."): "Arbetssätt vi litar på.",
}


def answer(target, text):
    return PHRASES.get((target.lower(), text), f"[{target.lower()}] {text}")


class StandIn(BaseHTTPRequestHandler):
    """DeepL's POST /v2/translate (form or JSON) and LibreTranslate's POST /translate (JSON)."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body)
        else:
            params = parse_qs(body)
        self.server.calls.append((self.path, dict(self.headers), params))
        if self.server.failure:  # (status, body): the service answers an error, as when it is overloaded
            status, body = self.server.failure
            return self.reply(status, body)
        if self.path == "/v2/translate":
            if self.headers.get("Authorization") != "DeepL-Auth-Key test-key":
                return self.reply(403, {"message": "Wrong key"})
            target = params["target_lang"][0] if isinstance(params["target_lang"], list) else params["target_lang"]
            texts = params["text"] if isinstance(params["text"], list) else [params["text"]]
            return self.reply(
                200, {"translations": [{"detected_source_language": "EN", "text": answer(target, t)} for t in texts]}
            )
        if self.path == "/translate":
            if params.get("api_key") != "libre-key":
                return self.reply(403, {"error": "Invalid API key"})
            return self.reply(200, {"translatedText": [answer(params["target"], q) for q in params["q"]]})
        return self.reply(404, {"error": "Not found"})

    def reply(self, status, payload):
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html" if isinstance(payload, str) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    server.calls = []
    server.failure = None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def base_url(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def translate_methods_into_swedish(admin_client):
    from methods.factories import MethodIndexPageFactory

    methods = MethodIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"),
        title="Methods",
        summary="Ways of working we trust.",
        intro="<p>Pick one and <b>try it</b>.</p>",
    )
    swedish = Locale.objects.get(language_code="sv")
    admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[methods.pk]), {"locales": [swedish.pk]})
    translation = Translation.objects.get(source__object_id=methods.translation_key, target_locale=swedish)
    response = admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    return translation


def filled_segments(translation):
    return dict(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list("translation_of__data", "data")
    )


def test_deepl_fills_every_segment_with_its_answers(admin_client, site_tree, stand_in, settings):
    from portal.machine_translation import DeepLTranslator

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "test-key", "API_URL": base_url(stand_in) + "/v2/translate"},
    }
    assert DeepLTranslator({"AUTH_KEY": "k:fx"}).get_api_endpoint() == "https://api-free.deepl.com/v2/translate"

    translation = translate_methods_into_swedish(admin_client)

    segments = filled_segments(translation)
    assert segments["Methods"] == "Metoder"
    assert segments["Ways of working we trust."] == "Arbetssätt vi litar på."
    assert segments["Pick one and <b>try it</b>."] == "[sv] Pick one and <b>try it</b>."
    total, done = translation.get_progress()
    assert done == total
    assert set(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list("tool_name", "translation_type")
    ) == {("DeepL", StringTranslation.TRANSLATION_TYPE_MACHINE)}
    path, headers, params = stand_in.calls[0]
    assert path == "/v2/translate"
    assert params["source_lang"] == ["EN"] and params["target_lang"] == ["SV"]


def test_libretranslate_fills_every_segment_with_its_answers(admin_client, site_tree, stand_in, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": base_url(stand_in), "API_KEY": "libre-key"},
    }

    translation = translate_methods_into_swedish(admin_client)

    segments = filled_segments(translation)
    assert segments["Methods"] == "Metoder"
    assert segments["Pick one and <b>try it</b>."] == "[sv] Pick one and <b>try it</b>."
    total, done = translation.get_progress()
    assert done == total
    path, headers, params = stand_in.calls[0]
    assert path == "/translate"
    assert (params["source"], params["target"], params["format"]) == ("en", "sv", "html")


def test_the_settings_take_the_addresses_from_the_environment(settings):
    code = (
        "import django, os; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'], s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['OPTIONS'])"
    )
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings"}
    deepl = {"MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "k", "DEEPL_API_URL": "http://deepl.internal/v2/translate"}
    libre = {"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "http://libre.internal"}
    for extra, expected in ((deepl, "http://deepl.internal/v2/translate"), (libre, "http://libre.internal")):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env={**os.environ, **env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert expected in result.stdout
