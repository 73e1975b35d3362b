"""The bulk loading path (Loader.store_documents / store_extractions, BatchWriter) gives the
same warehouse as storing documents one by one, keeps each document all-or-nothing, and the
SQL-built search index counts words as Morfeusz lemmatisation says."""
from __future__ import annotations

import copy
from collections import Counter

import pytest

from warehouse.db import connect
from warehouse.dictionary import table_comments
from warehouse.load import BatchWriter, Loader, document_id
from warehouse.search import WORD, word_lemmas
from warehouse_synth import Generator

N = 60
SKIP = {"first_seen_at", "fetched_at", "extracted_at", "applied_at", "updated_at"}


@pytest.fixture(scope="module")
def pairs():
    return list(Generator(7, municipalities=12, organisations=80).documents(N))


def _snapshot(con) -> dict:
    """Every row of every table (times left out), sorted: comparable across warehouses."""
    out = {}
    for table in table_comments(con):
        if table in ("warehouse_schema", "crawl_runs"):
            continue
        cols = [c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index", [table]).fetchall() if c not in SKIP]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        if table in ("search_postings", "search_words"):  # word ids follow loading order
            rows = con.execute(
                "SELECT p.document_id, w.word, p.tf FROM search_postings p "
                "JOIN search_words w ON w.id = p.word_id" if table == "search_postings"
                else "SELECT word FROM search_words").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def test_bulk_load_equals_one_by_one(tmp_path, pairs):
    one = Loader(connect(tmp_path / "one.duckdb"))
    for item, record in pairs:
        did = one.store_document(item)
        one.store_extraction(did, record, "1.0")
    bulk = Loader(connect(tmp_path / "bulk.duckdb"))
    for start in range(0, N, 25):
        part = pairs[start:start + 25]
        ids, refused = bulk.store_documents([item for item, _ in part])
        assert refused == [] and ids == [document_id(i["url"]) for i, _ in part]
        got = bulk.store_extractions(list(zip(ids, [r for _, r in part])), "1.0")
        assert got == {"stored": len(part), "errors": {}}
    expected, actual = _snapshot(one.con), _snapshot(bulk.con)
    assert actual["processes"] and actual["search_terms"] and actual["organisation_mentions"]
    for table in expected:
        assert actual[table] == expected[table], table
    # a second bulk pass over unchanged documents changes nothing
    bulk.store_documents([item for item, _ in pairs])
    assert bulk.documents_to_extract("1.0") == []
    assert _snapshot(bulk.con) == expected
    one.con.close()
    bulk.con.close()


def test_a_bad_record_in_a_batch_spoils_only_its_own_document(tmp_path, pairs):
    loader = Loader(connect(tmp_path / "partmon.duckdb"))
    ids, _ = loader.store_documents([item for item, _ in pairs[:5]])
    records = [copy.deepcopy(r) for _, r in pairs[:5]]
    records[1]["meetings"][0]["participants"] = "kilkanaście"
    records[3]["organisations"].append({"name": "  ", "kind": "ngo", "mentions": []})
    got = loader.store_extractions(list(zip(ids, records)) + [("0" * 16, records[0])], "1.0")
    assert got["stored"] == 3
    assert set(got["errors"]) == {ids[1], ids[3], "0" * 16}
    assert "participants is not a whole number" in got["errors"][ids[1]]
    con = loader.con
    errors = dict(con.execute("SELECT id, extraction_error FROM documents").fetchall())
    assert errors[ids[0]] is None and errors[ids[1]].startswith(ids[1])
    with_rows = {r[0] for r in con.execute("SELECT DISTINCT document_id FROM meetings").fetchall()}
    assert with_rows == {ids[0], ids[2], ids[4]}
    con.close()


def test_batch_writer_reports_refused_documents_and_keeps_the_rest(tmp_path, pairs):
    refused = []
    writer = BatchWriter(tmp_path / "partmon.duckdb", batch_size=4,
                         on_error=lambda who, why: refused.append((who, why)))
    writer.gap_s = 0
    for item, _ in pairs[:6]:
        writer.add_document(item)
    writer.add_document({"title": "bez adresu"})
    bad = dict(pairs[6][0], url="https://x.example/zly", fetched_at="wczoraj")
    writer.add_document(bad)
    writer.flush()
    assert writer.stored == 6 and writer.failed == 2
    assert [who for who, _ in refused] == ["bez adresu", "https://x.example/zly"]
    assert "not an ISO 8601 time" in refused[1][1]
    con = connect(tmp_path / "partmon.duckdb", read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (6,)
    con.close()


def test_search_index_counts_lemmas_of_every_word(tmp_path, pairs):
    loader = Loader(connect(tmp_path / "partmon.duckdb"))
    loader.store_documents([item for item, _ in pairs[:8]])
    con = loader.con
    for item, _ in pairs[:8]:
        expected: Counter = Counter()
        words = 0
        for match in WORD.finditer(item["text"]):
            words += 1
            expected.update(word_lemmas(match.group(0)))
        did = document_id(item["url"])
        got = dict(con.execute("SELECT lemma, tf FROM search_terms WHERE document_id = ?",
                               [did]).fetchall())
        assert got == dict(expected)
        assert con.execute("SELECT words FROM search_index_state WHERE document_id = ?",
                           [did]).fetchone() == (words,)
    con.close()
