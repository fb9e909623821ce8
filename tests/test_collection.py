"""Every test file under tests/ is collected, and under CI no test may skip.

pytest quietly passes over some folders (its default `norecursedirs` holds `build`, which is
how tests/build once went unrun by `make test`): this proves each test file yields tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

from tests.conftest import ROOT

TESTS = ROOT / "tests"


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_test_file_under_tests_is_collected():
    result = _pytest("--collect-only", "-q", "tests")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = Counter(
        line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line
    )
    on_disk = {str(p.relative_to(ROOT)) for p in TESTS.rglob("test_*.py")}
    missing = sorted(f for f in on_disk if collected[f] == 0)
    assert not missing, f"test files that pytest does not collect: {missing}"
    assert len(on_disk) > 40


def test_under_ci_a_test_without_its_source_documents_fails_instead_of_skipping(tmp_path):
    seed_test = "tests/data/test_unit_costs_data.py"
    skipped = _pytest("-q", seed_test, IOM_SEEDS=str(tmp_path), CI="")
    assert skipped.returncode == 0 and " skipped" in skipped.stdout, skipped.stdout
    failed = _pytest("-q", seed_test, IOM_SEEDS=str(tmp_path), CI="true")
    assert failed.returncode == 1, failed.stdout
    assert "CI is set, so this test may not skip: Skipped: source text not" in failed.stdout
