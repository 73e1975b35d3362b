"""Warehouse schema and loader on real DuckDB files: round trip, idempotence, replacement,
organisation resolution and atomicity."""
from __future__ import annotations

import copy
from pathlib import Path

import duckdb
import pytest

from test_warehouse_samples import (BIALYSTOK_TEXT, BIALYSTOK_URL, MILEJCZYCE_TEXT,
                                    MILEJCZYCE_URL, REQUIRED_TABLES, bialystok_record,
                                    document_item, load_both, milejczyce_record)
from warehouse.db import WarehouseError, connect
from warehouse.dictionary import DICTIONARY_PATH, data_dictionary, schema_markdown, table_comments
from warehouse.load import Loader, LoadError, document_id, organisation_key

@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "partmon.duckdb"


@pytest.fixture
def loader(db_path):
    con = connect(db_path)
    yield Loader(con)
    con.close()


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in sorted(table_comments(con))}


# -- schema ------------------------------------------------------------------------------

def test_every_table_and_column_has_a_comment(loader):
    tables = table_comments(loader.con)
    assert REQUIRED_TABLES <= set(tables)
    assert [t for t, comment in tables.items() if not comment] == []
    missing = [f"{t}.{c}" for t, c, _, comment in data_dictionary(loader.con) if not comment]
    assert missing == []


def test_a_column_without_comment_is_noticed(loader):
    loader.con.execute("ALTER TABLE goals ADD COLUMN undocumented INTEGER")
    missing = [f"{t}.{c}" for t, c, _, comment in data_dictionary(loader.con) if not comment]
    assert missing == ["goals.undocumented"]


def test_data_dictionary_file_is_in_step_with_schema():
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == schema_markdown(), \
        "run: python -m warehouse.dictionary"


def test_connect_is_idempotent_and_read_only_needs_the_file(db_path, tmp_path):
    connect(db_path).close()
    con = connect(db_path)  # schema applied again: no error, nothing duplicated
    con.close()
    ro = connect(db_path, read_only=True)
    with pytest.raises(duckdb.Error):
        ro.execute("CREATE TABLE x (a INTEGER)")
    ro.close()
    missing = tmp_path / "nowhere" / "none.duckdb"
    with pytest.raises(WarehouseError, match="none.duckdb"):
        connect(missing, read_only=True)
    assert not missing.exists()


# -- documents and extraction -----------------------------------------------------------

def test_document_ids_are_stable_and_from_the_url(loader):
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    assert did == document_id(BIALYSTOK_URL) and len(did) == 16
    assert loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT)) == did


def test_round_trip_of_a_full_record(loader):
    loader.upsert_sources([{"name": "bialystok", "municipality": "Białystok", "terc": "2061011",
                            "voivodeship": "podlaskie", "start_urls": ["https://bialystok.example/"],
                            "allowed_domains": ["bialystok.example"], "include": [], "exclude": [],
                            "spider": "cms"}])
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    todo = loader.documents_to_extract("1.0")
    assert [(d["document_id"], d["url"], d["text"]) for d in todo] == \
        [(did, BIALYSTOK_URL, BIALYSTOK_TEXT)]
    loader.store_extraction(did, bialystok_record(), "1.0")
    con = loader.con
    assert loader.documents_to_extract("1.0") == []
    assert [d["document_id"] for d in loader.documents_to_extract("2.0")] == [did]

    doc = con.execute("""SELECT d.document_date, d.document_year, d.report_title, m.name, m.kind,
                                m.voivodeship, m.terc, d.next_meeting_time, d.extractor_version
                         FROM documents d JOIN municipalities m ON m.id = d.municipality_id""").fetchall()
    assert doc == [("2024-03-14", 2024, bialystok_record()["title"], "Białystok", "miasto",
                    "podlaskie", "2061011", "12:00-15:30", "1.0")]
    assert con.execute("SELECT count(*) FROM municipalities").fetchone()[0] == 1
    assert con.execute("SELECT participants, organisations_count, year FROM meetings").fetchall() \
        == [(37, 21, 2024)]
    # every extracted row points back into the text and, by join, to the source URL
    for table, column in (("people", "name"), ("goals", "text"), ("priority_tasks", "text"),
                          ("legal_acts", "text"), ("dates", "text"),
                          ("organisation_mentions", "surface")):
        rows = con.execute(f"""SELECT t.{column}, substr(d.text, t.char_start + 1,
                                      t.char_end - t.char_start), d.url
                               FROM {table} t JOIN documents d ON d.id = t.document_id""").fetchall()
        assert rows, table
        for value, evidence, url in rows:
            assert value == evidence and url == BIALYSTOK_URL, (table, value, evidence)
    assert con.execute("SELECT name FROM funding").fetchall() == [("Fundusz Inicjatyw Obywatelskich",)]
    assert con.execute("SELECT value, year FROM dates ORDER BY item_no").fetchall() == \
        [("2024-03-14", 2024), ("2025", 2025), ("2019-05-27", 2019), ("2024-04-18", 2024)]
    orgs = con.execute("""SELECT o.name, o.kind, count(*) FROM organisations o
                          JOIN organisation_mentions m ON m.organisation_id = o.id
                          GROUP BY ALL ORDER BY 1""").fetchall()
    assert ("Stowarzyszenie „Razem dla Bojar”", "ngo", 2) in orgs and len(orgs) == 4


def test_loading_twice_gives_the_same_counts(loader, db_path):
    loader.start_crawl_run()
    load_both(loader)
    first = counts(loader.con)
    assert first["documents"] == 2 and first["organisations"] == 6 and first["goals"] == 4
    load_both(loader)
    assert counts(loader.con) == {**first}
    loader.con.close()
    again = Loader(connect(db_path))  # a new process-like session: same again
    load_both(again)
    assert counts(again.con) == first
    again.con.close()


def test_same_organisation_in_two_documents_is_one_entity(loader):
    load_both(loader)
    rows = loader.con.execute(
        """SELECT o.name, list(DISTINCT d.url ORDER BY d.url), list(m.surface ORDER BY m.surface)
           FROM organisations o JOIN organisation_mentions m ON m.organisation_id = o.id
           JOIN documents d ON d.id = m.document_id
           WHERE o.name_key = ? GROUP BY o.name""",
        [organisation_key("Stowarzyszenie Razem dla Bojar")]).fetchall()
    assert rows == [("Stowarzyszenie „Razem dla Bojar”", [BIALYSTOK_URL, MILEJCZYCE_URL],
                     ['STOWARZYSZENIE "RAZEM DLA BOJAR"', "Stowarzyszenie „Razem dla Bojar”",
                      "stowarzyszenia RAZEM DLA BOJAR"])]
    # partial provenance: the Milejczyce mention of the cultural centre keeps null offsets
    assert loader.con.execute(
        """SELECT surface, char_start, char_end FROM organisation_mentions
           WHERE extracted_name = 'Gminny Ośrodek Kultury w Milejczycach'""").fetchall() == \
        [("Gminnym Ośrodku Kultury w Milejczycach", None, None)]


def test_organisation_key_folds_case_quotes_dashes_and_abbreviations():
    key = organisation_key
    assert key("Stowarzyszenie „Razem dla Bojar”") == key('STOWARZYSZENIE "RAZEM  DLA BOJAR"')
    assert key("Stow. Razem dla Bojar") == key("Stowarzyszenie Razem dla Bojar")
    assert key("OSP w Milejczycach") == key("Ochotnicza Straż Pożarna w Milejczycach")
    assert key("Regionalny Ośrodek Polityki Społecznej w Białymstoku (ROPS)") == \
        key("Regionalny Ośrodek Polityki Społecznej w Białymstoku")
    assert key("Miejsko – Gminny Ośrodek Kultury") == key("Miejsko-Gminny Ośrodek Kultury")
    assert key("Fundacja Pomocy Sąsiedzkiej") != key("Fundacja Pomocy Seniorom")


def test_changed_document_replaces_its_rows(loader):
    load_both(loader)
    did = document_id(BIALYSTOK_URL)
    changed = BIALYSTOK_TEXT.replace("37 osób", "41 osób")
    assert loader.store_document(document_item(BIALYSTOK_URL, changed)) == did
    con = loader.con
    assert con.execute("SELECT text FROM documents WHERE id = ?", [did]).fetchone()[0] == changed
    assert [d["document_id"] for d in loader.documents_to_extract("1.0")] == [did]
    assert con.execute("SELECT count(*) FROM goals WHERE document_id = ?", [did]).fetchone()[0] == 0
    record = bialystok_record()
    record["meetings"][0]["participants"] = 41
    record["goals"] = record["goals"][:1]
    record["organisations"] = record["organisations"][1:2]   # the association only
    loader.store_extraction(did, record, "1.0")
    assert con.execute("SELECT participants FROM meetings WHERE document_id = ?", [did]).fetchall() == [(41,)]
    assert con.execute("SELECT count(*) FROM goals").fetchone()[0] == 2
    # organisations no longer mentioned anywhere are gone; the shared one stays
    names = {r[0] for r in con.execute("SELECT name FROM organisations").fetchall()}
    assert "Fundacja Pomocy Sąsiedzkiej" not in names
    assert "Stowarzyszenie „Razem dla Bojar”" in names
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_failed_insert_leaves_previous_rows_intact(loader):
    load_both(loader)
    before = counts(loader.con)
    did = document_id(BIALYSTOK_URL)
    bad = copy.deepcopy(bialystok_record())
    bad["goals"].append({"text": "nowy cel", "level": "specific"})
    bad["meetings"][0]["participants"] = "około czterdziestu"   # not an integer: refused
    with pytest.raises(LoadError, match="meetings.0..participants is not a whole number"):
        loader.store_extraction(did, bad, "2.0")
    assert counts(loader.con) == before
    assert loader.con.execute(
        "SELECT extractor_version, participants FROM documents d JOIN meetings m "
        "ON m.document_id = d.id WHERE d.id = ?", [did]).fetchall() == [("1.0", 37)]
    loader.store_extraction(did, bialystok_record(), "2.0")   # the connection still works
    assert counts(loader.con) == before


def test_extraction_error_is_recorded_and_not_retried(loader):
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    loader.store_extraction(did, bialystok_record(), "1.0")
    loader.store_extraction(did, {"path": BIALYSTOK_URL, "error": "model crashed\non line 2"}, "1.1")
    row = loader.con.execute("SELECT extraction_error, extractor_version FROM documents").fetchone()
    assert row == ("model crashed on line 2", "1.1")
    assert loader.con.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
    assert loader.documents_to_extract("1.1") == []
    with pytest.raises(LoadError, match="no such document"):
        loader.store_extraction("0000000000000000", bialystok_record(), "1.1")


def test_documents_without_text_are_not_extracted(loader):
    item = document_item("https://bialystok.example/skan.pdf", "")
    item.update(text=None, text_error="scanned PDF without a text layer",
                content_type="application/pdf")
    loader.store_document(item)
    assert loader.documents_to_extract("1.0") == []
    assert loader.con.execute("SELECT text_error FROM documents").fetchone()[0] == \
        "scanned PDF without a text layer"


def test_crawl_and_extraction_runs_are_logged(loader):
    run = loader.start_crawl_run()
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    loader.finish_crawl_run(run, {"bialystok": {"pages": 12, "documents": 3, "reports": 1,
                                                "errors": {"http_404": 2, "timeout": 1}},
                                  "milejczyce": {"pages": 4, "documents": 1, "reports": 1,
                                                 "errors": {}}})
    row = loader.con.execute("SELECT sources, pages, documents, reports, errors, finished_at "
                             "IS NOT NULL FROM crawl_runs WHERE id = ?", [run]).fetchone()
    assert row == (2, 16, 4, 2, 3, True)
    assert loader.con.execute("SELECT crawl_run_id FROM documents WHERE id = ?", [did]).fetchone() == (run,)
    health = loader.con.execute(
        "SELECT source, pages, harvested, errors, error_kinds, stored_documents, with_text, "
        "extracted FROM crawl_health ORDER BY source").fetchall()
    assert health == [("bialystok", 12, 3, 3, '{"http_404": 2, "timeout": 1}', 1, 1, 0),
                      ("milejczyce", 4, 1, 0, "{}", 0, 0, 0)]
    second = loader.start_crawl_run()
    assert second > run
    loader.finish_crawl_run({"bialystok": {"pages": 1, "documents": 0, "reports": 0}})
    assert loader.con.execute("SELECT last_run_id, pages FROM crawl_health "
                              "WHERE source = 'bialystok'").fetchone() == (second, 1)
    loader.record_extraction_run("1.0", {"documents": 5, "extracted": 4, "errors": 1})
    assert loader.con.execute("SELECT extractor_version, documents, extracted, errors "
                              "FROM extraction_runs").fetchall() == [("1.0", 5, 4, 1)]


def test_source_municipality_is_the_fallback(loader):
    did = loader.store_document(document_item(MILEJCZYCE_URL, MILEJCZYCE_TEXT, source="milejczyce",
                                              municipality="Gmina Milejczyce", terc="2010052"))
    record = milejczyce_record()
    record["municipality"] = None
    loader.store_extraction(did, record, "1.0")
    assert loader.con.execute("""SELECT m.name, m.terc FROM documents d
                                 JOIN municipalities m ON m.id = d.municipality_id""").fetchall() \
        == [("Gmina Milejczyce", "2010052")]
    # the extractor's "Milejczyce" is the same municipality as the source's "Gmina Milejczyce"
    loader.store_extraction(did, milejczyce_record(), "1.1")
    assert loader.con.execute("SELECT count(*), min(name), min(kind), min(terc) "
                              "FROM municipalities").fetchone() == (1, "Milejczyce", "gmina", "2010052")
    assert loader.upsert_municipality("Milejczyce", voivodeship="Województwo Podlaskie") == \
        loader.con.execute("SELECT id FROM municipalities").fetchone()[0]


def test_bad_items_are_refused_with_a_clear_message(loader):
    with pytest.raises(LoadError, match="without a url"):
        loader.store_document({"title": "bez adresu"})
    item = document_item(BIALYSTOK_URL, BIALYSTOK_TEXT)
    item["fetched_at"] = "wczoraj"
    with pytest.raises(LoadError, match=BIALYSTOK_URL):
        loader.store_document(item)


def test_same_bytes_without_text_keep_the_stored_text(loader):
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    loader.store_extraction(did, bialystok_record(), "1.0")
    item = document_item(BIALYSTOK_URL, BIALYSTOK_TEXT)
    item.update(text=None, text_error=None, fetched_at="2026-12-01T08:30:00+01:00")
    loader.store_document(item)
    row = loader.con.execute("SELECT text, fetched_at::VARCHAR FROM documents").fetchone()
    assert row == (BIALYSTOK_TEXT, "2026-12-01 07:30:00")
    assert loader.documents_to_extract("1.0") == []
    assert loader.con.execute("SELECT count(*) FROM goals").fetchone()[0] == 3


def test_long_lists_are_stored_whole(loader):
    did = loader.store_document(document_item(BIALYSTOK_URL, BIALYSTOK_TEXT))
    record = bialystok_record()
    record["dates"] = [{"text": f"{day} stycznia", "value": f"2024-01-{day % 28 + 1:02d}",
                        "end": None} for day in range(1234)]
    record["provenance"]["dates"] = []
    loader.store_extraction(did, record, "1.0")
    assert loader.con.execute("SELECT count(*), count(char_start), max(item_no) FROM dates"
                              ).fetchone() == (1234, 0, 1233)
