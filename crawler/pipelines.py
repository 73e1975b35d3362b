"""Item pipelines; each class does one thing to a DocumentItem, in the order settings.py gives."""
from __future__ import annotations

import hashlib

from scrapy.exceptions import DropItem

from crawler.items import DOCUMENT_FIELDS


class ContentHashPipeline:
    """Set `content_hash` to the sha256 of the body, so identical files are recognisable."""

    def process_item(self, item):
        item["content_hash"] = hashlib.sha256(item["body"]).hexdigest()
        return item


class DeduplicateContentPipeline:
    """Drop a document whose body was already emitted under another URL (mirrors, copies), and
    one an earlier crawl harvested with the same content hash (README: incremental crawls):
    the warehouse already holds it, so re-emitting it would only make work. In a shared crawl
    (REDIS_URL) the emitted hashes are a Redis set, so two workers never emit one file twice."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.seen: set[str] | None = None
        self.known: dict[str, str] = {}
        self.redis = self.redis_key = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _start(self) -> None:
        known = getattr(self.crawler.spider, "known", None) or {}
        self.known = {url: k["content_hash"] for url, k in known.items() if k.get("content_hash")}
        self.seen = set(self.known.values())  # a copy of a stored document is no new document
        settings = self.crawler.settings
        if settings.get("REDIS_URL"):
            from scrapy_redis.connection import from_settings

            self.redis = from_settings(settings)
            spider = self.crawler.spider.name
            self.redis_key = f"partmon:{settings.get('PARTMON_CRAWL_ID')}:{spider}:content"

    def _first_time(self, digest: str) -> bool:
        if digest in self.seen:
            return False
        self.seen.add(digest)
        return self.redis is None or bool(self.redis.sadd(self.redis_key, digest))

    def process_item(self, item):
        if self.seen is None:
            self._start()
        digest = item["content_hash"]
        if self.known.get(item["url"]) == digest:
            self.stats.inc_value("partmon/unchanged")
            raise DropItem(f"{item['url']}: unchanged since the last crawl")
        if not self._first_time(digest):
            self.stats.inc_value("partmon/duplicate_content")
            raise DropItem(f"{item['url']}: same content as an earlier document")
        return item


class ValidateItemPipeline:
    """Drop items that would break the document-item contract (missing body, URL or fields)."""

    def process_item(self, item):
        missing = [f for f in DOCUMENT_FIELDS if f not in item]
        if missing or not isinstance(item.get("body"), bytes) or not item.get("url"):
            raise DropItem(f"{item.get('url')}: invalid document item (missing {missing or 'body'})")
        return item


class CountDocumentsPipeline:
    """Count emitted documents and reports per source (the runner's `documents`/`reports`)."""

    def __init__(self, stats, threshold: float):
        self.stats = stats
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getfloat("PARTMON_REPORT_THRESHOLD"))

    def process_item(self, item):
        self.stats.inc_value("partmon/documents")
        if item["report_score"] >= self.threshold:
            self.stats.inc_value("partmon/reports")
        return item
