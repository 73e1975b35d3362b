"""The dashboard as a person sees it: a real Streamlit server on our small warehouse, opened
in headless Debian Chromium; every page is screenshotted to test-artifacts/."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import ARTIFACTS, REPO, free_port
from dashboard_fixture import build_warehouse, report_url

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1800}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One Streamlit server for the module, started exactly as `partmon dashboard` does."""
    db = build_warehouse(tmp_path_factory.mktemp("dashboard-browser") / "dash.duckdb")
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard" / "app.py"),
           "--server.port", str(port), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--", "--db", str(db)]
    log = tmp_path_factory.mktemp("dashboard-log") / "streamlit.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"streamlit did not start:\n{log.read_text()[-2000:]}")
                time.sleep(0.3)
        yield {"url": url, "db": db, "log": log}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


@pytest.fixture()
def page(chromium_browser):
    context = chromium_browser.new_context(viewport=VIEWPORT, locale="pl-PL")
    page = context.new_page()
    yield page
    context.close()


def _open(page, url: str, wait_text: str):
    page.goto(url)
    page.get_by_test_id("stMain").get_by_text(wait_text, exact=False).first.wait_for(
        timeout=60_000)
    return page.get_by_test_id("stMain")


def _idle(page):
    """Wait until Streamlit has finished the current run (no status widget, no element
    still marked stale from the run before)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-stale=true]')", timeout=60_000)


def _metric(main, label: str):
    return main.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id(
        "stMetricValue")


def _shot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    _idle(page)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for grid in page.get_by_test_id("stDataFrame").all():  # canvas tables draw last
        if not grid.is_visible():  # e.g. in a closed expander: never drawn
            continue
        try:  # only for a complete picture; what is asserted is asserted elsewhere
            grid.locator("canvas").first.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            pass
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}.png"))


def test_overview_shows_the_warehouse_and_its_filter_changes_the_numbers(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"], "Najaktywniejsze gminy")
    expect(main.get_by_text("Wągrowiec").first).to_be_visible()
    expect(_metric(main, "Dokumenty")).to_have_text("4")
    expect(_metric(main, "Uczestnicy")).to_have_text("88")
    _shot(page, "overview")

    main.get_by_test_id("stSelectbox").filter(has_text="Województwo").click()
    page.get_by_role("option", name="podlaskie", exact=True).click()
    expect(_metric(main, "Dokumenty")).to_have_text("2")
    expect(_metric(main, "Uczestnicy")).to_have_text("38")
    # the ranked lists follow the filter too: no Wągrowiec organisation is left
    organisations = main.locator("table.pm-table").last
    expect(organisations).to_contain_text("Urząd Miejski w Supraślu")
    expect(organisations).not_to_contain_text("Wągrowca")
    assert parse_qs(urlparse(page.url).query)["woj"] == ["podlaskie"]
    _shot(page, "overview-podlaskie")


def test_english_switch_translates_the_interface(server, page):
    from playwright.sync_api import expect

    _open(page, server["url"], "Przegląd")
    page.get_by_test_id("stSidebar").get_by_text("English").click()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Overview")).to_be_visible()
    expect(main.get_by_text("Most active municipalities")).to_be_visible()
    assert parse_qs(urlparse(page.url).query)["lang"] == ["en"]
    # the language stays when moving to another page
    page.get_by_test_id("stSidebar").get_by_role("link", name="Municipalities").click()
    expect(main.get_by_role("heading", name="Municipalities")).to_be_visible()
    expect(main.get_by_text("Priority task areas", exact=False)).to_be_visible()


def test_municipalities_page_compares_both_priority_task_lists(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "municipalities", "Zestawienie")
    for task in ("organizacja przeglądu muzyki cerkiewnej", "oznakowanie szlaków rowerowych",
                 "prowadzenie klubu seniora przy ulicy Kościuszki",
                 "organizacja ligi piłkarskiej dla szkół"):
        expect(main.get_by_text(task, exact=True)).to_be_visible()
    expect(main.get_by_text("Tylko Supraśl: kultura, turystyka")).to_be_visible()
    expect(main.get_by_text("Tylko Wągrowiec: edukacja, polityka społeczna")).to_be_visible()
    # the area matrix marks what one municipality lacks: turystyka is Supraśl's only
    row = main.locator("table.pm-table tr", has_text="turystyka")
    expect(row.locator("td")).to_have_text(["turystyka", "1", "0"])
    _shot(page, "municipalities")


def test_hostile_document_is_shown_as_text_and_its_script_never_runs(server, page):
    from playwright.sync_api import expect

    from warehouse.load import document_id

    hostile = document_id(report_url({"source": "wagrowiec", "slug": "sprawozdanie-wrogie"}))
    main = _open(page, server["url"] + f"documents?doc={hostile}", "Wyodrębnione elementy")
    text_box = main.locator(".pm-text")
    expect(text_box).to_contain_text("<script>window.__pwned=1</script>")
    expect(text_box).to_contain_text("<b>bold</b>")
    expect(text_box).to_contain_text('<img src=x onerror="window.__pwned=2">')
    expect(text_box.locator("mark.pm-organisation")).to_have_text('Fundacja "Nowa Przestrzeń"')
    expect(text_box.locator("mark.pm-priority_task")).to_have_text(
        "zajęcia z bezpieczeństwa w sieci <i>dla młodzieży</i>")
    assert text_box.locator("b, i, img, script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _shot(page, "document-hostile")


def test_document_list_search_and_open(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "documents?szukaj=warsztat", "Znaleziono: 1")
    expect(main.get_by_text("wyszukiwanie pełnotekstowe", exact=False)).to_be_visible()
    _shot(page, "documents")
    expect(main.get_by_text("w sali konferencyjnej odbyły się warsztaty", exact=False)).to_be_visible()
    main.get_by_role("button", name="Warsztaty o programie współpracy", exact=False).click()
    expect(main.get_by_role("heading", name="Warsztaty o programie współpracy")).to_be_visible()
    expect(main.locator("mark.pm-goal")).to_have_text(
        "wzmocnienie współpracy gminy z organizacjami pozarządowymi")
    expect(page).to_have_url(re.compile(r"[?&]doc=[0-9a-f]{16}"))
    _shot(page, "document")
    main.get_by_role("button", name="Wróć do listy dokumentów").click()
    expect(main.get_by_text("Znaleziono: 1")).to_be_visible()
    expect(main.get_by_role("textbox", name="Szukaj w tekście")).to_have_value("warsztat")


def test_organisations_page_lists_mentions_with_context(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "organisations?szukaj=Puszczy", "Znaleziono: 1")
    grid = main.get_by_test_id("stDataFrame").first
    grid.locator("canvas").first.wait_for()
    # tick the first row's selection box (Glide data grid: first column, first body row)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)
    expect(main.get_by_text("wzmianek: 2 · dokumentów: 2 · gmin: 1")).to_be_visible()
    # each mention in its sentence, the organisation's own words marked
    expect(main.locator("mark", has_text="Stowarzyszeniem Przyjaciół Puszczy Knyszyńskiej"))\
        .to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]org=[0-9a-f]{16}"))
    _shot(page, "organisations")
    main.get_by_role("link", name="Spotkanie konsultacyjne", exact=False).click()
    expect(main.get_by_role("heading", name="Spotkanie konsultacyjne")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/documents\?doc=[0-9a-f]{16}$"))


def test_sql_page_runs_the_query_from_the_url(server, page):
    from playwright.sync_api import expect

    q = "SELECT name, voivodeship FROM municipalities ORDER BY name"
    main = _open(page, server["url"] + "sql?q=" + urllib.request.quote(q), "Wierszy: 2.")
    expect(main.get_by_text("Wierszy: 2.")).to_be_visible()
    main.get_by_role("textbox").fill("DELETE FROM documents")
    main.get_by_role("button", name="Wykonaj").click()
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text("not DELETE")
    assert parse_qs(urlparse(page.url).query)["q"] == ["DELETE FROM documents"]
    _shot(page, "sql")
