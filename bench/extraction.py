"""Benchmark: median milliseconds to extract claims from a 1,000-word news article (target <= 50 ms).

Usage: python bench/extraction.py [--runs 50]
The article is assembled from the test reports in tests/attribution/articles until it has 1,000 words.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from attribution.extraction import extract_report  # noqa: E402


def article(words: int = 1000) -> str:
    paragraphs = []
    for path in sorted((ROOT / "tests" / "attribution" / "articles").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    text, count, n = [], 0, 0
    while count < words:
        paragraph = paragraphs[n % len(paragraphs)]
        text.append(paragraph)
        count += len(paragraph.split())
        n += 1
    return "\n\n".join(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    text = article()
    extract_report(text, published=dt.date(2022, 9, 7))  # warm caches (gazetteer regex)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = extract_report(text, published=dt.date(2022, 9, 7))
        timings.append((time.perf_counter() - start) * 1000)
    found = len(result.attributions) + len(result.reactions) + len(result.consequences)
    print(f"article: {len(text.split())} words, {found} statements found")
    print(
        f"extraction: median {statistics.median(timings):.1f} ms, p95 "
        f"{sorted(timings)[int(0.95 * (len(timings) - 1))]:.1f} ms over {runs} runs (target <= 50 ms)"
    )


if __name__ == "__main__":
    main()
