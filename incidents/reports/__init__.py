"""Case reports: one context per case (`case_report_context`) rendered in every export format (`render_case`)."""

from incidents.reports.context import SCHEMA, VERSION, case_report_context
from incidents.reports.render import FORMATS, UnknownFormat, render_case

__all__ = ["FORMATS", "SCHEMA", "VERSION", "UnknownFormat", "case_report_context", "render_case"]
