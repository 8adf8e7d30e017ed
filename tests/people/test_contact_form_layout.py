"""The contact form's "Send me a copy" box sits with its words: inside its label, right before them."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_copy_checkbox_is_inside_its_label_before_the_words(person, employee_client):
    html = employee_client.get(person.url).content.decode()
    form = html[html.index('<section class="contact-form"') :]
    form = form[: form.index("</section>")]
    label = re.search(r"<label[^>]*>((?:(?!</label>).)*Send me a copy)\s*</label>", form, re.S)
    assert label is not None, "the words are not in a label"
    checkbox = re.fullmatch(r'\s*(<input type="checkbox" name="send_copy"[^>]*>)\s*Send me a copy', label.group(1))
    assert checkbox is not None, label.group(0)
    # The label points at the box too, so assistive technology names it and a click ticks it.
    box_id = re.search(r'id="([^"]+)"', checkbox.group(1)).group(1)
    assert f'for="{box_id}"' in label.group(0)
    # Not in a .form-field wrapper, whose inputs stretch to the full width of the form.
    wrapper = form[: form.index(label.group(0))]
    assert wrapper.rstrip().endswith('<div class="form-check">')


def test_text_fields_keep_their_label_above_the_field(person, employee_client):
    html = employee_client.get(person.url).content.decode()
    assert re.search(r'<div class="form-field">\s*<label for="contact-subject"', html)
