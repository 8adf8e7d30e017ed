from portal.models.content import ContentPageMixin
from portal.models.snippets import Organisation, Topic

__all__ = ["ContentPageMixin", "Organisation", "Topic"]
