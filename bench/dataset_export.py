"""Benchmark: the streamed dataset export (CSV, one row per incident with its whole case) over the
performance corpus of bench/run.py — rows per second and the process's peak memory.

Targets: >= 20,000 rows/s and < 300 MB for 100,000 incidents.
Usage: python bench/dataset_export.py [--database bench_corpus] [--format csv|json] [--limit N] [--live]
The corpus database is the one bench/run.py builds (python bench/run.py --incidents 100000 --only list).
The export is the anonymous reader's, as `export_dataset` and `GET /api/v1/dataset/` write it: the stored
public rows (incidents.datasets_sql.stored_rows; `migrate` builds the missing ones first). `--live` times
the rows assembled by PostgreSQL at export time instead, as every reader with a wider view gets them.
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="bench_corpus")
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--limit", type=int, help="Export only the first N incidents.")
    parser.add_argument("--live", action="store_true", help="Rows assembled at export time, not the stored ones.")
    args = parser.parse_args()
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    os.environ["DATABASE_URL"] = urlunsplit((base.scheme, base.netloc, f"/{args.database}", "", ""))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_HTTPS", "0")
    import django

    django.setup()
    from django.core.management import call_command

    from incidents.datasets import WRITERS, dataset_incidents, dataset_rows
    from incidents.models import Incident

    start = time.perf_counter()
    call_command("migrate", verbosity=0)  # also builds missing search documents and stored rows
    print(f"migrate (and rows built, if any were missing): {time.perf_counter() - start:.1f} s")
    incidents = Incident.objects.all()
    if args.limit:
        incidents = Incident.objects.filter(pk__in=Incident.objects.order_by("pk").values("pk")[: args.limit])
    writer = WRITERS[args.format][0]
    written = 0
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        rows = dataset_incidents(incidents, user=None) if args.live else dataset_rows(args.format, incidents, user=None)
        for chunk in writer(_counted(rows)):
            sink.write(chunk)
            written += len(chunk)
    seconds = time.perf_counter() - start
    rows, live = _counted.rows, _counted.live
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    path = "rows assembled live" if args.live else f"stored rows; {live:,} assembled live, their rows not built"
    print(f"{args.format} export ({path}) of {rows:,} incidents ({written / 1e6:,.0f} MB of text): {seconds:.1f} s")
    print(f"dataset_export: {rows / seconds:,.0f} rows/s (target >= 20,000), peak memory {peak_mb:,.0f} MB (< 300)")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


def _counted(rows):
    _counted.rows = _counted.live = 0
    for row in rows:
        _counted.rows += 1
        _counted.live += isinstance(row, dict)
        yield row


if __name__ == "__main__":
    main()
