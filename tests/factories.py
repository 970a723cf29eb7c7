"""factory_boy factories for the domain models."""

import datetime as dt

import factory

from attribution.models import Attribution, Consequence, Party, PartyAlias, Reaction
from incidents.models import CaseNote, Incident, Source


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Party {n}")
    kind = "state"
    country = "IR"


class PartyAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartyAlias

    party = factory.SubFactory(PartyFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    title = factory.Sequence(lambda n: f"Report {n}")
    kind = "news"
    published_on = dt.date(2022, 9, 7)


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    slug = factory.Sequence(lambda n: f"incident-{n}")
    title = factory.Sequence(lambda n: f"Incident {n}")
    started_on = dt.date(2022, 7, 15)
    types = factory.LazyFunction(lambda: ["disruption"])
    victim_countries = factory.LazyFunction(lambda: ["AL"])


class AttributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attribution

    incident = factory.SubFactory(IncidentFactory)
    made_by = factory.SubFactory(PartyFactory, country="AL")
    attributed_to = factory.SubFactory(PartyFactory)
    source = factory.SubFactory(SourceFactory)
    stated_on = dt.date(2022, 9, 7)


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    incident = factory.SubFactory(IncidentFactory)
    party = factory.SubFactory(PartyFactory)
    stance = "denial"
    source = factory.SubFactory(SourceFactory)
    stated_on = dt.date(2022, 9, 7)


class ConsequenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consequence

    incident = factory.SubFactory(IncidentFactory)
    initiated_by = factory.SubFactory(PartyFactory, country="AL")
    target = factory.SubFactory(PartyFactory)
    kind = "severed_diplomatic_relations"
    source = factory.SubFactory(SourceFactory)
    announced_on = dt.date(2022, 9, 7)


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    incident = factory.SubFactory(IncidentFactory)
    body = "A lead worth following."
