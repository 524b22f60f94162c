"""The framework's floor for `make bench`: the cheapest view, behind every middleware of the site.

Routed only when BENCH_FLOOR=1 (oswego_site/urls.py): production never serves it.
"""

from django.http import HttpResponse


def floor(request):
    return HttpResponse(b"floor\n", content_type="text/plain")
