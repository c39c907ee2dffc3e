"""A real Chromium (Debian's, never a downloaded one) driven by Playwright against the live server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (scripts/test does)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# Desktop and phone, as readers come: every reader's test runs on both.
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(params=sorted(DEVICES))
def device(request):
    return request.param


@pytest.fixture
def device_page(browser, device):
    """A page on a desktop or phone viewport, allowed the clipboard, that fails the test on a CSP violation."""
    context = browser.new_context(**DEVICES[device], permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.device = device
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    csp = [text for text in problems if "Content Security Policy" in text]
    assert not csp, csp


def screenshot(page, name: str) -> Path:
    """Saves a full-page screenshot under var/screenshots/ (git-ignored) for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{getattr(page, 'device', 'page')}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is (WCAG 2.1 A and AA, and axe's best practices).

    axe comes from npm (package-lock.json; scripts/test runs npm ci). It is evaluated through the DevTools
    protocol, which the page's Content-Security-Policy does not govern, so the policy stays strict.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run 'npm ci' in the repository (scripts/test does)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in results
    ]
