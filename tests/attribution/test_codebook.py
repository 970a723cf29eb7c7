"""The product's choices and CODEBOOK.md list the same codes."""

import re

import pytest

from attribution import codebook
from tests.conftest import shared_path

CODE = re.compile(r"`([a-z_]+)`")

# Each vocabulary: the text that opens its list in CODEBOOK.md and the text that closes it.
SPANS = {
    codebook.DatePrecision: ("a **precision**:", "(store"),
    codebook.PartyKind: ("## Party kinds", "A party's"),
    codebook.IncidentType: ("## Incident types", "## Target"),
    codebook.TargetCategory: ("## Target categories", "Sector detail"),
    codebook.CaseStatus: ("## Case status", ";"),
    codebook.ReviewStatus: ("## Review status", "Only"),
    codebook.AttributorType: ("- `attributor_type`", "- `channel`"),
    codebook.AttributionChannel: ("- `channel`", "- `level`"),
    codebook.AttributionLevel: ("- `level`", "- `basis`"),
    codebook.AttributionBasis: ("- `basis`", "- `stance`"),
    codebook.AttributionStance: ("- `stance`:", "- confidence"),
    codebook.Confidence: ("a normalized `confidence`", "STIX export"),
    codebook.ReactionStance: ("## Reaction of the accused\n`stance`:", "A reaction answers"),
    codebook.ConsequenceKind: ("## Consequence kinds", "Each consequence has"),
    codebook.ConsequenceStatus: ("a `status` (", ")"),
    codebook.SourceKind: ("## Source kinds and reliability", "Reliability on"),
    codebook.Tlp: ("## Markings", "Default"),
}


@pytest.fixture(scope="module")
def codebook_text() -> str:
    return shared_path("CODEBOOK.md").read_text(encoding="utf-8")


def codes_between(text: str, start: str, end: str) -> list[str]:
    begin = text.index(start) + len(start)
    return CODE.findall(text[begin : text.index(end, begin)])


@pytest.mark.parametrize("choices", list(SPANS), ids=lambda c: c.__name__)
def test_choices_match_codebook(codebook_text, choices):
    start, end = SPANS[choices]
    listed = codes_between(codebook_text, start, end)
    assert listed, f"no codes found for {choices.__name__}: the codebook's layout changed"
    assert list(choices.values) == listed


def test_reliability_is_the_admiralty_scale(codebook_text):
    assert "Admiralty scale A-F" in codebook_text
    assert [value.upper() for value in codebook.Reliability.values] == list("ABCDEF")


def test_every_vocabulary_of_the_module_is_checked():
    own_scales = {codebook.Reliability, codebook.Severity, codebook.ExternalIdSystem}
    vocabularies = {
        value
        for value in vars(codebook).values()
        if isinstance(value, type)
        and issubclass(value, codebook.models.Choices)
        and value.__module__ == codebook.__name__
    }
    assert vocabularies - own_scales == set(SPANS)
