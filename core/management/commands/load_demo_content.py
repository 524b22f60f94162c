"""Load the bilingual demo content: idempotent, safe to run at every `make run`.

Pages are found by their French slug under their parent; an existing page is
left as it is (an editor may have changed it), so a second run changes nothing
and duplicates nothing.
"""

import datetime
import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, Site

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, RelatedArticle, Topic
from contact.models import ContactPage
from core.demo_content.articles import ARTICLES, TOPICS
from core.demo_content.offices import OFFICES
from core.demo_content.people import PEOPLE
from core.demo_content.site import SITE
from core.models import HomePage, SiteSettings
from offices.models import OfficeIndexPage, OfficePage
from people.models import PeopleIndexPage, PersonPage

LANGUAGES = ("fr", "en")

# The contact page's texts. The source gives no phone number or address, so
# the page promises nothing it cannot keep: an answer by e-mail.
CONTACT_PAGE = {
    "title": {"fr": "Contact", "en": "Contact"},
    "slug": {"fr": "contact", "en": "contact"},
    "intro": {
        "fr": (
            "Un projet d’expérience client, de centre de relation client ou d’implantation nearshore ? "
            "Écrivez-nous : votre message arrive directement à la personne de votre choix — ou à notre équipe "
            "si vous ne savez pas à qui vous adresser — et nous vous répondons par e-mail."
        ),
        "en": (
            "A customer experience, contact centre or nearshore project in mind? Write to us: your message goes "
            "straight to the person you choose — or to our team if you are not sure whom to ask — and we answer "
            "by e-mail."
        ),
    },
    "thank_you_title": {
        "fr": "Merci, votre message est bien arrivé",
        "en": "Thank you, your message has arrived",
    },
    "thank_you_text": {
        "fr": (
            "Il est désormais entre les mains de la bonne personne chez OswegO, qui vous répondra par e-mail. "
            "En attendant, nos actualités racontent ce que nous construisons, de l’Europe au Maghreb."
        ),
        "en": (
            "It is now with the right person at OswegO, who will answer you by e-mail. "
            "In the meantime, our news tells what we are building, from Europe to the Maghreb."
        ),
    },
}


def localized(field, values):
    """{"fr": a, "en": b} → {"field_fr": a, "field_en": b}."""
    return {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}


class Command(BaseCommand):
    help = "Create the demo site (home page, settings, people, offices, articles, contact page) in French and English."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the local admin account.")

    def handle(self, *args, **options):
        # The untranslated base columns (title, slug) take the active language's
        # values: load in the default language so they hold the French text.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
            self.created = 0
            home = self.load_home()
            self.load_settings()
            self.load_sections(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({self.created} pages created)."))
        if options["no_admin"]:
            return
        if not settings.LOCAL_ACCOUNTS:
            # Production settings: no account with a known or printed password, ever.
            self.stdout.write("No local accounts under these settings: create staff with `manage.py createsuperuser`.")
            return
        self.ensure_admin()

    # -- helpers -----------------------------------------------------------
    def get_or_add_child(self, parent, model, french_slug, **fields):
        existing = model.objects.child_of(parent).filter(slug_fr=french_slug).first()
        if existing:
            return existing
        page = model(**fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def page_fields(self, data):
        fields = {"title": data["title"]["fr"], **localized("title", data["title"]), **localized("slug", data["slug"])}
        fields["slug"] = data["slug"]["fr"]
        return fields

    # -- sections ----------------------------------------------------------
    def load_home(self):
        home = HomePage.objects.first()
        if home:
            return home
        data = SITE["home"]
        root = Page.get_first_root_node()
        # Wagtail's install creates a "Welcome" page as the site root; deleting
        # it also deletes its Site, recreated below for the new home page.
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            welcome.delete()
        home = HomePage(
            **self.page_fields(data),
            **localized("hero_title", data["hero_title"]),
            **localized("hero_text", data["hero_text"]),
            **localized("intro_heading", data.get("intro_heading", {})),
            **localized("intro_text", data.get("intro_text", {})),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = "localhost"
        site.port = 80
        site.site_name = "OswegO"
        site.root_page = home
        site.save()
        return home

    def load_settings(self):
        data = SITE["settings"]
        site_settings = SiteSettings.load()
        if site_settings.legal_line_fr:
            return
        for field in ("tagline", "legal_line", "address"):
            for code, value in data.get(field, {}).items():
                setattr(site_settings, f"{field}_{code}", value)
        for field in ("contact_email", "phone", "linkedin_url"):
            setattr(site_settings, field, data.get(field, ""))
        site_settings.save()

    def load_sections(self, home):
        indexes = SITE["indexes"]
        # Indexes first, in the order the menu shows them.
        news_index = self.add_index(home, ArticleIndexPage, indexes["articles"])
        people_index = self.add_index(home, PeopleIndexPage, indexes["people"])
        offices_index = self.add_index(home, OfficeIndexPage, indexes["offices"])
        self.load_contact_page(home)
        offices = self.load_offices(offices_index)
        people = self.load_people(people_index, offices)
        self.load_articles(news_index, people, offices)

    def add_index(self, home, model, data):
        return self.get_or_add_child(
            home,
            model,
            data["slug"]["fr"],
            **self.page_fields(data),
            **localized("introduction", data.get("intro", {})),
            show_in_menus=True,
        )

    def load_contact_page(self, home):
        data = CONTACT_PAGE
        return self.get_or_add_child(
            home,
            ContactPage,
            data["slug"]["fr"],
            **self.page_fields(data),
            **localized("intro", data["intro"]),
            **localized("thank_you_title", data["thank_you_title"]),
            **localized("thank_you_text", data["thank_you_text"]),
            show_in_menus=True,
        )

    def load_offices(self, index):
        offices = {}
        for data in OFFICES:
            offices[data["key"]] = self.get_or_add_child(
                index,
                OfficePage,
                data["slug"]["fr"],
                **self.page_fields(data),
                city=data["city"],
                **localized("country", data["country"]),
                opened_on=datetime.date.fromisoformat(data["opened"]) if data.get("opened") else None,
                **localized("countries_served", {k: "\n".join(v) for k, v in data["countries_served"].items()}),
                street_address=data.get("street_address", ""),
                phone=data.get("phone", ""),
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                partner_name=data["partner"]["name"],
                **localized("partner_description", data["partner"]["description"]),
                partner_url=data["partner"].get("url", ""),
                **localized("introduction", data["introduction"]),
                **localized("body", {code: json.dumps(blocks) for code, blocks in data["body"].items()}),
            )
        return offices

    def load_people(self, index, offices):
        people = {}
        for data in PEOPLE:
            people[data["key"]] = self.get_or_add_child(
                index,
                PersonPage,
                data["slug"]["fr"],
                **self.page_fields({**data, "title": {"fr": data["full_name"], "en": data["full_name"]}}),
                full_name=data["full_name"],
                **localized("role", data["role"]),
                organisation=data.get("organisation", "OswegO"),
                **localized("biography", data["biography"]),
                **localized("search_description", data.get("search_summary", {})),
                office=offices.get(data["office"]) if data.get("office") else None,
            )
        return people

    def load_articles(self, index, people, offices):
        topics = {}
        for data in TOPICS:
            topic = Topic.objects.filter(slug_fr=data["slug"]["fr"]).first()
            if topic is None:
                topic = Topic.objects.create(
                    name=data["name"]["fr"], **localized("name", data["name"]), **localized("slug", data["slug"])
                )
            topics[data["key"]] = topic

        def resolve(blocks):
            """Replace people's keys by their page ids, as the blocks store them."""
            resolved = []
            for block in blocks:
                value = block["value"]
                if isinstance(value, dict) and "person" in value:
                    key = value["person"]
                    value = {**value, "person": people[key].pk if key else None}
                    if block["type"] == "quote":
                        value.setdefault("original_language", "fr")
                resolved.append({"type": block["type"], "value": value})
            return json.dumps(resolved)

        articles = {}
        for data in ARTICLES:
            existing = ArticlePage.objects.child_of(index).filter(slug_fr=data["slug"]["fr"]).first()
            if existing:
                articles[data["key"]] = existing
                continue
            article = ArticlePage(
                **self.page_fields(data),
                **localized("standfirst", data["standfirst"]),
                **localized("search_description", data.get("search_description", {})),
                **localized("body", {code: resolve(blocks) for code, blocks in data["body"].items()}),
                date=datetime.date.fromisoformat(data["date"]),
            )
            article.authors = [ArticleAuthor(person=people[key]) for key in data["authors"]]
            article.topics = [topics[key] for key in data["topics"]]
            article.offices = list(offices.values()) if "maghreb" in data["topics"] else []
            index.add_child(instance=article)
            article.save_revision().publish()
            self.created += 1
            articles[data["key"]] = article
        # Related articles point at each other: link them once all exist.
        for data in ARTICLES:
            article = articles[data["key"]]
            if article.related_articles.exists():
                continue
            article.related_articles = [RelatedArticle(article=articles[key]) for key in data.get("related", [])]
            article.save_revision().publish()

    # -- local admin -------------------------------------------------------
    def ensure_admin(self):
        """Local accounts, one per role, so a newcomer can try each: admin, editor, moderator.

        Passwords come from the environment (ADMIN_PASSWORD, EDITOR_PASSWORD,
        MODERATOR_PASSWORD) or are generated once and kept in var/ (git-ignored).
        """
        from editorial.roles import EDITORS, MODERATORS

        accounts = [
            (os.environ.get("ADMIN_USERNAME", "admin"), "ADMIN_PASSWORD", None),
            ("editor", "EDITOR_PASSWORD", EDITORS),
            ("moderator", "MODERATOR_PASSWORD", MODERATORS),
        ]
        for username, variable, group_name in accounts:
            password = self.local_password(username, variable)
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                if group_name is None:
                    user = get_user_model().objects.create_superuser(username=username, email="", password=password)
                else:
                    user = get_user_model().objects.create_user(username=username, email="", password=password)
                    user.groups.add(Group.objects.get(name=group_name))
            elif not user.check_password(password):
                self.stdout.write(f"Account '{username}' exists with another password; left unchanged.")
                continue
            role = group_name or "superuser"
            self.stdout.write(f"Admin: /admin/ — user '{username}' ({role}), password '{password}'")

    def local_password(self, username, variable):
        password = os.environ.get(variable)
        if password:
            return password
        password_file = settings.VAR_DIR / f"{username}_password"
        if password_file.exists():
            return password_file.read_text().strip()
        password = secrets.token_urlsafe(12)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password)
        password_file.chmod(0o600)
        return password
