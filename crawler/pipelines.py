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
    """Drop a document whose body was already emitted under another URL (mirrors, copies)."""

    def __init__(self, stats):
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if item["content_hash"] in self.seen:
            self.stats.inc_value("partmon/duplicate_content")
            raise DropItem(f"{item['url']}: same content as an earlier document")
        self.seen.add(item["content_hash"])
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
