"""Middlewares: depth that spares pagination and attachments, redirects that stop at loops.

Depth: Scrapy's depth limit, except that pagination and attachments are free hops.

A news list with 300 pages is one "place" on the site; counting each "next page" hop as a
level of depth would stop DEPTH_LIMIT from ever reaching its last pages' articles. An
attachment is the payload of the page that links it and leads nowhere, so it is always
fetched. Requests marked `meta["depth_free"] = True` keep the depth of the page linking them.
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.depth import DepthMiddleware
from w3lib.url import canonicalize_url


class PaginationDepthMiddleware(DepthMiddleware):
    """DepthMiddleware that does not count pagination or attachment hops (see module docstring)."""

    def get_processed_request(self, request, response):
        if response is None or not request.meta.get("depth_free"):
            return super().get_processed_request(request, response)
        request.meta.pop("depth_reset", None)
        depth = response.meta.get("depth", 0)
        request.meta["depth"] = depth
        if self.prio:
            request.priority -= depth * self.prio
        return request


class LoopSafeRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, except that a chain coming back to a URL it already passed is
    stopped at once as an error ("redirect loop"); Scrapy alone would drop the repeated URL
    silently through its duplicate filter. Over-long chains still stop at REDIRECT_MAX_TIMES
    ("max redirections reached"); the spider counts both as a `redirect` error."""

    def _redirect(self, redirected, request, reason):
        passed = {canonicalize_url(u) for u in (*request.meta.get("redirect_urls", []), request.url)}
        if canonicalize_url(redirected.url) in passed:
            raise IgnoreRequest(f"redirect loop at {redirected.url}")
        return super()._redirect(redirected, request, reason)
