"""Refusing a request body larger than any import can be, from its declared size, before reading it.

Django reads a whole multipart body before a form or serializer sees the file's size (spooling files over
FILE_UPLOAD_MAX_MEMORY_SIZE to disk), so a 10 GB upload would be written out in full only to be refused.
This middleware answers 413 from the Content-Length alone. The limit is the largest legitimate body: an
import file of IMPORT_MAX_BYTES plus the other form fields, which Django caps at DATA_UPLOAD_MAX_MEMORY_SIZE.
The file's own size is still checked exactly by the import form and the API (importjob_input_problem).
A body without a Content-Length is not read at all by Django's WSGI request.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse

FORM_FIELDS_ALLOWANCE = 2_621_440  # Django's default DATA_UPLOAD_MAX_MEMORY_SIZE, when that is switched off


def request_body_limit() -> int:
    """The largest body, in bytes, a request may declare."""
    fields = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or FORM_FIELDS_ALLOWANCE
    return settings.IMPORT_MAX_BYTES + fields


class RequestSizeLimitMiddleware:
    """413 for a request whose declared body exceeds `request_body_limit()`; nothing of the body is read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or ""
        limit = request_body_limit()
        if declared.isdigit() and int(declared) > limit:
            return self._refuse(request, int(declared), limit)
        return self.get_response(request)

    @staticmethod
    def _refuse(request, declared: int, limit: int) -> HttpResponse:
        message = (
            f"The request body is {declared:,} bytes; the limit is {limit:,} "
            f"(an imported file may be up to {settings.IMPORT_MAX_BYTES:,} bytes)."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=413)
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
