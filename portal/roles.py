"""Erfa's roles as Django groups, created in code so that every installation has the same ones.

The README's "Roles" section describes what each role is for.
"""

from django.utils.translation import gettext_lazy as _

EMPLOYEES = "Employees"
RESOURCE_PERSONS = "Resource persons"
NETWORK_FACILITATORS = "Network facilitators"
COMMUNICATIONS = "Communications"

ROLE_DESCRIPTIONS = {
    EMPLOYEES: _("Read, rate, download and contact on the front end; no admin access."),
    RESOURCE_PERSONS: _("Edit their own profile, case studies and templates in the admin, and submit them for review."),
    NETWORK_FACILITATORS: _("Edit their own networks' pages and updates, and submit them for review."),
    COMMUNICATIONS: _("Approve, reject and publish anywhere; manage translations, snippets and documents."),
}

# Model-level permissions each group holds, as "app_label.codename".
ROLE_PERMISSIONS = {
    EMPLOYEES: [],
    RESOURCE_PERSONS: ["wagtailadmin.access_admin"],
    NETWORK_FACILITATORS: ["wagtailadmin.access_admin"],
    COMMUNICATIONS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
    ],
}
