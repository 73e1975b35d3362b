"""Incremental crawls: a second crawl of our fixture site, told what the first one harvested
(`known`, as the CLI reads it from the warehouse), fetches only what changed and reports what
disappeared. The real Scrapy engine, in a child process, against tests/crawl_site.py."""
from __future__ import annotations

import pytest

from crawl_site import Page, html, report_text, serve_site
from test_crawler_crawl import FAST, run_crawl, sources_toml

SKIP = ("/wolna-strona", "/kalendarz")  # the slow page and the calendar: not what is tested here
CHANGED = "/aktualnosci/sprawozdanie-rdpp"
DELETED = "/aktualnosci/protokol-warsztaty"
DELETED_PDF = "/files/plakat-koncert.pdf"  # deleted and no longer linked from anywhere


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    settings = {**FAST, "PARTMON_CALENDAR_MAX_PAGES": 3}
    with serve_site() as server:
        toml = sources_toml(server.base_url, bip=False, exclude=SKIP)
        first = run_crawl(tmp_path_factory.mktemp("first"), toml, settings)
        known = {d["url"]: {"etag": d["etag"], "last_modified": d["last_modified"],
                            "content_hash": d["content_hash"], "source": d["source"]}
                 for d in first["docs"]}
        site = server.site
        site[CHANGED] = Page(html("Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego",
                                  report_text("zadań priorytetowych (wersja poprawiona)")))
        del site[DELETED], site[DELETED_PDF]
        concert = "/aktualnosci/koncert-w-parku"  # ordinary news: changed, but still no report
        site[concert] = Page(site[concert].body.replace(b'<a href="/files/plakat-koncert.pdf">Plakat</a>', b""))
        start = len(server.answers)
        second = run_crawl(tmp_path_factory.mktemp("second"), toml, settings, known=known)
        yield {"first": first, "second": second, "known": known, "base": server.base_url,
               "answers": server.answers[start:], "server": server}


def rel(result, url):
    return url.removeprefix(result["base"])


def test_first_crawl_gives_validators_for_the_next(two_crawls):
    for doc in two_crawls["first"]["docs"]:
        assert doc["etag"] and doc["last_modified"] == "Mon, 02 Mar 2026 10:00:00 GMT"
    assert {rel(two_crawls, u) for u in two_crawls["known"]} >= {CHANGED, DELETED, DELETED_PDF}


def test_only_the_changed_page_is_emitted_again(two_crawls):
    docs = two_crawls["second"]["docs"]
    assert [rel(two_crawls, d["url"]) for d in docs] == [CHANGED]
    assert "wersja poprawiona" in docs[0]["body"].decode("utf-8")


def test_deleted_documents_are_reported_gone(two_crawls):
    gone = two_crawls["second"]["gone"]
    assert {rel(two_crawls, g["url"]) for g in gone} == {DELETED, DELETED_PDF}
    for item in gone:
        assert item["gone"] is True and item["http_status"] == 404 and item["source"] == "testowo"
        assert set(item) == {"url", "source", "gone", "http_status", "fetched_at"}
    stats = two_crawls["second"]["stats"]["testowo"]
    assert stats["gone"] == 2 and stats["documents"] == 1
    assert stats["errors"]["http_4xx"] == 1  # /stara-strona, never harvested: an error, not gone


def test_unchanged_documents_are_answered_304(two_crawls):
    answers = two_crawls["answers"]
    known_paths = {rel(two_crawls, u) for u in two_crawls["known"]}
    conditional = {p for p, _, cond in answers if cond}
    assert conditional == known_paths  # every earlier document asked conditionally, nothing else
    not_modified = {p for p, status, _ in answers if status == 304}
    assert not_modified == known_paths - {CHANGED, DELETED, DELETED_PDF}
    assert two_crawls["second"]["stats"]["testowo"]["unchanged"] == len(not_modified)
    # a 304 is the whole answer: each known path was asked once
    assert all([p for p, _, _ in answers].count(k) == 1 for k in known_paths)


def test_unchanged_content_without_validators_is_not_emitted(tmp_path):
    """A server that ignores conditional requests: the content hash still tells."""
    with serve_site() as server:
        toml = sources_toml(server.base_url, bip=False, exclude=SKIP)
        (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
        first = run_crawl(tmp_path / "a", toml, FAST)
        known = {d["url"]: {"content_hash": d["content_hash"]} for d in first["docs"]}
        second = run_crawl(tmp_path / "b", toml, FAST, known=known)
        assert not any(cond for _, _, cond in server.answers)
    assert second["docs"] == [] and second["gone"] == []
    assert second["stats"]["testowo"]["unchanged"] == len(known)
