"""Full-text search over documents' text with Polish inflection (Morfeusz lemmas)."""
from __future__ import annotations

import pytest

from test_warehouse_samples import (BIALYSTOK_TEXT, BIALYSTOK_URL, MILEJCZYCE_URL,
                                    document_item, load_both)
from warehouse.db import connect
from warehouse.load import Loader, document_id
from warehouse.search import build_index, search

BIALYSTOK, MILEJCZYCE = document_id(BIALYSTOK_URL), document_id(MILEJCZYCE_URL)


@pytest.fixture
def loader(tmp_path):
    con = connect(tmp_path / "partmon.duckdb")
    loader = Loader(con)  # indexes text as it is stored
    load_both(loader)
    assert build_index(con) == 0  # nothing left to catch up
    yield loader
    con.close()


def ids(results):
    return [r[0] for r in results]


def test_inflected_forms_are_found(loader):
    con = loader.con
    hits = search(con, "Białystok", 10)
    assert ids(hits) == [BIALYSTOK]
    assert "w Białymstoku" in hits[0][2]
    assert set(ids(search(con, "stowarzyszenie", 10))) == {BIALYSTOK, MILEJCZYCE}
    assert ids(search(con, "Milejczyce ośrodek kultury", 10)) == [MILEJCZYCE]
    assert ids(search(con, "festiwal", 10)) == [BIALYSTOK]
    assert search(con, "kolej szynowa", 10) == []
    assert search(con, "", 10) == []


def test_every_word_must_match_and_ranking_prefers_frequency(loader):
    con = loader.con
    assert ids(search(con, "stowarzyszenie seniorów", 10)) == [BIALYSTOK]
    hits = search(con, "organizacja", 10)
    assert ids(hits)[0] == BIALYSTOK and hits[0][1] > hits[1][1]
    assert len(search(con, "organizacja", 1)) == 1


def test_index_follows_changed_documents(loader):
    con = loader.con
    changed = BIALYSTOK_TEXT.replace("festiwalu kultur pogranicza", "turnieju szachowego")
    loader.store_document(document_item(BIALYSTOK_URL, changed))
    assert build_index(con) == 0
    assert search(con, "festiwal", 10) == []
    assert ids(search(con, "szachowy turniej", 10)) == [BIALYSTOK]
    terms = con.execute("SELECT count(*) FROM search_terms WHERE document_id = ? "
                        "AND lemma = 'festiwal'", [BIALYSTOK]).fetchone()[0]
    assert terms == 0


def test_build_index_catches_up_with_unindexed_documents(tmp_path):
    con = connect(tmp_path / "partmon.duckdb")
    load_both(Loader(con, index_text=False))
    assert search(con, "Białystok", 10) == []
    assert build_index(con) == 2
    assert ids(search(con, "Białystok", 10)) == [BIALYSTOK]
    assert build_index(con) == 0
    con.execute("UPDATE documents SET text = NULL WHERE id = ?", [MILEJCZYCE])
    build_index(con)
    assert ids(search(con, "stowarzyszenie", 10)) == [BIALYSTOK]
    con.close()


def test_a_file_with_the_older_lemma_table_gets_its_index_rebuilt(tmp_path):
    con = connect(tmp_path / "partmon.duckdb")
    load_both(Loader(con))
    expected = search(con, "stowarzyszenie", 10)
    # the index as files before search_postings kept it: a table of lemma rows
    con.execute("DROP VIEW search_terms")
    con.execute("CREATE TABLE search_terms (document_id VARCHAR, lemma VARCHAR, tf INTEGER)")
    con.execute("DELETE FROM search_postings")
    con.execute("DELETE FROM warehouse_schema")
    con.close()
    con = connect(tmp_path / "partmon.duckdb")
    assert search(con, "stowarzyszenie", 10) == expected
    found = con.execute("SELECT document_id FROM search_documents('Białystok')").fetchall()
    assert found == [(BIALYSTOK,)]
    con.close()
