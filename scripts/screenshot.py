"""Screenshots of built pages in light, dark, mobile width and print, for a person to look at.

    .venv/bin/python scripts/screenshot.py SITE_DIR OUT_DIR path [path …]

Serves SITE_DIR on a free 127.0.0.1 port and writes OUT_DIR/<name>-{light,dark,mobile,print}.png
(whole pages) and OUT_DIR/<name>-top.png (the first screenful, easier to read at full size).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

if __package__ in (None, ""):  # run as `python scripts/screenshot.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import static_server  # noqa: E402


def main(site: str, out: str, paths: list[str]) -> None:
    server, base = static_server.start(site)
    Path(out).mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium or None, args=static_server.CHROME_ARGS
            )
            views = {
                "light": dict(viewport={"width": 1280, "height": 900}, color_scheme="light"),
                "dark": dict(viewport={"width": 1280, "height": 900}, color_scheme="dark"),
                "mobile": dict(viewport={"width": 390, "height": 844}, color_scheme="light"),
                "print": dict(viewport={"width": 900, "height": 1200}, color_scheme="light"),
            }
            for path in paths:
                name = path.strip("/").replace("/", "_") or "home"
                for view, options in views.items():
                    page = browser.new_page(**options)
                    page.goto(base + path)
                    if view == "print":
                        page.emulate_media(media="print")
                    page.wait_for_timeout(300)
                    page.screenshot(path=f"{out}/{name}-{view}.png", full_page=True)
                    if view == "light":
                        page.screenshot(path=f"{out}/{name}-top.png")
                    page.close()
                print(f"{out}/{name}-*.png")
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
