"""The document item the crawler hands to the CLI (README: "crawler → CLI: the document item")."""
from __future__ import annotations

import scrapy

# Exactly the keys of the README's document item, in its order.
DOCUMENT_FIELDS = (
    "url", "source", "municipality", "terc", "voivodeship", "fetched_at", "http_status",
    "content_type", "encoding", "content_hash", "body", "title", "referer", "link_text",
    "report_score", "etag", "last_modified",
)
# Sent by a spider when a URL harvested by an earlier crawl answers 404/410 (argument `item`:
# README's *gone item*, {"url", "source", "gone": True, "http_status", "fetched_at"}).
document_gone = object()


class DocumentItem(scrapy.Item):
    """One harvested document: a report-like HTML page or an attachment (PDF, DOC, DOCX, ODT)."""

    url = scrapy.Field()
    source = scrapy.Field()
    municipality = scrapy.Field()
    terc = scrapy.Field()
    voivodeship = scrapy.Field()
    fetched_at = scrapy.Field()
    http_status = scrapy.Field()
    content_type = scrapy.Field()
    encoding = scrapy.Field()
    content_hash = scrapy.Field()
    body = scrapy.Field()
    title = scrapy.Field()
    referer = scrapy.Field()
    link_text = scrapy.Field()
    report_score = scrapy.Field()
    etag = scrapy.Field()  # validators for the next crawl's conditional request
    last_modified = scrapy.Field()


def as_document(item: DocumentItem) -> dict:
    """The plain dict crossing the stage boundary, with every field present."""
    return {field: item.get(field) for field in DOCUMENT_FIELDS}
