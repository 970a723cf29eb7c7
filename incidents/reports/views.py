"""The read-only case page `/cases/<slug>/` and its downloads, showing only what the viewer may see."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer

from incidents.models import Incident
from incidents.reports.context import case_report_context
from incidents.reports.render import FORMATS, UnknownFormat, html_page, render_case


class ReportNegotiation(BaseContentNegotiation):
    """The report action picks its format from `?format=` itself; DRF's own use of that parameter (a 404
    for a format it has no renderer for) is switched off, and errors are answered in JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return JSONRenderer(), JSONRenderer.media_type


def report_response(context: dict, fmt: str) -> HttpResponse:
    """The rendered report as a download named `<slug>.<ext>`; raises UnknownFormat."""
    content, content_type, filename = render_case(context, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Report-Data-Version"] = context["data_version"]["sha256"]
    patch_cache_control(response, private=True, no_store=True)  # marked data, per reader
    return response


def visible_case_context(slug: str, user) -> dict:
    """The report context of the case with this slug, or 404 when the user may not see it."""
    incident = Incident.objects.filter(slug=slug).only("pk").first()
    if incident is None:
        raise Http404("No such case.")
    try:
        return case_report_context(incident, user=user)
    except Incident.DoesNotExist as error:
        raise Http404("No such case.") from error


@require_GET
@never_cache
def case_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The case report as a web page, with links to its downloads."""
    context = visible_case_context(slug, request.user)
    downloads = [(spec.label, reverse("cases:report", args=[slug, fmt])) for fmt, spec in FORMATS.items()]
    return HttpResponse(html_page(context, downloads=downloads), content_type=FORMATS["html"].content_type)


@require_GET
@never_cache
def case_report(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """One export of the case (`/cases/<slug>/report.pdf`)."""
    if fmt not in FORMATS:
        return HttpResponseBadRequest(str(UnknownFormat(fmt)), content_type="text/plain; charset=utf-8")
    return report_response(visible_case_context(slug, request.user), fmt)
