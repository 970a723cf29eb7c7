"""Benchmark: how fast the public record imports on PostgreSQL.

Prints rows/s for the whole EuRepoC import (global + attribution CSVs; target: <= 60 s) and objects/s
for the MITRE ATT&CK ICS STIX bundle (target: >= 1,000 objects/s), each run twice: into an empty
database, then again over its own result (which writes nothing).

Usage: python bench/imports.py [--data ../shared/data] [--database NAME]
The database NAME (default bench_imports) is dropped and created on the PostgreSQL server of
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/), then migrated.
"""

import argparse
import io
import os
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    if not base.scheme.startswith("postgres"):
        raise SystemExit("bench/imports.py measures PostgreSQL: DATABASE_URL must be a postgres:// URL.")
    return urlunsplit((base.scheme, base.netloc, f"/{name}", "", ""))


def _recreate(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    server = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres", password=parts.password,
        dbname="postgres",
    )  # fmt: skip
    server.autocommit = True
    with server.cursor() as cursor:
        name = parts.path.lstrip("/")
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--database", default="bench_imports")
    args = parser.parse_args()
    eurepoc = args.data / "eurepoc"
    ics = args.data / "mitre-attack-stix-data" / "ics-attack.json"
    for path in (eurepoc / "EuRepoC_Global_Database_1.1.csv", eurepoc / "EuRepoC_Attribution_dataset_1.1.csv", ics):
        if not path.is_file():
            raise SystemExit(f"{path} is missing (see ../shared/data/MANIFEST.md).")

    url = _database_url(args.database)
    _recreate(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["DJANGO_DEBUG"] = "0"  # no query log: measure what production runs
    os.environ.setdefault("DJANGO_HTTPS", "0")  # plain HTTP on loopback (production sits behind TLS)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import stix2validator  # noqa: F401  (a worker loads it once at start; see config/celery.py)

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name in ("EuRepoC_Global_Database_1.1.csv", "EuRepoC_Attribution_dataset_1.1.csv"):
            zipped.write(eurepoc / name, name)
    ics_objects = len(__import__("json").loads(ics.read_bytes())["objects"])

    results = []
    for run in ("empty database", "re-run"):
        seconds, job = _timed("dataset", archive.getvalue(), {"format": "eurepoc", "strict": False})
        rows = job.counts["rows"] + job.counts["skipped"]
        results.append(("eurepoc", run, seconds, job, f"{rows / seconds:,.0f} rows/s", seconds <= 60))
    for run in ("empty database", "re-run"):
        seconds, job = _timed("stix", ics.read_bytes(), {})
        results.append(("ics-attack", run, seconds, job, f"{ics_objects / seconds:,.0f} objects/s", None))

    print(f"{'import':<12} {'run':<15} {'seconds':>8}  {'speed':>16}  counts")
    for name, run, seconds, job, speed, _ in results:
        counts = ", ".join(f"{value:,} {key}" for key, value in job.counts.items())
        print(f"{name:<12} {run:<15} {seconds:8.1f}  {speed:>16}  {job.status}: {counts}")
    eurepoc_first = results[0][2]
    ics_speed = ics_objects / results[2][2]
    print(
        f"eurepoc: {rows:,} incidents in {eurepoc_first:.1f} s (target <= 60 s: "
        f"{'met' if eurepoc_first <= 60 else 'MISSED'})"
    )
    print(f"ics-attack: {ics_objects:,} objects, {ics_speed:,.0f} objects/s (target >= 1,000: "
          f"{'met' if ics_speed >= 1000 else 'MISSED'})")  # fmt: skip


def _timed(kind: str, content: bytes, options: dict):
    from incidents.services import importjob_claim, importjob_create, importjob_run

    job = importjob_create(kind=kind, upload=content, upload_name=f"bench.{kind}", options=options, queue=False)
    start = time.perf_counter()
    job = importjob_run(job=importjob_claim(job_id=job.pk))
    return time.perf_counter() - start, job


if __name__ == "__main__":
    main()
