import factory
from django.utils.text import slugify

from core.factories import TranslatedPageFactory
from people.models import PeopleIndexPage, PersonPage


class PeopleIndexPageFactory(TranslatedPageFactory):
    title_fr = "Équipe dirigeante"
    title_en = "Leadership"
    show_in_menus = True

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(TranslatedPageFactory):
    full_name = factory.Sequence(lambda n: f"Personne Numéro{n}")
    title_fr = factory.SelfAttribute("full_name")
    title_en = factory.SelfAttribute("full_name")
    slug_fr = factory.LazyAttribute(lambda o: slugify(o.full_name))
    slug_en = factory.LazyAttribute(lambda o: slugify(o.full_name))
    role_fr = "Directeur associé"
    role_en = "Partner"
    organisation = "OswegO"
    biography_fr = "<p>Biographie.</p>"
    biography_en = "<p>Biography.</p>"

    class Meta:
        model = PersonPage
