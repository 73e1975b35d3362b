"""`make bench` figures for the dashboard as a person meets it: the real Streamlit server
(started as `partmon dashboard` starts it) on a large warehouse, pages opened in headless
Debian Chromium. Measures, per page, the time from navigation until its main content is
drawn (first visit with cold caches, then the median of warm visits), and the time from a
filter change until the numbers on the page have changed.

Without `db_path` a synthetic warehouse is built first with our own generator
(tests/warehouse_synth.py via the warehouse benchmark's loader); PARTMON_BENCH_DASHBOARD_DOCS
sets its size (default 20,000 documents). Prints figures, asserts nothing.
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

WARM_RUNS = 5
PAGE_TARGET_S = 2.0
FILTER_TARGET_S = 0.5
#: (name, path, CSS selector of the page's main content: visible once the page is drawn)
PAGES = [
    ("overview", "", "[data-testid=stMain] table.pm-table"),
    ("municipalities (compare 2)", "municipalities", "[data-testid=stMain] .stVegaLiteChart, "
     "[data-testid=stMain] [data-testid=stVegaLiteChart]"),
    ("organisations", "organisations", "[data-testid=stMain] [data-testid=stDataFrame] canvas"),
    ("organisations: who meets whom", "organisations?widok=pairs",
     "[data-testid=stMain] [data-testid=stVegaLiteChart]"),
    ("documents", "documents", "[data-testid=stMain] [data-testid=stDataFrame] canvas"),
    ("sources", "sources", "[data-testid=stMain] table.pm-health"),
    ("sql", "sql?q=" + urllib.parse.quote("SELECT count(*) AS n FROM documents"),
     "[data-testid=stMain] [data-testid=stDataFrame] canvas"),
]
FILTER_VALUES = ["mazowieckie", "śląskie", "wielkopolskie", "małopolskie", "lubelskie",
                 "pomorskie"]
_IDLE = ("() => !document.querySelector('[data-testid=stStatusWidget]')"
         " && !document.querySelector('[data-stale=true]')")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_synthetic(db: Path, n: int) -> None:
    """n generated documents with extractions, loaded by the real loader."""
    from tests.bench.warehouse_bench import _load

    _load(db, n)


def _start(db: Path, log: Path):
    from warehouse.cli import _dashboard_command

    port = _free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen(_dashboard_command(str(db), port), cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=2)
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"streamlit did not start: {log.read_text()[-500:]}")
            time.sleep(0.3)


def _visit(page, url: str, selector: str) -> float:
    """Seconds from navigation until `selector` is visible and the run has finished."""
    t0 = time.perf_counter()
    page.goto(url)
    page.locator(selector).first.wait_for(state="visible", timeout=120_000)
    page.wait_for_function(_IDLE, timeout=120_000)
    return time.perf_counter() - t0


def _metric(page, label: str) -> str:
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id(
        "stMetricValue").inner_text()


def _filter_changes(page, url: str) -> list[float]:
    """Seconds from choosing a voivodeship until the overview's document count changed."""
    _visit(page, url, PAGES[0][2])
    took = []
    for value in FILTER_VALUES:
        before = _metric(page, "Dokumenty")
        page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
            has_text="Województwo").click()
        option = page.get_by_role("option", name=value, exact=True)
        option.wait_for()
        t0 = time.perf_counter()
        option.click()
        page.wait_for_function(
            """([before]) => {
                 const m = [...document.querySelectorAll('[data-testid=stMetric]')]
                   .find(e => e.innerText.includes('Dokumenty'));
                 const v = m && m.querySelector('[data-testid=stMetricValue]');
                 return v && v.innerText !== before
                   && !document.querySelector('[data-stale=true]');
               }""", arg=[before], timeout=60_000)
        took.append(time.perf_counter() - t0)
    return took


def measure(db: Path) -> None:
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="partmon-dash-bench-") as tmp:
        proc, url = _start(db, Path(tmp) / "streamlit.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                print(f"  page until main content visible: first visit (cold caches) / median "
                      f"of {WARM_RUNS} later visits; target < {PAGE_TARGET_S:g} s")
                for name, path, selector in PAGES:
                    cold = _visit(page, url + path, selector)
                    warm = statistics.median(_visit(page, url + path, selector)
                                             for _ in range(WARM_RUNS))
                    flag = "" if max(cold, warm) < PAGE_TARGET_S else "   over target"
                    print(f"    {name:<32} {cold:>6.2f} s / {warm:>6.2f} s{flag}")
                changes = _filter_changes(page, url)
                median = statistics.median(changes)
                flag = "" if median < FILTER_TARGET_S else "   over target"
                print(f"  filter change until numbers update (voivodeship, {len(changes)} "
                      f"changes): median {median * 1000:.0f} ms, worst "
                      f"{max(changes) * 1000:.0f} ms; target < {FILTER_TARGET_S * 1000:.0f} ms"
                      f"{flag}")
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main(db_path=None) -> None:
    if db_path is not None:
        db = Path(db_path)
        print(f"dashboard on {db} ({db.stat().st_size / 2**20:,.0f} MiB):")
        measure(db)
        return
    n = int(os.environ.get("PARTMON_BENCH_DASHBOARD_DOCS", "20000"))
    with tempfile.TemporaryDirectory(prefix="partmon-dash-db-") as tmp:
        db = Path(tmp) / "dashboard-bench.duckdb"
        t0 = time.perf_counter()
        build_synthetic(db, n)
        print(f"dashboard on a synthetic warehouse of {n:,} extracted documents "
              f"(built in {time.perf_counter() - t0:.0f} s):")
        measure(db)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
