"""MkDocs hook: a Content-Security-Policy on every page, allowing only this site's own files.

The theme writes a few small inline scripts; each is allowed by its SHA-256 hash, computed
from the final HTML, so no other inline script (for example one injected through content)
can run. A <meta> policy cannot set frame-ancestors or reporting; a host that can send
headers may add those.
"""

from __future__ import annotations

import base64
import hashlib
import re

# 'unsafe-inline' for styles only: the theme sets style attributes in its markup and
# style attributes cannot run code. Scripts stay strict.
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# Scripts with no src whose type runs as JavaScript (JSON data blocks are not executed).
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)
_HEAD_START = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.IGNORECASE)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script in a page, in order."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str) -> str:
    """The policy text for one page."""
    directives = {**BASE_POLICY, "script-src": BASE_POLICY["script-src"] + script_hashes(html)}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_policy(html: str) -> str:
    """Insert the policy as the first thing in <head> (after the charset), before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _HEAD_START.search(html)
    if not match:
        return html
    return html[: match.end()] + meta + html[match.end() :]


def on_post_page(output: str, page, config) -> str:
    return add_policy(output) if config["extra"].get("csp", True) else output


def on_post_template(output_content: str, template_name: str, config) -> str:
    return add_policy(output_content) if config["extra"].get("csp", True) else output_content
