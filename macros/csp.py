"""A Content-Security-Policy for a built page, allowing only this site's own files.

The theme writes a few small inline scripts; each is allowed by its SHA-256 hash, computed
from the page as it is written to disk (the build runs this step last), so no other inline
script, for example one injected through content, can run. A <meta> policy cannot set
frame-ancestors or reporting; a host that can send headers may add those.

The page is read with the standard library's tokenizer (macros/html_rewrite.py); the policy
is the only thing added. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import hashlib

from macros.html_rewrite import CopyThrough

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

# A <script> runs as code when its type is missing, empty, "module" or a JavaScript MIME
# type; any other type (application/json, …) makes it a data block the browser never runs.
_CODE_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}


def _runs(attrs) -> bool:
    values = dict(attrs)
    kind = (values.get("type") or "").strip().lower()
    return "src" not in values and kind.split(";", 1)[0] in _CODE_TYPES


class _Scripts(CopyThrough):
    """Collects the text of each inline script, and where in <head> the policy goes."""

    def __init__(self):
        super().__init__()
        self.bodies: list[str] = []
        self.current: list[str] | None = None  # the inline script being read
        self.insert_at: int | None = None  # index in `out` after <head> (and its charset)
        self.in_head_start = False  # nothing but the charset read since <head>

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._place(tag, attrs)
        if tag == "script" and _runs(attrs):
            self.current = []

    def handle_startendtag(self, tag, attrs):
        super().handle_startendtag(tag, attrs)
        self._place(tag, attrs)

    def _place(self, tag, attrs):
        if tag == "head" and self.insert_at is None:
            self.insert_at, self.in_head_start = len(self.out), True
            return
        if self.in_head_start and tag == "meta" and "charset" in dict(attrs):
            self.insert_at = len(self.out)  # the charset must come first
        self.in_head_start = False

    def handle_data(self, data):
        super().handle_data(data)
        if self.current is not None:
            self.current.append(data)
        elif data.strip():
            self.in_head_start = False

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "script" and self.current is not None:
            self.bodies.append("".join(self.current))
            self.current = None


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script in a page, in order."""
    reader = _Scripts()
    reader.rewrite(html)
    return list(dict.fromkeys(_hash(body) for body in reader.bodies))


def policy(hashes: list[str]) -> str:
    """The policy text allowing the site's own files and these inline scripts."""
    directives = {**BASE_POLICY, "script-src": BASE_POLICY["script-src"] + hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> (after the charset), before any
    script. A document without <head> (not a page) is returned as it is."""
    reader = _Scripts()
    reader.rewrite(html)
    if reader.insert_at is None:
        return html
    hashes = list(dict.fromkeys(_hash(body) for body in reader.bodies))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    reader.out.insert(reader.insert_at, meta)
    return "".join(reader.out) + reader.rawdata
