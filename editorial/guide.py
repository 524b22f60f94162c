"""The firm's own editor's guide (docs/editors.md, docs/editors.en.md) in the admin, in the editor's language: the
help menu opens it instead of Wagtail's generic guide. The Markdown files stay the single source; the pictures are
the ones the browser tests take (docs/images)."""

import re

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from core import languages

DOCS = settings.BASE_DIR / "docs"
GUIDES = {"fr": "editors.md", "en": "editors.en.md"}
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


def render_guide(language):
    """The guide in ``language`` as HTML (raw HTML in the Markdown is escaped), its links and pictures pointed at
    the admin's own URLs."""
    source = (DOCS / GUIDES[language]).read_text(encoding="utf-8")
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(source)
    guide = reverse("editor_guide")
    for code, name in GUIDES.items():
        html = html.replace(f'href="{name}"', f'href="{guide}?lang={code}"')
    return re.sub(
        r'src="images/([a-z0-9-]+\.png)"', lambda m: f'src="{reverse("editor_guide_image", args=[m[1]])}"', html
    )


def editor_guide(request):
    language = request.GET.get("lang") or translation.get_language()
    if language not in GUIDES:
        language = languages.DEFAULT
    if not (DOCS / GUIDES[language]).exists():
        raise Http404
    return TemplateResponse(
        request,
        "editorial/guide.html",
        {"header_title": _("Editor's guide"), "language": language, "guide": render_guide(language)},
    )


def editor_guide_image(request, name):
    path = DOCS / "images" / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
