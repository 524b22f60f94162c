"""schema.org nodes shared by every page type (JSON-LD is assembled in seo_tags)."""

from django.templatetags.static import static
from django.utils import translation

from core import languages
from core.models import SiteSettings
from core.navigation import routed_ancestors, site_root


def organization_ref(request):
    return {"@id": request.build_absolute_uri("/#organization")}


def organization(request):
    root = site_root(request)
    site_settings = SiteSettings.load(request_or_site=request)
    data = {
        "@type": "Organization",
        **organization_ref(request),
        "name": "OswegO",
        "slogan": "Craft Operations for Brighter Futures",
        "logo": request.build_absolute_uri(static("images/logo.svg")),
    }
    if root is not None:
        data["url"] = request.build_absolute_uri(root.get_url(request))
    if site_settings.linkedin_url:
        data["sameAs"] = [site_settings.linkedin_url]
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    return data


def breadcrumbs(page, request):
    trail = routed_ancestors(request, page) or page.get_ancestors(inclusive=True).filter(depth__gte=2).only(
        *languages.LINK_FIELDS
    )
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": request.build_absolute_uri(crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def person(person_page, request):
    """A Person node; a page that is no longer live keeps its name and role, without a URL."""
    data = {
        "@type": "Person",
        "name": person_page.full_name,
        "jobTitle": person_page.role,
        "worksFor": organization_ref(request)
        if person_page.organisation == "OswegO"
        else {
            "@type": "Organization",
            "name": person_page.organisation,
        },
    }
    if person_page.live:
        data["url"] = request.build_absolute_uri(person_page.get_url(request))
    return data


def web_page(page, request):
    """A WebPage node for a page of text (the approach, a legal page), in the language the reader gets."""
    data = {
        "@type": "WebPage",
        "name": page.title,
        "url": request.build_absolute_uri(page.get_url(request)),
        "inLanguage": getattr(page, "content_language", None) or translation.get_language(),
        "publisher": organization_ref(request),
    }
    description = page.get_meta_description()
    if description:
        data["description"] = description
    return data


def service(service_page, request):
    """A Service node: what the firm sells, provided by the organisation, with the countries it names."""
    data = {
        "@type": "Service",
        "name": service_page.title,
        "url": request.build_absolute_uri(service_page.get_url(request)),
        "provider": organization_ref(request),
        "description": service_page.get_meta_description(),
    }
    areas = service_page.areas_served_list
    if areas:
        data["areaServed"] = [{"@type": "Place", "name": area} for area in areas]
    return data


def case_study(case_study_page, request):
    """An Article node for a case study, about the service it shows at work."""
    data = {
        "@type": "Article",
        "headline": case_study_page.title[:110],
        "description": case_study_page.get_meta_description(),
        "inLanguage": case_study_page.content_language,
        "publisher": organization_ref(request),
        "mainEntityOfPage": request.build_absolute_uri(case_study_page.get_url(request)),
        "about": {"@type": "Thing", "name": case_study_page.sector},
        "contentLocation": {"@type": "Place", "name": case_study_page.country},
    }
    service = case_study_page.service
    if service is not None and service.live:
        data["about"] = {
            "@type": "Service",
            "name": service.title,
            "url": request.build_absolute_uri(service.get_url(request)),
        }
    if case_study_page.last_published_at:
        data["dateModified"] = case_study_page.last_published_at.isoformat()
    return data
