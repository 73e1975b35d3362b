"""The `partmon` command: the one place where the four stages are wired together.

Each subcommand imports the stages it needs lazily, so `partmon sql` does not pay for
spaCy and `partmon extract` does not need Scrapy. The stages themselves never import
each other; they pass plain records (see README, "Internal interfaces").
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_DB = "partmon.duckdb"

EPILOG = """examples:
  partmon run --url https://www.example-gmina.pl/aktualnosci/ --db partmon.duckdb
  partmon extract raport.pdf sprawozdanie.html --out records.jsonl
  partmon sql "SELECT name, voivodeship FROM municipalities"
  partmon export --format parquet --out export/
  partmon dashboard
"""


def _err(message: str) -> None:
    print(f"partmon: {message}", file=sys.stderr)


class Progress:
    """Prints one overwritten status line on a terminal, plain lines elsewhere."""

    def __init__(self, label: str, every: int = 10):
        self.label, self.every, self.count = label, every, 0
        self.tty = sys.stderr.isatty()

    def step(self, detail: str = "") -> None:
        self.count += 1
        if self.tty:
            print(f"\r{self.label}: {self.count} {detail}".ljust(70), end="", file=sys.stderr, flush=True)
        elif self.count % self.every == 0:
            print(f"{self.label}: {self.count} {detail}", file=sys.stderr, flush=True)

    def done(self, detail: str = "") -> None:
        if self.tty:
            print(file=sys.stderr)
        print(f"{self.label}: {self.count} {detail}".rstrip(), file=sys.stderr, flush=True)


# --- helpers shared by crawl / run / demo -------------------------------------------------

def _sources(args) -> list[dict]:
    from crawler.sources import load_sources, sources_from_urls

    if args.sources:
        return load_sources(args.sources)
    return sources_from_urls(args.url)


def _crawl_into(db_path: str, sources: list[dict], settings: dict | None = None) -> dict:
    """Crawl `sources` and store every harvested document with its text in the warehouse."""
    from crawler.runner import crawl
    from extract.text import ExtractionError, document_text
    from warehouse.load import BatchWriter

    # the file is held only while a batch is written, so readers are not locked out
    writer = BatchWriter(db_path, on_error=lambda url, why: _err(f"{url}: cannot store: {why}"))
    with writer.loader() as loader:
        loader.upsert_sources(sources)
        run_id = writer.run_id = loader.start_crawl_run()
        known = _known_documents(loader.con, {s["name"] for s in sources})
    progress = Progress("crawled documents")

    def on_document(item: dict) -> None:
        text, title, error = None, item.get("title"), None
        try:
            got = document_text(item["body"], content_type=item.get("content_type"),
                                name=item["url"], encoding=item.get("encoding"))
            text, title = got["text"], got.get("title") or title
        except ExtractionError as exc:
            error = str(exc)
            _err(f"{item['url']}: {error}")
        except Exception as exc:  # one broken document never stops the crawl
            error = f"{type(exc).__name__}: {exc}".splitlines()[0]
            _err(f"{item['url']}: {error}")
        writer.add_document({**item, "text": text, "title": title, "text_error": error})
        progress.step(f"(last: {item['url']})")

    def on_gone(item: dict) -> None:
        writer.add_gone(item)  # the document and its extracted rows are kept, marked gone

    stats = crawl(sources, on_document, settings=settings, known=known, on_gone=on_gone)
    writer.flush()
    with writer.loader() as loader:
        loader.finish_crawl_run(run_id, stats)
    progress.done()
    return stats


def _known_documents(con, source_names: set[str]) -> dict:
    """What earlier crawls stored from these sources, as crawler.runner.crawl's `known`:
    unchanged documents are then asked conditionally and not harvested again. A document
    found gone carries no validators or hash, so if it is served again it is harvested and
    no longer marked gone. Other sources' documents are left out (not re-checked)."""
    rows = con.execute("SELECT url, etag, last_modified, content_hash, source, gone_at IS NOT NULL "
                       "FROM documents WHERE url LIKE 'http%'").fetchall()
    known = {}
    for url, etag, last_modified, content_hash, source, gone in rows:
        if source is not None and source not in source_names:
            continue
        entry = {"source": source} if gone else {
            "etag": etag, "last_modified": last_modified, "content_hash": content_hash,
            "source": source}
        known[url] = {k: v for k, v in entry.items() if v is not None}
    return known


EXTRACT_CHUNK = 512   # documents whose texts are read from the warehouse at a time

def _pending_documents(writer, extractor_version: str, chunk: int = EXTRACT_CHUNK):
    """Yield the documents to extract, in URL order, their texts read `chunk` at a time.

    The pending ids are listed first, without touching texts (16 characters each); each chunk's
    texts are then read by id (an index lookup, not a scan of every text) on a short
    connection of its own, like the writer's batches, so the file is never held for the
    whole extraction and only one chunk of texts is in memory. A document that stopped
    being pending meanwhile (extracted by another run) is skipped.
    """
    with writer.loader() as loader:
        ids = loader.pending_ids(extractor_version)
    for start in range(0, len(ids), chunk):
        with writer.loader() as loader:
            part = loader.pending_documents(ids[start:start + chunk], extractor_version)
        yield from part


def _extract_into(db_path: str, jobs: int = 1, chunk: int = EXTRACT_CHUNK) -> tuple[int, int]:
    """Extract every stored document that has no extraction by the current extractor.

    Streams: documents are read `chunk` at a time, go through `nlp.pipe` (in `jobs`
    processes), and each record is queued to the batch writer as it comes, so memory stays
    flat however many documents are pending (a first run over 100k crawled pages)."""
    from collections import deque

    from extract import EXTRACTOR_VERSION
    from extract.record import extract_texts
    from warehouse.load import BatchWriter

    urls: dict[str, str] = {}   # document id -> URL, for error lines; only the latest kept
    writer = BatchWriter(db_path, on_error=lambda did, why: _err(
        f"{urls.get(did, did)}: extraction not stored: {why}"))
    in_flight: deque = deque()  # documents handed to the pipeline whose records are still to come

    def docs():
        for doc in _pending_documents(writer, EXTRACTOR_VERSION, chunk):
            in_flight.append(doc)
            yield {"path": doc["url"], "text": doc["text"] or "", "title": doc.get("title")}

    progress = Progress("extracted and loaded documents")
    for record in extract_texts(docs(), n_process=jobs):
        doc = in_flight.popleft()   # extract_texts gives one record per input, in input order
        urls[doc["document_id"]] = doc["url"]
        if len(urls) > 4 * (writer.batch_size + chunk):
            del urls[next(iter(urls))]   # long written: the writer reports errors per batch
        writer.add_extraction(doc["document_id"], record, EXTRACTOR_VERSION, text=doc["text"])
        progress.step()
    writer.flush()
    ok, failed = writer.stored, writer.failed
    with writer.loader() as loader:
        loader.record_extraction_run(EXTRACTOR_VERSION, {"extracted": ok, "failed": failed})
    progress.done(f"({failed} failed)" if failed else "")
    return ok, failed


def _print_crawl_stats(stats: dict) -> None:
    for name, s in stats.items():
        errors = ", ".join(f"{k} {v}" for k, v in sorted(s.get("errors", {}).items()) if v) or "no errors"
        print(f"{name}: {s.get('pages', 0)} pages, {s.get('documents', 0)} documents, "
              f"{s.get('reports', 0)} reports, {s.get('unchanged', 0)} unchanged, "
              f"{s.get('gone', 0)} gone; {errors}", file=sys.stderr)


def _crawl_settings(args) -> dict:
    settings = {}
    for pair in getattr(args, "set", None) or []:
        key, _, value = pair.partition("=")
        if not _:
            raise SystemExit(f"partmon: --set expects NAME=VALUE, got {pair!r}")
        settings[key] = value
    return settings


# --- subcommands --------------------------------------------------------------------------

def cmd_crawl(args) -> int:
    stats = _crawl_into(args.db, _sources(args), _crawl_settings(args))
    _print_crawl_stats(stats)
    return 0


def cmd_run(args) -> int:
    stats = _crawl_into(args.db, _sources(args), _crawl_settings(args))
    _print_crawl_stats(stats)
    _, failed = _extract_into(args.db, jobs=args.jobs)
    _print_summary(args.db)
    return 0


def _print_summary(db_path: str) -> None:
    from warehouse.db import connect

    con = connect(db_path, read_only=True)
    counts = []
    for table in ("documents", "municipalities", "meetings", "organisations", "priority_tasks"):
        counts.append(f"{con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]} {table}")
    con.close()
    print(f"{db_path}: " + ", ".join(counts), file=sys.stderr)


def cmd_extract(args) -> int:
    from extract.files import extract_paths
    from extract.record import to_contract

    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    failed = 0
    try:
        for record in extract_paths(args.paths, n_process=args.jobs):
            if "error" in record:
                failed += 1
                _err(f"{record['path']}: {record['error']}")
            out.write(json.dumps(to_contract(record), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if args.out:
            out.close()
    return 1 if failed else 0


def cmd_sql(args) -> int:
    from warehouse.sql import QueryError, run_query

    try:
        columns, rows, truncated = run_query(args.db, args.query, max_rows=args.max_rows,
                                             timeout_s=args.timeout)
    except QueryError as exc:
        _err(str(exc))
        return 2
    _write_rows(columns, rows, args.format, sys.stdout)
    if truncated:
        _err(f"result cut at {args.max_rows} rows (raise it with --max-rows)")
    return 0


def _write_rows(columns, rows, fmt: str, out) -> None:
    if fmt == "json":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        cells = [[("" if v is None else str(v)) for v in row] for row in rows]
        widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
        line = lambda vals: " | ".join(v[:60].ljust(w) for v, w in zip(vals, widths))  # noqa: E731
        out.write(line(list(columns)) + "\n")
        out.write("-+-".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write(line(r) + "\n")
        out.write(f"({len(rows)} rows)\n")


def cmd_export(args) -> int:
    from warehouse.export import export

    written = export(args.db, args.format, args.out)
    print(f"exported {len(written) if written else 0} files to {args.out}", file=sys.stderr)
    return 0


def _dashboard_command(db_path: str, port: int) -> list[str]:
    import dashboard

    app = Path(dashboard.__file__).with_name("app.py")
    return [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
            "--server.headless", "true", "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal", "--", "--db", str(Path(db_path).resolve())]


def cmd_dashboard(args) -> int:
    if not Path(args.db).exists():
        _err(f"{args.db}: no such warehouse file (create one with 'partmon run' or 'partmon demo')")
        return 2
    print(f"dashboard: http://127.0.0.1:{args.port}/  (Ctrl-C stops it)", flush=True)
    sys.stderr.flush()
    # become the Streamlit server, so a signal sent to `partmon dashboard` reaches it
    command = _dashboard_command(args.db, args.port)
    os.execv(command[0], command)


def cmd_sources(args) -> int:
    from warehouse.sql import QueryError, run_query

    query = ("SELECT name, municipality, voivodeship, spider, start_urls FROM sources ORDER BY name"
             if args.config else
             "SELECT source, municipality, last_crawled_at, pages, reports, errors, error_kinds, "
             "stored_documents, extracted, text_errors + extraction_errors AS failed_documents "
             "FROM crawl_health ORDER BY errors DESC NULLS LAST, source")
    try:
        columns, rows, _ = run_query(args.db, query, max_rows=100000, timeout_s=30)
    except QueryError as exc:
        _err(str(exc))
        return 2
    _write_rows(columns, rows, "table", sys.stdout)
    return 0


def cmd_gazetteer(args) -> int:
    from warehouse.db import WarehouseError, connect
    from warehouse.gazetteer import GazetteerError, load_gazetteer

    try:
        con = connect(args.db)
    except WarehouseError as exc:
        _err(str(exc))
        return 2
    try:
        units, outcome = load_gazetteer(con, args.file)
    except GazetteerError as exc:
        _err(str(exc))
        return 2
    finally:
        con.close()
    matched = ", ".join(f"{n} {how}" for how, n in sorted(outcome.items())) or "none yet"
    print(f"{args.db}: {units} TERC units loaded from {args.file}; municipalities: {matched}",
          file=sys.stderr)
    return 0


def cmd_demo(args) -> int:
    from crawler.demosite import generate, serve

    site_dir = Path(args.site_dir)
    manifest = generate(site_dir)
    print(f"demo site: {len(manifest['reports'])} reports of {len(manifest['municipalities'])} "
          f"municipalities written to {site_dir}/", file=sys.stderr)
    with serve(site_dir) as server:
        print(f"serving the demo site on {server.base_url}", file=sys.stderr)
        sources = [{
            "name": m["slug"], "municipality": m["name"], "terc": m.get("terc"),
            "voivodeship": m["voivodeship"], "start_urls": [server.base_url + m["start_path"]],
            "allowed_domains": ["127.0.0.1"], "include": [], "exclude": [], "spider": "cms",
        } for m in manifest["municipalities"]]
        stats = _crawl_into(args.db, sources, {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0})
    _print_crawl_stats(stats)
    _extract_into(args.db)
    _print_summary(args.db)
    if args.no_dashboard:
        return 0
    args.port = args.port or 8501
    return cmd_dashboard(args)


# --- argument parsing ---------------------------------------------------------------------

def _add_db(p) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"DuckDB warehouse file (default: {DEFAULT_DB} in the current folder)")


def _add_sources(p) -> None:
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--sources", metavar="FILE",
                       help="TOML file naming the sources to crawl (see crawler/sources.example.toml)")
    group.add_argument("--url", nargs="+", metavar="URL",
                       help="start URL(s) to crawl as ad-hoc sources, one per site")
    p.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="override a Scrapy setting, e.g. --set DOWNLOAD_DELAY=0 (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partmon", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Harvest, extract and compare reports of participatory meetings held by "
                    "Polish local governments.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("crawl", help="harvest pages and PDFs into the warehouse (no extraction)",
                       description="Crawl municipal sites politely (robots.txt, throttling) and store "
                                   "each report page and attachment with its text and provenance.")
    _add_sources(p)
    _add_db(p)
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("extract", help="extract contract records from report files (JSON Lines)",
                       description="Read .html/.htm/.pdf/.txt/.docx/.odt/.doc reports and print one JSON record per "
                                   "file (the extraction contract). A file that cannot be read gets a "
                                   "record with an 'error' field; the exit status is then 1.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files")
    p.add_argument("--out", metavar="FILE", help="write the JSON lines to FILE instead of stdout")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes to use (default 1)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="crawl, extract and load in one go (safe to re-run)",
                       description="Crawl the sources, extract every new or changed document and load "
                                   "the results. Re-running never duplicates rows.")
    _add_sources(p)
    _add_db(p)
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="extraction processes (default 1)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("sql", help="run a read-only SQL query on the warehouse",
                       description="Run one read-only SQL query. Writes, ATTACH, file access and "
                                   "extensions are refused; a time limit and row cap apply.")
    p.add_argument("query", help='e.g. "SELECT name, voivodeship FROM municipalities"')
    _add_db(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--max-rows", type=int, default=1000, help="row cap (default 1000)")
    p.add_argument("--timeout", type=float, default=10.0, help="time limit in seconds (default 10)")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("export", help="export every table to Parquet or CSV",
                       description="Write every warehouse table to OUT (Parquet or CSV) with the data "
                                   "dictionary beside them.")
    _add_db(p)
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dashboard", help="open the Streamlit dashboard on a warehouse",
                       description="Serve the dashboard on 127.0.0.1 (read-only on the warehouse).")
    _add_db(p)
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(func=cmd_dashboard)

    p = sub.add_parser("sources", help="crawl health per source: pages, reports, errors",
                       description="Show each source's last crawl: pages fetched, reports found, errors "
                                   "by kind (4xx, 5xx, timeouts, robots-blocked, too large) and documents "
                                   "that could not be read, worst first. --config lists the sources as "
                                   "configured instead.")
    _add_db(p)
    p.add_argument("--config", action="store_true", help="list the configured sources instead")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("gazetteer", help="load the official TERC register of territorial units",
                       description="partmon gazetteer load FILE: read the TERYT TERC register as "
                                   "published (';'-separated: WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;"
                                   "STAN_NA) into gazetteer_units and give every municipality its "
                                   "TERC code, powiat and voivodeship. Names found in several "
                                   "voivodeships are matched only when the voivodeship is known.")
    p.add_argument("action", choices=["load"], help="load: replace the register from FILE")
    p.add_argument("file", metavar="FILE", help="TERC file, e.g. TERC_Urzedowy_2024-01-01.csv")
    _add_db(p)
    p.set_defaults(func=cmd_gazetteer)

    p = sub.add_parser("demo", help="build a demo site, crawl it, and open the dashboard",
                       description="Generate our demo municipal web site, serve it on 127.0.0.1, "
                                   "crawl, extract and load it into demo.duckdb, then start the "
                                   "dashboard. Nothing outside this machine is contacted.")
    p.add_argument("--db", default="demo.duckdb", metavar="PATH", help="warehouse (default demo.duckdb)")
    p.add_argument("--site-dir", default="demo-site", metavar="DIR", help="where to write the site")
    p.add_argument("--port", type=int, default=8501, help="dashboard port (default 8501)")
    p.add_argument("--no-dashboard", action="store_true", help="stop after loading")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except (FileNotFoundError, ValueError, OSError) as exc:
        if os.environ.get("PARTMON_DEBUG"):
            raise
        _err(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return 2


if __name__ == "__main__":
    sys.exit(main())
