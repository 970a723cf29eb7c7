"""Benchmark: how long the demo case's PDF report takes (median of several runs; target <= 1.5 s).

Also prints the time to build the report context and to render the HTML, and, separately and excluded
from the PDF figure, the one-off cost of importing WeasyPrint and of the first PDF of a process (font
set-up). Then the CSV dataset export of the 100k corpus: rows per second and peak memory (targets >= 20,000
rows/s, < 300 MB), measured by bench/dataset_export.py in a process of its own (so that its peak memory is
the export's); skipped, saying so, when the corpus database (--dataset-database) does not exist.

The demo case is loaded into a fresh SQLite database in a temporary folder unless --database-url names
another database (it must be migrated or empty; the demo case is loaded into it).

Usage: python bench/exports.py [--runs 7] [--database-url URL] [--dataset-database bench_corpus | --no-dataset]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(function, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run (CPU time shows what other load on the machine hides)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database-url", help="Default: a new SQLite file in a temporary folder.")
    parser.add_argument("--dataset-database", default="bench_corpus", help="The corpus of bench/run.py.")
    parser.add_argument("--no-dataset", action="store_true", help="Measure the PDF only.")
    args = parser.parse_args()
    corpus_url = os.environ.get("DATABASE_URL", "")  # the server of the corpus (bench/dataset_export.py)
    folder = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["DJANGO_DEBUG"] = "0"  # no query log: measure what production runs
    os.environ.setdefault("DJANGO_HTTPS", "0")  # plain HTTP on loopback (production sits behind TLS)
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from incidents.demo import demo_load
    from incidents.models import Incident
    from incidents.reports import case_report_context, render_case

    call_command("migrate", verbosity=0)
    demo_load()
    case = Incident.objects.get(slug="albania-government-cyberattack-2022-07")
    start = time.perf_counter()
    import weasyprint

    import_seconds = time.perf_counter() - start
    reader = AnonymousUser()
    context = case_report_context(case, user=reader)
    first_pdf = _timed(lambda: render_case(context, "pdf"), 1)[0][0]
    context_runs = _timed(lambda: case_report_context(case, user=reader), args.runs)[0]
    html_runs = _timed(lambda: render_case(context, "html"), args.runs)[0]
    pdf_runs, pdf_cpu = _timed(lambda: render_case(context, "pdf"), args.runs)
    pdf = render_case(context, "pdf")[0]

    median = statistics.median(pdf_runs)
    print(f"demo case: {len(context['timeline'])} timeline events, {context['counts']['sources']} sources, "
          f"PDF {len(pdf):,} bytes; WeasyPrint {weasyprint.__version__}, {args.runs} runs each")  # fmt: skip
    print(f"import weasyprint (once per process, excluded): {import_seconds:.2f} s")
    print(f"first PDF of the process (font set-up, excluded): {first_pdf:.2f} s")
    print(f"report context: median {statistics.median(context_runs) * 1000:.0f} ms")
    print(f"HTML: median {statistics.median(html_runs) * 1000:.0f} ms")
    print(f"PDF: median {median:.2f} s (min {min(pdf_runs):.2f}, max {max(pdf_runs):.2f}), CPU median "
          f"{statistics.median(pdf_cpu):.2f} s; target <= 1.5 s: {'met' if median <= 1.5 else 'MISSED'}")  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    folder.cleanup()
    if not args.no_dataset:
        dataset_export(args.dataset_database, corpus_url)


def dataset_export(database: str, server_url: str) -> None:
    """The CSV export of the corpus, measured in a process of its own."""
    env = {**os.environ, "DATABASE_URL": server_url or "postgres://postgres@127.0.0.1:5432/postgres"}
    script = str(ROOT / "bench" / "dataset_export.py")
    print(f"\nCSV dataset export of the corpus database {database!r}:", flush=True)
    done = subprocess.run([sys.executable, script, "--database", database, "--format", "csv"], env=env, check=False)
    if done.returncode:
        print(f"dataset export not measured (exit {done.returncode}): build the corpus with python bench/run.py")


if __name__ == "__main__":
    main()
