"""The Content-Security-Policy step (macros/csp.py), on whole pages."""

from __future__ import annotations

import base64
import hashlib
import re

from macros import csp

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <script>var a = "</div>";</script>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script src="assets/javascripts/iom.js" defer></script>
    <style>body{margin:0}</style>
  </head>
  <body>
    <script type="module">import "./x.js";</script>
    <script>var a = "</div>";</script>
    <p>Text with &amp; and &#8212; <!-- a comment --></p>
  </body>
</html>
"""


def sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def _policy(html: str) -> str:
    (content,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    return content


def test_each_inline_script_that_runs_is_allowed_by_its_hash_once():
    expected = [sha256('var a = "</div>";'), sha256('import "./x.js";')]
    assert csp.script_hashes(PAGE) == expected
    script_src = next(
        d for d in _policy(csp.add_policy(PAGE)).split("; ") if d.startswith("script-src")
    )
    assert script_src == "script-src 'self' " + " ".join(expected)


def test_data_blocks_and_script_files_are_not_hashed():
    assert sha256('{"base": "."}') not in csp.script_hashes(PAGE)
    assert len(csp.script_hashes(PAGE)) == 2


def test_the_policy_comes_right_after_the_charset_before_any_script():
    out = csp.add_policy(PAGE)
    head = out.split("<head>", 1)[1]
    assert head.lstrip().startswith(
        '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'
    )
    assert out.index("Content-Security-Policy") < out.index("<script")


def test_without_a_charset_the_policy_opens_the_head():
    out = csp.add_policy("<html><head><title>T</title><script>x()</script></head></html>")
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    assert sha256("x()") in out


def test_everything_else_is_copied_unchanged():
    out = csp.add_policy(PAGE)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">', out).group(0)
    assert out.replace(meta, "") == PAGE


def test_a_document_without_head_is_left_alone():
    sitemap = '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>'
    assert csp.add_policy(sitemap) == sitemap


def test_scripts_are_strict_and_only_styles_allow_inline():
    policy = csp.policy([])
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy
