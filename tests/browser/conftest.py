"""Browser fixtures: serve the built site on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts import static_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def site_server(built_site, site_port):
    """`python -m http.server` on the site_url port; only this process is stopped afterwards."""
    process, url = static_server.start(built_site, site_port)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def base_url(site_server):
    """Lets tests write page.goto("principles/")."""
    return site_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    launch = {**browser_type_launch_args, "args": static_server.CHROME_ARGS}
    if CHROMIUM:  # empty CHROMIUM: use Playwright's own browser (`playwright install chromium`)
        launch["executable_path"] = CHROMIUM
    return launch


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True}


@pytest.fixture(autouse=True)
def no_request_leaves_this_machine(request):
    """Every browser test fails if the page asks any host other than 127.0.0.1."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    outside: list[str] = []

    def record(req):
        scheme = urlparse(req.url).scheme
        host = urlparse(req.url).hostname
        if scheme in ("http", "https", "ws", "wss") and host != "127.0.0.1":
            outside.append(req.url)

    page.on("request", record)
    yield
    assert not outside, f"requests to other hosts: {outside}"


@pytest.fixture(autouse=True)
def no_script_errors(request):
    """Every browser test fails on an uncaught script error, ours or a CSP refusal."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "[iom]" in message.text
            else None
        ),
    )
    yield
    assert not errors, f"script errors: {errors}"


_axe = Axe()


# True when no transition or animation is under way (an endless one does not count): the
# theme fades the header's title and slides the menu in, and a colour read mid-fade is neither
# the old one nor the new (axe once measured the header title's contrast mid-fade under load).
SETTLED = """() => document.getAnimations().every(a =>
    a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""


def settle(page) -> None:
    """Wait until what the page is animating has come to rest."""
    page.wait_for_function(SETTLED, timeout=5000)


def axe_violations(page) -> list[str]:
    """Run axe-core on the page once it is at rest; return a readable line per violation."""
    settle(page)
    results = _axe.run(page)
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.fixture
def assert_no_axe_violations():
    def check(page):
        violations = axe_violations(page)
        assert not violations, "axe violations:\n" + "\n".join(violations)

    return check
