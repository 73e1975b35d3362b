"""Log formatter that names documents by URL: Scrapy's default prints whole items, bodies included."""
from __future__ import annotations

from scrapy.logformatter import LogFormatter


class DocumentLogFormatter(LogFormatter):
    """Replace the item in scraped/dropped/error messages by its URL."""

    def scraped(self, item, response, spider):
        result = super().scraped(item, response, spider)
        result["args"]["item"] = item.get("url") if hasattr(item, "get") else item
        return result

    def dropped(self, item, exception, response, spider):
        result = super().dropped(item, exception, response, spider)
        result["args"]["item"] = item.get("url") if hasattr(item, "get") else item
        return result

    def item_error(self, item, exception, response, spider):
        result = super().item_error(item, exception, response, spider)
        result["args"]["item"] = item.get("url") if hasattr(item, "get") else item
        return result
