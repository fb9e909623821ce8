"""Serve a built site on 127.0.0.1 for tests, screenshots and the benchmark."""

from __future__ import annotations

import functools
import gzip
import http.server
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


def start(
    directory: Path | str, port: int | None = None, compress: bool = False
) -> tuple[subprocess.Popen, str]:
    """Serve `directory` on `port` (or a free one); returns (process, base URL).

    `compress` serves text gzip-compressed, as real static hosts do (for the benchmark);
    otherwise this is plain `python -m http.server`.
    """
    port = port or free_port()
    if compress:
        command = [sys.executable, __file__, str(Path(directory).resolve()), str(port)]
    else:
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    process = subprocess.Popen(
        command,
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


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed when the browser accepts it, as static hosts do."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self):  # noqa: N802 (the standard library's name)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in self.COMPRESSIBLE):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":  # python scripts/static_server.py DIRECTORY PORT
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(GzipHandler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
