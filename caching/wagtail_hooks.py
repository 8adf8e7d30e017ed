from wagtail import hooks

from caching import page_cache

# Marks a page Wagtail serves as one the page cache may keep (caching/page_cache.py).
hooks.register("before_serve_page", page_cache.mark_page)
