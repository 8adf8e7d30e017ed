"""Where the section index pages may be created, declared by the app that owns the site's root page.

portal sits at the bottom of the stack and may not name a higher app's models, not even as a
string. The index pages therefore share this list as their `parent_page_types`, and the app
that defines the home page registers it from its AppConfig.ready(), before Wagtail first reads it.
"""

# Deliberately one list object: IndexPage.parent_page_types is this very list, filled in place.
SECTION_PARENT_PAGE_TYPES: list[str] = []


def register_section_parent(model_label):
    """Allow the section index pages (methods, networks, ...) under pages of `model_label`."""
    if model_label not in SECTION_PARENT_PAGE_TYPES:
        SECTION_PARENT_PAGE_TYPES.append(model_label)
