"""What makes the dashboard quick on a large warehouse, checked for what a user would notice:
the lighter queries (warehouse.dashboard_queries) answer exactly what the full ones do, and the
server's start-up warm-up leaves nothing for the usual pages to compute. No timings."""
from __future__ import annotations

import json
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse import dashboard_queries as fast
from dashboard_fixture import build_warehouse, running_dashboard
from warehouse import queries

SYNTH_DOCUMENTS = 600


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory) -> Path:
    """A few hundred generated documents (tests/warehouse_synth.py) through the real loader:
    enough for organisations to meet in many reports and municipalities to have long lists."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench.warehouse_bench import _load

    db = tmp_path_factory.mktemp("dashboard-speed") / "synth.duckdb"
    _load(db, SYNTH_DOCUMENTS)
    return db


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("dashboard-speed-fixture") / "dash.duckdb")


def _open(db: Path):
    return duckdb.connect(str(db), read_only=True)


def _compared(con, n: int = 3) -> list[str]:
    return list(queries.top_municipalities(con, limit=n)["id"])


def test_compare_counts_are_those_of_the_full_lists(synth_db, fixture_db):
    for db in (synth_db, fixture_db):
        con = _open(db)
        ids = _compared(con)
        counted = fast.compare_overview(con, ids).set_index("municipality_id")
        meetings = queries.municipality_meetings(con, ids)
        goals = queries.municipality_goals(con, ids)
        tasks = queries.municipality_priority_tasks(con, ids)
        acts = queries.municipality_legal_acts(con, ids)
        funding = queries.municipality_funding(con, ids)
        orgs = queries.municipality_organisations(con, ids)
        for mid in ids:
            mine = {name: frame[frame.municipality_id == mid] for name, frame in (
                ("meetings", meetings), ("goals", goals), ("tasks", tasks), ("acts", acts),
                ("funding", funding), ("orgs", orgs))}
            row = counted.loc[mid]
            assert row["meetings"] == len(mine["meetings"])
            expected = mine["meetings"]["participants"].sum(min_count=1)
            assert (pd.isna(row["participants"]) and pd.isna(expected)) or \
                row["participants"] == expected
            assert row["organisations"] == len(mine["orgs"])
            assert row["goals"] == len(mine["goals"])
            assert row["distinct_goals"] == len(mine["goals"][["text", "level"]]
                                                .drop_duplicates())
            assert row["tasks"] == len(mine["tasks"])
            assert row["areas"] == mine["tasks"]["area"].nunique()
            assert row["acts"] == mine["acts"]["text"].nunique()
            assert row["funding"] == mine["funding"]["name"].nunique()
        con.close()


def test_compare_lists_show_the_first_distinct_items_of_each_municipality(synth_db):
    con = _open(synth_db)
    ids = _compared(con)
    items = fast.compare_items(con, ids, limit=5, per_area=3)
    acts = queries.municipality_legal_acts(con, ids)
    orgs = queries.municipality_organisations(con, ids)
    tasks = queries.municipality_priority_tasks(con, ids)
    for mid in ids:
        mine = items[items.municipality_id == mid]
        listed = set(mine.loc[mine.section == "act", "text"])
        every = acts.loc[acts.municipality_id == mid, "text"]
        assert len(listed) == min(5, every.nunique()) and listed <= set(every)
        named = orgs[orgs.municipality_id == mid]
        listed_orgs = mine[mine.section == "organisation"]
        assert len(listed_orgs) == min(5, len(named))
        assert list(listed_orgs["documents"]) == list(named["documents"].head(5))
        assert set(listed_orgs["text"]) <= set(named["name"])
        meetings = mine[mine.section == "meeting"]
        assert len(meetings) == min(5, len(queries.municipality_meetings(con, [mid])))
        assert meetings["date"].dropna().is_monotonic_increasing
        own = tasks[tasks.municipality_id == mid]
        for area, group in mine[mine.section == "task"].groupby(mine["area"].fillna("")):
            in_area = own.loc[own["area"].fillna("") == area, "text"]
            assert len(group) == min(3, in_area.nunique())
            assert int(group["area_total"].iloc[0]) == in_area.nunique()
            assert set(group["text"]) <= set(in_area)
    con.close()


def test_timeline_is_monthly_only_when_there_are_many_meetings(synth_db):
    con = _open(synth_db)
    ids = _compared(con, 2)
    each = fast.compare_timeline(con, ids, max_points=100_000)
    assert not each["monthly"].any() and (each["meetings"] == 1).all()
    monthly = fast.compare_timeline(con, ids, max_points=0)
    assert monthly["monthly"].all()
    assert monthly["meetings"].sum() == len(each)  # every dated meeting counted once
    assert set(monthly["date"]) == {d.strftime("%Y-%m") for d in pd.to_datetime(each["day"])}
    con.close()


def _same_pairs(full: pd.DataFrame, quick: pd.DataFrame) -> None:
    key = ["organisation_a_id", "organisation_b_id"]
    merged = full.merge(quick, on=key, suffixes=("", "_fast"), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    for column in ("organisation_a", "organisation_b", "documents", "municipalities",
                   "first_year", "last_year"):
        assert (merged[column] == merged[f"{column}_fast"]).all(), column


def test_pairs_who_meet_are_those_of_the_full_query(synth_db, fixture_db):
    for db in (synth_db, fixture_db):
        con = _open(db)
        full = queries.co_participation(con, limit=100_000)
        assert len(full) > 0
        _same_pairs(full, fast.co_participation(con, limit=100_000))
        filters = {"voivodeship": "podlaskie", "years": (2019, 2030), "limit": 100_000}
        _same_pairs(queries.co_participation(con, **filters),
                    fast.co_participation(con, **filters))
        # the top of the list: most shared documents first, in the same order
        top = fast.co_participation(con, limit=10)
        assert list(top["documents"]) == list(full["documents"].head(len(top)))
        con.close()


def test_first_mentions_read_like_the_full_list(synth_db, fixture_db):
    for db in (synth_db, fixture_db):
        con = _open(db)
        for (org,) in con.execute("""SELECT organisation_id FROM organisation_mentions
                                     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3""").fetchall():
            full = queries.organisation_mentions(con, org)
            first = fast.organisation_mentions_first(con, org, limit=7)
            assert first.fillna("∅").equals(full.head(7).reset_index(drop=True).fillna("∅"))
            figures = fast.organisation_overview(con, org).iloc[0]
            assert figures["mentions"] == len(full)
            assert figures["documents"] == full["document_id"].nunique()
            meetings = queries.organisation_meetings(con, org)
            some = fast.organisation_meetings_first(con, org, limit=4)
            assert len(some) == min(4, len(meetings))
            assert (some["total"] == len(meetings)).all()
        con.close()


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())


@pytest.mark.browser
def test_after_start_up_the_usual_pages_compute_nothing(fixture_db, tmp_path, chromium_browser,
                                                         monkeypatch):
    """The warm-up ran every query of the overview, compare, organisations, who-meets-whom,
    documents and sources pages as they ask for them: visiting them runs none."""
    monkeypatch.setenv("PARTMON_WARM_MIN_DOCUMENTS", "0")  # the fixture is tiny
    monkeypatch.setenv("PARTMON_DASHBOARD_PROFILE", "1")
    log = tmp_path / "streamlit.log"
    with running_dashboard(fixture_db, log, timeout_s=60) as url:
        deadline = time.monotonic() + 60
        while not _get_json(url + "partmon/warm-up")["ready"]:
            assert time.monotonic() < deadline, "warm-up never finished"
            time.sleep(0.2)
        assert _get_json(url + "partmon/warm-up")["queries"] > 20
        page = chromium_browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, text in (("", "Najaktywniejsze gminy"), ("municipalities", "Zestawienie"),
                           ("organisations", "Znaleziono"),
                           ("organisations?widok=pairs", "Par:"),
                           ("documents", "Znaleziono"), ("sources", "Dokumenty, których nie udało się odczytać"),
                           ("?woj=podlaskie", "Najaktywniejsze gminy")):
            page.goto(url + path)
            page.get_by_test_id("stMain").get_by_text(text, exact=False).first.wait_for(
                timeout=60_000)
            page.wait_for_function("() => !document.querySelector("
                                   "'[data-testid=stStatusWidget]')", timeout=60_000)
        page.close()
    runs = [line for line in log.read_text().splitlines() if line.startswith("partmon-profile")]
    assert len(runs) >= 7
    computed = [line for line in runs if not line.endswith("misses=-")]
    assert not computed, computed


@pytest.mark.browser
def test_a_load_while_the_server_runs_is_shown_and_warmed_again(tmp_path, chromium_browser,
                                                                 monkeypatch):
    """After a load changes the file, the overview shows the new document, and the warm-up
    has already computed it again (the visit runs no query)."""
    import hashlib

    from dashboard_fixture import EXTRACTOR_VERSION, SOURCES, build_record
    from warehouse.db import connect
    from warehouse.load import Loader

    monkeypatch.setenv("PARTMON_WARM_MIN_DOCUMENTS", "0")
    monkeypatch.setenv("PARTMON_DASHBOARD_PROFILE", "1")
    db = build_warehouse(tmp_path / "dash.duckdb")
    log = tmp_path / "streamlit.log"
    with running_dashboard(db, log, timeout_s=60) as url:
        deadline = time.monotonic() + 60
        while not _get_json(url + "partmon/warm-up")["ready"]:
            assert time.monotonic() < deadline, "warm-up never finished"
            time.sleep(0.2)
        first = _get_json(url + "partmon/warm-up")["warmed_stamp"]
        text, record = build_record(
            "http://127.0.0.1:9/suprasl/nowe.html", "Nowe spotkanie", "2023-02-01",
            {"name": "Supraśl", "kind": "gmina", "voivodeship": "podlaskie"},
            "Spotkanie ⟦meeting:2023-02-01|spotkanie|12|4⟧1 lutego 2023 r. przyszło 12 osób."
            "⟦/⟧")
        body = text.encode("utf-8")
        con = connect(str(db))
        loader = Loader(con)
        document_id = loader.store_document({
            "url": "http://127.0.0.1:9/suprasl/nowe.html", "source": SOURCES[0]["name"],
            "fetched_at": "2026-11-22T12:00:00Z", "http_status": 200,
            "content_type": "text/plain", "encoding": "utf-8",
            "content_hash": hashlib.sha256(body).hexdigest(), "body": body,
            "title": "Nowe spotkanie", "referer": None, "link_text": None,
            "report_score": 0.9, "text": text, "text_error": None})
        loader.store_extraction(document_id, record, EXTRACTOR_VERSION)
        con.close()
        deadline = time.monotonic() + 90
        while _get_json(url + "partmon/warm-up")["warmed_stamp"] == first:
            assert time.monotonic() < deadline, "not warmed again after the load"
            time.sleep(0.5)
        before = len(log.read_text().splitlines())
        page = chromium_browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        documents = page.get_by_test_id("stMetric").filter(has_text="Dokumenty")
        documents.get_by_test_id("stMetricValue").filter(has_text="5").wait_for(timeout=60_000)
        page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')",
                               timeout=60_000)
        page.close()
    runs = [line for line in log.read_text().splitlines()[before:]
            if line.startswith("partmon-profile")]
    assert runs and all(line.endswith("misses=-") for line in runs), runs
