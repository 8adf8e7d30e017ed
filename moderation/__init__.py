"""Moderation: the "Communications review" workflow, translations in review, and its e-mails.

- workflow.py: creates the workflow and assigns it to every locale's home page (run by setup_roles).
- names.py: the workflow's and task's names, stored in English and shown in each reader's language.
- The workflow e-mails are Wagtail's, which honour each user's notification preferences and language,
  in Erfa's wording and with the reviewer's comment: templates/wagtailadmin/notifications/; reader.py
  names a page by its title in the recipient's language.
- translations.py and views.py: translating a page one may edit, submitting a translation for review
  (wagtail-localize's editor can only publish), and a confirmation before publishing an incomplete one.
- The review as its people see it: decisions.py (the reviewer's confirmation after each decision, the
  reviewer's comment as a banner on the author's edit page until they resubmit), action_menu.py ("Withdraw
  from review" after the primary actions, the author's next step while their page waits), my_pages.py
  ("My pages in review", where writers land after submitting), aliases.py (no alias conversion past the
  review), and templates/wagtailadmin/ (the reviewer named in the status dialog, the banner).
"""
