"""Static files in production: WhiteNoise's compressed files under names that change with their content."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# More than the project has static files: names come from templates, never from readers.
MAX_KNOWN_URLS = 2048


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, with each file's URL worked out once per process.

    Every page names ten static files ({% static %}), and the manifest storage works each URL out again
    from the manifest on every call (split, unquote, join: some 150 Python calls). The manifest is read
    when the process starts and collectstatic runs before that, so a file's URL cannot change while the
    process lives.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._known_urls.get(name)
        if url is None:
            url = super().url(name)
            if len(self._known_urls) < MAX_KNOWN_URLS:
                self._known_urls[name] = url
        return url
