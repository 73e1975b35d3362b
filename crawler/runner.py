"""Run the crawl: one Scrapy crawler per source inside one CrawlerProcess (blocking), handing
every harvested document to a callback and returning per-source stats.

The Twisted reactor cannot be restarted, so `crawl()` can be called once per process.
`python -m crawler.runner SOURCES.toml|URL... --out docs.jsonl` is a debugging entry point;
the user-facing command is `partmon crawl`.
"""
from __future__ import annotations

import logging
from collections import deque

from scrapy.crawler import CrawlerProcess
from scrapy import signals
from twisted.python.failure import Failure
from scrapy.settings import Settings

from crawler.items import as_document
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
    if settings.getbool("PARTMON_DISTRIBUTED"):
        # scrapy-redis keeps the queue and the seen-URL set in Redis, so several machines
        # can share one crawl; everything else stays the same.
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="cmdline")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="cmdline")
        settings.set("SCHEDULER_PERSIST", True, priority="cmdline")
    return settings


def _source_stats(stats: dict) -> dict:
    return {"pages": stats.get("partmon/pages", 0),
            "documents": stats.get("partmon/documents", 0),
            "reports": stats.get("partmon/reports", 0),
            "errors": {k: stats.get(f"partmon/errors/{k}", 0) for k in ERROR_KINDS}}


def _empty_stats() -> dict:
    return _source_stats({})


def crawl(sources, on_document, settings=None, on_progress=None) -> dict:
    """Crawl every source (blocking) and return `{source_name: stats}`.

    `on_document(item_dict)` is called for every harvested document (README's document item);
    `on_progress(event_dict)` for source start/finish and every PARTMON_PROGRESS_EVERY documents.
    An exception raised by `on_document` stops the crawl and is re-raised here.
    """
    # hand-built source dicts get the same checks and defaults as a sources file's
    sources = [normalise_source(s, f"source {s.get('name')!r}") for s in sources]
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
        keep_alive.append(item_scraped)
        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        running.add(crawler)
        progress({"event": "source_started", "source": name, "start_urls": source["start_urls"]})
        process.crawl(crawler, source=source).addBoth(finished)

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
    """Debugging entry point: crawl sources or URLs, write document items as JSON lines."""
    import argparse
    import base64
    import json
    import sys

    from crawler.sources import SourceError, load_sources, sources_from_urls

    parser = argparse.ArgumentParser(prog="python -m crawler.runner", description=main.__doc__)
    parser.add_argument("targets", nargs="+", help="a sources .toml file or start URLs")
    parser.add_argument("--out", required=True, help="JSON-lines file for the document items")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
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
    with open(args.out, "w", encoding="utf-8") as out:
        def write(doc):
            doc = dict(doc, body=base64.b64encode(doc["body"]).decode("ascii"))
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")

        stats = crawl(sources, write, settings=overrides,
                      on_progress=lambda e: print(json.dumps(e, ensure_ascii=False), file=sys.stderr))
    print(json.dumps(stats, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
