from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index

from people.models import ResourcePersonPage


@receiver(post_save, sender=ResourcePersonPage)
def remove_hidden_person_from_search(sender, instance, **kwargs):
    # get_indexed_objects() keeps hidden people out of a full reindex; this takes out one just hidden.
    if instance.hidden_from_directory:
        index.remove_object(instance)
