"""Prospects in: the contact page, its thank-you page and the leads it stores."""

import logging

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.models import BasePage
from core.navigation import ATTRIBUTION_PARAMETER, CHANNEL_PARAMETER
from core.prepared import prepared
from links.channels import CHOICES as CHANNEL_CHOICES
from people.models import PersonPage

from . import attribution, downloads, spam
from .forms import (
    ContactForm,
    ReportRequestForm,
    consent_wording,
    download_consent_wording,
    form_address,
    is_page_id,
    referrer_path,
)

logger = logging.getLogger(__name__)

# Each language has its own thank-you address, as every page has its own slug:
# /fr/contact/merci/ and /en/contact/thank-you/.
THANK_YOU_SLUGS = {"fr": "merci", "en": "thank-you"}

DEFAULT_RETENTION_MONTHS = 24


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """Where the privacy notice is, and how long the leads are kept: what the consent box and the scheduler read."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
        help_text=_(
            "The page that explains what the firm does with personal data. The consent box of every form links "
            "to it; without it, the box still asks for consent, without a link."
        ),
    )
    lead_retention_months = models.PositiveSmallIntegerField(
        _("keep leads for (months)"),
        default=DEFAULT_RETENTION_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Leads older than this are erased every night. Say the same in the privacy notice "
            "(Moroccan law 09-08 and the GDPR ask for a stated, limited period)."
        ),
    )

    panels = [FieldPanel("privacy_page"), FieldPanel("lead_retention_months")]
    # The contact page links to the notice on every render: read with the settings.
    select_related = ["privacy_page"]

    class Meta:
        verbose_name = _("privacy and leads")

    @classmethod
    def for_site(cls, site):
        """Wagtail's (the site's row, created on first use), in a query whose SQL is built once."""
        if site is None:
            return super().for_site(site)
        found = next(iter(_privacy_settings(site.pk)), None)
        return found if found is not None else super().for_site(site)

    @classmethod
    def for_default_site(cls):
        """The settings the nightly jobs read: they run outside any request, for the default site."""
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site is not None else cls(lead_retention_months=DEFAULT_RETENTION_MONTHS)


@prepared(int)
def _privacy_settings(site_id):
    return PrivacySettings.base_queryset().filter(site_id=site_id)[:1]


class Lead(models.Model):
    """A message a prospect sent through the contact page, or a report they asked for; marketing staff read and
    export them in the admin."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact message")
        DOWNLOAD = "download", _("Report download")

    class NotificationStatus(models.TextChoices):
        PENDING = "pending", _("Not sent yet")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Failed, will be tried again")
        FAILED = "failed", _("Failed")
        NO_RECIPIENT = "no_recipient", _("No address to send it to")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONTACT, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), max_length=254)
    company = models.CharField(_("company"), max_length=120)
    country = models.CharField(_("country"), max_length=80, blank=True)
    message = models.TextField(_("message"))
    person = models.ForeignKey(
        "people.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        verbose_name=_("person"),
    )
    # Copied when the message is sent: the lead stays readable if the person's page goes.
    person_name = models.CharField(_("for"), max_length=120, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    source_path = models.CharField(
        _("came from"), max_length=255, blank=True, help_text=_("The page of this site the prospect came from.")
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent from page"),
        help_text=_("The page the prospect wrote from, as it is now (it follows slug changes)."),
    )
    short_link = models.ForeignKey(
        "links.ShortLink",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        verbose_name=_("tracked link"),
        help_text=_("The staff member's tracked link the prospect opened before writing, in the same visit."),
    )
    channel = models.CharField(
        _("channel"),
        max_length=20,
        blank=True,
        choices=CHANNEL_CHOICES,
        help_text=_("The known channel the prospect's first page was shared on (its link's utm_source), if any."),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    notification_status = models.CharField(
        _("notification e-mail"),
        max_length=20,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    notification_error = models.CharField(_("notification error"), max_length=500, blank=True)
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    notification_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    # What the prospect agreed to, word for word, in the language they read it in (empty before consent was asked).
    consent_text = models.TextField(_("consent given"), blank=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.company})" if self.company else self.name

    def recipient(self):
        return self.person_name or _("No one in particular")

    recipient.short_description = _("for")

    def source(self):
        """How the prospect came: the tracked link (its owner and code), a known channel, or nothing known."""
        link = self.short_link
        if link is None:
            return self.get_channel_display()
        owner = link.owner.get_full_name() or link.owner.get_username()
        return _("Tracked link %(code)s of %(owner)s") % {"code": link.code, "owner": owner}

    source.short_description = _("source")

    def source_page_title(self):
        return self.source_page.title if self.source_page is not None else ""

    source_page_title.short_description = _("sent from page")


class Erasure(models.Model):
    """A record that a person's data was erased (``manage.py forget``, the leads' admin action, the nightly purge).

    It keeps no address: only a keyed hash of it, which proves a given request was honoured to whoever knows the
    address and the site's secret key, and tells nothing to anyone else.
    """

    class Reason(models.TextChoices):
        REQUEST = "request", _("The person asked to be forgotten")
        RETENTION = "retention", _("Retention period over")

    performed_at = models.DateTimeField(_("erased at"), default=timezone.now, db_index=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    performed_by = models.CharField(
        _("by"), max_length=150, blank=True, help_text=_("The staff member, or the command or job that did it.")
    )
    subject_digest = models.CharField(_("keyed hash of the address"), max_length=64, blank=True, db_index=True)
    leads_erased = models.PositiveIntegerField(_("leads erased"), default=0)
    jobs_erased = models.PositiveIntegerField(_("queued jobs erased"), default=0)
    mail_files_erased = models.PositiveIntegerField(_("mail files erased"), default=0)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-performed_at", "-pk"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.performed_at:%Y-%m-%d})"


class ContactPage(RoutablePageMixin, BasePage):
    """The contact form: prospects write to the firm or to one of its people, and each message becomes a lead.

    Editors write the introduction and the thank-you texts; the form itself is fixed.
    """

    # Found by the pages that link here (core.navigation.contact_page), which never import this app.
    is_contact_page = True

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the form: what to write about.")
    )
    thank_you_title = models.CharField(
        _("thank-you title"), max_length=160, help_text=_("The heading a prospect sees once their message is sent.")
    )
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("What happens next, shown under the thank-you heading.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("thank_you_title"), FieldPanel("thank_you_text")], heading=_("Once sent")),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    preview_modes = [("", _("Form")), ("thank-you", _("Thank-you page"))]
    # Never cached (its form carries a fill-time stamp), but the preselected person is what ?person= changes.
    cache_query_parameters = ("person", *BasePage.cache_query_parameters)

    class Meta:
        verbose_name = _("contact page")

    def get_summary(self):
        return self.intro

    # -- routes --------------------------------------------------------------
    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.method == "POST":
            response = self.handle_submission(request)
        elif request.method in ("GET", "HEAD"):
            person = self.preselected_person(request)
            initial = {
                "person": person,
                "source": referrer_path(request),
                # Only an enabled link's code is left in the query (links.middleware); the form checks it again.
                "via": request.GET.get(ATTRIBUTION_PARAMETER, ""),
                "channel": request.GET.get(CHANNEL_PARAMETER, ""),
            }
            form = ContactForm(**self.form_kwargs(request), initial=initial)
            response = self.render_form(request, form)
        else:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        # The form carries a fill-time stamp and, after a POST, the prospect's words.
        add_never_cache_headers(response)
        return response

    @re_path(r"^(?P<slug>merci|thank-you)/$", name="thank_you")
    def thank_you(self, request, slug):
        # One address per language: the French slug is not served in English.
        if slug != THANK_YOU_SLUGS.get(translation.get_language()):
            raise Http404
        return self.render(request, template="contact/contact_page_thank_you.html")

    # -- gated reports (contact/downloads.py) ----------------------------------
    @re_path(r"^(?P<slug>rapport|report)/(?P<article_id>[0-9]{1,9})/$", name="report")
    def report_route(self, request, slug, article_id):
        article = self.report_article(slug, downloads.REPORT_SLUGS, article_id)
        if request.method == "POST":
            response = self.handle_report_request(request, article)
        elif request.method in ("GET", "HEAD"):
            response = self.render_report_form(request, article, ReportRequestForm(**self.report_form_kwargs(request)))
        else:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        add_never_cache_headers(response)
        return response

    @re_path(r"^(?P<slug>rapport|report)/(?P<article_id>[0-9]{1,9})/(?P<step>lien|link)/(?P<token>[\w-]+)/$")
    def report_link(self, request, slug, article_id, step, token):
        return self.report_step(request, slug, article_id, step, downloads.LINK_SLUGS, token)

    @re_path(r"^(?P<slug>rapport|report)/(?P<article_id>[0-9]{1,9})/(?P<step>fichier|file)/(?P<token>[\w-]+)/$")
    def report_file(self, request, slug, article_id, step, token):
        return self.report_step(request, slug, article_id, step, downloads.FILE_SLUGS, token)

    def report_article(self, slug, slugs, article_id):
        """The live article offering a report, for an address in the reader's language; otherwise a 404."""
        if slug != downloads.slug_for(slugs):
            raise Http404
        article = downloads.article_with_report(int(article_id))
        if article is None:
            raise Http404("No report here")
        return article

    def report_step(self, request, slug, article_id, step, step_slugs, token):
        article = self.report_article(slug, downloads.REPORT_SLUGS, article_id)
        if step != downloads.slug_for(step_slugs):
            raise Http404
        status, payload = downloads.read(token, article.pk)
        if status != downloads.LINK_OK:
            context = {"article": article, "link_status": status, "form_url": self.report_url(request, article)}
            response = self.render(request, template="contact/report_link_refused.html", context_overrides=context)
            response.status_code = 410 if status == downloads.LINK_EXPIRED else 400
        elif step_slugs is downloads.LINK_SLUGS:
            context = {
                "article": article,
                "file_url": self.report_file_url(request, article, token),
                "link_hours": settings.REPORT_LINK_MAX_AGE // 3600,
            }
            response = self.render(request, template="contact/report_link.html", context_overrides=context)
        else:
            document = downloads.document_for(article, payload["lang"])
            if document is None:
                raise Http404("The report is gone")
            stream = document.file.storage.open(document.file.name, "rb")
            response = FileResponse(stream, as_attachment=True, filename=document.filename)
        add_never_cache_headers(response)
        return response

    def handle_report_request(self, request, article):
        rate_limited = spam.is_rate_limited(request)
        form = ReportRequestForm(request.POST, **self.report_form_kwargs(request), rate_limited=rate_limited)
        if not rate_limited and form.is_bot():
            logger.info("Report form: honeypot filled, submission dropped")
            return HttpResponseRedirect(self.report_url(request, article))
        if not form.is_valid():
            return self.render_report_form(request, article, form, status=429 if rate_limited else 200)
        language = translation.get_language()
        # Stored first: the lead exists before any link is given.
        lead = Lead.objects.create(
            **form.lead_fields(),
            kind=Lead.Kind.DOWNLOAD,
            message=str(_("Report requested: %(title)s") % {"title": article.title}),
            source_path=article.get_url(request) or "",
            language=language,
        )
        token = downloads.sign(lead, article, language)
        file_url = request.build_absolute_uri(self.report_file_url(request, article, token))
        email, title = lead.email, article.title
        transaction.on_commit(lambda: downloads.send_link(email, title, file_url, language), robust=True)
        return HttpResponseRedirect(self.report_link_url(request, article, token))

    def render_report_form(self, request, article, form, status=200):
        context = {
            "form": form,
            "article": article,
            "form_url": self.report_url(request, article),
            "privacy_notice_url": self.privacy_notice_url(request),
        }
        response = self.render(request, template="contact/report_form.html", context_overrides=context)
        response.status_code = status
        return response

    def report_form_kwargs(self, request):
        months = PrivacySettings.for_request(request).lead_retention_months
        return {
            "address": form_address(request),
            "consent_label": download_consent_wording(months),
            "consent_text": download_consent_wording(months, self.privacy_notice_url(request, full=True)),
        }

    def report_url(self, request, article):
        """The report form of ``article`` in the active language (articles find it through
        ``core.navigation.contact_page``)."""
        slug = downloads.slug_for(downloads.REPORT_SLUGS)
        return self.get_url(request) + self.reverse_subpage("report", kwargs={"slug": slug, "article_id": article.pk})

    def report_link_url(self, request, article, token):
        return f"{self.report_url(request, article)}{downloads.slug_for(downloads.LINK_SLUGS)}/{token}/"

    def report_file_url(self, request, article, token):
        return f"{self.report_url(request, article)}{downloads.slug_for(downloads.FILE_SLUGS)}/{token}/"

    def serve_preview(self, request, mode_name):
        if mode_name == "thank-you":
            return self.render(request, template="contact/contact_page_thank_you.html")
        return super().serve_preview(request, mode_name)

    # -- the submission ------------------------------------------------------
    def handle_submission(self, request):
        rate_limited = spam.is_rate_limited(request)
        form = ContactForm(request.POST, **self.form_kwargs(request), rate_limited=rate_limited)
        if not rate_limited and form.is_bot():
            # Silent success: a bot learns nothing, and nothing is stored or sent.
            logger.info("Contact form: honeypot filled, submission dropped")
            return HttpResponseRedirect(self.thank_you_url(request))
        if not form.is_valid():
            return self.render_form(request, form, status=429 if rate_limited else 200)
        # Stored first: whatever happens to the e-mail, the message is not lost. The e-mail is a
        # background job enqueued once the lead is committed (contact/tasks.py, on Lead's post_save).
        Lead.objects.create(
            **form.lead_fields(),
            source_page=attribution.page_at(request, form.cleaned_data["source"]),
            language=translation.get_language(),
        )
        return HttpResponseRedirect(self.thank_you_url(request))

    def render_form(self, request, form, status=200):
        context = {
            "form": form,
            "recipient": form.chosen_person(),
            "privacy_notice_url": self.privacy_notice_url(request),
        }
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response

    # -- helpers -------------------------------------------------------------
    def form_kwargs(self, request):
        months = PrivacySettings.for_request(request).lead_retention_months
        return {
            "people": self.people(),
            "address": form_address(request),
            # Shown beside the box (the notice is a link under it), and stored with the lead with the notice's URL.
            "consent_label": consent_wording(months),
            "consent_text": consent_wording(months, self.privacy_notice_url(request, full=True)),
        }

    def privacy_notice_url(self, request, full=False):
        """The privacy notice in the reader's language, or an empty string when the settings name none."""
        page = PrivacySettings.for_request(request).privacy_page
        if page is None or not page.live:
            return ""
        return (page.get_full_url(request) if full else page.get_url(request)) or ""

    def people(self):
        """The people a prospect can write to, in the leadership page's order, with what the form's choices and the
        recipient's line show (name, role, organisation, photo)."""
        return _people()

    def preselected_person(self, request):
        """The live person named by ``?person=<id>``; anything else is ignored."""
        if not hasattr(request, "_oswego_contact_person"):
            value = request.GET.get("person", "")
            person = self.people().filter(pk=int(value)).first() if is_page_id(value) else None
            request._oswego_contact_person = person
        return request._oswego_contact_person

    def get_alternate_query(self, request, language):
        # The language switcher keeps the person chosen by the button the prospect followed.
        person = getattr(request, "_oswego_contact_person", None) if request is not None else None
        return urlencode({"person": person.pk}) if person is not None else ""

    def thank_you_url(self, request):
        slug = THANK_YOU_SLUGS.get(translation.get_language(), THANK_YOU_SLUGS[settings.LANGUAGE_CODE])
        return self.get_url(request) + self.reverse_subpage("thank_you", kwargs={"slug": slug})


@prepared()
def _people():
    return PersonPage.objects.live().only(*PersonPage.BYLINE_FIELDS).select_related("photo").order_by("path")
