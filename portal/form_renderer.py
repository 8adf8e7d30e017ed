"""Django's own form and widget templates rendered by Jinja2; every other form template as before.

Django ships its form templates twice, for its template language and for Jinja2, with the same markup
(its own test suite renders every widget with both). Through the template language, the comment and
feedback forms at the end of every content page and a method's rating cost about a tenth of the page's
CPU: a radio group alone is some forty nested templates, each resolving its variables name by name.
Jinja2 compiles a template to Python code once. Only the templates under `django/forms/` go to it:
Wagtail's admin widgets are written for the template language and keep Django's engine, found where
Django's default renderer finds them.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2

DJANGOS_OWN = "django/forms/"


class FormRenderer(BaseRenderer):
    def __init__(self):
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name):
        renderer = self.jinja2 if template_name.startswith(DJANGOS_OWN) else self.django
        return renderer.get_template(template_name)
