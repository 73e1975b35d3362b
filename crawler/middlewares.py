"""Spider middleware: Scrapy's depth limit, except that pagination and attachments are free hops.

A news list with 300 pages is one "place" on the site; counting each "next page" hop as a
level of depth would stop DEPTH_LIMIT from ever reaching its last pages' articles. An
attachment is the payload of the page that links it and leads nowhere, so it is always
fetched. Requests marked `meta["depth_free"] = True` keep the depth of the page linking them.
"""
from __future__ import annotations

from scrapy.spidermiddlewares.depth import DepthMiddleware


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
