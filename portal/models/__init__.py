from portal.models.content import ContentPageMixin
from portal.models.index import IndexPage
from portal.models.snippets import Organisation, Topic

__all__ = ["ContentPageMixin", "IndexPage", "Organisation", "Topic"]
