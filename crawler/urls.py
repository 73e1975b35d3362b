"""URL hygiene for the spiders: canonical form, domain and path-prefix checks, crawler-trap signs.

Session ids and tracking tags are dropped (`keywords/session_params.txt`), calendar-like URLs
are recognised by the patterns in `keywords/calendar_urls.txt`.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from crawler.scoring import KEYWORDS_DIR, read_pattern_file

_JSESSION_IN_PATH = re.compile(r";(jsessionid|sid|phpsessid)=[^/?#]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1)
def session_params() -> frozenset[str]:
    return frozenset(p.lower() for p in read_pattern_file(KEYWORDS_DIR / "session_params.txt"))


@lru_cache(maxsize=16)
def url_patterns(filename: str) -> tuple[re.Pattern, ...]:
    """Compiled regular expressions of a `crawler/keywords/*.txt` URL pattern file."""
    return tuple(re.compile(p) for p in read_pattern_file(KEYWORDS_DIR / filename))


def matches_any(url: str, filename: str) -> bool:
    low = url.lower()
    return any(p.search(low) for p in url_patterns(filename))


@lru_cache(maxsize=50_000)  # menus and sidebars repeat the same links on every page
def canonical_url(url: str) -> str:
    """Canonical form: no fragment, no session/tracking parameters, sorted query, lower-case host."""
    parts = urlsplit(_JSESSION_IN_PATH.sub("", url.strip()))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in session_params()]
    cleaned = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned)


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def domain_allowed(url: str, allowed_domains: list[str]) -> bool:
    """True when the URL's host is one of the domains or a subdomain of one."""
    h = host(url)
    return any(h == d or h.endswith("." + d) for d in allowed_domains)


def path_prefix(url: str) -> str:
    """The folder a start URL names: `/konsultacje/` for `/konsultacje/`, `/konsultacje` or
    `/konsultacje/index.php`; `/` for a site root."""
    path = urlsplit(url).path or "/"
    if path.endswith("/"):
        return path
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        return posixpath.dirname(path).rstrip("/") + "/"
    return path + "/"


def under_prefix(url: str, prefixes: list[str]) -> bool:
    path = urlsplit(url).path or "/"
    return any(path.startswith(p) or path == p.rstrip("/") for p in prefixes)


def extension(url: str) -> str:
    """Lower-case file extension of the URL's last path segment ('' when none)."""
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1].lower() if "." in last else ""


def url_shape(url: str) -> str:
    """Host, path with digits blanked, and sorted query keys: URLs differing only in values."""
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.hostname}{_DIGITS.sub('#', parts.path)}?{'&'.join(keys)}"


def is_calendar(url: str) -> bool:
    return matches_any(url, "calendar_urls.txt")


def trap_reason(url: str, *, max_length: int, max_params: int, max_repeat: int) -> str | None:
    """Why a URL looks like a crawler trap (too long, exploding query, looping path), or None."""
    if len(url) > max_length:
        return "url too long"
    parts = urlsplit(url)
    if len(parse_qsl(parts.query, keep_blank_values=True)) > max_params:
        return "too many query parameters"
    segments = [s for s in parts.path.split("/") if s]
    if segments and max(Counter(segments).values()) > max_repeat:
        return "repeated path segment"
    return None
