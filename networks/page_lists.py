"""What a network page lists, read in a fixed number of queries however many rows it has.

Gatherings, expectations, members, spokespersons, documents, topics, updates, the registered
sections (networks/links.py) and the content owner come from one query (portal.together); the
facilitators' person cards from two (the people and their topics). Three in all, with 3 members or
30. They are the same for every reader of one permission class and language, so they are kept and
shared (portal.fragments.for_page). Only what is the reader's own is read on every view, in one more
query: whether they follow the network, and their part in the examples' anchoring (the units they
speak for).

People are listed as the reader may see them (portal.visibility): not under a restriction they do not
pass, and not hidden from the directory (see people/apps.py for why a hidden person is not named here
either). Inline rows of a translated page still point at the source language's profiles: each person
is shown in the page's language where that version is live and visible, read in the same query.
"""

from django.db.models import Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from networks import anchoring, evaluation, expectation_words, following, links
from networks.models.participation import GatheringResponse, HiddenCloudWord
from networks.teams.summary import team_lists, team_parts, team_rows_for
from people.models import ResourcePersonPage
from people.models.profile_routes import IMAGE_FIELDS
from people.renditions import prefetch_renditions
from people.review_footer import content_owner_part, keep_content_owner
from portal import card_lists, compiled, fragments
from portal.models import Organisation
from portal.page_keys import page_key
from portal.together import Part, kept_together
from portal.visibility import visibility_for

GATHERING_FIELDS = ("translation_key", "title", "start", "end", "place", "online_link", "agenda", "assignment")
DOCUMENT_FIELDS = ("collection", "title", "file", "file_size", "file_hash")
SPOKESPERSON_FIELDS = ("title", "job_title", "url_path", "translation_key", "locale", "live", "photo")
UPDATE_FIELDS = ("title", "url_path", "kind", "date", "summary")


def _ids(rows, attname):
    """The ids a relation's rows point at: a subquery, or a list for a preview's in-memory rows."""
    if isinstance(rows, QuerySet):
        return rows.values(attname)
    return [getattr(row, attname) for row in rows if getattr(row, attname) is not None]


def people_versions(network, visibility, person_ids):
    """The visible profiles named by `person_ids`, and their versions in the network's language."""
    named = Q(pk__in=person_ids)
    here = Q(
        locale_id=network.locale_id,
        translation_key__in=ResourcePersonPage.objects.filter(pk__in=person_ids).values("translation_key"),
    )
    return visibility.filter(ResourcePersonPage.objects.filter(named | here))


class LocalizedPeople:
    """Looks up a row's person among people_versions: None when the reader may not see them, else the
    version in the network's language where there is one."""

    def __init__(self, network, people):
        self.by_pk = {person.pk: person for person in people}
        self.here = {person.translation_key: person for person in people if person.locale_id == network.locale_id}
        self.locale_id = network.locale_id

    def __call__(self, person_id):
        person = self.by_pk.get(person_id)
        if person is None or person.locale_id == self.locale_id:
            return person
        return self.here.get(person.translation_key, person)


def following_part(viewer, network):
    """Whether the reader follows the network (the follow button), read in the same one query."""
    user = getattr(viewer, "user", None)
    return following.following_part(user, network)


def network_lists(network, viewer=None):
    shared = fragments.for_page(network, viewer, "network-lists", lambda: shared_lists(network, viewer))
    # The reader's own parts name the reader and the network and nothing else (portal.compiled).
    user = getattr(viewer, "user", None)
    signed_in = bool(user is not None and user.is_authenticated and user.is_active)
    own_key = ("network-own", network.pk, network.translation_key, getattr(user, "pk", None), signed_in)
    own = kept_together(
        None if getattr(viewer, "is_preview", False) or not network.pk else own_key,
        lambda: {"following": following_part(viewer, network), **anchoring.role_parts(viewer, network)},
    )
    # The review footer's person, kept with the lists: given to the page each time, as the page is new each time.
    keep_content_owner(network, shared["owner"])
    lists = {name: value for name, value in shared.items() if name not in ("tracker_parts", "owner")}
    if not fragments.active():
        # Without shared parts every avatar is rendered on every view: their renditions in one query,
        # rather than a cache read each. (Kept parts hold the rendered avatars, so they need none.)
        prefetch_renditions(**avatar_photos(lists))
    return {
        **lists,
        **anchoring.tracker(
            {**shared["tracker_parts"], **own},
            lists["members"],
            lists["gatherings"],
            lambda example, key: network.anchor_url(example, viewer, key),
        ),
        "following": bool(own["following"]),
        # The same rows for every reader, but a team reads its own plan's "Sent back" (networks/teams/access.py).
        "teams": team_rows_for(user, network, lists["teams"]),
    }


def shared_parts(network, viewer, visibility):
    """What shared_lists reads, as portal.together parts."""
    spokesperson_rows = network.spokespersons.all()
    member_rows = network.members.all()
    document_rows = network.documents.all()
    organisation_ids = Q(pk__in=_ids(member_rows, "organisation_id")) | Q(
        pk__in=_ids(spokesperson_rows, "organisation_id")
    )
    spokespersons = people_versions(network, visibility, _ids(spokesperson_rows, "person_id"))
    return dict(
        gatherings=Part(network.gatherings.all(), GATHERING_FIELDS),
        expectations=Part(network.expectations.all(), ("phrase", "weight")),
        # What participants wrote at sign-up, and what the facilitator hid: the word cloud grows from both.
        signup_expectations=Part(GatheringResponse.objects.cloud_of(network), ("expectations", "language")),
        hidden_words=Part(HiddenCloudWord.objects.filter(network_key=network.translation_key), ("phrase",)),
        facilitator_rows=Part(network.facilitators.all(), ("person", "role_title")),
        spokesperson_rows=Part(spokesperson_rows, ("person", "organisation")),
        spokespersons=Part(spokespersons, SPOKESPERSON_FIELDS),
        # The spokespersons' photos, for their avatars; renditions come from Wagtail's rendition cache.
        spokesperson_photos=Part(
            get_image_model().objects.filter(pk__in=spokespersons.values("photo_id")), IMAGE_FIELDS
        ),
        member_rows=Part(member_rows, ("organisation", "team")),
        organisations=Part(Organisation.objects.filter(organisation_ids), ("name", "region", "translation_key")),
        document_rows=Part(document_rows, ("document", "kind", "title")),
        documents=Part(get_document_model().objects.filter(pk__in=_ids(document_rows, "document_id")), DOCUMENT_FIELDS),
        topics=Part(network.topics.all(), ("name",)),
        updates=Part(network.updates(visibility), UPDATE_FIELDS),
        owner=content_owner_part(network),
        evaluation_scores=evaluation.answers_part(network),
        **links.network_section_parts(network, visibility),
        # The examples carried home and their anchorings (networks/anchoring.py).
        **anchoring.example_parts(network, viewer),
        **team_parts(network),
    )


def shared_lists(network, viewer):
    """The network page's lists as any reader of `viewer`'s permission class sees them."""
    visibility = visibility_for(viewer)
    # Built and compiled once per process for this network, language and reader class (portal.compiled).
    kept_as = page_key("network-lists", network, viewer, network.has_ended())
    found = kept_together(kept_as, lambda: shared_parts(network, viewer, visibility))
    photos = {image.pk: image for image in found["spokesperson_photos"]}
    for person in found["spokespersons"]:
        if person.photo_id in photos:
            person.photo = photos[person.photo_id]
    # Person cards as people.directory.for_cards reads them, but the photos' renditions come from Wagtail's
    # rendition cache: prefetched into the shared lists, they would be kept without those made later.
    facilitators_key = kept_as and (*kept_as, "facilitators")
    people = compiled.rows(
        facilitators_key,
        lambda: people_versions(network, visibility, _ids(network.facilitators.all(), "person_id")).select_related(
            "photo", "organisation"
        ),
    )
    # Their cards' topics with SQL kept under the same key, not prefetched (compiled) on every view.
    card_lists.attach(people, (card_lists.CardList("card_topics", "topics"),), facilitators_key)
    cards = LocalizedPeople(network, people)
    return {
        "tracker_parts": {name: found[name] for name in anchoring.EXAMPLE_PARTS if name in found},
        "owner": found["owner"],
        "facilitators": [
            {"person": person, "role": row.role_title}
            for row in found["facilitator_rows"]
            if (person := cards(row.person_id)) is not None
        ],
        "members": member_list(network, found),
        "gatherings": sorted(found["gatherings"], key=lambda gathering: gathering.start),
        "expectations": expectation_words.cloud_entries(
            found["expectations"], found["signup_expectations"], [row.phrase for row in found["hidden_words"]]
        ),
        "documents": document_list(found),
        "network_topics": found["topics"],
        "updates": found["updates"],
        "network_sections": links.network_sections(found),
        "evaluation_summary": evaluation.aggregate([row.would_join_again for row in found["evaluation_scores"]]),
        **team_lists(network, viewer, found),
    }


def avatar_photos(lists):
    """The photos of the people the page shows with an avatar, by its size: the facilitators' cards
    large, the spokespersons in the members table small."""
    facilitators = [entry["person"] for entry in lists["facilitators"]]
    spokespersons = [person for member in lists["members"] for person in member["spokespersons"]]
    return {
        "large": [person.photo for person in facilitators if person.photo_id and person.photo],
        "small": [person.photo for person in spokespersons if person.photo_id and person.photo],
    }


def member_list(network, found):
    """Members in their editor's order, each with the spokespersons the reader may see who speak for it."""
    organisations = {organisation.pk: organisation for organisation in found["organisations"]}
    person = LocalizedPeople(network, found["spokespersons"])
    # Organisations are translatable snippets: match across languages by translation key.
    by_organisation = {}
    for row in found["spokesperson_rows"]:
        if (spokesperson := person(row.person_id)) is None:
            continue
        organisation = organisations.get(row.organisation_id)
        key = organisation.translation_key if organisation else None
        by_organisation.setdefault(key, []).append(spokesperson)
    members = []
    for row in found["member_rows"]:
        organisation = organisations.get(row.organisation_id)
        if organisation is None:
            continue
        members.append(
            {
                "organisation": organisation,
                "team": row.team,
                "spokespersons": by_organisation.get(organisation.translation_key, []),
            }
        )
    return members


def document_list(found):
    documents = {document.pk: document for document in found["documents"]}
    rows = []
    for row in found["document_rows"]:
        document = documents.get(row.document_id)
        if document is not None:
            row.document = document
            rows.append(row)
    return rows
