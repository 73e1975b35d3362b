"""`make bench` figures for the dashboard as a person meets it: the dashboard started by the
real `partmon dashboard` command on the 100,000-document benchmark warehouse, every page
opened in headless Debian Chromium.

Per page: the time from navigation until the page's main content is visible, on the first
visit after a fresh server start (cold) and over repeated later visits (warm: median and
p95), and the time until the whole run has finished; then the time from choosing another
voivodeship until the overview's numbers have changed. Targets: every page < 2 s, cold
included; a filter change < 500 ms.

`main(db_path)` measures a warehouse already built (run.py passes the one the warehouse
benchmark loaded); without one, the same generator and loader
(tests/bench/warehouse_bench.py) build PARTMON_BENCH_DOCS documents (default 100,000)
first. PARTMON_BENCH_WARM sets the number of warm visits (default 8), PARTMON_BENCH_PAGES
(words of page names, comma-separated) measures only those pages. Prints, asserts nothing.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

PAGE_TARGET_S = 2.0
FILTER_TARGET_S = 0.5
#: every voivodeship once (each is a filter value not chosen before in that session)
FILTER_VALUES = ["mazowieckie", "śląskie", "wielkopolskie", "małopolskie", "lubelskie",
                 "pomorskie", "podlaskie", "opolskie", "dolnośląskie", "łódzkie", "lubuskie",
                 "podkarpackie", "świętokrzyskie", "warmińsko-mazurskie", "zachodniopomorskie",
                 "kujawsko-pomorskie"]
SEARCH = "program współpracy"
SQL = "SELECT voivodeship, count(*) AS n FROM municipalities GROUP BY 1 ORDER BY 2 DESC"
_MAIN = "[data-testid=stMain] "
#: a table of numbers or the page's list, drawn as HTML (one in a closed expander is not it)
_TABLE = _MAIN + "table.pm-table:visible"
#: Streamlit is idle: no run going on, nothing left over (stale) from the run before
_IDLE = ("() => !document.querySelector('[data-testid=stStatusWidget]')"
         " && !document.querySelector('[data-stale=true]')")


def pages(db: Path) -> list[tuple[str, str, str]]:
    """(name, path, CSS selector of the page's main content) for every page, with an
    organisation and a document of this warehouse for the pages about one of them."""
    from warehouse.db import connect

    con = connect(db, read_only=True)
    try:
        org = con.execute("""SELECT organisation_id FROM organisation_mentions GROUP BY 1
                             ORDER BY count(*) DESC, 1 LIMIT 1""").fetchone()
        doc = con.execute("""SELECT d.id FROM documents d JOIN organisation_mentions om
                             ON om.document_id = d.id WHERE d.text IS NOT NULL
                             ORDER BY d.id LIMIT 1""").fetchone()
    finally:
        con.close()
    return [
        ("overview", "", _TABLE),
        ("compare (2 municipalities)", "municipalities", _TABLE),
        ("organisations", "organisations", _TABLE),
        ("one organisation", "organisations?org=" + urllib.parse.quote(org[0] if org else ""),
         _MAIN + "li mark"),
        ("who meets whom", "organisations?widok=pairs", _MAIN + "table.pm-heatmap td"),
        ("documents", "documents", _TABLE),
        ("documents: search", "documents?szukaj=" + urllib.parse.quote(SEARCH),
         _MAIN + "[data-testid=stBaseButton-tertiary]"),
        ("one document", "documents?doc=" + urllib.parse.quote(doc[0] if doc else ""),
         _MAIN + "div.pm-text mark"),
        ("sources", "sources", _MAIN + "table.pm-health"),
        ("sql", "sql?q=" + urllib.parse.quote(SQL), _TABLE),
    ]


_BARE_PAGE = """import streamlit as st
st.title("partmon")
st.html("<table class='pm-table'><tr><td>1</td></tr></table>")
"""


def _bare_streamlit(browser, tmp: Path, warm_runs: int) -> tuple[float, float, float]:
    """Baseline in the same run: a page of one title and one small table served by bare
    Streamlit → (cold, warm median, warm p95), as the dashboard's pages are measured."""
    import subprocess

    from dashboard_fixture import _free_port, _stop_group, wait_until_answering

    script = tmp / "bare_page.py"
    script.write_text(_BARE_PAGE, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_until_answering(proc, url, 120):
            raise RuntimeError("bare Streamlit did not start")
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        cold, _ = _visit(page, url, "table.pm-table")
        warm = [_visit(page, url, "table.pm-table")[0] for _ in range(warm_runs)]
        context.close()
    finally:
        _stop_group(proc)
    return cold, statistics.median(warm), _p95(warm)


def _warmed(url: str, timeout_s: float = 600) -> float | None:
    """Wait until the server's start-up warm-up has finished → its seconds (None: the
    dashboard has no warm-up to wait for)."""
    import json
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "partmon/warm-up", timeout=5) as answer:
                state = json.loads(answer.read())
        except (urllib.error.HTTPError, ValueError):  # no such route: nothing to wait for
            return None
        if state.get("ready"):
            return state.get("seconds")
        time.sleep(0.2)
    return None


def _visit(page, url: str, selector: str) -> tuple[float, float]:
    """(seconds until `selector` is visible, seconds until the run has finished)."""
    t0 = time.perf_counter()
    page.goto(url)
    page.locator(selector).first.wait_for(state="visible", timeout=120_000)
    shown = time.perf_counter() - t0
    page.wait_for_function(_IDLE, timeout=120_000)
    return shown, time.perf_counter() - t0


def _metric(page, label: str) -> str:
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id(
        "stMetricValue").inner_text()


def _filter_changes(page, url: str) -> list[float]:
    """Seconds from choosing a voivodeship until the overview's document count changed
    (each voivodeship chosen for the first time: nothing cached for it)."""
    _visit(page, url, _TABLE)
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
        page.wait_for_function(_IDLE, timeout=60_000)
    return took


def _server_runs(log: Path) -> list[tuple[float, float, str]]:
    """(script run ms, query ms, queries run) per page run, from the server's profile lines."""
    runs = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("partmon-profile "):
            fields = dict(f.split("=", 1) for f in line.split()[1:])
            runs.append((float(fields["run_ms"]), float(fields["queries_ms"]),
                         fields["misses"]))
    return runs


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(db: Path, warm_runs: int | None = None) -> dict:
    """Print the table; return {page: (cold shown, cold done, warm median, warm p95)} and
    the filter changes under "filter"."""
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from dashboard_fixture import running_dashboard
    from playwright.sync_api import sync_playwright

    warm_runs = warm_runs or int(os.environ.get("PARTMON_BENCH_WARM", "8"))
    os.environ["PARTMON_DASHBOARD_PROFILE"] = "1"  # the server logs each run's time
    results: dict = {}
    print(f"  seconds from navigation until the page's main content is visible; cold = first "
          f"visit after a fresh\n  `partmon dashboard` start, warm = {warm_runs} later visits;"
          f" 'done' = the page's run finished; target < {PAGE_TARGET_S:g} s")
    print(f"    {'page':<28} {'cold':>6} {'(done)':>7} {'warm med':>9} {'p95':>6}"
          f" {'(done med)':>11}  {'server run ms cold/warm':>24}")
    with tempfile.TemporaryDirectory(prefix="partmon-dash-bench-") as tmp, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cold, median, p95 = _bare_streamlit(browser, Path(tmp), warm_runs)
        results["bare"] = (cold, None, median, p95)
        print(f"    {'(baseline: bare Streamlit)':<28} {cold:>6.2f} {'':>7} {median:>9.2f} "
              f"{p95:>6.2f}", flush=True)
        warmups = []
        only = [w for w in os.environ.get("PARTMON_BENCH_PAGES", "").split(",") if w]
        for name, path, selector in pages(db):
            if only and not any(w in name for w in only):
                continue
            log = Path(tmp) / "streamlit.log"
            with running_dashboard(db, log, timeout_s=300) as url:
                warmups.append(_warmed(url))
                context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                              locale="pl-PL")
                page = context.new_page()
                try:
                    cold, cold_done = _visit(page, url + path, selector)
                    warm = [_visit(page, url + path, selector) for _ in range(warm_runs)]
                except Exception as exc:  # one broken page must not hide the others
                    print(f"    {name:<28} failed: {type(exc).__name__}: "
                          f"{str(exc).splitlines()[0] if str(exc) else ''}")
                    context.close()
                    continue
                context.close()
            runs = _server_runs(log)
            server = (f"{runs[0][0]:>6.0f} / {statistics.median(r[0] for r in runs[1:]):>5.0f}"
                      if len(runs) > 1 else "")
            if runs and runs[0][2] != "-":
                server += f"  (cold ran: {runs[0][2]})"
            shown = [w[0] for w in warm]
            median, p95 = statistics.median(shown), _p95(shown)
            done = statistics.median(w[1] for w in warm)
            results[name] = (cold, cold_done, median, p95)
            flag = "" if max(cold, p95) < PAGE_TARGET_S else "   over target"
            print(f"    {name:<28} {cold:>6.2f} {f'({cold_done:.2f})':>7} {median:>9.2f} "
                  f"{p95:>6.2f} {f'({done:.2f})':>11}  {server:>16}{flag}", flush=True)
        with running_dashboard(db, Path(tmp) / "streamlit.log", timeout_s=300) as url:
            context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                          locale="pl-PL")
            page = context.new_page()
            early, _ = _visit(page, url, _TABLE)  # during the warm-up
            _warmed(url)
            changes = _filter_changes(page, url)
            context.close()
        browser.close()
    known = [w for w in warmups if w is not None]
    if known:
        print(f"  start-up warm-up (server answering, caches being filled): median "
              f"{statistics.median(known):.1f} s; pages above were visited after it")
    print(f"  overview visited at once after the server answered (warm-up still running): "
          f"{early:.2f} s")
    median, p95 = statistics.median(changes), _p95(changes)
    results["filter"] = changes
    flag = "" if p95 < FILTER_TARGET_S else "   over target"
    print(f"  filter change until the overview's numbers update (a voivodeship not chosen "
          f"before, {len(changes)} changes):\n    median {median * 1000:.0f} ms, p95 "
          f"{p95 * 1000:.0f} ms, worst {max(changes) * 1000:.0f} ms; target < "
          f"{FILTER_TARGET_S * 1000:.0f} ms{flag}")
    return results


def _documents(db: Path) -> int:
    from warehouse.db import connect

    con = connect(db, read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def main(db_path=None) -> None:
    if db_path is not None and Path(db_path).is_file():
        db = Path(db_path)
        print(f"dashboard on {db.name}: {_documents(db):,} documents, "
              f"{db.stat().st_size / 2**20:,.0f} MiB (the warehouse benchmark's):")
        measure(db)
        return
    from tests.bench.warehouse_bench import _load

    n = int(os.environ.get("PARTMON_BENCH_DOCS", "100000"))
    with tempfile.TemporaryDirectory(prefix="partmon-dash-db-") as tmp:
        db = Path(tmp) / "dashboard-bench.duckdb"
        t0 = time.perf_counter()
        _load(db, n)
        print(f"dashboard on a synthetic warehouse of {_documents(db):,} extracted documents "
              f"(built in {time.perf_counter() - t0:.0f} s):")
        measure(db)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
