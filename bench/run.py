"""The performance bench: API and admin response times against hand-written SQL, and HTTP throughput.

Usage: python bench/run.py [--incidents 100000] [--only NAME[,NAME]] [--regenerate] [--profile DIR]

Measures (--only): list, list_10, detail, filter, search, stats, admin, http_detail.
Runs on PostgreSQL: the corpus lives in the database --database (default bench_corpus) on the server of
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/). It is built on the first run (bench/corpus.py)
and reused while its parameters are the same; --regenerate rebuilds it. See docs/performance.md.
"""

import argparse
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURES = ["list", "list_10", "detail", "filter", "search", "stats", "admin", "http_detail"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000, help="corpus size (default 100000)")
    parser.add_argument("--only", default="", help=f"comma-separated measures among {', '.join(MEASURES)}")
    parser.add_argument("--database", default="bench_corpus", help="database name (default bench_corpus)")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the corpus even if it matches")
    parser.add_argument("--seed", type=int, default=None, help="corpus random seed (part of its parameters)")
    parser.add_argument("--runs", type=int, default=40, help="timed requests per in-process measure (default 40)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first (default 5)")
    parser.add_argument("--profile", type=Path, default=None, metavar="DIR", help="write profiles and plans to DIR")
    parser.add_argument("--http-requests", type=int, default=6000, help="HTTP request budget (default 6000)")
    parser.add_argument("--http-seconds", type=float, default=20, help="HTTP time budget in seconds (default 20)")
    parser.add_argument("--http-concurrency", type=int, default=4, help="HTTP connections at once (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--http-client",
        choices=["auto", "wrk", "asyncio"],
        default="auto",
        help="HTTP load generator: wrk (apt install wrk; a C client that leaves the cores to the server) or the "
        "bundled asyncio client; auto (default) takes wrk when installed",
    )
    parser.add_argument(
        "--db-query",
        default="",
        metavar="QUERY",
        help="what-if: query string added to the bench's DATABASE_URL for Django (in process and gunicorn), "
        "e.g. 'conn_max_age=60&options=-c%%20jit%%3Doff' (django-environ reads CONN_MAX_AGE and OPTIONS from it)",
    )
    args = parser.parse_args()
    args.only = [name.strip() for name in args.only.split(",") if name.strip()] or MEASURES
    unknown = sorted(set(args.only) - set(MEASURES))
    if unknown:
        parser.error(f"unknown measure(s) {', '.join(unknown)}; choose among {', '.join(MEASURES)}")
    return args


def database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    if not base.scheme.startswith("postgres"):
        raise SystemExit("bench/run.py measures PostgreSQL: DATABASE_URL must be a postgres:// URL.")
    return urlunsplit((base.scheme, base.netloc, f"/{name}", "", ""))


def configure_environment(url: str) -> None:
    """Production settings (DEBUG off) on the bench database; throttles raised, since one client sends all."""
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_HTTPS", "0")  # plain HTTP on loopback (production sits behind TLS)
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else-0123456789")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ["API_THROTTLE_ANON"] = "1000000/second"
    os.environ["API_THROTTLE_USER"] = "1000000/second"


def prepare_database(url: str, params: dict, regenerate: bool) -> bool:
    """Create the database, or drop and recreate it when its corpus must be rebuilt; True when it must be."""
    import psycopg2

    from bench.corpus import stored_params

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = psycopg2.connect(urlunsplit((parts.scheme, parts.netloc, "/postgres", "", "")))
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
    rebuild = regenerate or not exists
    if exists and not rebuild:
        connection = psycopg2.connect(url)
        stored = stored_params(connection)
        connection.close()
        rebuild = stored is None or stored["params"] != params
        if stored is not None and rebuild:
            print(f"corpus: stored parameters {stored['params']} differ from {params}: rebuilding")
    if rebuild:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()
    return rebuild


def main() -> None:
    args = parse_args()
    url = database_url(args.database)
    configure_environment(f"{url}?{args.db_query}" if args.db_query else url)
    if args.db_query:
        print(f"what-if run: DATABASE_URL for Django ends with ?{args.db_query}")

    from bench.corpus import TABLES, Params

    params = Params(incidents=args.incidents) if args.seed is None else Params(incidents=args.incidents, seed=args.seed)
    rebuild = prepare_database(url, asdict(params), args.regenerate)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    marker = corpus_ready(url, params, rebuild)
    print(
        f"corpus: {args.database}, {marker['params']['incidents']:,} incidents "
        f"(built in {marker['seconds']:.0f} s{'' if rebuild else ', reused'}); "
        + ", ".join(
            f"{table.split('_', 1)[1]} {marker['counts'][table]:,}" for table in TABLES if table in marker["counts"]
        )
    )
    fill_search_documents()
    results = run_measures(args)
    report(results, marker, rebuild)


def fill_search_documents() -> None:
    """The corpus is loaded with COPY, which sends no signals: build the incidents' public search documents."""
    from django.db import connection

    from incidents import search_index

    started = time.perf_counter()
    written = search_index.fill_missing()
    if written:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE incidents_incidentsearch")
        print(f"corpus: {written:,} public search documents built in {time.perf_counter() - started:.0f} s")


def corpus_ready(url: str, params, rebuild: bool) -> dict:
    import psycopg2

    from bench.corpus import build, check_sample, stored_params

    connection = psycopg2.connect(url)
    try:
        marker = build(params, connection) if rebuild else stored_params(connection)
    finally:
        connection.close()
    if rebuild:
        problems = list(check_sample())
        print(f"corpus: model validation (full_clean) of a sample: {len(problems)} problem(s)")
        for problem in problems[:20]:
            print(f"  {problem}")
    return marker


def run_measures(args) -> list:
    from bench.measures import Bench, cases, http_throughput, sample_incidents, sql_throughput, whole_table_counts

    sample = sample_incidents()
    results = []
    in_process = [case for case in cases(sample) if case.name in args.only]
    if in_process:
        bench = Bench(args.runs, args.warmup, args.profile)
        for case in in_process:
            started = time.perf_counter()
            result = bench.run(case)
            if case.name == "admin":
                counts = whole_table_counts(bench.captured)
                if counts:
                    result.passed = False
                    result.notes.append(f"counts the whole incidents table on every page view ({len(counts)} COUNT)")
            results.append(result)
            print(f"{result.summary()}  [{time.perf_counter() - started:.0f} s, {result.cpu}]", flush=True)
    by_name = {r.name: r for r in results}
    if "list" in by_name and "list_10" in by_name:
        same = by_name["list"].queries == by_name["list_10"].queries
        by_name["list_10"].notes.append(
            f"queries per request with page size 10: {by_name['list_10'].queries}, with 50: "
            f"{by_name['list'].queries} ({'the same' if same else 'NOT the same'})"
        )
        by_name["list_10"].passed = bool(by_name["list_10"].passed and same)
    if "http_detail" in args.only:
        result = http_throughput(
            sample, requests=args.http_requests, seconds=args.http_seconds, concurrency=args.http_concurrency,
            workers=args.workers, client=args.http_client,
        )  # fmt: skip
        database_only = sql_throughput(sample, seconds=5, threads=args.workers)
        result.sql_median = result.median * result.throughput / database_only
        result.notes.append(
            f"the SQL baseline alone serves {database_only:.0f} cases/s on {args.workers} connections; "
            "ratio = that rate / the HTTP rate"
        )
        results.append(result)
        print(f"{result.summary()}  [{result.cpu}]", flush=True)
    return results


def report(results: list, marker: dict, rebuild: bool) -> None:
    print()
    print(f"{'measure':<12} {'median':>9} {'p95':>9} {'SQL med':>9} {'ratio':>7} {'queries':>8} {'DB ms':>7}  "
          f"{'result':<6} target / while measuring")  # fmt: skip
    for r in results:
        ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "n/a"
        queries = "" if r.queries is None else str(r.queries)
        db_ms = "" if r.db_ms is None else f"{r.db_ms:.1f}"
        verdict = {True: "PASS", False: "MISS", None: ""}[r.passed]
        extra = f"{r.throughput:.0f} req/s; " if r.throughput is not None else ""
        print(f"{r.name:<12} {r.median:>9.1f} {r.p95:>9.1f} {r.sql_median:>9.1f} {ratio:>7} {queries:>8} {db_ms:>7}  "
              f"{verdict:<6} {extra}{r.target} / {r.cpu}")  # fmt: skip
        for note in r.notes:
            print(f"{'':<12} - {note}")
    print()
    for r in results:
        print(r.summary())


if __name__ == "__main__":
    main()
