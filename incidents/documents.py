"""Text and metadata of an imported document: HTML (trafilatura), plain text, PDF (pypdf)."""

import datetime as dt
import io
from dataclasses import dataclass

from dateutil import parser as date_parser


class DocumentError(Exception):
    """A document whose text cannot be read; the message is shown on the job."""


@dataclass
class Document:
    text: str
    title: str = ""
    author: str = ""
    published_on: dt.date | None = None
    language: str = ""


def document_from_bytes(content: bytes, *, content_type: str = "", name: str = "", url: str = "") -> Document:
    """Read a document by its content type (or file name): HTML, PDF, or plain text."""
    kind = _kind(content, content_type, name)
    if kind == "pdf":
        return _from_pdf(content)
    if kind == "html":
        return _from_html(content, url)
    return Document(text=_decode(content).strip())


def _kind(content: bytes, content_type: str, name: str) -> str:
    lowered = name.lower()
    if content_type == "application/pdf" or lowered.endswith(".pdf") or content.startswith(b"%PDF-"):
        return "pdf"
    head = content[:1024].lstrip().lower()
    if "html" in content_type or lowered.endswith((".html", ".htm")) or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _decode(content: bytes) -> str:
    encoding = "utf-16" if content[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"The text is not valid {encoding.split('-sig')[0].upper()} (byte {error.start}); "
            "save it as UTF-8 and import it again."
        ) from error


def _from_html(content: bytes, url: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        content, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or not (extracted.text or "").strip():
        raise DocumentError("No article text was found on the page.")
    return Document(
        text=extracted.text.strip(),
        title=(extracted.title or "").strip(),
        author=(extracted.author or "").strip(),
        published_on=parse_date(extracted.date),
        language=(extracted.language or "").strip(),
    )


def _from_pdf(content: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        text = "\n".join((page.extract_text() or "") for page in reader.pages).strip()
        title = (reader.metadata.title if reader.metadata else "") or ""
    except (PdfReadError, ValueError, KeyError) as error:
        raise DocumentError(f"The PDF could not be read ({error}).") from error
    if not text:
        raise DocumentError("The PDF holds no extractable text (a scan needs OCR first).")
    return Document(text=text, title=title.strip())


def parse_date(value: str | None) -> dt.date | None:
    """A date from metadata text, or None when there is none or it cannot be read."""
    if not value:
        return None
    try:
        return date_parser.parse(value).date()
    except (ValueError, OverflowError):
        return None
