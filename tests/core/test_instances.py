"""Pages built from rows skip modelcluster's scan for child objects (core/instances.py); built with child objects,
they keep them, as modelcluster makes them."""

from articles.factories import ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor, ArticlePage


def test_child_objects_given_by_keyword_are_kept_in_memory(person):
    topic = TopicFactory()
    article = ArticlePage(title="Brouillon", authors=[ArticleAuthor(person=person)], topics=[topic])
    assert [author.person for author in article.authors.all()] == [person]
    assert list(article.topics.all()) == [topic]
    assert article.pk is None


def test_a_page_loaded_from_its_row_reads_its_fields_and_its_children(news_index, person):
    saved = ArticlePageFactory(parent=news_index, title_fr="Publié", authors=[person])
    loaded = ArticlePage.objects.get(pk=saved.pk)
    assert loaded.title == "Publié"
    assert [author.person_id for author in loaded.authors.all()] == [person.pk]


def test_a_draft_revision_keeps_its_authors(news_index, person):
    # A revision's page is rebuilt with its child objects given by keyword.
    article = ArticlePageFactory(parent=news_index, authors=[person])
    draft = article.save_revision().as_object()
    assert [author.person_id for author in draft.authors.all()] == [person.pk]
