"""manage.py forget EMAIL: erase a person's leads wherever the site keeps them (contact/privacy.py)."""

import getpass

from django.core.management.base import BaseCommand, CommandError

from contact import privacy


class Command(BaseCommand):
    help = (
        "Erase every lead sent from EMAIL, the queued jobs and development mail files that hold the address, "
        "and record the erasure (date, counts, who) without the address."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The address the person wrote from (case does not matter).")
        parser.add_argument("--by", default="", help="Who asked for it or ran it (default: the system user).")

    def handle(self, *args, email, by, **options):
        if "@" not in email:
            raise CommandError(f"{email!r} is not an e-mail address.")
        by = by or f"manage.py forget ({getpass.getuser()})"
        erasure = privacy.forget(email, by=by)
        self.stdout.write(
            f"Erased {erasure.leads_erased} lead(s), {erasure.jobs_erased} job(s) and "
            f"{erasure.mail_files_erased} mail file(s); recorded as erasure #{erasure.pk}."
        )
