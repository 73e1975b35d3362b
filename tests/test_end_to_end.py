"""The whole road: demo site on 127.0.0.1 → real Scrapy engine → extraction → DuckDB → `partmon sql`."""
from __future__ import annotations

import re
import unicodedata

from conftest import FAST_CRAWL, partmon, sql_json


def fold(name: str) -> str:
    name = unicodedata.normalize("NFC", name).lower()
    name = re.sub(r"[„”\"«»'`]", "", name)
    name = re.sub(r"[‐-―-]", " ", name)
    return re.sub(r"\s+", " ", name).strip()


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_every_report_is_harvested_and_nothing_else(demo_site, pipeline_db):
    manifest = demo_site["manifest"]
    rows = sql_json(pipeline_db["db"], "SELECT url, content_type, content_hash, fetched_at, http_status FROM documents")
    harvested = {_path(r["url"]) for r in rows}
    expected = {r["path"] for r in manifest["reports"]}
    assert expected <= harvested, f"reports not harvested: {sorted(expected - harvested)}"
    assert not harvested & set(manifest["non_reports"]), "ordinary news stored as reports"
    for r in rows:  # provenance a researcher can cite
        assert r["http_status"] == 200 and r["fetched_at"] and len(r["content_hash"]) == 64
    pdfs = [r for r in rows if r["content_type"] == "application/pdf"]
    assert len(pdfs) == sum(1 for r in manifest["reports"] if r["format"] == "pdf")


def test_robots_txt_is_obeyed(demo_site, pipeline_db):
    requested = list(demo_site["server"].requests)
    assert any(p.endswith("/robots.txt") for p in requested)
    disallowed = demo_site["manifest"]["disallowed_prefix"]
    assert not [p for p in requested if p.startswith(disallowed)]


def test_meeting_dates_are_in_the_warehouse(demo_site, pipeline_db):
    rows = sql_json(pipeline_db["db"], """
        SELECT d.url, m.meeting_date AS date FROM meetings m JOIN documents d ON d.id = m.document_id""")
    by_path: dict[str, set] = {}
    for r in rows:
        by_path.setdefault(_path(r["url"]), set()).add(r["date"])
    missing = [(r["path"], r["meeting_date"]) for r in demo_site["manifest"]["reports"]
               if r["meeting_date"] not in by_path.get(r["path"], set())]
    assert not missing, f"meeting dates not extracted: {missing}"


def test_organisations_are_in_the_nominative(demo_site, pipeline_db):
    rows = sql_json(pipeline_db["db"], "SELECT name FROM organisations")
    found = {fold(r["name"]) for r in rows}
    expected = {fold(o) for r in demo_site["manifest"]["reports"] for o in r["organisations"]}
    missing = sorted(expected - found)
    # The generator's texts inflect every name; the warehouse must hold the nominative forms.
    assert len(missing) <= len(expected) * 0.1, f"organisations missing: {missing}"


def test_municipalities_come_with_their_voivodeship(demo_site, pipeline_db):
    rows = sql_json(pipeline_db["db"], "SELECT name, voivodeship FROM municipalities")
    got = {(fold(r["name"]), r["voivodeship"]) for r in rows}
    for m in demo_site["manifest"]["municipalities"]:
        assert (fold(m["name"]), m["voivodeship"]) in got


def test_rerun_is_idempotent(demo_site, pipeline_db):
    tables = ["documents", "municipalities", "meetings", "organisations", "organisation_mentions",
              "dates", "goals", "priority_tasks", "legal_acts", "funding", "people"]
    count = lambda: {t: sql_json(pipeline_db["db"], f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}  # noqa: E731
    before = count()
    partmon("run", "--sources", str(pipeline_db["sources"]), "--db", str(pipeline_db["db"]), *FAST_CRAWL)
    assert count() == before
    assert before["documents"] > 0 and before["organisations"] > 0


def test_sql_is_read_only(pipeline_db):
    proc = partmon("sql", "--db", str(pipeline_db["db"]), "DELETE FROM documents", check=False)
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert sql_json(pipeline_db["db"], "SELECT count(*) AS n FROM documents")[0]["n"] > 0


def test_export_writes_every_table(pipeline_db, tmp_path):
    import duckdb

    partmon("export", "--db", str(pipeline_db["db"]), "--format", "csv", "--out", str(tmp_path / "csv"))
    files = {p.stem for p in (tmp_path / "csv").rglob("*.csv")}
    assert {"documents", "organisations", "meetings", "priority_tasks"} <= files
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_csv_auto('{tmp_path}/csv/documents.csv')").fetchone()[0]
    assert n == sql_json(pipeline_db["db"], "SELECT count(*) AS n FROM documents")[0]["n"]


def test_full_text_search_in_sql_understands_inflection(demo_site, pipeline_db):
    """Searching a municipality's nominative finds reports that only use inflected forms."""
    found_inflected_only = False
    for m in demo_site["manifest"]["municipalities"]:
        hits = sql_json(pipeline_db["db"], f"""
            SELECT s.url, d.text FROM search_documents('{m["name"]}') s JOIN documents d ON d.id = s.document_id""")
        assert hits, f"search for {m['name']} found nothing"
        assert all(_path(h["url"]).startswith(m["start_path"]) or m["name"].split()[0][:4].lower() in h["text"].lower()
                   for h in hits)
        literal = re.compile(rf"(?<!\w){re.escape(m['name'])}(?!\w)")
        found_inflected_only |= any(not literal.search(h["text"]) for h in hits)
    assert found_inflected_only, "every hit contained the literal query: inflection not exercised"
