"""Processes (one municipality, one programme, one target year) derived at load time, and the
documented views researchers start from."""
from __future__ import annotations

import hashlib

import pytest

from test_warehouse_samples import load_both
from warehouse.db import connect
from warehouse.load import Loader
from warehouse.processes import classify

DOBRE_TEXTS = {
    # url: (title, first line of the text, meeting date, meeting kind, participants)
    "w1": ("Sprawozdanie z I warsztatów nad Programem współpracy Gminy Dobre z organizacjami "
           "pozarządowymi na rok 2014", "2013-09-10", "warsztaty", 14),
    "w2": ("Sprawozdanie z II warsztatów nad Programem współpracy na rok 2014", "2013-09-24",
           "warsztaty", 11),
    "w3": ("Notatka z III warsztatów – program współpracy na 2014 rok", "2013-10-08",
           "warsztaty", 9),
    "k": ("Konsultacje projektu programu współpracy na rok 2014", "2013-10-21", "konsultacje", 6),
    "u": ("Uchwała nr XXX/210/2013 Rady Gminy Dobre w sprawie przyjęcia Programu współpracy "
          "z organizacjami pozarządowymi na rok 2014", "2013-11-27", None, None),
    "next": ("Warsztaty do programu współpracy na rok 2015", "2014-09-15", "warsztaty", 12),
    "s": ("Warsztaty diagnostyczne do Strategii Rozwiązywania Problemów Społecznych Gminy "
          "Dobre na lata 2021-2025", "2020-05-12", "warsztaty", 20),
}


def _item(key: str, title: str, municipality="Dobre", voivodeship="mazowieckie") -> dict:
    text = f"{title}\n\nW spotkaniu wzięli udział przedstawiciele organizacji pozarządowych."
    body = text.encode("utf-8")
    return {"url": f"https://dobre.example/{key}", "source": "dobre", "municipality": municipality,
            "terc": None, "voivodeship": voivodeship, "fetched_at": "2026-11-22T10:00:00Z",
            "http_status": 200, "content_type": "text/plain", "encoding": "utf-8",
            "content_hash": hashlib.sha256(body).hexdigest(), "body": body, "title": title,
            "referer": None, "link_text": None, "report_score": 0.8, "text": text,
            "text_error": None}


def _record(title: str, date: str, kind, participants, municipality="Dobre") -> dict:
    meetings = [] if kind is None else [{"date": date, "kind": kind, "participants": participants,
                                         "organisations_count": None, "place": None}]
    return {"path": "", "title": title, "document_date": date,
            "municipality": {"name": municipality, "kind": "gmina", "voivodeship": "mazowieckie"},
            "meetings": meetings, "next_meeting": None, "organisations": [], "people": [],
            "dates": [], "goals": [], "priority_tasks": [
                {"text": "organizacja zajęć dla seniorów", "area": "pomoc społeczna"}],
            "legal_acts": [], "funding": [], "provenance": {}}


@pytest.fixture
def loader(tmp_path):
    con = connect(tmp_path / "partmon.duckdb")
    loader = Loader(con)
    for key, (title, date, kind, participants) in DOBRE_TEXTS.items():
        did = loader.store_document(_item(key, title))
        loader.store_extraction(did, _record(title, date, kind, participants), "1.0")
    yield loader
    con.close()


def test_rules_read_kind_target_year_and_stage_from_titles():
    key = classify("Konsultacje projektu programu współpracy na rok 2014", "")
    assert (key.kind, key.target_year, key.target_year_end, key.stage) == \
        ("cooperation_programme", 2014, 2014, "consultation")
    key = classify("Warsztaty do Strategii Rozwiązywania Problemów Społecznych na lata 2021–2025", "")
    assert (key.kind, key.target_year, key.target_year_end, key.stage) == \
        ("social_problems_strategy", 2021, 2025, "workshop")
    key = classify("Uchwała w sprawie przyjęcia Modelu współpracy", "")
    assert (key.kind, key.target_year, key.stage) == ("cooperation_model", None, "adopted")
    key = classify("Sprawozdanie z realizacji budżetu obywatelskiego 2019", "")
    assert (key.kind, key.target_year, key.stage) == ("participatory_budget", 2019, "report")
    # the title says nothing: the start of the text and the meetings' kinds decide
    key = classify("Aktualności", "Informacja\n\nTrwają prace nad programem współpracy na rok "
                   "2026. Zapraszamy.", ["konsultacje"])
    assert (key.kind, key.target_year, key.stage) == ("cooperation_programme", 2026, "consultation")
    assert classify("Festyn rodzinny", "Było wesoło.").kind == "other"


def test_documents_of_one_programme_and_year_form_one_process(loader):
    con = loader.con
    rows = con.execute("""SELECT p.kind, p.target_year, p.target_year_end, p.stage, p.documents,
                                 p.meetings, p.participants, p.first_meeting_date,
                                 p.last_meeting_date, m.name
                          FROM processes p JOIN municipalities m ON m.id = p.municipality_id
                          ORDER BY p.target_year""").fetchall()
    assert rows == [
        ("cooperation_programme", 2014, 2014, "adopted", 5, 4, 40, "2013-09-10", "2013-10-21",
         "Dobre"),
        ("cooperation_programme", 2015, 2015, "workshop", 1, 1, 12, "2014-09-15", "2014-09-15",
         "Dobre"),
        ("social_problems_strategy", 2021, 2025, "workshop", 1, 1, 20, "2020-05-12",
         "2020-05-12", "Dobre")]
    title = con.execute("SELECT title FROM processes WHERE target_year = 2014").fetchone()[0]
    assert title.startswith("Sprawozdanie z I warsztatów")   # its earliest document
    stages = dict(con.execute("SELECT url, process_stage FROM documents").fetchall())
    assert stages["https://dobre.example/k"] == "consultation"
    assert stages["https://dobre.example/u"] == "adopted"


def test_a_re_extracted_document_moves_to_its_new_process(loader):
    con = loader.con
    did = con.execute("SELECT id FROM documents WHERE url = 'https://dobre.example/next'").fetchone()[0]
    title = "Warsztaty do programu współpracy na rok 2014"
    loader.store_extraction(did, _record(title, "2013-09-30", "warsztaty", 12), "1.1")
    assert con.execute("SELECT target_year, documents, meetings FROM processes "
                       "ORDER BY target_year").fetchall() == [(2014, 6, 5), (2021, 1, 1)]
    # an extraction that fails takes the document out of its process
    loader.store_extraction(did, {"error": "model crashed"}, "1.2")
    assert con.execute("SELECT documents FROM processes WHERE target_year = 2014").fetchone() == (5,)
    assert con.execute("SELECT process_id FROM documents WHERE id = ?", [did]).fetchone() == (None,)


def test_same_programme_in_another_municipality_is_another_process(loader):
    title = DOBRE_TEXTS["k"][0]
    item = _item("other", title, municipality="Zielonka")
    item["url"] = "https://zielonka.example/k"
    did = loader.store_document(item)
    loader.store_extraction(did, _record(title, "2013-10-01", "konsultacje", 5,
                                         municipality="Zielonka"), "1.0")
    rows = loader.con.execute("""SELECT municipality, target_year, processes, kinds,
                                        adopted_or_later, documents, meetings, participants
                                 FROM processes_by_municipality_year
                                 ORDER BY municipality, target_year""").fetchall()
    assert rows == [("Dobre", 2014, 1, "cooperation_programme", 1, 5, 4, 40),
                    ("Dobre", 2015, 1, "cooperation_programme", 0, 1, 1, 12),
                    ("Dobre", 2021, 1, "social_problems_strategy", 0, 1, 1, 20),
                    ("Zielonka", 2014, 1, "cooperation_programme", 0, 1, 1, 5)]


def test_views_answer_the_common_questions(tmp_path):
    con = connect(tmp_path / "partmon.duckdb")
    load_both(Loader(con))
    reach = con.execute("""SELECT name, municipalities, voivodeships, documents, mentions
                           FROM organisation_reach ORDER BY municipalities DESC, name
                           LIMIT 2""").fetchall()
    assert reach[0] == ("Stowarzyszenie „Razem dla Bojar”", 2, 1, 2, 3)
    assert reach[1][1] == 1
    assert con.execute("SELECT voivodeship, area, priority_tasks, municipalities "
                       "FROM priority_tasks_by_area_region").fetchall() == \
        [("podlaskie", "kultura", 1, 1)]
    assert con.execute("SELECT month, voivodeship, meetings, participants, municipalities "
                       "FROM meetings_by_month ORDER BY month").fetchall() == \
        [("2024-03", "podlaskie", 1, 37, 1), ("2024-06", "podlaskie", 1, 12, 1)]
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() "
                             "WHERE NOT internal").fetchall())
    for view in ("processes_by_municipality_year", "organisation_reach",
                 "priority_tasks_by_area_region", "meetings_by_month"):
        assert views.get(view), f"{view} has no COMMENT"
    con.close()


def test_dashboard_queries_for_processes(loader):
    from warehouse import queries

    frame = queries.processes(loader.con, years=(2014, 2015))
    assert list(frame["target_year"]) == [2015, 2014]
    assert list(frame["stage"]) == ["workshop", "adopted"]
    assert list(queries.processes(loader.con, kind="social_problems_strategy")["target_year_end"]) \
        == [2025]
    by_year = queries.process_kinds_by_year(loader.con, voivodeship="mazowieckie")
    assert by_year.to_dict("records")[0] == {"target_year": 2014, "kind": "cooperation_programme",
                                             "processes": 1, "municipalities": 1,
                                             "adopted_or_later": 1}
