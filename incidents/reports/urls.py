"""URLs of the read-only case pages: /cases/<slug>/ and /cases/<slug>/report.<format>."""

from django.urls import path

from incidents.reports import views

app_name = "cases"
urlpatterns = [
    path("<slug:slug>/", views.case_page, name="page"),
    path("<slug:slug>/report.<str:fmt>", views.case_report, name="report"),
]
