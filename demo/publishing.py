"""Publishing the demo's pages as Communications would after review.

A page published without a user reads "None" in the admin's reports (aging pages, site history); the demo
publishes as the Communications demo user, so those reports name who published each page, as they do on a
portal in use. Without the demo users (loading content alone) Wagtail records no user, as before.
"""

from django.contrib.auth import get_user_model

PUBLISHER = "communications"  # demo/management/commands/create_demo_users.py


def publish(page):
    user = get_user_model().objects.filter(username=PUBLISHER).first()
    page.save_revision(user=user).publish(user=user)
