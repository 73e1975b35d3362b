"""Every crawler knob in one place: Scrapy's own settings plus partmon's PARTMON_* settings.

`crawler.runner.crawl(..., settings={...})` and `partmon crawl --set KEY=VALUE` override any
of these; nothing else reads settings from anywhere but the crawler's Settings object.
"""

BOT_NAME = "partmon"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Politeness -------------------------------------------------------------------------
# An honest User-Agent naming the project, so site administrators know who to contact.
USER_AGENT = "partmon/0.1 (+https://github.com/partmon/partmon)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "partmon"
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50 % around DOWNLOAD_DELAY
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False  # municipal sites need no login; cookies only breed session URLs
TELNETCONSOLE_ENABLED = False
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
    "Accept-Language": "pl,en;q=0.5",
}

# --- Safety -----------------------------------------------------------------------------
# Link hops from the start URLs; pagination hops do not count (crawler.middlewares).
DEPTH_LIMIT = 8
DEPTH_PRIORITY = 1  # with FIFO queues: breadth-first, the polite order for broad crawls
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DOWNLOAD_MAXSIZE = 40 * 1024 * 1024  # scanned report PDFs can be large; beyond this: "too_large"
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = True
LOG_LEVEL = "WARNING"  # the CLI prints progress itself (on_progress); Scrapy's chatter is noise
LOG_FORMATTER = "crawler.logformatter.DocumentLogFormatter"  # items logged by URL, not body
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"  # duplicates are routine
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "crawler.middlewares.PaginationDepthMiddleware": 900,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ContentHashPipeline": 100,
    "crawler.pipelines.DeduplicateContentPipeline": 200,
    "crawler.pipelines.ValidateItemPipeline": 300,
    "crawler.pipelines.CountDocumentsPipeline": 900,
}

# --- Incremental re-crawl ------------------------------------------------------------------
# Not a Scrapy HTTP cache: `crawl(..., known={url: {etag, last_modified, content_hash}})`
# (state kept in the warehouse) makes requests for earlier documents conditional, drops
# unchanged ones and reports 404/410 ones as gone (README: "crawler → CLI").
HTTPCACHE_ENABLED = False
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.LoopSafeRedirectMiddleware": 600,
}

# --- Many machines with scrapy-redis (off unless REDIS_URL is set) -----------------------
# With REDIS_URL = "redis://host:6379/0" every worker running the same sources shares one
# frontier: scheduler queue and seen-URL set live in Redis (runner.crawler_settings), keyed
# by PARTMON_CRAWL_ID and the source name. Use a new PARTMON_CRAWL_ID for each new crawl:
# a finished crawl's seen-URL set stays in Redis (it is what stops late workers re-fetching).
# A worker stops by itself once the frontier stayed empty PARTMON_IDLE_CLOSE_SECONDS.
REDIS_URL = None
PARTMON_CRAWL_ID = "partmon"
PARTMON_IDLE_CLOSE_SECONDS = 30
EXTENSIONS = {"crawler.extensions.IdleClose": 500}

# --- partmon: what to harvest -----------------------------------------------------------
PARTMON_REPORT_THRESHOLD = 0.5  # an HTML page scoring at least this is emitted as a report
PARTMON_BODY_EVIDENCE_CAP = 0.45  # the most a page's main text alone adds (keywords/report_body.txt)
# Pages that are not reports even when they score like one: an index linking this many
# report-like pages/files, or a short "document to download" notice (fewer words than this)
# linking an attachment -- the attachment is the document then.
PARTMON_LISTING_MIN_REPORT_LINKS = 3
PARTMON_POINTER_MAX_WORDS = 120
PARTMON_ATTACHMENT_EXTENSIONS = ["pdf", "doc", "docx", "odt"]
PARTMON_ATTACHMENT_TYPES = [
    "application/pdf",
    "application/x-pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
]
PARTMON_HTML_TYPES = ["text/html", "application/xhtml+xml"]
PARTMON_PARALLEL_SOURCES = 4  # sources crawled at the same time (each is its own Scrapy crawler)
# Pages outside the start URL's path prefix: fetched and scored (emitted when reports), but
# none of their links followed. True follows them like any other page.
PARTMON_FOLLOW_OUTSIDE_PREFIX = False

# --- partmon: limits and trap defence ---------------------------------------------------
PARTMON_MAX_PAGES_PER_SOURCE = 5000  # HTML page requests scheduled per source
PARTMON_MAX_ATTACHMENTS_PER_SOURCE = 5000
PARTMON_CALENDAR_MAX_PAGES = 12  # per calendar-like URL shape (see keywords/calendar_urls.txt)
PARTMON_MAX_PER_URL_SHAPE = 1000  # same path and query keys, different values
PARTMON_MAX_URL_LENGTH = 400
PARTMON_MAX_QUERY_PARAMS = 6
PARTMON_MAX_REPEATED_SEGMENT = 2  # /a/b/a/b/a/... loops
PARTMON_PROGRESS_EVERY = 1  # call on_progress every N documents
