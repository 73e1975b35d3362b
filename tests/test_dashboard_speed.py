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


def test_a_search_lists_the_hits_of_the_full_query_with_the_first_snippets(synth_db,
                                                                          fixture_db):
    """The search page's own query gives the full query's rows in its order, with the
    snippets of the hits it lists; the others are read only with the full table."""
    for db, words in ((synth_db, ("program współpracy", "konsultacje", "sport")),
                      (fixture_db, ("warsztaty", "organizacja"))):
        con = _open(db)
        for search in words:
            for filters in ({}, {"voivodeship": "podlaskie", "years": (2019, 2030)}):
                full = queries.document_list(con, search=search, limit=1000, **filters)
                hits = fast.document_hits(con, search, limit=1000, snippets=3, **filters)
                assert list(hits.columns) == list(full.columns)
                assert hits.drop(columns="snippet").equals(full.drop(columns="snippet"))
                assert list(hits["snippet"].head(3)) == list(full["snippet"].head(3))
                assert hits["snippet"].iloc[3:].isna().all()
                if filters == {} and db == synth_db:
                    assert len(full) > 3 and (full["match"] == "fulltext").all()
        # nothing in the index: the full query's own answer (substring search)
        assert fast.document_hits(con, "xqzw").equals(queries.document_list(con, search="xqzw"))
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


def _wait_until_warmed(url: str, timeout_s: float = 60) -> None:
    """Wait until the server's start-up warm-up reports it has finished."""
    deadline = time.monotonic() + timeout_s
    while not _get_json(url + "partmon/warm-up")["ready"]:
        assert time.monotonic() < deadline, "warm-up never finished"
        time.sleep(0.2)


@pytest.mark.browser
def test_after_start_up_the_usual_pages_compute_nothing(fixture_db, tmp_path, chromium_browser,
                                                         monkeypatch):
    """The warm-up ran every query of the overview, compare, organisations, who-meets-whom,
    documents and sources pages as they ask for them: visiting them runs none."""
    monkeypatch.setenv("PARTMON_WARM_MIN_DOCUMENTS", "0")  # the fixture is tiny
    monkeypatch.setenv("PARTMON_DASHBOARD_PROFILE", "1")
    log = tmp_path / "streamlit.log"
    with running_dashboard(fixture_db, log, timeout_s=60) as url:
        _wait_until_warmed(url)
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
        _wait_until_warmed(url)
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


def test_connections_accepted_by_the_dashboard_server_do_not_wait_for_acknowledgements():
    """nodelay.set_nodelay turns Nagle's algorithm off on a listening socket bound the way
    Streamlit binds it (protocol number 0, which asyncio leaves alone), and the connections
    it accepts inherit that: a response's body is not held back behind its headers."""
    import socket

    from dashboard import nodelay

    listener = socket.socket(socket.AF_INET)  # as Streamlit's _bind_socket does
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    try:
        before = socket.create_connection(listener.getsockname())
        accepted_before, _ = listener.accept()
        assert accepted_before.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        assert listener.fileno() in nodelay.listening_tcp_sockets()
        assert before.fileno() not in nodelay.listening_tcp_sockets()  # not listening
        assert nodelay.set_nodelay() >= 1
        client = socket.create_connection(listener.getsockname())
        accepted, _ = listener.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        for s in (before, accepted_before, client, accepted):
            s.close()
    finally:
        listener.close()


def _get(url: str) -> tuple[int, dict, bytes]:
    import urllib.error

    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_page_shells_name_the_code_of_their_first_screen_and_every_file_is_served(
        fixture_db, tmp_path):
    """Each page's shell asks the browser for the element code that page draws first (the
    text box of the organisation list, not on the who-meets-whom view; the highlight
    pills of one document), every file it names is served as JavaScript cached for good,
    byte for byte Streamlit's own; nothing outside Streamlit's static folder is reachable."""
    import re

    from dashboard.assets import static_dir

    root = static_dir()
    with running_dashboard(fixture_db, tmp_path / "streamlit.log", timeout_s=60) as url:
        shells = {path: _get(url + path)[2].decode() for path in (
            "", "organisations", "organisations?widok=pairs", "documents?doc=x", "sql")}
        named = {path: re.findall(r'rel="modulepreload" crossorigin href="\./(static/js/'
                                  r'[^"]+)"', shell) for path, shell in shells.items()}
        assert any("/TextInput." in f for f in named["organisations"])
        assert not any("/TextInput." in f for f in named["organisations?widok=pairs"])
        assert any("/ButtonGroup." in f for f in named["documents?doc=x"])
        assert any("/TextArea." in f for f in named["sql"])
        for path, shell in shells.items():
            assert '<div id="root"></div>' in shell and "index." in shell, path
            assert any("/Html." in f for f in named[path]), path  # st.html: every page
        for file in sorted(set().union(*named.values())):
            status, headers, body = _get(url + file)
            assert status == 200, file
            assert headers["content-type"].startswith("text/javascript"), file
            assert "immutable" in headers["cache-control"], file
            assert body == (root / file).read_bytes(), file
        status, headers, body = _get(url + "static/css/" + next(
            p.name for p in (root / "static" / "css").glob("index.*.css")))
        assert status == 200 and headers["content-type"].startswith("text/css")
        assert _get(url + "static/../../../etc/passwd")[2].find(b"root:") < 0
        assert b"root:" not in _get(url + "static/%2e%2e/%2e%2e/etc/passwd")[2]
        assert _get(url + "partmon/warm-up")[0] == 200  # our own route still answers


@pytest.mark.browser
def test_an_address_with_a_search_has_its_answer_computed_while_the_page_loads(
        fixture_db, tmp_path, chromium_browser, monkeypatch):
    """Serving the page of a shared address (a search, one organisation, one document)
    starts that page's queries at once: when the page's first run asks for them, they
    are there, though no warm-up could have guessed them."""
    from warehouse.load import document_id

    from dashboard_fixture import report_url

    monkeypatch.setenv("PARTMON_WARM_MIN_DOCUMENTS", "0")  # the sidebar's queries warmed
    monkeypatch.setenv("PARTMON_DASHBOARD_PROFILE", "1")
    log = tmp_path / "streamlit.log"
    doc = document_id(report_url({"source": "suprasl", "slug": "warsztaty-2019"}))
    with running_dashboard(fixture_db, log, timeout_s=60) as url:
        _wait_until_warmed(url)
        con = _open(fixture_db)
        org = con.execute("SELECT id FROM organisations WHERE name LIKE 'Ochotnicza%'"
                          ).fetchone()[0]
        con.close()
        page = chromium_browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, text in (("documents?szukaj=warsztaty", "Znaleziono: 1"),
                           (f"organisations?org={org}", "wzmianek: 2"),
                           (f"documents?doc={doc}", "Wyodrębnione elementy")):
            before = _get_json(url + "partmon/warm-up")["prefetched"]
            _get(url + path)  # the page's shell, as the browser first asks for it
            deadline = time.monotonic() + 30
            while _get_json(url + "partmon/warm-up")["prefetched"] == before:
                assert time.monotonic() < deadline, f"nothing computed for {path}"
                time.sleep(0.1)
            lines = len(log.read_text().splitlines())
            page.goto(url + path)
            page.get_by_test_id("stMain").get_by_text(text, exact=False).first.wait_for(
                timeout=60_000)
            page.wait_for_function("() => !document.querySelector("
                                   "'[data-testid=stStatusWidget]')", timeout=60_000)
            runs = [line for line in log.read_text().splitlines()[lines:]
                    if line.startswith("partmon-profile")]
            assert runs and runs[0].endswith("misses=-"), (path, runs)
        page.close()
