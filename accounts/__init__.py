"""Login protection: lock-outs after repeated failed logins, and a second factor for the admin's strongest roles.

lockout.py shapes django-axes' lock-out page and lists and lifts lock-outs; two_factor.py says who needs a
second factor and enforces it in the admin; views.py holds the admin views for both, which
portal/wagtail_hooks.py registers.
"""
