"""Scrapy extension that closes a worker of a shared (scrapy-redis) crawl once the shared
frontier has stayed empty for PARTMON_IDLE_CLOSE_SECONDS.

Alone, a Scrapy crawler closes the moment its own queue is empty; a worker sharing a Redis
queue must not: another worker may still be fetching pages whose links will refill it. So an
idle worker waits, and gives up only after the frontier stayed empty that long while it did
nothing itself (scrapy-redis' own spiders would instead wait forever).
"""
from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

log = logging.getLogger(__name__)


class IdleClose:
    """Keep an idle worker open until the frontier has been empty for `seconds` in a row."""

    def __init__(self, crawler, seconds: float, poll: float = 0.5):
        self.crawler = crawler
        self.seconds = seconds
        self.poll = poll
        self.idle_since: float | None = None
        self.idle_signals = 0

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        if not s.get("REDIS_URL"):  # alone, a crawler may close as soon as its queue is empty
            raise NotConfigured  # without a message: Scrapy would log one as a warning
        ext = cls(crawler, s.getfloat("PARTMON_IDLE_CLOSE_SECONDS"))
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        for busy in (signals.request_scheduled, signals.response_received):
            crawler.signals.connect(ext.busy, signal=busy)
        return ext

    def busy(self, *args, **kwargs):
        self.idle_since, self.idle_signals = None, 0

    def spider_idle(self, spider):
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        self.idle_signals += 1
        if now - self.idle_since < self.seconds:
            self._look_again_soon()
            raise DontCloseSpider
        self.crawler.stats.set_value("partmon/idle_signals_before_close", self.idle_signals)
        log.info("%s: frontier empty for %.0f s, closing", spider.name, now - self.idle_since)

    def _look_again_soon(self) -> None:
        """An idle engine looks at its scheduler only every 5 s (its heartbeat); a worker should
        pick up what the others push sooner. Uses the engine's own wake-up call when present."""
        from twisted.internet import reactor

        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None and hasattr(nextcall, "schedule"):
            def wake():
                if self.crawler.crawling and getattr(self.crawler.engine, "_slot", None) is slot:
                    nextcall.schedule()

            reactor.callLater(self.poll, wake)