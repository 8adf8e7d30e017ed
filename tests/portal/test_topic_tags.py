"""`{% topic_tags %}` (portal_tags): the topics of a card, a profile or a page, each a tag, names escaped."""

from types import SimpleNamespace

from django.template import engines


def render(source, **context):
    return engines["django"].from_string("{% load portal_tags %}" + source).render(context)


def test_each_topic_is_a_tag_in_the_element_asked_for_and_its_name_is_escaped():
    topics = [SimpleNamespace(name="Vård & omsorg"), SimpleNamespace(name="<Kunskapsdelning>")]
    assert render("{% topic_tags topics %}", topics=topics) == (
        '<span class="tag">Vård &amp; omsorg</span><span class="tag">&lt;Kunskapsdelning&gt;</span>'
    )
    assert render('<ul>{% topic_tags topics "li" %}</ul>', topics=topics) == (
        '<ul><li class="tag">Vård &amp; omsorg</li><li class="tag">&lt;Kunskapsdelning&gt;</li></ul>'
    )
    assert render("{% topic_tags topics %}", topics=[]) == ""
