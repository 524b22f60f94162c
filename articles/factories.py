import datetime
import json

import factory
from factory.django import DjangoModelFactory

from articles.models import AnalysisIndexPage, ArticleAuthor, ArticleIndexPage, ArticlePage, Topic
from core.factories import TranslatedPageFactory


class TopicFactory(DjangoModelFactory):
    name_fr = factory.Sequence(lambda n: f"Sujet {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name = factory.SelfAttribute("name_fr")
    slug_fr = factory.Sequence(lambda n: f"sujet-{n}")
    slug_en = factory.Sequence(lambda n: f"topic-{n}")
    slug = factory.SelfAttribute("slug_fr")

    class Meta:
        model = Topic


class ArticleIndexPageFactory(TranslatedPageFactory):
    title_fr = "Actualités"
    title_en = "News"
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class AnalysisIndexPageFactory(TranslatedPageFactory):
    title_fr = "Analyses"
    title_en = "Analyses"
    show_in_menus = True

    class Meta:
        model = AnalysisIndexPage


def stream(*blocks):
    """Raw StreamField data from (type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


class ArticlePageFactory(TranslatedPageFactory):
    title_fr = factory.Sequence(lambda n: f"Article numéro {n}")
    title_en = factory.Sequence(lambda n: f"Article number {n}")
    standfirst_fr = "Un chapeau en français."
    standfirst_en = "A standfirst in English."
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    body_fr = factory.LazyFunction(lambda: stream(("paragraph", "<p>Texte de l’article.</p>")))
    body_en = factory.LazyFunction(lambda: stream(("paragraph", "<p>Article text.</p>")))

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                ArticleAuthor.objects.create(page=self, person=person)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def offices(self, create, extracted, **kwargs):
        if create and extracted:
            self.offices.set(extracted)
            self.save()
