"""The audience in the admin: the report (date range, per page and language, an SVG chart, CSV and XLSX) and the
dashboard panel, for Moderators, Sales and superusers, in both admin languages; 403 for Editors."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from audience.fold import fold
from audience.models import DailyViews
from editorial.roles import EDITORS, MODERATORS, SALES
from tests.helpers import soup

from .conftest import ARTICLE_EN, ARTICLE_FR, client_for, visit

REPORT = "/admin/reports/audience/"


@pytest.fixture
def counted(launch_article):
    """Five French and two English views of the launch article, page-cache hits included, folded."""
    for number in range(5):
        visit(ARTICLE_FR, address=f"203.0.113.{number}")
    for number in range(2):
        visit(ARTICLE_EN, address=f"203.0.113.{number}", HTTP_REFERER="https://www.linkedin.com/")
    fold()
    return launch_article


def row_of(response, page):
    row = soup(response).select_one(f'.oswego-audience-table tr[data-page="{page.pk}"]')
    return {cell["data-language"]: int(cell.get_text()) for cell in row.select("td[data-language]")}


def test_the_report_shows_the_views_per_language_after_the_fold(staff, counted):
    response = client_for(staff[MODERATORS]).get(REPORT)
    assert response.status_code == 200
    assert row_of(response, counted) == {"fr": 5, "en": 2}
    page = soup(response)
    assert page.select_one(f'tr[data-page="{counted.pk}"] td[data-total]').get_text() == "7"
    assert "LinkedIn" in page.select_one(".oswego-audience-channels").get_text()
    # The last seven days by default, in the ISO form a date input shows in any admin language.
    today = timezone.localdate()
    assert page.select_one("input[name=start]")["value"] == (today - timedelta(days=6)).isoformat()
    assert page.select_one("input[name=end]")["value"] == today.isoformat()


def test_the_report_draws_its_chart_as_svg_without_script(staff, counted):
    response = client_for(staff[MODERATORS]).get(REPORT)
    chart = soup(response).select_one(".oswego-audience-chart svg")
    assert chart is not None and chart.title.get_text()
    bars = chart.select("rect")
    assert {bar["data-language"] for bar in bars} == {"fr", "en"}
    assert all("," not in bar["height"] for bar in bars)  # numbers a browser reads, whatever the admin language
    assert not soup(response).select(".oswego-audience-report script")


def test_the_report_speaks_french_to_a_french_admin(staff, counted):
    response = client_for(staff[MODERATORS], "fr").get(REPORT)
    page = soup(response)
    assert page.select_one(".oswego-audience-chart svg title").get_text() == "Vues par jour et par langue"
    assert "D’où viennent les lecteurs" in page.get_text()
    assert "Where readers came from" not in page.get_text()


def test_a_date_range_narrows_the_report(staff, counted):
    yesterday = timezone.localdate() - timedelta(days=1)
    DailyViews.objects.create(
        day=yesterday - timedelta(days=30), page=counted, language="fr", channel="search", views=9
    )
    client = client_for(staff[MODERATORS])
    assert row_of(client.get(REPORT), counted) == {"fr": 5, "en": 2}
    older = client.get(REPORT, {"start": (yesterday - timedelta(days=40)).isoformat(), "end": yesterday.isoformat()})
    assert row_of(older, counted) == {"fr": 9, "en": 0}
    english = client.get(REPORT, {"language": "en"})
    assert row_of(english, counted)["en"] == 2


@pytest.mark.parametrize(
    "query",
    [
        {"start": "not-a-date"},
        {"start": "2026-12-31", "end": "2026-01-01"},
        {"start": "1900-01-01", "end": "2026-01-01"},
        {"language": "xx"},
        {"start": "9" * 500},
        {"export": "pdf"},
    ],
)
def test_bad_report_input_gets_a_message_never_an_error(staff, counted, query):
    response = client_for(staff[MODERATORS]).get(REPORT, query)
    assert response.status_code == 200
    assert soup(response).select_one(".oswego-audience-chart svg") is not None


def test_the_report_exports_csv(staff, counted):
    response = client_for(staff[MODERATORS]).get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Page", "Page id", "Views (FR)", "Views (EN)", "Total"]
    assert rows[1][1:] == [str(counted.pk), "5", "2", "7"]


def test_the_report_exports_xlsx(staff, counted):
    response = client_for(staff[SALES]).get(REPORT, {"export": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1:] == (counted.pk, 5, 2, 7)


@pytest.mark.parametrize("role", [MODERATORS, SALES])
def test_moderators_and_sales_find_the_report_under_reports(staff, role):
    client = client_for(staff[role])
    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get("/admin/").content.decode()


@pytest.mark.parametrize("query", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_editors_are_refused_the_report_and_its_exports(staff, counted, query):
    client = client_for(staff[EDITORS])
    response = client.get(REPORT, query)
    assert response.status_code == 403
    assert "oswego-audience" not in client.get("/admin/").content.decode()


def test_the_dashboard_shows_this_weeks_views_per_language_and_top_pages(staff, counted):
    response = client_for(staff[MODERATORS]).get("/admin/")
    panel = soup(response).select_one(".oswego-audience")
    text = panel.get_text(" ", strip=True)
    assert "7 page views since Monday" in text
    assert "French: 5" in text and "English: 2" in text
    assert "OswegO s’installe au Maghreb" in panel.select_one(".oswego-audience-pages").get_text()


def test_another_room_adds_its_lines_to_the_panel_through_a_hook(staff, counted):
    from wagtail import hooks

    def leads_by_source(request, start, end):
        assert start <= end == timezone.localdate()
        return [("Leads by source", [("LinkedIn", 2), ("Search engine", 1)])]

    with hooks.register_temporarily("audience_panel_sections", leads_by_source):
        panel = soup(client_for(staff[MODERATORS]).get("/admin/")).select_one(".oswego-audience")
    text = panel.get_text(" ", strip=True)
    assert "Leads by source" in text and "LinkedIn: 2" in text
