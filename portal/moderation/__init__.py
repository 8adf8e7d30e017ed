"""Moderation: the "Communications review" workflow and its e-mails.

- workflow.py: creates the workflow and assigns it to every locale's home page (run by setup_roles).
- The workflow e-mails are Wagtail's, which honour each user's notification preferences and language,
  in Erfa's wording and with the reviewer's comment: templates/wagtailadmin/notifications/.
- views.py: submitting a translation for review, since wagtail-localize's editor can only publish.
"""
