"""Spider for generic municipal CMS sites: follows news lists and their pagination to the end,
emits article pages that look like meeting reports and every document attachment (PDF, DOC,
DOCX, ODT) linked from the site, and skips ordinary news, traps and off-site links.

One spider instance crawls one source (see crawler/sources.py); `crawler.runner` runs one
Scrapy crawler per source, so Scrapy's stats are the source's stats.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import unquote

import scrapy
from scrapy.exceptions import (
    DontCloseSpider,
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import HtmlResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import TCPTimedOutError, TimeoutError as TwistedTimeoutError

from crawler import urls
from crawler.items import DocumentItem, document_gone
from crawler.scoring import KEYWORDS_DIR, fold, plain, read_pattern_file, report_score

ERROR_KINDS = ("http_4xx", "http_5xx", "timeout", "robots", "too_large", "redirect", "other")
GONE_STATUSES = (404, 410)
# Generic types a misconfigured server sends for anything: the body decides what it is.
GENERIC_TYPES = ("", "application/octet-stream", "application/force-download", "binary/octet-stream",
                 "application/download", "application/x-download", "application/unknown",
                 "application/zip", "application/x-zip-compressed")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
                         re.IGNORECASE | re.DOTALL)
EXTENSION_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def _office_type(body: bytes) -> str | None:
    """Word/OpenDocument reports sent as a generic or zip type, recognised by their bytes."""
    if body.startswith(b"PK\x03\x04"):
        head = body[:4096]
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
            return EXTENSION_TYPES["odt"]
        if b"word/" in head:
            return EXTENSION_TYPES["docx"]
    elif body.startswith(_OLE2) and _WORD_STREAM in body:
        return EXTENSION_TYPES["doc"]
    return None


_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?["']?([^"';]+)""", re.IGNORECASE)
_PAGINATION_CONTAINERS = (
    "[class*=pagination] a, [class*=pager] a, [class*=paginacja] a, [class*=stronicowanie] a, "
    "[id*=pagination] a, [id*=pager] a, nav[aria-label*=agina] a, nav[aria-label*=tron] a"
)


@dataclass(frozen=True)
class Link:
    url: str  # canonical
    text: str | None


@lru_cache(maxsize=1)
def pagination_rules() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """Next-page anchor texts and numbered-page URL patterns from keywords/pagination.txt."""
    words, patterns = set(), []
    for line in read_pattern_file(KEYWORDS_DIR / "pagination.txt"):
        kind, _, value = line.partition(":")
        if kind.strip() == "text":
            words.add(plain(value))
        elif kind.strip() == "url":
            patterns.append(re.compile(value.strip()))
    return frozenset(words), tuple(patterns)


@lru_cache(maxsize=50_000)  # the same links (menus, sidebars) are scored on every page
def link_score(url: str, text: str | None) -> float:
    """How report-like a link looks from its URL and anchor text alone."""
    return report_score(url=url, link_text=text)


def error_kind(failure) -> str | None:
    """The stats bucket of a failed request; None for deliberate drops (off-site, filters)."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return "http_4xx" if 400 <= status < 500 else "http_5xx" if status >= 500 else "other"
    if failure.check(DownloadCancelledError, CancelledError):
        # Scrapy cancels a download when it exceeds DOWNLOAD_MAXSIZE: announced by
        # Content-Length (DownloadCancelledError) or found out while streaming (CancelledError)
        return "too_large"
    if failure.check(DownloadTimeoutError, TwistedTimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        if "robots.txt" in message:
            return "robots"
        return "redirect" if "redirect" in message else None
    return "other"


class CmsSpider(scrapy.Spider):
    """Crawl one municipal website (see module docstring)."""

    name = "cms"
    skip_url_files: tuple[str, ...] = ("skip_urls.txt",)
    attachment_url_files: tuple[str, ...] = ()

    def __init__(self, source: dict, known: dict | None = None, **kwargs):
        # one name per source: scrapy-redis keys its shared queue and seen-URL set by it
        super().__init__(name=f"{self.name}:{source['name']}", **kwargs)
        self.source = source
        # canonical URL → {"etag", "last_modified", "content_hash"} from an earlier crawl
        self.known: dict[str, dict] = {urls.canonical_url(u): v or {} for u, v in (known or {}).items()}
        self.known_checked = False
        self.start_urls = [urls.canonical_url(u) for u in source["start_urls"]]
        self.allowed_domains = list(source["allowed_domains"])
        self.include = [re.compile(p) for p in source.get("include") or []]
        self.exclude = [re.compile(p) for p in source.get("exclude") or []]
        self.prefixes = sorted({urls.path_prefix(u) for u in self.start_urls})
        self.seen_urls: set[str] = set()
        self.seen_pages: set[str] = set()  # sha256 of HTML bodies already parsed
        self.shape_counts: dict[str, int] = {}
        self.pages_scheduled = 0
        self.attachments_scheduled = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        spider.threshold = s.getfloat("PARTMON_REPORT_THRESHOLD")
        spider.attachment_exts = {e.lower().lstrip(".") for e in s.getlist("PARTMON_ATTACHMENT_EXTENSIONS")}
        spider.attachment_types = {t.lower() for t in s.getlist("PARTMON_ATTACHMENT_TYPES")}
        spider.body_cap = s.getfloat("PARTMON_BODY_EVIDENCE_CAP")
        spider.listing_min_links = s.getint("PARTMON_LISTING_MIN_REPORT_LINKS")
        spider.pointer_max_words = s.getint("PARTMON_POINTER_MAX_WORDS")
        spider.html_types = {t.lower() for t in s.getlist("PARTMON_HTML_TYPES")}
        spider.ignored_exts = set(IGNORED_EXTENSIONS) - spider.attachment_exts
        spider.follow_outside = s.getbool("PARTMON_FOLLOW_OUTSIDE_PREFIX")
        spider.max_pages = s.getint("PARTMON_MAX_PAGES_PER_SOURCE")
        spider.max_attachments = s.getint("PARTMON_MAX_ATTACHMENTS_PER_SOURCE")
        spider.calendar_max = s.getint("PARTMON_CALENDAR_MAX_PAGES")
        spider.shape_max = s.getint("PARTMON_MAX_PER_URL_SHAPE")
        spider.trap_limits = {"max_length": s.getint("PARTMON_MAX_URL_LENGTH"),
                              "max_params": s.getint("PARTMON_MAX_QUERY_PARAMS"),
                              "max_repeat": s.getint("PARTMON_MAX_REPEATED_SEGMENT")}
        # several workers share one frontier (scrapy-redis): the start page is fetched once
        spider.shared_frontier = bool(s.get("REDIS_URL"))
        crawler.signals.connect(spider.revalidate_known, signal=scrapy.signals.spider_idle)
        return spider

    async def start(self):
        for url in self.start_urls:
            self.seen_urls.add(url)
            self.pages_scheduled += 1
            yield self._request(url, meta={"referer": None, "link_text": None},
                                dont_filter=not self.shared_frontier)

    def _request(self, url: str, **kwargs) -> scrapy.Request:
        """A request for `url`; conditional (If-None-Match / If-Modified-Since) when an earlier
        crawl harvested it, and then 304 and 404/410 answers reach `parse`."""
        known = self.known.get(url)
        if known is not None:
            meta = kwargs.setdefault("meta", {})
            meta["known"] = True
            meta["handle_httpstatus_list"] = [304, *GONE_STATUSES]
            headers = kwargs.setdefault("headers", {})
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, **kwargs)

    def revalidate_known(self):
        """When the crawl runs dry, check every earlier document it did not reach by links:
        one no longer linked may still have changed, or be gone."""
        if self.known_checked:
            return
        self.known_checked = True
        left = [u for u in self.known if u not in self.seen_urls]
        for url in left:
            self.seen_urls.add(url)
            self.crawler.engine.crawl(self._request(url, meta={"referer": None, "link_text": None,
                                                               "leaf": True}))
        if left:
            raise DontCloseSpider

    # --- responses --------------------------------------------------------------------
    def parse(self, response):
        """A fetched URL: an attachment is emitted; an HTML page is scored and its links followed."""
        if response.status == 304:  # known and not modified: nothing to emit or follow
            self.crawler.stats.inc_value("partmon/unchanged")
            return
        if response.status in GONE_STATUSES:  # only known URLs get here (see _request)
            self.crawler.stats.inc_value("partmon/gone")
            known_url = (response.meta.get("redirect_urls") or [response.url])[0]  # before redirects
            self.crawler.signals.send_catch_log(
                signal=document_gone, spider=self,
                item={"url": urls.canonical_url(known_url), "source": self.source["name"],
                      "gone": True, "http_status": response.status,
                      "fetched_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
            return
        mime = self._mime(response)
        if mime in self.html_types and not isinstance(response, HtmlResponse):
            response = response.replace(cls=HtmlResponse)  # an HTML page sent as a binary type
        if mime not in self.html_types or not isinstance(response, HtmlResponse):
            if mime in self.attachment_types:
                yield self._document(response, mime=mime, title=None, score=self._attachment_score(response))
            return
        self.crawler.stats.inc_value("partmon/pages")
        digest = hashlib.sha256(response.body).hexdigest()
        if digest in self.seen_pages:  # e.g. "?page=999" answering with the last page again
            return
        self.seen_pages.add(digest)
        title, headings = self._page_title(response)
        links = self._links(response)
        pagination = self._next_page(response, links)
        main = self._main_content(response)
        text = self._main_text(main)
        score = report_score(url=response.url, link_text=response.meta.get("link_text"),
                             title=title, headings=headings, body=text, body_cap=self.body_cap)
        if score >= self.threshold and not pagination and not self._index_or_notice(response, main, text):
            yield self._document(response, mime=mime, title=title, score=score)
        yield from self._follow(response, links, pagination, title)

    def on_error(self, failure):
        """Count a failed request in the source's error stats."""
        kind = error_kind(failure)
        if kind is None:
            return
        self.crawler.stats.inc_value(f"partmon/errors/{kind}")
        self.logger.info("%s: %s (%s)", failure.request.url, kind, failure.getErrorMessage())

    # --- what a page says -------------------------------------------------------------
    def _page_title(self, response) -> tuple[str | None, list[str]]:
        """The page's own title (first <h1>, else og:title, else <title>) and other headings
        worth scoring (the <title> when it differs)."""
        def clean(values):
            return " ".join(" ".join(values).split()) or None

        h1 = clean(response.css("h1")[:1].css("::text").getall()) if response.css("h1") else None
        og = clean([response.css("meta[property='og:title']::attr(content)").get() or ""])
        head = clean(response.css("title::text").getall())
        title = h1 or og or head
        return title, [t for t in (head,) if t and t != title]

    def _main_content(self, response):
        """The page's own content: its <main>, its only <article>, else the whole <body>."""
        for query in ("main", "[role=main]", "article", "#content", "#tresc", "body"):
            found = response.css(query)
            if len(found) == 1 or (found and query == "body"):
                return found[0]
        return response

    def _main_text(self, main) -> str:
        parts = main.xpath(".//text()[not(ancestor::nav or ancestor::header or ancestor::footer"
                           " or ancestor::aside or ancestor::script or ancestor::style"
                           " or ancestor::form)]").getall()
        return " ".join(" ".join(parts).split())

    def _index_or_notice(self, response, main, text: str) -> bool:
        """An index of reports (many report-like links) or a short notice pointing to an
        attachment: such a page scores like a report but is not one (see settings.py)."""
        own = urls.canonical_url(response.url)
        report_links, attachment = set(), False
        for link in self._links(response, main):
            if link.url == own:
                continue
            if urls.extension(link.url) in self.attachment_exts or self._attachment_candidate(link.url):
                attachment = True
            if link_score(link.url, link.text) >= self.threshold:
                report_links.add(link.url)
        if len(report_links) >= self.listing_min_links:
            return True
        return attachment and len(text.split()) < self.pointer_max_words

    def _links(self, response, within=None) -> list[Link]:
        """Canonical http(s) links with their anchor text (or title/alt), in page order."""
        found = []
        for a in (response if within is None else within).css("a[href], area[href]"):
            href = (a.attrib.get("href") or "").strip()
            if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
                continue
            url = response.urljoin(href)
            if not url.startswith(("http://", "https://")):
                continue
            text = " ".join(" ".join(a.css("::text").getall()).split())
            text = text or a.attrib.get("title") or a.css("img::attr(alt)").get() or None
            found.append(Link(urls.canonical_url(url), text))
        return found

    def _next_page(self, response, links: list[Link]) -> set[str]:
        """URLs of this listing's other pages: rel=next, "następna »" links, numbered pages."""
        words, patterns = pagination_rules()
        found = {urls.canonical_url(response.urljoin(h)) for h in
                 response.css("link[rel~=next]::attr(href), a[rel~=next]::attr(href)").getall()}
        found |= {urls.canonical_url(response.urljoin(h)) for h in
                  response.css(_PAGINATION_CONTAINERS).xpath("@href").getall()}
        for link in links:
            text = plain(link.text)
            numbered = text.isdigit() and any(p.search(link.url.lower()) for p in patterns)
            if numbered or text in words or fold(text).strip() in words:
                found.add(link.url)
        return {u for u in found if not urls.is_calendar(u) and u != urls.canonical_url(response.url)}

    def _attachment_score(self, response) -> float:
        return report_score(url=response.url, link_text=response.meta.get("link_text"),
                            headings=[t for t in (response.meta.get("referer_title"),) if t])

    # --- which links to follow --------------------------------------------------------
    def _follow(self, response, links: list[Link], pagination: set[str], title: str | None):
        if response.meta.get("leaf"):  # outside the source's path prefix: fetched, not followed
            return
        for link in links:
            url = link.url
            if url in self.seen_urls or not urls.domain_allowed(url, self.allowed_domains):
                continue
            if self._skipped(url):
                continue
            meta = {"referer": urls.canonical_url(response.url), "link_text": link.text,
                    "referer_title": title}
            ext = urls.extension(url)
            if ext in self.attachment_exts or self._attachment_candidate(url):
                if self.attachments_scheduled >= self.max_attachments:
                    continue
                self.attachments_scheduled += 1
                self.seen_urls.add(url)
                known = ext in self.attachment_exts
                meta.update(attachment_candidate=not known, depth_free=known,
                            leaf=not known and not self._inside(url))
                yield self._request(url, meta=meta, priority=20)
                continue
            if ext in self.ignored_exts or not self._wanted_page(url):
                continue
            self.pages_scheduled += 1
            self.seen_urls.add(url)
            is_next = url in pagination
            meta.update(pagination=is_next, depth_free=is_next, leaf=not self._inside(url))
            score = link_score(url, link.text)
            yield self._request(url, meta=meta, priority=(10 if is_next else 0) + int(score * 10))

    def _skipped(self, url: str) -> bool:
        return (any(urls.matches_any(url, f) for f in self.skip_url_files)
                or any(p.search(url) for p in self.exclude))

    def _attachment_candidate(self, url: str) -> bool:
        return any(urls.matches_any(url, f) for f in self.attachment_url_files)

    def _inside(self, url: str) -> bool:
        return self.follow_outside or urls.under_prefix(url, self.prefixes)

    def _wanted_page(self, url: str) -> bool:
        """Page limit, include patterns and trap defence (calendars, exploding URLs)."""
        if self.pages_scheduled >= self.max_pages:
            self.crawler.stats.inc_value("partmon/page_limit_reached")
            return False
        if self.include and not any(p.search(url) for p in self.include):
            return False
        if urls.trap_reason(url, **self.trap_limits):
            self.crawler.stats.inc_value("partmon/trap_skipped")
            return False
        shape = urls.url_shape(url)
        limit = self.calendar_max if urls.is_calendar(url) else self.shape_max
        if self.shape_counts.get(shape, 0) >= limit:
            self.crawler.stats.inc_value("partmon/trap_skipped")
            return False
        self.shape_counts[shape] = self.shape_counts.get(shape, 0) + 1
        return True

    # --- the item -----------------------------------------------------------------------
    def _mime(self, response) -> str:
        """Lower-case mime type. The body outranks the header: a PDF is a PDF whatever the
        server calls it; generic binary types are resolved by HTML sniffing or file name."""
        header = response.headers.get(b"Content-Type", b"").decode("latin-1")
        mime = header.split(";", 1)[0].strip().lower()
        if response.body[:1024].lstrip()[:5] == b"%PDF-":
            return "application/pdf"
        if mime in GENERIC_TYPES:
            sniffed = _office_type(response.body)
            if sniffed:
                return sniffed
            if _HTML_START.match(response.body[:2048]):
                return "text/html"
            disposition = response.headers.get(b"Content-Disposition", b"").decode("latin-1")
            name = _FILENAME.search(disposition)
            ext = urls.extension("/" + unquote(name.group(1))) if name else urls.extension(response.url)
            mime = EXTENSION_TYPES.get(ext, mime or "application/octet-stream")
        return mime

    def _document(self, response, *, mime: str, title: str | None, score: float) -> DocumentItem:
        header = response.headers.get(b"Content-Type", b"").decode("latin-1")
        charset = re.search(r"charset=[\"']?([\w.:-]+)", header, re.IGNORECASE)
        return DocumentItem(
            url=urls.canonical_url(response.url),
            source=self.source["name"],
            municipality=self.source.get("municipality"),
            terc=self.source.get("terc"),
            voivodeship=self.source.get("voivodeship"),
            fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            http_status=response.status,
            content_type=mime,
            encoding=charset.group(1).lower() if charset else None,
            content_hash=None,  # set by ContentHashPipeline
            body=response.body,
            title=title,
            referer=response.meta.get("referer"),
            link_text=response.meta.get("link_text"),
            report_score=float(score),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
