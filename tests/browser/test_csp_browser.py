"""No page breaks its own Content-Security-Policy: every page of the site is opened with a
listener for `securitypolicyviolation`, and its components are started."""

from __future__ import annotations

import pytest

from tests.site_pages import all_pages

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} (${where})`);
}, true);
"""


@pytest.mark.parametrize("path", all_pages())
def test_page_runs_without_a_policy_violation(page, path):
    page.add_init_script(LISTEN)
    response = page.goto(path)
    assert response.status == 200
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert "script-src 'self'" in policy.get_attribute("content")
    page.evaluate("() => window.IOM && IOM.ready && IOM.ready.then(() => true)")  # started
    assert page.evaluate("() => window.__cspViolations") == []


def test_the_listener_hears_a_violation(page):
    """An inline script the policy does not name is refused and heard (the test can fail)."""
    page.add_init_script(LISTEN)
    page.goto("sources/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';"
        " document.body.append(s); }"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.x") is None
