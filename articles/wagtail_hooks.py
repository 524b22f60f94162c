from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name_fr", "name_en", "slug_fr", "slug_en"]
    search_fields = ["name_fr", "name_en"]


register_snippet(TopicViewSet)
