"""Fixtures of the browser suite: a real library served by ``unlib serve``, driven by Debian's
Chromium through Playwright (one browser per session, a fresh context per test).

Every page a test opens is watched: an uncaught script error, a Content-Security-Policy
violation, a failed asset, a request leaving the local service or a JavaScript dialog fails
the test at teardown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    Request,
    Response,
    Route,
    sync_playwright,
)

from tests.browser.axe import AXE_SCRIPT
from tests.browser.server import Server, ingest, sample_files

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_MS = 15_000
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives the web UI in a real browser (Chromium, Playwright)"
    )
    # Registered by pytest-xdist when it is loaded; declared here for runs with -p no:xdist.
    config.addinivalue_line("markers", "xdist_group(name): run in the same xdist worker")


@dataclass
class ServedLibrary:
    """The served sample: its address and its data folder."""

    url: str
    data_dir: Path


@pytest.fixture(scope="session")
def served(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedLibrary]:
    work = tmp_path_factory.mktemp("browser")
    files = sample_files(shared_data, work)
    data_dir = work / "data"
    report = ingest(data_dir, files)
    if report["ingested"] != len(files) or report["rejected"]:
        refused = [f for f in report["files"] if f["status"] != "ingested"]
        pytest.fail(f"sample ingest incomplete: {refused}", pytrace=False)
    with Server(data_dir, work / "serve.log") as server:
        yield ServedLibrary(server.url, data_dir)


@pytest.fixture(scope="session")
def base_url(served: ServedLibrary) -> str:
    return served.url


@pytest.fixture(scope="session")
def chromium() -> Path:
    path = Path(os.environ.get("UNLIB_CHROMIUM", "/usr/bin/chromium"))
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"Chromium not found at {path}: run `make browser-deps` (Debian package chromium)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core not found at {AXE_SCRIPT}: run `make browser-deps` (npm ci)",
            pytrace=False,
        )
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium: Path) -> Iterator[Browser]:
    instance = playwright.chromium.launch(
        executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
    )
    yield instance
    instance.close()


@dataclass
class Watch:
    """What went wrong on the pages of one test, beyond what the test itself checks."""

    base_url: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        # Failed loads are reported with their URL by on_response; everything else counts.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console error: {message.text}")

    def on_page_error(self, error: Exception) -> None:
        self.problems.append(f"uncaught script error: {error}")

    def on_response(self, response: Response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.problems.append(f"{response.status} for {response.url}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def block_external(self, route: Route, request: Request) -> None:
        self.problems.append(f"request outside the service: {request.url}")
        route.abort()

    def is_external(self, url: str) -> bool:
        return not (url.startswith(self.base_url + "/") or url.startswith(("data:", "blob:")))

    def watch(self, page: Page) -> None:
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)
        page.on("response", self.on_response)
        page.on("dialog", self.on_dialog)


PageFactory = Callable[..., Page]


@pytest.fixture
def watch(base_url: str) -> Watch:
    return Watch(base_url)


@pytest.fixture
def new_page(browser: Browser, base_url: str, watch: Watch) -> Iterator[PageFactory]:
    """Open a page in a fresh context; keyword arguments go to ``browser.new_context``."""
    contexts = []

    def factory(**options: Any) -> Page:
        settings: dict[str, Any] = {
            "base_url": base_url,
            "locale": "en-US",
            "viewport": {"width": 1280, "height": 900},
            "accept_downloads": True,
        }
        settings.update(options)
        context = browser.new_context(**settings)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.route(watch.is_external, watch.block_external)
        contexts.append(context)
        page = context.new_page()
        watch.watch(page)
        return page

    yield factory
    for context in contexts:
        context.close()
    assert not watch.problems, "problems on the pages of this test:\n" + "\n".join(watch.problems)
    assert not watch.dialogs, "JavaScript dialogs opened: " + "; ".join(watch.dialogs)


@pytest.fixture
def page(new_page: PageFactory) -> Page:
    return new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
