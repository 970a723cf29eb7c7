"""`load_demo`: the Albania 2022 case as structured data, loaded idempotently."""

import pytest
from django.apps import apps
from django.core.management import call_command

from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.demo import ATTRIBUTIONS, CONSEQUENCES, REACTIONS, SEED_TITLE
from incidents.models import Incident, Source
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    """Rows in every table of the two apps, history and many-to-many tables included."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in ("incidents", "attribution"):
            counts[model._meta.label] = model.objects.count()
    return counts


def test_load_demo_twice_changes_nothing(capsys):
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")
    assert row_counts() == first
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert Incident.objects.filter(slug="albania-government-cyberattack-2022-07").count() == 1
    assert first["incidents.Incident"] == 2
    assert Incident.history.filter(history_type="+").count() == 2


def test_load_demo_restores_an_edited_record(demo):
    Attribution.objects.filter(incident=demo, confidence_text="almost certainly").update(confidence_text="edited")
    call_command("load_demo")
    assert Attribution.objects.filter(incident=demo, confidence_text="almost certainly").count() == 1


def test_demo_case_holds_claims_denial_and_consequences(demo):
    claims = {
        (a.made_by.name, a.attributed_to.name, a.stated_on.isoformat(), a.stance)
        for a in demo.attributions.select_related("made_by", "attributed_to")
    }
    assert claims == {
        ("Mandiant", "Iran", "2022-08-04", "attributes"),
        ("Albania", "Iran", "2022-09-07", "attributes"),
        ("National Security Council", "Iran", "2022-09-07", "attributes"),
        ("National Cyber Security Centre", "Iran", "2022-09-07", "attributes"),
        ("Microsoft", "Ministry of Intelligence and Security", "2022-09-08", "attributes"),
        ("NATO", "Iran", "2022-09-08", "endorses"),
    }
    assert set(demo.reactions.values_list("party__name", "stance")) == {
        ("Iran", "denial"),
        ("Iran", "counter_accusation"),
    }
    assert set(demo.consequences.values_list("kind", "target__name")) == {
        ("severed_diplomatic_relations", "Iran"),
        ("expelled_diplomats", "Iran"),
        ("pledged_response", "Iran"),
        ("sanctions", "Ministry of Intelligence and Security"),
        ("sanctions", "Esmail Khatib"),
    }
    assert demo.types == ["disruption", "ransomware", "wiper", "data_theft"]
    assert demo.related_incidents.get().started_on.isoformat() == "2022-09-09"
    assert Party.objects.get(name="HomeLand Justice").parent.name == "Iran"


def test_demo_records_are_public(demo):
    for model in (Incident, Source, Party, Attribution, Reaction, Consequence):
        assert set(model.objects.values_list("review_status", "tlp").distinct()) == {("confirmed", "clear")}


def test_demo_quotes_sit_at_their_offsets_in_the_seed_article(demo):
    text = shared_path("seed", "articles", "albania-2022.txt").read_text(encoding="utf-8")
    quoted = [spec for spec in ATTRIBUTIONS + REACTIONS + CONSEQUENCES if "quote" in spec]
    assert len(quoted) == 7
    for spec in quoted:
        assert text[spec["quote_start"] : spec["quote_start"] + len(spec["quote"])] == spec["quote"]
    seed = Source.objects.get(title=SEED_TITLE)
    assert seed.text == ""  # the article itself is not stored
    stored = [s for model in (Attribution, Reaction, Consequence) for s in model.objects.filter(source=seed)]
    assert all(text[s.quote_start : s.quote_end] == s.quote for s in stored)
