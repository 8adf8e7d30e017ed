"""The demo knowledge bank that `manage.py load_demo_content` builds from the data files in content/.

Facts come from the seed documents; every sentence is our own, every person invented. Each item is
written in its original language with an English rendering beside it, and the English pages are made
from those renderings through wagtail-localize, as an editor would.
"""
