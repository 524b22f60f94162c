"""The audience in the admin: the dashboard panel (this week) and the report (a date range, per page and language,
a chart drawn on the server as SVG, CSV and XLSX exports).

Who sees them: whoever holds ``audience.view_dailyviews`` — Moderators and Sales (editorial/roles.py) and
superusers. Another room adds its own lines to the dashboard panel through the ``audience_panel_sections`` hook:
a function ``(request, start, end) -> [(title, [(label, number), …]), …]`` (leads by source, links opened…).
"""

import csv
import io
from collections import defaultdict
from datetime import timedelta

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from audience.channels import CHANNELS
from audience.models import DailyViews
from editorial.forbidden import forbidden

PERMISSION = "audience.view_dailyviews"
MAX_DAYS = 366
UTF8_BOM = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula: a page title never does that.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def can_see(user):
    return user.is_active and user.has_perm(PERMISSION)


def this_week():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()), today


def language_names():
    return dict(settings.LANGUAGES)


def summary(start, end, top=5):
    """Views per language and the most read pages between two days (inclusive)."""
    rows = DailyViews.objects.filter(day__gte=start, day__lte=end)
    per_language = defaultdict(int)
    for language, views in rows.values_list("language", "views"):
        per_language[language] += views
    pages = per_page(rows)[:top]
    names = language_names()
    return {
        "languages": [(names.get(code, code), per_language.get(code, 0)) for code in names],
        "total": sum(per_language.values()),
        "pages": pages,
    }


def per_page(rows):
    """[(page, {language: views}, total)], most read first."""
    counts = defaultdict(lambda: defaultdict(int))
    for page_id, language, views in rows.values_list("page_id", "language", "views"):
        counts[page_id][language] += views
    pages = Page.objects.in_bulk(counts.keys())
    table = [(pages[page_id], dict(by_language), sum(by_language.values())) for page_id, by_language in counts.items()]
    table.sort(key=lambda row: (-row[2], row[0].title))
    return table


class AudiencePanel(Component):
    """Dashboard: this week's views per language and the most read pages, and what other rooms add."""

    name = "audience"
    template_name = "audience/panel.html"
    order = 80

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        start, end = this_week()
        sections = []
        for hook in hooks.get_hooks("audience_panel_sections"):
            sections.extend(hook(self.request, start, end) or [])
        return {**summary(start, end), "sections": sections, "report_url": reverse("audience_report")}


class RangeForm(forms.Form):
    # A date input takes and gives ISO dates, whatever the admin's language.
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%d"]
        self.fields["language"].choices = [("", _("Both languages")), *settings.LANGUAGES]

    def clean(self):
        data = super().clean()
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - timedelta(days=6)
        if start > end:
            raise forms.ValidationError(_("The first day comes after the last one."))
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Choose at most a year."))
        data["start"], data["end"] = start, end
        return data


def daily_chart(rows, start, end, width=640, height=160):
    """Bars per day, one series per language, drawn by the template as SVG (no script): geometry only."""
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    codes = [code for code, _name in settings.LANGUAGES]
    totals = {day: dict.fromkeys(codes, 0) for day in days}
    for day, language, views in rows.values_list("day", "language", "views"):
        if day in totals and language in totals[day]:
            totals[day][language] += views
    peak = max([sum(values.values()) for values in totals.values()] + [1])
    step = width / len(days)
    bar = max(step * 0.8, 1)
    bars = []
    for index, day in enumerate(days):
        top = height
        for code in codes:
            views = totals[day][code]
            bar_height = round(views / peak * (height - 20), 1)
            top -= bar_height
            if views:
                bars.append(
                    {
                        "x": round(index * step, 1),
                        "y": round(top, 1),
                        "width": round(bar, 1),
                        "height": bar_height,
                        "language": code,
                        "title": f"{date_format(day, 'SHORT_DATE_FORMAT')} · {code.upper()} : {views}",
                    }
                )
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "peak": peak,
        "first": date_format(days[0], "SHORT_DATE_FORMAT"),
        "last": date_format(days[-1], "SHORT_DATE_FORMAT"),
    }


def audience_report(request):
    """Views between two days, per page and language, with a chart and exports (?export=csv|xlsx)."""
    if not can_see(request.user):
        return forbidden(request)
    form = RangeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        language = form.cleaned_data["language"]
    else:
        end = timezone.localdate()
        start, language = end - timedelta(days=6), ""
    rows = DailyViews.objects.filter(day__gte=start, day__lte=end)
    if language:
        rows = rows.filter(language=language)
    table = per_page(rows)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return export_table(table, start, end, export)
    channels = defaultdict(int)
    for channel, views in rows.values_list("channel", "views"):
        channels[channel] += views
    codes = [code for code, _name in settings.LANGUAGES]
    query = request.GET.copy()
    query.pop("export", None)
    return TemplateResponse(
        request,
        "audience/report.html",
        {
            "header_title": _("Audience"),
            "form": form if form.is_bound else RangeForm(initial={"start": start, "end": end}),
            "start": start,
            "end": end,
            "languages": [(code, language_names()[code]) for code in codes if not language or code == language],
            "table": [
                (page, [(code, by_language.get(code, 0)) for code in codes], total)
                for page, by_language, total in table
            ],
            "codes": codes,
            "total": sum(row[2] for row in table),
            "channels": [(CHANNELS[name], channels[name]) for name in CHANNELS if channels.get(name)],
            "chart": daily_chart(rows, start, end),
            "export_query": query.urlencode(),
        },
    )


def _cell(value):
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) else value


def export_rows(table):
    codes = [code for code, _name in settings.LANGUAGES]
    heading = [gettext("Page"), gettext("Page id")] + [
        gettext("Views (%(language)s)") % {"language": code.upper()} for code in codes
    ]
    yield [*heading, gettext("Total")]
    for page, by_language, total in table:
        yield [_cell(page.title), page.pk, *(by_language.get(code, 0) for code in codes), total]


def export_table(table, start, end, kind):
    filename = f"audience-{start.isoformat()}-{end.isoformat()}"
    if kind == "csv":
        buffer = io.StringIO()
        buffer.write(UTF8_BOM)
        csv.writer(buffer).writerows(export_rows(table))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(gettext("Audience"))
        for row in export_rows(table):
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    return response
