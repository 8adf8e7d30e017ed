"""Avatars' renditions read in one query with SQL compiled once per number of photos (people/renditions.py):
each photo gets its own renditions, Wagtail then finds them without a query, and a rendition made since
is read at the next view."""

from types import SimpleNamespace

import pytest
import wagtail_factories
from django.db.models.sql.compiler import SQLCompiler

from people.renditions import prefetch_renditions
from people.templatetags.people_tags import avatar
from portal import compiled

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept():
    compiled.forget()
    yield
    compiled.forget()


def fresh(image):
    """The image as a new view reads it: no renditions held from before."""
    return type(image).objects.get(pk=image.pk)


def test_each_photo_gets_its_own_renditions_and_avatars_then_ask_nothing(django_assert_num_queries):
    photos = [wagtail_factories.ImageFactory(title=f"Photo {n}") for n in range(3)]
    made = {photo.pk: photo.get_rendition("fill-80x80").url for photo in photos}
    photos[0].get_rendition("width-400")  # shown elsewhere (a profile's page): not an avatar's, not read
    read = [fresh(photo) for photo in photos] + [fresh(photos[0])]  # the same photo on two people
    with django_assert_num_queries(1):
        prefetch_renditions(small=[*read, None])
    for photo in read:
        assert [(rendition.image_id, rendition.filter_spec) for rendition in photo.prefetched_renditions] == [
            (photo.pk, "fill-80x80")
        ]
    with django_assert_num_queries(0):
        for photo in read:
            assert f'src="{made[photo.pk]}"' in avatar(SimpleNamespace(photo=photo, title="Ada Berg"))


def test_the_query_is_compiled_once_and_reads_renditions_made_since(monkeypatch):
    photos = [wagtail_factories.ImageFactory(title=f"Photo {n}") for n in range(2)]
    prefetch_renditions(large=[fresh(photo) for photo in photos])

    compiles = []
    as_sql = SQLCompiler.as_sql

    def counting(compiler, *args, **kwargs):
        sql, params = as_sql(compiler, *args, **kwargs)
        compiles.extend(["rendition"] if 'FROM "wagtailimages_rendition"' in sql else [])
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    large = photos[1].get_rendition("fill-96x96")  # made since the last view
    compiles.clear()
    later = [fresh(photo) for photo in photos]
    prefetch_renditions(large=later)
    assert compiles == []
    assert [rendition.pk for rendition in later[1].prefetched_renditions] == [large.pk]
    assert later[0].prefetched_renditions == []


def test_each_photo_gets_only_the_size_it_is_shown_in(django_assert_num_queries):
    """A network page shows its facilitators' cards with large avatars and its spokespersons with small
    ones: one query reads each photo's own size, not both for every photo."""
    photos = [wagtail_factories.ImageFactory(title=f"Photo {n}") for n in range(3)]
    for photo in photos:
        photo.get_rendition("fill-80x80"), photo.get_rendition("fill-96x96")
    small, large = [fresh(photos[0]), fresh(photos[1])], [fresh(photos[1]), fresh(photos[2])]
    with django_assert_num_queries(1):
        prefetch_renditions(small=small, large=large)
    assert [[r.filter_spec for r in photo.prefetched_renditions] for photo in small] == [["fill-80x80"], ["fill-80x80"]]
    assert [[r.filter_spec for r in photo.prefetched_renditions] for photo in large] == [["fill-96x96"], ["fill-96x96"]]
    with django_assert_num_queries(0):
        for photo in small:
            avatar(SimpleNamespace(photo=photo, title="Ada Berg"))
        for photo in large:
            avatar(SimpleNamespace(photo=photo, title="Ada Berg"), large=True)
