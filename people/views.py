"""The directory's and the profile's routes. Thin: the rules live in directory.py, contact.py and relations.py."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people import contact, relations
from people import directory as people_directory
from people.forms import ContactMessageForm, DirectoryFilterForm
from people.vcard import person_vcard
from portal.listing import Listing

PRIVATE = "private, no-store"


def directory(request, page):
    everyone = page.people()
    network_relations = people_directory.network_relations()

    def find(people, filters):
        query = " ".join(people_directory.search_terms(filters.get("q", "")))
        return people_directory.for_cards(
            people_directory.apply_filters(people_directory.matching(people, query), filters, network_relations)
        )

    listing = Listing(
        request.GET,
        DirectoryFilterForm,
        everyone,
        find,
        form_kwargs={
            "topics": list(people_directory.topic_options(everyone)),
            "organisations": list(people_directory.organisation_options(everyone)),
            "networks": (
                None
                if network_relations is None
                else list(people_directory.network_options(page.locale_id, network_relations))
            ),
        },
    )
    return page.render(
        request,
        context_overrides={
            "people": listing.page,
            "filter_form": listing.form,
            "search_query": " ".join(people_directory.search_terms(listing.filters.get("q", ""))),
            "active_letter": listing.filters.get("letter", "").upper(),
            "letters": people_directory.initials(everyone),
            "is_filtered": listing.is_filtered,
            "autocomplete_url": page.get_url(request) + page.reverse_subpage("autocomplete"),
        },
    )


def autocomplete(request, page):
    base_url = page.get_url(request)
    rows = people_directory.suggestions(page.people(), request.GET.get("q", ""))
    response = JsonResponse(
        {
            "results": [
                {
                    "name": row["title"],
                    "job_title": row["job_title"],
                    "organisation": row["organisation__name"] or "",
                    "url": f"{base_url}{row['slug']}/",
                }
                for row in rows
            ]
        }
    )
    response["Cache-Control"] = PRIVATE
    return response


def profile_context(request, person, form=None):
    profile_url = person.get_url(request)
    is_owner = person.is_owned_by(request.user)
    return {
        "networks": relations.networks_with_roles(person),
        "case_studies": relations.case_studies(person),
        "shared_templates": relations.shared_templates(person),
        "contact_form": form or ContactMessageForm(),
        "can_message": bool(person.email) and request.user.is_authenticated,
        "message_url": profile_url + person.reverse_subpage("message"),
        "vcard_url": profile_url + person.reverse_subpage("vcard"),
        "is_owner": is_owner,
        "confirm_details_url": profile_url + person.reverse_subpage("confirm_details"),
        "asks_for_review": is_owner and person.is_review_overdue(),
    }


def profile(request, person):
    response = person.render(request, context_overrides=profile_context(request, person))
    response["Cache-Control"] = PRIVATE
    return response


def vcard(request, person):
    response = HttpResponse(
        person_vcard(person, person.get_full_url(request)), content_type="text/vcard; charset=utf-8"
    )
    filename = slugify(person.title) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    response["Cache-Control"] = PRIVATE
    return response


def send_message(request, person):
    if request.method != "POST" or not person.email:
        return redirect(person.get_url(request))
    form = ContactMessageForm(request.POST)
    status = 200
    if form.is_valid():
        if contact.is_rate_limited(request.user):
            form.add_error(
                None,
                _(
                    "You have sent %(count)s messages in the last hour, which is as many as Erfa allows. "
                    "Your text is kept below: please send it a little later."
                )
                % {"count": contact.RATE_LIMIT},
            )
            status = 429
        else:
            message = contact.send_message(
                sender=request.user,
                recipient=person,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                send_copy=form.cleaned_data["send_copy"],
            )
            if message.is_delivered:
                messages.success(request, _("Your message has been sent to %(name)s.") % {"name": person.title})
            else:
                messages.success(
                    request,
                    _(
                        "Your message to %(name)s is saved. The mail server did not answer just now, "
                        "so Erfa will deliver it as soon as it can; you do not need to send it again."
                    )
                    % {"name": person.title},
                )
            return redirect(person.get_url(request))
    response = person.render(request, context_overrides=profile_context(request, person, form=form))
    response.status_code = status
    response["Cache-Control"] = PRIVATE
    return response


@require_POST
def confirm_details(request, person):
    if not person.is_owned_by(request.user):
        raise PermissionDenied
    relations.confirm_review(person, date.today())
    messages.success(request, _("Thank you. Your details are confirmed as up to date."))
    return redirect(person.get_url(request))
