"""Benchmark: the streamed dataset export (CSV, one row per incident with its whole case) over the
performance corpus of bench/run.py — rows per second and the process's peak memory.

Targets: >= 20,000 rows/s and < 300 MB for 100,000 incidents.
Usage: python bench/dataset_export.py [--database bench_corpus] [--format csv|json] [--limit N]
The corpus database is the one bench/run.py builds (python bench/run.py --incidents 100000 --only list).
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

    from incidents.datasets import WRITERS, dataset_incidents
    from incidents.models import Incident

    call_command("migrate", verbosity=0)
    incidents = Incident.objects.all()
    if args.limit:
        incidents = Incident.objects.filter(pk__in=Incident.objects.order_by("pk").values("pk")[: args.limit])
    writer = WRITERS[args.format][0]
    rows, written = 0, 0
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for chunk in writer(_counted(dataset_incidents(incidents, user=None))):
            sink.write(chunk)
            written += len(chunk)
    seconds = time.perf_counter() - start
    rows = _counted.rows
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.format} export of {rows:,} incidents ({written / 1e6:,.0f} MB of text): {seconds:.1f} s")
    print(f"dataset_export: {rows / seconds:,.0f} rows/s (target >= 20,000), peak memory {peak_mb:,.0f} MB (< 300)")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


def _counted(rows):
    _counted.rows = 0
    for row in rows:
        _counted.rows += 1
        yield row


if __name__ == "__main__":
    main()
