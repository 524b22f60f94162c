"""``manage.py reset_two_factor USERNAME``: a staff member lost their phone and their recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial.two_factor import reset


class Command(BaseCommand):
    help = "Remove a staff account's second-factor devices; its next sign-in enrols a new phone."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as exc:
            raise CommandError(f"No account named {username!r}.") from exc
        removed = reset(user)
        self.stdout.write(f"{removed} device(s) removed for {username}: the next sign-in enrols a new phone.")
