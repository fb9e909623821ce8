"""Serve a built site on 127.0.0.1 for tests, screenshots and the benchmark."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROME_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Flags for Debian's Chromium here: no sandbox as root, and no calls to Google's services."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(directory: Path | str, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """`python -m http.server` on `port` (or a free one); returns (process, base URL)."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return process, url
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"the server for {directory} did not start")
