"""Spider for BIP sites (Biuletyn Informacji Publicznej): article lists, articles with a
metadata table ("metryka"), and attachments served by download links without a file name.

Differences from the CMS spider: an article's title may live only in its metadata table;
download links such as `/plik/123` or `?plik=…` are fetched as candidate attachments and
kept when the server answers with a document type; change registers, archived versions and
print views (every BIP article has them) are never followed.
"""
from __future__ import annotations

from crawler.scoring import fold
from crawler.spiders.cms import CmsSpider

# Metadata-table labels (folded) whose values name what the article is about.
TITLE_LABELS = ("tytul", "nazwa dokumentu", "nazwa", "temat", "dotyczy", "przedmiot", "opis")


class BipSpider(CmsSpider):
    """Crawl one BIP (see module docstring)."""

    name = "bip"
    skip_url_files = ("skip_urls.txt", "bip_skip_urls.txt")
    attachment_url_files = ("bip_attachment_urls.txt",)

    def _page_title(self, response):
        title, headings = super()._page_title(response)
        described = [v for k, v in self._metadata(response).items() if k.startswith(TITLE_LABELS)]
        if described and (not title or fold(title).strip() in ("", "bip", "biuletyn informacji publicznej")):
            title = described[0]
        return title, headings + described

    def _metadata(self, response) -> dict[str, str]:
        """Label → value pairs of the page's metadata tables and definition lists."""
        def text(sel):
            return " ".join(" ".join(sel.css("::text").getall()).split())

        pairs = {}
        for row in response.css("table tr"):
            cells = row.css("th, td")
            if len(cells) == 2:
                pairs.setdefault(fold(text(cells[0])).strip(), text(cells[1]))
        for dl in response.css("dl"):
            for dt, dd in zip(dl.css("dt"), dl.css("dd")):
                pairs.setdefault(fold(text(dt)).strip(), text(dd))
        return {k: v for k, v in pairs.items() if k and v}
