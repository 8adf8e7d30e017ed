import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from portal import roles


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    # UserFactory(role=roles.COMMUNICATIONS) puts the user in that role's group.
    role = factory.PostGeneration(lambda user, create, extracted, **kwargs: add_role(user, create, extracted))


def add_role(user, create, role_name):
    if create and role_name:
        user.groups.add(Group.objects.get_or_create(name=role_name)[0])


class EmployeeFactory(UserFactory):
    role = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: add_role(user, create, extracted or roles.EMPLOYEES)
    )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portal.Topic"

    name = factory.Sequence(lambda n: f"Topic {n}")
    locale = factory.LazyFunction(lambda: Locale.get_default())


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portal.Organisation"

    name = factory.Sequence(lambda n: f"Workplace {n}")
    region = "Skåne"
    locale = factory.LazyFunction(lambda: Locale.get_default())
