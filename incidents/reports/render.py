"""Render a case report context in one of the export formats; `FORMATS` is the one list of them.

A new format is one more `FORMATS` entry (as `stix` is) naming a function `f(context: dict) -> bytes`.
"""

import json
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from incidents.reports.svg import attribution_graph_svg, timeline_svg


@dataclass(frozen=True)
class Format:
    """How one export format is served: its media type, file extension and renderer (a dotted path)."""

    content_type: str
    extension: str
    renderer: str
    label: str


FORMATS = {
    "html": Format("text/html; charset=utf-8", "html", "incidents.reports.render.render_html", "HTML"),
    "pdf": Format("application/pdf", "pdf", "incidents.reports.render.render_pdf", "PDF"),
    "md": Format("text/markdown; charset=utf-8", "md", "incidents.reports.markdown.render_markdown", "Markdown"),
    "json": Format("application/json", "json", "incidents.reports.render.render_json", "JSON"),
    "stix": Format("application/stix+json;version=2.1", "stix.json", "incidents.reports.stix.render_stix", "STIX 2.1"),
}

# TLP 2.0 colours (FIRST): the marking's colour on black.
TLP_COLORS = {"clear": "#ffffff", "green": "#33ff00", "amber": "#ffc000", "amber_strict": "#ffc000", "red": "#ff2b2b"}


class UnknownFormat(ValueError):
    """The requested export format does not exist."""

    def __init__(self, fmt: str):
        super().__init__(f"Unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}.")


def render_case(context: dict, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name `<slug>.<ext>`) of the report in `fmt`; raises UnknownFormat."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UnknownFormat(fmt)
    content = import_string(spec.renderer)(context)
    return content, spec.content_type, f"{context['case']['slug']}.{spec.extension}"


def render_json(context: dict) -> bytes:
    """The context itself, indented UTF-8 JSON."""
    return json.dumps(context, ensure_ascii=False, indent=2).encode()


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link (only those become links in a report), else None."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def html_page(context: dict, *, downloads: list[tuple[str, str]] | None = None) -> str:
    """The standalone HTML page; `downloads` are (label, URL) links shown on screen (the case page)."""
    sources = [{**source, "href": web_url(source["url"])} for source in context["sources"]]
    return render_to_string(
        "cases/report.html",
        {
            "report": context,
            "sources": sources,
            "tlp_color": TLP_COLORS[context["tlp"]["code"]],
            # Built by incidents.reports.svg from escaped strings only.
            "timeline_svg": mark_safe(timeline_svg(context)),  # noqa: S308
            "graph_svg": mark_safe(attribution_graph_svg(context)),  # noqa: S308
            "downloads": downloads or [],
        },
    )


def render_html(context: dict) -> bytes:
    return html_page(context).encode()


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"Case reports load nothing from outside: {url!r} refused.")


def render_pdf(context: dict) -> bytes:
    """The same HTML page laid out by WeasyPrint (A4, print CSS); it fetches nothing."""
    from weasyprint import HTML  # imported here: about a second, needed for PDF only

    return HTML(string=html_page(context), url_fetcher=_no_fetch).write_pdf()
