"""URL configuration: the admin for researchers, the REST API and its schema and docs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.api import build_router
from incidents.api.dataset import DatasetView
from incidents.api.views import StatsView

handler404 = "config.api.page_not_found"  # JSON under /api/

admin.site.site_header = "Cyber-incident attribution tracker"
admin.site.site_title = "Attribution tracker"
admin.site.index_title = "Cases, claims, reactions and consequences"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("cases/", include("incidents.reports.urls")),
    path("api/v1/stats/", StatsView.as_view(), name="stats"),
    path("api/v1/dataset/", DatasetView.as_view(), name="dataset"),
    path("api/v1/", include(build_router().urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("taxii2/", include("incidents.taxii")),
]
