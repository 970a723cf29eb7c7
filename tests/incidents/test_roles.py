"""Role groups and clearances also govern the admin."""

import pytest
from django.contrib.auth.models import Group

from incidents.models import Incident
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_rising_permissions():
    perms = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert {"viewer", "researcher", "reviewer", "admin"} <= set(perms)
    assert "view_incident" in perms["viewer"] and "add_incident" not in perms["viewer"]
    assert "add_attribution" in perms["researcher"] and "delete_attribution" not in perms["researcher"]
    assert "delete_attribution" in perms["reviewer"]
    assert perms["viewer"] < perms["researcher"] < perms["reviewer"] <= perms["admin"]


def test_admin_hides_records_above_the_staff_users_clearance(client, make_user):
    researcher = make_user("researcher", "green")
    researcher.is_staff = True
    researcher.save()
    client.force_login(researcher)
    green = IncidentFactory(title="Green case", tlp="green", review_status="draft")
    red = IncidentFactory(title="Red case", tlp="red", review_status="confirmed")
    listing = client.get("/admin/incidents/incident/")
    assert {i.title for i in listing.context["cl"].result_list} == {"Green case"}
    assert client.get(f"/admin/incidents/incident/{red.pk}/change/").status_code == 302  # "does not exist"
    assert client.get(f"/admin/incidents/incident/{green.pk}/change/").status_code == 200
    actions = {name for name, _ in listing.context["action_form"].fields["action"].choices if name}
    assert actions == {"export_case_reports"}  # reports for anyone; no review actions (and no delete)
    assert Incident.objects.count() == 2
