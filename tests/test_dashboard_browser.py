"""The dashboard as a person sees it: a real Streamlit server on our small warehouse, opened
in headless Debian Chromium; every page is screenshotted to test-artifacts/."""
from __future__ import annotations

import re
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import ARTIFACTS, running_dashboard
from dashboard_fixture import BROKEN_TEXT_ERROR, build_warehouse, report_url

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1800}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One Streamlit server for the module, started exactly as `partmon dashboard` does."""
    db = build_warehouse(tmp_path_factory.mktemp("dashboard-browser") / "dash.duckdb",
                         broken_source=True)
    log = tmp_path_factory.mktemp("dashboard-log") / "streamlit.log"
    with running_dashboard(db, log, timeout_s=60) as url:
        yield {"url": url, "db": db, "log": log}
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


@pytest.fixture()
def page(chromium_browser):
    context = chromium_browser.new_context(viewport=VIEWPORT, locale="pl-PL",
                                           accept_downloads=True)
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


def _sidebar_select(page, label: str, option: str):
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def _download(page, button, name: str) -> str:
    """Click a CSV download button; the file's text (UTF-8 with BOM) saved to artifacts."""
    with page.expect_download() as info:
        button.click()
    path = ARTIFACTS / f"dashboard-{name}.csv"
    info.value.save_as(str(path))
    return path.read_text(encoding="utf-8-sig")


def _shot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    _idle(page)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # lazily loaded widgets and charts are grey placeholders until their code has arrived
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first.wait_for()
    for button in page.get_by_test_id("stDownloadButton").all():
        if button.is_visible():  # not in a closed expander
            button.get_by_role("button").wait_for()
    for chart in page.get_by_test_id("stVegaLiteChart").all():
        if chart.is_visible():
            chart.locator("canvas, svg.marks").first.wait_for()
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
    expect(_metric(main, "Dokumenty")).to_have_text("5")  # 4 reports + 1 unreadable scan
    expect(_metric(main, "Uczestnicy")).to_have_text("88")
    _shot(page, "overview")

    _sidebar_select(page, "Województwo", "podlaskie")
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
    # every row as a table on request, each downloadable: both lists of priority tasks
    main.get_by_text("Pokaż wszystkie dane w tabelach").click()
    expect(main.get_by_text("Zadania priorytetowe (7)")).to_be_visible()
    with page.expect_download() as info:
        # by its widget key, not its position: the later tables may still be drawing
        main.locator(".st-key-csv_municipalities_tasks").get_by_role("button").click()
    assert info.value.suggested_filename == "municipalities_tasks.csv"
    info.value.save_as(str(ARTIFACTS / "dashboard-municipalities-tasks.csv"))
    csv = (ARTIFACTS / "dashboard-municipalities-tasks.csv").read_text(encoding="utf-8-sig")
    assert "oznakowanie szlaków rowerowych" in csv and "organizacja ligi piłkarskiej" in csv
    assert csv.count("Supraśl") == 4 and csv.count("Wągrowiec") == 3


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
    # the list's names link to each organisation; the filters stay in the address
    main.locator("table.pm-table").get_by_role(
        "link", name="Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej").click()
    expect(main.get_by_text("wzmianek: 2 · dokumentów: 2 · gmin: 1")).to_be_visible()
    assert parse_qs(urlparse(page.url).query)["szukaj"] == ["Puszczy"]
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
    main = _open(page, server["url"] + "sql?q=" + urllib.request.quote(q), "Wierszy: 3.")
    expect(main.get_by_text("Wierszy: 3.")).to_be_visible()
    main.get_by_role("textbox").fill("DELETE FROM documents")
    main.get_by_role("button", name="Wykonaj").click()
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text(
        "Dozwolone są tylko zapytania SELECT (tylko odczyt), nie DELETE.")
    assert parse_qs(urlparse(page.url).query)["q"] == ["DELETE FROM documents"]
    _shot(page, "sql")


def test_filters_apply_on_every_page_and_stay_in_the_address(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"], "Najaktywniejsze gminy")
    _sidebar_select(page, "Województwo", "podlaskie")
    expect(_metric(main, "Dokumenty")).to_have_text("2")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Dokumenty").click()
    expect(main.get_by_text("Znaleziono: 2", exact=False)).to_be_visible()
    expect(main.get_by_text("Filtry: podlaskie")).to_be_visible()
    assert parse_qs(urlparse(page.url).query)["woj"] == ["podlaskie"]
    page.get_by_test_id("stSidebar").get_by_role("link", name="Organizacje").click()
    expect(main.get_by_text("Znaleziono: 3")).to_be_visible()  # no Wągrowiec organisation
    assert parse_qs(urlparse(page.url).query)["woj"] == ["podlaskie"]
    # the kind of process narrows every count: only the cooperation programmes' reports
    page.goto(server["url"] + "?proces=cooperation_programme")
    expect(_metric(main, "Dokumenty")).to_have_text("2")
    expect(_metric(main, "Uczestnicy")).to_have_text("64")
    expect(main.get_by_text("Filtry: program współpracy z organizacjami")).to_be_visible()


def test_compare_cooperation_programmes_of_two_municipalities(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "municipalities?proces=cooperation_programme",
                 "Zestawienie")
    for task in ("organizacja przeglądu muzyki cerkiewnej",
                 "prowadzenie klubu seniora przy ulicy Kościuszki"):
        expect(main.get_by_text(task, exact=True)).to_be_visible()
    # a task from Supraśl's other process (the 2023 consultation) is not compared here
    expect(main.get_by_text("oznakowanie szlaków rowerowych", exact=True)).to_have_count(0)
    processes = main.locator("table.pm-table", has_text="Etap")
    expect(processes).to_contain_text("Konsultacje programu współpracy na 2022 rok")
    expect(processes).to_contain_text("warsztaty")
    expect(main.get_by_test_id("stVegaLiteChart").first).to_be_visible()  # the timeline
    _shot(page, "municipalities-programmes")
    main.get_by_test_id("stSelectbox").filter(has_text="Rok programu").click()
    page.get_by_role("option", name="2022", exact=True).click()
    expect(main.get_by_text("organizacja przeglądu muzyki cerkiewnej", exact=True)) \
        .to_have_count(0)
    expect(main.get_by_text("prowadzenie klubu seniora przy ulicy Kościuszki", exact=True)) \
        .to_be_visible()
    assert parse_qs(urlparse(page.url).query)["rok"] == ["2022"]


def test_sources_page_puts_the_broken_site_first_and_downloads_as_csv(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "sources", "Dokumenty, których nie udało się odczytać")
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text("borowa-wola")
    rows = main.locator("table.pm-health tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_have_class(re.compile("pm-source-broken"))
    expect(rows.nth(0).locator(".pm-status")).to_have_text("nie działa")
    expect(rows.nth(0)).to_contain_text("http_500: 5")
    expect(rows.nth(0)).to_contain_text("timeout: 2")
    expect(rows.nth(1)).to_contain_text("wagrowiec")
    expect(rows.nth(1)).to_contain_text("problemy")
    expect(rows.nth(2).locator(".pm-status")).to_have_text("działa")
    _shot(page, "sources")
    csv = _download(page, main.get_by_test_id("stDownloadButton").first
                    .get_by_role("button"), "crawl-health")
    lines = csv.splitlines()
    assert lines[0].startswith("Źródło,Gmina,Województwo,Ostatnie pobranie,Strony")
    assert lines[1].startswith("borowa-wola,Borowa Wola,lubelskie,")
    assert '"http_500: 5, timeout: 2"' in lines[1] and lines[1].endswith(",broken")
    failed = _download(page, main.get_by_test_id("stDownloadButton").last
                       .get_by_role("button"), "failed-documents")
    assert BROKEN_TEXT_ERROR in failed and "protokol-skan.pdf" in failed


def test_who_meets_whom_shows_pairs_as_a_heatmap_and_a_table(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "organisations?widok=pairs", "Par: 4")
    # the heatmap: 5 organisations, each pair's shared documents in both halves
    heatmap = main.locator("table.pm-heatmap")
    expect(heatmap.locator("tbody tr")).to_have_count(5)
    expect(heatmap.locator("tbody tr", has_text="Ochotnicza Straż Pożarna w Supraślu")
           .locator("td", has_text="2")).to_have_count(1)
    expect(main.locator("table.pm-table", has_text="Partner")).to_contain_text(
        "Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej")
    _shot(page, "organisations-pairs")
    csv = _download(page, main.get_by_test_id("stDownloadButton").get_by_role("button"),
                    "co-participation")
    lines = csv.splitlines()
    assert lines[0] == ("Organizacja,Partner,Wspólne dokumenty,Gminy,Od roku,Do roku")
    assert lines[1] == ("Ochotnicza Straż Pożarna w Supraślu,"
                        "Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej,2,1,2019,2022")
    assert len(lines) == 5
    # one organisation's page: every municipality and meeting it appears in
    page.goto(server["url"] + "organisations?szukaj=Ochotnicza")
    # the interactive table, opened on request, still opens an organisation by its row
    main.get_by_text("Tabela interaktywna").click()
    grid = main.get_by_test_id("stDataFrame").first
    grid.locator("canvas").first.wait_for()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)
    meetings = main.locator("table.pm-table", has_text="Uczestnicy")
    expect(meetings).to_contain_text("2019-03-14")
    expect(meetings).to_contain_text("2022-10-05")
    expect(main.locator("table.pm-table", has_text="Wzmianki").first).to_contain_text("Supraśl")


def test_query_results_drawn_as_a_table_keep_scraped_text_inert(server, page):
    """The SQL page's first rows are HTML: a report's text that looks like markup is shown
    as characters (cut to a readable length), never run; the CSV file has it whole."""
    from playwright.sync_api import expect

    q = "SELECT title, text FROM documents WHERE text LIKE '%pwned%'"
    main = _open(page, server["url"] + "sql?q=" + urllib.request.quote(q), "Wierszy: 1.")
    cell = main.locator("table.pm-table tbody td").nth(1)
    expect(cell).to_contain_text("<script>window.__pwned=1</script>")
    expect(cell).to_contain_text("…")  # the long text is cut in the table
    assert cell.locator("script, img, b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    csv = _download(page, main.get_by_test_id("stDownloadButton").get_by_role("button"),
                    "sql-hostile")
    assert "zajęcia z bezpieczeństwa w sieci <i>dla młodzieży</i>" in csv


def test_sql_errors_follow_the_interface_language(server, page):
    from playwright.sync_api import expect

    main = _open(page, server["url"] + "sql?lang=en&q=" + urllib.request.quote(
        "SELECT 1; SELECT 2"), "Run")
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text(
        "One statement at a time (got 2).")


def test_pages_keep_working_while_a_crawl_holds_the_warehouse(server, page):
    """A writer (another process, as a crawl is) holds the file and changes it: the page
    waits for its turn and then shows the new data instead of an error."""
    import threading

    from playwright.sync_api import expect

    from warehouse.db import connect

    main = _open(page, server["url"] + "sources", "borowa-wola")
    held, release = threading.Event(), threading.Event()

    def crawl():
        con = connect(str(server["db"]))
        con.execute("UPDATE crawl_run_sources SET pages = 99 WHERE source = 'suprasl'")
        held.set()
        release.wait(10)
        con.close()

    writer = threading.Thread(target=crawl)
    writer.start()
    try:
        held.wait(10)
        page.reload()
        page.wait_for_timeout(1500)  # the dashboard tries while the file is held
    finally:
        release.set()
        writer.join()
    expect(main.locator("table.pm-health tbody tr", has_text="suprasl")).to_contain_text("99")
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text("borowa-wola")
    assert main.get_by_test_id("stAlertContentError").count() == 1
