from portal.models.content import ContentPageMixin, card_image_field
from portal.models.index import IndexPage
from portal.models.snippets import Organisation, Topic

__all__ = ["ContentPageMixin", "IndexPage", "Organisation", "Topic", "card_image_field"]
