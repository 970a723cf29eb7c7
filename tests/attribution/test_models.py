"""Parties, aliases, identity links and sourced statements: database constraints and clean() rules."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from attribution.models import Attribution, PartyAlias, PartyExternalId, PossiblySameAs
from tests.db import refused_by_database
from tests.factories import (
    AttributionFactory,
    ConsequenceFactory,
    PartyAliasFactory,
    PartyFactory,
    ReactionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

TEXT = "Kanaani, however, dismissed the allegations as “baseless,” saying Tehran had been a target."


# --- Parties ----------------------------------------------------------------------------------------
def test_one_alias_string_per_party_is_enforced_by_the_database():
    alias = PartyAliasFactory(name="Helix Kitten")
    with refused_by_database():
        PartyAlias.objects.create(party=alias.party, name="helix  KITTEN")


def test_the_same_alias_may_name_two_parties():
    PartyAliasFactory(name="Grizzly Steppe")
    PartyAliasFactory(name="Grizzly Steppe")
    assert PartyAlias.objects.filter(normalized="grizzly steppe").values("party").distinct().count() == 2


def test_alias_equal_to_the_party_name_is_refused():
    party = PartyFactory(name="HomeLand Justice", kind="threat_group")
    with pytest.raises(ValidationError, match="own name"):
        PartyAlias(party=party, name="Homeland  justice").full_clean()


def test_alias_without_letters_is_refused():
    with pytest.raises(ValidationError, match="letter or digit"):
        PartyAlias(party=PartyFactory(), name=" -- ").full_clean()


def test_external_ids_are_unique_per_system():
    PartyExternalId.objects.create(party=PartyFactory(), system="mitre_attack", value="G0049")
    PartyExternalId.objects.create(party=PartyFactory(), system="misp_galaxy", value="G0049")
    with refused_by_database():
        PartyExternalId.objects.create(party=PartyFactory(), system="mitre_attack", value="G0049")


def test_party_tree_may_not_loop():
    iran = PartyFactory(name="Iran")
    mois = PartyFactory(name="MOIS", kind="government_body", parent=iran)
    iran.parent = mois
    with pytest.raises(ValidationError, match="loop"):
        iran.full_clean()


def test_party_may_not_be_its_own_parent_in_the_database():
    party = PartyFactory()
    with refused_by_database():
        type(party).objects.filter(pk=party.pk).update(parent=party.pk)


def test_country_must_be_an_iso_code():
    with pytest.raises(ValidationError, match="country code"):
        PartyFactory.build(country="Iran").full_clean()
    PartyFactory.build(country="XK").full_clean()  # Kosovo's code in wide use


def test_possibly_same_as_refuses_self_links_and_reverse_duplicates():
    a, b = PartyFactory(kind="threat_group"), PartyFactory(kind="threat_group")
    PossiblySameAs.objects.create(party_a=a, party_b=b, confidence="likely")
    with refused_by_database():
        PossiblySameAs.objects.create(party_a=a, party_b=a)
    with refused_by_database():
        PossiblySameAs.objects.create(party_a=b, party_b=a)
    with pytest.raises(ValidationError, match="already linked"):
        PossiblySameAs(party_a=b, party_b=a).full_clean()
    assert a.possibly_same_as_links.get().party_b == b  # never merged: both parties remain


# --- Statements and their quotes ----------------------------------------------------------------------
def test_quote_offsets_are_found_in_the_source_text():
    claim = AttributionFactory(source=SourceFactory(text=TEXT))
    claim.quote = "dismissed the allegations as “baseless,”"
    claim.full_clean()
    assert TEXT[claim.quote_start : claim.quote_end] == claim.quote
    assert claim.quote_start == TEXT.index("dismissed")


def test_quote_missing_from_the_source_text_is_refused():
    reaction = ReactionFactory(source=SourceFactory(text=TEXT))
    reaction.quote = "Iran admitted the attack"
    with pytest.raises(ValidationError, match="does not occur"):
        reaction.full_clean()


def test_quote_at_wrong_offsets_is_refused_with_the_right_ones():
    reaction = ReactionFactory(source=SourceFactory(text=TEXT))
    reaction.quote, reaction.quote_start, reaction.quote_end = "baseless", 0, 8
    with pytest.raises(ValidationError, match=r"occurs at 48-56"):
        reaction.full_clean()


def test_quote_is_not_checked_when_the_source_has_no_text():
    consequence = ConsequenceFactory(source=SourceFactory(text=""))
    consequence.quote, consequence.quote_start, consequence.quote_end = "snap diplomatic ties", 430, 450
    consequence.full_clean()  # offsets into the original document, which is not stored


def test_offsets_without_a_quote_are_refused():
    reaction = ReactionFactory()
    reaction.quote_start, reaction.quote_end = 1, 5
    with pytest.raises(ValidationError, match="quote is empty"):
        reaction.full_clean()


def test_database_refuses_offsets_that_do_not_span_the_quote():
    claim = AttributionFactory(quote="baseless", quote_start=10, quote_end=18)
    with refused_by_database():
        Attribution.objects.filter(pk=claim.pk).update(quote_end=30)
    with refused_by_database():
        Attribution.objects.filter(pk=claim.pk).update(quote_start=None)


def test_statement_dates_may_not_be_in_the_future():
    claim = AttributionFactory()
    claim.stated_on = dt.date.today() + dt.timedelta(days=3)
    with pytest.raises(ValidationError, match="future"):
        claim.full_clean()


def test_month_precise_dates_are_stored_as_the_first_day():
    claim = AttributionFactory()
    claim.stated_on, claim.stated_on_precision = dt.date(2022, 9, 7), "month"
    with pytest.raises(ValidationError, match="first day"):
        claim.full_clean()
    claim.stated_on = dt.date(2022, 9, 1)
    claim.full_clean()


def test_missing_date_means_unknown_precision():
    claim = AttributionFactory(stated_on=None)
    assert claim.stated_on_precision == "unknown"
    with refused_by_database():
        Attribution.objects.filter(pk=claim.pk).update(stated_on_precision="day")
    with refused_by_database():
        Attribution.objects.filter(pk=claim.pk).update(stated_on=dt.date(2022, 9, 7))


def test_reaction_must_answer_a_claim_about_the_same_incident():
    reaction = ReactionFactory()
    reaction.attribution = AttributionFactory()  # another incident
    with pytest.raises(ValidationError, match="another incident"):
        reaction.full_clean()
    reaction.attribution = AttributionFactory(incident=reaction.incident)
    reaction.full_clean()


def test_every_domain_model_keeps_history():
    claim = AttributionFactory(confidence_text="moderate confidence")
    claim.confidence_text = "high confidence"
    claim.save()
    assert [h.confidence_text for h in claim.history.all()] == ["high confidence", "moderate confidence"]
    from django.apps import apps

    domain = [m for m in apps.get_models() if m._meta.app_label in ("attribution", "incidents")]
    derived = [m.__name__ for m in domain if getattr(m, "DERIVED", False)]
    assert derived == ["IncidentSearch"]  # rebuilt from the records, so it keeps no history of its own
    records = [m for m in domain if m.__name__ not in derived and not m.__name__.startswith("Historical")]
    assert [m.__name__ for m in records if not hasattr(m, "history")] == []


def test_party_needs_a_name_in_the_database():
    with refused_by_database():
        PartyFactory(name="")


def test_alias_needs_a_name_in_the_database():
    with refused_by_database():
        PartyAlias.objects.create(party=PartyFactory(), name="!!")


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (AttributionFactory, "stated_on"),
        (ReactionFactory, "stated_on"),
        (ConsequenceFactory, "announced_on"),
        (ConsequenceFactory, "effective_on"),
    ],
)
def test_every_statement_date_has_a_consistent_precision(factory, field):
    record = factory()
    model = type(record)
    with refused_by_database():
        model.objects.filter(pk=record.pk).update(**{field: dt.date(2022, 9, 7), f"{field}_precision": "unknown"})
    with refused_by_database():
        model.objects.filter(pk=record.pk).update(**{field: None, f"{field}_precision": "day"})


@pytest.mark.parametrize("factory", [ReactionFactory, ConsequenceFactory])
def test_every_statement_checks_quote_offsets_in_the_database(factory):
    record = factory(quote="baseless", quote_start=3, quote_end=11)
    with refused_by_database():
        type(record).objects.filter(pk=record.pk).update(quote_end=12)
