"""partmon crawler: Scrapy spiders, pipelines and the runner that harvests municipal pages and PDFs."""
