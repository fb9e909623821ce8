"""Shared fixtures: the project's paths and one strict build of the real site per test run."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import load_raw
from macros.validate import build_content

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The source documents: ../shared/seeds beside the checkout (as in CI), or IOM_SEEDS.
SEEDS = Path(os.environ.get("IOM_SEEDS", ROOT.parent / "shared" / "seeds"))
# The text of each source document (data/sources.yml id) in SEEDS.
SEED_FILES = {
    "SAT-2010": "000_1c7252d396654d29.txt",
    "KP-2015": "001_538bf9ca126331f5.txt",
    "EPG-2020": "002_280af00fc8528232.txt",
    "ET-2018": "003_f454314f6e9682f8.txt",
    "SURVEY-2011": "004_1d7564c6f8c29ca9.txt",
}
# Under CI (any value of CI, as GitHub Actions and most runners set it) no test may skip: a
# test that does not run there proves nothing, so a skip is reported as a failure.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI, a skipped test (source documents or a tool missing) fails instead."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI is set, so this test may not skip: {reason}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(target: Path) -> Path:
    """A copy of what the build reads (config, pages, data, macros, overrides) in `target`."""
    for name in ["mkdocs.yml", "docs", "data", "macros", "overrides"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target


def build_site(
    project: Path,
    site_dir: Path,
    site_url: str,
    config_file: str = "mkdocs.yml",
    **env_overrides: str,
):
    """Run a strict MkDocs build of `project` into `site_dir`; return the CompletedProcess."""
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "SITE_DIR": str(site_dir),
        "NO_MKDOCS_2_WARNING": "1",
        **env_overrides,
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_file],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def content():
    """The real content from data/, loaded and validated as the build does."""
    raw, errors = load_raw(DATA)
    return build_content(raw, errors)


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built strictly once, with site_url on the port the tests serve it on."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return site_dir
