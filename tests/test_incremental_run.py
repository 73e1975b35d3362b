"""Incremental `partmon run`: a second run over the same warehouse asks the site only for what
changed, replaces a changed report's text and extraction, keeps a deleted report (marked gone,
with its extracted rows) and notices when it comes back. The real CLI, Scrapy, spaCy and
DuckDB, against a small site of our own served on 127.0.0.1 (tests/crawl_site.py)."""
from __future__ import annotations

import re

import duckdb
import pytest

from conftest import FAST_CRAWL, partmon
from crawl_site import Page, html, make_pdf, report_text, serve_site
from warehouse.db import connect
from warehouse.load import EXTRACTED_TABLES

CHANGED = "/aktualnosci/sprawozdanie-rady-seniorow"
DELETED = "/aktualnosci/protokol-konsultacji-programu"
KEPT = ("/aktualnosci/sprawozdanie-rdpp", "/files/sprawozdanie-budzet.pdf")


def report(title: str, subject: str, extra: str) -> Page:
    return Page(html(title, f"<p>{extra}</p>" + report_text(subject)))


def build_site() -> dict[str, Page]:
    links = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in [
        ("/aktualnosci/sprawozdanie-rdpp", "Sprawozdanie ze spotkania RDPP"),
        (CHANGED, "Sprawozdanie ze spotkania Rady Seniorów"),
        (DELETED, "Protokół z konsultacji programu współpracy"),
        ("/files/sprawozdanie-budzet.pdf", "Sprawozdanie z konsultacji budżetu obywatelskiego (PDF)")])
    return {
        "/": Page(html("Strona główna", f"<ul>{links}</ul>")),
        "/aktualnosci/sprawozdanie-rdpp": report(
            "Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego",
            "zadań priorytetowych programu współpracy",
            "Posiedzenie Rady Działalności Pożytku Publicznego odbyło się 12 marca 2026 r. "
            "Stowarzyszenie Przyjaciół Testowa zgłosiło uwagi do programu współpracy na 2027 rok."),
        CHANGED: report(
            "Sprawozdanie ze spotkania Rady Seniorów", "działań Rady Seniorów",
            "Spotkanie Rady Seniorów odbyło się 4 lutego 2026 r. w Domu Kultury."),
        DELETED: report(
            "Protokół z konsultacji programu współpracy", "konsultacji programu współpracy",
            "Konsultacje przeprowadzono 20 stycznia 2026 r. z udziałem Fundacji Zielony Testów."),
        "/files/sprawozdanie-budzet.pdf": Page(make_pdf([
            "Sprawozdanie z konsultacji budżetu obywatelskiego Miasta Testowo",
            "Spotkanie odbyło się 3 marca 2026 r.",
            "Udział wzięli przedstawiciele Stowarzyszenia Sąsiedzi Testowa."]), "application/pdf"),
    }


def sources_toml(base: str) -> str:
    return (f'[[source]]\nname = "testowo"\nmunicipality = "Testowo"\nvoivodeship = "mazowieckie"\n'
            f'start_urls = ["{base}/"]\nexclude = ["/kalendarz"]\n')


def snapshot(db) -> dict:
    """{path: document row with extracted row counts per table}."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cols = ["id", "url", "content_hash", "etag", "last_modified", "text", "gone_at",
                "gone_status", "extracted_hash", "fetched_at"]
        docs = {}
        for row in con.execute(f"SELECT {', '.join(cols)} FROM documents").fetchall():
            doc = dict(zip(cols, row))
            doc["rows"] = {t: con.execute(f"SELECT count(*) FROM {t} WHERE document_id = ?",
                                          [doc["id"]]).fetchone()[0] for t in EXTRACTED_TABLES}
            docs[re.sub(r"^http://127\.0\.0\.1:\d+", "", doc["url"])] = doc
        docs["_count"] = con.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone()
        return docs
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    db, toml = work / "partmon.duckdb", work / "sources.toml"
    with serve_site(build_site()) as server:
        toml.write_text(sources_toml(server.base_url), encoding="utf-8")
        run = lambda: partmon("run", "--sources", str(toml), "--db", str(db), *FAST_CRAWL)  # noqa: E731
        run()
        first = snapshot(db)
        server.site[CHANGED] = report(
            "Sprawozdanie ze spotkania Rady Seniorów", "działań Rady Seniorów (wersja poprawiona)",
            "Spotkanie Rady Seniorów przeniesiono na 9 kwietnia 2026 r. Uczestniczyła w nim "
            "Fundacja Pogodna Jesień.")
        deleted_page = server.site.pop(DELETED)
        start = len(server.answers)
        second_run = run()
        second = snapshot(db)
        answers = server.answers[start:]
        server.site[DELETED] = deleted_page  # served again, unchanged
        third_run = run()
        third = snapshot(db)
    return {"first": first, "second": second, "third": third, "answers": answers,
            "second_err": second_run.stderr, "third_err": third_run.stderr}


def test_first_run_keeps_the_validators(runs):
    docs = runs["first"]
    assert {CHANGED, DELETED, *KEPT} <= set(docs)
    for path in (CHANGED, DELETED, *KEPT):
        assert docs[path]["etag"] and docs[path]["last_modified"] == "Mon, 02 Mar 2026 10:00:00 GMT"
        assert docs[path]["gone_at"] is None
    assert sum(docs[DELETED]["rows"].values()) > 0  # something to lose, were it dropped


def test_changed_report_replaced_in_place(runs):
    before, after = runs["first"][CHANGED], runs["second"][CHANGED]
    assert runs["second"]["_count"][0] == runs["second"]["_count"][1]  # one row per URL
    assert after["id"] == before["id"] and after["content_hash"] != before["content_hash"]
    assert "wersja poprawiona" in after["text"] and "wersja poprawiona" not in before["text"]
    assert after["etag"] != before["etag"]
    assert after["extracted_hash"] == after["content_hash"]  # extracted again by the same run


def test_deleted_report_kept_and_marked_gone(runs):
    before, after = runs["first"][DELETED], runs["second"][DELETED]
    assert after["gone_at"] is not None and after["gone_status"] == 404
    assert after["text"] == before["text"] and after["rows"] == before["rows"]
    assert "1 gone" in runs["second_err"]


def test_unchanged_documents_answered_304_and_left_alone(runs):
    answers = runs["answers"]
    for path in KEPT:
        assert [(status, cond) for p, status, cond in answers if p == path] == [(304, True)]
        assert runs["second"][path]["rows"] == runs["first"][path]["rows"]
        assert runs["second"][path]["content_hash"] == runs["first"][path]["content_hash"]
    assert not any(status == 200 and p in KEPT for p, status, _ in answers)
    assert re.search(r"testowo: .*\b2 unchanged, 1 gone", runs["second_err"]), runs["second_err"]


def test_gone_report_served_again_is_no_longer_gone(runs):
    back = runs["third"][DELETED]
    assert back["gone_at"] is None and back["gone_status"] is None
    assert back["rows"] == runs["first"][DELETED]["rows"]
    assert back["fetched_at"] > runs["first"][DELETED]["fetched_at"]
    assert runs["third"]["_count"] == runs["second"]["_count"]


def test_older_warehouse_file_gets_the_new_columns(tmp_path):
    """A file made before etag/last_modified/gone_at existed is upgraded on a writable open."""
    new = ("etag", "last_modified", "gone_at", "gone_status")
    db = tmp_path / "old.duckdb"
    connect(db).close()
    con = duckdb.connect(str(db))  # make it an older file: without the columns, schema unknown
    for column in new:
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.execute("DELETE FROM warehouse_schema")
    con.execute("INSERT INTO documents (id, url, source) VALUES ('d1', 'https://example.pl/a', 'stare')")
    con.close()
    con = connect(db)
    try:
        got = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() "
                               "WHERE table_name = 'documents'").fetchall())
        assert all(got.get(c) for c in new), got
        assert con.execute("SELECT url, gone_at FROM documents").fetchall() == [("https://example.pl/a", None)]
        assert con.execute("SELECT source, gone_documents FROM crawl_health").fetchall() == [("stare", 0)]
    finally:
        con.close()


def test_loader_marks_gone_without_losing_anything(tmp_path):
    """Loader level: one-at-a-time store path, unknown URLs and a bad gone item."""
    from warehouse.load import BatchWriter, Loader

    con = connect(tmp_path / "w.duckdb")
    loader = Loader(con)
    item = {"url": "https://testowo.pl/a", "source": "testowo", "body": b"<p>Protokol</p>",
            "fetched_at": "2026-03-01T10:00:00Z", "text": "Protokol", "etag": '"v1"',
            "last_modified": "Sun, 01 Mar 2026 10:00:00 GMT"}
    did = loader.store_document(item)
    assert loader.mark_gone(item["url"], 410, "2026-03-02T10:00:00Z") is True
    assert loader.mark_gone("https://testowo.pl/nigdy", 404, "2026-03-02T10:00:00Z") is False
    row = lambda: con.execute("SELECT text, etag, gone_status, gone_at IS NOT NULL FROM documents "  # noqa: E731
                              "WHERE id = ?", [did]).fetchone()
    assert row() == ("Protokol", '"v1"', 410, True)
    loader.store_document({**item, "etag": '"v2"', "fetched_at": "2026-03-03T10:00:00Z"})
    assert row() == ("Protokol", '"v2"', None, False)  # same bytes served again: back, validators renewed
    con.close()

    refused = []
    writer = BatchWriter(tmp_path / "w.duckdb", on_error=lambda who, why: refused.append((who, why)))
    writer.add_gone({"url": item["url"], "http_status": "404?", "fetched_at": "2026-03-04T10:00:00Z"})
    writer.add_gone({"url": item["url"], "http_status": 404, "fetched_at": "2026-03-04T10:00:00Z"})
    writer.flush()
    assert writer.gone == 1 and len(refused) == 1 and "http_status" in refused[0][1]
    with writer.loader() as again:
        assert again.con.execute("SELECT gone_status, text FROM documents").fetchall() == [(404, "Protokol")]
