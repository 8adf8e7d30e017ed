"""Moderation: the "Communications review" workflow, translations in review, and its e-mails.

- workflow.py: creates the workflow and assigns it to every locale's home page (run by setup_roles).
- names.py: the workflow's and task's names, stored in English and shown in each reader's language.
- The workflow e-mails are Wagtail's, which honour each user's notification preferences and language,
  in Erfa's wording and with the reviewer's comment: templates/wagtailadmin/notifications/; reader.py
  names a page by its title in the recipient's language.
- translations.py and views.py: translating a page one may edit, submitting a translation for review
  (wagtail-localize's editor can only publish), and a confirmation before publishing an incomplete one.
"""
