"""What every page shares: the abstract base page, the home page, the general page, the site settings and the menus."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, PagePermissionTester, PageViewRestriction, Site
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core import languages, navigation
from core.blocks import MenuLinkBlock, convert_with_page_links, general_body_blocks, home_section_blocks
from core.forms import BasePageForm
from core.navigation import CARRIED_PARAMETERS
from core.panels import LinkPreviewPanel, SharePanel, TranslationStatusPanel
from core.prepared import prepared


class OwnPagesPermissionTester(PagePermissionTester):
    """Wagtail's rules, and one of the firm's: whoever may not publish here deletes only pages they own (an editor
    deletes their own drafts, never a colleague's). Every Delete button and action asks this, so none is offered
    that would lead to a refusal."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or self.can_publish():
            return True
        return not self.page.get_descendants(inclusive=True).exclude(owner=self.user).exists()


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request`` (installed over it in ``core.apps``), but the site's home page loads
    whole only when it is the page asked for: on the way to another page its own row (the sections, in three
    columns) is not read. The result is kept on the request, as Wagtail keeps its own."""
    if not hasattr(request, "_oswego_route"):
        result = None
        try:
            site = Site.find_for_request(request)
            if site is not None:
                components = [component for component in path.split("/") if component]
                root = site.root_page.localized
                start = root.specific_deferred if components else navigation.specific(root)
                result = start.route(request, components)
                if result is not None and not getattr(site, "any_view_restriction", True):
                    # No page has a view restriction (read with the site): Wagtail's check before serving needs
                    # no query.
                    result.page.no_view_restrictions = True
        except Http404:
            result = None
        request._oswego_route = result
    return request._oswego_route


class BasePage(Page):
    """Abstract base of every public page: share image, summaries and translation state."""

    social_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share image"),
        help_text=_("Shown when a link to this page is shared (1200×630 works best)."),
    )

    content_panels = [TranslationStatusPanel(), *Page.content_panels]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
        LinkPreviewPanel(),
        SharePanel(),
    ]

    # Open Graph type of the page; articles say "article".
    og_type = "website"
    # The query parameters that change what the page shows (a filter, a page number): each combination is cached
    # on its own; any other parameter is served the page without it (caching/cache.py). Every page declares the
    # tracked link's and the channel's parameters: its contact links carry them on (core.navigation).
    cache_query_parameters = CARRIED_PARAMETERS
    # A listing that must not be seen empty (the case studies before the first one): while it has no live child it
    # answers 404 and stays out of the menus and the sitemap (core.navigation.empty_listings).
    hide_while_empty = False
    base_form_class = BasePageForm
    # Related rows the page served reads anyway (its hero image, a person's photo): loaded with its own row
    # (core.navigation.specific) instead of in a query each.
    served_select_related = ()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """wagtail-modeltranslation's routing by the translated slug, asking the database for the one child.

        Its own ``route`` loads every child of each page on the path and compares ``child.slug`` in Python; this
        finds the child whose slug, in the reader's language or else in the first fallback language that has one
        (French), is the path's next component, the first in the tree's order as there. A page on the way loads
        only its Page row; the page served loads in full. Installed over the library's in ``core.apps``.
        """
        navigation.note_routed(request, self)
        if isinstance(self, RoutablePageMixin) and self.live:
            try:
                path = "/" + "".join(f"{component}/" for component in path_components)
                view, args, kwargs = self.resolve_subpage(path)
                return RouteResult(self, args=(view, args, kwargs))
            except Http404:
                pass
        if not path_components:
            if self.live:
                return RouteResult(self)
            raise Http404
        child_slug, remaining = path_components[0], path_components[1:]
        # A link's columns (and the tree's child count, to route further): a page on the way is a link in the
        # breadcrumbs, and the page served loads whole.
        if self.is_leaf():
            raise Http404
        first, last = self._get_children_path_interval(self.path)
        child = next(iter(_child_with_slug(first, last, self.depth + 1, child_slug)), None)
        if child is None:
            raise Http404
        on_the_way = remaining and not issubclass(child.specific_class or Page, RoutablePageMixin)
        return (navigation.as_specific(child) if on_the_way else navigation.specific(child)).route(request, remaining)

    def get_view_restrictions(self):
        """Wagtail's rule — the restrictions of this page and of its ancestors, an alias taking its source page's —
        in one query instead of two: the ancestors are the prefixes of the page's path. (Wagtail points an alias
        of an alias at the source page, so one step resolves every alias.)"""
        if getattr(self, "no_view_restrictions", False):
            return PageViewRestriction.objects.none()
        if not self.path:
            return super().get_view_restrictions()
        return _view_restrictions([self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)])

    def get_summary(self):
        """One or two sentences that describe the page in listings and link previews."""
        return ""

    def get_meta_description(self):
        return self.search_description or self.get_summary()

    def get_share_kicker(self):
        """The small line above the title on the generated share image: the section's name."""
        parent = self.get_parent()
        return parent.title if parent is not None and parent.depth > 2 else "OswegO"

    def get_share_figure(self):
        """A (value, label) key figure for the share image, or None."""
        return None

    def get_share_visual(self):
        """The image shown beside the title on the generated share image (an article's hero), or None."""
        return None

    def get_structured_data(self, request):
        """schema.org nodes describing this page (JSON-LD); the organisation and breadcrumbs are added for all."""
        return []

    def get_cache_dependents(self):
        """Live pages that show this one without linking to it (an automatic fill, a listing by tag): they go stale
        when it changes. Its ancestors, descendants and links are found without this (caching/)."""
        return []

    def get_alternate_query(self, request, language):
        """Query string that identifies this view in ``language`` (filters, page numbers)."""
        return ""

    def permissions_for_user(self, user):
        return OwnPagesPermissionTester(user, self)

    def has_translation(self, language):
        """A page counts as translated into a language once its title is written in it.

        The default language always counts: it is the fallback of every field.
        """
        if language == languages.DEFAULT:
            return True
        return bool(getattr(self, build_localized_fieldname("title", language), None))

    # --- Images and their text alternatives -----------------------------------
    def image_alt(self, image, alt_field, decorative=False):
        """What a screen reader says for one of the page's images: nothing for a decorative one, otherwise the
        editor's text in the reader's language (French when English is empty), else the image's own description."""
        if image is None or decorative:
            return ""
        return getattr(self, alt_field, "") or image.default_alt_text

    def image_alt_errors(self, image, alt_field, decorative=False):
        """A missing text alternative, per language field: French always, English once the page has an English
        title. A decorative image needs none."""
        if image is None or decorative:
            return {}
        message = _("Describe the image for people who cannot see it, or tick “decorative”.")
        errors = {}
        for code in languages.CODES:
            if code != languages.DEFAULT and not self.has_translation(code):
                continue
            field = build_localized_fieldname(alt_field, code)
            if not (getattr(self, field, "") or "").strip():
                errors[field] = message
        return errors

    # --- Editing in two languages --------------------------------------------
    @property
    def preview_modes(self):
        """“Français” and “English”: preview what each reader gets, whatever the admin language."""
        return [(code, languages.autonym(code)) for code in languages.CODES]

    @property
    def default_preview_mode(self):
        return languages.DEFAULT

    def serve_preview(self, request, mode_name):
        language = mode_name if languages.is_known(mode_name) else self.default_preview_mode
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # Render now, inside the language: a TemplateResponse renders lazily.
            if hasattr(response, "render"):
                response.render()
        return response

    def full_clean(self, *args, **kwargs):
        self._normalise_slugs()
        self._fill_missing_slugs()
        super().full_clean(*args, **kwargs)

    def _normalise_slugs(self):
        """Slugs are ASCII and lower-case in every language, whoever wrote them (the admin form does the same)."""
        for code in languages.CODES:
            value = getattr(self, f"slug_{code}", None)
            if value:
                setattr(self, f"slug_{code}", languages.ascii_slug(value))

    def _fill_missing_slugs(self):
        """A language with a title but no slug gets one from its title, unique among siblings."""
        parent = self.get_parent() if self.pk else None
        for code in languages.CODES:
            title = getattr(self, f"title_{code}", None)
            if not title or getattr(self, f"slug_{code}", None):
                continue
            base = languages.ascii_slug(title) or "page"
            taken = set()
            if parent is not None:
                siblings = parent.get_children().exclude(pk=self.pk)
                taken = {value for value in siblings.values_list(f"slug_{code}", flat=True) if value}
            candidate, number = base, 2
            while candidate in taken:
                candidate, number = f"{base}-{number}", number + 1
            setattr(self, f"slug_{code}", candidate)

    def save(self, *args, **kwargs):
        # The untranslated columns (title, slug, draft_title, url_path) read the
        # active language: save in the default one, so that admin listings,
        # choosers and revisions read French for everybody.
        with translation.override(languages.DEFAULT):
            return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        with translation.override(languages.DEFAULT):
            return super().save_revision(*args, **kwargs)

    @property
    def content_language(self):
        """The language the reader actually gets: the active one, or the fallback."""
        language = translation.get_language()
        if self.has_translation(language):
            return language
        return languages.DEFAULT


class IndexPage(BasePage):
    """Abstract base of the section pages under the home page (news, leadership, offices): an introduction, then
    the section's pages, listed by ``get_listing_context``."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def get_summary(self):
        return self.introduction

    def get_listing_context(self, request):
        """{name: value} for the template: the pages this section lists, ready to render (select and prefetch what
        the cards show), and whatever the listing needs around them."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        return context


class HomePage(BasePage):
    """The site's front door: what the firm does, then its latest news, people and offices."""

    hero_title = models.CharField(_("hero title"), max_length=160, help_text=_("What the firm does, in one line."))
    hero_text = models.TextField(_("hero text"), blank=True, help_text=_("Two or three sentences under the title."))
    intro_heading = models.CharField(_("introduction heading"), max_length=160, blank=True)
    intro_text = models.TextField(_("introduction"), blank=True)
    sections = StreamField(
        home_section_blocks(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_("The home page's sections, in the order readers see them. Empty: hero, introduction and lists."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        MultiFieldPanel([FieldPanel("intro_heading"), FieldPanel("intro_text")], heading=_("Introduction")),
        FieldPanel("sections"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_summary(self):
        return self.hero_text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections' buttons and links: their pages in one query, not one per section type.
        convert_with_page_links(self.sections)
        return context

    def clean(self):
        super().clean()
        # The hero holds the page's h1: at most one, and first, in each language.
        for code in languages.CODES:
            field = build_localized_fieldname("sections", code)
            types = [block.block_type for block in getattr(self, field) or []]
            if "hero" in types and (types.index("hero") != 0 or types.count("hero") > 1):
                raise ValidationError({field: _("Put one “Hero with actions” section, first.")})


def _menu_field(verbose_name, help_text):
    return StreamField(
        [("link", MenuLinkBlock())], blank=True, verbose_name=verbose_name, help_text=help_text, max_num=8
    )


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Contact details, social links, the legal line, the legal notice's details, the menus and the footer.

    The menus are lists of pages in French and in English, all optional: an empty main menu lists the pages ticked
    “show in menus” under the home page; an empty English list repeats the French one's pages under their English
    titles (core/templatetags/site_tags.py). They live in the row every page reads already: no query of their own.
    """

    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("The firm's public address. Leave empty to show none.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    contact_notification_email = models.EmailField(
        _("contact form notification address"),
        blank=True,
        help_text=_(
            "Where contact-form messages go when they are for no one in particular or for someone without "
            "a notification address of their own. Never shown on the site."
        ),
    )
    legal_line = models.CharField(
        _("legal line"), max_length=200, blank=True, help_text=_("Shown at the very bottom of every page.")
    )
    # The legal notice (a general page with the “Legal details” block) shows these; its preview lists the missing.
    publisher = models.TextField(
        _("publisher"),
        blank=True,
        help_text=_("The company that publishes the site: name, legal form, capital, registration."),
    )
    publication_director = models.CharField(_("publication director"), max_length=200, blank=True)
    host = models.TextField(_("host"), blank=True, help_text=_("The hosting company: name, address and phone."))
    registered_office = models.TextField(_("registered office"), blank=True)
    main_menu = _menu_field(
        _("main menu"), _("The header's links, in order. Empty: the pages ticked “show in menus” under the home page.")
    )
    footer_services = _menu_field(_("footer: services"), _("Usually the service pages."))
    footer_firm = _menu_field(_("footer: the firm"), _("The approach, the leadership, the offices, the news…"))
    footer_legal = _menu_field(_("footer: legal"), _("The legal notice, privacy, accessibility and cookie pages."))

    general_panels = [
        FieldPanel("tagline"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")], heading=_("Contact")
        ),
        FieldPanel("linkedin_url"),
        FieldPanel("legal_line"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("publication_director"),
                FieldPanel("host"),
                FieldPanel("registered_office"),
            ],
            heading=_("Legal notice"),
        ),
        # Only superusers may redirect where leads go.
        FieldPanel("contact_notification_email", permission="superuser"),
    ]
    menu_panels = [
        FieldPanel("main_menu"),
        MultiFieldPanel(
            [FieldPanel("footer_services"), FieldPanel("footer_firm"), FieldPanel("footer_legal")],
            heading=_("Footer"),
        ),
    ]
    edit_handler = TabbedInterface(
        [ObjectList(general_panels, heading=_("Site")), ObjectList(menu_panels, heading=_("Menus and footer"))]
    )

    MENUS = ("main_menu", "footer_services", "footer_firm", "footer_legal")

    class Meta:
        verbose_name = _("site settings")

    LEGAL_DETAILS = ("publisher", "publication_director", "host", "registered_office")

    @classmethod
    def _get_or_create(cls):
        """Wagtail's (the first row, created when there is none), in a query whose SQL is built once: every page
        reads the settings."""
        first = next(iter(_first_site_settings()), None)
        return first if first is not None else cls.objects.create()

    def menu_page_ids(self):
        """Every page the menus and the footer link to, in either language: every page's HTML shows their titles,
        so the page cache treats a change to one of them as a change to the whole site."""
        return {
            block["value"]["page"]
            for name in self.MENUS
            for code in languages.CODES
            for block in getattr(self, build_localized_fieldname(name, code)).raw_data
            if block["type"] == "link" and block["value"].get("page")
        }

    @property
    def filled_legal_details(self):
        """(label, value) of the legal details filled in, for the legal notice."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.LEGAL_DETAILS
            if getattr(self, name).strip()
        ]

    @property
    def missing_legal_details(self):
        """Labels of the legal details still empty: the legal notice's preview names them to the editor."""
        return [
            self._meta.get_field(name).verbose_name for name in self.LEGAL_DETAILS if not getattr(self, name).strip()
        ]


@prepared()
def _first_site_settings():
    return SiteSettings.base_queryset().order_by("pk")[:1]


class GeneralPage(BasePage):
    """A page of text built from the shared blocks: the approach, the legal and trust pages, a region served."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences under the title."))
    body = StreamField(general_body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    subpage_types = ["core.GeneralPage"]
    # seo/ writes a schema.org WebPage node for it.
    structured_data_type = "WebPage"

    class Meta:
        verbose_name = _("general page")

    def get_summary(self):
        return self.introduction


@prepared(str, str, int, str)
def _child_with_slug(first, last, depth, slug):
    """The child (between the tree paths ``first`` and ``last``, at ``depth``) whose slug reads ``slug`` in the
    active language, with a link's columns and its child count: a page on the way is a link in the breadcrumbs.
    Prepared: routing asks it at every level of every page served."""
    return (
        Page.objects.filter(path__range=(first, last), depth=depth)
        .filter(_slug_in_language(slug))
        .only(*languages.LINK_FIELDS, "numchild")
        .order_by("path")[:1]
    )


@prepared([str])
def _view_restrictions(paths):
    """The view restrictions of the pages at ``paths`` (a page and its ancestors), an alias taking its source's.
    Prepared: every page served asks it (Wagtail's check before serving)."""
    pages = Page.objects.filter(Q(path__in=paths, alias_of__isnull=True) | Q(aliases__path__in=paths))
    return PageViewRestriction.objects.filter(page__in=pages.values("pk"))


def _slug_in_language(slug):
    """The pages whose slug reads ``slug`` in the active language: its own, or the first fallback's that is set
    where the languages before it are empty (modeltranslation's rule for ``page.slug``)."""
    matches, earlier_empty = Q(), Q()
    for language in resolution_order(translation.get_language()):
        column = build_localized_fieldname("slug", language)
        matches |= earlier_empty & Q(**{column: slug})
        earlier_empty &= Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
    return matches
