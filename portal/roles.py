"""Erfa's roles as Django groups, created in code so that every installation has the same ones.

The README's "Roles" section describes what each role is for; `manage.py setup_roles` applies what
is declared here (moderation/permissions.py does the work). Page permissions on index pages are declared
by the page models themselves through a protocol (PAGE_PERMISSIONS_ATTRIBUTE), because portal sits
below the apps that define them.

What each role may do:
- Employees: the front end only; no admin.
- Resource persons: add case studies and shareable templates, and edit (as drafts) only their own:
  those they created (page.owner) or where their profile is the listed contact (a case study's contact
  persons or content owner; a template's publisher or content owner). They edit their own profile,
  translate what they may edit, upload into the "Resource persons" collection, submit for review.
- Network facilitators: add networks, and edit (as drafts) only the networks they facilitate or
  created, and those networks' updates; translate what they may edit; submit for review.
- Communications: approve, reject and publish anywhere; topics, organisations, collections, documents,
  images, search promotions, translations; the site's reports.
- Administrators (superusers): everything, including users, groups and login lock-outs.

Writers hold only "add" on their sections' index pages, never "change": Wagtail then lets them edit
just the pages they created, and the page models widen that to the pages that are theirs in another
way (people/permissions.py). Nobody but Communications and administrators may publish.
"""


EMPLOYEES = "Employees"
RESOURCE_PERSONS = "Resource persons"
NETWORK_FACILITATORS = "Network facilitators"
COMMUNICATIONS = "Communications"

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

# Page permissions (wagtailcore codenames) on the root of the tree. Without publish_page, everything
# goes through moderation.
ROLE_ROOT_PAGE_PERMISSIONS = {
    COMMUNICATIONS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}

# The extension point for the content apps: a page model grants roles permissions on each of its pages,
# in every locale, by declaring this class attribute, e.g.
#     role_page_permissions = {RESOURCE_PERSONS: ["add_page"]}
# (portal sits below the apps that define the index pages, so it never names them). A writer's grant is
# "add" only: a "change" here would reach every page below, someone else's included.
PAGE_PERMISSIONS_ATTRIBUTE = "role_page_permissions"

# Wagtail's own default groups, which Erfa's roles replace, and the role their members move to: the
# closest one that gives no more than they had (Editors could edit but not publish).
WAGTAIL_DEFAULT_GROUPS = {"Moderators": COMMUNICATIONS, "Editors": RESOURCE_PERSONS}

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


# Roles that can publish or administer everything verify a second factor in the admin (accounts/two_factor.py);
# the page cache (caching/) reads the same rule, so it lives here, below both.
SECOND_FACTOR_ROLES = (COMMUNICATIONS,)


def requires_second_factor(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=SECOND_FACTOR_ROLES).exists()
