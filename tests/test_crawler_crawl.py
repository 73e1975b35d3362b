"""The real Scrapy engine crawling our fixture site (tests/crawl_site.py) on 127.0.0.1.

Each crawl runs in a fresh Python process (the Twisted reactor cannot restart) through
`crawler.runner.crawl`, against its own server, whose request log tells what was fetched.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crawl_site import serve_site

REPO = Path(__file__).resolve().parents[1]
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOWNLOAD_TIMEOUT": 2, "RETRY_TIMES": 2,
        "DOWNLOAD_MAXSIZE": 30_000}
CALENDAR_CAP = 5  # the trap would otherwise yield 2 months per level of DEPTH_LIMIT (15)
UA = "partmon/0.1 (+https://github.com/partmon/partmon)"

# What the "testowo" source (the fixture site without its BIP) should yield: one of the two
# copies of a PDF, and these.
PDF_COPIES = {"/files/sprawozdanie-rdpp-2026.pdf", "/files/kopia-sprawozdania.pdf"}
EXPECTED_DOCUMENTS = {
    "/aktualnosci/sprawozdanie-rdpp", "/aktualnosci/protokol-warsztaty",
    "/aktualnosci/podsumowanie-konsultacji", "/aktualnosci/warsztaty-w-domu-kultury",
    "/files/plakat-koncert.pdf", "/files/sprawozdanie-budzet.pdf",
    "/aktualnosci/sprawozdanie-rady-seniorow",  # after two 500s
    "/aktualnosci/protokol-zespolu-mlodziezowego",  # iso-8859-2
    "/files/protokol-komisji.pdf", "/dokumenty/pobierz/42",  # PDFs under wrong types
    "/aktualnosci/sprawozdanie-konsultacji-lokalowych"}  # HTML as application/octet-stream

# Runs in the child process: crawl the sources file, write documents, stats and progress events.
CHILD = r"""
import base64, json, sys
from crawler.runner import crawl
from crawler.sources import load_sources

sources_path, out_path, settings, fail = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4] == "1"
known = json.loads(sys.argv[5]) if len(sys.argv) > 5 else None
docs, events, gone = [], [], []

def on_document(doc):
    if fail:
        raise RuntimeError("warehouse is full")
    docs.append(dict(doc, body=base64.b64encode(doc["body"]).decode("ascii")))

stats = crawl(load_sources(sources_path), on_document, settings=settings, on_progress=events.append,
              known=known, on_gone=gone.append)
json.dump({"docs": docs, "stats": stats, "events": events, "gone": gone}, open(out_path, "w"))
"""


def run_crawl(tmp_path: Path, sources_toml: str, settings: dict, fail: bool = False, known: dict | None = None):
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml, encoding="utf-8")
    out = tmp_path / "out.json"
    extra = [json.dumps(known)] if known is not None else []
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(sources), str(out), json.dumps(settings), "1" if fail else "0", *extra],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    if fail:
        return proc
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(out.read_text())
    for doc in result["docs"]:
        doc["body"] = base64.b64decode(doc["body"])
    return result


def sources_toml(base: str, bip: bool = True, exclude: tuple[str, ...] = ()) -> str:
    """`exclude` URL patterns let a test skip parts it is not about (the slow page, the calendar)."""
    cms = f"""
[[source]]
name = "testowo"
municipality = "Testowo"
terc = "1465011"
voivodeship = "mazowieckie"
start_urls = ["{base}/"]
exclude = {json.dumps(list(exclude))}
"""
    return cms + (f"""
[[source]]
name = "testowo-bip"
municipality = "Testowo"
start_urls = ["{base}/bip/"]
spider = "bip"
""" if bip else "")


def paths(server) -> list[str]:
    return [p for p, _ in server.requests]


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory):
    """Both sources crawled with the default settings, delays off and small limits for speed."""
    with serve_site() as server:
        settings = {**FAST, "PARTMON_CALENDAR_MAX_PAGES": CALENDAR_CAP}
        result = run_crawl(tmp_path_factory.mktemp("crawl"), sources_toml(server.base_url), settings)
        result["server"] = server
        result["base"] = server.base_url
        yield result


def docs_of(result, source):
    return {d["url"].removeprefix(result["base"]): d for d in result["docs"] if d["source"] == source}


def test_reports_and_attachments_are_emitted_and_ordinary_news_is_not(full_crawl):
    docs = docs_of(full_crawl, "testowo")
    pdf_copies = PDF_COPIES
    # the same PDF under two URLs is one document (dedupe by content hash)
    assert len(pdf_copies & set(docs)) == 1
    assert set(docs) - pdf_copies == EXPECTED_DOCUMENTS
    requested = paths(full_crawl["server"])
    for ordinary in ("/aktualnosci/remont-ulicy-lipowej", "/aktualnosci/koncert-w-parku", "/konsultacje/",
                     "/dokumenty/protokoly",  # an index of reports
                     "/aktualnosci/sprawozdanie-do-pobrania"):  # a notice: its PDF is the document
        assert ordinary in requested and ordinary not in docs  # fetched, not emitted
    assert docs["/files/plakat-koncert.pdf"]["report_score"] < 0.5  # every PDF, report or not
    assert docs["/aktualnosci/sprawozdanie-rdpp"]["report_score"] >= 0.5


def test_pagination_followed_to_the_last_page(full_crawl):
    requested = paths(full_crawl["server"])
    assert {"/aktualnosci/", "/aktualnosci/?strona=2", "/aktualnosci/?strona=3"} <= set(requested)
    assert "/aktualnosci/podsumowanie-konsultacji" in docs_of(full_crawl, "testowo")


def test_document_item_has_exactly_the_readme_keys(full_crawl):
    from crawler.items import DOCUMENT_FIELDS

    for doc in full_crawl["docs"]:
        assert set(doc) == set(DOCUMENT_FIELDS)
        assert doc["content_hash"] == hashlib.sha256(doc["body"]).hexdigest()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["fetched_at"])
        assert doc["http_status"] == 200 and 0.0 <= doc["report_score"] <= 1.0
    docs = docs_of(full_crawl, "testowo")
    report = docs["/aktualnosci/sprawozdanie-rdpp"]
    assert report["content_type"] == "text/html" and report["encoding"] == "utf-8"
    assert report["municipality"] == "Testowo" and report["terc"] == "1465011"
    assert report["voivodeship"] == "mazowieckie"
    assert report["title"] == "Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego"
    assert report["referer"] in (full_crawl["base"] + "/aktualnosci/", full_crawl["base"] + "/dokumenty/protokoly")
    pdf = next(d for u, d in docs.items() if u in ("/files/sprawozdanie-rdpp-2026.pdf",
                                                   "/files/kopia-sprawozdania.pdf"))
    assert pdf["body"].startswith(b"%PDF-") and pdf["content_type"] == "application/pdf"
    assert pdf["referer"].startswith(full_crawl["base"] + "/aktualnosci/")
    assert pdf["link_text"] in ("Sprawozdanie (PDF, 20 kB)", "Sprawozdanie Rady (kopia)")
    assert len({d["url"] for d in full_crawl["docs"]}) == len(full_crawl["docs"])


def test_windows_1250_page_is_decoded(full_crawl):
    doc = docs_of(full_crawl, "testowo")["/aktualnosci/podsumowanie-konsultacji"]
    assert doc["encoding"] == "windows-1250"
    assert doc["title"] == "Podsumowanie konsultacji z organizacjami pozarządowymi"
    assert "pozarządowymi".encode("windows-1250") in doc["body"]


def test_iso_8859_2_page_is_decoded(full_crawl):
    doc = docs_of(full_crawl, "testowo")["/aktualnosci/protokol-zespolu-mlodziezowego"]
    assert doc["encoding"] == "iso-8859-2"
    assert doc["title"] == "Protokół ze spotkania Młodzieżowej Rady Miasta"
    assert "Młodzieżowej".encode("iso-8859-2") in doc["body"]


def test_page_failing_twice_is_harvested_on_the_third_try(full_crawl):
    answers = [st for p, st, _ in full_crawl["server"].answers if p == "/aktualnosci/sprawozdanie-rady-seniorow"]
    assert answers == [500, 500, 200]
    doc = docs_of(full_crawl, "testowo")["/aktualnosci/sprawozdanie-rady-seniorow"]
    assert doc["title"] == "Sprawozdanie ze spotkania Rady Seniorów" and doc["http_status"] == 200
    # a page that keeps failing is tried RETRY_TIMES + 1 times, then counted once (stats test)
    assert paths(full_crawl["server"]).count("/awaria") == 3


def test_redirect_loop_is_bounded(full_crawl):
    requested = paths(full_crawl["server"])
    assert requested.count("/petla-a") == 1 and requested.count("/petla-b") == 1
    assert not any(d["url"].endswith(("/petla-a", "/petla-b")) for d in full_crawl["docs"])


def test_content_is_recognised_whatever_the_content_type_says(full_crawl):
    docs = docs_of(full_crawl, "testowo")
    for pdf in ("/files/protokol-komisji.pdf",  # sent as text/html
                "/dokumenty/pobierz/42"):  # application/octet-stream, no file name anywhere
        assert docs[pdf]["content_type"] == "application/pdf" and docs[pdf]["body"].startswith(b"%PDF-")
        assert docs[pdf]["title"] is None
    page = docs["/aktualnosci/sprawozdanie-konsultacji-lokalowych"]  # HTML as application/octet-stream
    assert page["content_type"] == "text/html"
    assert page["title"] == "Sprawozdanie z konsultacji w sprawie lokali dla organizacji"
    assert page["report_score"] >= 0.5


def test_polite_and_safe(full_crawl):
    server = full_crawl["server"]
    requested = paths(server)
    assert requested[0] == "/robots.txt"
    assert not any(p.startswith("/admin") for p in requested)  # disallowed by robots.txt
    assert not any("PHPSESSID" in p for p in requested)  # session id stripped: one URL
    assert requested.count("/aktualnosci/remont-ulicy-lipowej") == 1
    assert "/obca-domena" not in requested  # linked through another host name
    assert not any(p.startswith("/img/") for p in requested)  # images are never fetched
    assert not any("rejestr-zmian" in p for p in requested)  # BIP change registers
    assert {ua for _, ua in server.requests} == {UA}


def test_calendar_trap_is_bounded(full_crawl):
    months = {p for p in paths(full_crawl["server"]) if p.startswith("/kalendarz")}
    assert len(months) == CALENDAR_CAP


def test_stats_count_pages_documents_reports_and_errors(full_crawl):
    stats = full_crawl["stats"]["testowo"]
    assert stats["documents"] == 12 and stats["reports"] == 11  # all but the concert poster
    assert stats["errors"] == {"http_4xx": 1, "http_5xx": 1, "timeout": 1, "robots": 1,
                               "too_large": 2,  # with and without Content-Length
                               "redirect": 1, "other": 0}
    assert stats["unchanged"] == 0 and stats["gone"] == 0  # nothing known from an earlier crawl
    html_pages = {p for p in paths(full_crawl["server"])
                  if not p.startswith(("/files/", "/robots.txt", "/bip/", "/petla-", "/dokumenty/pobierz/"))
                  and p not in ("/stara-strona", "/awaria", "/wolna-strona")}
    assert stats["pages"] == len(html_pages)
    bip = full_crawl["stats"]["testowo-bip"]
    assert bip["documents"] == 2 and bip["reports"] == 2


def test_bip_article_titled_by_metadata_and_nameless_attachment(full_crawl):
    docs = docs_of(full_crawl, "testowo-bip")
    assert set(docs) == {"/bip/artykul/101", "/bip/plik/7"}
    assert docs["/bip/artykul/101"]["title"] == "Protokół z posiedzenia Rady Działalności Pożytku Publicznego"
    assert docs["/bip/plik/7"]["content_type"] == "application/pdf"
    assert docs["/bip/plik/7"]["body"].startswith(b"%PDF-")
    assert "/bip/artykul/102" in paths(full_crawl["server"])  # read, not a report


def test_progress_events(full_crawl):
    events = full_crawl["events"]
    documents = [e for e in events if e["event"] == "document"]
    assert len(documents) == len(full_crawl["docs"])
    assert documents[-1]["documents"] == len(full_crawl["docs"])
    assert {e["source"] for e in events if e["event"] == "source_finished"} == {"testowo", "testowo-bip"}


def test_depth_limit_spares_pagination_and_attachments(tmp_path):
    """DEPTH_LIMIT=2 (home → list → article) still reaches the articles on the list's 3rd page
    and the PDFs those articles link."""
    with serve_site() as server:
        result = run_crawl(tmp_path, sources_toml(server.base_url, bip=False), {**FAST, "DEPTH_LIMIT": 2})
        requested = paths(server)
    docs = docs_of({**result, "base": server.base_url}, "testowo")
    assert "/aktualnosci/podsumowanie-konsultacji" in docs
    assert "/files/plakat-koncert.pdf" in docs
    assert "/kalendarz?month=2025-11" not in requested  # depth 3: the limit does apply


def test_page_limit_per_source(tmp_path):
    settings = {**FAST, "PARTMON_MAX_PAGES_PER_SOURCE": 4}
    with serve_site() as server:
        result = run_crawl(tmp_path, sources_toml(server.base_url, bip=False), settings)
        requested = paths(server)
    assert result["stats"]["testowo"]["pages"] <= 4
    pages = {p for p in requested if not p.startswith(("/files/", "/robots.txt", "/bip/"))}
    assert len(pages) <= 4


def test_failing_on_document_stops_the_crawl_with_its_error(tmp_path):
    with serve_site() as server:
        proc = run_crawl(tmp_path, sources_toml(server.base_url), FAST, fail=True)
    assert proc.returncode != 0
    assert "RuntimeError: warehouse is full" in proc.stderr


def test_start_url_with_a_path_keeps_the_crawl_under_it(tmp_path):
    """Started at /aktualnosci/: the home page linked from the menu is fetched and scored but
    not followed, so pages linked only from it are never requested."""
    with serve_site() as server:
        toml = f'[[source]]\nname = "news"\nstart_urls = ["{server.base_url}/aktualnosci/"]\n'
        result = run_crawl(tmp_path, toml, FAST)
        requested = paths(server)
    assert "/" in requested and "/aktualnosci/?strona=3" in requested
    for only_from_home in ("/konsultacje/", "/dokumenty/protokoly", "/awaria", "/stara-strona"):
        assert only_from_home not in requested
    docs = docs_of({**result, "base": server.base_url}, "news")
    assert "/aktualnosci/podsumowanie-konsultacji" in docs
