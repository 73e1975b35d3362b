"""The dashboard's questions (warehouse.queries), its safe text highlighting, its labels and
its error messages, on a real warehouse file loaded by the real loader (no browser)."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from dashboard.highlight import highlight_html
from dashboard.i18n import LANGUAGES, labels, translate
from dashboard_fixture import BROKEN_TEXT_ERROR, HOSTILE, build_warehouse
from warehouse import queries

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "main.py"  # the page script (app.py serves it)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("dashboard") / "dash.duckdb")


@pytest.fixture()
def con(db):
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def _ids(con) -> dict[str, str]:
    listing = queries.municipality_list(con)
    return dict(zip(listing["name"], listing["id"]))


def test_summary_counts_follow_the_voivodeship_and_year_filters(con):
    everything = queries.summary(con).iloc[0]
    assert (everything.municipalities, everything.documents, everything.meetings) == (2, 4, 4)
    assert everything.participants == 23 + 15 + 41 + 9
    podlaskie = queries.summary(con, voivodeship="podlaskie").iloc[0]
    assert (podlaskie.municipalities, podlaskie.documents, podlaskie.participants) == (1, 2, 38)
    in_2021 = queries.summary(con, years=(2021, 2021)).iloc[0]
    assert (in_2021.documents, in_2021.meetings, in_2021.organisations) == (2, 2, 2)
    assert queries.summary(con, voivodeship="opolskie").iloc[0].documents == 0


def test_overview_tables_rank_what_was_found(con):
    months = queries.meetings_over_time(con)
    assert list(months["month"]) == ["2019-03", "2021-05", "2021-09", "2022-10"]
    activity = queries.voivodeship_activity(con).set_index("voivodeship")
    assert activity.loc["wielkopolskie", "participants"] == 50
    # equal meetings and documents: alphabetical
    assert list(queries.top_municipalities(con)["name"]) == ["Supraśl", "Wągrowiec"]
    assert list(queries.top_municipalities(con, years=(2021, 2022), limit=1)["name"]) == [
        "Wągrowiec"]
    orgs = queries.top_organisations(con, voivodeship="wielkopolskie")
    # the quoted and unquoted spellings of the foundation are one organisation
    assert orgs.set_index("name").loc["Fundacja Nowa Przestrzeń", "documents"] == 2
    assert queries.year_bounds(con).iloc[0].tolist() == [2019, 2022]


def test_compared_municipalities_keep_their_own_priority_tasks_and_areas(con):
    ids = _ids(con)
    tasks = queries.municipality_priority_tasks(con, [ids["Supraśl"], ids["Wągrowiec"]])
    by_muni = {name: set(tasks.loc[tasks.municipality_id == mid, "area"])
               for name, mid in ids.items()}
    assert by_muni["Supraśl"] == {"kultura", "sport", "turystyka"}
    assert by_muni["Wągrowiec"] == {"polityka społeczna", "sport", "edukacja"}
    assert "oznakowanie szlaków rowerowych" in set(tasks["text"])
    only_2019 = queries.municipality_priority_tasks(con, [ids["Supraśl"]], years=(2019, 2019))
    assert set(only_2019["area"]) == {"kultura", "sport"}
    meetings = queries.municipality_meetings(con, [ids["Wągrowiec"]])
    assert meetings[["date", "kind", "participants", "organisations_count"]].values.tolist() == [
        ["2021-05-20", "konsultacje", 41, 12], ["2021-09-09", "spotkanie", 9, 3]]
    assert list(queries.municipality_goals(con, [ids["Supraśl"]])["level"]) == ["main"]
    assert len(queries.municipality_legal_acts(con, [ids["Supraśl"]])) == 1
    assert list(queries.municipality_funding(con, [ids["Wągrowiec"]])["name"]) == [
        "Europejski Fundusz Społeczny"]
    assert set(queries.municipality_organisations(con, [ids["Supraśl"]])["name"]) == {
        "Urząd Miejski w Supraślu", "Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej",
        "Ochotnicza Straż Pożarna w Supraślu"}


def test_document_spans_point_at_the_words_in_the_stored_text(con):
    docs = queries.document_list(con)
    for document_id in docs["id"]:
        text = queries.document(con, document_id).iloc[0]["text"]
        spans = queries.document_spans(con, document_id)
        assert len(spans) > 0
        for row in spans.itertuples():
            found = text[row.char_start:row.char_end]
            if row.kind == "priority_task":
                assert row.label.endswith(found)
            elif row.kind == "organisation":
                # the same stem: the mention may be inflected (Stowarzyszeniem, Ochotniczą)
                assert found.replace('"', "")[:6] == row.label[:6]


def test_full_text_search_finds_inflected_forms_and_says_where(con):
    # "warsztat" is written only as "warsztaty" / "warsztatów": the lemma index finds both
    hits = queries.document_list(con, search="warsztat")
    assert list(hits["title"]) == ["Warsztaty o programie współpracy z organizacjami pozarządowymi"]
    assert hits["match"][0] == "fulltext" and "arsztat" in hits["snippet"][0]
    assert set(queries.document_list(con, search="KNYSZYŃSKIEJ")["municipality"]) == {"Supraśl"}
    assert queries.document_list(con, search="spotkanie", voivodeship="podlaskie")[
        "municipality"].tolist() == ["Supraśl", "Supraśl"]
    assert queries.document_list(con, search="nieistniejące słowo").empty


def test_without_an_index_search_falls_back_to_substrings(tmp_path):
    db = build_warehouse(tmp_path / "bez-indeksu.duckdb", search_index=False)
    with duckdb.connect(str(db), read_only=True) as con:
        hits = queries.document_list(con, search="KNYSZYŃSKIEJ")
        assert set(hits["municipality"]) == {"Supraśl"} and len(hits) == 2
        assert set(hits["match"]) == {"substring"}
        assert all("Knyszyńskiej" in s for s in hits["snippet"])
        assert list(queries.document_list(con, search="pwned")["title"]) == [
            "Sprawozdanie z tekstem, który wygląda jak HTML"]
        assert queries.document_list(con, search="nieistniejące słowo").empty


def test_organisation_mentions_show_the_words_around_each_mention(con):
    orgs = queries.organisation_list(con, search="przestrze")
    assert list(orgs["name"]) == ["Fundacja Nowa Przestrzeń"]
    mentions = queries.organisation_mentions(con, orgs["id"][0], context=30)
    assert len(mentions) == 2
    assert list(mentions["surface"]) == ["Fundacja Nowa Przestrzeń", 'Fundacja "Nowa Przestrzeń"']
    assert mentions["before"][0].endswith("a moderatorem ")
    assert mentions["after"][1].startswith(" zaproponowała zadanie")
    assert all(len(b) <= 30 and len(a) <= 30 for b, a in zip(mentions["before"], mentions["after"]))
    assert set(queries.organisation_list(con, kind="public")["kind"]) == {"public"}


def test_highlighting_escapes_scraped_html_and_marks_offsets():
    text = f"Tekst {HOSTILE} oraz <b>bold</b> i Fundacja Nowa Przestrzeń."
    start = text.index("Fundacja")
    out = highlight_html(text, [(start, start + 24, "organisation", "Fundacja <x>"),
                                (0, 5, "date", None), (5, 3, "goal", "odwrotny"),
                                (None, 4, "goal", "bez początku"), (-5, 10**6, "meeting", "m")])
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out
    assert re.search(r'<mark class="pm-organisation"[^>]*>Fundacja Nowa Przestrzeń</mark>', out)
    assert 'title="meeting: m\norganisation: Fundacja &lt;x&gt;"' in out
    assert re.search(r'<mark class="pm-date"[^>]*>Tekst</mark>', out)


def test_every_label_has_both_languages_and_every_used_key_exists():
    for key, entry in labels().items():
        assert all(entry.get(lang) for lang in LANGUAGES), key
    used = set()
    for path in (REPO / "dashboard").rglob("*.py"):
        used |= set(re.findall(r'\bt\("([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used and not used - set(labels()), sorted(used - set(labels()))
    assert translate("only_in", "en", name="A", areas="b") == "Only A: b"
    assert translate("no-such-key", "pl") == "no-such-key"


def _app(db_path: str, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PARTMON_DB", db_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_missing_or_broken_warehouse_gives_one_clear_message(tmp_path, monkeypatch):
    missing = _app(str(tmp_path / "nie-ma.duckdb"), monkeypatch)
    assert [e.value for e in missing.error] == [
        f"Nie ma pliku hurtowni {tmp_path / 'nie-ma.duckdb'} — utwórz go poleceniem "
        "`partmon run` albo `partmon demo`."]
    junk = tmp_path / "smieci.duckdb"
    junk.write_text("to nie jest baza", encoding="utf-8")
    broken = _app(str(junk), monkeypatch)
    assert len(broken.error) == 1 and str(junk) in broken.error[0].value
    other = tmp_path / "inna.duckdb"
    duckdb.connect(str(other)).close()
    foreign = _app(str(other), monkeypatch)
    assert "nie ma oczekiwanych tabel" in foreign.error[0].value


def test_empty_warehouse_says_so_instead_of_showing_zeros(tmp_path, monkeypatch):
    from warehouse.db import connect

    connect(str(tmp_path / "pusta.duckdb")).close()
    at = _app(str(tmp_path / "pusta.duckdb"), monkeypatch)
    assert not at.error and not at.metric
    assert "Hurtownia jest pusta" in at.info[0].value


def test_overview_metrics_follow_the_voivodeship_in_the_url(db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PARTMON_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["woj"] = "wielkopolskie"
    at.run()
    assert not at.exception
    values = {m.label: m.value for m in at.metric}
    assert values["Dokumenty"] == "2" and values["Uczestnicy"] == "50"
    at.selectbox(key="url_woj").select("").run()
    assert {m.label: m.value for m in at.metric}["Dokumenty"] == "4"
    assert "woj" not in at.query_params


def test_documents_missing_fields_are_shown_plainly(tmp_path, monkeypatch):
    """A scanned PDF with no text, no municipality and no date: listed and opened, no crash."""
    from streamlit.testing.v1 import AppTest

    from warehouse.db import connect
    from warehouse.load import Loader, document_id

    db = build_warehouse(tmp_path / "braki.duckdb", search_index=False)
    con = connect(str(db))
    url = "http://127.0.0.1:9/inne/skan.pdf"
    Loader(con, index_text=False).store_document({
        "url": url, "source": None, "fetched_at": "2026-11-22T10:00:00Z", "http_status": 200,
        "content_type": "application/pdf", "body": b"%PDF-1.4 skan", "title": None,
        "text": None, "text_error": "PDF bez warstwy tekstowej"})
    con.close()
    monkeypatch.setenv("PARTMON_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("views/documents.py").run()
    assert not at.exception and not at.error
    assert any("Znaleziono: 5" in c.value for c in at.caption)
    at.query_params["doc"] = document_id(url)
    at.run()
    assert not at.exception and not at.error
    assert at.title[0].value == url  # no title of its own: the address stands in
    assert [w.value for w in at.warning] == ["Nie udało się odczytać tekstu: PDF bez warstwy tekstowej"]
    assert at.info[0].value == "Ten dokument nie ma tekstu."


def test_the_kind_of_process_narrows_every_count(con):
    assert queries.has_processes(con).loc[0, "present"]
    programmes = queries.summary(con, process_kind="cooperation_programme").iloc[0]
    # Supraśl's 2019 workshops and Wągrowiec's consultation of the programme for 2022
    assert (programmes.documents, programmes.meetings, programmes.participants) == (2, 2, 64)
    assert queries.summary(con, process_kind="participatory_budget").iloc[0].documents == 0
    ids = _ids(con)
    both = [ids["Supraśl"], ids["Wągrowiec"]]
    tasks = queries.municipality_priority_tasks(con, both, process_kind="cooperation_programme")
    assert "oznakowanie szlaków rowerowych" not in set(tasks["text"])  # another process
    assert set(tasks["area"]) == {"kultura", "sport", "polityka społeczna"}
    for_2022 = queries.municipality_priority_tasks(con, both, process_kind="cooperation_programme",
                                                   process_year=2022)
    assert set(for_2022["municipality_id"]) == {ids["Wągrowiec"]}
    procs = queries.municipality_processes(con, both, process_kind="cooperation_programme")
    assert sorted(procs["stage"]) == ["consultation", "workshop"]
    assert list(queries.municipality_list(con, process_kind="cooperation_programme")["name"]) \
        == ["Supraśl", "Wągrowiec"]
    assert len(queries.document_list(con, process_kind="cooperation_programme")) == 2


def test_co_participation_counts_pairs_in_the_same_documents(con):
    pairs = queries.co_participation(con)
    top = pairs.iloc[0]
    assert {top.organisation_a, top.organisation_b} == {
        "Ochotnicza Straż Pożarna w Supraślu", "Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej"}
    assert (top.documents, top.first_year, top.last_year) == (2, 2019, 2022)
    assert len(pairs) == 4 and (pairs["organisation_a_id"] < pairs["organisation_b_id"]).all()
    assert len(queries.co_participation(con, voivodeship="wielkopolskie")) == 1
    assert queries.co_participation(con, years=(2021, 2021))["documents"].tolist() == [1]
    osp = queries.organisation_list(con, search="Ochotnicza")["id"][0]
    assert queries.organisation_municipalities(con, osp)[["municipality", "documents"]] \
        .values.tolist() == [["Supraśl", 2]]
    assert list(queries.organisation_meetings(con, osp)["date"]) == ["2019-03-14", "2022-10-05"]


def test_source_health_puts_the_broken_site_first(tmp_path):
    db = build_warehouse(tmp_path / "zrodla.duckdb", search_index=False, broken_source=True)
    with duckdb.connect(str(db), read_only=True) as con:
        health = queries.source_health(con)
        assert list(zip(health["source"], health["status"])) == [
            ("borowa-wola", "broken"), ("wagrowiec", "warning"), ("suprasl", "ok")]
        assert health.iloc[0]["failed_documents"] == 1
        failed = queries.failed_documents(con)
        assert failed[["source", "stage", "error"]].values.tolist() == [
            ["borowa-wola", "text", BROKEN_TEXT_ERROR]]


def test_error_kinds_read_as_text():
    from dashboard.views.sources import error_kinds_text

    assert error_kinds_text('{"timeout": 2, "http_500": 5, "dns": 0}') == "http_500: 5, timeout: 2"
    assert error_kinds_text(None) == "" and error_kinds_text("nie json") == "nie json"


def test_sources_page_and_sql_errors_in_english(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    db = build_warehouse(tmp_path / "en.duckdb", search_index=False, broken_source=True)
    monkeypatch.setenv("PARTMON_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = "en"
    at.switch_page("views/sources.py").run()
    assert not at.exception
    assert [e.value.split(" — ")[0] for e in at.error] == ["Broken sources: 1"]
    assert {m.label: m.value for m in at.metric}["Broken"] == "1"
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update({"lang": "en", "q": "SELECT * FROM read_csv('/etc/passwd')"})
    at.switch_page("views/sql.py").run()
    assert [e.value for e in at.error] == ["Reading files is not allowed (read_csv)."]


def test_one_municipality_and_a_warehouse_without_processes_work(tmp_path, monkeypatch):
    """An older warehouse file (no processes table) hides the process filter; a view with
    one municipality says a second one is needed for differences."""
    from streamlit.testing.v1 import AppTest

    db = build_warehouse(tmp_path / "stara.duckdb", search_index=False)
    with duckdb.connect(str(db)) as con:
        for view in ("processes_by_municipality_year",):
            con.execute(f"DROP VIEW IF EXISTS {view}")
        con.execute("DROP TABLE processes")
        con.execute("ALTER TABLE documents DROP COLUMN process_id")
    monkeypatch.setenv("PARTMON_DB", str(db))
    for page in ("views/overview.py", "views/municipalities.py", "views/organisations.py",
                 "views/documents.py", "views/sources.py"):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params["woj"] = "podlaskie"
        at.query_params["proces"] = "cooperation_programme"  # a shared link: ignored here
        at.switch_page(page).run()
        assert not at.exception and not at.error, (page, at.exception, at.error)
        assert "Rodzaj procesu" not in [s.label for s in at.selectbox]
        if page.endswith("municipalities.py"):
            assert any("jedną gminę" in c.value for c in at.caption)
            assert "organizacja przeglądu muzyki cerkiewnej" in "".join(
                str(h.proto) for h in at.get("html"))
