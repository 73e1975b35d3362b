"""organisation_activity and organisation_totals, the summaries the dashboard reads, stay equal to
what the mentions say after every kind of change: bulk loads, a changed document re-stored,
a re-extraction naming other organisations and another municipality, an extraction error."""
from __future__ import annotations

import copy

import pytest

from warehouse import queries as q
from warehouse.db import connect
from warehouse.load import Loader, document_id
from warehouse_synth import Generator

ACTIVITY = ("SELECT organisation_id, municipality_id, document_year, process_id, documents, "
            "mentions FROM organisation_activity")
FROM_MENTIONS = """
    SELECT om.organisation_id, d.municipality_id, d.document_year, d.process_id,
           count(DISTINCT om.document_id), count(*)
    FROM organisation_mentions om JOIN documents d ON d.id = om.document_id GROUP BY ALL"""


TOTALS = """
    SELECT om.organisation_id, count(DISTINCT d.municipality_id), count(DISTINCT d.id), count(*)
    FROM organisation_mentions om JOIN documents d ON d.id = om.document_id GROUP BY ALL"""


def _in_step(con) -> list:
    summary = sorted(con.execute(ACTIVITY).fetchall(), key=repr)
    assert summary == sorted(con.execute(FROM_MENTIONS).fetchall(), key=repr)
    totals = con.execute("SELECT organisation_id, municipalities, documents, mentions "
                         "FROM organisation_totals").fetchall()
    assert sorted(totals) == sorted(con.execute(TOTALS).fetchall())
    return summary


@pytest.fixture()
def loaded(tmp_path):
    pairs = list(Generator(11, municipalities=6, organisations=40).documents(40))
    loader = Loader(connect(tmp_path / "w.duckdb"))
    for start in range(0, len(pairs), 16):
        part = pairs[start:start + 16]
        ids, _ = loader.store_documents([item for item, _ in part])
        loader.store_extractions(list(zip(ids, [r for _, r in part])), "1.0")
    yield loader, pairs
    loader.con.close()


def _top(con, oid):
    top = q.organisation_list(con)
    row = top[top["id"] == oid]
    return None if row.empty else tuple(row[["municipalities", "documents", "mentions"]].iloc[0])


def test_bulk_load_fills_the_summary(loaded):
    loader, _ = loaded
    assert len(_in_step(loader.con)) > 10
    # the dashboard's figures come from it and agree with counting the mentions
    top = q.top_organisations(loader.con, limit=1).iloc[0]
    direct = loader.con.execute(
        "SELECT count(DISTINCT d.municipality_id), count(DISTINCT d.id), count(*) "
        "FROM organisation_mentions om JOIN documents d ON d.id = om.document_id "
        "WHERE om.organisation_id = ?", [top["id"]]).fetchone()
    assert (top["municipalities"], top["documents"], top["mentions"]) == direct


def test_reextraction_with_other_organisations_and_municipality_updates_it(loaded):
    loader, pairs = loaded
    con = loader.con
    item, record = pairs[0]
    did = document_id(item["url"])
    gone = record["organisations"][0]["name"] if record["organisations"] else None
    changed = copy.deepcopy(record)
    changed["organisations"] = [{"name": "Stowarzyszenie Testowe Zupełnie Nowe",
                                 "kind": "ngo", "mentions": ["Stowarzyszenie Testowe"]}]
    changed["provenance"] = {}
    changed["municipality"] = {"name": "Nowa Gmina Testowa", "kind": "gmina",
                               "voivodeship": "podlaskie"}
    assert loader.store_extractions([(did, changed, item["text"])], "1.0")["stored"] == 1
    _in_step(con)
    new = con.execute("SELECT id FROM organisations WHERE name = ?",
                      ["Stowarzyszenie Testowe Zupełnie Nowe"]).fetchone()[0]
    assert _top(con, new) == (1, 1, 1)
    if gone:
        oid = con.execute("SELECT id FROM organisations WHERE name = ?", [gone]).fetchone()
        if oid:  # still mentioned elsewhere: it lost this document
            assert did not in {r[0] for r in con.execute(
                "SELECT document_id FROM organisation_mentions WHERE organisation_id = ?",
                [oid[0]]).fetchall()}


def test_changed_document_and_extraction_error_take_mentions_out(loaded):
    loader, pairs = loaded
    con = loader.con
    item, record = pairs[1]
    did = document_id(item["url"])
    before = con.execute("SELECT count(*) FROM organisation_mentions WHERE document_id = ?",
                         [did]).fetchone()[0]
    assert before > 0
    totals = con.execute("SELECT sum(mentions) FROM organisation_activity").fetchone()[0]
    # the page changed: its old extraction is dropped until it is extracted again
    loader.store_document({**item, "body": item["body"] + b" <p>zmieniono</p>",
                           "content_hash": None, "text": item["text"] + " Zmieniono."})
    _in_step(con)
    assert con.execute("SELECT sum(mentions) FROM organisation_activity").fetchone()[0] \
        == totals - before
    loader.store_extractions([(did, record)], "1.0")
    _in_step(con)
    assert con.execute("SELECT sum(mentions) FROM organisation_activity").fetchone()[0] == totals
    loader.store_extraction_error(did, "model crashed", "1.0")
    _in_step(con)
    assert con.execute("SELECT sum(mentions) FROM organisation_activity").fetchone()[0] \
        == totals - before


def test_older_warehouse_gets_the_summaries_on_open_and_a_rebuild_repairs_them(loaded, tmp_path):
    from warehouse.load import rebuild_organisation_activity
    loader, _ = loaded
    con = loader.con
    expected = _in_step(con)
    # a warehouse written before the summaries existed: they are made from the mentions
    con.execute("DROP TABLE organisation_activity")
    con.execute("DROP TABLE organisation_totals")
    con.execute("DELETE FROM warehouse_schema")
    con.close()
    loader.con = con = connect(tmp_path / "w.duckdb")
    assert _in_step(con) == expected
    con.execute("DELETE FROM organisation_totals")
    con.execute("UPDATE organisation_activity SET mentions = mentions + 1")
    rebuild_organisation_activity(con)
    assert _in_step(con) == expected


def test_mention_contexts_cut_at_load_time_match_the_text(loaded):
    loader, _ = loaded
    con = loader.con
    oid = q.top_organisations(con, limit=1)["id"].iloc[0]
    stored = q.organisation_mentions(con, oid)
    assert stored["before"].str.len().max() == 80 and stored["after"].notna().all()
    assert not stored["before"].str.contains("\n").any()
    # the same words as cutting them from the documents' text (what older files do)
    con.execute("UPDATE organisation_mentions SET context_before = NULL, context_after = NULL")
    from_text = q.organisation_mentions(con, oid)
    assert len(stored) > 3 and stored.equals(from_text)
    assert q.organisation_mentions(con, oid, context=30)["before"].str.len().max() == 30
    assert q.organisation_mentions(con, oid, context=200)["before"].str.len().max() > 80


def test_organisation_search_finds_a_form_only_some_mentions_use(loaded):
    loader, pairs = loaded
    con = loader.con
    item, record = pairs[2]
    did = document_id(item["url"])
    changed = copy.deepcopy(record)
    changed["organisations"].append(
        {"name": "Klub Sportowy Orlęta", "kind": "ngo",
         "mentions": ["Klub Sportowy Orlęta", "KS Orlęta Zamość"]})
    changed["provenance"] = {}
    loader.store_extractions([(did, changed, item["text"])], "1.0")
    by_name = q.organisation_list(con, search="sportowy orlęta")
    assert list(by_name["name"]) == ["Klub Sportowy Orlęta"]
    assert by_name["mentions"].iloc[0] == 2
    # found through the other form: only that form's mentions are counted
    by_form = q.organisation_list(con, search="orlęta zamość")
    assert list(by_form["name"]) == ["Klub Sportowy Orlęta"]
    assert tuple(by_form[["municipalities", "documents", "mentions"]].iloc[0]) == (1, 1, 1)
    assert q.organisation_list(con, search="orlęta zamość", kind="public").empty
    # re-extracted without it: the organisation and its forms are gone
    loader.store_extractions([(did, record, item["text"])], "1.0")
    assert q.organisation_list(con, search="orlęta").empty
    assert con.execute("SELECT count(*) FROM organisation_surfaces WHERE surface LIKE "
                       "'%Orlęta%'").fetchone()[0] == 0
