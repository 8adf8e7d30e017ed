import factory
import wagtail_factories
from django.utils.text import slugify

from people.models import ResourcePersonIndexPage, ResourcePersonPage, SpokenLanguage
from portal.factories import OrganisationFactory


class ResourcePersonIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePersonIndexPage

    title = "Resource persons"
    slug = "people"


class ResourcePersonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePersonPage

    title = factory.Faker("name")
    # Names repeat (Faker has only so many); the sequence keeps two profiles with one name apart.
    slug = factory.LazyAttributeSequence(lambda person, n: f"{slugify(person.title)}-{n}")
    job_title = "Social worker"
    organisation = factory.SubFactory(OrganisationFactory)
    ask_me_about = "Reflection meetings after home visits."
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+46 8 123 45 67"
    summary = "Runs reflection meetings."


class SpokenLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpokenLanguage

    person = factory.SubFactory(ResourcePersonPageFactory)
    language = "sv"
