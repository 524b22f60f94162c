"""One search document per live page and language, kept current on publish."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.models import Page


class SearchDocument(models.Model):
    """The text of a page in one language, as the site search reads it.

    A page has a document in a language only once it is written in that
    language: French fallbacks are never indexed as English text.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title = models.TextField()
    text = models.TextField(blank=True)
    # Accent-free, lower-case words (SQLite matching and a cheap pre-filter).
    plain = models.TextField(blank=True)
    # PostgreSQL full-text vector built with the language's own configuration.
    vector = SearchVectorField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="one_search_document_per_language")]

    def __str__(self):
        return f"{self.title} [{self.language}]"
