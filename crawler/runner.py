"""Run the crawl: one Scrapy crawler per source inside one CrawlerProcess (blocking), handing
every harvested document to a callback and returning per-source stats.

The Twisted reactor cannot be restarted, so `crawl()` can be called once per process.
`python -m crawler.runner SOURCES.toml|URL... --out docs.jsonl` is a debugging entry point and
the way to start a worker of a crawl shared through Redis (`--set REDIS_URL=...`); the
user-facing command is `partmon crawl`.
"""
from __future__ import annotations

import logging
from collections import deque

from scrapy.crawler import CrawlerProcess
from scrapy import signals
from twisted.python.failure import Failure
from scrapy.settings import Settings

from crawler import urls
from crawler.items import as_document, document_gone
from crawler.sources import normalise_source
from crawler.spiders.bip import BipSpider
from crawler.spiders.cms import ERROR_KINDS, CmsSpider

SPIDER_CLASSES = {"cms": CmsSpider, "bip": BipSpider}
log = logging.getLogger(__name__)


def crawler_settings(overrides: dict | None = None) -> Settings:
    """crawler/settings.py, then the caller's overrides, then the switches they imply."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if overrides:
        settings.update(overrides, priority="cmdline")
    if settings.get("REDIS_URL"):
        # scrapy-redis keeps the queue and the seen-URL set in Redis, so several machines
        # can share one crawl; everything else stays the same (see settings.py).
        prefix = f"partmon:{settings.get('PARTMON_CRAWL_ID')}:%(spider)s"
        for key, value in (("SCHEDULER", "scrapy_redis.scheduler.Scheduler"),
                           ("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter"),
                           ("SCHEDULER_PERSIST", True),  # an idle worker must not wipe the others' frontier
                           ("SCHEDULER_QUEUE_KEY", f"{prefix}:requests"),
                           ("SCHEDULER_DUPEFILTER_KEY", f"{prefix}:dupefilter")):
            settings.set(key, value, priority="cmdline")
    return settings


def _source_stats(stats: dict) -> dict:
    return {"pages": stats.get("partmon/pages", 0),
            "documents": stats.get("partmon/documents", 0),
            "reports": stats.get("partmon/reports", 0),
            "unchanged": stats.get("partmon/unchanged", 0),
            "gone": stats.get("partmon/gone", 0),
            "errors": {k: stats.get(f"partmon/errors/{k}", 0) for k in ERROR_KINDS}}


def _empty_stats() -> dict:
    return _source_stats({})


def split_known(sources: list[dict], known: dict | None) -> dict[str, dict]:
    """Earlier documents per source: by their `source` when given, else the first source
    whose domains allow the URL (URLs of no source are left out)."""
    per_source = {s["name"]: {} for s in sources}
    for url, state in (known or {}).items():
        state = state or {}
        name = state.get("source")
        if name not in per_source:
            name = next((s["name"] for s in sources
                         if urls.domain_allowed(url, s["allowed_domains"])), None)
        if name is not None:
            per_source[name][urls.canonical_url(url)] = state
    return per_source


def crawl(sources, on_document, settings=None, on_progress=None, known=None, on_gone=None) -> dict:
    """Crawl every source (blocking) and return `{source_name: stats}`.

    `on_document(item_dict)` is called for every harvested document (README's document item);
    `on_progress(event_dict)` for source start/finish and every PARTMON_PROGRESS_EVERY documents.
    `known` (url → {"etag", "last_modified", "content_hash", optional "source"}) is what an
    earlier crawl harvested: those URLs are fetched conditionally, re-emitted only when their
    content changed, and `on_gone(gone_item)` is called for each that now answers 404/410.
    An exception raised by `on_document` or `on_gone` stops the crawl and is re-raised here.
    """
    # hand-built source dicts get the same checks and defaults as a sources file's
    sources = [normalise_source(s, f"source {s.get('name')!r}") for s in sources]
    known_by_source = split_known(sources, known)
    results = {s["name"]: _empty_stats() for s in sources}
    if not sources:
        return results
    process = CrawlerProcess(crawler_settings(settings))
    every = max(1, process.settings.getint("PARTMON_PROGRESS_EVERY"))
    parallel = max(1, process.settings.getint("PARTMON_PARALLEL_SOURCES"))
    totals = {"documents": 0, "sources_done": 0}
    failures: list[BaseException] = []
    queue = deque(sources)
    running = set()
    keep_alive: list = []

    def progress(event: dict) -> None:
        if on_progress is not None:
            try:
                on_progress(event)
            except Exception:  # a progress printer must never stop the crawl
                log.exception("on_progress failed")

    def stop_all(exc: BaseException) -> None:
        failures.append(exc)
        queue.clear()
        for crawler in list(running):
            if crawler.crawling:
                crawler.stop()

    def start_next() -> None:
        if not queue:
            if not running:
                from twisted.internet import reactor
                reactor.callLater(0, _stop_reactor, reactor)  # also fine before it runs
            return
        source = queue.popleft()
        crawler = process.create_crawler(SPIDER_CLASSES[source["spider"]])
        name = source["name"]

        def item_scraped(item, response=None, spider=None):
            if failures:
                return
            try:
                on_document(as_document(item))
            except Exception as exc:  # noqa: BLE001 - re-raised after the reactor stops
                log.error("on_document failed for %s: %s", item.get("url"), exc)
                stop_all(exc)
                return
            totals["documents"] += 1
            if totals["documents"] % every == 0:
                progress({"event": "document", "source": name, "url": item["url"],
                          "report_score": item["report_score"], "documents": totals["documents"],
                          "source_stats": _source_stats(crawler.stats.get_stats())})

        def gone(item, spider=None):
            if failures:
                return
            try:
                if on_gone is not None:
                    on_gone(dict(item))
            except Exception as exc:  # noqa: BLE001 - re-raised after the reactor stops
                log.error("on_gone failed for %s: %s", item.get("url"), exc)
                stop_all(exc)
                return
            progress({"event": "gone", "source": name, "url": item["url"],
                      "http_status": item["http_status"]})

        def finished(result):
            running.discard(crawler)
            stats = crawler.stats.get_stats() if crawler._stats is not None else {}
            results[name] = _source_stats(stats)
            if stats.get("finish_reason") == "shutdown":  # Ctrl-C: start no further sources
                queue.clear()
            if isinstance(result, Failure):
                log.error("source %s failed: %s", name, result.getErrorMessage(),
                          exc_info=(result.type, result.value, result.getTracebackObject()))
                results[name]["errors"]["other"] += 1
            totals["sources_done"] += 1
            progress({"event": "source_finished", "source": name, "stats": results[name],
                      "sources_done": totals["sources_done"], "sources_total": len(sources)})
            start_next()

        # Scrapy holds signal receivers weakly: keep this closure alive for the whole crawl.
        keep_alive.extend((item_scraped, gone))
        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(gone, signal=document_gone)
        running.add(crawler)
        progress({"event": "source_started", "source": name, "start_urls": source["start_urls"]})
        process.crawl(crawler, source=source, known=known_by_source[name]).addBoth(finished)

    for _ in range(min(parallel, len(sources))):
        start_next()
    process.start(stop_after_crawl=False)
    if failures:
        raise failures[0]
    return results


def _stop_reactor(reactor) -> None:
    if reactor.running:
        reactor.stop()


def main(argv=None) -> int:
    """Crawl sources or URLs, write document items (body in base64) and gone items as JSON
    lines; also how a worker of a shared crawl is started (`--set REDIS_URL=...`)."""
    import argparse
    import base64
    import json
    import sys

    from crawler.sources import SourceError, load_sources, sources_from_urls

    parser = argparse.ArgumentParser(prog="python -m crawler.runner", description=main.__doc__)
    parser.add_argument("targets", nargs="+", help="a sources .toml file or start URLs")
    parser.add_argument("--out", required=True, help="JSON-lines file for the document items")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--known", metavar="JSON",
                        help="earlier documents: a JSON object url → {etag, last_modified, content_hash}")
    args = parser.parse_args(argv)
    try:
        if len(args.targets) == 1 and args.targets[0].endswith(".toml"):
            sources = load_sources(args.targets[0])
        else:
            sources = sources_from_urls(args.targets)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    overrides = dict(kv.split("=", 1) for kv in args.set)
    known = None
    if args.known:
        try:
            with open(args.known, encoding="utf-8") as f:
                known = json.load(f)
        except (OSError, ValueError) as exc:
            print(f"error: {args.known}: cannot read known documents: {exc}", file=sys.stderr)
            return 2
    with open(args.out, "w", encoding="utf-8") as out:
        def write(doc):
            doc = dict(doc, body=base64.b64encode(doc["body"]).decode("ascii"))
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")

        def write_gone(item):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")

        stats = crawl(sources, write, settings=overrides, known=known, on_gone=write_gone,
                      on_progress=lambda e: print(json.dumps(e, ensure_ascii=False), file=sys.stderr))
    print(json.dumps(stats, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
