"""The framework's floor for `make bench`: the cheapest view, behind every middleware of the site.

Routed only by bench/urls.py (bench/settings.py): the production URLconf never has it.
"""

from django.http import HttpResponse


def floor(request):
    return HttpResponse(b"floor\n", content_type="text/plain")
