"""Who said what about whom: parties, attribution claims, the accused's reactions and consequences."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Greatest, Least, Length
from simple_history.models import HistoricalRecords

from attribution.codebook import (
    AttributionBasis,
    AttributionChannel,
    AttributionLevel,
    AttributionStance,
    AttributorType,
    Confidence,
    ConsequenceKind,
    ConsequenceStatus,
    DatePrecision,
    ExternalIdSystem,
    PartyKind,
    ReactionStance,
    ReviewStatus,
    Tlp,
)
from attribution.countries import country_choices, validate_country_code
from attribution.dates import check_dates, format_date, normalize_precisions, precision_constraint, precision_field
from attribution.fields import ChoiceListField, external_id_field
from attribution.normalize import normalize_name
from attribution.querysets import AttributionQuerySet, ConsequenceQuerySet, PartyQuerySet, ReactionQuerySet


class CountryCodeField(models.CharField):
    """An ISO 3166-1 alpha-2 code, or blank; the choice list is offered by forms, not stored in migrations."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_country_code])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedChoiceField,
            "choices": [("", "---------"), *country_choices()],
            "coerce": str,
            "empty_value": "",
            **kwargs,
        }
        # Bypass CharField.formfield, whose max_length a choice field does not take.
        return models.Field.formfield(self, **defaults)


class Party(models.Model):
    """One actor in the record: a state, a body of a state, a person, a threat group, a company, an org."""

    name = models.CharField(max_length=200)
    normalized_name = models.CharField(max_length=200, editable=False, db_index=True, default="")
    kind = models.CharField(max_length=24, choices=PartyKind.choices)
    country = CountryCodeField(
        help_text="ISO 3166-1 alpha-2 code of the state it is or belongs to; for a threat group, the state it "
        "is said to act for (blank when none is claimed)."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The party this one belongs to (MOIS belongs to Iran; a spokesperson to a ministry).",
    )
    description = models.TextField(blank=True)
    references = models.JSONField(
        default=list, blank=True, help_text="Links to reports about the party (e.g. from an imported catalogue)."
    )
    review_status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    tlp = models.CharField("TLP", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "parties"
        constraints = [
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="party_not_own_parent"),
            models.CheckConstraint(condition=~models.Q(name=""), name="party_name_not_empty"),
        ]
        indexes = [models.Index(fields=["kind", "country"])]

    def __str__(self) -> str:
        if self.kind == PartyKind.STATE or not self.country:
            return self.name
        return f"{self.name} ({self.country})"

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    @property
    def alias_names(self) -> list[str]:
        return [alias.name for alias in self.aliases.all()]

    def clean(self) -> None:
        self.name = self.name.strip()
        if self.parent_id is None:
            return
        ancestor, seen = self.parent, {self.pk}
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError({"parent": f"{self.parent} cannot be the parent: the tree would loop."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class PartyAlias(models.Model):
    """Another name one party is known by (APT34 = OilRig = Helix Kitten); the same string may name others."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    language = models.CharField(max_length=16, blank=True, help_text="Language code, e.g. en, fa, ru.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "name"]
        verbose_name_plural = "party aliases"
        constraints = [
            models.UniqueConstraint(fields=["party", "normalized"], name="party_alias_unique_per_party"),
            models.CheckConstraint(condition=~models.Q(normalized=""), name="party_alias_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.name = self.name.strip()
        self.normalized = normalize_name(self.name)
        if not self.normalized:
            raise ValidationError({"name": "An alias needs at least one letter or digit."})
        if self.party_id and self.party.normalized_name == self.normalized:
            raise ValidationError({"name": "This is the party's own name, not an alias."})


class PartyExternalId(models.Model):
    """An identifier another catalogue gives the party (MITRE ATT&CK G0049, a MISP galaxy UUID, a STIX id)."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="external_ids")
    system = models.CharField(max_length=16, choices=ExternalIdSystem.choices)
    value = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["system", "value"]
        verbose_name = "external id"
        constraints = [
            models.UniqueConstraint(fields=["system", "value"], name="party_external_id_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_system_display()}: {self.value}"


class PossiblySameAs(models.Model):
    """A researcher's or an importer's note that two parties may be one actor; never merged automatically."""

    party_a = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="possibly_same_as_links")
    party_b = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="possibly_same_as_backlinks", verbose_name="possibly same as"
    )
    confidence = models.CharField(max_length=20, choices=Confidence.choices, default=Confidence.UNSTATED)
    source = models.ForeignKey(
        "incidents.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="party_identity_links"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "possibly-same-as link"
        constraints = [
            models.CheckConstraint(condition=~models.Q(party_a=models.F("party_b")), name="same_as_distinct_parties"),
            models.UniqueConstraint(
                Least("party_a", "party_b"), Greatest("party_a", "party_b"), name="same_as_pair_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party_a} possibly same as {self.party_b}"

    def clean(self) -> None:
        if self.party_a_id and self.party_a_id == self.party_b_id:
            raise ValidationError({"party_b": "A party cannot be linked to itself."})
        if self.party_a_id and self.party_b_id:
            reverse = PossiblySameAs.objects.filter(party_a=self.party_b_id, party_b=self.party_a_id)
            if reverse.exclude(pk=self.pk).exists():
                raise ValidationError({"party_b": "These two parties are already linked."})


class Statement(models.Model):
    """What all sourced statements share: the incident, the source, a verbatim quote, a speaker, review."""

    incident = models.ForeignKey("incidents.Incident", on_delete=models.CASCADE, related_name="%(class)ss")
    source = models.ForeignKey("incidents.Source", on_delete=models.PROTECT, related_name="%(class)ss")
    quote = models.TextField(blank=True, help_text="Verbatim words from the source.")
    quote_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Character offset of the quote in the source's text (filled in when found)."
    )
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    speaker = models.ForeignKey(
        Party,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spoken_%(class)ss",
        help_text="The person (or office) who made the statement.",
    )
    note = models.TextField(blank=True, help_text="The researcher's comment.")
    external_id = external_id_field()  # noqa: DJ001 (NULL: records not imported have none)
    review_status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    tlp = models.CharField("TLP", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quote_start__isnull=True, quote_end__isnull=True)
                | models.Q(quote_start__isnull=False, quote_end=models.F("quote_start") + Length("quote")),
                name="%(class)s_quote_offsets_match_quote",
            ),
        ]

    DATE_FIELDS: dict[str, str] = {}

    def save(self, *args, **kwargs):
        normalize_precisions(self, self.DATE_FIELDS)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.quote = self.quote.strip()
        check_dates(self, self.DATE_FIELDS)
        self._clean_quote()

    def _clean_quote(self) -> None:
        """A quote must occur in the source's stored text, at its offsets when they are given."""
        if not self.quote:
            if self.quote_start is not None or self.quote_end is not None:
                raise ValidationError({"quote": "Offsets are given but the quote is empty."})
            return
        if (self.quote_start is None) != (self.quote_end is None):
            raise ValidationError({"quote_end": "Give both offsets or neither."})
        text = self.source.text if self.source_id else ""
        if self.quote_start is not None and self.quote_end - self.quote_start != len(self.quote):
            raise ValidationError({"quote_end": "The offsets do not span the quote's length."})
        if not text:
            return
        if self.quote_start is None:
            found = text.find(self.quote)
            if found < 0:
                raise ValidationError({"quote": "The quote does not occur in the source's stored text."})
            self.quote_start, self.quote_end = found, found + len(self.quote)
        elif text[self.quote_start : self.quote_end] != self.quote:
            found = text.find(self.quote)
            where = f" (it occurs at {found}-{found + len(self.quote)})" if found >= 0 else " and does not occur in it"
            raise ValidationError(
                {"quote_start": f"The source's text at {self.quote_start}-{self.quote_end} is not the quote{where}."}
            )

    def date_display(self) -> str:
        field = next(iter(self.DATE_FIELDS))
        return format_date(getattr(self, field), getattr(self, f"{field}_precision"))


class Attribution(Statement):
    """One claim: a party (`made_by`) blamed another (`attributed_to`) for an incident, on a day, on a basis."""

    made_by = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="attributions_made")
    attributed_to = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="attributions_received")
    stance = models.CharField(max_length=12, choices=AttributionStance.choices, default=AttributionStance.ATTRIBUTES)
    stated_on = models.DateField(null=True, blank=True, help_text="The day the claim was made.")
    stated_on_precision = precision_field("stated on precision")
    attributor_type = models.CharField(max_length=24, choices=AttributorType.choices, default=AttributorType.OTHER)
    channel = models.CharField(max_length=24, choices=AttributionChannel.choices, default=AttributionChannel.UNCLEAR)
    level = models.CharField(max_length=20, choices=AttributionLevel.choices, blank=True)
    basis = ChoiceListField(item_choices=AttributionBasis.choices, help_text="Evidence the claim rests on.")
    confidence_text = models.CharField(
        "confidence (verbatim)", max_length=200, blank=True, help_text='The words used, e.g. "almost certainly".'
    )
    confidence = models.CharField(max_length=20, choices=Confidence.choices, default=Confidence.UNSTATED)

    history = HistoricalRecords()
    objects = AttributionQuerySet.as_manager()

    DATE_FIELDS = {"stated_on": "statement date"}

    class Meta(Statement.Meta):
        ordering = ["stated_on", "id"]
        constraints = [*Statement.Meta.constraints, precision_constraint("attribution", "stated_on")]
        indexes = [
            models.Index(fields=["stated_on"]),
            models.Index(fields=["review_status", "tlp"]),
        ]

    def __str__(self) -> str:
        return f"{self.made_by} → {self.attributed_to} ({self.date_display()})"


class Reaction(Statement):
    """What a party (usually the accused) said in answer: a denial, a counter-accusation, an acknowledgement."""

    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="reactions")
    attribution = models.ForeignKey(
        Attribution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reactions",
        help_text="The claim this reaction answers, where known.",
    )
    stance = models.CharField(max_length=20, choices=ReactionStance.choices)
    accuses = models.ManyToManyField(
        Party,
        blank=True,
        related_name="counter_accused_in",
        help_text="For a counter-accusation: whom the reacting party blames instead.",
    )
    stated_on = models.DateField(null=True, blank=True)
    stated_on_precision = precision_field("stated on precision")

    history = HistoricalRecords(m2m_fields=[accuses])
    objects = ReactionQuerySet.as_manager()

    DATE_FIELDS = {"stated_on": "statement date"}

    class Meta(Statement.Meta):
        ordering = ["stated_on", "id"]
        constraints = [*Statement.Meta.constraints, precision_constraint("reaction", "stated_on")]
        indexes = [
            models.Index(fields=["stated_on"]),
            models.Index(fields=["review_status", "tlp"]),
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.get_stance_display()} ({self.date_display()})"

    def clean(self) -> None:
        super().clean()
        if self.attribution_id and self.incident_id and self.attribution.incident_id != self.incident_id:
            raise ValidationError({"attribution": "The answered claim belongs to another incident."})


class Consequence(Statement):
    """A measure one party took or announced against another because of an incident (severance, sanctions…)."""

    initiated_by = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="consequences_initiated")
    target = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="consequences_received"
    )
    kind = models.CharField(max_length=32, choices=ConsequenceKind.choices)
    status = models.CharField(max_length=12, choices=ConsequenceStatus.choices, default=ConsequenceStatus.ANNOUNCED)
    announced_on = models.DateField(null=True, blank=True)
    announced_on_precision = precision_field("announced on precision")
    effective_on = models.DateField(null=True, blank=True)
    effective_on_precision = precision_field("effective on precision")
    legal_instrument = models.CharField(max_length=200, blank=True, help_text='For sanctions, e.g. "EO 13694".')
    description = models.TextField(blank=True)
    relies_on = models.ManyToManyField(
        Attribution, blank=True, related_name="consequences", help_text="The claims this measure rests on."
    )

    history = HistoricalRecords(m2m_fields=[relies_on])
    objects = ConsequenceQuerySet.as_manager()

    DATE_FIELDS = {"announced_on": "announcement date", "effective_on": "effective date"}

    class Meta(Statement.Meta):
        ordering = ["announced_on", "id"]
        constraints = [
            *Statement.Meta.constraints,
            precision_constraint("consequence", "announced_on"),
            precision_constraint("consequence", "effective_on"),
        ]
        indexes = [
            models.Index(fields=["announced_on"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["review_status", "tlp"]),
        ]

    def __str__(self) -> str:
        target = f" → {self.target}" if self.target_id else ""
        return f"{self.initiated_by}{target}: {self.get_kind_display()} ({self.date_display()})"

    def check_relations(self, relies_on=()) -> None:
        """A consequence may rely only on claims about its own incident."""
        foreign = [claim for claim in relies_on if claim.incident_id != self.incident_id]
        if foreign:
            names = "; ".join(map(str, foreign))
            raise ValidationError({"relies_on": f"These claims belong to other incidents: {names}"})


__all__ = [
    "Attribution",
    "Consequence",
    "DatePrecision",
    "Party",
    "PartyAlias",
    "PartyExternalId",
    "PossiblySameAs",
    "Reaction",
]
