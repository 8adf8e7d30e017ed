"""A profile's own URLs: the page itself (with the message form), its vCard, sending a message, and the
owner's "my details are right". Wagtail routes them to these methods of the page (RoutablePageMixin).

The rules live in people/contact.py (sending, rate limit) and people/vcard.py; what the profile links
to in other apps comes through people/links.py.
"""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model

from people import contact, links
from people.forms import ContactMessageForm
from people.review_footer import content_owner_part, keep_content_owner
from people.vcard import person_vcard
from portal import fragments
from portal.i18n import reader_page_url
from portal.models import Organisation
from portal.page_keys import page_key
from portal.together import Part

# What the profile's photo needs to find or make its rendition, without a query of its own.
IMAGE_FIELDS = (
    "collection",
    "title",
    "file",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "description",
)

# Profiles carry contact details for signed-in colleagues only: never kept by shared caches.
PRIVATE = "private, no-store"


class ProfileRoutesMixin(RoutablePageMixin):
    def profile_lists(self, viewer):
        """Everything the profile lists, and what its template shows of related rows, in one query."""
        return links.profile_lists(
            self,
            viewer,
            # Compiled once per process for this profile, language and reader class (portal.compiled).
            kept_as=page_key("profile-lists", self, viewer),
            own_parts=lambda: {
                "topics": Part(self.topics.all(), ("name",)),
                "languages": Part(self.spoken_languages.all(), ("language",)),
                "organisation": Part(
                    Organisation.objects.filter(pk=self.organisation_id) if self.organisation_id else [], ("name",)
                ),
                "photo": Part(
                    get_image_model().objects.filter(pk=self.photo_id) if self.photo_id else [], IMAGE_FIELDS
                ),
                "owner": content_owner_part(self),
            },
        )

    def profile_context(self, request, form=None):
        profile_url = reader_page_url(self, request)
        is_owner = self.is_owned_by(request.user)
        # The same for every reader of one permission class and language (portal.fragments).
        lists = fragments.for_page(self, request, "profile-lists", lambda: self.profile_lists(request))
        keep_content_owner(self, lists["owner"])
        if lists["organisation"]:
            self.organisation = lists["organisation"][0]
        if lists["photo"]:
            self.photo = lists["photo"][0]
        return {
            "networks": lists["networks"],
            "profile_sections": lists["profile_sections"],
            "profile_topics": lists["topics"],
            "language_names": [language.get_language_display() for language in lists["languages"]],
            "contact_form": form or ContactMessageForm(),
            # No form to write to oneself: the owner sees their profile as colleagues do, less the form.
            "can_message": bool(self.email) and request.user.is_authenticated and not is_owner,
            "message_url": profile_url + self.reverse_subpage("message"),
            "vcard_url": profile_url + self.reverse_subpage("vcard"),
            "is_owner": is_owner,
            # Only an owner the admin lets in: an employee who owns a profile would meet its login page.
            "may_edit": is_owner
            and request.user.has_perm("wagtailadmin.access_admin")
            and self.permissions_for_user(request.user).can_edit(),
            "confirm_details_url": profile_url + self.reverse_subpage("confirm_details"),
            "asks_for_review": is_owner and self.is_review_overdue(),
        }

    def render_profile(self, request, form=None, status=200):
        response = self.render(request, context_overrides=self.profile_context(request, form=form))
        response.status_code = status
        response["Cache-Control"] = PRIVATE
        return response

    @path("")
    def profile(self, request):
        return self.render_profile(request)

    @path("vcard/", name="vcard")
    def vcard(self, request):
        response = HttpResponse(
            person_vcard(self, reader_page_url(self, request, full=True)), content_type="text/vcard; charset=utf-8"
        )
        # Spelt in ASCII first, as Wagtail makes slugs: Django's slugify drops "æ", "ø", "ð" ("mette-kjrgaard").
        name = slugify(string_to_ascii(self.title)) or "contact"
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.vcf")
        response["Cache-Control"] = PRIVATE
        return response

    @path("message/", name="message")
    def message(self, request):
        if request.method != "POST" or not self.email:
            return redirect(reader_page_url(self, request))
        form = ContactMessageForm(request.POST)
        if not form.is_valid():
            return self.render_profile(request, form=form)
        try:
            # The count and the save are one transaction, with the sender's row locked (people/contact.py).
            message = contact.send_message(
                sender=request.user,
                recipient=self,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                send_copy=form.cleaned_data["send_copy"],
            )
        except contact.RateLimited:
            form.add_error(
                None,
                _(
                    "You have sent %(count)s messages in the last hour, which is as many as Erfa allows. "
                    "Your text is kept below: please send it a little later."
                )
                % {"count": contact.RATE_LIMIT},
            )
            return self.render_profile(request, form=form, status=429)
        # Sent, or queued for the task worker: only a failed attempt is worth the reader's attention.
        if message.is_delivered or not message.last_error:
            messages.success(request, _("Your message has been sent to %(name)s.") % {"name": self.title})
        else:
            messages.success(
                request,
                _(
                    "Your message to %(name)s is saved. The mail server did not answer just now, "
                    "so Erfa will deliver it as soon as it can; you do not need to send it again."
                )
                % {"name": self.title},
            )
        # To the top of the content, where the confirmation is: the form's own fragment would otherwise stay.
        return redirect(reader_page_url(self, request) + "#main")

    @path("confirm-details/", name="confirm_details")
    def confirm_details_view(self, request):
        if request.method != "POST":
            # The button's address opened as a link goes to the profile, not to an empty 405.
            return redirect(reader_page_url(self, request))
        if not self.is_owned_by(request.user):
            raise PermissionDenied
        self.confirm_details(date.today())
        messages.success(request, _("Thank you. Your details are confirmed as up to date."))
        return redirect(reader_page_url(self, request))
