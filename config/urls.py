"""URL configuration: the admin for researchers (the API and case pages arrive with their issues)."""

from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "Cyber-incident attribution tracker"
admin.site.site_title = "Attribution tracker"
admin.site.index_title = "Cases, claims, reactions and consequences"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
]
