"""Rule-based extraction of attribution records from report text: text in, plain draft records out.

Deterministic, no model downloads, no database writes. See `extract.extract_report`.
"""

from attribution.extraction.extract import ExtractionResult, extract_report

__all__ = ["ExtractionResult", "extract_report"]
