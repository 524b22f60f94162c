import factory
import wagtail_factories
from django.utils.text import slugify

from core.models import GeneralPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    title_fr = "Accueil"
    title_en = "Home"
    slug = "accueil"
    slug_fr = "accueil"
    slug_en = "home"
    hero_title_fr = "Conseil en opérations client"
    hero_title_en = "Customer operations consulting"
    hero_text_fr = "Nous structurons vos opérations client."
    hero_text_en = "We structure your customer operations."

    class Meta:
        model = HomePage


class TranslatedPageFactory(wagtail_factories.PageFactory):
    """Pages whose French and English titles and slugs are given side by side."""

    title_fr = factory.Sequence(lambda n: f"Page {n}")
    title_en = factory.LazyAttribute(lambda o: f"{o.title_fr} (en)")
    title = factory.SelfAttribute("title_fr")
    slug_fr = factory.LazyAttribute(lambda o: slugify(o.title_fr))
    slug_en = factory.LazyAttribute(lambda o: slugify(o.title_en))
    slug = factory.SelfAttribute("slug_fr")

    class Meta:
        abstract = True


class GeneralPageFactory(TranslatedPageFactory):
    introduction_fr = "Une page de texte."
    introduction_en = "A page of text."

    class Meta:
        model = GeneralPage
