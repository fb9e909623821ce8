"""Benchmark: page weight, our own JS/CSS, build cost, in-browser speed, Lighthouse.

    make bench        (or .venv/bin/python scripts/bench.py [--no-lighthouse])

Prints one table per measure with its budget and PASS/FAIL, and exits 1 if a budget fails.
Figures come from this run: the site, a bare mkdocs-material page, the same Markdown without
macros and a 10× synthetic copy are all built here, on this machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/bench.py`
    sys.path.insert(0, str(ROOT))

from scripts import static_server  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_ARGS = static_server.CHROME_ARGS
# Each form is an overview page plus a page per section; its largest section page stands for
# the others (the same markup per question, fewer questions).
KEY_PAGES = {
    "home": "",
    "principles": "principles/",
    "self-assessment form: overview": "assess/self-assessment-2010/",
    "self-assessment form: section SA-1 (4 questions)": "assess/self-assessment-2010/sa-1/",
    "key principles form: overview": "assess/key-principles-2015/",
    "key principles form: section KP-1 (6)": "assess/key-principles-2015/kp-1/",
    "inspection readiness form: overview": "assess/inspection-readiness-2020/",
    "inspection readiness form: its one section (10)": (
        "assess/inspection-readiness-2020/epg-findings/"
    ),
    "efficiency review form: overview": "assess/efficiency-review/",
    "efficiency review form: section ET-3 (10)": "assess/efficiency-review/et-3/",
    "calculator": "value-for-money/",
}
FORM_PAGES = [k for k in KEY_PAGES if " form: " in k]
OUR_ASSETS = re.compile(
    r"/assets/(javascripts/(iom\.js|lib/|components/|bundles/)|stylesheets/(?!main|palette))"
)
BUDGET_EXTRA_BYTES = 25 * 1024
BUDGET_FORM_ASSETS = 15 * 1024
BUDGET_BUILD_RATIO = 1.3
BUDGET_SAVE_MS = 5.0
BUDGET_COMBINE_MS = 150.0
failures: list[str] = []

# Fifty agencies' files of the 27-question efficiency review, made in the page from the
# instrument it describes: [{name, mimeType, buffer}] for set_input_files.
FIFTY_FILES_JS = """() => {
    const info = JSON.parse(
        document.querySelector('[data-instrument-info="efficiency-review-2018"]').content.textContent);
    const values = info.levels.map(l => l.value).concat(['na', null]);
    const ids = info.sections.flatMap(s => s.items);
    const files = [];
    for (let a = 0; a < 50; a++) {
        const responses = {};
        ids.forEach((id, i) => {
            const rating = values[(a + i) % values.length];
            responses[id] = {rating: rating, na_reason: rating === 'na' ? 'Not here' : null,
                evidence: 'Evidence '.repeat(40), efficiency: 'Scope '.repeat(30),
                actions: [{action: 'Do it', owner: 'Team', due: '2027-01-31', status: 'open'}]};
        });
        files.push({name: 'agency-' + a + '.json', text: JSON.stringify({
            format: 'iom-assessment', formatVersion: 1,
            instrument: {id: info.id, version: info.version},
            agency: 'Agency ' + a, responses: responses})});
    }
    return files;
}"""

# Times one choice of files on assess/combine/: from the input's change event (a capture
# listener on the document runs before the page's own) to the first paint after the ratings
# table is in the DOM (its rows appear; then a frame, then a task after that frame's paint).
COMBINE_TIMING_JS = """(rows) => {
    const input = document.querySelector('[data-combine-files]');
    const body = document.querySelector('[data-ratings-body]');
    let start = null;
    window.__combineTiming = new Promise(resolve => {
        document.addEventListener('change', event => {
            if (event.target === input) start = performance.now();
        }, {capture: true, once: true});
        const observer = new MutationObserver(() => {
            if (start === null || body.children.length < rows) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        });
        observer.observe(body, {childList: true});
    });
}"""


def combine_from_input(page, base_url: str) -> float:
    """Milliseconds from choosing 50 agencies' files on the combine page to the table painted."""
    page.goto(base_url + "assess/combine/")
    page.evaluate("() => localStorage.clear()")  # combine keeps its last session: start empty
    page.reload()
    page.wait_for_selector("[data-module=iom-combine][data-iom-init=ready]", timeout=15_000)
    files = page.evaluate(FIFTY_FILES_JS)
    payload = [
        {"name": f["name"], "mimeType": "application/json", "buffer": f["text"].encode()}
        for f in files
    ]
    page.evaluate(COMBINE_TIMING_JS, 27)
    page.set_input_files("[data-combine-files]", payload)
    return page.evaluate("() => window.__combineTiming")


def mkdocs_build(
    project: Path,
    site: Path,
    config: str = "mkdocs.yml",
    strict=True,
    env_extra: dict | None = None,
) -> float:
    """Build once; return wall-clock seconds."""
    env = {**os.environ, "SITE_DIR": str(site), "NO_MKDOCS_2_WARNING": "1", **(env_extra or {})}
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    if strict:
        args.insert(4, "--strict")
    start = time.perf_counter()
    result = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {project}/{config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def median_build(project: Path, config: str, runs: int, **kwargs) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        return statistics.median(
            mkdocs_build(project, Path(tmp) / f"s{i}", config, **kwargs) for i in range(runs)
        )


def serve(site: Path):
    return static_server.start(site, compress=True)


def page_weight(browser, url: str) -> dict:
    """Bytes a visit transfers (gzip-compressed, as a static host would serve them)."""
    page = browser.new_page()
    bodies: dict[str, bytes] = {}
    outside: list[str] = []

    def on_response(response):
        if not response.url.startswith("http://127.0.0.1"):
            outside.append(response.url)
            return
        try:
            bodies[response.url] = response.body()
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.close()
    total = ours = index = 0
    for resource, body in bodies.items():
        size = len(gzip.compress(body, 6))
        if resource.endswith("search_index.json"):
            index += size
            continue
        total += size
        if OUR_ASSETS.search(resource):
            ours += size
    return {"total": total, "ours": ours, "search_index": index, "outside": outside}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def check(label: str, ok: bool) -> str:
    if not ok:
        failures.append(label)
    return "PASS" if ok else "FAIL"


def bare_material_project(tmp: Path) -> Path:
    project = tmp / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Bare page\n\nA bare mkdocs-material page.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Bare\nsite_url: http://127.0.0.1/\ntheme:\n  name: material\n  font: false\n"
    )
    return project


def no_macros_project(tmp: Path) -> Path:
    """The site's Markdown with macros already expanded, built without the macros plugin."""
    dump = tmp / "expanded"
    mkdocs_build(
        ROOT,
        tmp / "dump-site",
        env_extra={"IOM_DUMP_MARKDOWN": str(dump)},
        config=str(_config_with_dump_hook(tmp)),
    )
    project = tmp / "nomacros"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(
        ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(dump, project / "docs", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text()
    config = re.sub(r"  - macros:\n(    .*\n)+", "", config)
    # data/ is not copied (the Markdown is already expanded), so `watch:` could not find it.
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (project / "mkdocs.yml").write_text(config)
    return project


def _config_with_dump_hook(tmp: Path) -> Path:
    config = (ROOT / "mkdocs.yml").read_text()
    hook = str(ROOT / "scripts" / "dump_markdown_hook.py")
    config = config.replace("hooks:\n", f"hooks:\n  - {hook}\n", 1)
    path = ROOT / f".bench-{os.getpid()}.yml"  # beside mkdocs.yml so relative paths hold
    path.write_text(config)
    return path


def synthetic_project(tmp: Path, factor: int) -> Path:
    """The real project with every page (and so every macro call) repeated `factor` times."""
    project = tmp / f"x{factor}"
    for name in ["overrides", "macros", "data", "docs"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    pages = [p for p in (project / "docs").rglob("*.md")]
    for copy in range(2, factor + 1):
        for page in pages:
            target = project / "docs" / f"copy{copy}" / page.relative_to(project / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
    return project


def browser_timings(browser, url: str) -> list[tuple[str, float | None]]:
    """In-page speed: rating click to saved, and combining 50 agencies' files."""
    results = []
    page = browser.new_page()
    page.goto(url + "assess/efficiency-review/et-3/")
    page.wait_for_timeout(500)
    save_ms = page.evaluate(
        """() => {
          const radios = [...document.querySelectorAll('input[type=radio]')];
          if (!radios.length) return null;
          const times = [];
          for (let i = 0; i < Math.min(radios.length, 60); i++) {
            const t0 = performance.now();
            radios[i].click();            // change handler saves synchronously
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          return times[Math.floor(times.length / 2)];
        }"""
    )
    results.append(
        ("rating click → saved (median, 10-question section of a 27-question form)", save_ms)
    )
    runs = sorted(combine_from_input(page, url) for _ in range(5))
    results.append(
        ("choose 50 agencies' files (27 questions) → table painted (median of 5)", runs[2])
    )
    page.close()
    return results


def lighthouse_once(url: str) -> dict | None:
    cli = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        return None
    out = subprocess.run(
        [
            str(cli),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=180,
    )
    if out.returncode != 0:
        return None
    report = json.loads(out.stdout)
    scores = {k: v["score"] for k, v in report["categories"].items()}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    return scores


def lighthouse(url: str, runs: int) -> dict | None:
    """Median of each score over `runs` runs: one run's performance score varies by ±0.05."""
    results = [r for r in (lighthouse_once(url) for _ in range(runs)) if r is not None]
    if not results:
        return None
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="builds per build-time figure")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page (median)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site, bare_site = tmp / "site", tmp / "bare-site"
        bare = bare_material_project(tmp)
        mkdocs_build(ROOT, site)
        mkdocs_build(bare, bare_site)

        print("\n## Build time (median of", args.runs, "runs)")
        t_site = median_build(ROOT, "mkdocs.yml", args.runs)
        plain = no_macros_project(tmp)
        t_plain = median_build(plain, "mkdocs.yml", args.runs)
        x10 = synthetic_project(tmp, 10)
        t_x10 = median_build(x10, "mkdocs.yml", args.runs, strict=False)
        ratio = t_site / t_plain
        print("| build | seconds | ratio | budget | result |\n| --- | --- | --- | --- | --- |")
        print(f"| site (with macros) | {t_site:.2f} | | | |")
        print(
            f"| same Markdown, no macros | {t_plain:.2f} | {ratio:.2f} | ≤ {BUDGET_BUILD_RATIO}"
            f" | {check('build ratio', ratio <= BUDGET_BUILD_RATIO)} |"
        )
        print(
            f"| 10× synthetic content | {t_x10:.2f} | {t_x10 / t_site:.1f}× site | linear "
            f"(≤ 10×) | {check('10x linear', t_x10 / t_site <= 10.5)} |"
        )

        server, url = serve(site)
        bare_server, bare_url = serve(bare_site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM or None, args=CHROME_ARGS)
                bare_weight = page_weight(browser, bare_url)
                print("\n## Page weight (gzip-compressed bytes transferred; search index apart)")
                print(
                    f"Bare mkdocs-material page: {kb(bare_weight['total'])} "
                    f"(+ search index {kb(bare_weight['search_index'])})\n"
                )
                print(
                    "| page | transferred | vs bare | our JS+CSS | search index | other hosts "
                    "| budget | result |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
                )
                for name, path in KEY_PAGES.items():
                    w = page_weight(browser, url + path)
                    extra = w["total"] - bare_weight["total"]
                    ok = extra <= BUDGET_EXTRA_BYTES and not w["outside"]
                    budget = f"≤ bare + {kb(BUDGET_EXTRA_BYTES)}"
                    result = check(name + " weight", ok)
                    if name in FORM_PAGES:  # two budgets: the page, and our own JS+CSS on it
                        budget += f"; ours ≤ {kb(BUDGET_FORM_ASSETS)}"
                        ours_ok = w["ours"] <= BUDGET_FORM_ASSETS
                        result += f"; ours {check(name + ' our JS+CSS', ours_ok)}"
                    print(
                        f"| {name} | {kb(w['total'])} | {w['total'] / bare_weight['total']:.2f}×"
                        f" (+{kb(extra)}) | {kb(w['ours'])} | {kb(w['search_index'])} | "
                        f"{len(w['outside'])} | {budget} | {result} |"
                    )

                print("\n## In-browser speed")
                print("| measure | ms | budget | result |\n| --- | --- | --- | --- |")
                for label, value in browser_timings(browser, url):
                    budget = BUDGET_SAVE_MS if "saved" in label else BUDGET_COMBINE_MS
                    if value is None:
                        print(f"| {label} | not available | ≤ {budget} | FAIL |")
                        failures.append(label)
                    else:
                        print(
                            f"| {label} | {value:.2f} | ≤ {budget} | "
                            f"{check(label, value <= budget)} |"
                        )
                browser.close()

            if not args.no_lighthouse:
                print(f"\n## Lighthouse (mobile; median of {args.lighthouse_runs} runs per page)")
                bare_scores = lighthouse(bare_url, args.lighthouse_runs)
                if bare_scores is None:
                    print(
                        "Lighthouse not available (make bench installs it into tools/lighthouse)."
                    )
                else:
                    print(
                        "| page | performance | blocking time | accessibility | best practices "
                        "| SEO | result |\n| --- | --- | --- | --- | --- | --- | --- |"
                    )
                    print(
                        f"| bare page | {bare_scores['performance']:.2f} | "
                        f"{bare_scores['tbt']:.0f} ms | {bare_scores['accessibility']:.2f} | "
                        f"{bare_scores['best-practices']:.2f} | {bare_scores['seo']:.2f} | |"
                    )
                    for name, path in KEY_PAGES.items():
                        s = lighthouse(url + path, args.lighthouse_runs)
                        if s is None:
                            print(f"| {name} | failed to run | | | | | FAIL |")
                            failures.append(f"lighthouse {name}")
                            continue
                        # Compared as shown, to two places: "not below the bare page".
                        ok = (
                            s["accessibility"] == 1
                            and s["best-practices"] == 1
                            and s["seo"] == 1
                            and round(s["performance"], 2) >= round(bare_scores["performance"], 2)
                        )
                        print(
                            f"| {name} | {s['performance']:.2f} | {s['tbt']:.0f} ms | "
                            f"{s['accessibility']:.2f} | "
                            f"{s['best-practices']:.2f} | {s['seo']:.2f} | "
                            f"{check('lighthouse ' + name, ok)} |"
                        )
        finally:
            server.terminate()
            bare_server.terminate()
            for leftover in ROOT.glob(".bench-*.yml"):
                leftover.unlink()

    print("\nBudgets failed: " + ", ".join(failures) if failures else "\nAll budgets met.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
