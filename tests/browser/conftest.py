"""Browser fixtures: Debian's chromium driven by Playwright against the live server, and a screenshot folder
per test that a person can look through afterwards.

Never `playwright install`: it downloads a browser build of its own, which this project does not use
(`.ci/run` installs Debian's `chromium` with apt-get when it is missing).
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",  # CI runs as root, where chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ACTION_TIMEOUT_MS = 15_000  # one step; a hang fails the test in seconds rather than minutes


def browser_unavailable(reason: str) -> None:
    """Skip outside CI; in CI (REQUIRE_SERVICES=1 or CI=true) the browser test must run, so fail."""
    if settings.REQUIRE_SERVICES or os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"The browser test must run in CI, but {reason}")
    pytest.skip(f"browser not available: {reason}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failed test from a passed one."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def screenshots(request) -> Path:
    """The test's own folder of screenshots: `build/screenshots/<test name>/` under the repository, or under
    BROWSER_SCREENSHOTS_DIR; emptied of the previous run's pictures first."""
    base = Path(os.environ.get("BROWSER_SCREENSHOTS_DIR") or Path(settings.BASE_DIR) / "build" / "screenshots")
    folder = base / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture
def new_page(live_server, screenshots, request) -> Iterator[Callable]:
    """`new_page()`: a page of a fresh browser context (its own cookies) on the live server, in a headless
    Debian chromium; when the test fails, each context's last page is kept as `failed-N.png`.
    `new_page.script_errors` lists what broke the pages' scripts: uncaught errors, and scripts or other
    content the browser refused under the Content-Security-Policy.

    The browser starts at the first call, once every fixture has written its rows: Playwright's sync API keeps
    an asyncio loop running on this thread, where Django refuses database calls (SynchronousOnlyOperation).
    So a browser test checks the database through the pages, as the person at the browser would.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("the Python package playwright is not installed (pip install -r requirements.txt)")
    if not CHROMIUM.exists():
        browser_unavailable(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does it)")
    running = {}
    contexts = []
    script_errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            script_errors.append(f"{message.location.get('url')}: {message.text}")

    def make():
        if not running:
            running["playwright"] = sync_playwright().start()
            running["browser"] = running["playwright"].chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
            )
        context = running["browser"].new_context(base_url=live_server.url, viewport={"width": 1600, "height": 900})
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
        return page

    make.script_errors = script_errors
    yield make
    report = getattr(request.node, "report_call", None)
    try:
        for number, context in enumerate(contexts, 1):
            if report is not None and report.failed and context.pages:
                context.pages[-1].screenshot(path=screenshots / f"failed-{number}.png", full_page=True)
            context.close()
    finally:
        if running:
            running["browser"].close()
            running["playwright"].stop()
