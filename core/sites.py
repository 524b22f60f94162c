"""Which Wagtail site answers a request: Wagtail's rule, in a query the ORM builds in a fraction of the time.

Every request a page answers starts here, cached or not (``Site.find_for_request`` keeps the result on the
request). Wagtail's ``get_site_for_hostname`` ranks the candidate sites in SQL with a ``CASE`` annotation and
orders them by it; Django builds that expression (and the site manager's default ordering, which the annotation
then replaces) anew on each request, which cost more than half of the lookup on an uncached page. There are one or
a few candidate rows, so this ranks them in Python with the same rule. Installed over Wagtail's in ``core.apps``.
"""

from django.db.models import Exists, Q
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site

from core.prepared import prepared

# Wagtail's ranks (wagtail.models.sites), best first.
HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT, DEFAULT, HOSTNAME = range(4)


def _rank(site, hostname, port):
    if site.hostname == hostname and site.port == port:
        return HOSTNAME_AND_PORT
    if site.hostname == hostname and site.is_default_site:
        return HOSTNAME_AND_DEFAULT
    if site.is_default_site:
        return DEFAULT
    return HOSTNAME


@prepared(str)
def candidate_sites(hostname):
    """The sites with this hostname and the default site, with their home page's row, and whether any page of the
    database has a view restriction (``any_view_restriction``): on a site without private pages — the usual case —
    the page served then needs no query of its own for them (``core.models.route_for_request``)."""
    return (
        Site.objects.order_by("pk")
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .select_related("root_page")
        .annotate(any_view_restriction=Exists(PageViewRestriction.objects.all()))
    )


def site_for_hostname(hostname, port):
    """The site for ``hostname`` and ``port`` by Wagtail's rule, or None:

    - the one site with that hostname and port, else the default site if it has that hostname;
    - else, when the default site has another hostname: the one site with that hostname if there is exactly one,
      otherwise the default site;
    - a single candidate is the answer whatever its rank; several sites with the hostname, none on the port and no
      default site: none.
    """
    candidates = list(candidate_sites(hostname))
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda site: _rank(site, hostname, port))
    best = _rank(ranked[0], hostname, port)
    if len(ranked) == 1 or best in (HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT):
        return ranked[0]
    if best == DEFAULT:
        return ranked[1] if len(ranked) == 2 else ranked[0]
    return None


def find_for_request(request):
    """Wagtail's ``Site._find_for_request``: the host as the client sent it (Wagtail reads it without the
    ALLOWED_HOSTS check, which the request already passed or failed elsewhere) and the port, which a proxy's
    header may make anything: a port that is not a number matches no site's port."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        port = None
    return site_for_hostname(hostname, port)
