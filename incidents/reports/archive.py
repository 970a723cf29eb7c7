"""Several case reports in one ZIP archive (the admin's "Export case reports (zip)")."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from incidents.models import Incident
from incidents.reports.context import case_report_context
from incidents.reports.render import FORMATS, render_case

# Each case costs about a second (its PDF): keep one request well under a proxy's time limit.
ZIP_MAX_CASES = 20


def case_reports_zip(incidents: QuerySet[Incident], *, user) -> bytes:
    """A ZIP with `<slug>.<ext>` in every format for each case the user may see; cases a report never shows
    (rejected ones) are listed in `skipped.txt`. Raises ValidationError above ZIP_MAX_CASES cases."""
    cases = list(incidents.order_by("slug")[: ZIP_MAX_CASES + 1])
    if len(cases) > ZIP_MAX_CASES:
        raise ValidationError(f"Select at most {ZIP_MAX_CASES} cases per archive.")
    buffer, skipped = io.BytesIO(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for incident in cases:
            try:
                context = case_report_context(incident, user=user)
            except Incident.DoesNotExist:
                skipped.append(incident.slug)
                continue
            for fmt in FORMATS:
                content, _, filename = render_case(context, fmt)
                archive.writestr(filename, content)
        if skipped:
            archive.writestr(
                "skipped.txt", "Not reported (rejected or not visible to you):\n" + "\n".join(skipped) + "\n"
            )
    return buffer.getvalue()
