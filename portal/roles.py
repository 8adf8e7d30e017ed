"""Erfa's roles as Django groups, created in code so that every installation has the same ones.

The README's "Roles" section describes what each role is for; `manage.py setup_roles` applies what
is declared here. Page permissions are granted on index pages found by model name through the app
registry, because portal sits below the apps that define them and may not import them.
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

# Model-level permissions each group holds, as "app_label.codename". Lists are complete: setup_roles
# removes anything else a group has picked up, so that a role means the same everywhere.
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
        # Topics and organisations are Communications-only snippets (see the README for why).
        "portal.add_topic",
        "portal.change_topic",
        "portal.delete_topic",
        "portal.add_organisation",
        "portal.change_organisation",
        "portal.delete_organisation",
    ],
}

# Page permissions (wagtailcore codenames) per group, on every page of the given models, in every locale.
# "page" means the root of the tree. Without publish_page, everything goes through moderation.
ROLE_PAGE_PERMISSIONS = {
    RESOURCE_PERSONS: {
        "casestudies.CaseStudyIndexPage": ["add_page", "change_page"],
        "methods.ShareableTemplateIndexPage": ["add_page", "change_page"],
    },
    # Narrowed to the facilitator's own networks by NetworkPage.permissions_for_user.
    NETWORK_FACILITATORS: {
        "networks.NetworkIndexPage": ["add_page", "change_page"],
    },
    COMMUNICATIONS: {
        "root": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    },
}

# Collection permissions per group: {collection name ("root" for the root collection): [permissions]}.
# Resource persons and facilitators upload into their own collection (and may edit what they uploaded,
# as Wagtail lets owners do); they may choose any image or document for their pages.
ROLE_COLLECTION_PERMISSIONS = {
    RESOURCE_PERSONS: {
        "Resource persons": ["wagtaildocs.add_document", "wagtailimages.add_image"],
        "root": ["wagtaildocs.choose_document", "wagtailimages.choose_image"],
    },
    NETWORK_FACILITATORS: {
        "Network facilitators": ["wagtaildocs.add_document", "wagtailimages.add_image"],
        "root": ["wagtaildocs.choose_document", "wagtailimages.choose_image"],
    },
    COMMUNICATIONS: {
        "root": [
            "wagtailcore.add_collection",
            "wagtailcore.change_collection",
            "wagtailcore.delete_collection",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.delete_document",
            "wagtaildocs.choose_document",
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.delete_image",
            "wagtailimages.choose_image",
        ],
    },
}

# Who approves in the "Communications review" workflow.
MODERATORS = COMMUNICATIONS
