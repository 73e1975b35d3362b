"""`make bench` figures for the warehouse: bulk load of synthetic documents, size on disk,
dashboard query and full-text search latency, and the re-load of unchanged documents.

The documents come from our own generator (tests/warehouse_synth.py). Only the loader's
calls are timed (generation is not). Prints figures, asserts nothing.
Set PARTMON_BENCH_DOCS to change the number of documents (default 100,000) and
PARTMON_BENCH_PROGRESS=1 to see each batch's times on stderr; PARTMON_BENCH_DB=FILE keeps the
loaded warehouse in FILE (replaced if present) for looking into afterwards. Other
benchmarks build the same warehouse with `build_warehouse(path, n)`.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

BATCH = 2000
REPEAT = 9


def _load(db: Path, n: int, seed: int = 0) -> dict:
    """Store and extract n generated documents in batches → timings (seconds of each step,
    "close" the final checkpoint) and counts."""
    from warehouse.db import connect
    from warehouse.load import Loader, document_id
    from warehouse_synth import Generator

    gen = Generator(seed)
    con = connect(db)
    loader = Loader(con)
    loader.start_crawl_run()
    took = {"documents": 0.0, "extractions": 0.0, "to_extract": 0.0}
    rows = 0
    for start in range(0, n, BATCH):
        pairs = list(gen.documents(min(BATCH, n - start), start=start))
        t0 = time.perf_counter()
        loader.store_documents([item for item, _ in pairs])
        t1 = time.perf_counter()
        todo = {d["document_id"] for d in loader.documents_to_extract("bench")}
        t2 = time.perf_counter()
        batch = [(document_id(item["url"]), record, item["text"]) for item, record in pairs
                 if document_id(item["url"]) in todo]
        if batch:
            loader.store_extractions(batch, "bench")
        t3 = time.perf_counter()
        took["documents"] += t1 - t0
        took["to_extract"] += t2 - t1
        took["extractions"] += t3 - t2
        if os.environ.get("PARTMON_BENCH_PROGRESS"):
            print(f"    {start + len(pairs):>7} documents: batch stored in {t1 - t0:.2f} s, "
                  f"extracted in {t3 - t2:.2f} s", file=sys.stderr, flush=True)
        rows += sum(_rows(record) for _, record, _ in batch)
    t0 = time.perf_counter()
    con.close()  # the final checkpoint writes what the log still holds: part of the load
    took["close"] = time.perf_counter() - t0
    took["rows"] = rows
    return took


def build_warehouse(db, n: int = 100_000, seed: int = 0) -> dict:
    """Load n generated documents into the warehouse file `db` (created; an existing file
    gets them added) → timings; what `make bench` measures, for other benchmarks."""
    return _load(Path(db), n, seed)


def _total(took: dict) -> float:
    return took["documents"] + took["to_extract"] + took["extractions"] + took["close"]


def _rows(record: dict) -> int:
    from warehouse_synth import expected_rows
    return expected_rows(record)


def _latency(fn, repeat: int = REPEAT) -> tuple[float, float]:
    times = []
    fn()  # warm-up (first use of a table loads its blocks)
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times) * 1000, p95 * 1000


def _query_cases(con) -> list[tuple[str, object]]:
    """(name, zero-argument callable) for each dashboard query, with realistic filters."""
    from warehouse import queries as q

    top = q.top_municipalities(con, limit=3)
    mids = list(top["id"]) if len(top) else []
    voivodeship = str(top["voivodeship"].iloc[0]) if len(top) else None
    org = q.top_organisations(con, limit=1)
    oid = str(org["id"].iloc[0]) if len(org) else ""
    doc = con.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()
    did = doc[0] if doc else ""
    years = (2016, 2022)
    cases = [
        ("year_bounds", lambda: q.year_bounds(con)),
        ("voivodeships", lambda: q.voivodeships(con)),
        ("summary", lambda: q.summary(con)),
        ("summary (voivodeship, years)", lambda: q.summary(con, voivodeship, years)),
        ("meetings_over_time", lambda: q.meetings_over_time(con)),
        ("voivodeship_activity", lambda: q.voivodeship_activity(con)),
        ("top_municipalities", lambda: q.top_municipalities(con)),
        ("top_organisations", lambda: q.top_organisations(con)),
        ("municipality_list", lambda: q.municipality_list(con)),
        ("municipality_meetings (3)", lambda: q.municipality_meetings(con, mids)),
        ("municipality_goals (3)", lambda: q.municipality_goals(con, mids)),
        ("municipality_priority_tasks (3)", lambda: q.municipality_priority_tasks(con, mids)),
        ("municipality_legal_acts (3)", lambda: q.municipality_legal_acts(con, mids)),
        ("municipality_funding (3)", lambda: q.municipality_funding(con, mids)),
        ("municipality_organisations (3)", lambda: q.municipality_organisations(con, mids)),
        ("organisation_list", lambda: q.organisation_list(con)),
        ("organisation_list (search)", lambda: q.organisation_list(con, search="Sokół")),
        ("organisation", lambda: q.organisation(con, oid)),
        ("organisation_mentions", lambda: q.organisation_mentions(con, oid)),
        ("organisation_kinds", lambda: q.organisation_kinds(con)),
        ("document_list", lambda: q.document_list(con)),
        ("document_list (voivodeship)", lambda: q.document_list(con, voivodeship=voivodeship)),
        ("document", lambda: q.document(con, did)),
        ("document_spans", lambda: q.document_spans(con, did)),
        ("counts", lambda: q.counts(con)),
    ]
    for name in ("processes", "process_kinds_by_year"):
        if hasattr(q, name):
            cases.append((name, (lambda f: lambda: f(con))(getattr(q, name))))
    return cases


def main() -> None:
    from warehouse.db import connect
    from warehouse.search import search

    n = int(os.environ.get("PARTMON_BENCH_DOCS", "100000"))
    with tempfile.TemporaryDirectory(prefix="partmon-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        keep = os.environ.get("PARTMON_BENCH_DB")
        if keep:
            db = Path(keep)
            for old in db.parent.glob(db.name + "*"):
                old.unlink()
        print(f"warehouse, {n:,} synthetic extracted documents, batches of {BATCH}:")
        first = _load(db, n)
        total = _total(first)
        print(f"  first load, whole                    {total:>10.1f} s   (target < 120 s)")
        print(f"    documents stored + search-indexed  {n / first['documents']:>10,.0f} docs/s")
        print(f"    extractions stored                 {n / first['extractions']:>10,.0f} docs/s"
              f"   ({first['rows'] / first['extractions']:,.0f} extracted rows/s)")
        print(f"    final checkpoint (close)           {first['close']:>10.1f} s")
        print(f"    overall                            {n / total:>10,.0f} docs/s")
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
        print(f"  size on disk                         {size / 2**20:>10,.0f} MiB"
              f"   ({size / n / 1024:.1f} KiB per document, bodies included)")
        again = _load(db, n)
        total_again = _total(again)
        print(f"  re-load of the unchanged documents   {total_again:>10.1f} s   "
              f"({total / max(total_again, 1e-9):.0f}× faster; target ≥ 10×)")

        t0 = time.perf_counter()
        con = connect(db, read_only=True)
        print(f"  read-only open                       {(time.perf_counter() - t0) * 1000:>10.1f} ms")
        print("  dashboard queries (warehouse.queries), median / p95 of "
              f"{REPEAT} runs, target median < 100 ms:")
        worst = 0.0
        for name, fn in _query_cases(con):
            median, p95 = _latency(fn)
            worst = max(worst, median)
            flag = "" if median < 100 else "   over target"
            print(f"    {name:<34} {median:>8.1f} / {p95:>7.1f} ms{flag}")
        for query in ("program współpracy", "organizacja festynu rodzinnego", "Sokół"):
            median, p95 = _latency(lambda: search(con, query, 20))
            print(f"    full-text search {query!r:<34} {median:>6.1f} / {p95:>7.1f} ms")
        print(f"  slowest dashboard query median       {worst:>10.1f} ms")
        con.close()


if __name__ == "__main__":
    main()
