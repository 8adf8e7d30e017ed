import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Welcome to Erfa"
    intro = "<p>Learning networks share what they have learned.</p>"
