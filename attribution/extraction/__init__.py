"""Extraction of attribution records from report text: text in, plain draft records out.

Rules, then a learned second reading of their output (learned.py, weights shipped in attribution/data).
Deterministic, no model downloads, no database writes. See `extract.extract_report`.
"""

from attribution.extraction.extract import ExtractionResult, extract_report

__all__ = ["ExtractionResult", "extract_report"]
