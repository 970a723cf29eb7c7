"""URLs of the read-only case pages: /cases/ (the overview), /cases/<slug>/ and /cases/<slug>/report.<format>."""

from django.urls import path

from incidents.reports import overview, views

app_name = "cases"
urlpatterns = [
    path("", overview.cases_overview, name="overview"),
    path("<slug:slug>/", views.case_page, name="page"),
    path("<slug:slug>/report.<str:fmt>", views.case_report, name="report"),
]
