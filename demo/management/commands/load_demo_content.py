"""Load the bilingual demo content: idempotent, safe to run at every `make run`.

The texts are data files under demo/content/ (see its README.md), read by
demo/loader.py. Pages are found by their French slug under their parent; an
existing page is left as it is (an editor may have changed it), so a second run
changes nothing and duplicates nothing.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from demo.loader import CONTENT_DIR, ContentError, DemoLoader, read_content
from editorial.roles import EDITORS, MODERATORS, SALES


class Command(BaseCommand):
    help = "Create the demo site (home page, settings, people, offices, articles, contact page) in French and English."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the local admin account.")
        parser.add_argument(
            "--content-dir",
            default=None,
            help="Directory of the content files (default: settings.DEMO_CONTENT_DIR, else demo/content/).",
        )

    def handle(self, *args, **options):
        directory = options["content_dir"] or getattr(settings, "DEMO_CONTENT_DIR", None) or CONTENT_DIR
        # Every file is read and checked before anything is written.
        try:
            content = read_content(directory)
        except ContentError as exc:
            raise CommandError(f"Demo content not loaded: {exc}") from None
        # The untranslated base columns (title, slug) take the active language's
        # values: load in the default language so they hold the French text.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
            created = DemoLoader(content).load()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} pages created)."))
        if options["no_admin"]:
            return
        if not settings.LOCAL_ACCOUNTS:
            # Production settings: no account with a known or printed password, ever.
            self.stdout.write("No local accounts under these settings: create staff with `manage.py createsuperuser`.")
            return
        self.ensure_admin()

    # -- local accounts ----------------------------------------------------
    def ensure_admin(self):
        """Local accounts, one per role, so a newcomer can try each: admin, editor, moderator, sales.

        Passwords come from the environment (ADMIN_PASSWORD, EDITOR_PASSWORD,
        MODERATOR_PASSWORD, SALES_PASSWORD) or are generated once and kept in var/
        (git-ignored). Each account has a name and an address on a reserved domain,
        so that Wagtail's review notifications have somewhere to go (`make run`
        writes them to var/mail) and the account settings form saves.
        """
        accounts = [
            (os.environ.get("ADMIN_USERNAME", "admin"), "ADMIN_PASSWORD", None, ("Amina", "Admin")),
            ("editor", "EDITOR_PASSWORD", EDITORS, ("Élise", "Rédactrice")),
            ("moderator", "MODERATOR_PASSWORD", MODERATORS, ("Mehdi", "Modérateur")),
            ("sales", "SALES_PASSWORD", SALES, ("Sofia", "Commerciale")),
        ]
        for username, variable, group_name, (first_name, last_name) in accounts:
            password = self.local_password(username, variable)
            email = f"{username}@oswego.example"
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                if group_name is None:
                    user = get_user_model().objects.create_superuser(username=username, email=email, password=password)
                else:
                    user = get_user_model().objects.create_user(username=username, email=email, password=password)
                    user.groups.add(Group.objects.get(name=group_name))
            elif not user.check_password(password):
                self.stdout.write(f"Account '{username}' exists with another password; left unchanged.")
                continue
            # Accounts made before they had names: fill what is empty, keep what someone wrote.
            for field, value in (("first_name", first_name), ("last_name", last_name), ("email", email)):
                if not getattr(user, field):
                    setattr(user, field, value)
            user.save(update_fields=["first_name", "last_name", "email"])
            role = group_name or "superuser"
            self.stdout.write(f"Admin: /admin/ — user '{username}' ({role}, {user.email}), password '{password}'")

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
